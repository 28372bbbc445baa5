"""The pipeline as a list of named steps over batches of documents.

screen -> detect -> resolve -> candidates -> restate -> presuppose -> generate -> decide -> assemble -> settle

Each step declares what it reads and writes on a document's working state (:class:`~relocalize.plan.Doc`),
binds its context (options, lazily loaded models, the timer) in :meth:`Step.setup`, and changes a
:class:`~relocalize.plan.DocBatch` in :meth:`Step.process`. Calling a step runs ``process`` under the
timer with the step's name and counts the documents it saw and decided, so the stats, the run summary
and the bench read one set of figures. A step that decides a document sets its ``result``; later steps
skip it. To add a step, write one class and put it in the list (:func:`default_steps`).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, ClassVar

from relocalize.assemble import assemble
from relocalize.detect.annotations import find_annotations, may_hold_annotations, units
from relocalize.detect.claims import rebuttals, resolve_inline
from relocalize.detect.language import unsupported_reason
from relocalize.detect.restatements import claim_parts, named_sections, notice_sections, unconfirmed
from relocalize.plan import (
    Doc,
    DocBatch,
    Outcome,
    Plan,
    claim_list,
    count_framings,
    join_cut_sentences,
    keep_headed,
    keep_leaned_on,
    keep_with_annotations,
    settle_cut,
)
from relocalize.provenance import LONE_SURROGATE, Kind, Provenance
from relocalize.rewrite.surface import mask_titles
from relocalize.rewrite.wrap import relocalized
from relocalize.spans import (
    NumberedItems,
    RunInHeads,
    Sections,
    Span,
    between_turns_of_one_speaker,
    continuation,
    cut_at_abbreviation,
    entry_label,
    hard_wrapped,
    heading,
    inside_quotation,
    item_title,
    unbalanced_quotes,
)
from relocalize.verify.presupposed import (
    Leaning,
    after_claim,
    back_reference,
    blanked,
    false_vocabulary,
    first_person,
    negated,
    presupposed,
    reaction,
)
from relocalize.verify.titles import restating_headings, restating_titles

if TYPE_CHECKING:
    from relocalize.pipeline import Pipeline
    from relocalize.rewrite.graph import Graph

SURROGATE = re.compile("[\ud800-\udfff]")


class Step:
    """One stage of the pipeline: ``setup`` once per process, then ``process`` per batch."""

    name: ClassVar[str]
    reads: ClassVar[tuple[str, ...]] = ()  # the Doc fields it needs
    writes: ClassVar[tuple[str, ...]] = ()  # the Doc fields it sets

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.ctx: Pipeline | None = None

    @property
    def pipeline(self) -> Pipeline:
        if self.ctx is None:
            raise RuntimeError(f"step {self.name!r} used before setup()")
        return self.ctx

    def setup(self, pipeline: Pipeline) -> None:
        """Bind the pipeline's options and models (which load on first use)."""
        self.ctx = pipeline

    def process(self, batch: DocBatch) -> DocBatch:
        raise NotImplementedError

    def __call__(self, batch: DocBatch) -> DocBatch:
        before = len(batch.pending())
        with self.pipeline.timer.stage(self.name):
            out = self.process(batch)
        self.counts["documents"] += before
        self.counts["decided"] += before - len(out.pending())
        return out


class Screen(Step):
    """Decide documents no annotation can be in: not text, empty, not Unicode, too long, without a cue (whatever
    their language), or, with a cue, not English."""

    name = "screen"
    reads = ("text",)
    writes = ("result",)

    def process(self, batch: DocBatch) -> DocBatch:
        limit = self.pipeline.options.max_chars
        for doc in batch.pending():
            text = doc.text
            if not isinstance(text, str):
                kind = "missing" if text is None else type(text).__name__
                doc.finish(text, Provenance("error", f"text is {kind}, not a string"))
            elif not text.strip():
                doc.finish(text, Provenance("unchanged", "empty text"))
            elif SURROGATE.search(text):
                doc.finish(text, Provenance("error", LONE_SURROGATE))
            elif len(text) > limit:
                doc.finish(text, Provenance("unsupported", f"text longer than max_chars={limit}"))
            elif not may_hold_annotations(text):  # whatever its language: no cue, nothing to relocalize
                doc.finish(text, Provenance("unchanged"))
            elif reason := unsupported_reason(text):
                doc.finish(text, Provenance("unsupported", reason))
        return batch


