#!/usr/bin/env bash
# Raster benchmark: builds the Sinop cube tiled N × N (default 40 → 2000 × 2000 px × 23 dates) and classifies it with
# LSTM-FCN; prints pixels/s and the run's peak working set. Usage: benchmarks/raster/run.sh [N]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-40}"
cube="$root/runs/bench-cube-$n"
"$root/benchmarks/raster/make-tiled-cube.sh" "$cube" "$n"
run="$("$root/lstmfcn" run "$root/benchmarks/raster/sinop-tiled-lstmfcn.yaml" --quiet \
  --set "loader.with.cube=$cube" --set "report.0.with.cube=$cube")"
grep -h "cube-classify:" "$run/run.log" | sed 's/^.*cube-classify/cube-classify/'
grep -h '"peak_working_set_mb"' "$run/run.json"
echo "run directory: $run"
