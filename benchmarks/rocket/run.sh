#!/usr/bin/env bash
# ROCKET-family benchmark, side by side with the numba MiniRocket + scikit-learn reference, in one command:
#   benchmarks/rocket/run.sh            (writes benchmarks/rocket/results.md; about 10 minutes on 2 cores)
# MiniRocket and the reference: 3 repeats per set, medians; the other models: 1 repeat (accuracy; seconds for scale).
# The reference needs Debian's python3-numba and python3-sklearn (installed here when missing).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
export OMP_WAIT_POLICY=PASSIVE OMP_NUM_THREADS=2 OPENBLAS_NUM_THREADS=2 NUMBA_NUM_THREADS=2
data="${DATA:-$root/../shared/datasets/ucr}"
if ! /usr/bin/python3 -c "import numba, sklearn" 2>/dev/null; then
  sudo_cmd=""; [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq python3-numba python3-sklearn
fi
dotnet build benchmarks/Rocket.Bench -c Release -v quiet -nologo >/dev/null
bench="dotnet benchmarks/Rocket.Bench/bin/Release/net10.0/Rocket.Bench.dll"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
nice -n 10 /usr/bin/python3 benchmarks/reference/minirocket_numba.py --data "$data" --threads 2 --repeats 3 > "$tmp/reference.json"
nice -n 10 $bench --models minirocket --threads 2 --repeats 3 --data "$data" --reference "$tmp/reference.json" --out "$tmp/minirocket.md"
nice -n 10 $bench --models multirocket,hydra,hydra-multirocket --threads 2 --repeats 1 --data "$data" --out "$tmp/others.md"
{
  echo "# ROCKET family on the 12 staged UCR sets"
  echo
  echo "Command: \`benchmarks/rocket/run.sh\` ($(date -u +%Y-%m-%d), $(nproc) cores, machine shared; 2 threads each side)."
  echo "Reference: \`benchmarks/reference/minirocket_numba.py\` (MiniRocket written in numba from the paper + scikit-learn"
  echo "StandardScaler/RidgeClassifierCV), its JIT compile excluded; ours after one untimed warm-up fit."
  echo
  echo "## MiniRocket beside the numba reference"
  echo
  cat "$tmp/minirocket.md"
  echo
  echo "## MultiRocket, Hydra, Hydra + MultiRocket"
  echo
  cat "$tmp/others.md"
} > benchmarks/rocket/results.md
cat benchmarks/rocket/results.md
