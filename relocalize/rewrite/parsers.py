"""Parser backends behind one interface: texts in, :class:`Graph` objects out.

``Options.parser`` names one: ``"stanza:<model dir>"`` for Stanza with models already
on disk, ``"spacy:<pipeline>"`` or a bare spaCy pipeline name or path otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

from relocalize.rewrite.graph import Graph, from_spacy, load_spacy

# parse(texts, originals): ``texts`` are what the parser reads, ``originals`` the same-length
# texts the graphs carry (a shouted line is parsed lower-cased and edited as written).
ParseFn = Callable[[Sequence[str], Sequence[str]], Iterable[Graph]]


def spacy_parse(nlp: Any) -> ParseFn:
    """Batch through a loaded spaCy pipeline."""

    def parse(texts: Sequence[str], originals: Sequence[str]) -> Iterator[Graph]:
        for doc, original in zip(nlp.pipe(texts), originals):
            yield from_spacy(doc, original)

    return parse


def stanza_parse(nlp: Any) -> ParseFn:
    """One text at a time through a loaded Stanza pipeline."""
    from relocalize.rewrite.stanza_adapter import from_stanza

    def parse(texts: Sequence[str], originals: Sequence[str]) -> Iterator[Graph]:
        for text, original in zip(texts, originals):
            yield from_stanza(nlp(text), original) if text.strip() else Graph(original, ())

    return parse


def _load_spacy(model: str) -> ParseFn:
    return spacy_parse(load_spacy(model))


def _load_stanza(model_dir: str) -> ParseFn:
    from relocalize.rewrite.stanza_adapter import load_stanza

    return stanza_parse(load_stanza(model_dir))


BACKENDS: dict[str, Callable[[str], ParseFn]] = {"spacy": _load_spacy, "stanza": _load_stanza}


def split_spec(spec: str) -> tuple[str, str]:
    """``"stanza:/models"`` -> ``("stanza", "/models")``; a bare name or path is spaCy's."""
    backend, sep, rest = spec.partition(":")
    if sep and backend in BACKENDS:
        return backend, rest
    return "spacy", spec


@lru_cache(maxsize=4)
def load_parser(spec: str) -> ParseFn:
    """Load the parser ``spec`` names (see the module docstring), once per process."""
    backend, target = split_spec(spec)
    if not target:
        raise ValueError(f"parser {spec!r} names no model: use '{backend}:<model>'")
    return BACKENDS[backend](target)
