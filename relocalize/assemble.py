"""Apply rewrites and removals to a document, keeping every other byte."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from relocalize.plan import Outcome, count_framings
from relocalize.provenance import TEXT_EDITS, EditRecord, Kind, Provenance
from relocalize.spans import (
    Span,
    answered_turn,
    dropped_region,
    emptied_label,
    heading,
    labelled_post,
    opening_label_kept,
    quotes_kept,
    sentence_group_kept,
    unanswered_question,
    whole_item,
)

if TYPE_CHECKING:
    from relocalize.detect.annotations import Annotation


@dataclass(frozen=True)
class DocEdit:
    """Replace ``span`` of the document by ``text`` (a removal when ``text`` is empty)."""

    span: Span
    text: str
    kind: Kind
    method: str
    score: float | None = None
    rule: str = ""  # the rewrite rules, or the checks that refused the preferred forms


def _line_bounds(doc: str, span: Span) -> tuple[int, int]:
    start = doc.rfind("\n", 0, span.start) + 1
    end = doc.find("\n", span.end)
    return start, len(doc) if end == -1 else end


_OPENING_QUOTES = "\"“‘'"
_CLOSING = ".,;:!?…)]}\"'”’*_—–。\u00a0"  # what a marker may be glued to and still take the space before it


def removal_span(doc: str, span: Span) -> Span:
    """Widen a removal over the whitespace that would otherwise be left doubled.

    A span that fills its lines, or all of a list item after its mark ("- (This item is made up.)"), takes its
    line break (and one blank line when it was a paragraph of its own); an inline span takes one neighbouring space.
    """
    span = whole_item(doc, span) or span
    line_start, line_end = _line_bounds(doc, span)
    if not doc[line_start : span.start].strip() and not doc[span.end : line_end].strip():
        end = min(line_end + 1, len(doc))
        if doc[end - 1 : end] != "\n":  # last line: take the break before it instead
            start = line_start
            while start > 0 and doc[start - 1] == "\n":
                start -= 1
            return Span(start, len(doc))
        blank = end
        while blank < len(doc) and doc[blank] in " \t":
            blank += 1
        paragraph_before = line_start == 0 or doc[line_start - 2 : line_start] == "\n\n"
        if paragraph_before and doc[blank : blank + 1] == "\n":
            end = blank + 1
        return Span(line_start, end)
    end = span.end
    while end < line_end and doc[end] in " \t":
        end += 1
    if end > span.end and (span.start == line_start or doc[span.start - 1] in " \t(" + _OPENING_QUOTES):
        return Span(span.start, end)
    opening_quote = doc[end : end + 1] in ('"', "'") and doc[end + 1 : end + 2].isalnum()
    if end == span.end < line_end and (doc[end] not in _CLOSING or opening_quote):
        return span  # glued to the word after it ("news: [[fake]]the page"): the space before stays
    start = span.start
    while start > line_start and doc[start - 1] in " \t":
        start -= 1
    return Span(start, span.end)


def merge_removals(doc: str, spans: list[Span]) -> list[Span]:
    """Join removals on one line separated only by spaces, and a heading's line with the removal on the line under it
    (a section that goes with its heading), so each gap is cleaned once."""
    merged: list[Span] = []
    for s in sorted(spans):
        gap = doc[merged[-1].end : s.start] if merged else "x"
        if (not gap.strip() and "\n" not in gap) or (gap == "\n" and _heading_line(doc, merged[-1])):
            merged[-1] = Span(merged[-1].start, max(merged[-1].end, s.end))
        else:
            merged.append(s)
    return merged


def _heading_line(doc: str, span: Span) -> bool:
    """True for a span that is all of a heading's line ("2021 relocation")."""
    line_start, line_end = _line_bounds(doc, span)
    return Span(line_start, line_end) == span and heading(span.text(doc))


def apply_edits(doc: str, edits: list[DocEdit]) -> tuple[str, list[tuple[DocEdit, Span]]]:
    """Apply non-overlapping edits; return the new text and each edit's output span."""
    out: list[str] = []
    placed: list[tuple[DocEdit, Span]] = []
    cursor = length = 0
    for e in sorted(edits, key=lambda e: (e.span.start, e.span.end)):
        if e.span.start < cursor:
            raise ValueError(f"overlapping edits at {e.span}")
        gap = doc[cursor : e.span.start]
        out.append(gap)
        length += len(gap)
        out.append(e.text)
        placed.append((e, Span(length, length + len(e.text))))
        length += len(e.text)
        cursor = e.span.end
    out.append(doc[cursor:])
    return "".join(out), placed


