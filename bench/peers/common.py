"""Shared timing helper for the peer scripts: same protocol as normbook-bench."""
import json
import statistics
import sys
import time


def selected(name):
    names = sys.argv[1:]
    return not names or name in names


def report(name, implementation, body, repetitions, display):
    result = body()  # warm-up
    times = []
    for _ in range(repetitions):
        t0 = time.perf_counter()
        result = body()
        times.append(time.perf_counter() - t0)
    median = statistics.median(times)
    print(json.dumps({"benchmark": name, "implementation": implementation,
                      "seconds": median, "display": display(median), "result": str(result)},
                     sort_keys=True), flush=True)


def duration(s):
    if s >= 1:
        return f"{s:.2f} s"
    if s >= 1e-3:
        return f"{s * 1e3:.2f} ms"
    return f"{s * 1e6:.1f} µs"
