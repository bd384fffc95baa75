"""Freedman-Diaconis bin edges and counts from numpy, for HistogramTests.

Run: python3 Tests/ChartsTests/Fixtures/make_histogram_fixture.py  (numpy 2.4.6, Python 3.11)
The samples come from a deterministic formula that the Swift test recomputes.
"""
import json
import math
import pathlib

import numpy as np


def samples(n, k):
    return [3 * math.sin(i * 0.7 + k) * math.cos(i * 0.013) + (i % 7) * 0.1 for i in range(n)]


cases = []
for n, k in [(500, 0), (137, 1), (2000, 2)]:
    v = np.array(samples(n, k))
    edges = np.histogram_bin_edges(v, bins="fd")
    counts, _ = np.histogram(v, bins=edges)
    cases.append({"n": n, "k": k, "edges": edges.tolist(), "counts": counts.tolist()})
out = pathlib.Path(__file__).with_name("histogram_fd.json")
out.write_text(json.dumps({"numpy": np.__version__, "cases": cases}, indent=1))
