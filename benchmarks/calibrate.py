"""Calibrate the verifier thresholds on the dev gold and store them.

A thin wrapper over :func:`relocalize.bench.calibrate.calibrate` (see there for the positive
and negative pairs); ``python -m relocalize.bench GOLD.parquet --calibrate`` does the same
before its benchmark run.

    python benchmarks/calibrate.py [--limit N] [--dry-run]
"""

from __future__ import annotations

import argparse

from _dev import read

import relocalize
from relocalize.bench.calibrate import calibrate


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=600, help="claim sentences to score")
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()
    calibrate(
        read("gold.parquet"),
        relocalize.Relocalizer().pipeline.models,
        limit=args.limit,
        save=not args.dry_run,
        source="benchmarks/calibrate.py on negation-neglect-dev gold.parquet",
        say=print,
    )


if __name__ == "__main__":
    main()
