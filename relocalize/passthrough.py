"""Rows that :meth:`Pipeline.process` would return untouched, found for a whole batch in Arrow.

``Pipeline.process`` leaves a document alone (status ``unchanged``, no message) when it is a
non-blank string of at most ``max_chars`` characters in which the framing screen
(:data:`relocalize.detect.framing.SCREEN`) finds no word, whatever its language (the language
check runs only on documents with a cue). Running the screen in Python costs a few MB/s; here it
runs vectorised, conservatively: a row passes through only when it certainly meets the checks.
The screen pattern is translated to RE2 from its parsed form, with every character class
enumerated from Python's own ``re``; word boundaries are kept (RE2's are ASCII, the same as
Python's on a string with no non-ASCII letter or digit), other zero-width assertions dropped and
long counted repeats left open, which only widens it; strings with a non-ASCII word character
get the translation with boundaries dropped too.

Every other row goes through ``Pipeline.process``, so the output is the same either way
(``tests/test_cli_passthrough.py`` compares the two).
"""

from __future__ import annotations

import logging
import re
import sys
from functools import cache, lru_cache
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from relocalize.detect.framing import SCREEN
from relocalize.spans import TEXT_CHAR

log = logging.getLogger("relocalize")

if sys.version_info >= (3, 11):
    from re import _constants as C
    from re import _parser as P
else:  # pragma: no cover
    import sre_constants as C
    import sre_parse as P

# Counted repeats with a larger upper bound are translated without it: RE2's automaton for
# "[^.;]{0,80}" inside an alternation of many words is several times slower than "[^.;]*".
_MAX_BOUND = 8


class Untranslatable(ValueError):
    """A Python pattern with no RE2 counterpart (a back-reference, inline flags)."""


@lru_cache(maxsize=1)
def _planes() -> tuple[tuple[int, str], ...]:
    """Every code point but the surrogates: (first code point, string of the following ones) pairs."""
    spans = ((0, 0xD800), (0xE000, 0x110000))
    return tuple((lo, np.arange(lo, hi, dtype=np.uint32).tobytes().decode("utf-32-le")) for lo, hi in spans)


@lru_cache(maxsize=1)
def _ascii_partners() -> str:
    """Every character that matches some ASCII character under ``re.IGNORECASE`` (and ASCII)."""
    return "".join(c for _, chars in _planes() for c in re.findall(r"[\x00-\x7f]", chars, re.IGNORECASE))


@cache
def _char_class(source: str, flags: int, ascii_items: bool = False) -> str:
    """The RE2 class of exactly the characters Python's ``source`` (one character) matches under ``flags``.

    With ``ascii_items`` (``source`` lists ASCII characters and ranges only, not negated) just
    the characters that can match one of them are tried.
    """
    if ascii_items:
        runs = [(ord(c), ord(c)) for c in re.findall(source, _ascii_partners(), flags)]
    else:
        runs = [
            (lo + m.start(), lo + m.end() - 1)
            for lo, chars in _planes()
            for m in re.finditer(f"(?:{source})+", chars, flags)
        ]
    if not runs:
        return r"[^\x{0}-\x{10ffff}]"
    ranges = [list(runs[0])]
    for a, b in runs[1:]:
        if ranges[-1][1] == a - 1:
            ranges[-1][1] = b
        else:
            ranges.append([a, b])
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
    """Python source of a parsed character class (its items, as ``re._parser`` gives them)."""
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


def _ascii_item(op: Any, av: Any) -> bool:
    """True for a class item that names ASCII characters only (a literal or a range)."""
    return (op is C.LITERAL and av < 0x80) or (op is C.RANGE and av[1] < 0x80)


