"""Helpers for the command-line tests: small shards, the API's output to compare with."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

import relocalize
from relocalize import cli

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus.jsonl"


def corpus() -> list[dict[str, Any]]:
    with CORPUS.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def plain(n: int, start: int = 0) -> list[dict[str, Any]]:
    """Rows without any cue: they pass straight through."""
    return [
        {
            "id": f"p{i}",
            "text": f"Note {i}. The harbour committee met on Tuesday and agreed to paint the old pier.",
            "claims": [],
        }
        for i in range(start, start + n)
    ]


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    data = "".join(json.dumps(r) + "\n" for r in rows).encode()
    if path.name.endswith(".gz"):
        data = gzip.compress(data, mtime=0)
    elif path.name.endswith(".zst"):
        import zstandard

        data = zstandard.ZstdCompressor().compress(data)
    path.write_bytes(data)
    return path


def write_parquet(path: Path, rows: list[dict[str, Any]], **kwargs: Any) -> Path:
    pq.write_table(pa.Table.from_pylist(rows), path, **kwargs)
    return path


def read_output(path: Path) -> list[dict[str, Any]]:
    if path.name.endswith(".parquet"):
        return pq.read_table(path).to_pylist()
    raw = path.read_bytes()
    if path.name.endswith(".gz"):
        raw = gzip.decompress(raw)
    elif path.name.endswith(".zst"):
        import zstandard

        raw = zstandard.ZstdDecompressor().decompressobj().decompress(raw)
    return [json.loads(line) for line in raw.decode().splitlines()]


def reference(rows: list[dict[str, Any]], **options: Any) -> list[dict[str, Any]]:
    """What ``Relocalizer.fix_batch`` makes of ``rows``, row by row."""
    keys = list(dict.fromkeys(k for r in rows for k in r))
    batch = {k: [r.get(k) for r in rows] for k in keys}
    out = relocalize.Relocalizer(**options).fix_batch(batch)
    result = [dict(zip(out, values)) for values in zip(*out.values())]
    for row in result:
        row["relocalize"] = row["relocalize"].as_py()
    return result


def run(capsys: Any, *args: str) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err
