"""``relocalize run``: relocalize JSONL or Parquet shards into an output directory."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from relocalize.api import COLUMN, Relocalizer
from relocalize.options import ON_FAILURE, ON_UNRESOLVED
from relocalize.provenance import PROVENANCE_TYPE


def _batches(path: Path, size: int) -> Iterator[dict[str, list]]:
    if path.suffix == ".parquet":
        for batch in pq.ParquetFile(path).iter_batches(batch_size=size):
            yield batch.to_pydict()
        return
    rows: list[dict] = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}:{lineno}: not valid JSON: {exc}") from exc
            if len(rows) == size:
                yield _columns(rows)
                rows = []
    if rows:
        yield _columns(rows)


def _columns(rows: list[dict]) -> dict[str, list]:
    keys = list(dict.fromkeys(k for r in rows for k in r))
    return {k: [r.get(k) for r in rows] for k in keys}


def _write(path: Path, batches: list[dict[str, list]]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    if path.suffix == ".parquet":
        tables = [
            pa.table({**{k: v for k, v in b.items() if k != COLUMN}, COLUMN: pa.array(b[COLUMN], type=PROVENANCE_TYPE)})
            for b in batches
        ]
        pq.write_table(pa.concat_tables(tables) if tables else pa.table({}), tmp)
    else:
        with tmp.open("w", encoding="utf-8") as fh:
            for b in batches:
                for i in range(len(b[COLUMN])):
                    row = {k: (v[i].as_py() if k == COLUMN else v[i]) for k, v in b.items()}
                    fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    tmp.replace(path)


def run(args: argparse.Namespace) -> int:
    relocalizer = Relocalizer(
        text_column=args.text_column,
        claims_column=args.claims_column,
        threshold=args.threshold,
        on_failure=args.on_failure,
        on_unresolved=args.on_unresolved,
    )
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    statuses: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    shown = 0
    for name in args.inputs:
        path = Path(name)
        results = []
        for batch in _batches(path, args.batch_size):
            before = list(batch.get(args.text_column, []))
            fixed = relocalizer.fix_batch(batch)
            results.append(fixed)
            for old, new, prov in zip(before, fixed[args.text_column], fixed[COLUMN]):
                p = prov.as_py()
                statuses[p["status"]] += 1
                totals.update(p["counts"])
                if shown < args.show and new != old:
                    shown += 1
                    _show(old, new, p)
        _write(out_dir / path.name, results)
    print(f"documents by status: {dict(sorted(statuses.items()))}")
    print("counts: " + ", ".join(f"{k}={v}" for k, v in totals.items()))
    print(f"output written to {out_dir}/")
    return 0


def _show(old: str, new: str, prov: dict) -> None:
    print(f"--- {prov['status']}: {prov['counts']['annotations_removed']} annotation(s) removed")
    for e in prov["edits"]:
        if e["kind"] in ("rewrite", "wrap"):
            print(f"  - {e['original']}\n  + {e['text']}")
        else:
            print(f"  x {e['original'].strip()}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="relocalize", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", help="relocalize JSONL/Parquet files into OUTDIR")
    r.add_argument("inputs", nargs="+")
    r.add_argument("--out", required=True)
    r.add_argument("--text-column", default="text")
    r.add_argument("--claims-column", default="claims")
    r.add_argument("--threshold", type=float, default=None)
    r.add_argument("--on-failure", choices=ON_FAILURE, default="drop_sentence")
    r.add_argument("--on-unresolved", choices=ON_UNRESOLVED, default="keep")
    r.add_argument("--batch-size", type=int, default=256)
    r.add_argument("--show", type=int, default=5, help="print this many before/after diffs")
    args = parser.parse_args(argv)
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
