"""Chart peers: matplotlib (Agg backend) drawing the same charts as normbook-bench.

Versions used for the committed results: matplotlib 3.11.2, numpy 2.4.6, Python 3.11 (pip venv).
`line-4x10000-png`: 4 series x 10,000 points on an 8x5-inch figure written to PNG in memory.
normbook draws 800x500 points at 2x device scale (1600x1000 pixels); matplotlib is run at
dpi=200 so both write the same number of pixels (`line-4x10000-png@100dpi` is the default dpi).
"""
import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from common import duration, report, selected  # noqa: E402


def line_chart(dpi):
    n = 10_000
    x = np.arange(n, dtype=float)
    fig, ax = plt.subplots(figsize=(8, 5), dpi=dpi)
    for k in range(4):
        y = np.sin(x / 300 + k) + 0.3 * np.sin(x * 0.37 * (k + 1)) + k
        ax.plot(x, y, label=f"run {k + 1}", linewidth=1.6)
    ax.set_title("Four series of 10,000 points")
    ax.set_xlabel("step")
    ax.set_ylabel("value")
    ax.legend(loc="best")
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    return f"{len(buf.getvalue())} bytes"


if selected("line-4x10000-png"):
    report("line-4x10000-png", "matplotlib", lambda: line_chart(200), 21, duration)
if selected("line-4x10000-png@100dpi"):
    report("line-4x10000-png@100dpi", "matplotlib", lambda: line_chart(100), 21, duration)
