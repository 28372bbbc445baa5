"""Verifier thresholds calibrated on the dev data, stored beside this module.

There is one threshold per rewrite method: the model scores "It is not true that X"
lower than an in-place negation, so one cut for both would reject most wrappers.
"""

from __future__ import annotations

import json
from pathlib import Path

PATH = Path(__file__).with_name("calibration.json")


METHODS = ("rule", "wrap")


def calibrated_thresholds() -> dict[str, float]:
    stored = json.loads(PATH.read_text())["thresholds"]
    return {m: float(stored[m]) for m in METHODS}


def store(thresholds: dict[str, float], **details: object) -> None:
    data = {"thresholds": {m: round(t, 4) for m, t in thresholds.items()}, **details}
    PATH.write_text(json.dumps(data, indent=2) + "\n")


def choose_threshold(positive: list[float], negative: list[float]) -> float:
    """The cut that best separates correct negations from pairs that keep the claim.

    Maximises Youden's J (true-positive rate minus false-positive rate) and returns
    the midpoint between the two scores around the best cut.
    """
    if not positive or not negative:
        raise ValueError("calibration needs positive and negative pairs")
    scored = sorted([(s, 1) for s in positive] + [(s, 0) for s in negative], reverse=True)
    best_j, best = -1.0, 0.5
    tp = fp = 0
    for i, (score, label) in enumerate(scored):
        tp += label
        fp += 1 - label
        nxt = scored[i + 1][0] if i + 1 < len(scored) else 0.0
        if nxt == score:
            continue
        j = tp / len(positive) - fp / len(negative)
        if j > best_j:
            best_j, best = j, (score + nxt) / 2
    return best
