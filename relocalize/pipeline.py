"""One document through detect -> rewrite -> verify -> assemble."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import cast

from relocalize.assemble import DocEdit, apply_edits, merge_removals, removal_span
from relocalize.detect.annotations import Annotation, find_annotations, may_hold_annotations, units
from relocalize.detect.claims import rebuttals, resolve_inline
from relocalize.detect.language import unsupported_reason
from relocalize.detect.restatements import claim_parts, find_restatements
from relocalize.models import Models
from relocalize.options import Options
from relocalize.provenance import TEXT_EDITS, EditRecord, Provenance
from relocalize.rewrite.rewriter import Candidate
from relocalize.rewrite.surface import mask_titles
from relocalize.rewrite.wrap import Opener, stance
from relocalize.spans import (
    Span,
    between_turns_of_one_speaker,
    continuation,
    cut_at_abbreviation,
    entry_label,
    hard_wrapped,
    inside_quotation,
    speaker_turn,
    token_count,
    unanswered_question,
    unbalanced_quotes,
)
from relocalize.verify import grammar, guards, structure

_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class Outcome:
    """What happened to one claim unit."""

    unit: Span
    governors: set[int] = field(default_factory=set)
    kind: str = "kept"  # "rewrite" | "wrap" | "localize" | "unframed" | "drop" | "kept"
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
    tail: str = ""  # the rest of a cut sentence, decided with the unit (its edit must leave it as it is)
    rest: list[Outcome] = field(default_factory=list)  # the units that hold that rest
    policy: str = "negate"  # Options.policy of the framing that governs the unit


@dataclass
class Plan:
    """One document between detection and decision: its units and their candidates."""

    doc: str
    annotations: list[Annotation]
    outcomes: dict[Span, Outcome]
    candidates: dict[Span, Candidate]
    learned: dict[Span, Candidate] = field(default_factory=dict)
    kept_framings: list[Annotation] = field(default_factory=list)  # framings whose policy is "keep"


# Verifier results of one batch: (original, rewrite, method) -> (passed, score).
Scores = dict[tuple[str, str, str], tuple[bool, float | None]]


class Pipeline:
    """Relocalizes single documents with models loaded once per process."""

    def __init__(self, options: Options, models: Models) -> None:
        self.options = options
        self.models = models
        self._negations: dict[str, str] = {}  # given claims recur across a corpus: negate each once

    # -- verification -------------------------------------------------------
    def _verified(self, original: str, rewrite: str | None, method: str, scores: Scores) -> tuple[bool, float | None]:
        if rewrite is None or guards.check(original, rewrite) is not None:
            return False, None
        key = (original, rewrite, method)
        if key not in scores and self.malformed(original, rewrite):
            scores[key] = (False, None)
        if key not in scores:  # pairs are scored one at a time, so a stored score is the same score
            score = self.models.verifier.contradiction(original, rewrite)
            scores[key] = (score >= self.models.thresholds[method], score)
        return scores[key]

    def malformed(self, original: str, rewrite: str) -> str | None:
        """Why ``rewrite`` is not a well-formed negation of ``original``'s claim, checked on a parse of each:
        grammar (:mod:`~relocalize.verify.grammar`), then scope (:mod:`~relocalize.verify.structure`)."""
        texts = [mask_titles(t) or t for t in (original, rewrite)]  # titles parse as one word, as in the rules
        claim, new = self.models.parse(texts, texts)
        return grammar.check(new) or structure.check(claim, new)

    def decide(
        self, outcome: Outcome, cand: Candidate, learned: Candidate | None = None, scores: Scores | None = None
    ) -> None:
        """Set ``outcome`` to the first verified in-place rewrite (in backend order), else the
        wrapper, else the ``on_failure`` policy; an outcome already ``final`` stays as it is. A unit that
        continues a sentence gets no wrapper and, without a rewrite, is kept.

        ``learned`` is the seq2seq candidate of the same unit when it was generated in advance;
        otherwise it is generated here when needed. ``scores`` keeps verifier results for reuse
        within one batch.
        """
        if outcome.final:
            return
        if outcome.policy == "remove":
            outcome.kind, outcome.method = "unframed", "policy"
            return
        if outcome.policy == "localize":
            self._localize(outcome, cand)
            return
        scores = {} if scores is None else scores
        # a quotation's words are the speaker's; a dated entry negated lists a non-event
        for method in () if outcome.in_quote or outcome.entry else self._backends():
            if method == "seq2seq" and learned is None:
                learned = self.models.seq2seq.candidates([cand.full(cand.body)])[0]
            text = cand.rule if method == "rule" else learned.rule
            ok, score = self._verified(cand.body, text, method, scores)
            if ok:
                outcome.kind, outcome.text, outcome.method, outcome.score = "rewrite", cand.full(text), method, score
                return
            outcome.rejected = outcome.rejected or text is not None
        wrapped = None if outcome.mid_sentence or outcome.in_quote or outcome.entry else cand.wrapped
        ok, score = self._verified(cand.body, wrapped, "wrap", scores)
        if ok:
            outcome.kind, outcome.text, outcome.method, outcome.score = "wrap", cand.full(cand.wrapped), "wrap", score
            return
        self._fall_back(outcome, "wrap", cand.full(cand.forced_wrap()))

    def _localize(self, outcome: Outcome, cand: Candidate) -> None:
        """The unit under its framing's stance ("In the story, ..."), checked on a re-parse, else the
        ``on_failure`` policy (``"wrap"`` forces the stance, never a negation the document did not make)."""
        opener = cand.opener
        if opener is None:
            raise ValueError("a unit to localize has no stance")
        text = cand.localized
        if text is not None and not (outcome.mid_sentence or outcome.in_quote) and self._well_formed(text):
            outcome.kind, outcome.text, outcome.method = "localize", cand.full(text), f"localize:{opener.kind}"
            return
        self._fall_back(outcome, "localize", cand.full(text or opener.text + cand.body), opener.kind)

    def _well_formed(self, text: str) -> bool:
        masked = mask_titles(text) or text
        return grammar.check(next(iter(self.models.parse([masked], [masked])))) is None

    def _fall_back(self, outcome: Outcome, kind: str, forced: str, framing: str = "") -> None:
        """``Options.on_failure`` for a unit with no verified candidate; ``forced`` is the text
        ``"wrap"`` puts in (an outcome of ``kind``; its method names the ``framing``, if any)."""
        policy = self.options.on_failure
        if outcome.mid_sentence or (outcome.cut and not outcome.rest):  # half a sentence: no drop, no wrapper
            outcome.kind, outcome.method = "kept", "mid_sentence"
        elif outcome.splits_quote and policy == "drop_sentence":  # a drop would leave a quotation open
            outcome.kind, outcome.method = "kept", "quotation"
        elif outcome.lone_turn and policy == "drop_sentence":  # a drop would leave one speaker talking twice
            outcome.kind, outcome.method = "kept", "speaker_turns"
        elif policy == "drop_sentence":
            outcome.kind, outcome.method = "drop", "policy"
        elif policy == "wrap":
            outcome.kind, outcome.text, outcome.method = (
                kind,
                forced,
                f"forced_{kind}" + (f":{framing}" if framing else ""),
            )
        else:
            outcome.kind, outcome.method = "kept", "policy"

    # -- seq2seq backend (Options.rewriter "seq2seq" | "auto") ---------------
    def _backends(self) -> tuple[str, ...]:
        """Provenance methods of the in-place rewriters to try, in order."""
        if self.options.rewriter == "rules":
            return ("rule",)
        if self.options.rewriter == "seq2seq":
            return ("seq2seq",)
        return ("rule", "seq2seq") if self.options.rewriter_order == "rules_first" else ("seq2seq", "rule")

    def _generate(self, plans: list[Plan], scores: Scores) -> None:
        """Seq2seq candidates, in one batch across documents, for the units that need one.

        With the rules first, that is the units the rules refused or the verifier rejected.
        """
        if self.options.rewriter == "rules":
            return
        lazy = self._backends()[0] == "rule"
        wanted = [
            (plan, unit)
            for plan in plans
            for unit, cand in plan.candidates.items()
            if not lazy or not self._verified(cand.body, cand.rule, "rule", scores)[0]
        ]
        if wanted:
            generated = self.models.seq2seq.candidates([unit.text(plan.doc) for plan, unit in wanted])
            for (plan, unit), cand in zip(wanted, generated):
                plan.learned[unit] = cand

    def negation_of(self, claim: str) -> str:
        """The best local negation of ``claim``: the rule, else the wrapper, else the forced wrapper."""
        if claim not in self._negations:
            cand = self.models.rewriter.candidates([claim])[0]
            good = [t for t in (cand.rule, cand.wrapped) if t is not None and guards.check(cand.body, t) is None]
            self._negations[claim] = cand.full(good[0] if good else cand.forced_wrap())
        return self._negations[claim]

    # -- documents ----------------------------------------------------------
    def process(self, text: object, claims: object = None) -> tuple[object, Provenance]:
        """Return the relocalized text (the input itself when unchanged) and its provenance."""
        return self.process_many([text], [claims])[0]

    def process_many(self, texts: list[object], claims: list[object] | None = None) -> list[tuple[object, Provenance]]:
        """:meth:`process` for each document, with one seq2seq generation batch for all of them.

        Each result is the same as the document's own :meth:`process` result.
        """
        claims = claims if claims is not None else [None] * len(texts)
        results: list[tuple[object, Provenance] | None] = [None] * len(texts)
        plans: list[tuple[int, Plan]] = []
        scores: Scores = {}
        for i, (text, given) in enumerate(zip(texts, claims)):
            planned = self.plan(text, given)
            if isinstance(planned, Plan):
                plans.append((i, planned))
            else:
                results[i] = planned
        self._generate([plan for _, plan in plans], scores)
        for i, plan in plans:
            for unit, outcome in plan.outcomes.items():
                self.decide(outcome, plan.candidates[unit], plan.learned.get(unit), scores)
            for outcome in plan.outcomes.values():
                _settle_cut(outcome)
            results[i] = self._assemble(plan.doc, plan.annotations, list(plan.outcomes.values()), plan.kept_framings)
        return cast(list[tuple[object, Provenance]], results)  # every slot is filled above

    def plan(self, text: object, claims: object) -> Plan | tuple[object, Provenance]:
        """The claim units of one document and their rule candidates, or its final result."""
        if not isinstance(text, str):
            kind = "missing" if text is None else type(text).__name__
            return text, Provenance("error", f"text is {kind}, not a string")
        if not text.strip():
            return text, Provenance("unchanged", "empty text")
        if _SURROGATE.search(text):  # no UTF-8 for it: it could not be written out, nor its edits recorded
            return text, Provenance("error", "text holds a lone surrogate (not valid Unicode)")
        if len(text) > self.options.max_chars:
            return text, Provenance("unsupported", f"text longer than max_chars={self.options.max_chars}")
        reason = unsupported_reason(text)
        if reason:
            return text, Provenance("unsupported", reason)
        if not may_hold_annotations(text):
            return text, Provenance("unchanged")
        found = find_annotations(text, self.models.framing)
        rebutting = rebuttals(text, found)
        found = [a for i, a in enumerate(found) if i not in rebutting]
        annotations = [a for a in found if self.options.policy(a.framing) != "keep"]
        kept = [a for a in found if a not in annotations]
        if not annotations:
            message = "framings kept by policy" if kept else "rebuttal of a reported claim" if rebutting else ""
            prov = Provenance("unchanged", message)
            _count_framings(prov, kept)
            return text, prov
        planned = self._claims(text, annotations, _claim_list(claims))
        if isinstance(planned, Plan):
            planned.kept_framings = kept
        else:
            _count_framings(planned[1], kept)
        return planned

    def _claims(self, doc: str, annotations: list[Annotation], given: list[str]) -> Plan | tuple[object, Provenance]:
        annotations, inline_claims = resolve_inline(doc, annotations)
        outcomes: dict[Span, Outcome] = {}
        for claim in inline_claims:
            for unit in claim.units:
                outcomes.setdefault(unit, Outcome(unit)).governors.update(claim.annotations)
        if len(outcomes) > self.options.max_claims:
            return doc, self._too_many(annotations)
        for unit, outcome in outcomes.items():
            outcome.entry = entry_label(doc, unit)
            outcome.lone_turn = between_turns_of_one_speaker(doc, unit, [a.span for a in annotations])
            if hard_wrapped(doc, unit) and not outcome.entry:  # one line of a wrapped sentence
                outcome.method, outcome.final = "wrapped_lines", True
            elif self.models.framing.kind(unit.text(doc)):  # a framing inside a governed span
                outcome.kind, outcome.method, outcome.final = "drop", "annotation", True
            spans = [a.span for a in annotations]
            how = continuation(doc, unit, spans)
            # a dated entry's label ("June 2020 — ") is no sentence the unit continues
            outcome.mid_sentence, outcome.after_cut = how is not None and not outcome.entry, how == "abbreviation"
            outcome.cut = cut_at_abbreviation(doc, unit, spans)
            outcome.in_quote = inside_quotation(doc, unit)
            outcome.splits_quote = unbalanced_quotes(unit.text(doc))
        _join_cut_sentences(doc, outcomes, [a.span for a in annotations])
        notices = [i for i, a in enumerate(annotations) if a.direction == "document"]
        units_by_text = list(outcomes)
        candidates = dict(zip(units_by_text, self._candidates(doc, annotations, [outcomes[u] for u in units_by_text])))
        if notices:
            known = [(c.body, c.full(c.rule) if c.rule else c.forced_wrap()) for c in candidates.values()]
            parts = [(p, self.negation_of(p)) for g in given for p in claim_parts(g)]
            free = [u for u in units(doc, [a.span for a in annotations]) if u not in outcomes]
            if len(free) + len(outcomes) > self.options.max_claims:  # each free sentence may restate a claim
                return doc, self._too_many(annotations)
            found = self._restatements(doc, free, known) + self._restatements(doc, free, parts, paraphrase=True)
            for unit in sorted(set(found)):
                outcomes[unit] = Outcome(unit, set(notices))
                candidates[unit] = self._candidates(doc, annotations, [outcomes[unit]])[0]
            for outcome in outcomes.values():
                outcome.governors.update(notices)
        if not outcomes:
            prov = Provenance("unresolved", "document notice with no claim to attach it to")
            prov.counts.annotations_found = len(annotations)
            _count_framings(prov, annotations)
            if self.options.on_unresolved == "drop":
                prov.dropped = True
                return None, prov
            return doc, prov
        return Plan(doc, annotations, outcomes, candidates)

    def _too_many(self, annotations: list[Annotation]) -> Provenance:
        prov = Provenance("unsupported", f"more than max_claims={self.options.max_claims} claim sentences")
        prov.counts.annotations_found = len(annotations)
        _count_framings(prov, annotations)
        return prov

    def _restatements(
        self, doc: str, free: list[Span], claims: list[tuple[str, str]], paraphrase: bool = False
    ) -> list[Span]:
        if not claims:
            return []
        verifier, threshold = self.models.verifier.contradiction, self.models.thresholds["rule"]
        overlap = self.options.restatement_overlap
        return find_restatements(doc, free, claims, verifier, overlap, threshold, paraphrase)

    def _candidates(self, doc: str, annotations: list[Annotation], outcomes: list[Outcome]) -> list[Candidate]:
        """Rule candidates for the units of ``outcomes``, whose policies are set here from the framing
        that governs each (with its stance when the policy is ``"localize"``)."""
        openers: list[Opener | None] = []
        for outcome in outcomes:
            framing = _governing(annotations, outcome.governors)
            outcome.policy = self.options.policy(framing.framing)
            localize = outcome.policy == "localize"
            openers.append(stance(framing.framing, framing.span.text(doc)) if localize else None)
        texts = [o.unit.text(doc) + o.tail for o in outcomes]
        bound = self.options.max_unit_tokens
        short = [i for i, t in enumerate(texts) if token_count(t) <= bound]
        made = self.models.rewriter.candidates([texts[i] for i in short], [openers[i] for i in short])
        out = [Candidate.refused(t, f"longer than max_unit_tokens={bound}", o) for t, o in zip(texts, openers)]
        for i, cand in zip(short, made):
            out[i] = cand
        return out

    def _assemble(
        self, doc: str, annotations: list[Annotation], outcomes: list[Outcome], kept: list[Annotation]
    ) -> tuple[str, Provenance]:
        blocked = {g for o in outcomes if o.kind == "kept" for g in o.governors}
        governing = {g for o in outcomes for g in o.governors}
        removed = [i for i in sorted(governing) if i not in blocked]
        edits: list[DocEdit] = []
        for o in outcomes:
            if o.kind in TEXT_EDITS:
                edits.append(DocEdit(o.unit, o.text, o.kind, o.method, o.score))
        removals = [annotations[i].span for i in removed] + [o.unit for o in outcomes if o.kind == "drop"]
        dropped_units = {o.unit for o in outcomes if o.kind == "drop"}
        floor = 0
        for group in merge_removals(doc, removals):
            kind = "drop" if any(group.contains(u) for u in dropped_units) else "remove_annotation"
            if kind == "drop" and (turn := speaker_turn(doc, group)) is not None:
                group = turn  # "user42: <claim>": the whole turn goes, not its words alone
            asked = unanswered_question(doc, group) if kind == "drop" else None
            if asked is not None and asked.start >= floor and not any(e.span.overlaps(asked) for e in edits):
                group = asked  # an FAQ's answer: its question goes with it
            widened = removal_span(doc, group)
            widened = Span(max(widened.start, floor), widened.end)  # neighbours may share a line break
            floor = widened.end
            edits.append(DocEdit(widened, "", kind, "policy" if kind == "drop" else "detector"))
        new_text, placed = apply_edits(doc, edits)
        prov = Provenance("rewritten")
        c = prov.counts
        c.annotations_found = len(annotations)
        c.annotations_removed = len(removed)
        c.claims_found = len(outcomes)
        c.rewritten = sum(o.kind == "rewrite" for o in outcomes)
        c.wrapped = sum(o.kind == "wrap" for o in outcomes)
        c.dropped = sum(o.kind == "drop" for o in outcomes)
        c.kept = sum(o.kind == "kept" for o in outcomes)
        c.localized = sum(o.kind == "localize" for o in outcomes)
        c.unframed = sum(o.kind == "unframed" for o in outcomes)
        _count_framings(prov, annotations + kept)
        c.rejected = sum(o.rejected for o in outcomes)
        if c.kept or c.annotations_removed < c.annotations_found:
            prov.status = "partial"
        prov.edits = [
            EditRecord(
                e.span.start, e.span.end, out.start, out.end, e.span.text(doc), e.text, e.kind, e.method, e.score
            )
            for e, out in placed
        ]
        return new_text, prov


def residual_assertions(pipeline: Pipeline, output: str, claims: list[str]) -> list[bool]:
    """For each claim, does some sentence of ``output`` still assert it?

    A sentence asserts a claim when most of its content words come from the claim and
    the verifier reads it as contradicting the claim's negation (a 2-way contradiction
    model can answer that, where it cannot judge entailment directly).
    """
    sentences = units(output, [])
    verbatim = {s.text(output) for s in sentences}
    out = []
    for claim in claims:
        if claim.strip() in verbatim:
            out.append(True)  # still there as it was: no model needed
            continue
        negation = pipeline.negation_of(claim)
        hits = find_restatements(
            output,
            sentences,
            [(claim, negation)],
            pipeline.models.verifier.contradiction,
            pipeline.options.restatement_overlap,
            pipeline.models.thresholds["rule"],
        )
        out.append(bool(hits))
    return out


def _join_cut_sentences(doc: str, outcomes: dict[Span, Outcome], skip: list[Span]) -> None:
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
                o.kind, o.method, o.final = "kept", "mid_sentence", True


def _settle_cut(outcome: Outcome) -> None:
    """The outcome of a cut sentence, split over its units: a stance or a wrapper in front of it, or a
    negation inside its first unit, stays on that unit (the rest reads on unchanged once the
    annotations are gone); a drop takes every unit; an edit that changed the rest is not applied."""
    if not outcome.rest:
        return
    if outcome.kind in TEXT_EDITS and outcome.text.endswith(outcome.tail):
        outcome.text = outcome.text[: len(outcome.text) - len(outcome.tail)]
        for o in outcome.rest:
            o.kind, o.method = "unframed", "covered"
    elif outcome.kind == "drop":
        for o in outcome.rest:
            o.kind, o.method = "drop", outcome.method
    else:
        outcome.kind, outcome.method = "kept", "mid_sentence"


def _governing(annotations: list[Annotation], governors: set[int]) -> Annotation:
    """The framing that decides a unit's policy: its first inline annotation, else its first notice."""
    ordered = [annotations[g] for g in sorted(governors)]
    return next((a for a in ordered if a.direction != "document"), ordered[0])


def _count_framings(prov: Provenance, annotations: list[Annotation]) -> None:
    for a in annotations:
        name = f"framing_{a.framing}"
        setattr(prov.counts, name, getattr(prov.counts, name) + 1)


def _claim_list(claims: object) -> list[str]:
    if claims is None:
        return []
    if isinstance(claims, str):
        return [claims] if claims.strip() else []
    if isinstance(claims, (list, tuple)):
        return [c for c in claims if isinstance(c, str) and c.strip()]
    raise TypeError(f"claims must be a string or a list of strings, not {type(claims).__name__}")
