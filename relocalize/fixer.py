"""Relocalize batches: the pass-through test in Arrow, the pipeline for the other rows.

The pass-through test runs on groups of consecutive batches (RE2 compiles and warms its
automata once per call, which costs as much as scanning megabytes). The output columns are
built per batch: rows that pass through keep their text buffer and share one provenance
value; only the rows the pipeline changed are replaced.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from relocalize.api import Relocalizer
from relocalize.io.readers import ERROR_COLUMN
from relocalize.options import Options
from relocalize.passthrough import passthrough
from relocalize.provenance import COLUMN, PROVENANCE_TYPE, Provenance
from relocalize.stats import Tally

UNCHANGED: dict[str, Any] = asdict(Provenance("unchanged"))
Result = tuple[Any, Provenance]
# Text per pass-through call.
GATE_BYTES = 16 << 20  # of batches held for one call


def output_schema(schema: pa.Schema) -> pa.Schema:
    """``schema`` with the ``relocalize`` column set to :data:`PROVENANCE_TYPE` (replaced or appended)."""
    target = pa.field(COLUMN, PROVENANCE_TYPE)
    if COLUMN in schema.names:
        return schema.set(schema.get_field_index(COLUMN), target)
    return schema.append(target)


class BatchFixer:
    """Relocalizes batches with one set of options; models load on first need (with ``freeze_gc``, out of the
    cyclic collector's sight once loaded: :meth:`relocalize.models.Models.loaded`)."""

    def __init__(self, options: Options, freeze_gc: bool = False) -> None:
        self.options = options
        self.relocalizer = Relocalizer(**asdict(options))
        self.relocalizer.pipeline.models.freeze_gc = freeze_gc
        self.timer = self.relocalizer.pipeline.timer  # the steps', the models' and the I/O's time
        self.gate = passthrough(options.max_chars)

    def gated(self, batches: Iterable[pa.RecordBatch]) -> Iterator[tuple[pa.RecordBatch, np.ndarray]]:
        """Each batch with its pass-through mask (True: the row passes unchanged), the test run
        on groups of batches holding up to :data:`GATE_BYTES` of text."""
        if self.gate is None:
            for batch in batches:
                yield batch, np.zeros(batch.num_rows, dtype=bool)
            return
        group: list[pa.RecordBatch] = []
        texts: list[pa.Array] = []
        size = 0
        for batch in batches:
            group.append(batch)
            texts.append(batch.column(self.options.text_column))
            size += batch.nbytes  # every column: a JSONL batch carries its lines too
            if size >= GATE_BYTES:
                yield from zip(group, self._passes(group, texts))
                group, texts, size = [], [], 0
        yield from zip(group, self._passes(group, texts))

    def _passes(self, group: list[pa.RecordBatch], texts: list[pa.Array]) -> list[np.ndarray]:
        if not texts:
            return []
        assert self.gate is not None
        with self.timer.stage("gate"):
            mask = self.gate.mask(pa.chunked_array(texts, type=texts[0].type))
        masks = np.split(mask, np.cumsum([len(t) for t in texts[:-1]]))
        # a row a reader could not read into Arrow is decided by its error, not passed
        return [m & ~_read_errors(b) for m, b in zip(masks, group)]

    def _process(self, texts: list[Any], claims: list[Any], errors: list[Any], tally: Tally) -> list[Result]:
        """The result of each row: its read error, or the pipeline's (with ``strict``, a read error raises)."""
        if self.options.strict and (error := next((e for e in errors if e is not None), None)):
            raise ValueError(error)
        todo = [i for i, e in enumerate(errors) if e is None]
        done = self.relocalizer.process_many([texts[i] for i in todo], [claims[i] for i in todo])
        results: list[Result] = [(t, Provenance("error", e or "")) for t, e in zip(texts, errors)]
        for i, result in zip(todo, done):
            results[i] = result
        for _, prov in results:
            tally.add(prov)
        return results

    def fix_arrow(self, batch: pa.RecordBatch, passes: np.ndarray, schema: pa.Schema, tally: Tally) -> pa.RecordBatch:
        """The batch with its text replaced and provenance set, dropped rows removed; ``passes``
        marks the rows known to pass unchanged (see :meth:`gated`)."""
        n = batch.num_rows
        tally.rows_in += n
        col = batch.column(self.options.text_column)
        slow = np.flatnonzero(~passes)
        tally.add_passthrough(n - len(slow))
        arrays = {name: batch.column(name) for name in batch.schema.names}
        keep = None
        if len(slow):
            texts = col.take(pa.array(slow)).to_pylist()
            claims_name = self.options.claims_column
            claims = (
                batch.column(claims_name).take(pa.array(slow)).to_pylist()
                if claims_name in batch.schema.names
                else [None] * len(slow)
            )
            errors = (
                batch.column(ERROR_COLUMN).take(pa.array(slow)).to_pylist()
                if ERROR_COLUMN in batch.schema.names
                else [None] * len(slow)
            )
            results = self._process(texts, claims, errors, tally)
            changed = [(i, new) for i, old, (new, prov) in zip(slow, texts, results) if new is not old]
            if changed:
                mask = np.zeros(n, dtype=bool)
                mask[[i for i, _ in changed]] = True
                values = pa.array([new for _, new in changed], type=col.type)
                arrays[self.options.text_column] = pc.replace_with_mask(col, pa.array(mask), values)
            provs = pa.array([UNCHANGED, *(asdict(p) for _, p in results)], type=PROVENANCE_TYPE)
            index = np.zeros(n, dtype=np.int64)
            index[slow] = np.arange(1, len(slow) + 1)
            arrays[COLUMN] = provs.take(pa.array(index))
            dropped = [i for i, (_, p) in zip(slow, results) if p.dropped]
            if dropped:
                keep = np.ones(n, dtype=bool)
                keep[dropped] = False
        else:
            arrays[COLUMN] = pa.array([UNCHANGED], type=PROVENANCE_TYPE).take(pa.array(np.zeros(n, dtype=np.int64)))
        out = pa.RecordBatch.from_arrays([arrays[f.name] for f in schema], schema=schema)
        if keep is not None:
            out = out.filter(pa.array(keep))
        tally.rows_out += out.num_rows
        return out


def _read_errors(batch: pa.RecordBatch) -> np.ndarray:
    """True for each row a reader could not read into Arrow (:data:`ERROR_COLUMN`)."""
    if ERROR_COLUMN not in batch.schema.names:
        return np.zeros(batch.num_rows, dtype=bool)
    return batch.column(ERROR_COLUMN).is_valid().to_numpy(zero_copy_only=False)