def _markers_follow(annotations: list[Annotation]) -> bool:
    """True when most of the document's bracketed markers speak of the sentence before them."""
    directions = [a.direction for a in annotations if a.kind == "bracketed"]
    return directions.count("backward") > len(directions) / 2


def assemble(
    doc: str, annotations: list[Annotation], outcomes: list[Outcome], held: set[int] | None = None
) -> tuple[str, Provenance]:
    """``doc`` with the outcomes' edits applied, the governing annotations removed (those of a kept unit stay,
    and those ``held``), dropped units removed with their speaker label, question, bare answer or list label, and
    its provenance."""
    blocked = {g for o in outcomes if o.kind == Kind.KEPT for g in o.governors} | (held or set())
    governing = {g for o in outcomes for g in o.governors}
    removed = [i for i in sorted(governing) if i not in blocked]
    edits: list[DocEdit] = []
    for o in outcomes:
        if o.kind in TEXT_EDITS:
            edits.append(DocEdit(o.unit, o.text, o.kind, o.method, o.score, o.rule))
    marks = [annotations[i].span for i in removed]
    drops = [o for o in outcomes if o.kind == Kind.DROP]
    # each dropped unit, less an opening label whose line stays ("[false] [20:18] tom: <claim> more words")
    dropped = {opening_label_kept(doc, o.unit, [*marks, *(d.unit for d in drops)]): o for o in drops}
    if _markers_follow(annotations):  # a bracket group opening a dropped unit is the sentence before it's
        dropped = {sentence_group_kept(doc, u): o for u, o in dropped.items()}
    removals = marks + list(dropped)
    floor = 0
    groups = merge_removals(doc, removals)
    drop_groups = [dropped_region(doc, g) for g in groups if any(g.contains(u) for u in dropped)]
    for group in groups:
        kind = Kind.DROP if any(group.contains(u) for u in dropped) else Kind.REMOVE_ANNOTATION
        if kind == Kind.DROP:
            group = dropped_region(doc, group)
        asked = unanswered_question(doc, group) if kind == Kind.DROP else None
        if asked is not None and asked.start >= floor and not any(e.span.overlaps(asked) for e in edits):
            group = labelled_post(doc, asked) or asked  # an FAQ's answer: its question goes with it (and its label)
        replied = answered_turn(doc, group) if kind == Kind.DROP else None
        if replied is not None and replied.start >= floor and not any(e.span.overlaps(replied) for e in edits):
            group = replied  # a whole turn and the bare yes or no that answers it
        emptied = emptied_label(doc, group, drop_groups) if kind == Kind.DROP else None
        if emptied is not None and emptied.start >= floor and not any(e.span.overlaps(emptied) for e in edits):
            group = emptied  # all a list label stood over ("2023 —"): the label goes with it
        widened = removal_span(doc, quotes_kept(doc, group))
        widened = Span(max(widened.start, floor), widened.end)  # neighbours may share a line break
        floor = widened.end
        rule = "; ".join(dict.fromkeys(o.rule for u, o in dropped.items() if group.contains(u) and o.rule))
        edits.append(DocEdit(widened, "", kind, "policy" if kind == Kind.DROP else "detector", rule=rule))
    new_text, placed = apply_edits(doc, edits)
    prov = Provenance("rewritten")
    c = prov.counts
    c.annotations_found = len(annotations)
    c.annotations_removed = len(removed)
    c.claims_found = len(outcomes)
    c.rewritten = sum(o.kind == Kind.REWRITE for o in outcomes)
    c.wrapped = sum(o.kind == Kind.WRAP for o in outcomes)
    c.dropped = sum(o.kind == Kind.DROP for o in outcomes)
    c.kept = sum(o.kind == Kind.KEPT for o in outcomes)
    c.localized = sum(o.kind == Kind.LOCALIZE for o in outcomes)
    c.unframed = sum(o.kind == Kind.UNFRAMED for o in outcomes)
    count_framings(prov, annotations)
    c.rejected = sum(o.rejected for o in outcomes)
    if c.kept or c.annotations_removed < c.annotations_found:
        prov.status = "partial"
    prov.edits = [
        EditRecord(
            e.span.start, e.span.end, out.start, out.end, e.span.text(doc), e.text, e.kind, e.method, e.score, e.rule
        )
        for e, out in placed
    ]
    return new_text, prov
