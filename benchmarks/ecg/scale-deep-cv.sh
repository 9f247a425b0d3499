#!/usr/bin/env bash
# Cross-validation of the deep models at full scale for benchmarks/ecg/results.md: the 7 528 CinC 2017 training
# records, stratified 5-fold CV, out-of-fold, no final fit, one run per model and seed. Each run appends its row to
# scale-deep-cv.jsonl (kept in the repository: rows of several sessions add up), keeps its out-of-fold probabilities in
# oof/MODEL-sSEED.csv.gz (keep_oof.py; for ensemble_oof.py), and rewrites scale-deep-cv.md / .json (mean ± sd over the
# seeds of each model).
# Models (each its committed pipeline, only the data, seed, threads and final fit set here):
#   cnn      pipelines/ecg-residual-cnn.yaml         raw 100 Hz, 2 threads (~35–43 s/epoch, ~60–80 min a CV)
#   stft     pipelines/ecg-stft-lstm-fcn.yaml        spectrogram LSTM-FCN, 1 thread (~26 min beside another job)
#   alstm    the same with model alstm-fcn           1 thread
#   cnnlstm  pipelines/ecg-stft-cnn-lstm.yaml        30 epochs (100 at 300 records), 2 threads
# Usage: MODELS="cnn stft" SEEDS="7 2026" benchmarks/ecg/scale-deep-cv.sh      (THREADS=N overrides the threads)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
bench="$repo/benchmarks/ecg"
data=../../shared/datasets/cinc2017_af/training
seeds=(${SEEDS:-42 7 2026})
models=(${MODELS:-cnn stft})
work="${WORK:-$(mktemp -d)}"

for model in "${models[@]}"; do for seed in "${seeds[@]}"; do
  case $model in
    cnn)     file=ecg-residual-cnn.yaml;  name=raw-100hz;   plugin=ecg-residual-cnn; threads=2; extra=() ;;
    stft)    file=ecg-stft-lstm-fcn.yaml; name=spectrogram; plugin=lstm-fcn;         threads=1; extra=() ;;
    alstm)   file=ecg-stft-lstm-fcn.yaml; name=spectrogram; plugin=alstm-fcn;        threads=1
             extra=(--set name=ecg-stft-alstm-fcn --set model.plugin=alstm-fcn) ;;
    cnnlstm) file=ecg-stft-cnn-lstm.yaml; name=spectrogram-windows; plugin=cnn-lstm; threads=2
             extra=(--set model.with.epochs=30) ;;
    *) echo "model must be cnn, stft, alstm or cnnlstm, found '$model'" >&2; exit 2 ;;
  esac
  log="$work/$model-s$seed.log"
  start=$SECONDS
  /usr/bin/time -v "$repo/lstmfcn" run "$repo/pipelines/$file" --set seed="$seed" --set loader.with.data=$data \
    --set threads="${THREADS:-$threads}" --set evaluate.final_fit=false "${extra[@]}" > "$log" 2>&1 || { tail -30 "$log"; exit 1; }
  dir="$(sed -n 's/^Run directory: //p' "$log" | head -1)"
  [[ -d "$dir" ]] || { echo "$log names no run directory" >&2; exit 1; }
  peak=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  python3 "$bench/challenge_score.py" row "$dir/metrics.json" "$name" "$plugin" "$seed" $((SECONDS - start)) "$peak" balanced >> "$bench/scale-deep-cv.jsonl"
  python3 "$bench/keep_oof.py" "$dir" "$model-s$seed"
  echo "$model seed $seed: $(tail -1 "$bench/scale-deep-cv.jsonl" | python3 -c 'import json,sys; r=json.load(sys.stdin); print("challenge", round(r["challenge"],4), "macro-F1", round(r["macro_f1"],4), "s", r["seconds"])')"
done; done
python3 "$bench/challenge_score.py" table "$bench/scale-deep-cv.jsonl" "$bench/scale-deep-cv"
