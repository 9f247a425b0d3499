#!/usr/bin/env bash
# Effect study for benchmarks/ecg/results.md: random forest on ecg-features (pipelines/ecg-rf.yaml) under
# class weights on/off, augmentation on/off and PAA compression of the raw signal to 50/25/10 % of its points,
# each scored by stratified 5-fold cross-validation on the 300 CinC 2017 records (1 thread, no final fit), repeated
# for several seeds (fold assignment, forest and augmentation draws all change with the seed): the table gives the
# mean over seeds and their spread. Writes benchmarks/ecg/effects.md and effects.json.
# Usage: benchmarks/ecg/run.sh            (needs the app built: dotnet build LstmFcn.Pipeline.sln -c Release)
#        SEEDS="42" benchmarks/ecg/run.sh (one seed, ~2 min)
#        MODEL=gradient-boosting benchmarks/ecg/run.sh   (the same study for gradient-boosting: effects-gb.md/json)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
app="$repo/artifacts/app/lstmfcn"
data="$(cd "$repo/../shared/datasets/cinc2017_af/validation" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
seeds=(${SEEDS:-42 7 2026})
model=${MODEL:-random-forest}
case $model in
  random-forest) suffix="" ;;
  gradient-boosting) suffix="-gb" ;;
  *) echo "MODEL must be random-forest or gradient-boosting, found '$model'" >&2; exit 2 ;;
esac
model_step() { # class_weight
  if [[ $model == random-forest ]]; then echo "{plugin: random-forest, with: {trees: 500, max_features: sqrt, class_weight: $1}}"
  else echo "{plugin: gradient-boosting, with: {iterations: 100, class_weight: $1}}"; fi
}
# Augmentation: noisy (5 % of the lead's deviation), amplitude-scaled (0.8–1.2) copies of the minority classes,
# two per record, so the training folds come near balance (150 N : 150 AF : 210 O : 90 ~ before the fold split).
augment='{plugin: augment, with: {classes: [AF, Other, Noisy], copies: 2, noise: 0.05, scale: [0.8, 1.2]}}'

run() { for seed in "${seeds[@]}"; do run_seed "$@" "$seed"; done; }

run_seed() { # name class_weight augment(yes|no) paa_ratio(0 = none) seed
  local name=$1 weight=$2 aug=$3 paa=$4 seed=$5 steps=""
  [[ $aug == yes ]] && steps+="  - $augment"$'\n'
  [[ $paa != 0 ]] && steps+="  - {plugin: paa, with: {ratio: $paa}}"$'\n'
  steps+="  - ecg-features"
  cat > "$work/$name.yaml" <<YAML
name: ecg-effect-$name-s$seed
seed: $seed
threads: 1
loader: {plugin: cinc2017, with: {data: $data}}
preprocess:
$steps
model: $(model_step "$weight")
evaluate: {kfold: 5, final_fit: false}
report: [{plugin: metrics, with: {print: false}}]
output: $work/runs
YAML
  local start=$SECONDS
  "$app" run "$work/$name.yaml" > "$work/$name.log" 2>&1 || { cat "$work/$name.log"; exit 1; }
  local dir; dir="$(ls -td "$work"/runs/ecg-effect-"$name"-s"$seed"-* | head -1)"
  python3 - "$dir/metrics.json" "$name" "$weight" "$aug" "$paa" $((SECONDS - start)) "$seed" >> "$work/rows.jsonl" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
print(json.dumps({"config": sys.argv[2], "class_weight": sys.argv[3], "augment": sys.argv[4], "paa": float(sys.argv[5]),
                  "seconds": int(sys.argv[6]), "seed": int(sys.argv[7]), "macro_f1": m["macro_f1"], "accuracy": m["accuracy"],
                  "f1": {c["name"]: c["f1"] for c in m["classes"]}, "confusion": m["confusion_matrix"]["counts"]}))
PY
  echo "$name seed $seed: macro-F1 $(tail -1 "$work/rows.jsonl" | python3 -c 'import json,sys; print(round(json.load(sys.stdin)["macro_f1"], 3))')"
}

run base none no 0
run weights balanced no 0
run augment none yes 0
run weights-augment balanced yes 0
for r in 0.5 0.25 0.1; do run "weights-paa$r" balanced no $r; done
for r in 0.5 0.25 0.1; do run "weights-augment-paa$r" balanced yes $r; done

python3 - "$work/rows.jsonl" "$repo/benchmarks/ecg" "$suffix" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
json.dump(rows, open(sys.argv[2] + f"/effects{sys.argv[3]}.json", "w"), indent=1)
configs = list(dict.fromkeys(r["config"] for r in rows))
classes = list(rows[0]["f1"])
def stat(values):
    return f"{statistics.mean(values):.3f}" + (f" ± {statistics.stdev(values):.3f}" if len(values) > 1 else "")
seeds = sorted({r["seed"] for r in rows})
out = [f"Mean ± standard deviation over seeds {', '.join(map(str, seeds))} (5-fold CV each).", "",
       "| configuration | class weights | augmentation | PAA (kept) | macro-F1 | accuracy | " + " | ".join(f"F1 {c}" for c in classes) + " | wall s / run |",
       "|---|---|---|---|---|---|" + "---|" * len(classes) + "---|"]
for c in configs:
    rs = [r for r in rows if r["config"] == c]
    r0 = rs[0]
    paa = "—" if r0["paa"] == 0 else f"{r0['paa'] * 100:g} %"
    out.append(f"| {c} | {r0['class_weight']} | {r0['augment']} | {paa} | {stat([r['macro_f1'] for r in rs])} | "
               f"{stat([r['accuracy'] for r in rs])} | " + " | ".join(stat([r['f1'][k] for r in rs]) for k in classes)
               + f" | {statistics.mean(r['seconds'] for r in rs):.0f} |")
open(sys.argv[2] + f"/effects{sys.argv[3]}.md", "w").write("\n".join(out) + "\n")
print("\n".join(out))
PY
