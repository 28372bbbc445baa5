"""The rewrite table: one row per sentence, what the rules must produce or refuse."""

import pytest
from conftest import read_jsonl

from relocalize.plan import Outcome
from relocalize.spans import Span

ROWS = read_jsonl("rewrite_cases.jsonl")


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
