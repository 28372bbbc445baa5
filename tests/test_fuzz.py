"""Fuzzed documents through the batch path (issue 14; the long run is benchmarks/fuzz.py)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import relocalize
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
    assert counts["second_pass_changed"] == 0  # relocalize's output is a fixed point


def test_a_document_a_second_pass_would_change_is_left_as_it_came(relocalizer):
    # Fuzzed documents whose edited output a second pass changed again before the settle step
    docs = list(documents(364, seed=0))
    for doc in (docs[120], docs[363]):
        out, prov = relocalizer.process(doc)
        assert (out, prov.status, prov.edits) == (doc, "unresolved", []), prov
        assert prov.message == "left as it was: a second pass changes the output"
        assert prov.counts.annotations_found > 0
        assert relocalizer.process(out)[0] == out
    dropping = relocalize.Relocalizer(on_unresolved="drop")
    out, prov = dropping.process(docs[120])
    assert (out, prov.status, prov.dropped) == (None, "unresolved", True)
