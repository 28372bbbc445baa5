"""OUTDIR layout: outputs, completion markers, failure records, temporary files, the lock.

::

    OUTDIR/<shard name>                       outputs, renamed into place when complete
    OUTDIR/_relocalize/run.json               options, their hash, the library version
    OUTDIR/_relocalize/shards/<name>.json     completion marker with the shard's stats
    OUTDIR/_relocalize/shards/<name>.failed.json
    OUTDIR/_relocalize/summary.json           the last run's summary
    OUTDIR/_relocalize/tmp/                   outputs being written
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import IO, Any

from relocalize import __version__
from relocalize.io.errors import UsageError
from relocalize.io.shards import Shard
from relocalize.options import Options

META = "_relocalize"


def options_hash(options: Options) -> str:
    """A hash of the options and the library version: outputs with equal hashes may share an OUTDIR."""
    text = json.dumps({"options": asdict(options), "version": __version__}, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def write_json(path: Path, data: dict[str, Any]) -> None:
    """Write ``data`` to ``path`` atomically (temporary file, fsync, rename)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=1, sort_keys=True)
        fh.flush()
        os.fsync(fh.fileno())
    tmp.replace(path)


def read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


class OutDir:
    """One output directory and its bookkeeping files."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.meta = root / META
        self.shards = self.meta / "shards"
        self.tmp = self.meta / "tmp"
        self.run_file = self.meta / "run.json"
        self.summary_file = self.meta / "summary.json"
        self._lock: IO[str] | None = None

    def output(self, name: str) -> Path:
        return self.root / name

    def marker(self, name: str) -> Path:
        return self.shards / f"{name}.json"

    def failure(self, name: str) -> Path:
        return self.shards / f"{name}.failed.json"

    def temp(self, name: str) -> Path:
        return self.tmp / f"{name}.{os.getpid()}.tmp"

    def open(self) -> None:
        """Create the layout, take the lock and clear temporary files of interrupted runs."""
        try:
            self.tmp.mkdir(parents=True, exist_ok=True)
            self.shards.mkdir(parents=True, exist_ok=True)
            self._lock = (self.meta / "lock").open("a")
        except OSError as exc:
            raise UsageError(f"{self.root}: cannot create the output directory: {exc}") from exc
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            raise UsageError(f"{self.root}: another relocalize run is writing to this directory") from exc
        stale = [*self.tmp.iterdir(), *self.shards.glob(".*.tmp"), *self.meta.glob(".*.tmp")]
        for path in stale:
            path.unlink(missing_ok=True)

    def close(self) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    # -- markers ------------------------------------------------------------
    def markers(self) -> dict[str, dict[str, Any]]:
        out = {}
        if self.shards.is_dir():
            for path in sorted(self.shards.glob("*.json")):
                if not path.name.endswith(".failed.json") and (data := read_json(path)) is not None:
                    out[path.name[: -len(".json")]] = data
        return out

    def failures(self) -> dict[str, str]:
        out = {}
        if self.shards.is_dir():
            for path in sorted(self.shards.glob("*.failed.json")):
                data = read_json(path) or {}
                out[path.name[: -len(".failed.json")]] = str(data.get("error", "unknown error"))
        return out

    def complete(self, shard: Shard, digest: str) -> bool:
        """True when ``shard``'s output is in place, marked complete for ``digest`` and this input."""
        marker = read_json(self.marker(shard.name))
        if marker is None or marker.get("options_hash") != digest:
            return False
        try:
            out, src = self.output(shard.name).stat(), shard.path.stat()
        except OSError:
            return False
        return (
            out.st_size == marker.get("output_size")
            and src.st_size == marker.get("input_size")
            and src.st_mtime_ns == marker.get("input_mtime_ns")
        )

    def forget(self, name: str) -> None:
        """Remove a shard's marker, failure record and output (before redoing it)."""
        for path in (self.marker(name), self.failure(name), self.output(name)):
            path.unlink(missing_ok=True)

    # -- options ------------------------------------------------------------
    def check_options(self, options: Options, digest: str, overwrite: bool) -> None:
        """Refuse to mix outputs of other options (or versions) unless ``overwrite``; record ours."""
        others = {name: m for name, m in self.markers().items() if m.get("options_hash") != digest}
        previous = read_json(self.run_file)
        if previous and previous.get("options_hash") != digest and not others:
            others = {"": previous}
        if others and not overwrite:
            prior = previous or next(iter(others.values()))
            raise UsageError(_mix_message(self.root, prior, options, len(others)))
        for name in others:
            if name:
                self.forget(name)
        write_json(self.run_file, {"options": asdict(options), "options_hash": digest, "version": __version__})


def _mix_message(root: Path, prior: dict[str, Any], options: Options, n: int) -> str:
    old = prior.get("options") or {}
    new = asdict(options)
    diff = [f"{k}: {old.get(k)!r} -> {v!r}" for k, v in new.items() if old.get(k) != v]
    if prior.get("version") != __version__:
        diff.append(f"relocalize version: {prior.get('version')} -> {__version__}")
    detail = "; ".join(diff) or "options differ"
    return (
        f"{root} holds output of other options ({detail}; {n} shard(s)). "
        "Use --overwrite to replace it, or choose another --out."
    )
