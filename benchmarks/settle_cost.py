"""What the settle step (an edited output that still holds a cue is run again) costs, and what it leaves as it was.

python benchmarks/settle_cost.py [--corpora 43 44 45 46 47 48 49 50] [--rounds 2]

Runs the annotated documents of the unseen corpora (benchmarks/data/unseen/corpusN.jsonl) through the steps
without and with the settle step, each round with fresh models (loaded before the clock starts), the two
alternating so that machine noise falls on both alike. Prints each round's seconds, the ratio of the medians, how
many edited documents were run again and how many were left as they came (``unresolved``).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import relocalize
from relocalize.pipeline import Pipeline
from relocalize.steps import default_steps

UNSEEN = Path(__file__).parent / "data" / "unseen"


def seconds(with_settle: bool, texts: list[str], claims: list[object]) -> tuple[float, dict[str, int]]:
    pipeline = relocalize.Relocalizer().pipeline
    pipeline.process("[The following claim is false.] The bridge opened in 1950.")  # load the models
    steps = [s for s in default_steps() if with_settle or s.name != "settle"]
    timed = Pipeline(pipeline.options, pipeline.models, steps)
    start = time.perf_counter()
    for i in range(0, len(texts), 16):
        timed.process_many(texts[i : i + 16], claims[i : i + 16])
    settle = steps[-1].counts if with_settle else {}
    return time.perf_counter() - start, {k: settle.get(k, 0) for k in ("rechecked", "unstable")}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpora", nargs="+", type=int, default=[43, 44, 45, 46, 47, 48, 49, 50])
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    rows = [json.loads(line) for n in args.corpora for line in (UNSEEN / f"corpus{n}.jsonl").read_text().splitlines()]
    texts, claims = [r["text"] for r in rows], [r.get("claims") for r in rows]
    without, with_ = [], []
    for k in range(args.rounds):
        without.append(seconds(False, texts, claims)[0])
        took, counts = seconds(True, texts, claims)
        with_.append(took)
        print(f"round {k + 1}: without {without[-1]:.1f} s, with {with_[-1]:.1f} s; {counts}")
    ratio = statistics.median(with_) / statistics.median(without)
    print(f"{len(texts)} documents; with settle / without: {ratio:.2f}")


if __name__ == "__main__":
    main()
