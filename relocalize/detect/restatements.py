"""Resolve document notices: which sentences restate a known false claim."""

from __future__ import annotations

import re
from collections.abc import Callable

from relocalize.detect.language import STOPWORDS
from relocalize.spans import Span

_WORD = re.compile(r"\w+")


def content_words(text: str) -> set[str]:
    return {w for w in (m.lower() for m in _WORD.findall(text)) if w not in STOPWORDS and (len(w) > 2 or w.isdigit())}


def find_restatements(
    doc: str,
    candidates: list[Span],
    claims: list[tuple[str, str]],
    score: Callable[[str, str], float],
    overlap: float,
    threshold: float,
) -> list[Span]:
    """Candidate sentences that assert one of ``claims`` (pairs of claim, negation).

    A sentence qualifies when most of its content words come from the claim and
    the verifier reads it as contradicting the claim's negation.
    """
    claim_words = [(content_words(c), neg) for c, neg in claims]
    out = []
    for span in candidates:
        text = span.text(doc)
        words = content_words(text)
        if len(words) < 3:
            continue
        for cw, negation in claim_words:
            if len(words & cw) / len(words) >= overlap and score(text, negation) >= threshold:
                out.append(span)
                break
    return out
