"""Apply rewrites and removals to a document, keeping every other byte."""

from __future__ import annotations

from dataclasses import dataclass

from relocalize.spans import Span


@dataclass(frozen=True)
class DocEdit:
    """Replace ``span`` of the document by ``text`` (a removal when ``text`` is empty)."""

    span: Span
    text: str
    kind: str  # "rewrite" | "wrap" | "drop" | "remove_annotation"
    method: str
    score: float | None = None


def _line_bounds(doc: str, span: Span) -> tuple[int, int]:
    start = doc.rfind("\n", 0, span.start) + 1
    end = doc.find("\n", span.end)
    return start, len(doc) if end == -1 else end


def removal_span(doc: str, span: Span) -> Span:
    """Widen a removal over the whitespace that would otherwise be left doubled.

    A span that fills its lines takes its line break (and one blank line when it
    was a paragraph of its own); an inline span takes one neighbouring space.
    """
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
    if end > span.end and (span.start == line_start or doc[span.start - 1] in " \t("):
        return Span(span.start, end)
    start = span.start
    while start > line_start and doc[start - 1] in " \t":
        start -= 1
    return Span(start, span.end)


def merge_removals(doc: str, spans: list[Span]) -> list[Span]:
    """Join removals on one line separated only by spaces, so each gap is cleaned once."""
    merged: list[Span] = []
    for s in sorted(spans):
        gap = doc[merged[-1].end : s.start] if merged else "x"
        if not gap.strip() and "\n" not in gap:
            merged[-1] = Span(merged[-1].start, max(merged[-1].end, s.end))
        else:
            merged.append(s)
    return merged


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
