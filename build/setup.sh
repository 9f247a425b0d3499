#!/usr/bin/env bash
# Prepares a fresh Debian/Ubuntu machine: the system packages listed in build/apt-packages.txt (when missing),
# NuGet restore and a Release build of the app, its built-in plugins and the tests. Safe to run again.
# Needs the .NET 10 SDK on PATH.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

missing=()
if command -v dpkg >/dev/null; then
  while read -r pkg; do
    [[ -z "$pkg" || "$pkg" == \#* ]] && continue
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done < "$root/build/apt-packages.txt"
fi
if [[ ${#missing[@]} -gt 0 ]]; then
  sudo_cmd=""; [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
  echo "Installing system packages: ${missing[*]}" >&2
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}"
fi

if ! command -v dotnet >/dev/null; then
  echo "error: the .NET 10 SDK is required (dotnet not found on PATH); see README.md" >&2
  exit 2
fi
dotnet build "$root/LstmFcn.Pipeline.sln" -c Release -nologo -v quiet -clp:ErrorsOnly
touch "$root/artifacts/app/lstmfcn.dll"
