"""Turn claim units into candidate local negations: the rules first, then the wrapper."""

from __future__ import annotations

from dataclasses import dataclass

from relocalize.rewrite.parsers import ParseFn
from relocalize.rewrite.rules import Refusal, apply, negate
from relocalize.rewrite.surface import split_markup
from relocalize.rewrite.wrap import WRAPPER, wrap


@dataclass(frozen=True)
class Candidate:
    """Candidate rewrites of one unit. ``body`` is the unit without its markup."""

    prefix: str
    body: str
    suffix: str
    rule: str | None
    rule_reason: str
    wrapped: str | None
    wrap_reason: str

    def full(self, body: str) -> str:
        return self.prefix + body + self.suffix

    def forced_wrap(self) -> str:
        """The wrapper applied whatever the parse says (``on_failure="wrap"``)."""
        if self.wrapped is not None:
            return self.wrapped
        return WRAPPER + self.body


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

    def candidates(self, units: list[str]) -> list[Candidate]:
        parts = [split_markup(u) for u in units]
        bodies = [body for _, body, _ in parts]
        graphs = self._parse([_parseable(body) for body in bodies], bodies)
        out = []
        for (prefix, body, suffix), graph in zip(parts, graphs):
            rule = wrapped = None
            rule_reason = wrap_reason = ""
            if not body.strip():
                rule_reason = wrap_reason = "nothing but markup"
            else:
                try:
                    rule = apply(body, negate(graph))
                except Refusal as r:
                    rule_reason = r.reason
                try:
                    wrapped = wrap(graph)
                except Refusal as r:
                    wrap_reason = r.reason
            out.append(Candidate(prefix, body, suffix, rule, rule_reason, wrapped, wrap_reason))
        return out
