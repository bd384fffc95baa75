"""Article 003 (chapter 05) in real PyTorch: the behaviour its claims depend on.

Rerun (about 10 s, most of it importing torch; deterministic: the output is byte-for-byte
reproducible with the same PyTorch build):

    bench/.venv/bin/python chapters/data/frameworks/pytorch_methods.py > chapters/data/frameworks/pytorch_methods.json

Needs torch (2.13 CPU was used), numpy and scikit-learn. Prints the JSON and nothing else.

Sections of the output:
- "clip_grad_norm" (003-b): torch.nn.utils.clip_grad_norm_(max_norm=1) and the article's
  procedure (zero the largest-|entry| of every gradient tensor) on one seeded gradient (a 16x16
  weight and a 16-vector bias, float64) scaled by k; the gradient itself is included so that the
  chapter can apply the engine's clipping to the very same numbers.
- "dropout" (003-e): nn.Dropout(p) in training mode on a fixed input of 32 activations, 10,000
  draws per p: fraction of exact zeros, Monte-Carlo mean / input, largest |mean - x| / SE, whether
  every kept value equals x / (1 - p), and the eval-mode output; and the article's recipe
  x * torch.rand(...) / (1 - p) measured the same way.
- "pruning" (003-d): zeros made by prune.l1_unstructured and prune.random_unstructured
  (amount = 0.3) on a 64x64 weight.
- "article_code" (003-f): the article's training code (section 4) on the handwritten digits
  (chapters/data/digits.csv), its Net with 64 inputs instead of 784: first as printed, then
  minimally repaired (each term reduced to a number, `.data` kept), then with the penalty computed
  from `param` (no `.data`), and without a penalty. Same initial weights, same batches.
"""
import json
import math
import os
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
from torch.nn.utils import prune
from sklearn.model_selection import train_test_split

torch.set_num_threads(1)
torch.use_deterministic_algorithms(True)
HERE = os.path.dirname(os.path.abspath(__file__))
DIGITS = os.path.join(HERE, "..", "digits.csv")


def clip_section():
    g = torch.Generator().manual_seed(3031)
    weight = torch.randn(16, 16, generator=g, dtype=torch.float64)
    bias = torch.randn(16, generator=g, dtype=torch.float64)
    rows = []
    for k in [1.0, 1e3, 1e6]:
        params = [torch.zeros(16, 16, dtype=torch.float64, requires_grad=True),
                  torch.zeros(16, dtype=torch.float64, requires_grad=True)]
        params[0].grad = weight * k
        params[1].grad = bias * k
        before = float(torch.linalg.vector_norm(torch.cat([p.grad.flatten() for p in params])))
        returned = float(torch.nn.utils.clip_grad_norm_(params, max_norm=1.0))
        after = float(torch.linalg.vector_norm(torch.cat([p.grad.flatten() for p in params])))
        # The article's procedure, §3.1 steps 2-3: zero the largest |entry| of every gradient.
        article = []
        for grad in [weight * k, bias * k]:
            flat = grad.flatten().clone()
            flat[torch.argmax(flat.abs())] = 0
            article.append(flat)
        article_after = float(torch.linalg.vector_norm(torch.cat(article)))
        rows.append({"k": k, "norm_before": before, "total_norm_returned": returned,
                     "norm_after_clip_grad_norm": after, "norm_after_article": article_after})
    return {"max_norm": 1.0, "weight": weight.flatten().tolist(), "bias": bias.tolist(),
            "rows": rows}


def monte_carlo(outputs, x):
    n = outputs.shape[0]
    mean = outputs.mean(dim=0)
    sd = outputs.std(dim=0, unbiased=True)
    z = ((mean - x).abs() / (sd / math.sqrt(n))).max()
    return float(z), float((mean / x).mean())


def dropout_section():
    g = torch.Generator().manual_seed(3035)
    draws, units = 10_000, 32
    x = 0.5 + torch.rand(units, generator=g, dtype=torch.float64)
    repeated = x.expand(draws, units).clone()
    rows = []
    for p in [0.1, 0.3, 0.5, 0.7]:
        torch.manual_seed(int(1000 * p))
        layer = nn.Dropout(p)
        layer.train()
        out = layer(repeated)
        kept = out != 0
        scaled = (repeated / (1 - p))[kept]
        z, ratio = monte_carlo(out, x)
        layer.eval()
        eval_out = layer(repeated)
        mask = torch.rand(draws, units, generator=g, dtype=torch.float64)
        article = repeated * mask / (1 - p)
        az, aratio = monte_carlo(article, x)
        rows.append({
            "p": p,
            "nn_dropout": {"zero_fraction": float((~kept).double().mean()), "max_z": z,
                           "mean_ratio": ratio,
                           "largest_kept_error": float((out[kept] - scaled).abs().max()),
                           "eval_largest_change": float((eval_out - repeated).abs().max())},
            "article_recipe": {"zero_fraction": float((article == 0).double().mean()),
                               "max_z": az, "mean_ratio": aratio}})
    return {"draws": draws, "units": units, "rows": rows}


def pruning_section():
    torch.manual_seed(3034)
    zeros = {}
    for name, method in [("l1_unstructured", prune.l1_unstructured),
                         ("random_unstructured", prune.random_unstructured)]:
        layer = nn.Linear(64, 64)
        method(layer, name="weight", amount=0.3)
        zeros[name] = int((layer.weight == 0).sum())
    return {"weights": 64 * 64, "amount": 0.3, "zeros": zeros}


