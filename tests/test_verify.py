"""The verifier model and the structural guards."""

import statistics

import pytest
from conftest import DATA, read_jsonl

from relocalize.verify import guards
from relocalize.verify.base import MemoVerifier
from relocalize.verify.onnx_nli import AegisVerifier


def test_model_scores_a_local_negation_above_the_threshold_and_the_identity_below(relocalizer):
    models = relocalizer.pipeline.models
    claim = "The orchestra performed the symphony in Vienna."
    assert (
        models.verifier.contradiction(claim, "The orchestra did not perform the symphony in Vienna.")
        > models.thresholds["rule"]
    )
    assert models.verifier.contradiction(claim, claim) < models.thresholds["rule"]


def test_scores_do_not_depend_on_what_was_scored_before():
    v = AegisVerifier()  # the model itself: what lets the pipeline score each distinct pair once
    pair = ("The ferry sank in 1912.", "The ferry did not sink in 1912.")
    first = v.contradiction(*pair)
    v.contradiction("Cats sleep a lot.", "Dogs bark at night.")
    assert v.contradiction(*pair) == first


def test_own_length_scores_match_the_padded_graph_on_labelled_pairs():
    """Every rewrite and wrapper a person labelled on the unseen corpora (543 pairs at this writing):
    measured, the median change is 0.0002 and the largest 0.069 (a wrapper; on the dev calibration pairs, 0.091)."""
    pairs = [
        (r["claim"].strip(), r["rewrite"].strip())
        for path in sorted(DATA.glob("review_unseen*.jsonl"))
        for r in read_jsonl(path.name)
        if r["kind"] in ("rewrite", "wrap") and r.get("claim") and r.get("rewrite")
    ]
    own, padded = AegisVerifier(), AegisVerifier(padded=True)
    assert len(pairs) >= 150 and max(own.tokens(*p) for p in pairs) < 160
    changes = [abs(own.contradiction(*p) - padded.contradiction(*p)) for p in pairs]
    assert statistics.median(changes) < 0.002 and max(changes) < 0.1


@pytest.mark.parametrize(
    ("original", "rewrite", "problem"),
    [
        ("Ana won the race.", "Ana did not win the race.", None),
        ("The shop isn't open.", "The shop is open.", None),
        ("There was a fire.", "There was no fire.", None),
        ("He can swim.", "He cannot swim.", None),
        ("Ana won the race.", "Ana won the race.", "no change"),
        ("Ana won the race in 2019.", "Ana did not win the race in 2018.", "numbers changed"),
        ("Ana won the race.", "Ana lost the race.", "no polarity change"),
        ("Ana won the race.", "Ana did not win the marathon.", "content words changed"),
        ("Ana won the race.", "Ana did not not win the race.", "double negation"),
        (
            "We show the map not merely as a chart but as a story.",
            "We do not show the map not merely as a chart but as a story.",
            "double negation (a focus negation stays in the clause)",
        ),
        (
            "We show the map not merely as a chart but as a story.",
            "It is not true that we show the map not merely as a chart but as a story.",
            None,
        ),
        ("She ran not only fast but far.", "She did not run fast or far.", "no polarity change"),
    ],
)
def test_guards(original, rewrite, problem):
    assert guards.check(original, rewrite) == problem


def test_choose_threshold_separates_the_classes():
    from relocalize.verify.calibration import choose_threshold

    t = choose_threshold([0.99, 0.98, 0.97], [0.6, 0.7, 0.2])
    assert 0.7 < t < 0.97
    t = choose_threshold([0.99, 0.5], [0.6, 0.4])  # overlap: best cut keeps most positives, fewest negatives
    assert 0.6 < t < 0.99
    with pytest.raises(ValueError):
        choose_threshold([], [0.1])


def test_residual_check_sees_kept_and_half_negated_claims(relocalizer):
    from relocalize.pipeline import residual_assertions

    claim = "The ferry company doubled its fares and cancelled the night crossing."
    outputs = {
        "kept": f"Harbour news. {claim} More next week.",
        "negated": "Harbour news. The ferry company did not double its fares and did not cancel the night crossing. "
        "More next week.",
        "one conjunct left": "Harbour news. The ferry company did not double its fares "
        "and cancelled the night crossing. More next week.",
        "dropped": "Harbour news. More next week.",
    }
    got = {k: residual_assertions(relocalizer.pipeline, v, [claim])[0] for k, v in outputs.items()}
    assert got == {"kept": True, "negated": False, "one conjunct left": True, "dropped": False}


class _Counting:
    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    def contradiction(self, premise: str, hypothesis: str) -> float:
        self.calls.append((premise, hypothesis))
        return len(premise) / (len(premise) + len(hypothesis))


def test_each_distinct_pair_is_scored_once_and_the_memo_is_bounded():
    inner = _Counting()
    memo = MemoVerifier(inner, size=2)
    a, b, c = ("The pier burned.", "It did not."), ("The mill shut.", "No."), ("The tram ran.", "Never.")
    assert memo.contradiction(*a) == memo.contradiction(*a) == inner.contradiction(*a)
    assert inner.calls == [a, a]  # one call through the memo, one made here
    memo.contradiction(*b), memo.contradiction(*c)  # a, the oldest, goes
    memo.contradiction(*a)
    assert inner.calls == [a, a, b, c, a]


def test_the_pipeline_scores_a_repeated_pair_without_calling_the_model_again():
    from relocalize.options import Options
    from relocalize.timing import TimedModels, Timer

    models = TimedModels(Options(), Timer())
    pair = ("The ferry sank off the point.", "The ferry did not sink off the point.")
    first = models.verifier.contradiction(*pair)
    calls = models.timer.calls["verify"]
    assert models.verifier.contradiction(*pair) == first and models.timer.calls["verify"] == calls
