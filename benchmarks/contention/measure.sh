#!/usr/bin/env bash
# Measures a 40-epoch GunPoint LSTM-FCN training (the README's main job, shortened) under each OpenMP wait policy
# and torch thread count, on a quiet machine and beside a CPU hog (one busy-loop process per core), in paired,
# interleaved rounds: every round runs each configuration once, quiet then loaded, in a rotated order, so slow drifts
# of the machine's background load (it is shared) hit every configuration alike. Prints one CSV row per run.
#
#   benchmarks/contention/measure.sh [ROUNDS] [APP_DLL] > raw.csv
#   python3 benchmarks/contention/summarize.py raw.csv
#
# Configurations are "POLICY/THREADS/HOW": POLICY is the OMP_WAIT_POLICY the process starts with ("unset" = libgomp's
# default), THREADS the pipeline's `threads`, HOW how the policy reached the process ("env": exported before the
# process starts; anything else, e.g. "app": nothing exported, the CLI's own default applies). A configuration may end
# in @DLL to run another build of the CLI (e.g. unset/2/managed@/tmp/app-managed/lstmfcn.dll: a probe build that sets
# the variable only through .NET's Environment.SetEnvironmentVariable). CONFIGS overrides the list.
# The hog and the measured run both run under `nice -n 10` (the machine is shared with other people's work); the load
# average is recorded before each run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds="${1:-3}"
app="${2:-$root/artifacts/app/lstmfcn.dll}"
configs=(${CONFIGS:-unset/2/env PASSIVE/2/env unset/1/env PASSIVE/1/env})
out="$(mktemp -d /tmp/lstmfcn-contention.XXXXXX)"
hogs=()

start_hog() { for _ in $(seq "$(nproc)"); do nice -n 10 bash -c 'while :; do :; done' & hogs+=($!); done; sleep 1; }
stop_hog() { for p in "${hogs[@]}"; do kill "$p" 2>/dev/null || true; done; wait "${hogs[@]}" 2>/dev/null || true; hogs=(); }
trap 'stop_hog; rm -rf "$out"' EXIT

run_one() { # round load config
  local round=$1 load=$2 config=$3 dll=$app
  if [[ "$config" == *@* ]]; then dll=${config#*@}; config=${config%%@*}; fi
  IFS=/ read -r policy threads how <<<"$config"
  local load1; load1=$(cut -d' ' -f1 /proc/loadavg)
  local envs=(env -u OMP_WAIT_POLICY)
  [[ "$how" == env && "$policy" != unset ]] && envs+=("OMP_WAIT_POLICY=$policy")
  local t; t=$( { "${envs[@]}" nice -n 10 /usr/bin/time -f '%e %U %S' dotnet "$dll" run "$root/pipelines/gunpoint-lstmfcn.yaml" \
      --quiet --set model.with.epochs=40 --set "threads=$threads" --set "output=$out" >/dev/null; } 2>&1 | tail -1)
  read -r wall user sys <<<"$t"
  echo "$round,$load,$policy,$threads,$how,$wall,$(awk "BEGIN{print $user + $sys}"),$load1"
}

echo "round,load,policy,threads,how,wall_s,cpu_s,loadavg1_before"
for round in $(seq "$rounds"); do
  # Rotate the order each round so no configuration always runs first (warm caches) or last.
  n=${#configs[@]}; order=()
  for i in $(seq 0 $((n - 1))); do order+=("${configs[$(((i + round) % n))]}"); done
  for config in "${order[@]}"; do run_one "$round" quiet "$config"; done
  start_hog
  for config in "${order[@]}"; do run_one "$round" loaded "$config"; done
  stop_hog
done
