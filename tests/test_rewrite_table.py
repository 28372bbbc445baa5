"""The rewrite table: one row per sentence, what the rules must produce or refuse."""

import pytest
from conftest import read_jsonl

from relocalize.plan import Outcome
from relocalize.rewrite.registry import REGISTRY
from relocalize.spans import Span

ROWS = read_jsonl("rewrite_cases.jsonl")
# Checks that catch what a misparse lets past the others: no sentence of the table reaches them.
BACKSTOPS = {"adverbial_clauses", "apply", "parse"}
# Checks of the stances of other framings, which have no negation to put in the table (tests/test_framings.py).
STANCE_CHECKS = {"stance_clause"}
# Verifier stages that may refuse a candidate besides the registry's checks.
STAGES = {"guards", "grammar", "structure", "nli", "seq2seq", "mid_sentence", "in_quote", "entry"}


def _param(row: dict):
    marks = [pytest.mark.xfail(reason=row["xfail"], strict=True)] if "xfail" in row else []
    return pytest.param(row, id=row["id"], marks=marks)


def test_table_is_large_and_covers_every_outcome():
    assert len(ROWS) >= 300
    assert {r["outcome"] for r in ROWS} == {"rule", "wrap", "refuse"}
    assert len({r["id"] for r in ROWS}) == len(ROWS)
    assert all({"id", "category", "sentence", "outcome", "accepted"} <= r.keys() for r in ROWS)


@pytest.mark.parametrize("row", [_param(r) for r in ROWS])
def test_rewrite_case(row, relocalizer):
    pipeline = relocalizer.pipeline
    candidate = pipeline.models.rewriter.candidates([row["sentence"]])[0]
    outcome = Outcome(Span(0, len(row["sentence"])))
    pipeline.decide(outcome, candidate)
    got = {"rewrite": "rule", "wrap": "wrap"}.get(outcome.kind, "refuse")
    assert got == row["outcome"], (outcome, candidate)
    if got != "refuse":
        assert outcome.text in row["accepted"]
    assert outcome.rule == row["rule"], "the rule or check that decides the row changed"


def _names(rule: str) -> set[str]:
    return {name.strip() for part in rule.replace(";", ",").split(",") for name in part.split("+") if name.strip()}


def test_every_registered_rule_and_check_decides_some_row():
    named = set().union(*(_names(r["rule"]) for r in ROWS if "rule" in r))
    assert named <= set(REGISTRY) | STAGES, named - set(REGISTRY) - STAGES
    unnamed = set(REGISTRY) - named - STANCE_CHECKS
    assert unnamed == BACKSTOPS, "a rule or check without a row in the table (or a backstop that has one)"
    assert all("rule" in r for r in ROWS if "xfail" not in r)
