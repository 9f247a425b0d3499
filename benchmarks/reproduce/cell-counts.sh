#!/usr/bin/env bash
# The cell-count study of seeds-and-protocol.md: LSTM-FCN trained on the whole training set once per cell count
# (8, 64, 128; no selection split), the reproduction template's full recipe otherwise, test probabilities kept, so that
# cell_counts_table.py can set a fixed count and the mean of the three networks' probabilities beside the count the
# validation split chose. A diagnostic: it looks at test accuracy per count, so it chooses nothing.
#   benchmarks/reproduce/cell-counts.sh OUT_DIR [DATASET...]      (default: the seven small sets; seed 42, 2 threads)
#   /usr/bin/python3 benchmarks/reproduce/cell_counts_table.py OUT_DIR/index.txt
# Finished (dataset, cells) pairs are skipped when run again; EPOCHS=5 makes a quick smoke run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$(mkdir -p "${1:?usage: cell-counts.sh OUT_DIR [DATASET...]}" && cd "$1" && pwd)"; shift
datasets=("$@"); [[ ${#datasets[@]} -gt 0 ]] || datasets=(SonyAIBORobotSurface1 ItalyPowerDemand MoteStrain TwoLeadECG ECGFiveDays CBF GunPoint)
ucr="$(cd "$root/../shared/datasets/ucr" && pwd)"
for d in "${datasets[@]}"; do
  for cells in 8 64 128; do
    grep -q "^$d $cells " "$out/index.txt" 2>/dev/null && continue
    start=$(date +%s)
    dir=$("$root/lstmfcn" run "$root/pipelines/reproduce/lstm-fcn.yaml" --quiet --set name="cells-$d-$cells" \
          --set loader.with.train="$ucr/$d/${d}_TRAIN.tsv" --set loader.with.test="$ucr/$d/${d}_TEST.tsv" \
          --set "model.with.cells_candidates=[]" --set model.with.cells=$cells --set threads=2 --set output="$out/runs" ${EPOCHS:+--set model.with.epochs=$EPOCHS} | tail -1)
    echo "$d $cells $dir $(( $(date +%s) - start ))" >> "$out/index.txt"
    echo "$d, $cells cells: $dir"
  done
done
