"""Challenge score of CinC 2017 (Clifford et al. 2017: the mean of the F1 of Normal, AF and Other; Noisy is scored
by no F1 of its own) and the four-class macro-F1 from the engine's metrics.json (out-of-fold under evaluate: kfold).
  row METRICS NAME MODEL SEED SECONDS PEAK_KB WEIGHT   -> one JSON row on stdout
  table ROWS.jsonl PREFIX                              -> PREFIX.json and PREFIX.md (mean ± sd over seeds)"""
import json, statistics, sys

CHALLENGE = ("Normal", "AF", "Other")

def row(metrics, name, model, seed, seconds, peak, weight):
    m = json.load(open(metrics))
    classes = {c["name"]: c for c in m["classes"]}
    return {"config": name, "model": model, "seed": int(seed), "seconds": int(seconds),
            "peak_mib": round(int(peak) / 1024) if peak else None, "class_weight": weight,
            "challenge": statistics.mean(classes[c]["f1"] for c in CHALLENGE), "macro_f1": m["macro_f1"],
            "accuracy": m["accuracy"],
            "per_class": {k: {f: c[f] for f in ("precision", "recall", "f1")} for k, c in classes.items()},
            "confusion": m["confusion_matrix"]["counts"], "labels": list(classes)}

def stat(v):
    return f"{statistics.mean(v):.4f}" + (f" ± {statistics.stdev(v):.4f}" if len(v) > 1 else "")

def table(rows_path, prefix):
    rows = [json.loads(l) for l in open(rows_path)]
    json.dump(rows, open(prefix + ".json", "w"), indent=1)
    out = ["| config | model | seeds | challenge score | macro-F1 | accuracy | "
           + " | ".join(f"P / R / F1 {c}" for c in rows[0]["labels"]) + " | s / run | peak MiB |",
           "|---|---|---|---|---|---|" + "---|" * len(rows[0]["labels"]) + "---|---|"]
    groups = list(dict.fromkeys((r["config"], r["model"]) for r in rows))
    for g in groups:
        rs = [r for r in rows if (r["config"], r["model"]) == g]
        cells = []
        for c in rs[0]["labels"]:
            cells.append(" / ".join(f"{statistics.mean(r['per_class'][c][f] for r in rs):.3f}" for f in ("precision", "recall", "f1")))
        out.append(f"| {g[0]} | {g[1]} | {','.join(str(r['seed']) for r in rs)} | {stat([r['challenge'] for r in rs])} | "
                   f"{stat([r['macro_f1'] for r in rs])} | {stat([r['accuracy'] for r in rs])} | " + " | ".join(cells)
                   + f" | {statistics.mean(r['seconds'] for r in rs):.0f} | {max(r['peak_mib'] or 0 for r in rs)} |")
    out.append("")
    for g in groups:
        rs = [r for r in rows if (r["config"], r["model"]) == g]
        labels = rs[0]["labels"]
        total = [[sum(r["confusion"][i][j] for r in rs) for j in range(len(labels))] for i in range(len(labels))]
        out.append(f"Confusion matrix, {g[0]} {g[1]}, summed over {len(rs)} seed(s) (rows true, columns predicted):")
        out.append("")
        out.append("| true \\ predicted | " + " | ".join(labels) + " |")
        out.append("|---|" + "---|" * len(labels))
        for i, l in enumerate(labels):
            out.append(f"| {l} | " + " | ".join(str(v) for v in total[i]) + " |")
        out.append("")
    open(prefix + ".md", "w").write("\n".join(out) + "\n")
    print("\n".join(out))

if __name__ == "__main__":
    if sys.argv[1] == "row":
        print(json.dumps(row(*sys.argv[2:9])))
    else:
        table(sys.argv[2], sys.argv[3])
