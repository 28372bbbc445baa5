"""Entry points for ``datasets.map``: :func:`fix`, :func:`fix_batch`, :class:`Relocalizer`."""

from __future__ import annotations

import logging
from dataclasses import asdict
from typing import Any

from relocalize.options import Options
from relocalize.pipeline import Pipeline
from relocalize.provenance import COLUMN, Provenance
from relocalize.timing import TimedModels, Timer

log = logging.getLogger("relocalize")


class Relocalizer:
    """Relocalize documents with non-default :class:`Options`.

    Instances pickle by their options alone (models load lazily in each process),
    so ``datasets`` fingerprints them stably and ``num_proc`` works. The
    ``relocalize`` column holds :data:`relocalize.PROVENANCE_TYPE` scalars.
    """

    def __init__(self, **options: Any) -> None:
        self.options = Options(**options)
        self._pipeline: Pipeline | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"options": asdict(self.options)}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.options = Options(**state["options"])
        self._pipeline = None

    def __repr__(self) -> str:
        return f"Relocalizer({self.options})"

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = Pipeline(self.options, TimedModels(self.options, Timer()))
        return self._pipeline

    def process(self, text: object, claims: object = None) -> tuple[object, Provenance]:
        """Relocalize one document; a bad row yields status "error" unless ``strict``."""
        try:
            new_text, prov = self.pipeline.process(text, claims)
        except Exception as exc:
            if self.options.strict:
                raise
            log.warning("relocalize failed on a document: %r", exc)
            return text, Provenance("error", f"{type(exc).__name__}: {exc}")
        self._check_strict(prov)
        return new_text, prov

    def _check_strict(self, prov: Provenance) -> None:
        if self.options.strict and prov.status == "error":
            raise ValueError(prov.message)

    def process_many(self, texts: list[object], claims: list[object] | None = None) -> list[tuple[object, Provenance]]:
        """:meth:`process` for each document; seq2seq generation is batched across them.

        If the batch fails, each document is processed on its own, so a bad row only
        affects itself.
        """
        try:
            results = self.pipeline.process_many(texts, claims)
        except Exception:
            if self.options.strict:
                raise
            claims = claims if claims is not None else [None] * len(texts)
            return [self.process(t, c) for t, c in zip(texts, claims)]
        for _, prov in results:
            self._check_strict(prov)
        return results

    def fix(self, example: dict[str, Any]) -> dict[str, Any]:
        """One row (for ``ds.map(r.fix)``): the text column replaced, ``relocalize`` added.

        A row dropped by ``on_unresolved="drop"`` keeps its place with text None;
        :meth:`fix_batch` removes such rows instead.
        """
        text, prov = self.process(example.get(self.options.text_column), example.get(self.options.claims_column))
        return {self.options.text_column: text, COLUMN: prov.to_arrow()}

    def fix_batch(self, batch: dict[str, list[Any]]) -> dict[str, list[Any]]:
        """A batch (for ``ds.map(r.fix_batch, batched=True)``); dropped rows are removed."""
        col = self.options.text_column
        if col not in batch:
            raise KeyError(f"text column {col!r} not in batch columns {sorted(batch)}")
        n = len(batch[col])
        claims = batch.get(self.options.claims_column, [None] * n)
        results = self.process_many(batch[col], claims)
        keep = [i for i, (_, prov) in enumerate(results) if not prov.dropped]
        out = {k: [v[i] for i in keep] for k, v in batch.items()}
        out[col] = [results[i][0] for i in keep]
        out[COLUMN] = [results[i][1].to_arrow() for i in keep]
        return out


_DEFAULT = Relocalizer()


def fix(example: dict[str, Any]) -> dict[str, Any]:
    """Relocalize one row with default options (``ds.map(relocalize.fix)``)."""
    return _DEFAULT.fix(example)


def fix_batch(batch: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """Relocalize a batch with default options (``ds.map(relocalize.fix_batch, batched=True)``)."""
    return _DEFAULT.fix_batch(batch)
