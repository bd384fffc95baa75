"""Oracle fixtures for the Lasso/ElasticNet/Ridge solvers, written by scikit-learn.

Run from the repository root (the iris problem reads chapters/data/iris.csv):
    python3 -m venv /tmp/pyenv && /tmp/pyenv/bin/pip install numpy scikit-learn
    /tmp/pyenv/bin/python Tests/RegularizationTests/Solvers/Fixtures/make_fixtures.py
Generated with numpy 2.4.6 and scikit-learn 1.9.1. Solvers run with tol=1e-10 so that the
coefficients are exact to well below the 1e-6 the Swift tests allow.
"""
import json
import pathlib

import numpy as np
import sklearn
from sklearn.linear_model import ElasticNet, ElasticNetCV, Lasso, LassoCV, Ridge, enet_path, lasso_path
from sklearn.linear_model._coordinate_descent import _alpha_grid
from sklearn.model_selection import KFold

here = pathlib.Path(__file__).resolve().parent
root = here.parents[3]
TOL = 1e-10
MAX_ITER = 1_000_000

rng = np.random.default_rng(20261121)


def sparse_problem(n, p, k, noise):
    x = rng.normal(size=(n, p))
    x[:, 1] = x[:, 0] + 0.3 * rng.normal(size=n)  # a correlated pair
    x += rng.normal(size=p) * 2  # non-zero column means, so centering matters
    w = np.zeros(p)
    w[rng.choice(p, size=k, replace=False)] = rng.uniform(1, 3, size=k) * rng.choice([-1, 1], size=k)
    y = x @ w + 3.0 + noise * rng.normal(size=n)
    return x, y


problems = {}
problems["small"] = sparse_problem(50, 12, 4, 0.5)
problems["wide"] = sparse_problem(30, 60, 5, 0.5)
iris = np.loadtxt(root / "chapters" / "data" / "iris.csv", delimiter=",", skiprows=1)
problems["iris"] = (iris[:, :3], iris[:, 3])  # petal width from the other measurements


def alpha_max(x, y, l1_ratio, fit_intercept):
    return float(_alpha_grid(x, y, l1_ratio=l1_ratio, fit_intercept=fit_intercept, n_alphas=1)[0])


fixture = {"generator": f"numpy {np.__version__}, scikit-learn {sklearn.__version__}", "tolerance": TOL}
fixture["problems"] = {
    name: {"x": x.tolist(), "y": y.tolist()} for name, (x, y) in problems.items() if name != "iris"
}

# Lasso / ElasticNet at several alphas (fractions of alpha_max) and l1 ratios.
cases = []
for name, (x, y) in problems.items():
    for l1_ratio in [1.0, 0.7, 0.2]:
        for fit_intercept in [True, False]:
            top = alpha_max(x, y, l1_ratio, fit_intercept)
            for fraction in [0.5, 0.1, 0.01]:
                alpha = top * fraction
                model = ElasticNet(alpha=alpha, l1_ratio=l1_ratio, fit_intercept=fit_intercept, tol=TOL, max_iter=MAX_ITER)
                model.fit(x, y)
                cases.append({
                    "problem": name, "alpha": alpha, "l1_ratio": l1_ratio, "fit_intercept": fit_intercept,
                    "coef": model.coef_.tolist(), "intercept": float(model.intercept_),
                })
fixture["elastic_net"] = cases

# The known small case of the issue.
small = Lasso(alpha=0.1).fit([[0, 0], [1, 1], [2, 2]], [0, 1, 2])
fixture["known_small"] = {"coef": small.coef_.tolist(), "intercept": float(small.intercept_)}

# Alpha grids.
grids = []
for name, (x, y) in problems.items():
    for l1_ratio, fit_intercept, count, eps in [(1.0, True, 100, 1e-3), (0.5, False, 10, 1e-2), (0.9, True, 7, 1e-4)]:
        grid = _alpha_grid(x, y, l1_ratio=l1_ratio, fit_intercept=fit_intercept, n_alphas=count, eps=eps)
        grids.append({"problem": name, "l1_ratio": l1_ratio, "fit_intercept": fit_intercept, "count": count, "eps": eps,
                      "alphas": grid.tolist()})
fixture["alpha_grids"] = grids

# Paths: lasso_path on the raw data (no intercept), enet_path on centered data (= intercept).
paths = []
for name in ["small", "wide"]:
    x, y = problems[name]
    alphas, coefs, _ = lasso_path(x, y, alphas=100, eps=1e-3, tol=TOL, max_iter=MAX_ITER)
    paths.append({"problem": name, "l1_ratio": 1.0, "fit_intercept": False, "alphas": alphas.tolist(),
                  "coefs": coefs.T.tolist()})
    xc, yc = x - x.mean(axis=0), y - y.mean()
    alphas, coefs, _ = enet_path(xc, yc, l1_ratio=0.5, alphas=30, eps=1e-2, tol=TOL, max_iter=MAX_ITER)
    paths.append({"problem": name, "l1_ratio": 0.5, "fit_intercept": True, "alphas": alphas.tolist(),
                  "coefs": coefs.T.tolist()})
fixture["paths"] = paths

# Ridge by Cholesky.
ridge = []
for name, (x, y) in problems.items():
    for fit_intercept in [True, False]:
        for alpha in [0.01, 1.0, 100.0]:
            model = Ridge(alpha=alpha, fit_intercept=fit_intercept, solver="cholesky").fit(x, y)
            ridge.append({"problem": name, "alpha": alpha, "fit_intercept": fit_intercept,
                          "coef": model.coef_.tolist(), "intercept": float(model.intercept_)})
fixture["ridge"] = ridge

# Cross-validation with fixed folds.
cv = []
for name in ["small", "iris"]:
    x, y = problems[name]
    folds = [test.tolist() for _, test in KFold(5, shuffle=True, random_state=0).split(x)]
    splits = [(np.setdiff1d(np.arange(len(y)), test), np.array(test)) for test in folds]
    for l1_ratio in [1.0, 0.5]:
        if l1_ratio == 1.0:
            model = LassoCV(alphas=20, eps=1e-3, cv=splits, tol=TOL, max_iter=MAX_ITER)
        else:
            model = ElasticNetCV(l1_ratio=l1_ratio, alphas=20, eps=1e-3, cv=splits, tol=TOL, max_iter=MAX_ITER)
        model.fit(x, y)
        cv.append({"problem": name, "l1_ratio": l1_ratio, "folds": folds, "count": 20, "eps": 1e-3,
                   "alphas": model.alphas_.tolist(), "mse_path": model.mse_path_.tolist(),
                   "alpha": float(model.alpha_), "coef": model.coef_.tolist(), "intercept": float(model.intercept_)})
    # Ridge with the same folds, by hand.
    alphas = [0.01, 0.1, 1.0, 10.0, 100.0]
    mse = [[float(np.mean((Ridge(alpha=a, solver="cholesky").fit(x[tr], y[tr]).predict(x[te]) - y[te]) ** 2))
            for tr, te in splits] for a in alphas]
    cv.append({"problem": name, "ridge": True, "folds": folds, "alphas": alphas, "mse_path": mse})
fixture["cross_validation"] = cv

with open(here / "solvers.json", "w") as f:
    json.dump(fixture, f, indent=None, separators=(",", ":"))
    f.write("\n")
print("wrote", here / "solvers.json")
