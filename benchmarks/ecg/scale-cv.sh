#!/usr/bin/env bash
# Cross-validation at full scale for benchmarks/ecg/results.md: the feature models (ecg-features → gradient-boosting,
# random-forest) on the 7 528 CinC 2017 training records, stratified 5-fold CV, out-of-fold, one run per seed (the
# seed changes the folds and the learner's draws), 2 threads, no final fit. Writes scale-cv.json (one row per run:
# challenge score = mean F1 of Normal, AF, Other as Clifford et al. 2017 scored; macro-F1 over the four classes;
# per-class precision/recall/F1; confusion matrix) and scale-cv.md (mean ± sd over seeds, summed confusion matrices).
# Usage: benchmarks/ecg/scale-cv.sh                      (needs the app built; ~3 min per run on 2 quiet cores)
#        MODELS="gb" SEEDS="42" benchmarks/ecg/scale-cv.sh
#        EXTRA="  - {plugin: paa, with: {ratio: 0.5}}" NAME=paa50 …   (a step before ecg-features, for the study)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
app="$repo/artifacts/app/lstmfcn.dll"
data="$(cd "$repo/../shared/datasets/cinc2017_af/training" && pwd)"
work="${WORK:-$(mktemp -d)}"
out="${OUT:-$repo/benchmarks/ecg}"
seeds=(${SEEDS:-42 7 2026})
models=(${MODELS:-gb rf})
weight=${WEIGHT:-none}
name=${NAME:-scale}
extra=${EXTRA:-}
model_step() { case $1 in
  gb) echo "{plugin: gradient-boosting, with: {iterations: ${ITERATIONS:-100}, class_weight: $weight}}" ;;
  rf) echo "{plugin: random-forest, with: {trees: 500, max_features: sqrt, class_weight: $weight}}" ;;
  *) echo "model must be gb or rf, found '$1'" >&2; exit 2 ;;
esac; }

for model in "${models[@]}"; do for seed in "${seeds[@]}"; do
  run="$name-$model-s$seed"
  cat > "$work/$run.yaml" <<YAML
name: ecg-$run
seed: $seed
threads: 2
loader: {plugin: cinc2017, with: {data: $data}}
preprocess:
$extra
  - ecg-features
model: $(model_step "$model")
evaluate: {kfold: 5, final_fit: false}
report: [{plugin: metrics, with: {print: false}}]
output: $work/runs
YAML
  start=$SECONDS
  /usr/bin/time -v dotnet "$app" run "$work/$run.yaml" > "$work/$run.log" 2>&1 || { tail -30 "$work/$run.log"; exit 1; }
  dir="$(ls -td "$work"/runs/ecg-"$run"-* | head -1)"
  peak=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/$run.log")
  python3 "$repo/benchmarks/ecg/challenge_score.py" row "$dir/metrics.json" "$name" "$model" "$seed" $((SECONDS - start)) "$peak" "$weight" >> "$work/$name-rows.jsonl"
  echo "$run: $(tail -1 "$work/$name-rows.jsonl" | python3 -c 'import json,sys; r=json.load(sys.stdin); print("challenge", round(r["challenge"],4), "macro-F1", round(r["macro_f1"],4), "s", r["seconds"])')"
done; done
python3 "$repo/benchmarks/ecg/challenge_score.py" table "$work/$name-rows.jsonl" "$out/$name-cv"
