#!/usr/bin/env bash
# The test command: prepares the machine (build/setup.sh: system packages, restore, build) and runs every test.
# Failed tests are printed again at the very end (build/print-failures.py), where a log read from its tail shows them.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/build/setup.sh"
results="$(mktemp -d "${TMPDIR:-/tmp}/lstmfcn-test-results.XXXXXX")"
trap 'rm -rf "$results"' EXIT
status=0
dotnet test "$root/LstmFcn.Pipeline.sln" -c Release --no-build --nologo -v q --logger "console;verbosity=normal" \
  --logger "trx;LogFileName=tests.trx" --results-directory "$results" "$@" || status=$?
if [ "$status" -ne 0 ]; then
  shopt -s globstar nullglob
  trx=("$results"/**/*.trx)
  [ "${#trx[@]}" -gt 0 ] && python3 "$root/build/print-failures.py" "${trx[@]}" || true
fi
exit "$status"
