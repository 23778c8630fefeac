#!/usr/bin/env python3
"""Canonical lines from saywho JSONL (one document on stdin), matching
tests/install_test.c, so the library, the Python module and the command
line can be compared."""
import json
import sys

KIND = {"direct": 0, "indirect": 1, "mixed": 2}
rec = json.loads(sys.stdin.readline())
for a in rec["attributions"]:
    out = [str(KIND[a["kind"]])]
    for role in ("source", "cue", "content"):
        v = a[role]
        out.append(role + ("=" + ",".join("%d-%d" % (s, e) for s, e in v["spans"]) if v else ""))
    line = " ".join(out)
    if a["speaker"]:
        line += " speaker=" + a["speaker"]["name"]
    print(line + " certainty=" + a["certainty"]["level"])
