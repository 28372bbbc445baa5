"""A slice of the paper's dev gold, read by path from shared/ (never copied into the repo)."""

import pyarrow.parquet as pq
import pytest
from conftest import DEV, assert_outside_edits_identical

pytestmark = pytest.mark.skipif(not DEV.exists(), reason=f"dev gold not at {DEV}")


def _rows(name: str, step: int) -> list[dict]:
    return pq.read_table(DEV / name).to_pylist()[::step]


def test_gold_annotations_are_removed_and_claims_negated(relocalizer):
    rows = _rows("gold.parquet", 30)
    removed = total = local = claims = 0
    for row in rows:
        doc = row["dense_text"]
        out, prov = relocalizer.process(doc)
        assert_outside_edits_identical(doc, out, prov)
        removals = [(e.start, e.end) for e in prov.edits if e.kind in ("remove_annotation", "drop")]
        for span in row["negation_spans"]:
            total += 1
            removed += any(s <= span["start"] and span["end"] <= e for s, e in removals)
        c = prov.counts
        assert c.rewritten + c.wrapped + c.dropped + c.kept == c.claims_found >= len(row["claim_spans"])
        local += c.rewritten + c.wrapped
        claims += c.claims_found
        wraps = sorted((e.new_start, e.new_end) for e in prov.edits if e.kind == "wrap")
        bare = "".join(out[a:b] for a, b in zip([0] + [e for _, e in wraps], [s for s, _ in wraps] + [len(out)]))
        left = sum(claim["text"] in bare for claim in row["claim_spans"])  # outside "It is not true that ..."
        assert left <= c.kept  # a claim stays as written only when it is kept (a hard-wrapped line)
    # a claim kept because kept text leans on it ("That cannot be replicated.", "... published that case study")
    # keeps its markers, and so does one a kept claim opening with "It" leans on: 98 of 114 markers go in this slice
    assert removed / total >= 0.85
    # rewritten or wrapped; the rest is refused (dropped here), never garbled: since the partial-denial and
    # set-off refusals about a third of this slice was rewritten (17 of 52), down from over 40%; since claims that
    # presuppose the false event ("The 9.79 performance pulls the front outward") are refused, a fifth (10 of 52)
    assert local >= 0.15 * claims


def test_controls_stay_byte_identical(relocalizer):
    rows = _rows("controls.parquet", 20)
    assert all(relocalizer.process(r["text"])[0] == r["text"] for r in rows)
