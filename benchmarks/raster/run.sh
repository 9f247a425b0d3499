#!/usr/bin/env bash
# Raster benchmark: builds the Sinop cube tiled N × N (default 40 → 2000 × 2000 px × 23 dates) and classifies it with
# LSTM-FCN (or, with a second argument `ensemble`, LSTM-FCN + gradient boosting trained on the sits samples); prints
# pixels/s and the run's peak working set. Usage: benchmarks/raster/run.sh [N] [lstmfcn|ensemble]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-40}"
model="${2:-lstmfcn}"
pipeline="$root/benchmarks/raster/sinop-tiled-$model.yaml"
[[ -f $pipeline ]] || { echo "no $pipeline (model: lstmfcn or ensemble)" >&2; exit 2; }
cube="$root/runs/bench-cube-$n"
"$root/benchmarks/raster/make-tiled-cube.sh" "$cube" "$n"
overrides=(--set "map.0.with.cube=$cube")
[[ $model == lstmfcn ]] && overrides+=(--set "loader.with.cube=$cube")
run="$("$root/lstmfcn" run "$pipeline" --quiet "${overrides[@]}")"
grep -h "cube-classify:" "$run/run.log" | sed 's/^.*cube-classify/cube-classify/'
grep -h '"peak_working_set_mb"' "$run/run.json"
echo "run directory: $run"