class Detect(Step):
    """Find the framings (annotations) of each document, set aside rebuttals and those kept by policy."""

    name = "detect"
    reads = ("text", "claims")
    writes = ("given", "annotations", "kept", "found", "result")

    def process(self, batch: DocBatch) -> DocBatch:
        options, framing = self.pipeline.options, self.pipeline.models.framing
        for doc in batch.pending():
            text = str(doc.text)
            doc.given = claim_list(doc.claims)  # a claims value of the wrong type fails here, as an error
            found = find_annotations(text, framing, doc.given)
            doc.found = [a.span for a in found]
            rebutting = rebuttals(text, found)
            found = [a for i, a in enumerate(found) if i not in rebutting]
            doc.annotations = [a for a in found if options.policy(a.framing) != "keep"]
            doc.kept = [a for a in found if a not in doc.annotations]
            self.counts["annotations"] += len(found)
            if not doc.annotations:
                message = "framings kept by policy" if doc.kept else "rebuttal of a reported claim" if rebutting else ""
                doc.finish(text, Provenance("unchanged", message))
        return batch


class Resolve(Step):
    """The claim units each inline annotation governs, and what their place allows (mid-sentence, in a
    quotation, a dated entry, one line of wrapped prose ...)."""

    name = "resolve"
    reads = ("text", "given", "annotations")
    writes = ("plan", "claim_units", "found", "result")

    def process(self, batch: DocBatch) -> DocBatch:
        pipeline = self.pipeline
        for doc in batch.pending():
            text = str(doc.text)
            annotations, inline_claims = resolve_inline(text, doc.annotations)
            doc.annotations, doc.found = annotations, [a.span for a in annotations]
            doc.claim_units = list(dict.fromkeys(u for c in inline_claims for u in c.units))
            outcomes: dict[Span, Outcome] = {}
            for claim in inline_claims:
                for unit in claim.units:
                    outcomes.setdefault(unit, Outcome(unit)).governors.update(claim.annotations)
            if len(outcomes) > pipeline.options.max_claims:
                doc.finish(text, pipeline.too_many(annotations))
                continue
            spans = [a.span for a in annotations]
            leaning = Leaning(text, spans, list(outcomes))
            items, sections, heads = NumberedItems(text), Sections(text, spans), RunInHeads(text)
            others = [*spans, *outcomes]
            for unit, outcome in outcomes.items():
                _place(text, unit, outcome, spans, others, pipeline)
                outcome.lone_turn = between_turns_of_one_speaker(text, unit, others)  # the turn's other claims too
                outcome.whole_item = (
                    items.emptied(unit, others) or items.bared_title(unit, others) or heads.bared(unit, others)
                )
                outcome.section = sections.emptied(unit, others)
                outcome.leaned_on_by = leaning.on(unit)
                outcome.wh_question = leaning.wh_question(unit)
                outcome.agreed = leaning.agreed(unit)
            join_cut_sentences(text, outcomes, spans)
            doc.plan = Plan(text, annotations, outcomes, {})
            self.counts["claims"] += len(outcomes)
        return batch


def _place(doc: str, unit: Span, outcome: Outcome, spans: list[Span], others: list[Span], pipeline: Pipeline) -> None:
    """Set what the unit's place in ``doc`` allows (``spans``: the annotations; ``others``: they and the claims).
    A claim after others on a dated entry's line is an entry too ("May 2024 — <claim>. <unit>")."""
    outcome.entry = entry_label(doc, unit, others)
    outcome.title = item_title(doc, unit, spans)
    if hard_wrapped(doc, unit) and not outcome.entry:  # one line of a wrapped sentence
        outcome.method, outcome.final = "wrapped_lines", True
    elif relocalized(unit.text(doc)):  # relocalize's own output read again: it is local already
        outcome.method, outcome.final = "already_local", True
    elif pipeline.models.framing.kind(unit.text(doc)):  # a framing inside a governed span
        outcome.kind, outcome.method, outcome.final, outcome.rule = Kind.DROP, "annotation", True, "framing"
    how = continuation(doc, unit, spans)
    # a dated entry's label ("June 2020 — ") is no sentence the unit continues
    outcome.mid_sentence, outcome.after_cut = how is not None and not outcome.entry, how == "abbreviation"
    outcome.cut = cut_at_abbreviation(doc, unit, spans)
    outcome.in_quote = inside_quotation(doc, unit)
    outcome.splits_quote = unbalanced_quotes(unit.text(doc))


