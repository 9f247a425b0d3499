#!/usr/bin/python3
"""How does macro-F1 grow with the number of training records? A diagnostic, not the product.

Every ECG model here was trained on 240 records (4 of the 5 folds of the 300 staged ones). This check trains the
shipped best model's algorithm (scikit-learn's HistGradientBoostingClassifier with its defaults, which the product's
`gradient-boosting` follows: benchmarks/ecg/results.md) on a stratified fraction of each training fold, 20 % to
100 %, and scores the held-out fold as before: out-of-fold macro-F1 over all 300 records, stratified 5-fold, shuffles
42/7/2026, three subsample draws per fraction below 100 %. An inverse power law a - b * n^-c fitted to the means
extrapolates how many training records macro-F1 0.80 would take; with five points and this spread that is a rough
guide, not a prediction.

Input: data/all.csv of a run with the table-export reporter, e.g.
  ./lstmfcn run pipelines/ecg-gb.yaml --set "report=[{plugin: metrics},{plugin: table-export}]" --set output=/tmp/ecg
Usage: OMP_NUM_THREADS=1 /usr/bin/python3 benchmarks/reference/ecg_learning_curve.py RUN_DIR/data/all.csv [--target 0.8]
(needs python3-sklearn and python3-scipy.)
"""
import argparse
import numpy as np
from scipy.optimize import curve_fit
from ecg_cross_validation import out_of_fold_f1
from ecg_feature_table import CLASSES, read_feature_table

FRACTIONS = (0.2, 0.4, 0.6, 0.8, 1.0)
SHUFFLES = (42, 7, 2026)


def power_law(n, a, b, c):
    return a - b * n ** -c


def records_for(target, a, b, c):
    return (b / (a - target)) ** (1 / c) if a > target else float('inf')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('features_csv')
    parser.add_argument('--target', type=float, default=0.80)
    args = parser.parse_args()
    x, y, _, _ = read_feature_table(args.features_csv)

    sizes, means, by_shuffle = [], [], {s: [] for s in SHUFFLES}
    print("| training records per fold | runs | macro-F1 | " + " | ".join(f"F1 {c}" for c in CLASSES) + " |")
    print("|---|---|---|" + "---|" * len(CLASSES))
    for fraction in FRACTIONS:
        draws = (0, 1, 2) if fraction < 1 else (0,)
        runs = {s: [out_of_fold_f1(x, y, s, fraction, d) for d in draws] for s in SHUFFLES}
        flat = [r for rs in runs.values() for r in rs]
        macro = np.array([m for m, _, _ in flat])
        per_class = np.mean([c for _, c, _ in flat], 0)
        n = flat[0][2]
        sizes.append(n)
        means.append(macro.mean())
        for s in SHUFFLES:
            by_shuffle[s].append(np.mean([m for m, _, _ in runs[s]]))
        print(f"| {n:.0f} | {len(flat)} | {macro.mean():.4f} ± {macro.std():.4f} | " +
              " | ".join(f"{v:.3f}" for v in per_class) + " |")

    sizes = np.array(sizes)
    fits = [('means', means)] + [(f'shuffle {s}', by_shuffle[s]) for s in SHUFFLES]
    print(f"\nInverse power law a - b * n^-c, n = training records; records for macro-F1 {args.target}:")
    for name, values in fits:
        try:
            (a, b, c), _ = curve_fit(power_law, sizes, values, p0=(0.8, 1.0, 0.5),
                                     bounds=([0, 0, 0.01], [1, 100, 3]), maxfev=20000)
        except RuntimeError as e:
            print(f"  {name}: no fit ({e})")
            continue
        need = records_for(args.target, a, b, c)
        print(f"  {name}: a {a:.3f}, b {b:.3f}, c {c:.3f}; at 240 records {power_law(240, a, b, c):.4f}, "
              f"at 480 {power_law(480, a, b, c):.4f}; {args.target} needs "
              + ("never (asymptote below)" if np.isinf(need) else f"{need:.0f} records"))


if __name__ == '__main__':
    main()
