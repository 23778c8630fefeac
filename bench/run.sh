#!/bin/bash
# make bench: throughput and peak memory of saywho and of the alternatives
# a user might pick, on the same texts in the same run, then the quality
# table on PolNeAR dev.  Prints a Markdown section for bench/RESULTS.md.
#   bench/run.sh SAYWHO SHARED_DIR
# Environment: RUNS (default 5) timed runs per tool, the median is shown;
# REPEAT (default 10) copies of the train texts for saywho and wc.
set -euo pipefail
bin=$1
shared=$2
RUNS=${RUNS:-5}
REPEAT=${REPEAT:-10}
top=$(cd "$(dirname "$0")/.." && pwd)
work=$top/bench/out
mkdir -p "$work"
train=$shared/data/polnear/train/text
[ -d "$train" ] || { echo "bench: no PolNeAR train texts under $shared" >&2; exit 2; }
command -v /usr/bin/time > /dev/null || { echo "bench: needs GNU time (make deps)" >&2; exit 2; }

# inputs: one JSONL document per article, and the same texts as plain text
python3 - "$train" "$work" "$REPEAT" <<'EOF'
import json, os, sys, glob
src, work, rep = sys.argv[1], sys.argv[2], int(sys.argv[3])
docs = [(os.path.basename(p)[:-4], open(p, encoding="utf-8").read())
        for p in sorted(glob.glob(src + "/*.txt"))]
with open(work + "/x1.jsonl", "w") as f:
    for i, t in docs:
        f.write(json.dumps({"id": i, "text": t}) + "\n")
with open(work + "/xN.jsonl", "w") as f, open(work + "/xN.txt", "w") as g:
    for r in range(rep):
        for i, t in docs:
            f.write(json.dumps({"id": "%s.%d" % (i, r), "text": t}) + "\n")
            g.write(t + "\n")
EOF
text_bytes() { python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1])))" "$1"; }
bx1=$(text_bytes "$work/x1.jsonl")
bxN=$(text_bytes "$work/xN.jsonl")

# median wall time and peak RSS over n runs: prints "seconds kilobytes"
measure() {
  local n=$1
  shift
  for _ in $(seq "$n"); do
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null 2> "$work/err" || {
      cat "$work/err" >&2
      return 1
    }
    cat "$work/time"
  done | sort -n | awk '{t[NR]=$1; m[NR]=$2} END {k=int((NR+1)/2); print t[k], m[k]}'
}

