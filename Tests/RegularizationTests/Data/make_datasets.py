"""Writes the data sets shipped in chapters/data/ from the copies bundled with scikit-learn.

Run from the repository root:
    python3 -m venv /tmp/pyenv && /tmp/pyenv/bin/pip install numpy scikit-learn
    /tmp/pyenv/bin/python Tests/RegularizationTests/Data/make_datasets.py
Generated with numpy 2.4.6 and scikit-learn 1.9.1.
"""
import pathlib

from sklearn.datasets import load_digits, load_iris

root = pathlib.Path(__file__).resolve().parents[3]
out = root / "chapters" / "data"
out.mkdir(parents=True, exist_ok=True)

iris = load_iris()
with open(out / "iris.csv", "w", newline="\n") as f:
    f.write("sepal_length,sepal_width,petal_length,petal_width,target\n")
    for row, target in zip(iris.data, iris.target):
        f.write(",".join(repr(float(v)) for v in row) + f",{int(target)}\n")

digits = load_digits()
with open(out / "digits.csv", "w", newline="\n") as f:
    f.write(",".join(f"pixel{i}" for i in range(64)) + ",target\n")
    for row, target in zip(digits.data, digits.target):
        f.write(",".join(str(int(v)) for v in row) + f",{int(target)}\n")
print("wrote", out / "iris.csv", "and", out / "digits.csv")
