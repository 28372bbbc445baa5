"""Shard discovery, streaming readers and writers for Parquet and JSONL(.gz/.zst)."""

from relocalize.io.errors import ShardError, UsageError
from relocalize.io.readers import JsonBatch, open_reader
from relocalize.io.shards import Shard, discover
from relocalize.io.writers import open_writer

__all__ = ["JsonBatch", "Shard", "ShardError", "UsageError", "discover", "open_reader", "open_writer"]
