"""Input shards: files, directories or globs, each with its format and output name."""

from __future__ import annotations

import glob
from dataclasses import dataclass
from pathlib import Path

from relocalize.io.errors import UsageError

# Suffix -> (format, compression); longest suffixes first.
SUFFIXES: dict[str, tuple[str, str | None]] = {
    ".jsonl.gz": ("jsonl", "gzip"),
    ".jsonl.zst": ("jsonl", "zstd"),
    ".jsonl": ("jsonl", None),
    ".parquet": ("parquet", None),
}


@dataclass(frozen=True)
class Shard:
    """One input file; its output has the same name under OUTDIR."""

    path: Path
    format: str  # "parquet" | "jsonl"
    compression: str | None

    @property
    def name(self) -> str:
        return self.path.name


def shard_of(path: Path) -> Shard | None:
    """The shard for ``path``, or None when its suffix is not a supported format."""
    for suffix, (fmt, compression) in SUFFIXES.items():
        if path.name.endswith(suffix) and len(path.name) > len(suffix):
            return Shard(path, fmt, compression)
    return None


def _expand(spec: str) -> list[Path]:
    path = Path(spec)
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.is_file() and shard_of(p))
    if path.is_file():
        if shard_of(path) is None:
            raise UsageError(f"{spec}: not a supported file (use {', '.join(SUFFIXES)})")
        return [path]
    if glob.has_magic(spec):
        found = sorted(Path(p) for p in glob.glob(spec, recursive=True))
        found = [p for p in found if p.is_file() and shard_of(p)]
        if not found:
            raise UsageError(f"{spec}: the pattern matches no {'/'.join(SUFFIXES)} file")
        return found
    raise UsageError(f"{spec}: no such file or directory")


def discover(specs: list[str]) -> list[Shard]:
    """Shards named by files, directories (their supported files) or glob patterns, in order."""
    seen: dict[Path, Shard] = {}
    for spec in specs:
        for path in _expand(spec):
            shard = shard_of(path)
            if shard is not None:
                seen.setdefault(path.resolve(), shard)
    if not seen:
        raise UsageError("no input shards")
    by_name: dict[str, list[Path]] = {}
    for shard in seen.values():
        by_name.setdefault(shard.name, []).append(shard.path)
    clashes = {name: paths for name, paths in by_name.items() if len(paths) > 1}
    if clashes:
        name, paths = next(iter(clashes.items()))
        raise UsageError(f"two inputs would write the same output {name!r}: {', '.join(map(str, paths))}")
    return list(seen.values())
