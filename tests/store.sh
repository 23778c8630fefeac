#!/bin/bash
# Tests of the claim store against one backend.
#   tests/store.sh SAYWHO DB-URL CHECKER
# DB-URL is a SQLite file path or a postgresql:// URL (an empty database);
# CHECKER is a command that runs SQL on it and prints rows, tab-separated.
# Prints "N passed, N failed".
set -u
BIN=$1
DB=$2
SQL=$3
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL store ($DB): $*"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
q() { $SQL "$1"; }

# a corpus: the sample, the gold speaker articles, and many small articles
python3 - "$tmp" <<'EOF'
import json, sys
d = sys.argv[1]
with open(d + "/many.jsonl", "w") as f:
    for i in range(400):
        t = ("“We will not accept the ruling on case %d,” said Senator Ruth Alvarez. "
             "The ministry denied that the report on case %d was accurate. "
             "Officials said the inquiry may take months." % (i, i))
        f.write(json.dumps({"id": "art%03d" % i, "title": "Case %d" % i,
                            "date": "2026-%02d-%02d" % (1 + i % 12, 1 + i % 28),
                            "publisher": "Test Wire", "text": t}) + "\n")
with open(d + "/bad.jsonl", "w") as f:
    f.write(json.dumps({"id": "good1", "text": "“This is fine,” said the mayor."}) + "\n")
    f.write('{"id": "broken", "text": "no end}\n')
    f.write(json.dumps({"id": "good2", "text": "“Also fine,” said the governor."}) + "\n")
EOF

