#!/bin/sh
# Rewrites the expected output of the named cases from the current build.
# Read the diff before committing it: the expected output is a claim.
#   tests/regen-case.sh NAME...
set -eu
cd "$(dirname "$0")/.."
for name in "$@"; do
  c=tests/cases/$name.case
  args=$(sed -n 's/^args: *//p' "$c" | head -1)
  tmp=$(mktemp)
  awk '/^=== output$/{exit} {print}' "$c" > "$tmp"
  echo "=== output" >> "$tmp"
  # shellcheck disable=SC2086
  awk '/^=== input$/{f=1;next} /^=== output$/{f=0} f' "$c" | build/saywho $args -f text --id "$name" >> "$tmp"
  mv "$tmp" "$c"
done
