"""The sentence-local fallback: "It is not true that <clause>"."""

from __future__ import annotations

from relocalize.rewrite.graph import Graph
from relocalize.rewrite.rules import Refusal

WRAPPER = "It is not true that "
_SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj", "csubjpass")


def wrap(g: Graph) -> str:
    """Wrap a declarative clause; raise :class:`Refusal` for anything else."""
    text = g.text
    if text.rstrip().endswith("?"):
        raise Refusal("question")
    roots = [t for t in g.roots() if t.upos != "PUNCT"]
    if len(roots) != 1 or roots[0].upos not in ("VERB", "AUX") or not g.children(roots[0], *_SUBJECTS):
        raise Refusal("no declarative clause to wrap")
    first = g.tokens[0]
    if first.lower == "that":
        raise Refusal("clausal subject")
    keep_case = first.upos == "PROPN" or first.text == "I" or any(c.isupper() for c in first.text[1:])
    head = first.text if keep_case else first.text[:1].lower() + first.text[1:]
    return WRAPPER + head + text[first.end :]
