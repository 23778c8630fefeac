#!/bin/bash
# The report pages in a real browser: headless Chromium builds each page,
# its DOM is checked, and a screenshot is kept in BUILD/artifacts.
#   tests/report.sh SAYWHO BUILD
set -u
BIN=$1
art=$2/artifacts
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
mkdir -p "$art"
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL report: $*"; }
chrome=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chrome" ]; then
  echo "report: no chromium (make deps installs it)"
  exit 3
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
browse() { # URL-FILE OUT-DOM [SCREENSHOT]
  local flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
    --disable-background-networking --disable-component-update --disable-sync
    --user-data-dir="$tmp/profile" --window-size=1280,1000)
  timeout 90 "$chrome" "${flags[@]}" --dump-dom "file://$1" > "$2" 2> /dev/null
  [ -n "${3:-}" ] && timeout 90 "$chrome" "${flags[@]}" --screenshot="$3" "file://$1" > /dev/null 2>&1
  [ -s "$2" ]
}
for f in examples/harbor-spill.txt tests/speakers/chemical-inquiry.txt tests/report/hostile.txt; do
  n=$(basename "$f" .txt)
  "$BIN" report "$f" > "$tmp/$n.html" && "$BIN" "$f" > "$tmp/$n.jsonl" || { bad "report $f"; continue; }
  extra=()
  [ "$n" = hostile ] && extra=(--hostile)
  if browse "$tmp/$n.html" "$tmp/$n.dom" "$art/report-$n.png"; then ok; else bad "chromium on $n"; continue; fi
  python3 tests/report/check.py article "$tmp/$n.dom" "$tmp/$n.jsonl" "${extra[@]}" && ok || bad "page of $n"
done
db=$tmp/claims.db
"$BIN" index --db "$db" examples/harbor-week.jsonl 2> /dev/null
"$BIN" report --db "$db" --about valve > "$tmp/versions.html" && ok || bad "report --db"
grep -q "Where they disagree" "$tmp/versions.html" && ok || bad "versions page shows the disagreement"
if browse "$tmp/versions.html" "$tmp/versions.dom" "$art/report-versions.png"; then ok; else bad "chromium on the versions page"; fi
python3 tests/report/check.py versions "$tmp/versions.dom" && ok || bad "versions page"
[ -s "$art/report-harbor-spill.png" ] && ok || bad "screenshot kept"
echo "report: $pass passed, $fail failed"
[ "$fail" = 0 ]
