"""Streaming readers: Parquet record batches, JSONL(.gz/.zst) rows in batches."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from relocalize.io.errors import ShardError
from relocalize.io.shards import SUFFIXES, Shard, shard_of
from relocalize.plan import claim_list
from relocalize.provenance import LONE_SURROGATE

STRING_TYPES = (pa.string(), pa.large_string())


# The columns a JSONL batch carries beside its text and claims: each row's own line, written back with the text and
# the provenance set (so every other key keeps its value), and why a row could not be read into Arrow (its text or
# claims hold a lone surrogate, its claims are of the wrong type), which makes that row an error, left as it came.
LINE_COLUMN = "_relocalize_line"
ERROR_COLUMN = "_relocalize_error"


# Parquet's codec names as pyarrow's writer takes them (the level is not recorded in the file).
_CODECS = {"UNCOMPRESSED": "none", "LZ4_RAW": "lz4", "LZ4": "lz4"}


def _codec(meta: pq.FileMetaData, column: str) -> str | None:
    """The codec of ``column`` in the file's first row group ("zstd", "snappy", ...), or None without one."""
    if meta.num_row_groups == 0:
        return None
    group = meta.row_group(0)
    for i in range(group.num_columns):
        chunk = group.column(i)
        if chunk.path_in_schema == column:
            return _CODECS.get(chunk.compression, chunk.compression.lower())
    return None


class ParquetReader:
    """Record batches of a Parquet file, one row group in memory at a time; ``compression`` is the text column's
    codec, which the output shard keeps."""

    def __init__(self, shard: Shard, batch_size: int, text_column: str) -> None:
        self.path = shard.path
        self.batch_size = batch_size
        self.size = self.path.stat().st_size
        if self.size == 0:
            raise ShardError(f"{self.path}: empty file")
        try:
            self._file = pq.ParquetFile(self.path)
        except (pa.ArrowException, OSError) as exc:
            raise ShardError(f"{self.path}: not a readable Parquet file (corrupt or truncated?): {exc}") from exc
        self.schema = self._file.schema_arrow
        self.rows = self._file.metadata.num_rows
        if text_column not in self.schema.names:
            raise ShardError(f"{self.path}: no column {text_column!r} (columns: {', '.join(self.schema.names)})")
        kind = self.schema.field(text_column).type
        self._decode: str | None = None
        plain = _plain_strings(kind)
        if plain is None:
            raise ShardError(f"{self.path}: column {text_column!r} is {kind}, not a string")
        if plain != kind:  # strings stored as a dictionary (Spark, pandas categoricals) or as views
            self._decode = text_column
            index = self.schema.get_field_index(text_column)
            self.schema = self.schema.set(index, pa.field(text_column, plain))
        self.compression = _codec(self._file.metadata, text_column)
        self.done = 0

    @property
    def bytes_read(self) -> int:
        return int(self.size * self.done / self.rows) if self.rows else self.size

    def __iter__(self) -> Iterator[pa.RecordBatch]:
        try:
            for batch in self._file.iter_batches(batch_size=self.batch_size, use_threads=False):
                self.done += batch.num_rows
                yield batch if self._decode is None else _decoded(batch, self._decode)
        except (pa.ArrowException, OSError) as exc:
            raise ShardError(f"{self.path}: cannot read past row {self.done} (corrupt or truncated?): {exc}") from exc


def _plain_strings(kind: pa.DataType) -> pa.DataType | None:
    """The plain string type a text column of type ``kind`` is read as, or None when it holds no strings."""
    if kind in STRING_TYPES:
        return kind
    if pa.types.is_dictionary(kind):
        return _plain_strings(kind.value_type)
    if getattr(pa.types, "is_string_view", lambda _: False)(kind):
        return pa.string()
    return None


