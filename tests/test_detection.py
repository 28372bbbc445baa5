"""Detection on hand-written documents: every annotation form and the look-alikes."""

import pytest
from conftest import assert_outside_edits_identical, read_jsonl

from relocalize.detect.annotations import find_annotations
from relocalize.detect.claims import resolve_inline

DOCS = read_jsonl("detection_docs.jsonl")


ENGLISH = [d for d in DOCS if d["form"] != "non_english"]  # the language check runs before detection


@pytest.mark.parametrize("row", ENGLISH, ids=[d["id"] for d in ENGLISH])
def test_annotations_found_exactly(row):
    doc = row["text"]
    annotations, _ = resolve_inline(doc, find_annotations(doc))
    got = sorted((a.span.text(doc), a.direction) for a in annotations)
    assert got == sorted((a["text"], a["direction"]) for a in row["annotations"])


@pytest.mark.parametrize("row", [d for d in DOCS if d["claims"]], ids=lambda d: d["id"])
def test_governed_claims_found(row):
    doc = row["text"]
    _, claims = resolve_inline(doc, find_annotations(doc))
    units = [u.text(doc) for c in claims for u in c.units]
    for claim in row["claims"]:
        assert any(claim in u or u in claim for u in units), (claim, units)


@pytest.mark.parametrize("row", DOCS, ids=[d["id"] for d in DOCS])
def test_document_status_and_bytes(row, relocalizer):
    out, prov = relocalizer.process(row["text"])
    if "expect_status" in row:
        assert prov.status == row["expect_status"]
    if prov.status in ("unchanged", "unresolved", "unsupported"):
        assert out == row["text"]
    assert_outside_edits_identical(row["text"], out, prov)
    for ann in row["annotations"]:
        if prov.status == "rewritten":
            assert ann["text"] not in out
