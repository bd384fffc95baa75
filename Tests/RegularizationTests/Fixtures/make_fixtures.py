"""Oracle fixtures for the engine tests (RegularizationTests), computed by the reference libraries.

Run from anywhere; writes *.json next to this script. Deterministic (fixed seeds).
    python3 -m venv /tmp/pyenv && /tmp/pyenv/bin/pip install numpy torch==2.13.0+cpu
    /tmp/pyenv/bin/python Tests/RegularizationTests/Fixtures/make_fixtures.py
Generated with Python 3.11, numpy 2.4.6, torch 2.13.0+cpu.

Non-finite numbers are written as the strings "nan", "inf" and "-inf" (JSON has no literal for
them). Keras and optax are not installed: their formulas (keras.constraints.MaxNorm/UnitNorm,
keras clipnorm = tf.clip_by_norm, optax.adaptive_grad_clip) are transcribed from their sources
below in NumPy float64 and marked as such.
"""
import json
import math
import pathlib

import numpy as np
import torch
import torch.nn.utils.prune as prune

HERE = pathlib.Path(__file__).resolve().parent
torch.set_default_dtype(torch.float64)


def enc(x):
    """Nested lists of Python floats; non-finite values as strings."""
    if isinstance(x, torch.Tensor):
        x = x.detach().cpu().numpy()
    if isinstance(x, np.ndarray):
        return enc(x.tolist())
    if isinstance(x, (list, tuple)):
        return [enc(v) for v in x]
    if isinstance(x, (float, np.floating)):
        x = float(x)
        if math.isnan(x):
            return "nan"
        if math.isinf(x):
            return "inf" if x > 0 else "-inf"
        return x
    return x


def tensor(x):
    x = np.asarray(x)
    return {"shape": list(x.shape), "values": enc(x.reshape(-1))}


def write(name, payload):
    (HERE / f"{name}.json").write_text(json.dumps(payload, indent=1, sort_keys=True) + "\n")


rng = np.random.default_rng(20261121)

# ---------------------------------------------------------------- norms
vector_cases, matrix_cases = [], []
for n in [1, 5, 17, 100]:
    v = rng.standard_normal(n) * rng.uniform(0.1, 10)
    t = torch.tensor(v)
    vector_cases.append({
        "v": tensor(v),
        "l1": float(torch.linalg.vector_norm(t, 1)), "l2": float(torch.linalg.vector_norm(t, 2)),
        "inf": float(torch.linalg.vector_norm(t, math.inf)), "p3": float(torch.linalg.vector_norm(t, 3)),
        "p0_5": float(torch.linalg.vector_norm(t, 0.5)), "p0": float(torch.linalg.vector_norm(t, 0)),
    })
for shape in [(1, 1), (3, 5), (8, 4), (20, 20)]:
    w = rng.standard_normal(shape)
    t = torch.tensor(w)
    matrix_cases.append({
        "w": tensor(w),
        "fro": float(torch.linalg.matrix_norm(t, "fro")), "nuc": float(torch.linalg.matrix_norm(t, "nuc")),
        "spectral": float(torch.linalg.matrix_norm(t, 2)), "one": float(torch.linalg.matrix_norm(t, 1)),
        "inf": float(torch.linalg.matrix_norm(t, math.inf)),
        "row_l2": enc(torch.linalg.vector_norm(t, 2, dim=1)), "col_l2": enc(torch.linalg.vector_norm(t, 2, dim=0)),
        "row_l1": enc(torch.linalg.vector_norm(t, 1, dim=1)), "col_inf": enc(torch.linalg.vector_norm(t, math.inf, dim=0)),
        "singular_values": enc(torch.linalg.svdvals(t)),
    })
write("norms", {"vectors": vector_cases, "matrices": matrix_cases})

