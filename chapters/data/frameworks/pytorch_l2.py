"""Article 001, §3.2.2: does the PyTorch listing add an L2 penalty? Evidence for claim 001-d.

Runs the article's listing and the APIs it points to in real PyTorch, and writes the numbers
that chapters/03-frameworks.md reads as JSON on standard output. Rerun it with

    bench/.venv/bin/python chapters/data/frameworks/pytorch_l2.py > chapters/data/frameworks/pytorch_l2.json

(any Python with torch >= 2.1 CPU and scikit-learn will do). It is deterministic: seeded,
float64, CPU, one thread, torch.use_deterministic_algorithms(True); it prints nothing but the
JSON and takes about ten seconds (most of it importing torch).

What it measures:
1. listing: the article's code up to `torch.nn.WeightNorm(model.fc1, weight_decay=0.01)`:
   whether torch.nn has WeightNorm, and the exception the line raises; whether the real
   weight-norm functions (torch.nn.utils.weight_norm, torch.nn.utils.parametrizations.weight_norm)
   accept a weight_decay argument.
2. regression: what weight normalization does to training. Full-batch gradient descent on a
   linear regression (100 samples, 10 features) from one start, three ways: plain, with the
   optimizer's weight_decay=0.01 (= L2), and with parametrizations.weight_norm on the layer.
   Distances of the final weights to the least-squares and the ridge solutions (closed form).
3. weight_decay: that the optimizer's weight_decay=λ is λ·w added to the gradient (one SGD step
   against the hand-written update) and, over 100 epochs of mini-batches on the listing's
   network, the same trajectory as λ/2·Σw² added to the loss (SGD and Adam); AdamW and no decay
   as controls that do differ.
"""
import json
import sys
import warnings

import torch
from sklearn.datasets import make_moons

warnings.simplefilter("ignore")  # deprecation notices must not reach stdout or stderr
torch.use_deterministic_algorithms(True)
torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)

LAMBDA = 0.01


def error_text(call):
    """Runs call(); returns None if it succeeded, else 'ExceptionType: message'."""
    try:
        call()
        return None
    except Exception as error:  # noqa: BLE001 - the type and message are the evidence
        return f"{type(error).__name__}: {error}"


