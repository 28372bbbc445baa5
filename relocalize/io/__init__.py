"""Shard discovery, streaming readers and writers for Parquet and JSONL(.gz/.zst)."""

from relocalize.io.errors import ShardError, UsageError
from relocalize.io.readers import batch_rows, iter_rows, open_reader
from relocalize.io.shards import Shard, discover
from relocalize.io.writers import open_writer

__all__ = [
    "Shard",
    "ShardError",
    "UsageError",
    "batch_rows",
    "discover",
    "iter_rows",
    "open_reader",
    "open_writer",
]
