"""Averages the out-of-fold class probabilities of several cross-validation runs (their predictions.csv; runs with the
same seed share the folds) with the given weights and scores the average: challenge score (mean F1 of Normal, AF,
Other, Clifford et al. 2017) and four-class macro-F1.

With --choose, the weights of the second and later runs (the first's is 1) are chosen by cross-validation over the
runs' own folds (cross-validation.json of the first run): for each fold, the grid weights that score the best
challenge score on the other folds' records are applied to that fold's records, and the pooled result is scored —
no record's weights are chosen on that record. The weights each fold chose are printed.

RUN may be a run directory or a file kept by keep_oof.py (benchmarks/ecg/oof/NAME.csv.gz).

With --scales G (a grid such as 0.8,1,1.25,1.5,2), each fold also chooses, after its weights, one multiplier per
class (the first class's is 1) applied to the averaged probabilities before the largest is taken — a decision
threshold per class — on the same other folds' records, by macro-F1.

Usage: python3 ensemble_oof.py RUN_DIR[:WEIGHT] RUN_DIR[:WEIGHT] ...
       python3 ensemble_oof.py --choose [--grid 0,0.25,0.5,...] [--scales 0.8,1,1.5,...] RUN_DIR RUN_DIR ..."""
import csv, gzip, itertools, json, sys

def read(path):
    """A run directory (predictions.csv) or a file kept by keep_oof.py (oof/NAME.csv.gz, with a fold column)."""
    opened = gzip.open(path, "rt") if path.endswith(".gz") else open(path + "/predictions.csv")
    with opened as f:
        rows = list(csv.DictReader(f))
    classes = [k[2:] for k in rows[0] if k.startswith("p_")]
    return classes, {r["id"]: (r["label"], [float(r["p_" + c]) for c in classes]) for r in rows}

def folds(path):
    if path.endswith(".gz"):
        with gzip.open(path, "rt") as f:
            return {r["id"]: int(r["fold"]) for r in csv.DictReader(f)}
    with open(path + "/cross-validation.json") as f:
        return {a["id"]: a["fold"] for a in json.load(f)["assignment"]}

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

def combine(runs, weights, ids, classes):
    """The weighted sum of the runs' probabilities, one list per record of ids."""
    out = []
    for i in ids:
        p = [0.0] * len(classes)
        for (cls, rows), w in zip(runs, weights):
            for k, v in enumerate(rows[i][1]): p[k] += w * v
        out.append(p)
    return out

def decide(probabilities, scales, classes):
    """The class of the largest scaled probability (scales: one multiplier per class, 1 for the first)."""
    return [classes[max(range(len(classes)), key=lambda k: p[k] * scales[k])] for p in probabilities]

def predict(runs, weights, ids, classes, scales=None):
    return decide(combine(runs, weights, ids, classes), scales or [1.0] * len(classes), classes)

args = sys.argv[1:]
choose = "--choose" in args
grid = [0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3]
if "--grid" in args:
    at = args.index("--grid")
    grid = [float(g) for g in args[at + 1].split(",")]
    del args[at:at + 2]
scale_grid = None
if "--scales" in args:
    at = args.index("--scales")
    scale_grid = [float(g) for g in args[at + 1].split(",")]
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
    fold_of = folds(paths[0])
    candidates = [(1.0,) + c for c in itertools.product(grid, repeat=len(runs) - 1)]
    scale_candidates = ([(1.0,) + c for c in itertools.product(scale_grid, repeat=len(classes) - 1)]
                        if scale_grid else [(1.0,) * len(classes)])
    predicted = {}
    for fold in sorted(set(fold_of.values())):
        inside = [i for i in ids if fold_of[i] != fold]
        inside_labels = [runs[0][1][i][0] for i in inside]
        best = max(candidates, key=lambda w: challenge(f1s(inside_labels, predict(runs, w, inside, classes), classes)))
        # Then the class scales, for the chosen weights, on the same records: macro-F1 (the challenge score would
        # trade Noisy away, which it does not score).
        summed = combine(runs, best, inside, classes)
        scales = max(scale_candidates, key=lambda c: sum(f1s(inside_labels, decide(summed, c, classes), classes).values()))
        held = [i for i in ids if fold_of[i] == fold]
        predicted.update(zip(held, predict(runs, best, held, classes, scales)))
        print(f"fold {fold}: weights {best}" + (f", class scales {scales}" if scale_grid else "")
              + f" chosen on the other folds' {len(inside)} records")
    predicted = [predicted[i] for i in ids]
else:
    predicted = predict(runs, weights, ids, classes)
f = f1s(labels, predicted, classes)
print(f"{len(ids)} records; challenge score {challenge(f):.4f}, macro-F1 {sum(f.values()) / len(f):.4f}; F1 "
      + ", ".join(f"{c} {v:.3f}" for c, v in f.items()))