class Candidates(Step):
    """Rule candidates (negation, wrapper, stance) for every claim unit, one parse call per document."""

    name = "candidates"
    reads = ("plan",)
    writes = ("plan",)

    def process(self, batch: DocBatch) -> DocBatch:
        for plan in batch.planned():
            found = list(plan.outcomes)
            made = self.pipeline.candidates(plan.doc, plan.annotations, [plan.outcomes[u] for u in found])
            plan.candidates = dict(zip(found, made))
        return batch


class Restate(Step):
    """Under a document notice, the sentences that restate a governed claim or a given ``claims`` value
    become claim units too; a notice with no claim to attach to leaves the document unresolved."""

    name = "restate"
    reads = ("plan", "given")
    writes = ("plan", "restated", "result")

    def process(self, batch: DocBatch) -> DocBatch:
        for doc, plan in batch.with_plans():
            self._restate(doc, plan)
        return batch

    def _restate(self, doc: Doc, plan: Plan) -> None:
        pipeline, text, outcomes = self.pipeline, plan.doc, plan.outcomes
        notices = [i for i, a in enumerate(plan.annotations) if a.direction == "document"]
        if notices:
            known = [(c.body, c.full(c.rule) if c.rule else c.forced_wrap()) for c in plan.candidates.values()]
            parts = [(p, pipeline.negation_of(p)) for g in doc.given for p in claim_parts(g)]
            # a sentence that already holds relocalize's own opener restates nothing
            free = [
                u
                for u in units(text, [a.span for a in plan.annotations])
                if u not in outcomes and not relocalized(u.text(text))
            ]
            if len(free) + len(outcomes) > pipeline.options.max_claims:  # each free sentence may restate a claim
                doc.finish(text, pipeline.too_many(plan.annotations))
                return
            # a notice that names the sections it calls false says what they are: no restatement is looked for
            spans = [plan.annotations[i].span for i in notices]
            found = named = named_sections(text, spans, free)
            if not named:
                scope = notice_sections(text, spans, free)  # a notice that names a section: its sentences, no others
                scope = free if scope is None else scope
                found = pipeline.restatements(text, scope, known)
                found += pipeline.restatements(text, scope, parts, paraphrase=True)
            if not named and unconfirmed(text, [u for u in free if u not in found], [p for p, _ in parts]):
                plan.held.update(notices)  # a sentence may state a given claim the verifier did not confirm
            doc.restated = found
            for unit in sorted(set(found)):
                outcomes[unit] = Outcome(unit, set(notices), named_section=unit in named)
                plan.candidates[unit] = pipeline.candidates(text, plan.annotations, [outcomes[unit]])[0]
            for outcome in outcomes.values():
                outcome.governors.update(notices)
            self.counts["restated"] += len(set(found))
        if not outcomes:
            prov = Provenance("unresolved", "document notice with no claim to attach it to")
            prov.counts.annotations_found = len(plan.annotations)
            count_framings(prov, plan.annotations)
            dropped = pipeline.options.on_unresolved == "drop"
            prov.dropped = dropped
            doc.finish(None if dropped else text, prov)


