"""Resolve which sentences each inline annotation governs."""

from __future__ import annotations

from dataclasses import dataclass, replace

from relocalize.detect import cues
from relocalize.detect.annotations import Annotation, units
from relocalize.spans import Span


@dataclass(frozen=True)
class Claim:
    """Sentences/lines governed by inline annotations (indices into the annotation list)."""

    units: tuple[Span, ...]
    annotations: tuple[int, ...]

    @property
    def span(self) -> Span:
        return Span(self.units[0].start, self.units[-1].end)


def _units_between(doc: str, all_units: list[Span], start: int, end: int) -> list[Span]:
    return [u for u in all_units if u.start >= start and u.end <= end and _has_words(u.text(doc))]


def _has_words(text: str) -> bool:
    return any(c.isalnum() for c in text)


def resolve_inline(doc: str, annotations: list[Annotation]) -> tuple[list[Annotation], list[Claim]]:
    """Pair forward and backward annotations and return the claims they govern.

    Sandwiches (nested ones included) govern everything between their two halves;
    an unpaired forward annotation governs the next unit, an unpaired backward one
    the previous unit. A two-sentence unbracketed forward annotation whose second
    sentence is all that stands before its backward partner gives that sentence up
    as the claim. Returns the (possibly adjusted) annotations and the claims.
    """
    annotations = list(annotations)
    inline = [i for i, a in enumerate(annotations) if a.direction != "document"]
    all_units = units(doc, [a.span for a in annotations])
    claims: list[Claim] = []
    stack: list[int] = []
    orphans_back: list[int] = []
    for i in inline:
        ann = annotations[i]
        if ann.direction == "forward":
            stack.append(i)
            continue
        if not stack:
            orphans_back.append(i)
            continue
        f = stack.pop()
        between = _units_between(doc, all_units, annotations[f].span.end, ann.span.start)
        fwd = annotations[f]
        if not between and fwd.kind == "unbracketed" and len(fwd.parts) > 1:
            claim_unit = fwd.parts[-1]
            annotations[f] = replace(fwd, span=Span(fwd.span.start, fwd.parts[-2].end), parts=fwd.parts[:-1])
            between = [claim_unit]
        if between:
            claims.append(Claim(tuple(between), (f, i)))
    for f in stack:
        nxt = [u for u in all_units if u.start >= annotations[f].span.end and _has_words(u.text(doc))]
        if nxt:
            claims.append(Claim((nxt[0],), (f,)))
    for b in orphans_back:
        prev = [u for u in all_units if u.end <= annotations[b].span.start and _has_words(u.text(doc))]
        if prev:
            claims.append(Claim((prev[-1],), (b,)))
    claims.sort(key=lambda c: c.span)
    return annotations, claims


def rebuttals(doc: str, annotations: list[Annotation]) -> set[int]:
    """Negations that rebut a claim the document reports rather than asserts: a backward negation,
    with no forward one open before it in its paragraph, right after a sentence that reports
    someone's claim ("A viral post claimed the harbour had closed. That claim is false."). Such a
    fact-check negates nothing only globally, so relocalize leaves it as it is."""
    all_units = units(doc, [a.span for a in annotations])
    out = set()
    for i, a in enumerate(annotations):
        if a.direction != "backward" or a.framing != "negation":
            continue
        start = doc.rfind("\n\n", 0, a.span.start) + 1
        if any(b.direction == "forward" and start <= b.span.start < a.span.start for b in annotations):
            continue
        prev = [u for u in all_units if u.end <= a.span.start and _has_words(u.text(doc))]
        if prev and cues.REPORTED_CLAIM.search(prev[-1].text(doc)):
            out.add(i)
    return out
