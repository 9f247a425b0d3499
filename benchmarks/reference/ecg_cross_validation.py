"""How the ECG diagnostics in this folder score a feature matrix: scikit-learn's HistGradientBoostingClassifier with
its defaults (the algorithm of the product's `gradient-boosting`), out-of-fold predictions from stratified 5-fold CV."""
import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold, train_test_split
from ecg_feature_table import CLASSES


def out_of_fold_f1(x, y, shuffle, fraction=1.0, draw=0):
    """Macro-F1 and per-class F1 over all held-out predictions, and the mean training-set size. Below fraction 1 each
    training fold is cut to a stratified fraction of itself (subsample draw `draw`)."""
    predicted = np.empty(len(y), dtype=object)
    sizes = []
    for train, test in StratifiedKFold(5, shuffle=True, random_state=shuffle).split(x, y):
        if fraction < 1:
            train, _ = train_test_split(train, train_size=fraction, stratify=y[train], random_state=draw)
        sizes.append(len(train))
        predicted[test] = HistGradientBoostingClassifier(random_state=0).fit(x[train], y[train]).predict(x[test])
    return f1_score(y, predicted, average='macro'), f1_score(y, predicted, average=None, labels=CLASSES), np.mean(sizes)
