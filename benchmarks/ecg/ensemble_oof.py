"""Averages the out-of-fold class probabilities of several cross-validation runs (their predictions.csv; runs with the
same seed share the folds) with the given weights and scores the average: challenge score (mean F1 of Normal, AF,
Other, Clifford et al. 2017) and four-class macro-F1.
Usage: python3 ensemble_oof.py RUN_DIR[:WEIGHT] RUN_DIR[:WEIGHT] ..."""
import csv, sys

def read(path):
    with open(path + "/predictions.csv") as f:
        rows = list(csv.DictReader(f))
    classes = [k[2:] for k in rows[0] if k.startswith("p_")]
    return classes, {r["id"]: (r["label"], [float(r["p_" + c]) for c in classes]) for r in rows}

def f1s(labels, predicted, classes):
    out = {}
    for c in classes:
        tp = sum(1 for l, p in zip(labels, predicted) if l == c and p == c)
        fp = sum(1 for l, p in zip(labels, predicted) if l != c and p == c)
        fn = sum(1 for l, p in zip(labels, predicted) if l == c and p != c)
        out[c] = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
    return out

runs = []
for arg in sys.argv[1:]:
    path, _, weight = arg.partition(":")
    runs.append((read(path), float(weight or 1)))
classes = runs[0][0][0]
ids = sorted(runs[0][0][1])
labels, predicted = [], []
for i in ids:
    p = [0.0] * len(classes)
    for (cls, rows), w in runs:
        assert cls == classes, "runs must share the classes"
        for k, v in enumerate(rows[i][1]): p[k] += w * v
    labels.append(runs[0][0][1][i][0])
    predicted.append(classes[max(range(len(classes)), key=p.__getitem__)])
f = f1s(labels, predicted, classes)
challenge = sum(f[c] for c in ("Normal", "AF", "Other")) / 3
print(f"{len(ids)} records; challenge score {challenge:.4f}, macro-F1 {sum(f.values()) / len(f):.4f}; F1 "
      + ", ".join(f"{c} {v:.3f}" for c, v in f.items()))