# ---------------------------------------------------------------- penalties and proximal operators
penalty_cases = []
for shape in [(7,), (4, 6)]:
    w = rng.standard_normal(shape)
    w.reshape(-1)[0] = 0.0  # a zero entry: the subgradient convention 0 at 0
    lam, eta = 0.3, 0.5
    t = torch.tensor(w, requires_grad=True)
    case = {"w": tensor(w), "lambda": lam, "eta": eta}

    def grad_of(f):
        t.grad = None
        value = f(t)
        value.backward()
        return float(value.detach()), enc(t.grad)

    case["l1_value"], case["l1_grad"] = grad_of(lambda x: lam * x.abs().sum())  # d|x|/dx at 0 is 0 in torch
    case["l2half_value"], case["l2half_grad"] = grad_of(lambda x: lam / 2 * (x ** 2).sum())
    case["l2keras_value"], case["l2keras_grad"] = grad_of(lambda x: lam * (x ** 2).sum())
    l1b, l2b = 0.2, 0.1
    case["enet_l1"], case["enet_l2"] = l1b, l2b
    case["enet_keras_value"], case["enet_keras_grad"] = grad_of(lambda x: l1b * x.abs().sum() + l2b * (x ** 2).sum())
    tw = torch.tensor(w)
    case["l1_prox"] = enc(torch.nn.functional.softshrink(tw, lam * eta))
    case["l2half_prox"] = enc(tw / (1 + eta * lam))
    case["l2keras_prox"] = enc(tw / (1 + 2 * eta * lam))
    case["enet_keras_prox"] = enc(torch.nn.functional.softshrink(tw, l1b * eta) / (1 + 2 * eta * l2b))
    if len(shape) == 2:
        wz = w.copy()
        wz[1, :] = 0.0  # a zero group
        wz[2, :] *= 0.05  # a group that the prox removes
        tz = torch.tensor(wz, requires_grad=True)
        rows_norm = torch.linalg.vector_norm(tz, 2, dim=1)
        value = lam * rows_norm.sum()
        # gradient of the sum of norms with the zero group's subgradient set to 0
        grad = torch.where(rows_norm[:, None] > 0, lam * tz / rows_norm[:, None].clamp_min(1e-300), 0.0)
        tcols = torch.linalg.vector_norm(torch.tensor(wz), 2, dim=0)
        case["group_w"] = tensor(wz)
        case["group_rows_value"] = float(value)
        case["group_rows_grad"] = enc(grad)
        case["group_cols_value"] = float(lam * tcols.sum())
        scale = torch.clamp(1 - eta * lam / rows_norm.detach().clamp_min(1e-300), min=0.0)
        case["group_rows_prox"] = enc(torch.tensor(wz) * scale[:, None])
        cscale = torch.clamp(1 - eta * lam / tcols.clamp_min(1e-300), min=0.0)
        case["group_cols_prox"] = enc(torch.tensor(wz) * cscale[None, :])
    penalty_cases.append(case)
write("penalties", {"cases": penalty_cases})

# ---------------------------------------------------------------- constraints
EPS = 1e-7  # keras.backend.epsilon()
constraint_cases = []
for shape, maxnorm in [((5, 4), 1.5), ((3, 8), 2.0)]:
    w = rng.standard_normal(shape) * 1.2
    t = torch.tensor(w)
    case = {"w": tensor(w), "maxnorm": maxnorm}
    case["renorm_rows_l2"] = enc(torch.renorm(t, 2, 0, maxnorm))
    case["renorm_cols_l2"] = enc(torch.renorm(t, 2, 1, maxnorm))
    case["renorm_rows_l1"] = enc(torch.renorm(t, 1, 0, maxnorm))
    # keras.constraints.MaxNorm(max_value, axis): norms over `axis`, w * clip(n, 0, m) / (eps + n)
    for name, axis in [("keras_maxnorm_cols", 0), ("keras_maxnorm_rows", 1)]:
        n = np.sqrt(np.sum(np.square(w), axis=axis, keepdims=True))
        case[name] = enc(w * (np.clip(n, 0, maxnorm) / (EPS + n)))
    # keras.constraints.UnitNorm(axis=0): w / (eps + sqrt(sum(w², axis)))
    case["keras_unitnorm_cols"] = enc(w / (EPS + np.sqrt(np.sum(np.square(w), axis=0, keepdims=True))))
    case["nonneg"] = enc(w * (w >= 0))
    case["clip"] = enc(torch.clamp(t, -0.5, 0.7))
    constraint_cases.append(case)
write("constraints", {"cases": constraint_cases})

# ---------------------------------------------------------------- gradient clipping
clip_cases = []


