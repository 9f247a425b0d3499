#!/usr/bin/env python3
"""Medians of measure.sh's CSV per (load, configuration), and each configuration's per-round ratio to a base
configuration under the same load (the pair shares a round, so the ratio cancels most of the machine's background
drift). The base is libgomp's default with 2 threads (what the CLI did before choosing a policy) when measured.

    python3 benchmarks/contention/summarize.py raw.csv [BASE]      e.g. BASE = unset/2/env
"""
import csv
import statistics
import sys
from collections import defaultdict

rows = list(csv.DictReader(open(sys.argv[1])))
config = lambda r: f"{r['policy']}/{r['threads']}/{r['how']}"
configs = sorted(dict.fromkeys(config(r) for r in rows))
base_config = sys.argv[2] if len(sys.argv) > 2 else ("unset/2/env" if "unset/2/env" in configs else configs[0])
configs.remove(base_config)
configs.insert(0, base_config)
by = defaultdict(dict)  # (load, config) -> round -> row
for r in rows:
    by[(r["load"], config(r))][r["round"]] = r

print(f"| load | policy / threads / set by | wall s (median) | CPU s (median) | wall ÷ {base_config} | CPU ÷ {base_config} | load avg before (median) |")
print("|---|---|---:|---:|---:|---:|---:|")
for load in ("quiet", "loaded"):
    base = by.get((load, base_config), {})
    for c in configs:
        runs = by.get((load, c), {})
        if not runs:
            continue
        med = lambda f: statistics.median(float(x[f]) for x in runs.values())
        ratio = lambda f: statistics.median(float(runs[k][f]) / float(base[k][f]) for k in runs if k in base)
        print(f"| {load} | {c} | {med('wall_s'):.1f} | {med('cpu_s'):.1f} | {ratio('wall_s'):.2f} | {ratio('cpu_s'):.2f} | {med('loadavg1_before'):.1f} |")
