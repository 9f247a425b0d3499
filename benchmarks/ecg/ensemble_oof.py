"""Averages the out-of-fold class probabilities of several cross-validation runs (their predictions.csv; runs with the
same seed share the folds) with the given weights and scores the average: challenge score (mean F1 of Normal, AF,
Other, Clifford et al. 2017) and four-class macro-F1.

With --choose, the weights of the second and later runs (the first's is 1) are chosen by cross-validation over the
runs' own folds (cross-validation.json of the first run): for each fold, the grid weights that score the best
challenge score on the other folds' records are applied to that fold's records, and the pooled result is scored —
no record's weights are chosen on that record. The weights each fold chose are printed.

Usage: python3 ensemble_oof.py RUN_DIR[:WEIGHT] RUN_DIR[:WEIGHT] ...
       python3 ensemble_oof.py --choose [--grid 0,0.25,0.5,...] RUN_DIR RUN_DIR ..."""
import csv, itertools, json, sys

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

def challenge(f):
    return sum(f[c] for c in ("Normal", "AF", "Other")) / 3

def predict(runs, weights, ids, classes):
    predicted = []
    for i in ids:
        p = [0.0] * len(classes)
        for (cls, rows), w in zip(runs, weights):
            for k, v in enumerate(rows[i][1]): p[k] += w * v
        predicted.append(classes[max(range(len(classes)), key=p.__getitem__)])
    return predicted

args = sys.argv[1:]
choose = "--choose" in args
grid = [0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3]
if "--grid" in args:
    at = args.index("--grid")
    grid = [float(g) for g in args[at + 1].split(",")]
    del args[at:at + 2]
args = [a for a in args if a != "--choose"]
paths, weights = [], []
for arg in args:
    path, _, weight = arg.partition(":")
    paths.append(path)
    weights.append(float(weight or 1))
runs = [read(p) for p in paths]
classes = runs[0][0]
assert all(cls == classes for cls, _ in runs), "runs must share the classes"
ids = sorted(runs[0][1])
labels = [runs[0][1][i][0] for i in ids]

if choose:
    with open(paths[0] + "/cross-validation.json") as f:
        fold_of = {a["id"]: a["fold"] for a in json.load(f)["assignment"]}
    candidates = [(1.0,) + c for c in itertools.product(grid, repeat=len(runs) - 1)]
    predicted = {}
    for fold in sorted(set(fold_of.values())):
        inside = [i for i in ids if fold_of[i] != fold]
        inside_labels = [runs[0][1][i][0] for i in inside]
        best = max(candidates, key=lambda w: challenge(f1s(inside_labels, predict(runs, w, inside, classes), classes)))
        held = [i for i in ids if fold_of[i] == fold]
        predicted.update(zip(held, predict(runs, best, held, classes)))
        print(f"fold {fold}: weights {best} chosen on the other folds' {len(inside)} records")
    predicted = [predicted[i] for i in ids]
else:
    predicted = predict(runs, weights, ids, classes)
f = f1s(labels, predicted, classes)
print(f"{len(ids)} records; challenge score {challenge(f):.4f}, macro-F1 {sum(f.values()) / len(f):.4f}; F1 "
      + ", ".join(f"{c} {v:.3f}" for c, v in f.items()))
