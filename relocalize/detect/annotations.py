"""Find global negations: document notices and inline annotations."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from relocalize.detect import cues
from relocalize.spans import Span, paragraphs, sentences

_BRACKETS = {"[": "]", "(": ")", "{": "}", "<": ">"}
_BRACKET_GROUP = re.compile(r"\[[^\[\]\n]{8,1200}\]|\([^()\n]{8,1200}\)|\{[^{}\n]{8,1200}\}|<[^<>\n]{8,1200}>")
# A notice paragraph is taken whole when at least this share of it is notice talk.
_NOTICE_SHARE = 0.6


@dataclass(frozen=True)
class Annotation:
    """One global negation found in a document.

    ``direction`` is "forward", "backward" or "document" (a notice); ``parts`` are the
    sentences of an unbracketed annotation (one part for bracketed ones and notices).
    """

    span: Span
    direction: str
    kind: str  # "prefix" | "suffix" | "bracketed" | "unbracketed"
    bracket: str = ""
    parts: tuple[Span, ...] = ()


def _on(lines: list[Span], span: Span) -> bool:
    """True when ``span`` lies inside one of ``lines`` (sorted, disjoint)."""
    i = bisect_right(lines, span.start, key=lambda line: line.start) - 1
    return i >= 0 and lines[i].contains(span)


def _bracketed(doc: str, lines: list[Span]) -> list[Annotation]:
    out = []
    for m in _BRACKET_GROUP.finditer(doc):
        if not _on(lines, Span(m.start(), m.end())):
            continue
        inner = m.group()[1:-1]
        direction = cues.is_annotation(inner)
        if direction is None:
            continue
        span = Span(m.start(), m.end())
        bracket = m.group()[0] + _BRACKETS[m.group()[0]]
        out.append(Annotation(span, direction, "bracketed", bracket, (span,)))
    return out


def units(doc: str, skip: list[Span]) -> list[Span]:
    """Sentence/line units of ``doc`` that lie outside the ``skip`` spans."""
    out: list[Span] = []
    cursor = 0
    for s in sorted(skip):
        out.extend(sentences(doc, cursor, s.start))
        cursor = max(cursor, s.end)
    out.extend(sentences(doc, cursor))
    return out


def _notice_run(doc: str, sents: list[Span], from_end: bool) -> list[Span]:
    """The notice sentences at the start (or end) of one paragraph, or []."""
    if not sents:
        return []
    ordered = list(reversed(sents)) if from_end else sents
    texts = [s.text(doc) for s in ordered]
    talk = [cues.is_notice_sentence(t) or cues.has_falsity(t) for t in texts]
    if not any(cues.is_notice_sentence(t) for t in texts):
        return []
    # A prefix opens with its notice sentence, after at most one short label ("False record.").
    lead = 1 if len(texts) > 1 and len(texts[0].split()) <= 5 else 0
    if not from_end and not any(cues.is_notice_sentence(t) for t in texts[: lead + 1]):
        return []
    if sum(talk) / len(talk) >= _NOTICE_SHARE:
        return sents
    run = []
    for span, is_talk in zip(ordered, talk):
        if not is_talk:
            break
        run.append(span)
    return sorted(run)


def _notices(doc: str, unit_list: list[Span]) -> list[Annotation]:
    paras = paragraphs(doc)
    candidates = [(p, i == 1) for i, p in enumerate([paras[0], paras[-1]] if len(paras) > 1 else paras)]
    out = []
    for para, from_end in candidates:
        inside = [u for u in unit_list if para.contains(u)]
        run = _notice_run(doc, inside, from_end)
        if run:
            span = Span(run[0].start, run[-1].end)
            out.append(Annotation(span, "document", "suffix" if from_end else "prefix", "", (span,)))
    return out


_WORD_START = re.compile(r"(?<=\s)[A-Z\"“‘'(]")
_MARKUP = "*_#> \t"


def _annotation_in(doc: str, unit: Span) -> tuple[Span, str] | None:
    """The annotation inside ``unit`` and its direction, or None.

    A line without final punctuation can run straight into an annotation ("GOLD
    MEDAL What was just stated is false."): the annotation then starts at the last
    word start after which the text still reads as an annotation. Markdown emphasis
    around an annotation stays in the document.
    """
    text = unit.text(doc)
    direction = cues.is_annotation(text)
    if direction is None:
        return None
    start = unit.start
    for m in reversed(list(_WORD_START.finditer(text))):
        if cues.is_annotation(text[m.start() :]) and not cues.is_annotation(text[: m.start()]):
            start = unit.start + m.start()
            break
    end = unit.end
    while start < end and doc[start] in _MARKUP:
        start += 1
    while end > start and doc[end - 1] in _MARKUP:
        end -= 1
    return Span(start, end), direction


def _trailing_markup(doc: str, unit: Span) -> int:
    n = 0
    while unit.end - n > unit.start and doc[unit.end - n - 1] in _MARKUP:
        n += 1
    return n


def _same_paragraph(doc: str, a: Span, b: Span) -> bool:
    return "\n" not in doc[a.end : b.start]


def _unbracketed(doc: str, unit_list: list[Span], taken: list[Span]) -> list[Annotation]:
    out: list[Annotation] = []
    for unit in unit_list:
        if any(t.overlaps(unit) for t in taken):
            continue
        found = _annotation_in(doc, unit)
        span, direction = found if found else (unit, None)
        prev = out[-1] if out else None
        adjacent = (
            prev is not None
            and prev.kind == "unbracketed"
            and _same_paragraph(doc, prev.span, span)
            and not doc[prev.span.end : span.start].strip(_MARKUP)
        )
        continues = direction is None and (
            cues.is_continuation(unit.text(doc))
            if prev is not None and prev.direction == "forward"
            else cues.has_falsity(unit.text(doc))
        )
        if adjacent and (direction == prev.direction or continues):
            span = Span(span.start, span.end if direction else unit.end - _trailing_markup(doc, unit))
            out[-1] = Annotation(
                Span(prev.span.start, span.end), prev.direction, "unbracketed", "", (*prev.parts, span)
            )
            continue
        if direction is not None:
            out.append(Annotation(span, direction, "unbracketed", "", (span,)))
    return out


def find_annotations(doc: str) -> list[Annotation]:
    """All notices and inline annotations of ``doc``, in document order."""
    lines = cues.annotation_lines(doc)
    bracketed = _bracketed(doc, lines)
    unit_list = units(doc, [a.span for a in bracketed])
    notices = _notices(doc, unit_list)
    taken = [a.span for a in bracketed + notices]
    # An inline annotation, and any sentence that continues one on its line, lies on a cued line.
    inline = _unbracketed(doc, [u for u in unit_list if _on(lines, u)], taken)
    bracketed = [b for b in bracketed if not any(n.span.contains(b.span) for n in notices)]
    return sorted(notices + bracketed + inline, key=lambda a: a.span)
