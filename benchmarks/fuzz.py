"""The long fuzz run of issue 14: fuzzed documents (``relocalize.bench.fuzz``) through the batch path.

Prints the invariants' counts: exceptions out of the batch path (target 0), rows in and out (equal), rows
with a byte changed outside the edits their provenance records (0), and rewritten rows that a second
pass changes again (target 0: relocalize's output is a fixed point). The process must not abort::

    python benchmarks/fuzz.py [--n 100000] [--seed 0] [--json OUT.json]
    python benchmarks/fuzz.py --dev-gold    # the same counts on the dev gold documents instead

"""

from __future__ import annotations

import argparse
import json
import time

from _dev import read

import relocalize
from relocalize.bench.fuzz import check, documents


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--dev-gold", action="store_true", help="run the dev gold documents, not fuzzed ones")
    ap.add_argument("--json")
    args = ap.parse_args()
    gold = [row["dense_text"] for row in read("gold.parquet")] if args.dev_gold else None
    texts = gold or list(documents(args.n, args.seed))
    relocalizer = relocalize.Relocalizer()
    start = time.perf_counter()
    counts = check(relocalizer, texts)
    seconds = time.perf_counter() - start
    result = dict(sorted(counts.items())) | {"seconds": round(seconds, 1), "docs_per_s": round(len(texts) / seconds, 1)}
    for key, value in result.items():
        print(f"{key}: {value}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=2)


if __name__ == "__main__":
    main()
