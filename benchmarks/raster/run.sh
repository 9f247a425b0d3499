#!/usr/bin/env bash
# Raster benchmark: builds the Sinop cube tiled N × N (default 40 → 2000 × 2000 px × 23 dates) and classifies it with
# LSTM-FCN (or, with a second argument `ensemble`, LSTM-FCN + gradient boosting trained on the sits samples, or
# `minirocket`, MiniRocket trained on them, or `1nn`, the map path alone); prints
# pixels/s and the run's peak working set. Usage: benchmarks/raster/run.sh [N] [lstmfcn|ensemble|minirocket|1nn]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-40}"
model="${2:-lstmfcn}"
pipeline="$root/benchmarks/raster/sinop-tiled-$model.yaml"
[[ -f $pipeline ]] || { echo "no $pipeline (model: lstmfcn, ensemble, minirocket or 1nn)" >&2; exit 2; }
cube="$root/runs/bench-cube-$n"
"$root/benchmarks/raster/make-tiled-cube.sh" "$cube" "$n"
overrides=(--set "map.0.with.cube=$cube")
[[ $model == lstmfcn || $model == 1nn ]] && overrides+=(--set "loader.with.cube=$cube")
run="$("$root/lstmfcn" run "$pipeline" --quiet "${overrides[@]}")"
grep -h "cube-classify:" "$run/run.log" | sed 's/^.*cube-classify/cube-classify/'
grep -h '"peak_working_set_mb"' "$run/run.json"
echo "run directory: $run"
