"""A document's title that states what its negated or dropped claims said: dropped with them.

A news report headed "Harbour board sells the ferry to Oslo buyers" whose claims of the sale are dropped or negated
would still assert the sale in its first line; readers reject such a drop. A title line at the top of the document
(before its first sentence, no speaker or header label) that is a statement (:func:`_predicate`), shares two words with
those claims (one of them said nowhere else in the document, one in what it says of its subject) and gives no verdict
of its own, goes with them ("Harbour board reports a busy summer" names the claims' subject, not what they say). So
does a statement that shares a word with the claims when the first sentence under it, the lead it sums up, goes
("Old chemist to shut its doors" over "RIGA — The chemist will hand back its licence. [invented]"). A title
that refuses or denies what it names states the claims' negation, and stays. The verifier is no test here: it
reads telegraphic headlines poorly, scoring many that restate a claim well below its threshold."""

from __future__ import annotations

import re

from relocalize.detect import cues
from relocalize.detect.restatements import content_stems
from relocalize.lexicon import REFUSING
from relocalize.plan import Outcome, by_section
from relocalize.provenance import Kind
from relocalize.rewrite.graph import Graph, Token
from relocalize.rewrite.parsers import ParseFn
from relocalize.rewrite.rules import SUBJECTS
from relocalize.spans import LIST_ITEM, Span, heading, opens_turn, sentences

_TITLE_WORDS = (3, 16)  # a title's words, fewest and most
_SHARED = 2  # words a title shares with the claims it states
_GONE = frozenset({Kind.DROP, Kind.REWRITE, Kind.WRAP})
_NUMBERED = re.compile(r"\W{0,2}\d{1,3}[.)](?!\d)")  # "2. Sample tree", "**3)** The lock"
_STAMPED = re.compile(r"\W{0,3}[\[(][^\])\n]*\d{1,2}:\d{2}")  # a chat log's line ("[12 Oct 15:59] mike: ...")
# A title's last part after a dash, colon or bar, of three words at most: the document's kind, when its last word
# names one ("— VISITOR FAQ", ": frequently asked questions", "| meeting notes").
_GENRE_LABEL = re.compile(r"(?:\s[-–—|]|:)\s+(?:[\w'’-]+\s+){0,2}([\w'’-]+)[\W_]*$")


def title_lines(doc: str, units: list[Span]) -> list[Span]:
    """The lines at the top of ``doc`` before its first sentence: each a heading of a few words
    (:func:`~relocalize.spans.heading`), no speaker or header label ("Subject: ...", "[09:02] kim: ...") nor a chat
    log's stamp, no part of a claim ``units``; a line of a word or two above them labels the page ("PRESS RELEASE")."""
    out, start = [], 0
    while start < len(doc):
        end = doc.find("\n", start)
        end = len(doc) if end < 0 else end
        line = doc[start:end].strip()
        if line:
            first = start + doc[start:end].index(line)
            span = Span(first, first + len(line))
            if not heading(line, titled=True, most=_TITLE_WORDS[1]) or opens_turn(doc, span) or _STAMPED.match(line):
                break
            if any(u.overlaps(span) for u in units):
                break
            if len(line.split()) >= _TITLE_WORDS[0]:  # a shorter line above it labels the page ("PRESS RELEASE")
                out.append(span)
        start = end + 1
    return out


def _verdict(line: str) -> bool:
    """True for a title that calls something false ("Fact check: the ferry story is a hoax"): a verdict on the
    claims, not a statement of them."""
    return cues.has_falsity(line) or cues.has_tag_word(line)


def _predicate(parse: ParseFn, line: str, misread: bool = False) -> str:
    """The predicate of ``line`` when it parses as a statement: a verb with a subject ("JPL shelves its lucky
    peanuts" -> "shelves its lucky peanuts"), not a name or a label ("Goethe's palm: from Padua to Weimar"), a
    document described ("Minutes of meeting held 16 August", "Field Museum — visitor review ★★★★★", "Pier Days 2025:
    frequently asked questions") nor a refusal or a denial of what it names ("Board refuses to sell the ferry": the
    claims' negation); else "". A negated one may state a false removal ("Blossom, it turns out, was not Blossom") and
    counts. With ``misread``, a headline verb the parser read as a plural noun counts too (:func:`_misread_verb`)."""
    if (label := _GENRE_LABEL.search(line)) and cues.names_genre(label.group(1)):  # "PIER DAYS 2025 — VISITOR FAQ"
        head = line[: label.start()].strip()  # what the label labels, its own capitals' names kept ("ROYAL SHOW")
        return _predicate(parse, head.title() if head.isupper() else head) if head else ""
    text = line[0] + line[1:].lower() if line.isupper() else line  # an all-capitals headline parses as names
    graph = next(iter(parse([text], [text])))
    for top in graph.roots():
        root, subjects = top, graph.children(top, *SUBJECTS)
        if (future := _headline_future(graph, top)) is not None:  # "Museum to close its doors": the noun is its subject
            root, subjects = future, [top]
        if root.upos not in ("VERB", "AUX") or not root.text.isalpha() or not subjects:
            continue
        if any(cues.names_genre(s.text) for s in subjects) or root.lemma in REFUSING:
            continue
        predicate = graph.subtree(root)
        said = {t.i for s in subjects for t in graph.subtree(s)}
        if future is not None:  # the subject's subtree holds the verb hung on it
            said -= {t.i for t in predicate}
        return " ".join(t.text for t in predicate if t.i not in said)
    return _misread_verb(graph) if misread else ""


