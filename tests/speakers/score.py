#!/usr/bin/env python3
"""Scores speaker resolution on the gold articles in this folder.

usage: score.py SAYWHO [--min CATEGORY=FRACTION ...]

Each NAME.txt has a NAME.gold: one line per attribution, tab-separated:
a context string that occurs once in the article, the cue word inside it,
the expected speaker name, and a category (name, pronoun, nominal, relative,
acronym, anonymous, group, place).  An attribution whose cue overlaps the cue
word is looked up in `saywho` JSONL output; its speaker's name must equal
the expected one.  Prints accuracy per category; with --min, exits 1 when
a category falls below its floor.
"""
import json
import os
import subprocess
import sys
from collections import Counter


def main(argv):
    saywho = argv[1]
    floors = {}
    for a in argv[2:]:
        if a.startswith("--min"):
            continue
        k, _, v = a.partition("=")
        floors[k] = float(v)
    here = os.path.dirname(os.path.abspath(__file__))
    right, total, missing = Counter(), Counter(), Counter()
    errors = []
    for fn in sorted(os.listdir(here)):
        if not fn.endswith(".gold"):
            continue
        name = fn[:-5]
        txt_path = os.path.join(here, name + ".txt")
        raw = open(txt_path, "rb").read()
        text = raw.decode("utf-8")
        out = subprocess.run([saywho, txt_path], capture_output=True, check=True).stdout
        rec = json.loads(out)
        for line in open(os.path.join(here, fn), encoding="utf-8"):
            if not line.strip() or line.startswith("#"):
                continue
            ctx, cue, want, cat = line.rstrip("\n").split("\t")
            at = text.find(ctx)
            if at < 0 or text.find(ctx, at + 1) >= 0:
                sys.exit("%s: context %r must occur exactly once" % (fn, ctx))
            c = text.find(cue, at)
            b0 = len(text[:c].encode("utf-8"))
            b1 = b0 + len(cue.encode("utf-8"))
            total[cat] += 1
            got = None
            found = False
            for a in rec["attributions"]:
                spans = (a.get("cue") or {}).get("spans", [])
                if any(s < b1 and b0 < e for s, e in spans):
                    found = True
                    sp = a.get("speaker")
                    got = sp["name"] if sp else None
                    break
            if not found:
                missing[cat] += 1
                errors.append("%s: no attribution at %r" % (name, ctx))
            elif got == want:
                right[cat] += 1
            else:
                errors.append("%s: %r: got %r, want %r" % (name, ctx, got, want))
    for e in errors:
        print("  " + e)
    bad = False
    for cat in sorted(total):
        acc = right[cat] / total[cat]
        floor = floors.get(cat)
        flag = ""
        if floor is not None and acc < floor:
            flag = "  BELOW %.2f" % floor
            bad = True
        print("%-10s %3d/%-3d %.3f  (attribution not found: %d)%s"
              % (cat, right[cat], total[cat], acc, missing[cat], flag))
    n, r = sum(total.values()), sum(right.values())
    print("%-10s %3d/%-3d %.3f" % ("all", r, n, r / n if n else 0))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
