#!/usr/bin/python3
"""Do the median beat's shape, or counts of long-short RR events, carry evidence for the Other class beyond
ecg-features? A diagnostic, not the product.

Other (bundle branch block, hypertrophy, ectopy, ...) is the weak class of every ECG model (benchmarks/ecg/results.md).
ecg-features summarises morphology in a few numbers (QRS width, P/T ratios, ST level, template correlation). This
check appends the median beat itself: R peaks from a 5-15 Hz band energy detector, beats from -0.25 s to +0.45 s
around each R, their median scaled to R = +1 and resampled to 35 points, plus the 5th percentile, spread and fraction
below 0.8 of each beat's correlation with that median. scikit-learn's HistGradientBoostingClassifier (defaults) is
scored by stratified 5-fold CV over three shuffles, with and without the extra columns.
The second set of extra columns counts rhythm events instead of taking fractions (ecg-features has fractions), since the
Other records called Normal differ by a few long-short interval pairs: the 2nd and 3rd largest successive RR ratios,
how many ratios exceed 1.3 or fall below 0.77, short-then-long pairs (below 0.85 then above 1.1 of the median RR),
intervals above 1.3 or below 0.75 of the median, and the second shortest interval over the median.

Input: data/all.csv of a run with the table-export reporter, e.g.
  ./lstmfcn run pipelines/ecg-gb.yaml --set "report=[{plugin: metrics},{plugin: table-export}]" --set output=/tmp/ecg
Usage: OMP_NUM_THREADS=1 /usr/bin/python3 benchmarks/reference/ecg_extra_features_check.py RUN_DIR/data/all.csv
       [--records ../shared/datasets/cinc2017_af/validation]
(needs python3-sklearn and python3-scipy; OMP_NUM_THREADS=1 keeps OpenMP from fighting a concurrent training run.)
"""
import argparse
import numpy as np
import scipy.io
import scipy.signal as ss
from ecg_cross_validation import out_of_fold_f1
from ecg_feature_table import CLASSES, read_feature_table

FS = 300


def qrs_energy_peaks(signal_mv):
    """QRS complexes as peaks of the smoothed squared slope of the 5-15 Hz band, at least 0.25 s apart."""
    band_b, band_a = ss.butter(3, [5 / (FS / 2), 15 / (FS / 2)], 'band')
    energy = np.convolve(np.abs(np.diff(ss.filtfilt(band_b, band_a, signal_mv))) ** 2, np.ones(30) / 30, 'same')
    peaks, _ = ss.find_peaks(energy, distance=int(0.25 * FS), height=0.3 * np.percentile(energy, 98))
    return peaks


def median_beat_features(signal_mv):
    ecg_b, ecg_a = ss.butter(2, [0.5 / (FS / 2), 40 / (FS / 2)], 'band')
    ecg = ss.filtfilt(ecg_b, ecg_a, signal_mv)
    # The energy peak trails the R wave a little: move each to the largest deflection within 67 ms.
    peaks = [p - 20 + int(np.argmax(np.abs(ecg[max(0, p - 20):p + 20]))) for p in qrs_energy_peaks(signal_mv) if p > 20]
    pre, post = int(0.25 * FS), int(0.45 * FS)
    beats = np.array([ecg[p - pre:p + post] for p in peaks if p - pre >= 0 and p + post < len(ecg)])
    if len(beats) < 3:
        return np.zeros(35 + 3)
    median = np.median(beats, 0)
    r = median[pre] if abs(median[pre]) > 1e-6 else 1.0
    shape = ss.resample(median / abs(r) * np.sign(r), 35)
    corr = np.array([np.corrcoef(beat, median)[0, 1] for beat in beats])
    return np.r_[shape, np.percentile(corr, 5), np.std(corr), (corr < 0.8).mean()]


def rr_event_counts(signal_mv):
    rr = np.diff(qrs_energy_peaks(signal_mv)) / FS
    if len(rr) < 4:
        return np.zeros(8)
    ratio = rr[1:] / rr[:-1]
    median = np.median(rr)
    largest = np.sort(ratio)[::-1]
    short_then_long = np.sum((rr[:-1] < 0.85 * median) & (rr[1:] > 1.1 * median))
    return np.r_[largest[1], largest[2], np.sum(ratio > 1.3), np.sum(ratio < 0.77), short_then_long,
                 np.sum(rr > 1.3 * median), np.sum(rr < 0.75 * median), np.sort(rr / median)[1]]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('features_csv')
    parser.add_argument('--records', default='../shared/datasets/cinc2017_af/validation')
    args = parser.parse_args()
    x, y, ids, columns = read_feature_table(args.features_csv)
    signals = [scipy.io.loadmat(f"{args.records}/{i}.mat")['val'][0].astype(float) / 1000 for i in ids]
    beats = np.array([median_beat_features(s) for s in signals])
    events = np.array([rr_event_counts(s) for s in signals])
    for name, features in [(f'{len(columns)} ecg-features', x), (f'+ {beats.shape[1]} median-beat columns', np.c_[x, beats]),
                           (f'+ {events.shape[1]} RR event counts', np.c_[x, events])]:
        runs = [out_of_fold_f1(features, y, seed) for seed in (42, 7, 2026)]
        macro = [m for m, _, _ in runs]
        per_class = np.mean([c for _, c, _ in runs], 0)
        print(f"{name}: macro-F1 {np.mean(macro):.4f} ± {np.std(macro):.4f}; F1 " +
              " / ".join(f"{c} {v:.3f}" for c, v in zip(CLASSES, per_class)))


if __name__ == '__main__':
    main()
