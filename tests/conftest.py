import json
import os
from pathlib import Path

import pytest
from hypothesis import settings

import relocalize
from relocalize.bench.fuzz import outside_edits_intact

# The suite draws the same examples on every run, so CI cannot turn red on a case no commit introduced;
# HYPOTHESIS_PROFILE=explore draws new ones (and a failure there becomes a test of its own).
settings.register_profile("repo", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repo"))

DATA = Path(__file__).parent / "data"
DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "negation-neglect-dev"


def read_jsonl(name: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="session")
def relocalizer() -> relocalize.Relocalizer:
    return relocalize.Relocalizer()


def assert_outside_edits_identical(doc: str, out: str, prov: relocalize.Provenance) -> None:
    """Replaying the provenance edits must account for every byte of ``out``."""
    assert outside_edits_intact(doc, out, prov), f"bytes outside the edits changed: {out!r}"
