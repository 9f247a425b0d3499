#!/usr/bin/env bash
# Self-test of the local Slurm cluster (build/slurm-local.sh), in the shape of the classify-on-Slurm tests:
#   build/slurm/selftest.sh [basic] [retry] [missing] [fault]     (default: basic retry missing fault)
# basic    an 8-task array (--array=0-7 --requeue) of task.sh and a merge job with --dependency=afterok:<array>
# retry    two tasks' workers crash once (SIGKILL); the task script's retry loop runs them again in place
# missing  two tasks fail for good; a merge with --dependency=afterany:<array> runs and names them
# fault    the node running a task dies mid-array (kill-node: slurmd, step daemon and task processes);
#          Slurm sets it DOWN, requeues the task, the node is started again, the merge still runs (afterok)
# Starts the cluster if it is not running, and stops it at the end only in that case. Prints timings.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cluster="$root/build/slurm-local.sh"
scenarios=("$@"); [[ ${#scenarios[@]} -gt 0 ]] || scenarios=(basic retry missing fault)

started=0
if ! "$cluster" status >/dev/null 2>&1; then "$cluster" start >/dev/null; started=1; fi
[[ $started == 1 ]] && trap '"$cluster" stop' EXIT
eval "$("$cluster" env)"
work="$(mktemp -d "${TMPDIR:-/tmp}/slurm-selftest.XXXXXX")"
chmod 755 "$work"   # jobs run as the submitting user; root's mktemp directory is 700
fail() { echo "selftest: FAIL: $*" >&2; exit 1; }
now() { date +%s%3N; }   # milliseconds
since() { local d=$(( $(now) - $1 )); printf '%d.%d' $((d / 1000)) $((d % 1000 / 100)); }

submit() {  # submit OUT DEP TASK_ENV... ; sets A (array) and M (merge)
  local out="$1" dep="$2"; shift 2
  mkdir -p "$out"
  A=$(sbatch --parsable --array=0-7 --requeue -o "$out/slurm-%A_%a.out" --export="ALL,OUT=$out,$(IFS=,; echo "$*")" \
    "$root/build/slurm/task.sh")
  M=$(sbatch --parsable --dependency="$dep:$A" -o "$out/merge-%j.out" --export="ALL,OUT=$out,COUNT=8" \
    "$root/build/slurm/merge.sh")
}

for s in "${scenarios[@]}"; do
  t0=$(now); out="$work/$s"
  case "$s" in
    basic)
      submit "$out" afterok TASK_SECONDS=2 RETRY=none
      "$cluster" wait "$M" 120 >/dev/null || fail "basic: merge job $M"
      "$cluster" wait "$A" 5 >/dev/null || fail "basic: array $A"
      [[ $(grep -c '^== task' "$out/merged.txt") == 8 ]] || fail "basic: merged.txt"
      ;;
    retry)
      submit "$out" afterok TASK_SECONDS=2 RETRY=loop ATTEMPTS=2 'CRASH_TASKS=1 5'
      "$cluster" wait "$M" 120 >/dev/null || fail "retry: merge job $M"
      [[ $(grep -c worker-failed "$out/events.txt") == 2 ]] || fail "retry: expected 2 worker failures"
      ;;
    missing)
      submit "$out" afterany TASK_SECONDS=1 RETRY=none 'CRASH_TASKS=1 5'
      if "$cluster" wait "$M" 120 >/dev/null; then fail "missing: the merge should have failed"; fi
      grep -q 'missing tasks: 1 5' "$out"/merge-*.out || fail "missing: merge did not name tasks 1 5"
      ;;
    fault)
      submit "$out" afterok TASK_SECONDS=10 RETRY=none
      until victim=$(squeue -h -j "$A" -t running -w n2 -o %K) && [[ -n "$victim" ]]; do
        (( $(now) - t0 < 60000 )) || fail "fault: no task ran on n2"; sleep 0.5
      done
      sleep 2
      tk=$(now); "$cluster" kill-node n2 2>/dev/null
      until [[ "$(sinfo -h -N -n n2 -o %T)" == down* ]]; do
        (( $(now) - tk < 120000 )) || fail "fault: n2 not DOWN after 120 s"; sleep 0.5
      done
      echo "selftest: fault: n2 DOWN $(since "$tk") s after the kill; task $victim: $(squeue -h -j "${A}_$victim" -o '%T %r')"
      "$cluster" start-node n2 2>/dev/null
      "$cluster" wait "$M" 240 >/dev/null || fail "fault: merge job $M"
      final="$("$cluster" wait "$A" 5)" || fail "fault: array $A: $final"
      grep -q "^${A}_$victim COMPLETED exit=0:0 restarts=1$" <<<"$final" || fail "fault: task $victim not requeued once: $final"
      [[ $(grep -c '^== task' "$out/merged.txt") == 8 ]] || fail "fault: merged.txt"
      ;;
    *) fail "unknown scenario $s" ;;
  esac
  echo "selftest: $s: ok in $(since "$t0") s"
done
rm -rf "$work"
