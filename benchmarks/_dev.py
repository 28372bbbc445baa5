"""Paths and readers for the dev gold data the benchmarks use."""

from __future__ import annotations

import sys
from pathlib import Path

import pyarrow.parquet as pq

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "negation-neglect-dev"


def read(name: str, limit: int | None = None) -> list[dict]:
    path = DEV / name
    if not path.exists():
        sys.exit(f"dev data not found at {path}")
    rows = pq.read_table(path).to_pylist()
    return rows[:limit] if limit else rows
