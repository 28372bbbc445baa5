"""Verify each claim unit's candidates and decide its outcome: the first verified in-place rewrite,
else the wrapper, else the ``on_failure`` policy."""

from __future__ import annotations

from relocalize.models import Models
from relocalize.options import Options
from relocalize.plan import Outcome, Plan, Scores
from relocalize.provenance import Kind
from relocalize.rewrite.rewriter import Candidate
from relocalize.rewrite.surface import mask_titles
from relocalize.verify import grammar, guards, structure


class Decider:
    """The verifier checks and the fallback policy of one set of options."""

    def __init__(self, options: Options, models: Models) -> None:
        self.options = options
        self.models = models

    def _verified(
        self, original: str, rewrite: str | None, method: str, scores: Scores
    ) -> tuple[bool, float | None, str]:
        """Whether ``rewrite`` passes, its score, and the stage that rejected it ("guards", "grammar",
        "structure", "nli"; "" when it passed)."""
        if rewrite is None:
            return False, None, ""
        if guards.check(original, rewrite) is not None:
            return False, None, "guards"
        key = (original, rewrite, method)
        if key not in scores and (stage := self._reparse(original, rewrite)):
            scores[key] = (False, None, stage[0])
        if key not in scores:  # pairs are scored one at a time, so a stored score is the same score
            score = self.models.verifier.contradiction(original, rewrite)
            ok = score >= self.models.thresholds[method]
            scores[key] = (ok, score, "" if ok else "nli")
        return scores[key]

    def malformed(self, original: str, rewrite: str) -> str | None:
        """Why ``rewrite`` is not a well-formed negation of ``original``'s claim, checked on a parse of each:
        grammar (:mod:`~relocalize.verify.grammar`), then scope (:mod:`~relocalize.verify.structure`)."""
        found = self._reparse(original, rewrite)
        return found[1] if found else None

    def _reparse(self, original: str, rewrite: str) -> tuple[str, str] | None:
        """The re-parse stage that rejects ``rewrite`` ("grammar" or "structure") and why, or None."""
        texts = [mask_titles(t) or t for t in (original, rewrite)]  # titles parse as one word, as in the rules
        claim, new = self.models.parse(texts, texts)
        if reason := grammar.check(new):
            return "grammar", reason
        if reason := structure.check(claim, new):
            return "structure", reason
        return None

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
            outcome.kind, outcome.method = Kind.UNFRAMED, "policy"
            return
        if outcome.policy == "localize":
            self._localize(outcome, cand)
            return
        scores = {} if scores is None else scores
        refused: list[str] = []  # what stopped each form tried, in order (``Outcome.rule``)
        # a quotation's words are the speaker's; a dated entry or an item's title negated lists a non-event; a
        # presupposing unit negated leaves its event standing (none of them takes a wrapper either)
        for method in () if _place(outcome) and not outcome.mid_sentence else self._backends():
            if method == "seq2seq" and learned is None:
                learned = self.models.seq2seq.candidates([cand.full(cand.body)])[0]
            made = cand if method == "rule" else learned
            ok, score, stage = self._verified(cand.body, made.rule, method, scores)
            if ok:
                outcome.kind, outcome.text, outcome.method, outcome.score = (
                    Kind.REWRITE,
                    cand.full(made.rule),
                    method,
                    score,
                )
                outcome.rule = made.rule_by or method
                return
            outcome.rejected = outcome.rejected or made.rule is not None
            refused.append(stage or made.rule_by)
        place = _place(outcome) or ("presupposed_report" if outcome.reported else "")  # the rewrite denies the saying
        wrapped = None if place else cand.wrapped
        ok, score, stage = self._verified(cand.body, wrapped, "wrap", scores)
        refused.append(place or stage or cand.wrap_by)
        outcome.rule = ", ".join(r for r in refused if r)
        if ok:
            outcome.kind, outcome.text, outcome.method, outcome.score = (
                Kind.WRAP,
                cand.full(cand.wrapped),
                "wrap",
                score,
            )
            return
        self._fall_back(outcome, Kind.WRAP, cand.full(cand.forced_wrap()))

    def _localize(self, outcome: Outcome, cand: Candidate) -> None:
        """The unit under its framing's stance ("In the story, ..."), checked on a re-parse, else the
        ``on_failure`` policy (``"wrap"`` forces the stance, never a negation the document did not make)."""
        opener = cand.opener
        if opener is None:
            raise ValueError("a unit to localize has no stance")
        text = cand.localized
        place = "mid_sentence" if outcome.mid_sentence else "in_quote" if outcome.in_quote else ""
        well_formed = text is not None and not place and self._well_formed(text)
        outcome.rule = "stance" if well_formed else place or cand.localize_by or "grammar"
        if well_formed:
            outcome.kind, outcome.text, outcome.method = Kind.LOCALIZE, cand.full(text), f"localize:{opener.kind}"
            return
        self._fall_back(outcome, Kind.LOCALIZE, cand.full(text or opener.text + cand.body), opener.kind)

    def _well_formed(self, text: str) -> bool:
        masked = mask_titles(text) or text
        return grammar.check(next(iter(self.models.parse([masked], [masked])))) is None

    def _fall_back(self, outcome: Outcome, kind: Kind, forced: str, framing: str = "") -> None:
        """``Options.on_failure`` for a unit with no verified candidate; ``forced`` is the text
        ``"wrap"`` puts in (an outcome of ``kind``; its method names the ``framing``, if any)."""
        policy = self.options.on_failure
        if outcome.mid_sentence or (outcome.cut and not outcome.rest):  # half a sentence: no drop, no wrapper
            outcome.kind, outcome.method = Kind.KEPT, "mid_sentence"
        elif outcome.splits_quote and policy == "drop_sentence":  # a drop would leave a quotation open
            outcome.kind, outcome.method = Kind.KEPT, "quotation"
        elif outcome.lone_turn and policy == "drop_sentence":  # a drop would leave one speaker talking twice
            outcome.kind, outcome.method = Kind.KEPT, "speaker_turns"
        elif outcome.whole_item and policy == "drop_sentence":  # a drop would leave the list skipping a number
            outcome.kind, outcome.method = Kind.KEPT, "numbered_item"
        elif policy == "drop_sentence":
            outcome.kind, outcome.method = Kind.DROP, "policy"
        elif policy == "wrap":
            outcome.kind, outcome.text, outcome.method = (
                kind,
                forced,
                f"forced_{kind}" + (f":{framing}" if framing else ""),
            )
        else:
            outcome.kind, outcome.method = Kind.KEPT, "policy"

    def _backends(self) -> tuple[str, ...]:
        """Provenance methods of the in-place rewriters to try, in order."""
        if self.options.rewriter == "rules":
            return ("rule",)
        if self.options.rewriter == "seq2seq":
            return ("seq2seq",)
        return ("rule", "seq2seq") if self.options.rewriter_order == "rules_first" else ("seq2seq", "rule")

    def generate(self, plans: list[Plan], scores: Scores) -> None:
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


def _place(outcome: Outcome) -> str:
    """Why the unit's place allows no wrapper in front of it, or ""."""
    if outcome.mid_sentence:
        return "mid_sentence"
    if outcome.in_quote:
        return "in_quote"
    if outcome.presupposes:
        return "presupposed"
    if outcome.writer:
        return "first_person"
    if outcome.negative_detail:
        return "negative_detail"
    if outcome.title:
        return "item_title"
    if outcome.wh_question:
        return "wh_answer"
    if outcome.agreed:
        return "agreed"
    if outcome.named_section:
        return "named_section"
    return "entry" if outcome.entry else ""
