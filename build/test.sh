#!/usr/bin/env bash
# The test command: prepares the machine (build/setup.sh: system packages, restore, build) and runs every test.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/build/setup.sh"
exec dotnet test "$root/LstmFcn.Pipeline.sln" -c Release --no-build --nologo -v q --logger "console;verbosity=normal" "$@"
