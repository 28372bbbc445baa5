"""A document's title that states what its negated or dropped claims said: dropped with them.

A news report headed "Harbour board sells the ferry to Oslo buyers" whose claims of the sale are dropped or negated
would still assert the sale in its first line; readers reject such a drop. A title line at the top of the document
(before its first sentence, no speaker or header label) that is a clause, shares two words with those claims (one of
them said nowhere else in the document) and contradicts one claim's negation as the verifier reads it, goes with them.
"""

from __future__ import annotations

from collections.abc import Callable

from relocalize.detect import cues
from relocalize.detect.restatements import content_stems
from relocalize.plan import Outcome
from relocalize.provenance import Kind
from relocalize.rewrite.parsers import ParseFn
from relocalize.rewrite.rules import SUBJECTS
from relocalize.spans import Span, heading, opens_turn

_TITLE_WORDS = (3, 16)  # a title's words, fewest and most
_SHARED = 2  # words a title shares with the claims it states
_GONE = frozenset({Kind.DROP, Kind.REWRITE, Kind.WRAP})


def title_lines(doc: str, units: list[Span]) -> list[Span]:
    """The lines at the top of ``doc`` before its first sentence: each a heading of a few words
    (:func:`~relocalize.spans.heading`), no speaker or header label ("Subject: ...", "[09:02] kim: ..."), no part of a
    claim ``units``."""
    out, start = [], 0
    while start < len(doc):
        end = doc.find("\n", start)
        end = len(doc) if end < 0 else end
        line = doc[start:end].strip()
        if line:
            first = start + doc[start:end].index(line)
            span = Span(first, first + len(line))
            if not heading(line, titled=True, most=_TITLE_WORDS[1]) or len(line.split()) < _TITLE_WORDS[0]:
                break
            if opens_turn(doc, span) or any(u.overlaps(span) for u in units):
                break
            out.append(span)
        start = end + 1
    return out


def _verdict(line: str) -> bool:
    """True for a title that calls something false ("Fact check: the ferry story is a hoax"): a verdict on the
    claims, not a statement of them."""
    return cues.has_falsity(line) or cues.has_tag_word(line)


def _clause(parse: ParseFn, line: str) -> bool:
    """True when ``line`` parses as a clause: a verb with a subject ("JPL shelves its lucky peanuts"), not a
    name or a label ("Goethe's palm: from Padua to Weimar")."""
    text = line[0] + line[1:].lower() if line.isupper() else line  # an all-capitals headline parses as names
    graph = next(iter(parse([text], [text])))
    return any(r.upos in ("VERB", "AUX") and graph.children(r, *SUBJECTS) for r in graph.roots())


def restating_titles(
    doc: str, outcomes: list[Outcome], parse: ParseFn, contradicts: Callable[[str, str], bool]
) -> list[Span]:
    """The title lines of ``doc`` that state what its negated or dropped ``outcomes`` said: ``contradicts(title,
    claim)`` when the verifier reads ``title`` as contradicting the negation of a ``claim`` (see the module's
    docstring)."""
    gone = [o.unit.text(doc) for o in outcomes if o.kind in _GONE]
    if not gone:
        return []
    titles = title_lines(doc, [o.unit for o in outcomes])
    claimed = set().union(*(content_stems(u) for u in gone))
    rest, cursor = [], 0  # the text that stays, titles aside
    for span in sorted([*titles, *(o.unit for o in outcomes if o.kind in _GONE)]):
        rest.append(doc[cursor : span.start])
        cursor = max(cursor, span.end)
    elsewhere = content_stems(" ".join([*rest, doc[cursor:]]))
    out = []
    for title in titles:
        text = title.text(doc)
        shared = content_stems(text) & claimed
        if len(shared) < _SHARED or not shared - elsewhere or _verdict(text) or not _clause(parse, text):
            continue
        if any(contradicts(text, claim) for claim in gone if content_stems(claim) & shared):
            out.append(title)
    return out
