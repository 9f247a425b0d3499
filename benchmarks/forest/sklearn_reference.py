#!/usr/bin/env python3
"""scikit-learn reference for the tree-model benchmark (benchmarks/Forest.Bench).

Reads the sits samples (long CSV: one row per sample and date) and the fold of every sample written by the C#
benchmark (folds.csv), then for each run fits RandomForestClassifier(n_estimators=100, n_jobs=2, random_state=42+run)
on four folds and predicts the fifth, exactly the folds and seeds the C# benchmark uses, and prints the same figures:
fit+predict seconds over the 5 folds, pooled accuracy and macro-F1, and their medians over the runs.

    /usr/bin/python3 benchmarks/forest/sklearn_reference.py [--model rf|hgb] [--runs 5] [--jobs 2] [--trees 100]
        [--iterations 100] [--data PATH] [--folds PATH]
"""
import argparse
import csv
import os
import statistics
import time

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.metrics import accuracy_score, f1_score

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_DATA = os.path.join(REPO, "..", "shared", "datasets", "sits_mod13q1_sinop", "samples", "samples_mt_4bands_long.csv")
BANDS = ("NDVI", "EVI", "NIR", "MIR")


def load_samples(path):
    """Series per sample id, channel-major (all NDVI dates, then EVI, ...), dates ascending: the C# feature order."""
    rows = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            sample = rows.setdefault(row["id_sample"], (row["label"], []))
            sample[1].append((row["Index"], [float(row[b]) for b in BANDS]))
    ids = list(rows)
    X = np.array([np.array([v for _, v in sorted(rows[i][1])], dtype=np.float32).T.reshape(-1) for i in ids], dtype=np.float32)
    y = np.array([rows[i][0] for i in ids])
    return ids, X, y


def load_folds(path):
    with open(path, newline="") as f:
        return {row["id"]: int(row["fold"]) for row in csv.DictReader(f)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--trees", type=int, default=100)
    parser.add_argument("--model", choices=("rf", "hgb"), default="rf",
                        help="rf: RandomForestClassifier; hgb: HistGradientBoostingClassifier (threads: OMP_NUM_THREADS)")
    parser.add_argument("--iterations", type=int, default=100, help="hgb: max_iter")
    parser.add_argument("--data", default=DEFAULT_DATA)
    parser.add_argument("--folds", default=os.path.join(HERE, "folds.csv"))
    args = parser.parse_args()

    ids, X, y = load_samples(args.data)
    fold_of = load_folds(args.folds)
    missing = [i for i in ids if i not in fold_of]
    if missing:
        raise SystemExit(f"{args.folds}: no fold for sample(s) {missing[:5]}; run the C# benchmark first to write it")
    folds = np.array([fold_of[i] for i in ids])
    print(f"Loaded {X.shape[0]} samples x {X.shape[1]} features, {len(set(y))} classes; folds from {args.folds}")
    if args.model == "hgb":
        print(f"HistGradientBoostingClassifier(max_iter={args.iterations}); {args.runs} run(s)\n")
    else:
        print(f"RandomForestClassifier(n_estimators={args.trees}, n_jobs={args.jobs}); {args.runs} run(s)\n")

    results = []
    for run in range(1, args.runs + 1):
        predicted = np.empty_like(y)
        total = 0.0
        lines = []
        for f in sorted(set(folds)):
            train, test = folds != f, folds == f
            start = time.perf_counter()
            if args.model == "hgb":
                model = HistGradientBoostingClassifier(max_iter=args.iterations, random_state=42 + run).fit(X[train], y[train])
            else:
                model = RandomForestClassifier(n_estimators=args.trees, n_jobs=args.jobs, random_state=42 + run).fit(X[train], y[train])
            fit = time.perf_counter() - start
            start = time.perf_counter()
            labels = model.predict(X[test])
            predict = time.perf_counter() - start
            total += fit + predict
            predicted[test] = labels
            lines.append(f"fold {f}: fit {fit:.3f} s, predict {predict:.3f} s, accuracy {accuracy_score(y[test], labels):.4f}")
        accuracy = accuracy_score(y, predicted)
        macro_f1 = f1_score(y, predicted, average="macro")
        results.append((total, accuracy, macro_f1))
        print(f"run {run} (seed {42 + run}): fit+predict {total:.3f} s, accuracy {accuracy:.4f}, macro-F1 {macro_f1:.4f}")
        for line in lines:
            print("    " + line)

    print(f"\nmedian over {args.runs} run(s): fit+predict {statistics.median(r[0] for r in results):.3f} s, "
          f"accuracy {statistics.median(r[1] for r in results):.4f}, macro-F1 {statistics.median(r[2] for r in results):.4f}")


if __name__ == "__main__":
    main()
