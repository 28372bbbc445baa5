"""Calibrate the verifier thresholds on gold claim sentences and store them.

Positives, per method: the rules' rewrites and the wrappers of the claim sentences the
detector finds that pass the structural guards. Negatives: pairs that keep the claim (the
sentence against itself, and against itself prefixed by "Indeed," or "It is true that").
Each method's threshold maximises Youden's J
(:func:`relocalize.verify.calibration.choose_threshold`); :func:`calibrate` stores them with
:func:`relocalize.verify.calibration.store`, where every later run reads them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from relocalize.detect.annotations import find_annotations
from relocalize.detect.claims import resolve_inline
from relocalize.models import Models
from relocalize.rewrite.rewriter import RuleRewriter
from relocalize.verify import guards
from relocalize.verify.calibration import METHODS, choose_threshold, store


def keeping_pairs(body: str) -> list[str]:
    """Hypotheses that keep the claim ``body``."""
    lower = body[:1].lower() + body[1:]
    return [body, "Indeed, " + lower, "It is true that " + lower]


def claim_units(rows: Sequence[dict[str, Any]], limit: int) -> list[str]:
    """Up to ``limit`` claim sentences the detector finds, evenly spread over ``rows``."""
    units = []
    for row in rows:
        doc = row["dense_text"]
        _, claims = resolve_inline(doc, find_annotations(doc))
        units.extend(u.text(doc) for c in claims for u in c.units)
    return units[:: max(1, len(units) // limit)][:limit]


Pair = tuple[str | None, str, str]
"""(method, premise, hypothesis); the method is None for a pair that keeps the claim."""


def calibration_pairs(units: Sequence[str], rewriter: RuleRewriter) -> list[Pair]:
    """Each claim sentence's guarded rewrites and wrappers, and its claim-keeping pairs."""
    pairs: list[Pair] = []
    for cand in rewriter.candidates(units):
        for method, text in (("rule", cand.rule), ("wrap", cand.wrapped)):
            if text is not None and guards.check(cand.body, text) is None:
                pairs.append((method, cand.body, text))
        pairs.extend((None, cand.body, k) for k in keeping_pairs(cand.body))
    return pairs


def by_method(pairs: Sequence[Pair], scores: Sequence[float]) -> tuple[dict[str, list[float]], list[float]]:
    """The scores of each method's pairs, and those of the claim-keeping pairs."""
    positive: dict[str, list[float]] = {m: [] for m in METHODS}
    negative: list[float] = []
    for (method, _, _), score in zip(pairs, scores):
        (negative if method is None else positive[method]).append(score)
    return positive, negative


def thresholds_for(positive: dict[str, list[float]], negative: list[float]) -> dict[str, float]:
    """Each method's threshold between its pairs' scores and the claim-keeping ones (:func:`by_method`)."""
    return {m: choose_threshold(positive[m], negative) for m in METHODS}


def calibrate(
    rows: Sequence[dict[str, Any]],
    models: Models,
    limit: int = 600,
    save: bool = True,
    source: str = "relocalize bench --calibrate",
    say: Callable[[str], None] = lambda _: None,
) -> dict[str, Any]:
    """Compute the per-method thresholds on ``rows`` (gold schema); store them unless ``save`` is False."""
    units = claim_units(rows, limit)
    pairs = calibration_pairs(units, models.rewriter)
    scores = [models.verifier.contradiction(premise, hypothesis) for _, premise, hypothesis in pairs]
    positive, negative = by_method(pairs, scores)
    thresholds = thresholds_for(positive, negative)
    report = {}
    say(f"calibration: {len(units)} claim sentences, {len(negative)} claim-keeping pairs")
    for method, t in thresholds.items():
        kept = positive[method]
        tpr = sum(s >= t for s in kept) / len(kept)
        fpr = sum(s >= t for s in negative) / len(negative)
        report[method] = {
            "positive_pairs": len(kept),
            "true_positive_rate": round(tpr, 4),
            "false_positive_rate": round(fpr, 4),
        }
        say(f"{method}: threshold {t:.4f} accepts {tpr:.1%} of {len(kept)} negations, {fpr:.1%} of keeping pairs")
    details = {"claim_sentences": len(units), "negative_pairs": len(negative), "methods": report}
    if save:
        store(thresholds, source=source, **details)
    return {"thresholds": {m: round(t, 4) for m, t in thresholds.items()}, "stored": save, **details}