declare -A SEC RSS BYTES
row() { # NAME BYTES RUNS COMMAND...
  local name=$1 bytes=$2 n=$3
  shift 3
  local r
  if r=$(measure "$n" "$@"); then
    SEC[$name]=${r% *}
    RSS[$name]=${r#* }
    BYTES[$name]=$bytes
  else
    echo "bench: $name failed" >&2
  fi
}

# one and two threads in alternating runs, so that both see the same load
# from the machine's other tenants; the ratio is the median of each
# pair's own ratio
pair_ratio=
: > "$work/pairs"
for _ in $(seq "$RUNS"); do
  for j in 1 2; do
    /usr/bin/time -f "%e %M" -o "$work/time" "$bin" -j $j --input jsonl "$work/xN.jsonl" > /dev/null 2> "$work/err" || {
      cat "$work/err" >&2
      echo "bench: saywho -j $j failed" >&2
      exit 1
    }
    echo "$j $(cat "$work/time")" >> "$work/pairs"
  done
done
for j in 1 2; do
  r=$(awk -v j=$j '$1 == j {print $2, $3}' "$work/pairs" | sort -n | awk '{t[NR]=$1; m[NR]=$2} END {k=int((NR+1)/2); print t[k], m[k]}')
  name="saywho (full pipeline)"
  [ $j = 2 ] && name="saywho -j 2"
  SEC[$name]=${r% *}
  RSS[$name]=${r#* }
  BYTES[$name]=$bxN
done
pair_ratio=$(awk '$1 == 1 {a[++n] = $2} $1 == 2 {b[++m] = $2} END {
  for (i = 1; i <= n; i++) r[i] = b[i] > 0 ? a[i] / b[i] : 0
  for (i = 1; i <= n; i++) for (k = i + 1; k <= n; k++) if (r[k] < r[i]) { x = r[i]; r[i] = r[k]; r[k] = x }
  printf "%.2f", r[int((n + 1) / 2)] }' "$work/pairs")
row "saywho --rules-only" "$bxN" "$RUNS" "$bin" -j 1 --rules-only --input jsonl "$work/xN.jsonl"
row "wc -w" "$bxN" "$RUNS" wc -w "$work/xN.txt"

# the npm alternatives go into a scratch folder, never into the repo
node_ok=0
if command -v node > /dev/null && command -v npm > /dev/null; then
  if [ -d "$work/node/node_modules/wink-nlp" ] && [ -d "$work/node/node_modules/compromise" ] ||
    (mkdir -p "$work/node" && cd "$work/node" &&
      npm install --silent --no-audit --no-fund --prefix . wink-nlp wink-eng-lite-web-model compromise > /dev/null 2>&1); then
    node_ok=1
  fi
fi
if [ $node_ok = 1 ]; then
  export NODE_PATH=$work/node/node_modules
  row "wink-nlp (sentences + quotes)" "$bx1" 3 node "$top/bench/alt/wink.js" "$work/x1.jsonl"
  row "compromise (sentences + quotes)" "$bx1" 1 node "$top/bench/alt/compromise.js" "$work/x1.jsonl"
else
  echo "bench: node/npm or the npm registry unavailable; skipping wink-nlp and compromise" >&2
fi

rev=$(cd "$top" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(cd "$top" && git status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo "+changes" || true)
echo "### Throughput, commit $rev$dirty, $(date -u +%Y-%m-%d)"
echo
echo "Input: the PolNeAR train texts ($((bx1 / 1024)) KiB), $REPEAT copies for saywho and wc"
echo "($((bxN / 1024 / 1024)) MiB), one copy for the npm tools. Median of the timed runs, one core."
echo
echo "| tool | MB/s | peak RSS | saywho is faster by |"
echo "|---|---:|---:|---:|"
full="saywho (full pipeline)"
for name in "$full" "saywho -j 2" "saywho --rules-only" "wc -w" "wink-nlp (sentences + quotes)" "compromise (sentences + quotes)"; do
  [ -n "${SEC[$name]:-}" ] || continue
  awk -v n="$name" -v b="${BYTES[$name]}" -v s="${SEC[$name]}" -v m="${RSS[$name]}" \
    -v fb="${BYTES[$full]:-0}" -v fs="${SEC[$full]:-0}" 'BEGIN {
      mbs = s > 0 ? b / s / 1e6 : 0; fm = fs > 0 ? fb / fs / 1e6 : 0
      ratio = (mbs > 0 && fm > 0) ? sprintf("%.2fx", fm / mbs) : "-"
      printf "| %s | %.1f | %.1f MB | %s |\n", n, mbs, m / 1024, ratio }'
done
echo
if [ -n "${SEC[saywho -j 2]:-}" ]; then
  awk -v a="${SEC[$full]}" -v b="${SEC[saywho -j 2]}" -v p="$pair_ratio" -v n="$RUNS" 'BEGIN {
    printf "Two threads against one: %.2fx (median of %d alternating pairs; %.2fx between the medians).\n\n", p, n, a / b }'
fi

# instructions per byte: unlike wall time, repeatable on a shared machine
if command -v valgrind > /dev/null; then
  head -n 200 "$work/x1.jsonl" > "$work/x200.jsonl"
  b200=$(text_bytes "$work/x200.jsonl")
  ir=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" -j 1 --input jsonl \
    "$work/x200.jsonl" 2>&1 > /dev/null | sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' | tail -1)
  if [ -n "$ir" ]; then
    awk -v ir="$ir" -v b="$b200" 'BEGIN { printf "Instructions (callgrind, the first 200 train articles, %d KB, one thread, start-up included): %.0f M, %.0f per byte of text.\n\n", b / 1000, ir / 1e6, ir / b }'
  fi
fi

# start-up: the engine with its compiled-in model, on an empty input
: > "$work/empty.txt"
st=$(for _ in $(seq 9); do /usr/bin/time -f %e "$bin" "$work/empty.txt" 2>&1 > /dev/null; done | sort -n | sed -n 5p)
echo "Start-up with the model (empty input, median of 9): ${st} s; model file $(du -k "$top/model/saywho.model" | cut -f1) KiB."
echo

# memory stays flat with input size: ~4 MB against ~1 GB of JSONL
if [ "${BIG:-1}" = 1 ]; then
  python3 - "$work" <<'PY'
import sys
w = sys.argv[1]
one = open(w + "/xN.jsonl", "rb").read()
with open(w + "/big.jsonl", "wb") as f:
    while f.tell() < 1_000_000_000:
        f.write(one)
PY
  small=$(/usr/bin/time -f %M "$bin" --input jsonl "$work/x1.jsonl" 2>&1 > /dev/null | tail -1)
  big=$(/usr/bin/time -f %M "$bin" --input jsonl "$work/big.jsonl" 2>&1 > /dev/null | tail -1)
  bigsize=$(stat -c %s "$work/big.jsonl")
  echo "Peak RSS: $((small / 1024)) MB on the $((bx1 / 1000000)) MB of train texts, $((big / 1024)) MB on $((bigsize / 1000000)) MB of JSONL (two threads)."
  rm -f "$work/big.jsonl"
  echo
fi

echo "### Quality on PolNeAR dev, commit $rev$dirty"
echo
echo '```'
"$top/scripts/eval.sh" "$bin" "$shared"
echo '```'
