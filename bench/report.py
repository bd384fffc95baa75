#!/usr/bin/env python3
"""Joins normbook's and the peers' JSON lines into one Markdown table.

Each input line: {"benchmark", "implementation", "seconds", "display", "result"}.
ratio = peer seconds / normbook seconds, so a ratio above 1 means normbook is faster.
"""
import json
import sys


def main(paths):
    rows = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            rows += [json.loads(line) for line in f if line.strip().startswith("{")]
    ours = {r["benchmark"]: r for r in rows if r["implementation"] == "normbook"}
    print("| benchmark | normbook | peer | peer result | ratio |")
    print("|---|---|---|---|---|")
    for r in rows:
        if r["implementation"] == "normbook":
            continue
        mine = ours.get(r["benchmark"])
        if mine is None:
            print(f"| {r['benchmark']} | (missing) | {r['implementation']} | {r['display']} | – |")
            continue
        ratio = float(r["seconds"]) / float(mine["seconds"])
        print(f"| {r['benchmark']} | {mine['display']} ({mine.get('result', '')}) | "
              f"{r['implementation']} | {r['display']} ({r.get('result', '')}) | {ratio:.2f} |")


if __name__ == "__main__":
    main(sys.argv[1:])
