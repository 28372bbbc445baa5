"""Rows that :meth:`Pipeline.process` would return untouched, found for a whole batch in Arrow.

``Pipeline.process`` leaves a document alone (status ``unchanged``, no message) when it is a
non-blank string of at most ``max_chars`` characters that the language check accepts and in
which one of the prefilter's patterns (:data:`relocalize.detect.cues.PREFILTER`) finds nothing.
Running those checks in Python costs a few MB/s; here they run vectorised, conservatively: a
row passes through only when it certainly meets them.

* each prefilter pattern is translated to RE2 from its parsed form, with every character class
  enumerated from Python's own ``re``; word boundaries are kept (RE2's are ASCII, the same
  as Python's on a row with no non-ASCII letter or digit) and other zero-width assertions
  dropped, which only widens it; rows with a non-ASCII word character get the translation
  with boundaries dropped too;
* the language check is bounded: no control characters, and a lower bound on the stop-word
  count over an upper bound on the word count reaching the threshold.

Every other row goes through ``Pipeline.process``, so the output is the same either way
(``tests/test_cli_passthrough.py`` compares the two).
"""

from __future__ import annotations

import logging
import re
import sys
from functools import cache, lru_cache
from itertools import chain
from typing import Any

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

from relocalize.detect import cues, language

log = logging.getLogger("relocalize")

if sys.version_info >= (3, 11):
    from re import _constants as C
    from re import _parser as P
else:  # pragma: no cover
    import sre_constants as C
    import sre_parse as P


class Untranslatable(ValueError):
    """A Python pattern with no RE2 counterpart (a back-reference, inline flags)."""


@lru_cache(maxsize=1)
def _all_chars() -> str:
    return "".join(map(chr, chain(range(0xD800), range(0xE000, 0x110000))))


@cache
def _char_class(source: str, flags: int) -> str:
    """The RE2 class of exactly the characters Python's ``source`` matches under ``flags``."""
    points = sorted({ord(c) for c in re.findall(source, _all_chars(), flags)})
    if not points:
        return r"[^\x{0}-\x{10ffff}]"
    ranges: list[list[int]] = []
    for p in points:
        if ranges and ranges[-1][1] == p - 1:
            ranges[-1][1] = p
        else:
            ranges.append([p, p])
    body = "".join(f"\\x{{{a:x}}}" if a == b else f"\\x{{{a:x}}}-\\x{{{b:x}}}" for a, b in ranges)
    return f"[{body}]"


_CATEGORY = {
    C.CATEGORY_SPACE: r"\s",
    C.CATEGORY_NOT_SPACE: r"\S",
    C.CATEGORY_DIGIT: r"\d",
    C.CATEGORY_NOT_DIGIT: r"\D",
    C.CATEGORY_WORD: r"\w",
    C.CATEGORY_NOT_WORD: r"\W",
}


def _class_source(items: list[tuple[Any, Any]]) -> str:
    parts = []
    for op, av in items:
        if op is C.NEGATE:
            parts.insert(0, "^")
        elif op is C.LITERAL:
            parts.append(re.escape(chr(av)))
        elif op is C.RANGE:
            parts.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is C.CATEGORY and av in _CATEGORY:
            parts.append(_CATEGORY[av])
        else:
            raise Untranslatable(f"class item {op}")
    return "[" + "".join(parts) + "]"


def to_re2(pattern: re.Pattern[str], boundaries: bool = False) -> str:
    """An RE2 pattern that finds a match in every string ``pattern.search`` does.

    Character sets are exact; zero-width assertions are dropped (a superset); anything
    else without a counterpart raises :class:`Untranslatable`. With ``boundaries``, ``\\b``
    and ``\\B`` are kept as RE2's ASCII ones: the same as Python's on strings whose
    non-ASCII characters are all non-word characters (:data:`NON_ASCII_WORD` finds the others).
    """
    flags = pattern.flags
    if flags & (re.ASCII | re.LOCALE) or not isinstance(pattern.pattern, str):
        raise Untranslatable("only Unicode str patterns are translated")

    def chars(source: str) -> str:
        return _char_class(source, flags & (re.IGNORECASE | re.DOTALL))

    def seq(items: Any) -> str:
        return "".join(node(op, av) for op, av in items)

    def node(op: Any, av: Any) -> str:
        if op is C.LITERAL:
            return chars(re.escape(chr(av)))
        if op is C.NOT_LITERAL:
            return chars("[^" + re.escape(chr(av)) + "]")
        if op is C.IN:
            return chars(_class_source(av))
        if op is C.ANY:
            return chars(".")
        if op is C.BRANCH:
            return "(?:" + "|".join(seq(b) for b in av[1]) + ")"
        if op is C.SUBPATTERN:
            _, add, delete, sub = av
            if add or delete:
                raise Untranslatable("inline flags")
            return "(?:" + seq(sub) + ")"
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)):
            lo, hi, sub = av
            if lo > 1000 or (hi is not C.MAXREPEAT and hi > 1000):
                raise Untranslatable("repeat count over 1000")
            bound = f"{{{lo},}}" if hi is C.MAXREPEAT else f"{{{lo},{hi}}}"
            return "(?:" + seq(sub) + ")" + bound
        if op is getattr(C, "ATOMIC_GROUP", None):
            return "(?:" + seq(av) + ")"
        if op is C.AT and boundaries and av in (C.AT_BOUNDARY, C.AT_NON_BOUNDARY):
            return r"\b" if av is C.AT_BOUNDARY else r"\B"
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            return ""
        raise Untranslatable(f"operator {op}")

    return seq(P.parse(pattern.pattern, flags))


