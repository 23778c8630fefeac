#!/bin/sh
# Cross-validates the tagger on the PolNeAR train split: the documents are
# dealt into K folds (document i goes to fold i mod K); for each fold a
# model is trained on the others and run on it, and the predictions of all
# folds are scored together against the whole split.  Nine times as many
# attributions as dev are scored, so a change to the features or the
# trainer is judged on more than dev's 84 articles.
#   usage: cv.sh SAYWHO TRAIN SHARED_DIR [K]
set -eu
bin=$1; trainer=$2; shared=$3; k=${4:-4}
split=$(cd "$shared/data/polnear/train" 2>/dev/null && pwd) || split=$shared/data/polnear/train
[ -d "$split/text" ] || { echo "cv: no PolNeAR train split under $shared" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/pred"
f=0
while [ $f -lt "$k" ]; do
  mkdir -p "$work/$f/train/text" "$work/$f/train/attributions" "$work/$f/test"
  f=$((f + 1))
done
i=0
for t in "$split"/text/*.txt; do
  name=$(basename "$t" .txt)
  f=0
  while [ $f -lt "$k" ]; do
    if [ $((i % k)) -eq $f ]; then
      ln -s "$t" "$work/$f/test/"
    else
      ln -s "$t" "$work/$f/train/text/"
      for a in "$split/attributions/${name}"_*.ann; do
        [ -e "$a" ] && ln -s "$a" "$work/$f/train/attributions/"
      done
    fi
    f=$((f + 1))
  done
  i=$((i + 1))
done
f=0
while [ $f -lt "$k" ]; do
  "$trainer" "$work/$f/train" "$work/$f.model" 2>/dev/null
  "$bin" --model "$work/$f.model" --format brat --out-dir "$work/pred" "$work/$f/test"/*.txt
  f=$((f + 1))
done
python3 "$shared/eval/polnear_score.py" "$split" "$work/pred"
