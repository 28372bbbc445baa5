"""Split a claim unit into markup, the sentence to rewrite, and trailing markup.

Chat stamps ("[20:56] user:"), list and quote markers, headings and emphasis stay
byte-identical around the edited body.
"""

from __future__ import annotations

import re

from relocalize.spans import ADDRESSEES

# Words that open a sentence and are no name: a determiner or a pronoun ("The", "It", "Our").
_OPENERS = "The|A|An|This|That|These|Those|It|Its|They|Their|We|Our|I|My|You|Your|He|His|She|Her|There|Yes|No"
_PREFIX = re.compile(
    r"^(?:[ \t]*(?:[>#|│┃]+|[-+•*](?=\s)|\d{1,3}[.)](?=\s)|\d{1,2}/(?=[ \t]+\D)|[a-zA-Z][.)](?=\s)|\*\*|__|\*(?=\S)"
    r"|_(?=\S))[ \t]*)*"
    r"(?:\**\[\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?\]\**[ \t]*(?:\**[\w.@-]+\**:\**[ \t]+)?)?"
    r"(?:\*\*|__)?(?:(?:[QA]|Question|Answer)\s*[:.][ \t]+)?"
    # a reply's addressees before a colon or a word that opens a sentence ("@ana, @tom: Fares ...", "@kit The pier
    # ..."), not a subject ("@kit closed it", "@BBC News confirmed ...")
    rf"(?:{ADDRESSEES}(?<=[,:][ \t])(?=[A-Z])|{ADDRESSEES}(?=(?:{_OPENERS})\b))?"
)
# Trailing emphasis, table bars and blanks: stripped from the end (a regex search over a long run of
# "*" would try every way of splitting it).
_SUFFIX_CHARS = " \t*_|│┃"


def split_markup(unit: str) -> tuple[str, str, str]:
    """``(prefix, body, suffix)`` with ``prefix + body + suffix == unit``."""
    start = _PREFIX.match(unit).end()
    end = max(start, len(unit.rstrip(_SUFFIX_CHARS)))
    if end <= start:
        return unit, "", ""
    return unit[:start], unit[start:end], unit[end:]


# Titles a small parser reads as clauses: an emphasised capitalised span ("*Deep Sea Fish*"),
# or a capitalised run with a capitalised subtitle ("Field Notes: Birds of the Coast").
_MINOR = r"(?:of|and|the|for|in|on|to|a|an|with|at|by|or)"
_CAP = r"[A-Z][\w'’.-]*"
_TITLE = re.compile(
    r"(?<![*\w])\*(?=[A-Z])[^*\n]+?(?<!\s)\*(?![*\w])"
    r"|(?<![*\w])_(?=[A-Z])[^_\n]+?(?<!\s)_(?![_\w])"
    rf"|\b{_CAP}(?:\s+(?:{_MINOR}\s+)*{_CAP})+:\s+{_CAP}(?:\s+(?:{_MINOR}\s+)*{_CAP})+"
)


def mask_titles(body: str) -> str | None:
    """``body`` with each title replaced by one same-length word ("Xxxx..."), or None if it has none.

    The parse of the masked text maps onto the original by offsets, as for lower-cased text.
    """
    masked = _TITLE.sub(lambda m: "X" + "x" * (len(m.group()) - 1), body)
    return masked if masked != body else None


def title_spans(body: str) -> list[tuple[int, int]]:
    """Character ranges :func:`mask_titles` replaces."""
    return [m.span() for m in _TITLE.finditer(body)]
