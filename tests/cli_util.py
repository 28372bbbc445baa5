"""Helpers for the command-line tests: small shards, the API's output to compare with."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
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


def mixed_shards(folder: Path, shards: int, plain_rows: int, stem: str) -> Path:
    """``folder`` with ``shards`` JSONL shards ``<stem><i>.jsonl``: the example corpus's document ``i`` and
    ``plain_rows`` rows without a cue each."""
    folder.mkdir()
    docs = corpus()
    for i in range(shards):
        write_jsonl(folder / f"{stem}{i}.jsonl", [docs[i], *plain(plain_rows, 10 * i)])
    return folder


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


def start_run(*args: object, env: dict[str, str] | None = None) -> subprocess.Popen:
    """``relocalize run ARGS`` in a process of its own session (so its process group can be killed)."""
    cmd = [sys.executable, "-m", "relocalize.cli", "run", *map(str, args), "--progress", "log"]
    return subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )


def kill_after_first_shard(proc: subprocess.Popen, out: Path, group: bool = True) -> list[str]:
    """SIGKILL the run ``proc`` (its process group, or with ``group=False`` the process alone) once its first
    shard marker is in ``out``; return the markers there then."""
    markers = out / "_relocalize" / "shards"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and proc.poll() is None:
        if markers.is_dir() and any(p.name.endswith(".json") for p in markers.iterdir()):
            break
        time.sleep(0.05)
    time.sleep(0.05)  # into the next batches, before the last shard ends
    assert proc.poll() is None, "the run ended before it could be killed"
    if group:
        os.killpg(proc.pid, signal.SIGKILL)
    else:
        proc.kill()
    proc.wait()
    return sorted(p.name for p in markers.iterdir() if p.name.endswith(".json"))