class Net(nn.Module):
    """The article's Net (section 4) with 64 inputs (8x8 digits) instead of 784."""

    def __init__(self):
        super(Net, self).__init__()
        self.fc1 = nn.Linear(64, 128)
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x):
        x = torch.flatten(x, 1)
        x = torch.relu(self.fc1(x))
        x = self.fc2(x)
        return x


# The article's penalty, verbatim (section 4).
def l1_regularization(model):
    return sum(abs(param.data) for param in model.parameters())


def l2_regularization(model):
    return sum(param.data ** 2 for param in model.parameters())


# Minimally repaired: every term reduced to a number; `.data` kept, as in the article.
def l1_data(model):
    return sum(param.data.abs().sum() for param in model.parameters())


def l2_data(model):
    return sum((param.data ** 2).sum() for param in model.parameters())


# The correct version: the same penalty computed from `param`, so autograd sees it.
def l1_param(model):
    return sum(param.abs().sum() for param in model.parameters())


def l2_param(model):
    return sum((param ** 2).sum() for param in model.parameters())


PENALTIES = {"none": None, "data": (l1_data, l2_data), "param": (l1_param, l2_param)}


def article_section():
    data = np.loadtxt(DIGITS, delimiter=",", skiprows=1)
    x = torch.tensor(data[:, :64] / 16, dtype=torch.float32)
    y = torch.tensor(data[:, 64], dtype=torch.int64)
    train_idx, test_idx = train_test_split(np.arange(len(y)), test_size=0.2,
                                           stratify=data[:, 64], random_state=3036)
    x_train, y_train = x[train_idx], y[train_idx]
    x_test, y_test = x[test_idx], y[test_idx]
    torch.manual_seed(3036)
    initial = Net().state_dict()
    order_gen = torch.Generator().manual_seed(3037)
    orders = [torch.randperm(len(y_train), generator=order_gen) for _ in range(10)]
    criterion = nn.CrossEntropyLoss()

    # 1. The code as printed.
    net = Net()
    net.load_state_dict(initial)
    as_printed = {}
    for name, fn in [("l1_regularization", l1_regularization),
                     ("l2_regularization", l2_regularization)]:
        try:
            value = fn(net)
            as_printed[name] = {"runs": True, "shape": list(value.shape)}
        except Exception as error:  # the article's sum over differently shaped tensors
            as_printed[name] = {"runs": False, "error": type(error).__name__ + ": " + str(error)}

    # 2. The penalty's contribution to the gradient at the initial weights, on the first batch.
    first = orders[0][:64]
    grads = {}
    requires_grad = {}
    for mode, pen in PENALTIES.items():
        net = Net()
        net.load_state_dict(initial)
        loss = criterion(net(x_train[first]), y_train[first])
        if pen is not None:
            penalty = pen[0](net) * 0.01 + pen[1](net) * 0.001
            requires_grad[mode] = bool(penalty.requires_grad)
            loss = loss + penalty
        loss.backward()
        grads[mode] = torch.cat([p.grad.flatten() for p in net.parameters()])
    gradient = {mode: {"requires_grad": requires_grad[mode],
                       "norm_of_change": float(torch.linalg.vector_norm(grads[mode] - grads["none"])),
                       "largest_change": float((grads[mode] - grads["none"]).abs().max())}
                for mode in ["data", "param"]}
    gradient["none_norm"] = float(torch.linalg.vector_norm(grads["none"]))

    # 3. Training as in the article: Adam (lr 0.001), batches of 64, 10 epochs.
    runs, finals = {}, {}
    for mode, pen in PENALTIES.items():
        net = Net()
        net.load_state_dict(initial)
        optimizer = optim.Adam(net.parameters(), lr=0.001)
        record = {"reported_loss": [], "l1": [], "l2": []}
        for order in orders:
            running_loss, batches = 0.0, 0
            for start in range(0, len(order), 64):
                rows = order[start:start + 64]
                optimizer.zero_grad()
                outputs = net(x_train[rows])
                loss = criterion(outputs, y_train[rows])
                if pen is not None:
                    loss += pen[0](net) * 0.01
                    loss += pen[1](net) * 0.001
                loss.backward()
                optimizer.step()
                running_loss += loss.item()
                batches += 1
            record["reported_loss"].append(running_loss / batches)
            record["l1"].append(float(l1_data(net)))
            record["l2"].append(float(l2_data(net)))
        with torch.no_grad():
            record["test_accuracy"] = float((net(x_test).argmax(1) == y_test).double().mean())
            record["train_accuracy"] = float((net(x_train).argmax(1) == y_train).double().mean())
        finals[mode] = torch.cat([p.detach().flatten() for p in net.parameters()])
        runs[mode] = record
    for mode in ["data", "param"]:
        difference = finals[mode] - finals["none"]
        runs[mode]["largest_difference_from_none"] = float(difference.abs().max())
        runs[mode]["norm_of_difference_from_none"] = float(torch.linalg.vector_norm(difference))
    return {"train": len(train_idx), "test": len(test_idx), "epochs": 10, "batch": 64,
            "parameters": int(sum(p.numel() for p in Net().parameters())),
            "as_printed": as_printed, "first_step_gradient": gradient, "runs": runs}


if __name__ == "__main__":
    result = {"torch": torch.__version__, "numpy": np.__version__,
              "clip_grad_norm": clip_section(), "dropout": dropout_section(),
              "pruning": pruning_section(), "article_code": article_section()}
    json.dump(result, sys.stdout, indent=1)
    sys.stdout.write("\n")
