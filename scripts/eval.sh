#!/bin/sh
# Scores saywho on PolNeAR dev: brat output for every text, then the
# corpus's own scorer.  usage: eval.sh SAYWHO SHARED_DIR [SAYWHO_ARGS...]
set -eu
bin=$1; shared=$2; shift 2
split=$shared/data/polnear/dev
[ -d "$split/text" ] || { echo "eval: no PolNeAR dev split under $shared" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$bin" --format brat --out-dir "$out" "$@" "$split"/text/*.txt
python3 "$shared/eval/polnear_score.py" "$split" "$out"
