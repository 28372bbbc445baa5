"""The sentence-local fallback: "It is not true that <clause>"."""

from __future__ import annotations

from relocalize.lexicon import HEDGES, NEGATORS
from relocalize.rewrite.graph import Graph
from relocalize.rewrite.rules import (
    FINITE_TAGS,
    SUBJECTS,
    Refusal,
    check_clauses,
    check_event_nouns,
    check_scope,
    check_sentence,
)

WRAPPER = "It is not true that "


def wrap(g: Graph) -> str:
    """Wrap a declarative clause; raise :class:`Refusal` for anything else.

    A leading conjunction or comma-marked connective stays in front ("But it is not true that ...",
    "Furthermore, it is not true that ..."). Refused: what :func:`check_sentence` refuses, lines
    without closing punctuation (headings, chat) or without one finite clause with a subject,
    negative clauses (the wrapper would double the negation), quotations, a leading hedge, and
    sentences whose claim the wrapper would not cover (:func:`check_scope`).
    """
    text = g.text
    check_sentence(g)
    if not text.rstrip().rstrip("\"'”’)*_").endswith((".", "!")):
        raise Refusal("no closing punctuation: a heading, title or chat line")
    roots = [t for t in g.roots() if t.upos != "PUNCT"]
    if len(roots) != 1 or roots[0].upos not in ("VERB", "AUX") or not g.children(roots[0], *SUBJECTS):
        raise Refusal("no declarative clause to wrap")
    root = roots[0]
    finite = root.tag in FINITE_TAGS or any(a.tag in FINITE_TAGS for a in g.children(root, "aux", "auxpass"))
    if not finite and root.tag != "VBN":  # a past tense the tagger read as a participle still counts
        raise Refusal("no finite clause to wrap")
    if any(t.lower in NEGATORS or t.dep == "neg" for t in g.tokens):
        raise Refusal("negative clause: wrapping it would double the negation")
    check_scope(g, [root], wrapper=True)
    check_clauses(g, root)
    check_event_nouns(g)
    start = _after_connective(g)
    first = g.tokens[start]
    if first.lower == "that":
        raise Refusal("clausal subject")
    if not first.text[:1].isalnum():
        raise Refusal("opens with a quotation or bracket")
    if first.lower in HEDGES:
        raise Refusal(f"a hedge ({first.text!r}) cannot follow 'It is not true that'")
    keep_case = first.upos == "PROPN" or first.text == "I" or any(c.isupper() for c in first.text[1:])
    head = first.text if keep_case else first.text[:1].lower() + first.text[1:]
    lead = text[: first.idx]
    wrapper = WRAPPER[:1].lower() + WRAPPER[1:] if lead else WRAPPER
    return lead + wrapper + head + text[first.end :]


def _after_connective(g: Graph) -> int:
    """Index of the first token after a leading "But" or "Furthermore," (0 when there is none)."""
    tokens = g.tokens
    if len(tokens) > 2 and tokens[0].upos == "CCONJ" and tokens[0].dep == "cc":
        return 1
    if len(tokens) > 3 and tokens[0].upos == "ADV" and tokens[1].text == ",":
        return 2
    return 0
