"""Streaming writers to a temporary path: Parquet row groups, JSONL(.gz/.zst) lines."""

from __future__ import annotations

import contextlib
import gzip
import json
import os
from pathlib import Path
from typing import IO, Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from relocalize.io.readers import LINE_COLUMN
from relocalize.provenance import COLUMN

# Rows are grouped by the bytes of their text, so memory stays flat and the file layout
# depends on the rows alone, not on the batch size.
ROW_GROUP_BYTES = 16 << 20
_ROW_OVERHEAD = 64


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# The codecs a Parquet output may take (``relocalize run --compression``).
PARQUET_CODECS = ("snappy", "zstd", "gzip", "brotli", "lz4", "none")


class ParquetShardWriter:
    """Writes record batches as row groups of about :data:`ROW_GROUP_BYTES` of text, compressed with
    ``compression`` (the input's codec; pyarrow's default, snappy, when None)."""

    def __init__(self, path: Path, schema: pa.Schema, text_column: str, compression: str | None = None) -> None:
        self.path = path
        self.text_column = text_column
        self._writer = pq.ParquetWriter(path, schema, compression=compression or "snappy")
        self._buffer: list[pa.RecordBatch] = []
        self._buffered = 0

    def write(self, batch: pa.RecordBatch) -> None:
        if batch.num_rows == 0:
            return
        sizes = pc.binary_length(batch.column(self.text_column)).fill_null(0).to_numpy(zero_copy_only=False)
        sizes = sizes.astype(np.int64) + _ROW_OVERHEAD
        start = 0
        while start < batch.num_rows:
            cum = np.cumsum(sizes[start:])
            k = int(np.searchsorted(cum, ROW_GROUP_BYTES - self._buffered))
            if k >= len(cum):
                self._buffer.append(batch.slice(start))
                self._buffered += int(cum[-1])
                return
            self._buffer.append(batch.slice(start, k + 1))
            self._flush()
            start += k + 1

    def _flush(self) -> None:
        if self._buffer:
            table = pa.Table.from_batches(self._buffer)
            self._writer.write_table(table, row_group_size=max(table.num_rows, 1))
        self._buffer, self._buffered = [], 0

    def close(self) -> None:
        self._flush()
        self._writer.close()
        _fsync(self.path)

    def abort(self) -> None:
        with contextlib.suppress(Exception):  # the disk may still be full
            self._writer.close()


class JsonlShardWriter:
    """Writes a JSONL reader's batches back as JSON lines: each row's own line (:data:`LINE_COLUMN`) with the text
    column and the ``relocalize`` provenance set, compressed by the output's suffix (gzip without a timestamp)."""

    def __init__(self, path: Path, compression: str | None, text_column: str) -> None:
        self.path = path
        self.text_column = text_column
        self._raw: IO[bytes] = open(path, "wb")  # noqa: SIM115 - closed in close()/abort()
        self._out: Any = self._raw
        if compression == "gzip":
            self._out = gzip.GzipFile(filename="", mode="wb", fileobj=self._raw, mtime=0)
        elif compression == "zstd":
            import zstandard

            self._out = zstandard.ZstdCompressor(level=3).stream_writer(self._raw, closefd=False)

    def write(self, batch: pa.RecordBatch) -> None:
        rows = []
        texts = batch.column(self.text_column).to_pylist()
        provs = batch.column(COLUMN).to_pylist()
        for line, text, prov in zip(batch.column(LINE_COLUMN).to_pylist(), texts, provs):
            row = json.loads(line)
            if text is not None:  # None: no text, or one Arrow cannot hold (left as it came)
                row[self.text_column] = text
            row[COLUMN] = prov
            rows.append(row)
        try:
            data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates: keep them as \\u escapes
            data = "".join(json.dumps(r) + "\n" for r in rows).encode("ascii")
        self._out.write(data)

    def close(self) -> None:
        if self._out is not self._raw:
            self._out.close()
        self._raw.flush()
        os.fsync(self._raw.fileno())
        self._raw.close()

    def abort(self) -> None:
        for f in (self._out, self._raw):
            with contextlib.suppress(Exception):  # the disk may still be full
                f.close()


def open_writer(path: Path, fmt: str, compression: str | None, schema: pa.Schema | None, text_column: str) -> Any:
    """A writer for one output shard at ``path`` (a temporary name)."""
    if fmt == "parquet":
        assert schema is not None
        return ParquetShardWriter(path, schema, text_column, compression)
    return JsonlShardWriter(path, compression, text_column)