def clip_case(grads, max_norm, norm_type, dtype=torch.float64, label=""):
    ts = [torch.tensor(g, dtype=dtype) for g in grads]
    params = [torch.nn.Parameter(torch.zeros_like(t)) for t in ts]
    for p, g in zip(params, ts):
        p.grad = g.clone()
    total = torch.nn.utils.clip_grad_norm_(params, max_norm, norm_type=norm_type)
    raised = False
    for p, g in zip(params, ts):
        q = torch.nn.Parameter(torch.zeros_like(g))
    try:
        qs = [torch.nn.Parameter(torch.zeros_like(t)) for t in ts]
        for q, g in zip(qs, ts):
            q.grad = g.clone()
        torch.nn.utils.clip_grad_norm_(qs, max_norm, norm_type=norm_type, error_if_nonfinite=True)
    except RuntimeError:
        raised = True
    clip_cases.append({
        "label": label, "float32": dtype == torch.float32, "max_norm": max_norm,
        "norm_type": enc(float(norm_type)), "grads": [tensor(np.asarray(g, dtype=np.float64)) for g in grads],
        "total": enc(float(total)), "clipped": [enc(p.grad.double()) for p in params], "raises": raised,
    })


g1 = [rng.standard_normal((3, 4)) * 3, rng.standard_normal(4)]
clip_case(g1, 1.0, 2.0, label="l2 clipped")
clip_case(g1, 100.0, 2.0, label="l2 not clipped")
clip_case(g1, 0.5, 1.0, label="l1")
clip_case(g1, 0.5, math.inf, label="inf")
clip_case(g1, 2.0, 3.0, label="p3")
clip_case([g.astype(np.float32) for g in g1], 1.0, 2.0, dtype=torch.float32, label="float32 l2")
gnan = [g.copy() for g in g1]
gnan[0][1, 2] = math.nan
clip_case(gnan, 1.0, 2.0, label="nan")
ginf = [g.copy() for g in g1]
ginf[1][0] = math.inf
clip_case(ginf, 1.0, 2.0, label="inf entry")

value_cases = []
for g in g1:
    value_cases.append({"g": tensor(g), "limit": 0.8, "clipped": enc(torch.clamp(torch.tensor(g), -0.8, 0.8))})


def keras_clip_by_norm(values, clip_norm):
    # keras.src.optimizers.base_optimizer.clip_by_norm (= tf.clip_by_norm)
    l2sum = np.sum(np.square(values))
    pred = l2sum > 0
    l2sum_safe = l2sum if pred else 1.0
    l2norm = np.sqrt(l2sum_safe) if pred else l2sum
    return values * clip_norm / np.maximum(l2norm, clip_norm)


norm_cases = [{"g": tensor(g), "max_norm": c, "clipped": enc(keras_clip_by_norm(g, c))}
              for g in g1 for c in [0.5, 50.0]]
norm_cases.append({"g": tensor(np.zeros(3)), "max_norm": 1.0, "clipped": enc(keras_clip_by_norm(np.zeros(3), 1.0))})


def optax_unitwise_norm(x):
    # optax._src.clipping.unitwise_norm for rank <= 2
    if np.squeeze(x).ndim <= 1:
        squared = np.sum(np.square(x), keepdims=True)
    else:
        squared = np.sum(np.square(x), axis=0, keepdims=True)
    return np.broadcast_to(np.sqrt(squared), x.shape)


def optax_agc(grads, params, clipping=0.01, eps=1e-3):
    # optax.adaptive_grad_clip(clipping, eps).update
    out = []
    for g, p in zip(grads, params):
        g_norm, p_norm = optax_unitwise_norm(g), optax_unitwise_norm(p)
        max_norm = clipping * np.maximum(p_norm, eps)
        clipped = g * (max_norm / np.maximum(g_norm, 1e-6))
        out.append(np.where(g_norm < max_norm, g, clipped))
    return out


params = [rng.standard_normal((3, 4)), rng.standard_normal(4) * 1e-4, rng.standard_normal((1, 5))]
grads = [rng.standard_normal((3, 4)) * 0.02, rng.standard_normal(4), rng.standard_normal((1, 5)) * 1e-4]
grads[0][:, 1] *= 1e-3  # one unit below its bound
agc = {"params": [tensor(p) for p in params], "grads": [tensor(g) for g in grads],
       "clipping": 0.01, "eps": 1e-3, "clipped": [enc(c) for c in optax_agc(grads, params)]}
write("clipping", {"global": clip_cases, "value": value_cases, "norm": norm_cases, "agc": agc})

# ---------------------------------------------------------------- pruning


class Holder(torch.nn.Module):
    def __init__(self, w):
        super().__init__()
        self.weight = torch.nn.Parameter(torch.tensor(w))


def mask_of(module):
    return enc(module.weight_mask)


