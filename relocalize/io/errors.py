"""Errors the command line reports without a traceback."""

from __future__ import annotations


class UsageError(Exception):
    """Bad arguments, inputs that do not exist, an OUTDIR that holds other options' output."""


class ShardError(ValueError):
    """One shard cannot be read or written; the message names the file (and the line)."""
