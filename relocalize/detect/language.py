"""Is a document English text at all? Cheap checks on a prefix of it."""

from __future__ import annotations

import re

SAMPLE = 20_000
WORD = re.compile(r"[^\W\d_]+")
STOPWORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "they",
        "we",
        "you",
        "i",
        "his",
        "her",
        "their",
        "our",
        "not",
        "no",
        "but",
        "if",
        "then",
        "than",
        "so",
        "which",
        "who",
        "what",
        "when",
        "where",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "do",
        "does",
        "did",
    ]
)
_MIN_WORDS = 8
# Characters that mark binary data or a broken decoding.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]")
MIN_STOPWORD_SHARE = 0.15
_MAX_CONTROL_SHARE = 0.01


def unsupported_reason(text: str) -> str | None:
    """None for English text, else a short reason ("binary", "not English")."""
    sample = text[:SAMPLE]
    control = len(CONTROL.findall(sample))
    if sample and control / len(sample) > _MAX_CONTROL_SHARE:
        return "binary or control characters"
    words = [w.lower() for w in WORD.findall(sample)]
    if len(words) < _MIN_WORDS:
        return None
    share = sum(w in STOPWORDS for w in words) / len(words)
    if share < MIN_STOPWORD_SHARE:
        return "not English"
    return None
