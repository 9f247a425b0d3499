#!/usr/bin/python3
"""How far can a per-class decision rule lift macro-F1? An optimistic figure, not a method: the multipliers are chosen on the
very predictions they are scored on.

Reads a run's predictions.csv (id, label, predicted, p_<class>...; out-of-fold when the run used evaluate: {kfold: 5}),
scores argmax, then every combination of multipliers from --grid on all classes but the first, and prints the best.
A rule fitted inside the training folds, as an honest pipeline would, should expect less than this figure.

Usage: /usr/bin/python3 benchmarks/reference/decision_rule_bound.py RUN_DIR/predictions.csv [--grid 0.5,0.7,1,1.4,2,2.8,4]
"""
import argparse, csv, itertools
import numpy as np


def macro_f1(truth, predicted, classes):
    scores = []
    for k in range(classes):
        tp = np.sum((predicted == k) & (truth == k))
        wrong = np.sum((predicted == k) != (truth == k))
        scores.append(2 * tp / (2 * tp + wrong) if tp else 0.0)
    return float(np.mean(scores)), scores


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('predictions_csv')
    parser.add_argument('--grid', default='0.5,0.7,1,1.4,2,2.8,4')
    args = parser.parse_args()
    rows = list(csv.DictReader(open(args.predictions_csv)))
    columns = [k for k in rows[0] if k.startswith('p_')]
    names = [c[2:] for c in columns]
    truth = np.array([names.index(r['label']) for r in rows])
    p = np.array([[float(r[c]) for c in columns] for r in rows])
    grid = [float(v) for v in args.grid.split(',')]
    base, _ = macro_f1(truth, p.argmax(1), len(names))
    best = max((macro_f1(truth, (p * np.array((1.0,) + m)).argmax(1), len(names))[0], m)
               for m in itertools.product(grid, repeat=len(names) - 1))
    print(f"argmax: macro-F1 {base:.4f}")
    print(f"best multipliers (chosen on these predictions): macro-F1 {best[0]:.4f} with " +
          ", ".join(f"{n} x{v:g}" for n, v in zip(names[1:], best[1])) + f" against {names[0]}")


if __name__ == '__main__':
    main()
