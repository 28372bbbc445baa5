"""Fuzzed documents through the batch path (issue 14; the long run is benchmarks/fuzz.py)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from relocalize.bench.fuzz import check, documents


def test_documents_are_seeded():
    assert list(documents(20, seed=3)) == list(documents(20, seed=3)) != list(documents(20, seed=4))


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 2**31 - 1))
def test_no_exception_no_row_lost_no_byte_changed_outside_an_edit(relocalizer, seed):
    counts = check(relocalizer, list(documents(8, seed)), batch=4)
    assert counts["exceptions"] == 0
    assert counts["rows_out"] == counts["rows_in"] == 8
    assert counts["outside_changed"] == 0