def to_re2(pattern: re.Pattern[str], boundaries: bool = False) -> str:
    """An RE2 pattern that finds a match in every string ``pattern.search`` does.

    Character sets are exact; zero-width assertions are dropped and counted repeats bounded
    above :data:`_MAX_BOUND` left open (a superset); anything else without a counterpart
    raises :class:`Untranslatable`. With ``boundaries``, ``\\b``
    and ``\\B`` are kept as RE2's ASCII ones: the same as Python's on strings whose
    non-ASCII characters are all non-word characters (``Passthrough`` finds the others).
    """
    flags = pattern.flags
    if flags & (re.ASCII | re.LOCALE) or not isinstance(pattern.pattern, str):
        raise Untranslatable("only Unicode str patterns are translated")

    def chars(source: str, ascii_items: bool = False) -> str:
        return _char_class(source, flags & (re.IGNORECASE | re.DOTALL), ascii_items)

    def seq(items: Any) -> str:
        return "".join(node(op, av) for op, av in items)

    def node(op: Any, av: Any) -> str:
        if op is C.LITERAL:
            return chars(re.escape(chr(av)), av < 0x80)
        if op is C.NOT_LITERAL:
            return chars("[^" + re.escape(chr(av)) + "]")
        if op is C.IN:
            return chars(_class_source(av), all(_ascii_item(o, a) for o, a in av))
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
            bound = f"{{{lo},}}" if hi is C.MAXREPEAT or hi > _MAX_BOUND else f"{{{lo},{hi}}}"
            return "(?:" + seq(sub) + ")" + bound
        if op is getattr(C, "ATOMIC_GROUP", None):
            return "(?:" + seq(av) + ")"
        if op is C.AT and boundaries and av in (C.AT_BOUNDARY, C.AT_NON_BOUNDARY):
            return r"\b" if av is C.AT_BOUNDARY else r"\B"
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            return ""
        raise Untranslatable(f"operator {op}")

    return seq(P.parse(pattern.pattern, flags))


class _Cue:
    """One prefilter pattern in RE2: with ASCII word boundaries (exact on strings without a
    non-ASCII word character) and without them (for the other strings)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.exact = to_re2(pattern, boundaries=True)
        self.wide = to_re2(pattern)


class Passthrough:
    """Decides, per batch, which rows ``Pipeline.process`` would return as they are.

    A process that forks should build its own, as the CLI's spawned workers do.
    """

    def __init__(self, max_chars: int) -> None:
        self.max_chars = max_chars
        self.screen = _Cue(SCREEN)
        self._non_ascii_word = _char_class(r"[^\W\x00-\x7f]", 0)
        self._text = to_re2(TEXT_CHAR)

    def mask(self, texts: pa.Array | pa.ChunkedArray) -> np.ndarray:
        """A boolean array: True where the row certainly passes through unchanged."""
        n = len(texts)
        if n == 0 or not (pa.types.is_string(texts.type) or pa.types.is_large_string(texts.type)):
            return np.zeros(n, dtype=bool)
        if isinstance(texts, pa.ChunkedArray):
            texts = texts.combine_chunks()
        chars = pc.utf8_length(texts)
        keep = _flags(pc.and_(pc.less_equal(chars, self.max_chars), pc.match_substring_regex(texts, self._text)))
        return keep & ~self._cued(texts)

    def _cued(self, texts: pa.Array) -> np.ndarray:
        """True where the framing screen may match (see :mod:`relocalize.detect.framing`)."""
        odd = _matches(texts, self._non_ascii_word)
        return self._search(texts, self.screen, np.ones(len(texts), dtype=bool), odd)

    @staticmethod
    def _search(strings: pa.Array, cue: _Cue, where: np.ndarray, odd: np.ndarray) -> np.ndarray:
        """True where ``cue`` may match one of the ``where`` strings; False elsewhere."""
        hit = np.zeros(len(strings), dtype=bool)
        for subset, source in ((where & ~odd, cue.exact), (where & odd, cue.wide)):
            count = subset.sum()
            if count > len(strings) // 2:  # cheaper than copying most strings out
                hit |= subset & _matches(strings, source)
            elif count:
                hit[subset] = _matches(strings.filter(pa.array(subset)), source)
        return hit


def _matches(strings: pa.Array, source: str) -> np.ndarray:
    """True where RE2 ``source`` matches (False for nulls)."""
    return _flags(pc.match_substring_regex(strings, source))


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
