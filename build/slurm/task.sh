#!/usr/bin/env bash
# Test fixture: one array task for build/slurm-local.sh's self-test and docs/slurm-local.md, shaped like a generated
# shard script. The "worker" (a child process here, `lstmfcn classify --shard` in the product) sleeps TASK_SECONDS
# (default 2) and writes $OUT/task-<SLURM_ARRAY_TASK_ID>.txt through a temporary name and a rename, holding the Slurm
# variables it saw. Every start, end, retry and signal is appended to $OUT/events.txt.
#
# Retry policy, when the worker fails (RETRY, default loop):
#   loop      run the worker again in the same allocation, up to ATTEMPTS (default 3) times in all, then exit 1
#   requeue   `scontrol requeue` this task (a new allocation, possibly another node) while SLURM_RESTART_COUNT <
#             REQUEUES (default 1), else exit 1
#   none      exit with the worker's status
# CRASH_TASKS="1 5": those tasks' workers kill themselves (SIGKILL) on their first run, once per $OUT.
set -uo pipefail
out="${OUT:?OUT: the output directory}"
id="${SLURM_ARRAY_TASK_ID:?not an array task}"
mkdir -p "$out"
ev() { echo "$(date +%s.%N) $* task $id job ${SLURM_JOB_ID:-} node ${SLURMD_NODENAME:-} restart ${SLURM_RESTART_COUNT:-0}" >> "$out/events.txt"; }
trap 'ev SIGTERM; echo "$(date +%s.%N) SIGTERM task $id pid $$" >> "$out/signals.txt"; kill -TERM "${worker:-0}" 2>/dev/null; exit 143' TERM

work() {
  if [[ " ${CRASH_TASKS:-} " == *" $id "* ]] && mkdir "$out/.crashed-$id" 2>/dev/null; then
    ev crash; kill -KILL $BASHPID
  fi
  sleep "${TASK_SECONDS:-2}"
  local tmp="$out/.task-$id.$BASHPID"
  env | grep -E '^SLURM_(ARRAY|JOB_ID|RESTART|JOB_NODELIST|CPUS_ON_NODE|JOB_PARTITION)|^SLURMD_NODENAME' | sort > "$tmp"
  mv "$tmp" "$out/task-$id.txt"
}

ev start
attempts="${ATTEMPTS:-3}"
[[ "${RETRY:-loop}" == loop ]] || attempts=1
for ((a = 1; a <= attempts; a++)); do
  work & worker=$!
  wait "$worker"; rc=$?
  if ((rc == 0)); then ev end; exit 0; fi
  ev "worker-failed rc=$rc attempt $a"
done
if [[ "${RETRY:-loop}" == requeue ]] && (( ${SLURM_RESTART_COUNT:-0} < ${REQUEUES:-1} )); then
  ev requeue
  scontrol requeue "$SLURM_JOB_ID"
  sleep 60 & wait $!   # Slurm ends this allocation (SIGTERM, then SIGKILL after KillWait)
fi
exit "$rc"
