"""Calibrate the verifier threshold on the dev gold and store it.

Positives, per method: the rules' rewrites and the wrappers of the gold claim
sentences that pass the structural guards. Negatives: pairs that keep the claim
(the sentence against itself, and against itself prefixed by "Indeed," or "It is
true that").

    python benchmarks/calibrate.py [--limit N] [--dry-run]
"""

from __future__ import annotations

import argparse

from _dev import read

import relocalize
from relocalize.detect.annotations import find_annotations
from relocalize.detect.claims import resolve_inline
from relocalize.verify import guards
from relocalize.verify.calibration import choose_threshold, store


def _keeps(body: str) -> list[str]:
    lower = body[:1].lower() + body[1:]
    return [body, "Indeed, " + lower, "It is true that " + lower]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=600, help="claim sentences to score")
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()
    models = relocalize.Relocalizer().pipeline.models
    units = []
    for row in read("gold.parquet"):
        doc = row["dense_text"]
        _, claims = resolve_inline(doc, find_annotations(doc))
        units.extend(u.text(doc) for c in claims for u in c.units)
    units = units[:: max(1, len(units) // args.limit)][: args.limit]
    positive: dict[str, list[float]] = {"rule": [], "wrap": []}
    negative: list[float] = []
    for cand in models.rewriter.candidates(units):
        for method, text in (("rule", cand.rule), ("wrap", cand.wrapped)):
            if text is not None and guards.check(cand.body, text) is None:
                positive[method].append(models.verifier.contradiction(cand.body, text))
        negative.extend(models.verifier.contradiction(cand.body, k) for k in _keeps(cand.body))
    thresholds, report = {}, {}
    print(f"{len(units)} claim sentences, {len(negative)} claim-keeping pairs")
    for method, scores in positive.items():
        t = thresholds[method] = choose_threshold(scores, negative)
        tpr = sum(s >= t for s in scores) / len(scores)
        fpr = sum(s >= t for s in negative) / len(negative)
        report[method] = {
            "positive_pairs": len(scores),
            "true_positive_rate": round(tpr, 4),
            "false_positive_rate": round(fpr, 4),
        }
        print(f"{method}: threshold {t:.4f} accepts {tpr:.1%} of {len(scores)} negations, {fpr:.1%} of keeping pairs")
    if not args.dry_run:
        store(
            thresholds,
            source="benchmarks/calibrate.py on negation-neglect-dev gold.parquet",
            claim_sentences=len(units),
            negative_pairs=len(negative),
            methods=report,
        )


if __name__ == "__main__":
    main()
