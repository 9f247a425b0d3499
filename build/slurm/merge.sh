#!/usr/bin/env bash
# Test fixture: the merge job of build/slurm-local.sh's self-test. Fails (exit 1) naming every missing task file
# task-0 .. task-(COUNT-1); otherwise writes $OUT/merged.txt.
set -euo pipefail
out="${OUT:?OUT: the output directory}"
count="${COUNT:?COUNT: the number of array tasks}"
missing=()
for ((i = 0; i < count; i++)); do [[ -f "$out/task-$i.txt" ]] || missing+=("$i"); done
if [[ ${#missing[@]} -gt 0 ]]; then echo "merge: missing tasks: ${missing[*]}" >&2; exit 1; fi
for ((i = 0; i < count; i++)); do echo "== task $i"; cat "$out/task-$i.txt"; done > "$out/merged.txt"
echo "$(date +%s.%N) merge done" >> "$out/events.txt"
