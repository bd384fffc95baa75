"""Peers of the engine benchmarks (see EngineBenchmarks.swift): NumPy and torch, one thread."""
import os
import pathlib

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402

from common import report, selected  # noqa: E402

EPOCHS = 10
ROOT = pathlib.Path(__file__).resolve().parents[2]


def digits():
    data = np.loadtxt(ROOT / "chapters/data/digits.csv", delimiter=",", skiprows=1, dtype=np.int64)
    n = int(len(data) * 0.8)  # first 80%: 1437 rows
    x = (data[:n, :64] / 16.0).astype(np.float32)
    y = data[:n, 64]
    return x, y


def numpy_mlp(x, y):
    rng = np.random.default_rng(0)
    a1, a2 = np.sqrt(6 / (64 + 128)), np.sqrt(6 / (128 + 10))
    w1 = rng.uniform(-a1, a1, (64, 128)).astype(np.float32)
    b1 = np.zeros(128, np.float32)
    w2 = rng.uniform(-a2, a2, (128, 10)).astype(np.float32)
    b2 = np.zeros(10, np.float32)
    onehot = np.eye(10, dtype=np.float32)[y]
    lr = np.float32(0.1)
    n = len(x)
    for _ in range(EPOCHS):
        order = rng.permutation(n)
        for start in range(0, n, 64):
            idx = order[start:start + 64]
            xb, tb = x[idx], onehot[idx]
            h = xb @ w1 + b1
            np.maximum(h, 0, out=h)
            z = h @ w2 + b2
            z -= z.max(axis=1, keepdims=True)
            e = np.exp(z)
            p = e / e.sum(axis=1, keepdims=True)
            dz = (p - tb) / np.float32(len(idx))
            dw2 = h.T @ dz
            db2 = dz.sum(axis=0)
            dh = dz @ w2.T
            dh *= h > 0
            dw1 = xb.T @ dh
            db1 = dh.sum(axis=0)
            w1 -= lr * dw1
            b1 -= lr * db1
            w2 -= lr * dw2
            b2 -= lr * db2
    h = np.maximum(x @ w1 + b1, 0)
    return f"train acc {np.mean((h @ w2 + b2).argmax(1) == y):.3f}"


def torch_mlp(x, y):
    import torch
    torch.manual_seed(0)
    xt = torch.from_numpy(x)
    yt = torch.from_numpy(y)
    net = torch.nn.Sequential(torch.nn.Linear(64, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10))
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    loss_fn = torch.nn.CrossEntropyLoss()
    n = len(x)
    for _ in range(EPOCHS):
        order = torch.randperm(n)
        for start in range(0, n, 64):
            idx = order[start:start + 64]
            opt.zero_grad()
            loss = loss_fn(net(xt[idx]), yt[idx])
            loss.backward()
            opt.step()
    with torch.no_grad():
        acc = (net(xt).argmax(1) == yt).float().mean().item()
    return f"train acc {acc:.3f}"


def main():
    epochs_display = lambda s: f"{EPOCHS / s:.0f} epochs/s"  # noqa: E731
    if selected("mlp-digits-epoch"):
        x, y = digits()
        report("mlp-digits-epoch", "numpy", lambda: numpy_mlp(x, y), 30, epochs_display)
        try:
            import torch
            torch.set_num_threads(1)
            report("mlp-digits-epoch", "torch", lambda: torch_mlp(x, y), 30, epochs_display)
        except ImportError:
            pass
    if selected("gemm-f32-512"):
        rng = np.random.default_rng(1)
        a = rng.standard_normal((512, 512), dtype=np.float32)
        b = rng.standard_normal((512, 512), dtype=np.float32)
        report("gemm-f32-512", "numpy", lambda: f"trace {np.trace(a @ b):.3f}", 30,
               lambda s: f"{2 * 512 ** 3 / s / 1e9:.1f} GFLOP/s")


if __name__ == "__main__":
    main()