def _decoded(batch: pa.RecordBatch, column: str) -> pa.RecordBatch:
    """``batch`` with its dictionary-encoded or string-view ``column`` as plain strings."""
    index = batch.schema.get_field_index(column)
    raw = batch.column(index)
    values = raw.dictionary_decode() if pa.types.is_dictionary(raw.type) else raw
    values = values.cast(_plain_strings(raw.type))
    arrays = [values if i == index else batch.column(i) for i in range(batch.num_columns)]
    fields = [pa.field(column, values.type) if i == index else f for i, f in enumerate(batch.schema)]
    return pa.RecordBatch.from_arrays(arrays, schema=pa.schema(fields, metadata=batch.schema.metadata))


def _zstd_lines(raw: IO[bytes], chunk: int = 1 << 20) -> Iterator[bytes]:
    """Lines of a zstd stream of one or more frames; a truncated last frame raises EOFError."""
    import zstandard

    dctx = zstandard.ZstdDecompressor()
    frame, fed, tail = dctx.decompressobj(), False, b""
    while data := raw.read(chunk):
        while data:
            out, fed = frame.decompress(data), True
            data = b""
            if frame.eof:
                data, frame, fed = frame.unused_data, dctx.decompressobj(), False
            lines = (tail + out).split(b"\n")
            tail = lines.pop()
            yield from (line + b"\n" for line in lines)
    if fed:
        raise EOFError("zstd stream ended in the middle of a frame")
    if tail:
        yield tail


def _lines(raw: IO[bytes], compression: str | None) -> Iterator[bytes]:
    if compression == "gzip":
        with gzip.GzipFile(fileobj=raw, mode="rb") as stream:
            yield from stream
    elif compression == "zstd":
        yield from _zstd_lines(raw)
    else:
        yield from raw


def _decode_errors() -> tuple[type[BaseException], ...]:
    errors: tuple[type[BaseException], ...] = (OSError, EOFError, gzip.BadGzipFile)
    try:
        import zstandard

        errors += (zstandard.ZstdError,)
    except ImportError:  # pragma: no cover
        pass
    return errors


