"""The feature table a table-export run writes (data/all.csv): the ecg_* columns as a matrix, the labels, the ids.
Shared by the ECG diagnostics in this folder."""
import csv
import numpy as np

CLASSES = ['Normal', 'AF', 'Other', 'Noisy']


def read_feature_table(path):
    rows = list(csv.DictReader(open(path)))
    if not rows or 'label' not in rows[0]:
        raise SystemExit(f"{path}: expected a table-export data/all.csv with 'id', 'label' and ecg_* columns")
    columns = [k for k in rows[0] if k.startswith('ecg_')]
    x = np.array([[float(r[k]) for k in columns] for r in rows])
    y = np.array([r['label'] for r in rows])
    return x, y, [r['id'] for r in rows], columns
