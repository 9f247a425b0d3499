#!/usr/bin/env bash
# The study at full scale (7 528 records, 5-fold stratified CV, out-of-fold) for benchmarks/ecg/results.md, with the
# feature model ecg-features → gradient-boosting: class weights on/off, augmentation on/off, PAA compression of the
# raw signal to 50/25/10 % before the features. Seeds: SEEDS (default 42; each config costs 4–8 min on 2 cores).
# Writes scale-study-cv.json / .md (challenge score, macro-F1, per-class P/R/F1, confusion matrices).
# Usage: benchmarks/ecg/scale-study.sh        SEEDS="42 7 2026" benchmarks/ecg/scale-study.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="${WORK:-$(mktemp -d)}"
export WORK="$work" MODELS=gb SEEDS="${SEEDS:-42}" OUT="$work"
augment="  - {plugin: augment, with: {classes: [AF, Other, Noisy], copies: 1, noise: 0.05, scale: [0.8, 1.2]}}"
# The base configuration is scale-cv.sh's gb run; a rows file already in WORK (e.g. copied from it) is reused.
[[ -s "$work/base-rows.jsonl" ]] || NAME=base WEIGHT=none "$here/scale-cv.sh"
NAME=weights WEIGHT=balanced "$here/scale-cv.sh"
NAME=augment WEIGHT=none EXTRA="$augment" "$here/scale-cv.sh"
for r in 0.5 0.25 0.1; do NAME="paa$r" WEIGHT=none EXTRA="  - {plugin: paa, with: {ratio: $r}}" "$here/scale-cv.sh"; done
cat "$work"/{base,weights,augment,paa0.5,paa0.25,paa0.1}-rows.jsonl > "$work/study-rows.jsonl"
python3 "$here/challenge_score.py" table "$work/study-rows.jsonl" "$here/scale-study-cv"
