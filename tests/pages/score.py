#!/usr/bin/env python3
"""Scores body extraction on the saved pages in this folder.

usage: score.py SAYWHO [--min-f1 F] [--min-meta F]

For each NAME.html: `saywho --input html --text` gives the extracted text
and metadata; the body's token F1 against NAME.body.txt (word tokens,
bag of words), and author and date against NAME.meta.  Prints per page
and in all; with floors, exits 1 below them.
"""
import json
import os
import re
import subprocess
import sys
from collections import Counter

WORD = re.compile(r"\w+", re.UNICODE)


def f1(pred, gold):
    p, g = Counter(WORD.findall(pred.lower())), Counter(WORD.findall(gold.lower()))
    inter = sum((p & g).values())
    if not inter:
        return 0.0
    prec, rec = inter / sum(p.values()), inter / sum(g.values())
    return 2 * prec * rec / (prec + rec)


def main(argv):
    saywho = argv[1]
    min_f1 = float(argv[argv.index("--min-f1") + 1]) if "--min-f1" in argv else None
    min_meta = float(argv[argv.index("--min-meta") + 1]) if "--min-meta" in argv else None
    here = os.path.dirname(os.path.abspath(__file__))
    f1s, meta_ok, meta_n = [], 0, 0
    for fn in sorted(os.listdir(here)):
        if not fn.endswith(".html"):
            continue
        name = fn[:-5]
        out = subprocess.run([saywho, "--input", "html", "--text", os.path.join(here, fn)],
                             capture_output=True, check=True).stdout
        rec = json.loads(out)
        gold = open(os.path.join(here, name + ".body.txt"), encoding="utf-8").read()
        author, date = open(os.path.join(here, name + ".meta"), encoding="utf-8").read().rstrip("\n").split("\t")
        s = f1(rec["text"], gold)
        f1s.append(s)
        a_ok = (rec.get("author") or "").strip() == author
        d_ok = (rec.get("date") or "")[:10] == date
        meta_ok += a_ok + d_ok
        meta_n += 2
        print("%-10s body F1 %.3f  author %-5s date %-5s (%s, %s)" % (
            name, s, a_ok, d_ok, rec.get("author"), rec.get("date")))
    mean = sum(f1s) / len(f1s)
    meta = meta_ok / meta_n
    print("all        body F1 %.3f  author and date right %d/%d (%.2f)" % (mean, meta_ok, meta_n, meta))
    bad = (min_f1 is not None and mean < min_f1) or (min_meta is not None and meta < min_meta)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
