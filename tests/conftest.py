import json
from pathlib import Path

import pytest

import relocalize

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
    cursor_in = cursor_out = 0
    for e in sorted(prov.edits, key=lambda e: e.start):
        assert doc[cursor_in : e.start] == out[cursor_out : e.new_start]
        assert doc[e.start : e.end] == e.original
        assert out[e.new_start : e.new_end] == e.text
        cursor_in, cursor_out = e.end, e.new_end
    assert doc[cursor_in:] == out[cursor_out:]