"$BIN" index --db "$DB" examples/harbor-spill.txt tests/speakers/*.txt 2> "$tmp/e" && ok || { bad "index"; cat "$tmp/e"; }
n1=$(q "SELECT count(*) FROM attributions")
"$BIN" index --db "$DB" examples/harbor-spill.txt tests/speakers/*.txt 2> "$tmp/e"
n2=$(q "SELECT count(*) FROM attributions")
[ "$n1" -gt 0 ] && [ "$n1" = "$n2" ] && ok || bad "re-indexing is idempotent ($n1 then $n2)"
ndocs=$(($(ls tests/speakers/*.txt | wc -l) + 1))
grep -q "0 stored, $ndocs already there" "$tmp/e" && ok || bad "re-index reports the documents as already there"

"$BIN" query --db "$DB" --speaker Putin > "$tmp/o" && grep -q "dismissed" "$tmp/o" && ok || bad "query --speaker"
"$BIN" query --db "$DB" --about "harbor" --format jsonl > "$tmp/o" &&
  python3 -c "import json,sys; r=[json.loads(l) for l in open(sys.argv[1])]; assert r and all('harbor' in x['content'].lower() for x in r)" "$tmp/o" &&
  ok || bad "query --about (full text)"
"$BIN" query --db "$DB" --kind direct --format jsonl > "$tmp/o" &&
  python3 -c "import json,sys; r=[json.loads(l) for l in open(sys.argv[1])]; assert r and all(x['kind']=='direct' for x in r)" "$tmp/o" &&
  ok || bad "query --kind"
"$BIN" speakers --db "$DB" > "$tmp/o" && grep -q "Vladimir Putin (President, Russia)" "$tmp/o" && ok || bad "speakers"

# dates, and versions over articles about one event
"$BIN" index --db "$DB" "$tmp/many.jsonl" 2> "$tmp/e" && ok || { bad "index JSONL"; cat "$tmp/e"; }
c=$("$BIN" query --db "$DB" --since 2026-03-01 --until 2026-03-31 --about ruling --format jsonl | wc -l)
[ "$c" -gt 0 ] && [ "$c" -lt 400 ] && ok || bad "query --since/--until ($c rows)"
"$BIN" versions --db "$DB" "report" > "$tmp/v" && ok || bad "versions"
grep -q "doubtful" "$tmp/v" && grep -q "^Ruth Alvarez\|^the ministry\|^The ministry" "$tmp/v" && ok || bad "versions lists speakers with certainty"
"$BIN" versions --db "$DB" "ruling" > "$tmp/v2"
grep -q "2026-" "$tmp/v2" && ok || bad "versions shows dates"
"$BIN" versions --db "$DB" --format jsonl "case" | python3 -c "import json,sys; [json.loads(l) for l in sys.stdin]" && ok || bad "versions --format jsonl"

# one event over a week: speakers canonical across documents, versions
# with dates and the contradicting claims side by side
"$BIN" index --db "$DB" examples/harbor-week.jsonl 2> /dev/null
"$BIN" speakers --db "$DB" --format jsonl > "$tmp/sp"
python3 -c "
import json, sys
sp = {r['name']: r for r in map(json.loads, open(sys.argv[1]))}
assert sp['Maria Okafor']['documents'] >= 4, sp['Maria Okafor']  # the sample and the three of the week
assert 'Okafor' not in sp
" "$tmp/sp" && ok || bad "a last name in one article joins the full name of another"
"$BIN" versions --db "$DB" valve > "$tmp/v3"
grep -q "^Where they disagree" "$tmp/v3" && grep -q "Maria Okafor (certain, 2026-03-02) told" "$tmp/v3" &&
  grep -q "vs Beacon Marine Services (doubtful, 2026-03-02) denied" "$tmp/v3" && ok || { bad "versions: contradicting claims side by side"; cat "$tmp/v3"; }

# bad records: reported with their line, the rest stored
"$BIN" index --db "$DB" "$tmp/bad.jsonl" 2> "$tmp/e"
[ $? = 1 ] && grep -q "bad.jsonl: line 2" "$tmp/e" && ok || bad "bad JSONL record reported"
[ "$(q "SELECT count(*) FROM documents WHERE doc IN ('good1','good2')")" = 2 ] && ok || bad "good records around a bad one stored"

# SIGKILL mid-run: nothing committed is lost, no half document
python3 - "$tmp" <<'EOF'
import json, sys
d = sys.argv[1]
body = open("examples/harbor-spill.txt", encoding="utf-8").read()
with open(d + "/big.jsonl", "w") as f:
    for i in range(3000):
        f.write(json.dumps({"id": "k%05d" % i, "text": body + "\nEdition %d." % i}) + "\n")
EOF
before=$(q "SELECT count(*) FROM documents")
"$BIN" index --db "$DB" "$tmp/big.jsonl" 2> /dev/null &
pid=$!
# let it commit some documents, reading while it writes
for i in $(seq 50); do
  sleep 0.1
  got=$(q "SELECT count(*) FROM documents WHERE doc LIKE 'k%'" 2> /dev/null || echo 0)
  [ "${got:-0}" -gt 20 ] && break
done
"$BIN" query --db "$DB" --limit 3 > /dev/null 2> "$tmp/e" && ok || { bad "query while indexing"; cat "$tmp/e"; }
kill -9 $pid 2> /dev/null
wait $pid 2> /dev/null
mid=$(q "SELECT count(*) FROM documents WHERE doc LIKE 'k%'")
[ "$mid" -gt 0 ] && [ "$mid" -lt 3000 ] && ok || bad "the kill landed mid-run ($mid documents)"
half=$(q "SELECT count(*) FROM documents d WHERE d.attributions <> (SELECT count(*) FROM attributions a WHERE a.document = d.id)")
[ "$half" = 0 ] && ok || bad "no half documents after SIGKILL ($half)"
"$BIN" index --db "$DB" "$tmp/big.jsonl" 2> "$tmp/e"
grep -q "already there" "$tmp/e" && ok || bad "resume after SIGKILL"
[ "$(q "SELECT count(*) FROM documents WHERE doc LIKE 'k%'")" = 3000 ] && ok || bad "all documents after resuming"
half=$(q "SELECT count(*) FROM documents d WHERE d.attributions <> (SELECT count(*) FROM attributions a WHERE a.document = d.id)")
[ "$half" = 0 ] && ok || bad "every document complete after resuming"

echo "store: $pass passed, $fail failed"
[ "$fail" = 0 ]
