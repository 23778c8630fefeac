#!/bin/sh
# Installs the Debian packages saywho needs to build and test.  Idempotent:
# packages already present are left alone.  Needs root (or sudo).
set -eu
PKGS="build-essential clang libclang-rt-14-dev pkg-config libutf8proc-dev libxml2-dev zlib1g-dev libsqlite3-dev libpq-dev postgresql python3 python3-venv man-db chromium valgrind time bc"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -z "$missing" ]; then
  echo "deps: all present"
  exit 0
fi
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends $missing
