"""`relocalize run --engine ray` against `--engine local` on the same shards, measured in one run (issue 16).

python benchmarks/ray_speed.py [--docs 600] [--shards 4] [--workers 1 2] [--json OUT.json]

The dev gold is replicated to ``--docs`` documents in ``--shards`` Parquet shards; each engine runs them with each
worker count in a fresh process (walls include start-up: Ray's own, and every worker's model loading). Printed:
documents/s per engine and worker count, the ray/local ratio at each, and each engine's scaling from the first
worker count to the last. The outputs of the two engines are compared byte for byte.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from pathlib import Path

import pyarrow.parquet as pq
from _dev import DEV
from cli_speed import relocalize_run, replicate, write_shards


def one(inputs: list[Path], out: Path, engine: str, workers: int) -> float:
    shutil.rmtree(out, ignore_errors=True)
    wall, _, summary = relocalize_run(
        inputs, out, "--text-column", "dense_text", "--engine", engine, "--workers", str(workers)
    )
    return summary["rows_in"] / wall


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=600)
    ap.add_argument("--shards", type=int, default=4)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--json")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        gold = pq.read_table(DEV / "gold.parquet", columns=["doc_id", "dense_text"])
        inputs = write_shards(replicate(gold, args.docs), work / "in", args.shards, "gold")
        rates = {(e, w): one(inputs, work / f"{e}-{w}", e, w) for w in args.workers for e in ("local", "ray")}
        same = all(
            (work / f"ray-{w}" / p.name).read_bytes() == (work / f"local-{w}" / p.name).read_bytes()
            for w in args.workers
            for p in inputs
        )
    for w in args.workers:
        local, ray = rates[("local", w)], rates[("ray", w)]
        print(f"{w} worker(s): local {local:.2f} docs/s, ray {ray:.2f} docs/s, ray/local {ray / local:.2f}")
    first, last = args.workers[0], args.workers[-1]
    for e in ("local", "ray"):
        print(f"{e}: {last} workers / {first} = {rates[(e, last)] / rates[(e, first)]:.2f}x")
    print(f"outputs byte-identical across engines: {same}")
    if args.json:
        Path(args.json).write_text(json.dumps({f"{e}-{w}": r for (e, w), r in rates.items()} | {"same": same}))


if __name__ == "__main__":
    main()
