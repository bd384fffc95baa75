"""scikit-learn's side of the solver benchmarks (lasso-n1000-p500, lasso-path-100).

Reads the problem that normbook-bench writes to $TMPDIR/normbook-bench/lasso-n1000-p500.f64
(little-endian float64: X row-major 1000 x 500, then y), so run normbook-bench first (bench/run
does). Single-threaded BLAS is set by bench/run through OPENBLAS_NUM_THREADS=1.
"""
import pathlib
import sys
import tempfile

import numpy as np
from sklearn.linear_model import Lasso, lasso_path

from common import duration, report, selected

N, P = 1000, 500
NAMES = ["lasso-n1000-p500", "lasso-path-100"]
if not any(selected(name) for name in NAMES):
    sys.exit(0)
path = pathlib.Path(tempfile.gettempdir()) / "normbook-bench" / "lasso-n1000-p500.f64"
if not path.exists():
    sys.exit(f"{path} is missing: run the normbook side first (bench/run, or normbook-bench lasso-n1000-p500)")
values = np.fromfile(path, dtype="<f8")
if values.size != N * P + N:
    sys.exit(f"{path} holds {values.size} numbers, expected {N * P + N}: rerun normbook-bench")
X = values[: N * P].reshape(N, P)
y = values[N * P:]


def summary(coef, intercept, alpha):
    residual = y - X @ coef - intercept
    objective = 0.5 * np.mean(residual**2) + alpha * np.abs(coef).sum()
    return f"support={int(np.count_nonzero(coef))} objective={objective:.9e}"


def lasso():
    model = Lasso(alpha=0.1).fit(X, y)
    return summary(model.coef_, model.intercept_, 0.1)


def lasso_path_100():
    # tol=1e-6 on both sides (see SolverBenchmarks.swift): at the default 1e-4 the solution at the
    # smallest alpha is not within 1e-6 of the optimum.
    alphas, coefs, _ = lasso_path(X, y, alphas=100, eps=1e-3, tol=1e-6)
    return summary(coefs[:, -1], 0.0, alphas[-1])


if selected("lasso-n1000-p500"):
    report("lasso-n1000-p500", "scikit-learn", lasso, 50, duration)
if selected("lasso-path-100"):
    report("lasso-path-100", "scikit-learn", lasso_path_100, 20, duration)