class Presuppose(Step):
    """Claim units that name, with a definite phrase, what only the document's false event has ("You could see
    the smoke", where the fire is marked false) take no negation and no wrapper: either would leave the event
    standing (:mod:`relocalize.verify.presupposed`); the fallback policy decides them. One that names it only
    in a reported clause ("They said the refit cost ...") takes no wrapper: negated, the saying is denied. A
    negative claim after another claim is a detail of the event ("Nobody was hurt"): made positive, it states a new
    one, so it is decided like one that presupposes the event; so is the writer's own part in it after the
    first claim ("I voted against"), which negated leaves the event standing."""

    name = "presuppose"
    reads = ("plan", "given")
    writes = ("plan",)

    def process(self, batch: DocBatch) -> DocBatch:
        for doc, plan in batch.with_plans():
            open_units = [u for u, o in plan.outcomes.items() if not o.final and o.policy != "localize"]
            if not open_units:
                continue
            # the units' parses are the rules' own (their candidates carry them); only the given claims are new
            claims = [(u, c.graph) for u, c in plan.candidates.items() if c.graph is not None]
            parts = [mask_titles(p) or p for g in doc.given for p in claim_parts(g)]
            given = list(self.pipeline.models.parse(parts, parts)) if parts else []
            claims += self._denied(plan)
            # a headline restates the claims under it and names their topic: no thing it names is one only the false
            # event has ("Ferry sinks off Kerrera" over "The ferry sank ..."), so it counts as neither claim nor text
            headlines = [u for u, _ in claims if heading(u.text(plan.doc), titled=True)]
            claims = [(u, g) for u, g in claims if u not in headlines]
            skip = [*(a.span for a in plan.annotations), *headlines]
            vocabulary = false_vocabulary(plan.doc, claims, skip, given)
            blank, claim_units = blanked(plan.doc, skip), list(plan.outcomes)
            opening = min(u.start for u in plan.outcomes)
            for unit in open_units:
                graph = plan.candidates[unit].graph
                if graph is None or unit not in vocabulary:
                    continue
                if found := presupposed(graph, vocabulary[unit]):
                    plan.outcomes[unit].presupposes = found
                    self.counts["presupposed"] += 1
                elif (found := back_reference(graph)) and after_claim(blank, unit, claim_units):
                    plan.outcomes[unit].presupposes = found
                    self.counts["back_reference"] += 1
                elif unit.start > opening and (found := first_person(graph)):
                    plan.outcomes[unit].writer = found
                    self.counts["first_person"] += 1
                elif unit.start > opening and (found := reaction(graph)):
                    plan.outcomes[unit].presupposes = found
                    self.counts["reaction"] += 1
                elif unit.start > opening and (found := negated(graph)):
                    plan.outcomes[unit].negative_detail = found
                    self.counts["negative_detail"] += 1
                elif found := presupposed(graph, vocabulary[unit], reported=True):
                    plan.outcomes[unit].reported = found
                    self.counts["presupposed_reported"] += 1
        return batch

    def _denied(self, plan: Plan) -> list[tuple[Span, Graph]]:
        """The sentences outside the claims that hold one of relocalize's own openers ("It is not true that a flood
        overtopped the dam"), whoever wrote them: their things are the false event's too, as they were when
        relocalize's own such sentence was a claim, so a run on its output decides the claims left as the first
        run did."""
        skip = [a.span for a in plan.annotations]
        found = [u for u in units(plan.doc, skip) if u not in plan.outcomes and relocalized(u.text(plan.doc))]
        texts = [u.text(plan.doc) for u in found]
        return list(zip(found, self.pipeline.models.parse(texts, texts))) if texts else []


class Generate(Step):
    """Seq2seq candidates, one generation batch across the documents, for the units that need one
    (with ``rewriter="rules"`` nothing)."""

    name = "generate"
    reads = ("plan",)
    writes = ("plan",)

    def process(self, batch: DocBatch) -> DocBatch:
        self.pipeline.decider.generate(batch.planned(), batch.scores)
        return batch


