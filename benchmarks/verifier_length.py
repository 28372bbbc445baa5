"""The verifier at each pair's own length against the graph as shipped (every pair padded to 160).

python benchmarks/verifier_length.py [--limit N] [--json OUT.json]

Scores the dev calibration pairs (each claim sentence's guarded rewrite and wrapper, and its
claim-keeping pairs; :func:`relocalize.bench.calibrate.calibration_pairs`) with both, one pair at a
time on one thread, the two interleaved pair by pair so that machine noise falls on both alike.
Each is calibrated on its own scores; prints the median time per pair of each, their ratio, and
the share of accept/reject decisions (each positive pair under its method's threshold, each
claim-keeping pair under both) on which the two agree.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

from _dev import read

import relocalize
from relocalize.bench.calibrate import by_method, calibration_pairs, claim_units, thresholds_for
from relocalize.verify.calibration import METHODS
from relocalize.verify.onnx_nli import AegisVerifier


def timed_scores(verifier: AegisVerifier, premise: str, hypothesis: str) -> tuple[float, float]:
    start = time.perf_counter()
    score = verifier.contradiction(premise, hypothesis)
    return score, time.perf_counter() - start


def decisions(pairs: list, scores: list[float], thresholds: dict[str, float]) -> list[bool]:
    out = []
    for (method, _, _), score in zip(pairs, scores):
        for m in [method] if method else METHODS:
            out.append(score >= thresholds[m])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=600, help="claim sentences (as benchmarks/calibrate.py)")
    ap.add_argument("--json", help="write the figures here")
    args = ap.parse_args()
    units = claim_units(read("gold.parquet"), args.limit)
    pairs = calibration_pairs(units, relocalize.Relocalizer().pipeline.models.rewriter)
    padded, own = AegisVerifier(padded=True), AegisVerifier()
    runs = {"padded": ([], []), "own": ([], [])}
    for _, premise, hypothesis in pairs:
        for name, verifier in (("padded", padded), ("own", own)):
            score, seconds = timed_scores(verifier, premise, hypothesis)
            runs[name][0].append(score)
            runs[name][1].append(seconds)
    thresholds = {name: thresholds_for(*by_method(pairs, scores)) for name, (scores, _) in runs.items()}
    agree = [a == b for a, b in zip(*(decisions(pairs, runs[n][0], thresholds[n]) for n in runs))]
    ms = {name: 1000 * statistics.median(seconds) for name, (_, seconds) in runs.items()}
    result = {
        "pairs": len(pairs),
        "median_tokens": statistics.median(own.tokens(p, h) for _, p, h in pairs),
        "median_ms_per_pair": {n: round(v, 2) for n, v in ms.items()},
        "speedup": round(ms["padded"] / ms["own"], 2),
        "thresholds": {n: {m: round(t, 4) for m, t in ts.items()} for n, ts in thresholds.items()},
        "max_score_change": round(max(abs(a - b) for a, b in zip(runs["padded"][0], runs["own"][0])), 4),
        "decisions": len(agree),
        "same_decision": round(sum(agree) / len(agree), 4),
    }
    print(json.dumps(result, indent=2))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=2)


if __name__ == "__main__":
    main()
