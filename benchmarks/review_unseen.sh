#!/usr/bin/env bash
# The labelled share of the unseen corpora at this checkout, every earlier label carried over by (claim, rewrite):
# each corpus is run, every outcome sampled with its labels (tests/data/review_unseenN.jsonl), and all are scored
# together. Outcomes no label covers count as unlabelled. Usage: benchmarks/review_unseen.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-$(mktemp -d)}
relocalize=${RELOCALIZE:-.venv/bin/relocalize}
mkdir -p "$out"
for corpus in benchmarks/data/unseen/corpus*.jsonl; do
    n=${corpus##*corpus}; n=${n%.jsonl}
    labels=tests/data/review_unseen$n.jsonl
    [ -f "$labels" ] || continue
    "$relocalize" run "$corpus" --out "$out/run$n" --progress none --overwrite > "$out/log$n.txt"
    "$relocalize" review sample "$out/run$n" --n 100000 --seed "$n" --out "$out/review$n.jsonl" --labels "$labels" > /dev/null
done
cat "$out"/review*.jsonl > "$out/all.jsonl"
"$relocalize" review score "$out/all.jsonl" --by kind
