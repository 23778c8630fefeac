#!/bin/bash
# Benchmark of the claim store (not a test): indexes the PolNeAR train
# texts, then about a million synthetic attributions, and reports insert
# rate, query latency (p50, p99, whole `saywho query` processes) and the
# database size.  Prints Markdown for bench/RESULTS.md.
#   bench/store.sh SAYWHO SHARED_DIR [DOCS]
set -euo pipefail
bin=$1
shared=$2
docs=${3:-340000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/claims.db
start=$(date +%s.%N)
"$bin" index --db "$db" "$shared"/data/polnear/train/text/*.txt 2> "$work/e1"
end=$(date +%s.%N)
train_s=$(echo "$end - $start" | bc)
python3 - "$work" "$docs" <<'PY'
import json, random, sys
d, n = sys.argv[1], int(sys.argv[2])
random.seed(7)
people = ["Vladimir Putin", "Anna Lindqvist", "Tom Reyes", "Maria Okafor", "Ruth Alvarez",
          "Walter Pruitt", "Diane Carver", "Robert Haines", "Helen Marsh", "Peter Quill"]
topics = ["harbor", "budget", "election", "attack", "pipeline", "tariff", "vaccine", "strike"]
verbs = ["said", "told reporters", "insisted", "denied", "warned"]
with open(d + "/synthetic.jsonl", "w") as f:
    for i in range(n):
        p = random.sample(people, 3)
        t = random.choice(topics)
        text = ("“The %s plan number %d will work,” %s said. %s %s that the %s figures were wrong. "
                "%s said the %s talks may resume in week %d." %
                (t, i, p[0], p[1], random.choice(verbs), t, p[2], t, i % 52))
        f.write(json.dumps({"id": "s%07d" % i, "date": "2026-%02d-%02d" % (1 + i % 12, 1 + i % 28),
                            "text": text}) + "\n")
PY
start=$(date +%s.%N)
"$bin" index --db "$db" "$work/synthetic.jsonl" 2> "$work/e2"
end=$(date +%s.%N)
syn_s=$(echo "$end - $start" | bc)
natt=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from attributions').fetchone()[0])" "$db")
size=$(du -m "$db" | cut -f1)
python3 - "$bin" "$db" <<'PY' > "$work/lat"
import random, subprocess, sys, time
binp, db = sys.argv[1], sys.argv[2]
random.seed(3)
qs = []
for i in range(200):
    k = i % 3
    if k == 0:
        args = ["--speaker", random.choice(["Putin", "Reyes", "Okafor", "Carver"]), "--limit", "50"]
    elif k == 1:
        args = ["--about", random.choice(["harbor", "budget talks", "attack", "tariff figures"]), "--limit", "50"]
    else:
        args = ["--speaker", "Alvarez", "--about", "vaccine", "--since", "2026-03-01", "--until", "2026-06-30"]
    t = time.perf_counter()
    subprocess.run([binp, "query", "--db", db] + args, stdout=subprocess.DEVNULL, check=True)
    qs.append((time.perf_counter() - t) * 1000)
qs.sort()
print("%.1f %.1f" % (qs[len(qs) // 2], qs[int(len(qs) * 0.99) - 1]))
PY
read p50 p99 < "$work/lat"
echo "### Claim store (SQLite), $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD)"
echo
echo "| figure | value |"
echo "|---|---:|"
echo "| index the 840 PolNeAR train articles | $(printf %.1f "$train_s") s |"
echo "| synthetic documents indexed | $docs in $(printf %.1f "$syn_s") s |"
echo "| attributions in the store | $natt |"
echo "| insert rate (extraction included) | $(echo "$natt / $syn_s" | bc) attributions/s |"
echo "| query latency p50 / p99 (whole process) | $p50 ms / $p99 ms |"
echo "| database size | $size MB |"
