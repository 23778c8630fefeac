#!/usr/bin/env python3
"""Scores the certainty stage on tests/certainty/graded.tsv.

usage: score.py SAYWHO [--min FRACTION]

Runs every sentence through saywho (JSONL input), takes the first
attribution of each, and compares its certainty level with the grade.
A sentence with no attribution counts as wrong.  Prints accuracy overall
and per level; with --min, exits 1 below the floor.
"""
import json
import os
import subprocess
import sys
from collections import Counter


def main(argv):
    saywho = argv[1]
    floor = float(argv[argv.index("--min") + 1]) if "--min" in argv else None
    here = os.path.dirname(os.path.abspath(__file__))
    rows = []
    for line in open(os.path.join(here, "graded.tsv"), encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            level, text = line.rstrip("\n").split("\t")
            rows.append((level, text))
    feed = "".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, (_, t) in enumerate(rows))
    out = subprocess.run([saywho, "--input", "jsonl"], input=feed.encode(), capture_output=True,
                         check=True).stdout.decode()
    got = {}
    for line in out.splitlines():
        rec = json.loads(line)
        atts = rec["attributions"]
        got[int(rec["doc"])] = atts[0]["certainty"] if atts else None
    right, total, confusion = Counter(), Counter(), Counter()
    scores = []
    for i, (level, text) in enumerate(rows):
        c = got.get(i)
        total[level] += 1
        lv = c["level"] if c else "none"
        confusion[(level, lv)] += 1
        if lv == level:
            right[level] += 1
        else:
            print("  %-9s got %-9s %s" % (level, lv, text))
        if c:
            scores.append((level, c["score"]))
    for lv in sorted(total):
        print("%-9s %3d/%-3d %.3f" % (lv, right[lv], total[lv], right[lv] / total[lv]))
    n, r = sum(total.values()), sum(right.values())
    acc = r / n
    print("%-9s %3d/%-3d %.3f" % ("all", r, n, acc))
    # the score should order the levels
    order = {"doubtful": 0, "possible": 1, "probable": 2, "unmarked": 3, "certain": 4}
    mean = {lv: sum(s for l, s in scores if l == lv) / max(1, sum(1 for l, _ in scores if l == lv))
            for lv in order}
    print("mean score: " + ", ".join("%s %.2f" % (lv, mean[lv]) for lv in order))
    return 1 if floor is not None and acc < floor else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
