"""Turn claim units into candidate local negations (the rules first, then the wrapper) and,
for units under another framing, the sentence with the framing's stance in front."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from relocalize.rewrite.graph import Graph
from relocalize.rewrite.parsers import ParseFn
from relocalize.rewrite.registry import Refusal, rules_of
from relocalize.rewrite.rules import apply, negate
from relocalize.rewrite.surface import mask_titles, split_markup, title_spans
from relocalize.rewrite.wrap import WRAPPER, Opener, wrap
from relocalize.spans import changed_slice


@dataclass(frozen=True)
class Candidate:
    """Candidate rewrites of one unit. ``body`` is the unit without its markup; ``localized`` is
    the body under the opener of its framing's stance (None when it has none or it was refused)."""

    prefix: str
    body: str
    suffix: str
    rule: str | None
    rule_reason: str
    wrapped: str | None
    wrap_reason: str
    localized: str | None = None
    localize_reason: str = ""
    opener: Opener | None = None
    rule_by: str = ""  # the rules that made ``rule`` ("do_support+hedges"), or the check that refused it
    wrap_by: str = ""  # the check that refused the wrapper
    localize_by: str = ""  # the check that refused the stance
    # The rules' negation refused only for the date it carries ("did not close in 1961"): it still contradicts a
    # sentence that states the claim, so restatements are probed with it; it is never output.
    probe: str | None = None
    graph: Graph | None = field(default=None, compare=False, repr=False)  # the body's parse (rules and wrapper)

    @classmethod
    def refused(cls, unit: str, reason: str, opener: Opener | None = None) -> Candidate:
        """A unit no form is offered for, and why."""
        prefix, body, suffix = split_markup(unit)
        return cls(prefix, body, suffix, None, reason, None, reason, None, reason, opener)

    def full(self, body: str) -> str:
        """``body`` in the unit's markup. Words put before the body go before emphasis that the body closes
        ("**Harbour United** sold ..." -> "It is not true that **Harbour United** sold ...")."""
        mark = next((m for m in _EMPHASIS if self.prefix.endswith(m) and m in self.body), "")
        added = len(body) - len(self.body)
        if mark and added > 0 and body[added + 1 :] == self.body[1:]:
            return self.prefix[: -len(mark)] + body[:added] + mark + body[added:] + self.suffix
        return self.prefix + body + self.suffix

    def forced_wrap(self) -> str:
        """The wrapper applied whatever the parse says (``on_failure="wrap"``)."""
        if self.wrapped is not None:
            return self.wrapped
        return WRAPPER + self.body


_EMPHASIS = ("**", "__", "*", "_")  # longest first


def _parseable(body: str) -> str:
    """Shouted text parses badly: parse it lower-cased (same offsets), edit the original."""
    letters = [c for c in body if c.isalpha()]
    if len(letters) > 3 and all(c.isupper() for c in letters) and len(body.lower()) == len(body):
        return body.lower()
    return body


class RuleRewriter:
    """Parse-guided rewriter over a parse function (:mod:`relocalize.rewrite.parsers`)."""

    def __init__(self, parse: ParseFn) -> None:
        self._parse = parse

    def candidates(self, units: list[str], openers: list[Opener | None] | None = None) -> list[Candidate]:
        """Candidates for each unit; ``openers`` (one per unit, None for none) ask for a localized form."""
        openers = openers or [None] * len(units)
        parts = [split_markup(u) for u in units]
        bodies = [body for _, body, _ in parts]
        graphs = list(self._parse([_parseable(body) for body in bodies], bodies))
        rules = [_negation(body, g) if body.strip() else Refusal("") for body, g in zip(bodies, graphs)]
        # A clause the parse missed may show once titles are masked ("*Sea Fish* sold well").
        masks = {i: m for i, r in enumerate(rules) if isinstance(r, Refusal) and (m := mask_titles(bodies[i]))}
        for i, graph in zip(masks, self._parse(list(masks.values()), [bodies[i] for i in masks])):
            second = _negation(bodies[i], graph)
            if not isinstance(second, Refusal) and _outside(second[0], bodies[i], title_spans(bodies[i])):
                rules[i] = second
        out = []
        for (prefix, body, suffix), graph, first, opener in zip(parts, graphs, rules, openers):
            if not body.strip():
                out.append(Candidate.refused(prefix + body + suffix, "nothing but markup", opener))
                continue
            if isinstance(first, Refusal):
                rule, rule_reason, rule_by = None, first.reason, first.check
            else:
                (rule, rule_by), rule_reason = first, ""
            wrapped, wrap_reason, wrap_by = _opened(graph, None)
            localized, localize_reason, localize_by = _opened(graph, opener) if opener else (None, "", "")
            made = Candidate(prefix, body, suffix, rule, rule_reason, wrapped, wrap_reason, localized, localize_reason)
            by = {"rule_by": rule_by, "wrap_by": wrap_by, "localize_by": localize_by}
            probe = _probe(body, graph) if rule_by == "dated" else None
            out.append(replace(made, opener=opener, probe=probe, graph=graph, **by))
        return out


def _opened(graph: Graph, opener: Opener | None) -> tuple[str | None, str, str]:
    """The sentence under ``opener`` (the negating wrapper when None), or why there is none and which
    check said so."""
    try:
        return (wrap(graph, opener) if opener else wrap(graph)), "", ""
    except Refusal as r:
        return None, r.reason, r.check


def _negation(body: str, graph: Graph, dates: bool = True) -> tuple[str, str] | Refusal:
    """The rules' rewrite of ``body`` and the rules that made it, or why there is none (``dates``: refuse a dated
    event, :func:`relocalize.rewrite.rules.negate`)."""
    try:
        edits = negate(graph, dates=dates)
        return apply(body, edits), rules_of(edits)
    except Refusal as r:
        return r


def _probe(body: str, graph: Graph) -> str | None:
    """The rules' negation of ``body`` with its date allowed: a probe for restatements, never output."""
    made = _negation(body, graph, dates=False)
    return None if isinstance(made, Refusal) else made[0]


def _outside(rewrite: str, body: str, spans: list[tuple[int, int]]) -> bool:
    """True when ``rewrite`` leaves every span of ``body`` intact (the edit is not inside a title)."""
    start, end = changed_slice(body, rewrite)
    return all(e <= start or s >= end for s, e in spans)