class Decide(Step):
    """Verify each unit's candidates and set its outcome (rewrite, wrapper, stance, or the fallback)."""

    name = "decide"
    reads = ("plan",)
    writes = ("plan",)

    def process(self, batch: DocBatch) -> DocBatch:
        decider, models = self.pipeline.decider, self.pipeline.models
        for plan in batch.planned():
            for unit, outcome in plan.outcomes.items():
                decider.decide(outcome, plan.candidates[unit], plan.learned.get(unit), batch.scores)
            for outcome in plan.outcomes.values():
                settle_cut(outcome)
            keep_leaned_on(list(plan.outcomes.values()))
            keep_headed(list(plan.outcomes.values()))
            notices = {i for i, a in enumerate(plan.annotations) if a.direction == "document"}
            keep_with_annotations(list(plan.outcomes.values()), notices)
            for title in restating_titles(plan.doc, list(plan.outcomes.values()), models.parse):
                plan.outcomes[title] = Outcome(title, kind=Kind.DROP, method="policy", rule="restating_title")
            for head in restating_headings(plan.doc, list(plan.outcomes.values())):
                plan.outcomes[head] = Outcome(head, kind=Kind.DROP, method="policy", rule="restating_heading")
            self.counts.update(o.kind for o in plan.outcomes.values())
            self.counts.update(f"kept:{o.method}" for o in plan.outcomes.values() if o.kind == Kind.KEPT)
        return batch


class Assemble(Step):
    """Apply the edits (rewrites, removed annotations, drops) and write the provenance."""

    name = "assemble"
    reads = ("plan", "kept")
    writes = ("result",)

    def process(self, batch: DocBatch) -> DocBatch:
        for doc, plan in batch.with_plans():
            doc.finish(*assemble(plan.doc, plan.annotations, list(plan.outcomes.values()), plan.held))
        return batch


class Settle(Step):
    """Make every output a fixed point. An edited output that still holds a cue runs through the steps again: a claim
    kept for its neighbours may be decided otherwise once they are gone, a marker read only once its neighbour is.
    When that second pass would change the output, it decides with less than the first knew, so the document is
    left as it came, ``unresolved`` (dropped under ``on_unresolved="drop"``): relocalize run on its own output
    changes nothing."""

    name = "settle"
    reads = ("result",)
    writes = ("result",)

    def process(self, batch: DocBatch) -> DocBatch:
        edited = [d for d in batch.docs if d.result is not None and _may_change_again(*d.result)]
        if not edited:
            return batch
        firsts = [d.result for d in edited if d.result is not None]
        again = self._second_pass(DocBatch([Doc(text, d.claims) for (text, _), d in zip(firsts, edited)], batch.scores))
        self.counts["rechecked"] += len(edited)
        for doc, (text, prov), second in zip(edited, firsts, again.docs):
            if second.result is None or second.result[0] != text:  # undecided counts as changed
                self.counts["unstable"] += 1
                doc.finish(*self._unstable(doc, prov))
        return batch

    def _second_pass(self, batch: DocBatch) -> DocBatch:
        """``batch`` through the steps before this one; run from here (and timed under this step's name), it leaves
        their counts as they were."""
        steps = self.pipeline.steps[: self.pipeline.steps.index(self)]
        counts = [Counter(step.counts) for step in steps]
        try:
            for step in steps:
                batch = step.process(batch)
        finally:
            for step, saved in zip(steps, counts):
                step.counts = saved
        return batch

    def _unstable(self, doc: Doc, first: Provenance) -> tuple[object, Provenance]:
        prov = Provenance("unresolved", "left as it was: a second pass changes the output")
        prov.counts.annotations_found = first.counts.annotations_found
        prov.counts.claims_found = first.counts.claims_found
        if doc.plan is not None:
            count_framings(prov, doc.plan.annotations)
        prov.dropped = self.pipeline.options.on_unresolved == "drop"
        return (None if prov.dropped else doc.text), prov


def _may_change_again(text: object, prov: Provenance) -> bool:
    return prov.status in ("rewritten", "partial") and isinstance(text, str) and may_hold_annotations(text)


def default_steps() -> list[Step]:
    """The steps of :class:`~relocalize.pipeline.Pipeline`, in order."""
    return [
        Screen(),
        Detect(),
        Resolve(),
        Candidates(),
        Restate(),
        Presuppose(),
        Generate(),
        Decide(),
        Assemble(),
        Settle(),
    ]


# The default steps' names, in order (the stages the stats and the run summary report).
STEP_NAMES = tuple(s.name for s in default_steps())