def _misread_verb(graph: Graph) -> str:
    """The predicate of a headline whose verb the parser read as a plural noun ("Harbour's oldest ferry swaps Oban for
    Mull"): a lower-case root in "-s" with words before it and, right after it, a noun it takes as its object, not
    one joined to it ("news and notes") nor a preposition ("memories from Riga", where "heads to Glasgow" is lost
    too); else ""."""
    for root in graph.roots():
        after = [
            c
            for c in graph.children(root)
            if c.i > root.i and c.upos in ("NOUN", "PROPN") and c.dep not in ("conj", "cc", "prep")
        ]
        before = [c for c in graph.children(root) if c.i < root.i]
        nxt = graph.tokens[root.i + 1] if root.i + 1 < len(graph.tokens) else None
        plural = root.upos == "NOUN" and root.text.islower() and root.text.endswith("s") and root.lower not in _MASS
        if plural and before and after and nxt is not None and nxt.upos != "PUNCT":  # not "Pier rules, in brief"
            return " ".join(t.text for t in graph.tokens[root.i :])
    return ""


# Nouns in "-s" that are no verb: a headline's "Durand Cup news from Shimla" labels, it does not state.
_MASS = frozenset("news series species means physics politics economics athletics mathematics".split())  # noqa: SIM905


def _headline_future(graph: Graph, root: Token) -> Token | None:
    """The verb of a headline's "X to VERB" ("Council to sell the old pier") that the parser hung on the noun."""
    if root.upos not in ("NOUN", "PROPN"):
        return None
    verbs = [c for c in graph.children(root, "acl", "advcl", "relcl") if c.upos == "VERB" and c.i > root.i]
    return next((v for v in verbs if any(a.lower == "to" for a in graph.children(v, "aux"))), None)


def restating_titles(doc: str, outcomes: list[Outcome], parse: ParseFn) -> list[Span]:
    """The title lines of ``doc`` that state what its negated or dropped ``outcomes`` said (see the module's
    docstring)."""
    gone = [o.unit.text(doc) for o in outcomes if o.kind in _GONE]
    if not gone:
        return []
    titles = title_lines(doc, [o.unit for o in outcomes])
    claimed = set().union(*(content_stems(u) for u in gone))
    units = [o.unit for o in outcomes if o.kind in _GONE]
    elsewhere = content_stems(_staying(doc, [*titles, *units]))  # the text that stays, titles aside
    led = bool(titles) and _lead_gone(doc, titles[-1], units)
    out = []
    for title in titles:
        text = title.text(doc)
        shared = content_stems(text) & claimed
        if not shared or _verdict(text):
            continue
        named = bool(len(shared) >= _SHARED and shared - elsewhere)  # two words of the claims, one said nowhere else
        predicate = _predicate(parse, text, misread=led and named)  # over a lead gone, a verb misread as a noun too
        if predicate and (led or (named and content_stems(predicate) & claimed)):
            out.append(title)
    return out


def _lead_gone(doc: str, title: Span, gone: list[Span]) -> bool:
    """True when the first sentence under the last title line (a report's lead, "TALLINN — The pharmacy will ...")
    is part of a claim that goes: a headline sums up its lead."""
    short = [s for s in sentences(doc, title.end) if not (heading(s.text(doc)) and len(s.text(doc).split()) < 3)]
    lead = next(iter(short), None)  # past a page label under the title ("UPDATED")
    return lead is not None and any(u.overlaps(lead) for u in gone)


def restating_headings(doc: str, outcomes: list[Outcome]) -> list[Span]:
    """The headings of sections whose every claim was negated or dropped (one at least negated or wrapped: a section
    of drops alone keeps its claims) when the heading names what only those claims said ("The hotel years" over "It
    is not true that the pier was sold to a hotel chain."): it would still announce them."""
    gone = [o.unit for o in outcomes if o.kind in _GONE]
    out = []
    for body, filling in by_section(outcomes).items():
        if not all(o.kind in _GONE for o in filling) or all(o.kind == Kind.DROP for o in filling):
            continue
        start = doc.rfind("\n", 0, body.start) + 1  # the body starts where its heading's line ends
        line = doc[start : body.start].strip()
        if not line or LIST_ITEM.match(line) or _NUMBERED.match(line):  # a numbered heading: the list would skip it
            continue
        first = start + doc[start : body.start].index(line)
        head = Span(first, first + len(line))
        claimed = set().union(*(content_stems(o.unit.text(doc)) for o in filling))
        if (content_stems(line) & claimed) - content_stems(_staying(doc, [head, *gone])):
            out.append(head)
    return out


def _staying(doc: str, removed: list[Span]) -> str:
    """The text of ``doc`` outside ``removed``."""
    out, cursor = [], 0
    for span in sorted(removed):
        out.append(doc[cursor : span.start])
        cursor = max(cursor, span.end)
    return " ".join([*out, doc[cursor:]])