pruning = {"l1": [], "ln": [], "global": []}
doc = Holder([[1.0, 2.0, 3.0, 4.0], [-4.0, -3.0, -2.0, -1.0]])
prune.l1_unstructured(doc, "weight", amount=2)
first = enc(doc.weight)
prune.l1_unstructured(doc, "weight", amount=2)
pruning["l1"].append({"w": tensor([[1.0, 2.0, 3.0, 4.0], [-4.0, -3.0, -2.0, -1.0]]),
                      "amounts": [{"count": 2}, {"count": 2}], "weights": [first, enc(doc.weight)],
                      "masks": [None, mask_of(doc)]})
for shape, amounts in [((5, 4), [{"fraction": 0.3}, {"fraction": 0.5}]),
                       ((2, 5), [{"fraction": 0.25}, {"count": 3}]),  # 2.5 rounds half-to-even to 2
                       ((3, 5), [{"fraction": 0.1}, {"fraction": 0.1}, {"fraction": 0.7}])]:  # 1.5 -> 2
    w = rng.standard_normal(shape)
    m = Holder(w)
    weights, masks = [], []
    for a in amounts:
        prune.l1_unstructured(m, "weight", amount=a.get("count", a.get("fraction")))
        weights.append(enc(m.weight))
        masks.append(mask_of(m))
    pruning["l1"].append({"w": tensor(w), "amounts": amounts, "weights": weights, "masks": masks})
for shape, dim, n, amounts in [((6, 4), 0, 2, [{"count": 2}, {"fraction": 0.5}]),
                               ((4, 6), 1, 1, [{"fraction": 0.34}]),
                               ((5, 3), 0, math.inf, [{"count": 1}, {"count": 1}])]:
    w = rng.standard_normal(shape)
    m = Holder(w)
    masks = []
    for a in amounts:
        prune.ln_structured(m, "weight", amount=a.get("count", a.get("fraction")), n=n, dim=dim)
        masks.append(mask_of(m))
    pruning["ln"].append({"w": tensor(w), "dim": dim, "n": enc(float(n)), "amounts": amounts, "masks": masks})
layers = [Holder(rng.standard_normal((4, 5))), Holder(rng.standard_normal((3, 3))), Holder(rng.standard_normal(6))]
originals = [tensor(l.weight.detach().numpy().copy()) for l in layers]
global_steps = []
for a in [{"fraction": 0.4}, {"count": 5}]:
    prune.global_unstructured([(l, "weight") for l in layers], pruning_method=prune.L1Unstructured,
                              amount=a.get("count", a.get("fraction")))
    global_steps.append({"amount": a, "masks": [mask_of(l) for l in layers]})
pruning["global"].append({"weights": originals, "steps": global_steps})
write("pruning", pruning)

# ---------------------------------------------------------------- dropout
torch.manual_seed(0)
dropout_cases = []
for p, dtype in [(0.5, torch.float64), (0.2, torch.float64), (0.3, torch.float32)]:
    x = torch.tensor(rng.standard_normal((4, 6)) + 3.0, dtype=dtype)
    y = torch.nn.functional.dropout(x, p=p, training=True)
    dropout_cases.append({"p": p, "float32": dtype == torch.float32, "x": enc(x.double()),
                          "mask": enc((y != 0).double()), "y": enc(y.double()),
                          "eval": enc(torch.nn.functional.dropout(x, p=p, training=False).double())})
write("dropout", {"cases": dropout_cases})