def _ascii_word(word: str) -> str:
    return "".join(f"[{c.lower()}{c.upper()}]" for c in word)


# ASCII characters outside Python's word class [^\W\d_]: a certain word boundary.
_BOUNDARY = r"[\x00-\x40\x5b-\x60\x7b-\x7f]"
_CONTROL = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x{fffd}]"


class Passthrough:
    """Decides, per batch, which rows ``Pipeline.process`` would return as they are."""

    def __init__(self, max_chars: int) -> None:
        self.max_chars = max_chars
        # Each pattern twice: with RE2's ASCII word boundaries (exact on most rows) and without.
        self.prefilter = [(to_re2(p, boundaries=True), to_re2(p)) for p in cues.PREFILTER]
        self._non_ascii_word = _char_class(r"[^\W\x00-\x7f]", 0)
        stop = sorted(language.STOPWORDS, key=len, reverse=True)
        if language.WORD.pattern != r"[^\W\d_]+" or not all(w.isascii() and w.isalpha() for w in stop):
            raise Untranslatable("the language check changed; update relocalize.passthrough")
        words = "|".join(_ascii_word(w) for w in stop)
        self._stop = f"(?:^|{_BOUNDARY})(?:{words})(?:{_BOUNDARY}|$)"

    def mask(self, texts: pa.Array | pa.ChunkedArray) -> np.ndarray:
        """A boolean array: True where the row certainly passes through unchanged."""
        n = len(texts)
        if n == 0 or not (pa.types.is_string(texts.type) or pa.types.is_large_string(texts.type)):
            return np.zeros(n, dtype=bool)
        chars = pc.utf8_length(texts)
        ok = pc.and_(pc.is_valid(texts), pc.less_equal(chars, self.max_chars))
        ok = pc.and_not(ok, pa.array(self._cued(texts)))
        sample = texts
        if pc.max(chars).as_py() > language.SAMPLE:
            sample = pc.utf8_slice_codeunits(texts, 0, language.SAMPLE)
        ok = pc.and_not(ok, pc.match_substring_regex(sample, _CONTROL))
        keep = ok.fill_null(False).to_numpy(zero_copy_only=False).astype(bool)
        keep &= self._english(sample)
        return keep

    def _cued(self, texts: pa.Array | pa.ChunkedArray) -> np.ndarray:
        """True where some line may match every prefilter pattern: exactly, unless the line holds
        a non-ASCII word character (there RE2's ASCII ``\\b`` differs from Python's and the
        boundaries are dropped)."""
        if isinstance(texts, pa.ChunkedArray):
            texts = texts.combine_chunks()
        split = pc.split_pattern(texts, "\n")
        lines = pc.list_flatten(split)
        row_of = pc.list_parent_indices(split).to_numpy()
        odd = _flags(pc.match_substring_regex(lines, self._non_ascii_word))
        cued = np.ones(len(lines), dtype=bool)
        for exact, wide in self.prefilter:
            hit = np.zeros(len(lines), dtype=bool)
            for rows, pattern in ((np.flatnonzero(cued & ~odd), exact), (np.flatnonzero(cued & odd), wide)):
                if len(rows):
                    hit[rows] = _flags(pc.match_substring_regex(lines.take(pa.array(rows)), pattern))
            cued &= hit
        out = np.zeros(len(texts), dtype=bool)
        out[row_of[cued]] = True
        return out

    def _english(self, sample: pa.Array | pa.ChunkedArray) -> np.ndarray:
        """True where the stop-word share certainly reaches the language check's threshold."""
        s = pl.Series(pl.from_arrow(sample))
        stop = s.str.count_matches(self._stop).fill_null(0).to_numpy().astype(np.float64)
        # Each word starts with an ASCII letter after a non-letter, or with a non-ASCII
        # character; bytes - chars is at least the number of non-ASCII characters.
        runs = s.str.count_matches("[A-Za-z]+").fill_null(0).to_numpy()
        wide = (s.str.len_bytes() - s.str.len_chars()).fill_null(0).to_numpy()
        words = (runs + wide).astype(np.float64)
        with np.errstate(divide="ignore", invalid="ignore"):
            share = np.where(words > 0, stop / np.maximum(words, 1.0), 0.0)
        return (stop >= 1) & (share >= language.MIN_STOPWORD_SHARE)


def _flags(mask: pa.Array | pa.ChunkedArray) -> np.ndarray:
    return mask.fill_null(False).to_numpy(zero_copy_only=False).astype(bool)


@lru_cache(maxsize=8)
def passthrough(max_chars: int) -> Passthrough | None:
    """The gate for ``max_chars``, or None (every row goes through the pipeline) when the
    pipeline's checks cannot be translated, e.g. after a change to ``relocalize.detect``."""
    try:
        return Passthrough(max_chars)
    except (Untranslatable, AttributeError) as exc:
        log.warning("no vectorised pass-through (%s): every row goes through the pipeline", exc)
        return None
