#!/usr/bin/env bash
# Publishes lstmfcn as one self-contained folder, with its built-in plugins, for a machine without .NET.
#   build/publish.sh OUT_DIR [cpu|cuda|external]
# cpu (default) carries libtorch-cpu; cuda carries TorchSharp-cuda-linux (where the NuGet feed serves it); external
# carries no libtorch: run the app with a CUDA-enabled libtorch on LD_LIBRARY_PATH, e.g. a PyTorch install's:
#   LD_LIBRARY_PATH=$(python3 -c 'import torch,os;print(os.path.dirname(torch.__file__))')/lib OUT_DIR/lstmfcn run ...
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(realpath -m "${1:?usage: build/publish.sh OUT_DIR [cpu|cuda|external]}")"
backend="${2:-cpu}"
[[ $backend == cpu || $backend == cuda || $backend == external ]] || { echo "backend must be cpu, cuda or external; found '$backend'" >&2; exit 2; }
[[ -e $out ]] && { echo "$out already exists; give a new folder" >&2; exit 2; }

# The plugins do not depend on the backend (they take TorchSharp from the host): the usual build provides them.
dotnet build "$root/LstmFcn.Pipeline.sln" -c Release -nologo -v quiet -clp:ErrorsOnly
# Publishing for a runtime identifier rebuilds every project for it; a scratch AppDir keeps those builds out of
# artifacts/app. The publish goes to a temporary name and is renamed when complete.
stage="$(mktemp -d)"
trap 'rm -rf "$stage" "$out.partial"' EXIT
dotnet publish "$root/core/Cli/LstmFcn.Pipeline.Cli.csproj" -c Release -r linux-x64 --self-contained true -nologo -v quiet \
  -clp:ErrorsOnly -p:PublishTrimmed=false -p:TorchBackend="$backend" -p:AppDir="$stage/" -o "$out.partial"
mkdir -p "$out.partial/plugins"
for plugin in "$root"/artifacts/app/plugins/*/; do
  name="$(basename "$plugin")"
  mkdir -p "$out.partial/plugins/$name"
  # Everything but native libraries for other systems.
  (cd "$plugin" && find . -type f \( ! -path './runtimes/*' -o -path './runtimes/linux-x64/*' \) ! -path './linux-x64/*' -print0 |
    xargs -0 -r cp --parents -t "$out.partial/plugins/$name")
done
mv "$out.partial" "$out"
echo "$out: lstmfcn with $(ls "$out/plugins" | wc -l) plugin folders, torch backend $backend ($(du -sh "$out" | cut -f1))"