class JsonlReader:
    """Record batches of JSON objects, one per line (blank lines skipped): the text column, the claims column (a
    list of strings), each row's line and its read error (:data:`LINE_COLUMN`, :data:`ERROR_COLUMN`)."""

    def __init__(self, shard: Shard, batch_size: int, text_column: str, claims_column: str = "claims") -> None:
        self.path = shard.path
        self.compression = shard.compression
        self.batch_size = batch_size
        self.text_column = text_column
        self.claims_column = claims_column
        self.size = self.path.stat().st_size
        if self.size == 0:
            raise ShardError(f"{self.path}: empty file")
        self.schema = pa.schema(
            [
                (text_column, pa.string()),
                (claims_column, pa.list_(pa.string())),
                (LINE_COLUMN, pa.binary()),
                (ERROR_COLUMN, pa.string()),
            ]
        )
        self._raw: IO[bytes] | None = None

    @property
    def bytes_read(self) -> int:
        return self._raw.tell() if self._raw is not None and not self._raw.closed else self.size

    def _row(self, line: bytes, lineno: int) -> dict[str, Any]:
        try:
            row = json.loads(line)
        except ValueError as exc:
            raise ShardError(f"{self.path}:{lineno}: not valid JSON: {exc}") from exc
        if not isinstance(row, dict):
            raise ShardError(f"{self.path}:{lineno}: expected a JSON object, got {type(row).__name__}")
        text = row.get(self.text_column)
        if text is not None and not isinstance(text, str):
            raise ShardError(
                f"{self.path}:{lineno}: column {self.text_column!r} holds {type(text).__name__}, not a string"
            )
        return row

    def _values(self, row: dict[str, Any]) -> tuple[str | None, list[str] | None, str | None]:
        """The row's text, claims and read error (the first of: a lone surrogate in the text, claims of the wrong
        type, a lone surrogate in the claims); a row with an error keeps only what Arrow can hold."""
        text = row.get(self.text_column)
        if text is not None and not _encodes(text):
            return None, None, LONE_SURROGATE
        try:
            claims = claim_list(row.get(self.claims_column)) if row.get(self.claims_column) is not None else None
        except TypeError as exc:
            return text, None, f"TypeError: {exc}"
        if claims is not None and not all(_encodes(c) for c in claims):
            return text, None, "claims hold a lone surrogate (not valid Unicode)"
        return text, claims, None

    def __iter__(self) -> Iterator[pa.RecordBatch]:
        raw = self._raw = open(self.path, "rb")  # noqa: SIM115 - closed below
        lines: list[bytes] = []
        rows: list[tuple[str | None, list[str] | None, str | None]] = []
        keys: set[str] = set()  # of the first batch, until one of its rows holds the text column
        first, seen, lineno = 0, 0, 0
        try:
            with raw:
                for lineno, line in enumerate(_lines(raw, self.compression), 1):
                    if not line.strip():
                        continue
                    row = self._row(line, lineno)
                    first = first or lineno
                    if seen == 0:
                        keys.update(row)
                    lines.append(line)
                    rows.append(self._values(row))
                    if len(lines) == self.batch_size:
                        seen = self._check(keys, seen, first, lineno) + len(lines)
                        yield self._batch(lines, rows)
                        lines, rows = [], []
                if lines:
                    seen = self._check(keys, seen, first, lineno) + len(lines)
                    yield self._batch(lines, rows)
        except _decode_errors() as exc:
            raise ShardError(f"{self.path}: cannot read after line {lineno} (truncated or corrupt?): {exc}") from exc
        if seen == 0:
            raise ShardError(f"{self.path}: empty file: no JSON rows")

    def _batch(self, lines: list[bytes], rows: list[tuple[str | None, list[str] | None, str | None]]) -> pa.RecordBatch:
        texts, claims, errors = zip(*rows)
        arrays = [pa.array(texts, pa.string()), pa.array(claims, pa.list_(pa.string())), pa.array(lines, pa.binary())]
        return pa.RecordBatch.from_arrays([*arrays, pa.array(errors, pa.string())], schema=self.schema)

    def _check(self, keys: set[str], seen: int, first: int, last: int) -> int:
        """``seen``, once the first batch is known to hold the text column."""
        if seen == 0 and self.text_column not in keys:
            raise ShardError(
                f"{self.path}: no column {self.text_column!r} in lines {first}-{last} (keys: {', '.join(sorted(keys))})"
            )
        return seen


def _encodes(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def open_reader(
    shard: Shard, batch_size: int, text_column: str, claims_column: str = "claims"
) -> ParquetReader | JsonlReader:
    """A reader for ``shard``; raises :class:`ShardError` for a file it cannot open."""
    try:
        if shard.format == "parquet":
            return ParquetReader(shard, batch_size, text_column)
        return JsonlReader(shard, batch_size, text_column, claims_column)
    except OSError as exc:
        raise ShardError(f"{shard.path}: cannot open: {exc}") from exc


def batch_rows(batch: pa.RecordBatch) -> list[dict[str, Any]]:
    """The rows of a batch a reader gave, as dicts: a JSONL row is its own line, a Parquet row its columns."""
    if LINE_COLUMN in batch.schema.names:
        return [json.loads(line) for line in batch.column(LINE_COLUMN).to_pylist()]
    return batch.to_pylist()


def iter_rows(
    path: str | Path, text_column: str, batch_size: int = 1024, claims_column: str = "claims"
) -> Iterator[dict[str, Any]]:
    """The rows of one Parquet or JSONL (.gz, .zst) file as dicts, streamed by the shard readers, which
    check that ``text_column`` is there and holds strings. Raises FileNotFoundError for a missing file
    and :class:`ShardError` (a ValueError) for one it cannot read."""
    file = Path(path)
    if not file.is_file():
        raise FileNotFoundError(f"{file}: no such file")
    shard = shard_of(file)
    if shard is None:
        raise ShardError(f"{file}: not a supported file (use {', '.join(SUFFIXES)})")
    for batch in open_reader(shard, batch_size, text_column, claims_column):
        yield from batch_rows(batch)