# 1. The listing (l.72-90), with input_shape = 2.
class Net(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = torch.nn.Linear(2, 10)
        self.fc2 = torch.nn.Linear(10, 1)

    def forward(self, x):
        x = torch.relu(self.fc1(x))
        return torch.sigmoid(self.fc2(x))


torch.manual_seed(0)
model = Net()
loss_fn = torch.nn.BCELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
listing_error = error_text(lambda: torch.nn.WeightNorm(model.fc1, weight_decay=0.01))
weight_norm_module = sys.modules["torch.nn.utils.weight_norm"]
listing = {
    "torch_version": torch.__version__,
    "torch.nn has WeightNorm": hasattr(torch.nn, "WeightNorm"),
    "listing line error": listing_error,
    "torch.nn.utils has weight_norm": hasattr(torch.nn.utils, "weight_norm"),
    "torch.nn.utils.parametrizations has weight_norm": hasattr(torch.nn.utils.parametrizations, "weight_norm"),
    "internal class torch.nn.utils.weight_norm.WeightNorm exists": hasattr(weight_norm_module, "WeightNorm"),
    "torch.nn.utils.weight_norm(fc1, weight_decay=0.01) error":
        error_text(lambda: torch.nn.utils.weight_norm(torch.nn.Linear(2, 10), weight_decay=0.01)),
    "parametrizations.weight_norm(fc1, weight_decay=0.01) error":
        error_text(lambda: torch.nn.utils.parametrizations.weight_norm(torch.nn.Linear(2, 10), weight_decay=0.01)),
}

# 2. Weight normalization on a linear regression: which solution does it reach?
generator = torch.Generator().manual_seed(1001)
n, p, steps, rate = 100, 10, 600, 0.05
X = torch.randn(n, p, generator=generator)
w_true = torch.randn(p, generator=generator)
y = (X @ w_true + 0.5 + torch.randn(n, generator=generator)).unsqueeze(1)
Xc, yc = X - X.mean(0), y - y.mean(0)
w_ols = torch.linalg.solve(Xc.T @ Xc, Xc.T @ yc).squeeze(1)
# Minimizer of (1/n)‖y − Xw − b‖² + (λ/2)‖w‖²: (XcᵀXc + nλ/2·I) w = Xcᵀ yc.
w_ridge = torch.linalg.solve(Xc.T @ Xc + n * LAMBDA / 2 * torch.eye(p), Xc.T @ yc).squeeze(1)
start = torch.nn.Linear(p, 1)
with torch.no_grad():
    start.weight.copy_(0.1 * torch.randn(1, p, generator=generator))
    start.bias.zero_()


def regression_run(kind):
    layer = torch.nn.Linear(p, 1)
    layer.load_state_dict(start.state_dict())
    if kind == "weight normalization":
        torch.nn.utils.parametrizations.weight_norm(layer, dim=0)  # w = g·v/‖v‖, one row
        groups = [{"params": list(layer.parameters())}]
    elif kind == "weight decay":
        groups = [{"params": [layer.weight], "weight_decay": LAMBDA}, {"params": [layer.bias]}]
    else:
        groups = [{"params": list(layer.parameters())}]
    sgd = torch.optim.SGD(groups, lr=rate)
    to_ols = []
    for _ in range(steps):
        sgd.zero_grad()
        torch.nn.functional.mse_loss(layer(X), y).backward()
        sgd.step()
        with torch.no_grad():
            w = layer.weight.detach().squeeze(0)
            to_ols.append(float(f"{torch.linalg.vector_norm(w - w_ols).item():.6g}"))
    final = layer.weight.detach().squeeze(0)
    return {"distance to OLS, per step": to_ols,
            "final distance to OLS": torch.linalg.vector_norm(final - w_ols).item(),
            "final distance to ridge": torch.linalg.vector_norm(final - w_ridge).item(),
            "final norm": torch.linalg.vector_norm(final).item(),
            "parameters": [name for name, _ in layer.named_parameters()]}


regression = {
    "samples": n, "features": p, "steps": steps, "learning rate": rate, "lambda": LAMBDA,
    "OLS norm": torch.linalg.vector_norm(w_ols).item(),
    "ridge norm": torch.linalg.vector_norm(w_ridge).item(),
    "ridge distance to OLS": torch.linalg.vector_norm(w_ridge - w_ols).item(),
    "runs": {kind: regression_run(kind) for kind in ["plain", "weight normalization", "weight decay"]},
}

# 3. weight_decay = λ·w added to the gradient = λ/2·Σw² added to the loss.
x_np, labels_np = make_moons(n_samples=300, noise=0.25, random_state=0)
x_moons = torch.tensor(x_np)
y_moons = torch.tensor(labels_np, dtype=torch.float64).unsqueeze(1)
torch.manual_seed(1)
net_start = Net()


def fresh_net():
    net = Net()
    net.load_state_dict(net_start.state_dict())
    return net


def flat(net):
    return torch.cat([q.detach().reshape(-1) for q in net.parameters()])


# One SGD step: torch's weight_decay against the update written out by hand.
lr_sgd = 0.05
a, b = fresh_net(), fresh_net()
sgd_a = torch.optim.SGD(a.parameters(), lr=lr_sgd, weight_decay=LAMBDA)
sgd_a.zero_grad()
loss_fn(a(x_moons[:32]), y_moons[:32]).backward()
sgd_a.step()
b.zero_grad()
loss_fn(b(x_moons[:32]), y_moons[:32]).backward()
with torch.no_grad():
    for q in b.parameters():
        q -= lr_sgd * (q.grad + LAMBDA * q)
one_step_gap = (flat(a) - flat(b)).abs().max().item()
one_step_change = (flat(a) - flat(net_start)).abs().max().item()


def trajectory(make_optimizer, penalty):
    net = fresh_net()
    opt = make_optimizer(net.parameters())
    order = torch.Generator().manual_seed(7)
    snapshots = []
    for _ in range(100):
        permutation = torch.randperm(300, generator=order)
        for k in range(0, 300, 32):
            batch = permutation[k:k + 32]
            opt.zero_grad()
            loss = loss_fn(net(x_moons[batch]), y_moons[batch])
            if penalty:
                loss = loss + LAMBDA / 2 * sum((q ** 2).sum() for q in net.parameters())
            loss.backward()
            opt.step()
        snapshots.append(flat(net))
    return torch.stack(snapshots)


runs = {
    "SGD(weight_decay=0.01)": trajectory(lambda ps: torch.optim.SGD(ps, lr=lr_sgd, weight_decay=LAMBDA), False),
    "SGD + 0.01/2·Σw² in the loss": trajectory(lambda ps: torch.optim.SGD(ps, lr=lr_sgd), True),
    "SGD without decay": trajectory(lambda ps: torch.optim.SGD(ps, lr=lr_sgd), False),
    "Adam(weight_decay=0.01)": trajectory(lambda ps: torch.optim.Adam(ps, lr=0.001, weight_decay=LAMBDA), False),
    "Adam + 0.01/2·Σw² in the loss": trajectory(lambda ps: torch.optim.Adam(ps, lr=0.001), True),
    "AdamW(weight_decay=0.01)": trajectory(lambda ps: torch.optim.AdamW(ps, lr=0.001, weight_decay=LAMBDA), False),
}


def gap(first, second):
    return (runs[first] - runs[second]).abs().max().item()


weight_decay = {
    "one SGD step: |weight_decay − (grad + λw) by hand|": one_step_gap,
    "one SGD step: largest parameter change": one_step_change,
    "pairs": [
        {"pair": "SGD(weight_decay=0.01) vs SGD + 0.01/2·Σw² in the loss",
         "gap": gap("SGD(weight_decay=0.01)", "SGD + 0.01/2·Σw² in the loss")},
        {"pair": "Adam(weight_decay=0.01) vs Adam + 0.01/2·Σw² in the loss",
         "gap": gap("Adam(weight_decay=0.01)", "Adam + 0.01/2·Σw² in the loss")},
        {"pair": "AdamW(weight_decay=0.01) vs Adam + 0.01/2·Σw² in the loss",
         "gap": gap("AdamW(weight_decay=0.01)", "Adam + 0.01/2·Σw² in the loss")},
        {"pair": "SGD(weight_decay=0.01) vs SGD without decay",
         "gap": gap("SGD(weight_decay=0.01)", "SGD without decay")},
    ],
}

json.dump({"listing": listing, "regression": regression, "weight_decay": weight_decay},
          sys.stdout, indent=1, ensure_ascii=False)
print()