# ---------------------------------------------------------------- optimizers
opt_cases = []
steps = 4
configs = [
    ("sgd", torch.optim.SGD, {"lr": 0.1}),
    ("sgd", torch.optim.SGD, {"lr": 0.1, "weight_decay": 0.05}),
    ("sgd", torch.optim.SGD, {"lr": 0.05, "momentum": 0.9}),
    ("sgd", torch.optim.SGD, {"lr": 0.05, "momentum": 0.9, "dampening": 0.3, "weight_decay": 0.01}),
    ("sgd", torch.optim.SGD, {"lr": 0.05, "momentum": 0.8, "nesterov": True, "weight_decay": 0.02}),
    ("adam", torch.optim.Adam, {"lr": 0.01}),
    ("adam", torch.optim.Adam, {"lr": 0.01, "betas": (0.8, 0.99), "eps": 1e-6, "weight_decay": 0.1}),
    ("adam", torch.optim.Adam, {"lr": 0.01, "amsgrad": True}),
    ("adamw", torch.optim.AdamW, {"lr": 0.01}),
    ("adamw", torch.optim.AdamW, {"lr": 0.02, "weight_decay": 0.3, "amsgrad": True}),
    ("rmsprop", torch.optim.RMSprop, {"lr": 0.01}),
    ("rmsprop", torch.optim.RMSprop, {"lr": 0.01, "weight_decay": 0.1}),
    ("rmsprop", torch.optim.RMSprop, {"lr": 0.01, "momentum": 0.9, "centered": True, "alpha": 0.9}),
]
for dtype in [torch.float64, torch.float32]:
    for name, cls, kwargs in configs:
        p0 = [rng.standard_normal((3, 2)), rng.standard_normal(2)]
        grads = [[rng.standard_normal(p.shape) for p in p0] for _ in range(steps)]
        ps = [torch.nn.Parameter(torch.tensor(p, dtype=dtype)) for p in p0]
        opt = cls(ps, **kwargs)
        trajectory = []
        for gs in grads:
            for p, g in zip(ps, gs):
                p.grad = torch.tensor(g, dtype=dtype)
            opt.step()
            trajectory.append([enc(p.detach().double()) for p in ps])
        opt_cases.append({
            "optimizer": name, "float32": dtype == torch.float32,
            "options": {k: (list(v) if isinstance(v, tuple) else v) for k, v in kwargs.items()},
            "params": [tensor(np.asarray(torch.tensor(p, dtype=dtype).double())) for p in p0],
            "grads": [[tensor(np.asarray(torch.tensor(g, dtype=dtype).double())) for g in gs] for gs in grads],
            "trajectory": trajectory,
        })
# parameter groups: no weight decay on the bias
p0 = [rng.standard_normal((3, 2)), rng.standard_normal(2)]
grads = [[rng.standard_normal(p.shape) for p in p0] for _ in range(steps)]
ps = [torch.nn.Parameter(torch.tensor(p)) for p in p0]
opt = torch.optim.AdamW([{"params": [ps[0]]}, {"params": [ps[1]], "weight_decay": 0.0}], lr=0.05, weight_decay=0.5)
trajectory = []
for gs in grads:
    for p, g in zip(ps, gs):
        p.grad = torch.tensor(g)
    opt.step()
    trajectory.append([enc(p.detach()) for p in ps])
groups = {"params": [tensor(p) for p in p0], "grads": [[tensor(g) for g in gs] for gs in grads],
          "lr": 0.05, "weight_decay": 0.5, "trajectory": trajectory}
write("optimizers", {"cases": opt_cases, "groups": groups})

# ---------------------------------------------------------------- network loss and gradients
net_cases = []
for loss_name, out, hidden in [("softmaxCrossEntropy", 4, "relu"), ("binaryCrossEntropy", 1, "tanh"),
                               ("meanSquaredError", 2, "sigmoid")]:
    x = rng.standard_normal((5, 3))
    w0, b0 = rng.standard_normal((3, 6)) * 0.7, rng.standard_normal(6) * 0.1
    w1, b1 = rng.standard_normal((6, out)) * 0.7, rng.standard_normal(out) * 0.1
    if loss_name == "softmaxCrossEntropy":
        y = np.eye(out)[rng.integers(0, out, 5)]
    elif loss_name == "binaryCrossEntropy":
        y = rng.integers(0, 2, (5, 1)).astype(float)
    else:
        y = rng.standard_normal((5, out))
    ts = [torch.tensor(a, requires_grad=True) for a in (w0, b0, w1, b1)]
    act = {"relu": torch.relu, "tanh": torch.tanh, "sigmoid": torch.sigmoid}[hidden]
    z = act(torch.tensor(x) @ ts[0] + ts[1]) @ ts[2] + ts[3]
    yt = torch.tensor(y)
    if loss_name == "softmaxCrossEntropy":
        loss = torch.nn.functional.cross_entropy(z, yt)
    elif loss_name == "binaryCrossEntropy":
        loss = torch.nn.functional.binary_cross_entropy_with_logits(z, yt)
    else:
        loss = torch.nn.functional.mse_loss(z, yt)
    loss.backward()
    net_cases.append({"loss": loss_name, "hidden": hidden, "x": tensor(x), "y": tensor(y),
                      "params": [tensor(a) for a in (w0, b0, w1, b1)], "value": float(loss),
                      "grads": [enc(t.grad) for t in ts]})
write("network", {"cases": net_cases})
print("wrote fixtures to", HERE)
