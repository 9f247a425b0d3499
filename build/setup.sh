#!/usr/bin/env bash
# Prepares a fresh Debian/Ubuntu machine: system packages the product needs, NuGet restore, build.
# Safe to run again. Needs the .NET 10 SDK on PATH.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

packages=()
if command -v apt-get >/dev/null; then
  # libgomp1: OpenMP runtime libtorch links against on some systems.
  for p in libgomp1; do
    dpkg -s "$p" >/dev/null 2>&1 || packages+=("$p")
  done
  if [[ ${#packages[@]} -gt 0 ]]; then
    sudo_cmd=""; [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${packages[@]}"
  fi
fi

if ! command -v dotnet >/dev/null; then
  echo "error: the .NET 10 SDK is required (dotnet not found on PATH)" >&2
  exit 2
fi
dotnet build "$root/LstmFcn.Pipeline.sln" -c Release -nologo -v quiet -clp:ErrorsOnly
touch "$root/artifacts/app/lstmfcn.dll"
