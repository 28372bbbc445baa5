"""Does a rewrite negate the clause that carries the claim? Checked on the parses of both sides.

The NLI score cannot tell a negated main clause from a negated relative clause, or a negation that
leaves a participle or an appositive asserting the claim. Here the predicates a rewrite changed are
found on the claim's parse (by aligning the two token sequences), and the rewriter's own scope
checks (:func:`relocalize.rewrite.rules.check_scope`) decide whether negating just those predicates
leaves part of the claim standing. A wrapper ("It is not true that ...") is checked as the rewriter
checks its own wrappers. So a candidate from any backend (rules, seq2seq) meets the same bar.
"""

from __future__ import annotations

import difflib

from relocalize.rewrite.graph import Graph, Token
from relocalize.rewrite.registry import Refusal
from relocalize.rewrite.rules import check_clauses, check_scope, unmarked_conjunct
from relocalize.rewrite.wrap import WRAPPER

_VERBAL = ("VERB", "AUX")


def check(claim: Graph, rewrite: Graph) -> str | None:
    """None when ``rewrite`` negates every asserted part of ``claim``, else why not."""
    try:
        if WRAPPER.lower() in rewrite.text.lower() and WRAPPER.lower() not in claim.text.lower():
            roots = [t for t in claim.roots() if t.upos in _VERBAL]
            if len(roots) != 1:
                return "the wrapped text is not one clause"
            check_scope(claim, roots, wrapper=True)
            check_clauses(claim, roots[0])
            return None
        preds = negated_predicates(claim, rewrite)
        if not preds:
            return "no predicate of the claim was negated"
        # "Samples gathered in May contained lead" parsed with "gathered" as the root: a modifier of the subject
        reduced = tuple(r for r in claim.roots() if r.upos in _VERBAL and unmarked_conjunct(claim, r) in preds)
        check_scope(claim, preds, presupposed=reduced)
    except Refusal as r:
        return r.reason
    return None


def negated_predicates(claim: Graph, rewrite: Graph) -> list[Token]:
    """The verbs of ``claim`` whose clause the edit touched: each changed token's nearest verbal head."""
    a = [t.lower for t in claim.tokens]
    b = [t.lower for t in rewrite.tokens]
    changed: set[int] = set()
    for op, i1, i2, _, _ in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op in ("replace", "delete"):
            changed.update(range(i1, i2))
        elif op == "insert":
            changed.add(max(i1 - 1, 0))
    preds: dict[int, Token] = {}
    for i in sorted(changed):
        tok = claim.tokens[i]
        verb = tok if tok.upos in _VERBAL and tok.dep not in ("aux", "auxpass") else _verbal_head(claim, tok)
        if verb is not None:
            preds[verb.i] = verb
    return list(preds.values())


def _verbal_head(g: Graph, tok: Token) -> Token | None:
    for anc in g.ancestors(tok):
        if anc.upos in _VERBAL:
            return anc
    return None
