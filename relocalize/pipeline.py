"""One batch of documents through the steps: screen -> detect -> resolve -> candidates -> restate ->
generate -> decide -> assemble (:mod:`relocalize.steps`)."""

from __future__ import annotations

from relocalize.detect.annotations import Annotation, units
from relocalize.detect.restatements import find_restatements
from relocalize.models import Models
from relocalize.options import Options
from relocalize.plan import Doc, DocBatch, Outcome, Plan, Scores, count_framings, governing
from relocalize.provenance import Provenance
from relocalize.rewrite.rewriter import Candidate
from relocalize.rewrite.wrap import Opener, stance
from relocalize.spans import Span, token_count
from relocalize.steps import Step, default_steps
from relocalize.timing import Timer
from relocalize.verify import guards
from relocalize.verify.decide import Decider


class Pipeline:
    """Relocalizes documents through a list of steps, with models loaded once per process."""

    def __init__(
        self, options: Options, models: Models, steps: list[Step] | None = None, timer: Timer | None = None
    ) -> None:
        self.options = options
        self.models = models
        self.timer = timer or getattr(models, "timer", None) or Timer()
        self.decider = Decider(options, models)
        self.steps = default_steps() if steps is None else steps
        for step in self.steps:
            step.setup(self)
        self._negations: dict[str, str] = {}  # given claims recur across a corpus: negate each once

    def process(self, text: object, claims: object = None) -> tuple[object, Provenance]:
        """Return the relocalized text (the input itself when unchanged) and its provenance."""
        return self.process_many([text], [claims])[0]

    def process_many(self, texts: list[object], claims: list[object] | None = None) -> list[tuple[object, Provenance]]:
        """:meth:`process` for each document, the steps run over them as one batch.

        Each result is the same as the document's own :meth:`process` result.
        """
        claims = claims if claims is not None else [None] * len(texts)
        batch = self.run(DocBatch([Doc(t, c) for t, c in zip(texts, claims)]))
        missing = [i for i, d in enumerate(batch.docs) if d.result is None]
        if missing:
            raise RuntimeError(f"the steps left documents {missing} undecided: is the assemble step missing?")
        return [d.result for d in batch.docs if d.result is not None]

    def run(self, batch: DocBatch, until: str | None = None) -> DocBatch:
        """``batch`` through the steps (up to and including the one named ``until``)."""
        for step in self.steps:
            batch = step(batch)
            if step.name == until:
                break
        return batch

    def plan(self, text: object, claims: object = None) -> Plan | tuple[object, Provenance]:
        """The claim units of one document and their rule candidates, or its final result."""
        doc = self.run(DocBatch([Doc(text, claims)]), until="restate").docs[0]
        if doc.result is not None:
            return doc.result
        assert doc.plan is not None
        return doc.plan

    def decide(
        self, outcome: Outcome, cand: Candidate, learned: Candidate | None = None, scores: Scores | None = None
    ) -> None:
        """Set ``outcome`` from ``cand`` (see :meth:`relocalize.verify.decide.Decider.decide`)."""
        self.decider.decide(outcome, cand, learned, scores)

    def negation_of(self, claim: str) -> str:
        """The best local negation of ``claim`` to probe restatements with: the rule (refused for its date or not),
        else the wrapper, else the forced wrapper."""
        if claim not in self._negations:
            cand = self.models.rewriter.candidates([claim])[0]
            forms = (cand.rule, cand.probe, cand.wrapped)
            good = [t for t in forms if t is not None and guards.check(cand.body, t) is None]
            self._negations[claim] = cand.full(good[0] if good else cand.forced_wrap())
        return self._negations[claim]

    def too_many(self, annotations: list[Annotation]) -> Provenance:
        prov = Provenance("unsupported", f"more than max_claims={self.options.max_claims} claim sentences")
        prov.counts.annotations_found = len(annotations)
        count_framings(prov, annotations)
        return prov

    def restatements(
        self, doc: str, free: list[Span], claims: list[tuple[str, str]], paraphrase: bool = False
    ) -> list[Span]:
        if not claims:
            return []
        verifier, threshold = self.models.verifier.contradiction, self.models.thresholds["rule"]
        overlap = self.options.restatement_overlap
        return find_restatements(doc, free, claims, verifier, overlap, threshold, paraphrase)

    def candidates(self, doc: str, annotations: list[Annotation], outcomes: list[Outcome]) -> list[Candidate]:
        """Rule candidates for the units of ``outcomes``, whose policies are set here from the framing
        that governs each (with its stance when the policy is ``"localize"``)."""
        openers: list[Opener | None] = []
        for outcome in outcomes:
            framing = governing(annotations, outcome.governors)
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
