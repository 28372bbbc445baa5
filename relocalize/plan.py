"""A document's working state between the steps, and the rules for cut sentences.

:class:`Outcome` is what happens to one claim unit; :class:`Plan` is one document between
detection and decision; :class:`Doc` carries a document through the steps and :class:`DocBatch` is
what every step takes and returns.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from relocalize.detect.annotations import Annotation, units
from relocalize.provenance import TEXT_EDITS, Kind, Provenance
from relocalize.rewrite.rewriter import Candidate
from relocalize.spans import Span, continuation, cut_at_abbreviation


@dataclass
class Outcome:
    """What happened to one claim unit."""

    unit: Span
    governors: set[int] = field(default_factory=set)
    kind: Kind = Kind.KEPT
    text: str = ""
    method: str = ""
    score: float | None = None
    rejected: bool = False
    final: bool = False  # decided before any rewriting (a hard-wrapped line is kept as it is)
    mid_sentence: bool = False  # the unit continues a sentence ("..., and X"): no wrapper in front of it
    after_cut: bool = False  # ... that an annotation cut at an abbreviation ("on Oct. [False.] 8 ...")
    cut: bool = False  # the unit ends at an abbreviation and its sentence goes on: never dropped alone
    in_quote: bool = False  # the unit starts inside a quotation: nothing may be put in front of it
    splits_quote: bool = False  # the unit holds one end of a quotation: dropping it leaves the other
    entry: bool = False  # the unit is a dated entry ("June 2020 — X"): negated, it would list a non-event
    lone_turn: bool = False  # all of one speaker's turn between two of another's: dropped, they would talk twice
    whole_item: bool = False  # all of a numbered item the list goes on after, or all but its title: not dropped
    section: Span | None = None  # the body of the headed section that the unit fills with other claims
    named_section: bool = False  # the unit is in a section a notice names by its heading: the section goes whole
    leaned_on_by: list[Span] = field(default_factory=list)  # later sentences that lean on it ("It ...", "the otters")
    title: bool = False  # the short sentence that opens a numbered item the list goes on explaining: a title
    presupposes: str = ""  # a definite phrase naming what only the false event has: negated or wrapped, it stays
    writer: str = ""  # the writer's own part in the event ("I voted against"): negated or wrapped, the event stays
    negative_detail: str = ""  # the negator of a negative claim after another ("Nobody"): made positive, a new detail
    wh_question: str = ""  # the wh-question whose answer the unit opens ("When does it reopen?"): negated, none
    agreed: bool = False  # the next sentence or reply agrees ("Agreed.") or asks why: negated, it would make no sense
    reported: str = ""  # such a phrase in a reported clause ("they said the refit cost ..."): wrapped, it stays
    tail: str = ""  # the rest of a cut sentence, decided with the unit (its edit must leave it as it is)
    rest: list[Outcome] = field(default_factory=list)  # the units that hold that rest
    policy: str = "negate"  # Options.policy of the framing that governs the unit
    rule: str = ""  # the rules that made the rewrite, or what refused each form tried (registry names, stages)


@dataclass
class Plan:
    """One document between detection and decision: its units and their candidates."""

    doc: str
    annotations: list[Annotation]
    outcomes: dict[Span, Outcome]
    candidates: dict[Span, Candidate]
    learned: dict[Span, Candidate] = field(default_factory=dict)
    held: set[int] = field(default_factory=set)  # annotations that stay whatever their claims' outcomes


# Verifier results of one batch: (original, rewrite, method) -> (passed, score, the stage that rejected it).
Scores = dict[tuple[str, str, str], tuple[bool, float | None, str]]


@dataclass
class Doc:
    """One document through the steps: its input, what the steps found, and its result once decided.

    A step that decides the document sets ``result`` (the text and its provenance); later steps skip it.
    """

    text: object
    claims: object = None  # the row's ``claims`` value, as given
    result: tuple[object, Provenance] | None = None
    given: list[str] = field(default_factory=list)  # ``claims`` checked: the claims stated for the document
    annotations: list[Annotation] = field(default_factory=list)  # the framings to act on
    kept: list[Annotation] = field(default_factory=list)  # framings whose policy is "keep"
    plan: Plan | None = None
    found: list[Span] = field(default_factory=list)  # what the detector found (input offsets), for observers
    claim_units: list[Span] = field(default_factory=list)
    restated: list[Span] = field(default_factory=list)

    def finish(self, text: object, prov: Provenance) -> None:
        """Decide the document: ``text`` with ``prov``, the kept framings counted."""
        count_framings(prov, self.kept)
        self.result = text, prov


@dataclass
class DocBatch:
    """The documents of one batch and the verifier results they share (pairs are scored one at a
    time, so a stored score is the score any batch would give)."""

    docs: list[Doc]
    scores: Scores = field(default_factory=dict)

    def pending(self) -> list[Doc]:
        return [d for d in self.docs if d.result is None]

    def planned(self) -> list[Plan]:
        return [plan for _, plan in self.with_plans()]

    def with_plans(self) -> list[tuple[Doc, Plan]]:
        """The pending documents that have a plan, each with it."""
        return [(d, d.plan) for d in self.pending() if d.plan is not None]


def join_cut_sentences(doc: str, outcomes: dict[Span, Outcome], skip: list[Span]) -> None:
    """A sentence that annotations (``skip``) cut at abbreviations ("at 6:15 a.m. [False.] on Oct.
    [False.] 14 it erupted.") is decided as one: its first unit carries the rest as ``tail`` (the
    rest's units, with the annotations gone, joined by spaces) and the units that hold the rest, governed
    by the same annotations when nothing else governs them, wait for its outcome."""
    every = units(doc, skip)
    for head in sorted(outcomes.values(), key=lambda o: o.unit):
        if not head.cut or head.after_cut or head.final:
            continue
        rest = []
        for unit in every[every.index(head.unit) + 1 :]:
            o = outcomes.get(unit) or Outcome(unit, set(head.governors))
            if continuation(doc, unit, skip) != "abbreviation" or o.final:
                break
            o.after_cut, o.mid_sentence, o.cut = True, True, cut_at_abbreviation(doc, unit, skip)
            outcomes[unit] = o
            rest.append(o)
            if not o.cut:
                break
        if rest and not rest[-1].cut:  # the sentence ends inside the governed units
            head.tail = "".join(" " + o.unit.text(doc) for o in rest)
            head.rest = rest
            for o in rest:
                o.kind, o.method, o.final = Kind.KEPT, "mid_sentence", True


def settle_cut(outcome: Outcome) -> None:
    """The outcome of a cut sentence, split over its units: a stance or a wrapper in front of it, or a
    negation inside its first unit, stays on that unit (the rest reads on unchanged once the
    annotations are gone); a drop takes every unit; an edit that changed the rest is not applied."""
    if not outcome.rest:
        return
    if outcome.kind in TEXT_EDITS and outcome.text.endswith(outcome.tail):
        outcome.text = outcome.text[: len(outcome.text) - len(outcome.tail)]
        for o in outcome.rest:
            o.kind, o.method = Kind.UNFRAMED, "covered"
    elif outcome.kind == Kind.DROP:
        for o in outcome.rest:
            o.kind, o.method = Kind.DROP, outcome.method
    else:
        outcome.kind, outcome.method = Kind.KEPT, "mid_sentence"


def governing(annotations: list[Annotation], governors: set[int]) -> Annotation:
    """The framing that decides a unit's policy: its first inline annotation, else its first notice."""
    ordered = [annotations[g] for g in sorted(governors)]
    return next((a for a in ordered if a.direction != "document"), ordered[0])


def count_framings(prov: Provenance, annotations: list[Annotation]) -> None:
    for a in annotations:
        name = f"framing_{a.framing}"
        setattr(prov.counts, name, getattr(prov.counts, name) + 1)


def claim_list(claims: object) -> list[str]:
    if claims is None:
        return []
    if isinstance(claims, str):
        return [claims] if claims.strip() else []
    if isinstance(claims, (list, tuple)):
        return [c for c in claims if isinstance(c, str) and c.strip()]
    raise TypeError(f"claims must be a string or a list of strings, not {type(claims).__name__}")


_NEGATED = frozenset({Kind.REWRITE, Kind.WRAP})  # what would read as the opposite of the annotation it sits under


def keep_with_annotations(outcomes: list[Outcome], notices: set[int]) -> None:
    """A claim stays as it was while an inline annotation that governs it stays. An annotation stays
    when a claim it governs is kept; a claim negated beside it (rewritten or wrapped) would then sit
    under "the following is false" saying the opposite, and a second pass would negate it back (a drop
    leaves nothing behind, a stance agrees with the annotation). Repeated until nothing
    changes. A document notice (``notices``) that stays does not hold the other claims back: it names no
    sentence, and keeping every claim of the document for one would undo the whole document."""
    blocked = {g for o in outcomes if o.kind == Kind.KEPT for g in o.governors} - notices
    changed = True
    while changed:
        changed = False
        for o in outcomes:
            if o.kind in _NEGATED and o.governors & blocked:
                o.kind, o.method, o.text = Kind.KEPT, "annotation_kept", ""
                blocked |= o.governors - notices
                changed = True


def by_section(outcomes: list[Outcome]) -> dict[Span, list[Outcome]]:
    """The outcomes that fill a headed section, by the section's body."""
    sections: dict[Span, list[Outcome]] = {}
    for o in outcomes:
        if o.section is not None:
            sections.setdefault(o.section, []).append(o)
    return sections


def keep_headed(outcomes: list[Outcome]) -> None:
    """The claims that fill a headed section stay, with their annotations, when the fallback would drop every one
    of them: the heading would head nothing. One of them rewritten, wrapped or kept lets the others go."""
    for filling in by_section(outcomes).values():
        if all(o.kind == Kind.DROP for o in filling):
            for o in filling:
                if o.method == "policy":
                    o.kind, o.method = Kind.KEPT, "section"


def keep_leaned_on(outcomes: list[Outcome]) -> None:
    """A claim the fallback would drop stays, with its annotations, while a sentence that leans on it stays: the
    drop would leave "It ...", "the otters" or a question's answer pointing at nothing. A claim that leans on it and
    stays, negated, wrapped or kept ("It was lowered in three pieces." after "The spire was removed."), keeps it too.
    Repeated until nothing changes, as a claim kept so may be the answer to a question."""
    changed = True
    while changed:
        dropped = [o.unit for o in outcomes if o.kind == Kind.DROP]
        changed = False
        for o in outcomes:
            if o.kind != Kind.DROP or o.method != "policy":
                continue
            if any(not any(s.overlaps(d) for d in dropped) for s in o.leaned_on_by):
                o.kind, o.method, changed = Kind.KEPT, "leaned_on", True
