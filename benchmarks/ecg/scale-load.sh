#!/usr/bin/env bash
# Loading + feature extraction at full scale for benchmarks/ecg/results.md: the cinc2017 loader reads all 7 528
# training records (WFDB .hea + MATLAB v4 .mat, in parallel) and ecg-features turns each into 68 features (parallel
# over records), inside one `lstmfcn run` whose model is a single boosting iteration (so the run is loading and
# extraction). Prints records/s for each stage (from run.log's timestamps), the process's peak resident memory and
# CPU time (/usr/bin/time -v). Repeats RUNS times (default 3) and prints the median.
# Usage: benchmarks/ecg/scale-load.sh          (needs the app built; ~1–2 min per run on 2 cores)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
app="$repo/artifacts/app/lstmfcn.dll"
data="$(cd "$repo/../shared/datasets/cinc2017_af/training" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
runs=${RUNS:-3}
cat > "$work/load.yaml" <<YAML
name: ecg-scale-load
seed: 1
threads: ${THREADS:-2}
loader: {plugin: cinc2017, with: {data: $data}}
preprocess: [ecg-features]
model: {plugin: gradient-boosting, with: {iterations: 1}}
report: [{plugin: metrics, with: {print: false}}]
output: $work/runs
YAML
for i in $(seq "$runs"); do
  /usr/bin/time -v dotnet "$app" run "$work/load.yaml" > "$work/run$i.log" 2>&1 || { tail -30 "$work/run$i.log"; exit 1; }
  dir="$(ls -td "$work"/runs/ecg-scale-load-* | head -1)"
  python3 - "$dir/run.log" "$work/run$i.log" <<'PY' | tee -a "$work/rows.txt"
import re, sys, datetime
def t(line): return datetime.datetime.fromisoformat(line[:23])
lines = open(sys.argv[1]).read().splitlines()
start = t(lines[0]); loaded = next(t(l) for l in lines if "Loaded " in l); extracted = next(t(l) for l in lines if "Preprocessed with ecg-features" in l)
n = int(re.search(r"Loaded (\d+) training", next(l for l in lines if "Loaded " in l)).group(1))
tv = open(sys.argv[2]).read()
peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", tv).group(1)) / 1024
cpu = float(re.search(r"User time \(seconds\): ([\d.]+)", tv).group(1)) + float(re.search(r"System time \(seconds\): ([\d.]+)", tv).group(1))
load_s = (loaded - start).total_seconds(); feat_s = (extracted - loaded).total_seconds()
print(f"{n} records: load {load_s:.1f} s ({n / load_s:.0f} records/s), ecg-features {feat_s:.1f} s ({n / feat_s:.0f} records/s), peak RSS {peak:.0f} MiB, process CPU {cpu:.0f} s")
PY
done
python3 - "$work/rows.txt" <<'PY'
import re, statistics, sys
rows = [(*map(float, re.findall(r"\(([\d.]+) records/s\)", l)), float(re.search(r"RSS ([\d.]+) MiB", l).group(1))) for l in open(sys.argv[1])]
med = lambda k: statistics.median(r[k] for r in rows)
print(f"median of {len(rows)}: load {med(0):.0f} records/s, ecg-features {med(1):.0f} records/s, peak RSS {med(2):.0f} MiB")
PY
