#!/usr/bin/python3
"""MiniRocket reference for benchmarks/rocket: the transform written here in numba from the paper (Dempster, Schmidt &
Webb, KDD 2021: 84 kernels of length 9 with weights -1 and three 2s, dilations floor(2^linspace(0, log2((L-1)/8), 32))
de-duplicated with features in proportion, biases at the low-discrepancy quantiles (k*phi mod 1) of a random training
example's output, padding on alternate (dilation, kernel) pairs, PPV features), then scikit-learn's
StandardScaler + RidgeClassifierCV(alphas=logspace(-3, 3, 10)).

Timing per set covers fit (transform fit, transform of train, ridge fit) + predict (transform of test, ridge predict);
numba's one-off JIT compile is done beforehand on a tiny series and excluded. Each set is run --repeats times; the
median is reported. Prints one JSON object (per-set accuracy and seconds) on stdout.

  /usr/bin/python3 benchmarks/reference/minirocket_numba.py --data /work/shared/datasets/ucr --threads 2 --repeats 3
"""
import argparse
import itertools
import json
import os
import sys
import time

import numpy as np
from numba import njit, prange, set_num_threads
from sklearn.linear_model import RidgeClassifierCV
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

SETS = ["ArrowHead", "Beef", "CBF", "Coffee", "ECG200", "ECGFiveDays", "GunPoint", "ItalyPowerDemand", "MoteStrain",
        "OSULeaf", "SonyAIBORobotSurface1", "TwoLeadECG"]

PLACEMENTS = np.array(list(itertools.combinations(range(9), 3)), dtype=np.int64)  # 84 x 3, lexicographic


def dilation_plan(length, features=10_000, max_dilations=32):
    per_kernel = features // 84
    count = min(per_kernel, max_dilations)
    multiplier = per_kernel / count
    exponent = max(0.0, np.log2((length - 1) / 8))
    raw = np.floor(2.0 ** np.linspace(0, exponent, count)).astype(np.int64)
    dilations, occurrences = np.unique(raw, return_counts=True)
    per_dilation = (occurrences * multiplier).astype(np.int64)
    remainder, i = per_kernel - per_dilation.sum(), 0
    while remainder > 0:
        per_dilation[i] += 1
        remainder -= 1
        i = (i + 1) % len(per_dilation)
    return dilations, per_dilation


def low_discrepancy(n):
    phi = (np.sqrt(5) + 1) / 2
    return np.array([(k * phi) % 1 for k in range(1, n + 1)], dtype=np.float64)


@njit(fastmath=True)
def _prepare(x, d, alpha, padded3):
    """alpha = -(sum of the nine dilated taps), padded3 = 3x with 4d zeros each side ("same" output)."""
    n = x.shape[0]
    pad = 4 * d
    padded3[:] = 0
    for t in range(n):
        padded3[pad + t] = 3 * x[t]
    alpha[:] = 0
    for j in range(9):
        for t in range(n):
            alpha[t] -= padded3[j * d + t] / 3
    return pad


@njit(fastmath=True)
def _output(alpha, padded3, d, a, b, c, out):
    n = alpha.shape[0]
    for t in range(n):
        out[t] = alpha[t] + padded3[a * d + t] + padded3[b * d + t] + padded3[c * d + t]


@njit(fastmath=True)
def _fit_biases(X, dilations, per_dilation, quantiles, placements, picks):
    n_examples, length = X.shape
    biases = np.zeros(quantiles.shape[0], dtype=np.float32)
    alpha = np.zeros(length, dtype=np.float32)
    out = np.zeros(length, dtype=np.float32)
    feature, combo = 0, 0
    for di in range(dilations.shape[0]):
        d = dilations[di]
        padded3 = np.zeros(length + 8 * d, dtype=np.float32)
        for k in range(84):
            _prepare(X[picks[combo]], d, alpha, padded3)
            _output(alpha, padded3, d, placements[k, 0], placements[k, 1], placements[k, 2], out)
            count = per_dilation[di]
            biases[feature:feature + count] = np.quantile(out, quantiles[feature:feature + count])
            feature += count
            combo += 1
    return biases


@njit(fastmath=True, parallel=True)
def _transform(X, dilations, per_dilation, biases, placements):
    n_examples, length = X.shape
    features = np.zeros((n_examples, biases.shape[0]), dtype=np.float32)
    for i in prange(n_examples):
        alpha = np.zeros(length, dtype=np.float32)
        out = np.zeros(length, dtype=np.float32)
        feature = 0
        for di in range(dilations.shape[0]):
            d = dilations[di]
            padded3 = np.zeros(length + 8 * d, dtype=np.float32)
            pad = _prepare(X[i], d, alpha, padded3)
            for k in range(84):
                _output(alpha, padded3, d, placements[k, 0], placements[k, 1], placements[k, 2], out)
                unpadded = ((di % 2) + k) % 2 == 1 and length > 2 * pad
                lo, hi = (pad, length - pad) if unpadded else (0, length)
                for f in range(per_dilation[di]):
                    b = biases[feature]
                    positive = 0
                    for t in range(lo, hi):
                        if out[t] > b:
                            positive += 1
                    features[i, feature] = positive / (hi - lo)
                    feature += 1
    return features


class MiniRocket:
    def __init__(self, seed):
        self.rng = np.random.default_rng(seed)

    def fit(self, X):
        self.dilations, self.per_dilation = dilation_plan(X.shape[1])
        quantiles = low_discrepancy(84 * int(self.per_dilation.sum()))
        picks = self.rng.integers(0, X.shape[0], size=84 * len(self.dilations))
        self.biases = _fit_biases(X, self.dilations, self.per_dilation, quantiles, PLACEMENTS, picks)
        return self

    def transform(self, X):
        return _transform(X, self.dilations, self.per_dilation, self.biases, PLACEMENTS)


def load(path):
    data = np.loadtxt(path, delimiter="\t", dtype=np.float64)
    return data[:, 1:].astype(np.float32), data[:, 0].astype(np.int64)


def run_set(folder, name, seed):
    Xtr, ytr = load(os.path.join(folder, name, f"{name}_TRAIN.tsv"))
    Xte, yte = load(os.path.join(folder, name, f"{name}_TEST.tsv"))
    start = time.perf_counter()
    rocket = MiniRocket(seed).fit(Xtr)
    classifier = make_pipeline(StandardScaler(), RidgeClassifierCV(alphas=np.logspace(-3, 3, 10)))
    classifier.fit(rocket.transform(Xtr), ytr)
    predicted = classifier.predict(rocket.transform(Xte))
    seconds = time.perf_counter() - start
    return float(np.mean(predicted == yte)), seconds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="/work/shared/datasets/ucr")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    set_num_threads(args.threads)

    # JIT compile on a tiny series, outside the timing.
    compile_start = time.perf_counter()
    tiny = np.random.default_rng(0).standard_normal((4, 20)).astype(np.float32)
    MiniRocket(0).fit(tiny).transform(tiny)
    compile_seconds = time.perf_counter() - compile_start

    results = {}
    for name in SETS:
        runs = [run_set(args.data, name, args.seed) for _ in range(args.repeats)]
        results[name] = {"accuracy": runs[0][0], "seconds": float(np.median([s for _, s in runs])),
                         "all_seconds": [s for _, s in runs]}
        print(f"{name}: accuracy {runs[0][0]:.4f}, median {results[name]['seconds']:.3f} s", file=sys.stderr)
    json.dump({"model": "numba MiniRocket + sklearn StandardScaler/RidgeClassifierCV", "threads": args.threads,
               "repeats": args.repeats, "jit_compile_seconds": compile_seconds, "sets": results}, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
