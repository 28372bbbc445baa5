"""Cheap structural checks a rewrite must pass besides the NLI score.

The NLI model cannot tell a correct negation from a negation of the wrong clause
or from a changed fact, so the edit itself is checked: the polarity changes, the
facts (numbers, names, content words) stay, and nothing but negation machinery
is added.
"""

from __future__ import annotations

import difflib
import re

from relocalize.lexicon import EMPHATICS, EPISTEMIC, HEDGES, INFERENCE, NEGATORS

_WORD = re.compile(
    r"\b(?:did|does|do|is|are|was|were|has|have|had|ca|can|could|would|should|wo|must|need|ai)(?=n['’]?t\b)"
    r"|\w+(?=n['’]t\b)|(?<=\w)n['’]?t\b|\w+(?:['’]\w+)?",
    re.IGNORECASE,
)
# Words a negating edit may add or remove besides a negator.
_MACHINERY = (
    HEDGES
    | EMPHATICS
    | INFERENCE
    | EPISTEMIC
    | frozenset(
        {
            "always",
            "still",
            "already",
            "also",
            "every",
            "both",
            "have",
            "do",
            "does",
            "did",
            "or",
            "and",
            "can",
            "will",
            "shall",
            "ca",
            "wo",
            "sha",
            "a",
            "an",
            "some",
            "any",
            "it",
            "is",
            "true",
            "that",
            "either",
            "yet",
            "longer",
            "all",
            "need",
            "someone",
            "somebody",
            "something",
            "anyone",
            "anybody",
            "anything",
            "one",
        }
    )
)


# "not merely X but Y" already holds a "not": a second one in the clause reads as a double negation
_FOCUS = re.compile(r"\bnot\s+(?:only|merely|just|simply|solely|even)\b", re.IGNORECASE)


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _polarity(tokens: list[str]) -> int:
    return sum(t in NEGATORS or t.endswith(("n't", "n’t")) for t in tokens)


def check(original: str, rewrite: str) -> str | None:
    """None when ``rewrite`` is a structurally sound negation of ``original``, else why not."""
    a, b = words(original), words(rewrite)
    if a == b:
        return "no change"
    removed: list[str] = []
    added: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op != "equal":
            removed.extend(a[i1:i2])
            added.extend(b[j1:j2])
    if _polarity(added) == 0 and _polarity(removed) == 0:
        return "no polarity change"
    if any(w.isdigit() or any(c.isdigit() for c in w) for w in removed + added):
        return "numbers changed"
    extra_added = [w for w in added if w not in NEGATORS and w not in _MACHINERY]
    extra_removed = [w for w in removed if w not in NEGATORS and w not in _MACHINERY]
    # Do-support re-inflects one verb per inserted or removed "do": "won" <-> "did not win".
    reinflections = sum(w in ("do", "does", "did") for w in added + removed)
    if len(extra_removed) > reinflections or len(extra_added) > len(extra_removed):
        return "content words changed"
    if re.search(r"\b(?:not|never|no)\s+(?:not|never|no)\b", rewrite, re.IGNORECASE):
        return "double negation"
    if _FOCUS.search(original) and _polarity(added) and "true" not in added:
        return "double negation (a focus negation stays in the clause)"
    return None
