#!/bin/bash
# Runs tests/store.sh against a real PostgreSQL server: a private cluster
# made for the run in a temporary folder, listening on a Unix socket only,
# removed afterwards.  As root it runs the server as the postgres user.
#   tests/pg.sh SAYWHO
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
bindir=$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -1)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "pg: no PostgreSQL server installed (make deps installs it)"
  exit 3
fi
dir=$(mktemp -d /tmp/saywho-pg.XXXXXX)
chmod 755 "$dir"
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$dir"
cleanup() {
  as_pg "$bindir/pg_ctl -D $dir/data -m immediate stop" > /dev/null 2>&1
  rm -rf "$dir"
}
trap cleanup EXIT
as_pg "$bindir/initdb -D $dir/data -A trust -U postgres" > "$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log"; exit 1; }
as_pg "$bindir/pg_ctl -D $dir/data -l $dir/server.log -w -o \"-k $dir -c listen_addresses='' -p 5439 -c fsync=off\" start" > /dev/null 2>&1 ||
  { cat "$dir/server.log"; exit 1; }
url="postgresql:///postgres?host=$dir&port=5439&user=postgres"
psql_q() { psql -X -q -A -t -F $'\t' "$url" -c "$1"; }
export -f psql_q 2> /dev/null
export url
cd "$top"
tests/store.sh "$BIN" "$url" "psql -X -q -A -t -F \$'\\t' $url -c"
