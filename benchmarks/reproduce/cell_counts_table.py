#!/usr/bin/python3
"""Tabulates cell-counts.sh: test accuracy per fixed cell count, of the mean of the three networks' probabilities,
and of the count the validation split chose in the committed reproduction (results-karim2017.json), beside Table I.

Usage: /usr/bin/python3 benchmarks/reproduce/cell_counts_table.py OUT_DIR/index.txt   (prints a Markdown table)
"""
import csv, json, os, sys
import numpy as np
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
# Table I as the reproduction manifest states it (python3-yaml, a Debian package).
PAPER = yaml.safe_load(open(os.path.join(HERE, 'karim2017.yaml')))['paper']
COUNTS = (8, 64, 128)


def test_probabilities(run_dir):
    rows = list(csv.DictReader(open(os.path.join(run_dir, 'predictions.csv'))))
    columns = [k for k in rows[0] if k.startswith('p_')]
    truth = np.array([columns.index('p_' + r['label']) for r in rows])
    return np.array([[float(r[c]) for c in columns] for r in rows]), truth


def main():
    runs = {}
    for line in open(sys.argv[1]):
        if len(line.split()) != 4:
            continue
        dataset, cells, run_dir, seconds = line.split()
        runs.setdefault(dataset, {})[int(cells)] = (run_dir, int(seconds))
    chosen = {r['Dataset']: r for r in json.load(open(os.path.join(HERE, 'results-karim2017.json'))) if r['Model'] == 'lstm-fcn'}
    print('| dataset | paper | chosen by the split (committed) | 8 cells | 64 cells | 128 cells | mean of the three | s, 3 trainings |')
    print('|---|---|---|---|---|---|---|---|')
    columns = []
    for dataset, by_count in runs.items():
        if set(by_count) != set(COUNTS):
            continue
        total, accuracies, seconds = None, [], 0
        for cells in COUNTS:
            p, truth = test_probabilities(by_count[cells][0])
            accuracies.append(float((p.argmax(1) == truth).mean()))
            total = p if total is None else total + p
            seconds += by_count[cells][1]
        mean_of_three = float((total.argmax(1) == truth).mean())
        row = [PAPER[dataset], chosen[dataset]['Accuracy'], *accuracies, mean_of_three]
        columns.append(row)
        print(f"| {dataset} | {row[0]:.4f} | {row[1]:.4f} ({chosen[dataset]['Cells']}) | " +
              " | ".join(f"{v:.4f}" for v in row[2:]) + f" | {seconds} |")
    means = np.mean(np.array(columns), 0)
    print(f"| **mean of these {len(columns)}** | " + " | ".join(f"{v:.4f}" for v in means) + " | |")


if __name__ == '__main__':
    main()
