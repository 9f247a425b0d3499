#!/usr/bin/python3
"""Reference timing only (the product is C#): the same LSTM-FCN in Python PyTorch, same data, batch and threads.

Mirrors the `lstm-fcn` plugin's network and training step: dataset z-normalisation, FCN 128/256/128 (k 8/5/3, TF-same
padding, BN eps 1e-3 momentum 0.01 = Keras 0.99, ReLU, GAP), LSTM(8 cells) over the dimension-shuffled series (one step
of T features), dropout 0.8, linear head, class-weighted cross-entropy, Adam lr 1e-3. Prints the median seconds per
epoch of whole runs, as `lstmfcn bench` does.

Usage: /usr/bin/python3 benchmarks/reference/pytorch_lstmfcn.py [--epochs 100] [--repeats 5] [--threads 2] [--dataset GunPoint]
       python3 benchmarks/reference/pytorch_lstmfcn.py --synthetic 10000x512 --device cuda --warmup 1 --epochs 10 --repeats 3
--synthetic NxT times random series of 3 classes (timing does not depend on the values). --warmup W leaves the first W
epochs of each run out of its mean (the CPU figures in the README were taken with 0).
"""
import argparse, os, statistics, time
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def load(path):
    data = np.loadtxt(path, delimiter="\t", dtype=np.float32)
    return data[:, 1:], data[:, 0].astype(np.int64)


class SamePadConv(nn.Module):
    def __init__(self, cin, cout, k):
        super().__init__()
        self.k = k
        self.conv = nn.Conv1d(cin, cout, k)
        nn.init.kaiming_uniform_(self.conv.weight, nonlinearity="relu")
        nn.init.zeros_(self.conv.bias)

    def forward(self, x):
        total = self.k - 1  # TF 'same': the extra pad goes to the right for even kernels
        return self.conv(F.pad(x, (total // 2, total - total // 2)))


class LstmFcn(nn.Module):
    def __init__(self, channels, length, classes, cells=8):
        super().__init__()
        self.c1, self.c2, self.c3 = SamePadConv(channels, 128, 8), SamePadConv(128, 256, 5), SamePadConv(256, 128, 3)
        self.b1, self.b2, self.b3 = (nn.BatchNorm1d(n, eps=1e-3, momentum=0.01) for n in (128, 256, 128))
        self.lstm = nn.LSTM(channels * length, cells, batch_first=True)
        self.drop = nn.Dropout(0.8)
        self.head = nn.Linear(cells + 128, classes)

    def forward(self, x):
        b = x.shape[0]
        h, _ = self.lstm(x.reshape(b, 1, -1))  # dimension shuffle: one step with all T·C values
        y = F.relu(self.b1(self.c1(x)))
        y = F.relu(self.b2(self.c2(y)))
        y = F.relu(self.b3(self.c3(y)))
        return self.head(torch.cat([self.drop(h[:, -1]), y.mean(2)], 1))


def train_epoch(model, opt, x, y, weights, batch):
    """One shuffled pass of class-weighted cross-entropy (Keras' batch mean); returns the epoch's mean loss.
    The loss is summed on the device and read once per epoch, as the lstm-fcn plugin does."""
    order = torch.randperm(len(y), device=x.device)
    total = torch.zeros((), dtype=torch.float64, device=x.device)
    for i in range(0, len(y), batch):
        idx = order[i:i + batch]
        opt.zero_grad()
        loss = (F.cross_entropy(model(x[idx]), y[idx], reduction="none") * weights[y[idx]]).mean()
        loss.backward()
        opt.step()
        total += loss.detach() * len(idx)
    return total.item() / len(y)


def run(x, y, classes, epochs, batch, warmup):
    torch.manual_seed(42)
    model = LstmFcn(1, x.shape[2], classes).to(x.device)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    counts = torch.bincount(y, minlength=classes).float()
    weights = len(y) / (classes * counts)
    model.train()
    for _ in range(warmup):
        train_epoch(model, opt, x, y, weights, batch)
    start = time.perf_counter()
    for _ in range(epochs):
        train_epoch(model, opt, x, y, weights, batch)
    return (time.perf_counter() - start) / epochs


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--epochs", type=int, default=100)
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--dataset", default="GunPoint")
    p.add_argument("--synthetic", help="NxT: random series instead of a UCR set")
    p.add_argument("--device", default="cpu")
    p.add_argument("--warmup", type=int, default=0)
    p.add_argument("--deterministic", action="store_true", help="deterministic kernels, as the lstm-fcn plugin uses on CUDA")
    a = p.parse_args()
    if a.deterministic:
        os.environ.setdefault("CUBLAS_WORKSPACE_CONFIG", ":4096:8")
        torch.use_deterministic_algorithms(True, warn_only=True)
        torch.backends.cudnn.benchmark = False
    torch.set_num_threads(a.threads)
    if a.synthetic:
        n, t = (int(v) for v in a.synthetic.split("x"))
        rng = np.random.default_rng(42)
        xs, labels = rng.standard_normal((n, t), dtype=np.float32), np.arange(n) % 3
        a.dataset = f"synthetic {a.synthetic}"
    else:
        here = os.path.dirname(os.path.abspath(__file__))
        path = os.path.join(here, "..", "..", "..", "shared", "datasets", "ucr", a.dataset, f"{a.dataset}_TRAIN.tsv")
        xs, labels = load(path)
    xs = (xs - xs.mean()) / xs.std()
    _, y = np.unique(labels, return_inverse=True)
    x = torch.from_numpy(xs).unsqueeze(1).to(a.device)
    y = torch.from_numpy(y.astype(np.int64)).to(a.device)
    classes = int(y.max()) + 1
    times = [run(x, y, classes, a.epochs, a.batch, a.warmup) for _ in range(a.repeats)]
    print(f"pytorch {torch.__version__} {a.dataset} {tuple(x.shape)} batch {a.batch}, {a.threads} threads, {a.device}{' deterministic' if a.deterministic else ''}: "
          f"median {statistics.median(times):.4f} s/epoch (min {min(times):.4f}, max {max(times):.4f}) over {a.repeats} runs of {a.epochs} epochs")


if __name__ == "__main__":
    main()
