"""The verifier threshold calibrated on the dev data, stored beside this module."""

from __future__ import annotations

import json
from pathlib import Path

PATH = Path(__file__).with_name("calibration.json")


def calibrated_threshold() -> float:
    return float(json.loads(PATH.read_text())["threshold"])


def store(threshold: float, **details: object) -> None:
    PATH.write_text(json.dumps({"threshold": round(threshold, 4), **details}, indent=2) + "\n")
