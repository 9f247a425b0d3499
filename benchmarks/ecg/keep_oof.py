"""Keeps a cross-validation run's out-of-fold class probabilities in the repository, so that ensembles over runs of
other sessions can be scored later without rerunning them (the run directories live outside the repository).

Writes benchmarks/ecg/oof/NAME.csv.gz: id, label, fold (from the run's cross-validation.json), p_<class> rounded to
6 decimals (~100 KB a run of 7 528 records). ensemble_oof.py reads these files as it reads run directories.

Usage: python3 keep_oof.py RUN_DIR NAME      e.g. python3 keep_oof.py ../runs/ecg-residual-cnn-2026… cnn-s7"""
import csv, gzip, json, os, sys

run, name = sys.argv[1], sys.argv[2]
with open(os.path.join(run, "cross-validation.json")) as f:
    fold_of = {a["id"]: a["fold"] for a in json.load(f)["assignment"]}
with open(os.path.join(run, "predictions.csv")) as f:
    rows = list(csv.DictReader(f))
classes = [k for k in rows[0] if k.startswith("p_")]
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "oof", name + ".csv.gz")
os.makedirs(os.path.dirname(out), exist_ok=True)
# mtime=0: the same run gives the same bytes.
with open(out + ".tmp", "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
    text = ["id,label,fold," + ",".join(classes)]
    text += [f'{r["id"]},{r["label"]},{fold_of[r["id"]]},' + ",".join(f"{float(r[c]):.6f}" for c in classes) for r in rows]
    gz.write(("\n".join(text) + "\n").encode())
os.replace(out + ".tmp", out)
print(f"{out}: {len(rows)} records, {len(set(fold_of.values()))} folds")
