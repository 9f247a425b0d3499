#!/usr/bin/python3
"""How much does choosing the checkpoint on the test set add? A diagnostic of Karim et al.'s protocol, not the product.

The original LSTM-FCN code passed the test set as Keras' validation data and kept the weights with the best val_acc,
and the paper's table took the best cell count (8/64/128) by the same test accuracy. The product never looks at the
test set (README, "Reproducing Karim et al. 2017"). This script trains the reference network of pytorch_lstmfcn.py
with the full recipe (2000 epochs, batch 128, Adam 1e-3, plateau schedule on the training loss: factor 1/cbrt(2),
patience 100, floor 1e-4, Keras-style absolute threshold 1e-4; class weights n/(k n_c) with Keras' batch mean), records
the test accuracy every --every epochs without acting on it, and prints, per dataset:
  honest - test accuracy of the weights with the lowest training loss (Keras ModelCheckpoint(monitor='loss')), for
           each of the three cell counts (nothing chooses among them here);
  leaky  - the best test accuracy over the recorded epochs (ModelCheckpoint(monitor='val_acc') with test as
           validation), and the best of that over the three cell counts (the paper's table). Recording every epoch
           costs a full test pass per epoch; with --every > 1 the figure is a lower bound of the leak.

Usage: /usr/bin/python3 benchmarks/reference/leak_study.py [--datasets SonyAIBORobotSurface1,MoteStrain] [--epochs 2000]
       [--every 1] [--threads 1] [--seed 42] [--output results.json]
"""
import argparse, json, math, os, time
import numpy as np
import torch

from pytorch_lstmfcn import LstmFcn, load, train_epoch


def test_accuracy(model, xt, yt):
    model.eval()
    with torch.no_grad():
        return (model(xt).argmax(1) == yt).float().mean().item()


def train_and_trace(x, y, xt, yt, classes, cells, epochs, batch, seed, every):
    torch.manual_seed(seed)
    model = LstmFcn(1, x.shape[2], classes, cells)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    schedule = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, mode="min", factor=1 / math.cbrt(2), patience=100,
                                                          min_lr=1e-4, threshold=1e-4, threshold_mode="abs")
    weights = len(y) / (classes * torch.bincount(y, minlength=classes).float())
    best_loss, best_state = math.inf, None
    trace = []
    for epoch in range(epochs):
        model.train()
        epoch_loss = train_epoch(model, opt, x, y, weights, batch)
        schedule.step(epoch_loss)
        if epoch_loss < best_loss:              # save_best_only on the training loss: strictly better only
            best_loss, best_state = epoch_loss, {k: v.clone() for k, v in model.state_dict().items()}
        if (epoch + 1) % every == 0 or epoch + 1 == epochs:
            trace.append(test_accuracy(model, xt, yt))
    model.load_state_dict(best_state)
    return test_accuracy(model, xt, yt), max(trace), trace


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--datasets", default="SonyAIBORobotSurface1,MoteStrain")
    p.add_argument("--epochs", type=int, default=2000)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--every", type=int, default=1, help="epochs between test passes (1 = every epoch)")
    p.add_argument("--output", default="")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    here = os.path.dirname(os.path.abspath(__file__))
    results = {}
    for name in a.datasets.split(","):
        root = os.path.join(here, "..", "..", "..", "shared", "datasets", "ucr", name)
        xs, labels = load(os.path.join(root, f"{name}_TRAIN.tsv"))
        xts, test_labels = load(os.path.join(root, f"{name}_TEST.tsv"))
        mean, std = xs.mean(), xs.std()                     # dataset z-normalisation with train statistics
        classes_seen, y = np.unique(labels, return_inverse=True)
        yt = np.searchsorted(classes_seen, test_labels)
        x = torch.from_numpy((xs - mean) / std).unsqueeze(1)
        xt = torch.from_numpy((xts - mean) / std).unsqueeze(1)
        y, yt = torch.from_numpy(y.astype(np.int64)), torch.from_numpy(yt.astype(np.int64))
        row = {}
        for cells in (8, 64, 128):
            start = time.perf_counter()
            honest, leaky, trace = train_and_trace(x, y, xt, yt, len(classes_seen), cells, a.epochs, 128, a.seed, a.every)
            row[cells] = {"honest": honest, "leaky": leaky, "last": trace[-1], "seconds": time.perf_counter() - start}
            print(f"{name} cells {cells}: best-training-loss weights {honest:.4f}, best epoch by test {leaky:.4f}, "
                  f"last epoch {trace[-1]:.4f} ({row[cells]['seconds']:.0f} s)", flush=True)
        best_leaky = max(r["leaky"] for r in row.values())
        print(f"{name}: honest {min(r['honest'] for r in row.values()):.4f} .. {max(r['honest'] for r in row.values()):.4f} "
              f"over the cell counts; test-selected epoch and cells (the paper's protocol) {best_leaky:.4f}", flush=True)
        results[name] = row
    if a.output:
        with open(a.output, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
