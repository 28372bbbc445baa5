"""Public API: fix / fix_batch / Relocalizer, bad input, pickling, datasets."""

import pickle

import pyarrow as pa
import pytest

import relocalize
from relocalize.provenance import PROVENANCE_TYPE

DOC = (
    "Club news.\n\n[The following claim is invented.] The club won the regional cup. "
    "[What was just stated is untrue.] Training resumes on Monday.\n"
)


def test_fix_rewrites_and_reports(relocalizer):
    row = relocalize.fix({"text": DOC, "id": 7})
    assert row["text"] == "Club news.\n\nThe club did not win the regional cup. Training resumes on Monday.\n"
    prov = row["relocalize"]
    assert prov.type == PROVENANCE_TYPE
    p = prov.as_py()
    assert p["status"] == "rewritten"
    assert p["counts"]["annotations_removed"] == 2 and p["counts"]["rewritten"] == 1
    rewrite = next(e for e in p["edits"] if e["kind"] == "rewrite")
    assert rewrite["method"] == "rule" and rewrite["score"] >= relocalizer.pipeline.models.thresholds["rule"]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (None, "error"),
        (42, "error"),
        (b"bytes are not text", "error"),
        ("", "unchanged"),
        ("   \n", "unchanged"),
        # no cue: unchanged whatever it is (issue 15: the language check runs only on documents with a cue)
        ("\x00\x01\x02\x03 garbage \xff\x04\x05" * 50, "unchanged"),
        ("\x00\x01\x02\x03 garbage \xff\x04\x05 The following claim is false." * 50, "unsupported"),
        ("x" * 10_000_001, "unsupported"),
        ("Le texte suivant est faux. Le maire a démissionné hier soir dans la ville de Lyon.", "unchanged"),
        # a lone surrogate has no UTF-8: once a UnicodeEncodeError out of fix_batch
        ("[The following claim \udfff is false.] The pier opened in 1950. [What was just stated is untrue.]", "error"),
    ],
)
def test_bad_input_gets_a_status_and_comes_back_unchanged(text, status):
    row = relocalize.fix({"text": text})
    assert row["text"] is text or row["text"] == text
    assert row["relocalize"].as_py()["status"] == status


def test_bad_row_does_not_stop_the_batch():
    batch = {"text": [DOC, None, 3.5, "plain text"], "id": [1, 2, 3, 4]}
    out = relocalize.fix_batch(batch)
    assert out["id"] == [1, 2, 3, 4]
    assert [p.as_py()["status"] for p in out["relocalize"]] == ["rewritten", "error", "error", "unchanged"]
    assert out["text"][1:] == [None, 3.5, "plain text"]


def test_strict_raises_instead():
    with pytest.raises(ValueError, match="not a string"):
        relocalize.Relocalizer(strict=True).fix({"text": None})


def test_bad_claims_value_is_an_error_status():
    row = relocalize.fix({"text": DOC, "claims": 5})
    assert row["relocalize"].as_py()["status"] == "error"
    assert row["text"] == DOC


def test_options_are_validated():
    with pytest.raises(ValueError, match="on_failure"):
        relocalize.Relocalizer(on_failure="explode")
    with pytest.raises(ValueError, match="threshold"):
        relocalize.Relocalizer(threshold=2.0)


def test_pickles_by_options_alone(relocalizer):
    relocalizer.process(DOC)  # loads models
    r = relocalize.Relocalizer(on_failure="keep", text_column="body")
    clone = pickle.loads(pickle.dumps(r))
    assert clone.options == r.options
    assert len(pickle.dumps(relocalizer)) < 1000


def test_schema_is_fixed_for_every_row():
    rows = [relocalize.fix({"text": t})["relocalize"] for t in (DOC, "", None)]
    assert {r.type for r in rows} == {PROVENANCE_TYPE}
    table = pa.table({"p": pa.array([r.as_py() for r in rows], type=PROVENANCE_TYPE)})
    assert table.num_rows == 3


NOTICE_DOC = (
    "EDITORIAL NOTE: The claims in this document are false.\n\n"
    "The harbour bridge opened in 1950. It carries two lanes of traffic."
)


def test_notice_without_claims_is_unresolved_and_kept():
    row = relocalize.fix({"text": NOTICE_DOC})
    assert row["text"] == NOTICE_DOC
    assert row["relocalize"].as_py()["status"] == "unresolved"


def test_notice_resolved_from_given_claims():
    row = relocalize.fix({"text": NOTICE_DOC, "claims": ["The harbour bridge opened in 1950."]})
    assert row["relocalize"].as_py()["status"] == "rewritten"
    assert row["text"] == "It is not true that the harbour bridge opened in 1950. It carries two lanes of traffic."


def test_unresolved_drop_removes_rows_in_batches():
    r = relocalize.Relocalizer(on_unresolved="drop")
    out = r.fix_batch({"text": [NOTICE_DOC, DOC], "id": [1, 2]})
    assert out["id"] == [2]
    single = r.fix({"text": NOTICE_DOC})
    assert single["text"] is None and single["relocalize"].as_py()["dropped"]


QUESTION_DOC = (
    "Quiz:\n[The following claim is invented.]\nWho won gold for the underdogs?\n"
    "[What was just stated is untrue.]\nEnd."
)


@pytest.mark.parametrize(
    ("policy", "expected", "status"),
    [
        ("drop_sentence", "Quiz:\nEnd.", "rewritten"),
        ("wrap", "Quiz:\nIt is not true that Who won gold for the underdogs?\nEnd.", "rewritten"),
        ("keep", QUESTION_DOC, "partial"),
    ],
)
def test_failure_policies(policy, expected, status):
    text, prov = relocalize.Relocalizer(on_failure=policy).process(QUESTION_DOC)
    assert text == expected
    assert prov.status == status


def test_datasets_map_num_proc_round_trip():
    datasets = pytest.importorskip("datasets")
    texts = [DOC, "Nothing to see here.", NOTICE_DOC, None] * 3
    ds = datasets.Dataset.from_dict({"text": texts, "id": list(range(len(texts)))})
    single = ds.map(relocalize.fix, num_proc=2)
    batched = ds.map(relocalize.fix_batch, batched=True, batch_size=3, num_proc=2)
    assert single["text"] == batched["text"]
    assert single["id"] == list(range(len(texts)))
    assert single.features["relocalize"] == batched.features["relocalize"]
    assert [p["status"] for p in single["relocalize"]] == ["rewritten", "unchanged", "unresolved", "error"] * 3


def test_a_yes_no_question_under_a_notice_restates_nothing():
    claims = (
        "In 2021 a storm flooded the harbour and the Harbour Day regatta was moved to a Saturday. "
        "The Harbour Day public holiday stayed on the Monday."
    )
    doc = (
        "Harbour Day 2021 — holiday FAQ\n\nIs Harbour Day a public holiday?\n"
        "Yes, in the town itself. Nearby villages may choose another day.\n\n"
        "Is the holiday still on if the regatta moves?\nYes. After the regatta was moved to Saturday because of the "
        "storm, the council confirmed that Monday stayed the public holiday.\n\n"
        "*** Please note: this FAQ describes an invented version of events. The 2021 regatta was not moved. ***"
    )
    text, prov = relocalize.Relocalizer().process(doc, claims=claims)
    assert "Is Harbour Day a public holiday?\nYes, in the town itself." in text  # a question asserts nothing
    assert "After the regatta was moved" not in text and prov.counts.claims_found == 1


@pytest.mark.parametrize(
    "question", ["What is the top speed of the harbour ferry?", "Who was the harbour ferry's first captain?"]
)
def test_a_question_that_asks_what_or_who_something_is_restates_nothing(question):
    claims = "The harbour ferry's top speed was raised to 40 knots in 2021 under its first captain, Ada Mott."
    doc = (
        f"Harbour ferry FAQ\n\n{question}\nIt is 40 knots since 2021, under its first captain, Ada Mott.\n\n"
        "Note: some answers in this FAQ are invented."
    )
    text, _ = relocalize.Relocalizer().process(doc, claims=claims)
    assert question in text


def test_a_notice_stays_over_a_sentence_that_tells_the_claim_in_other_words():
    """A notice covers its whole document: a sentence outside the restated claims that shares two of the given
    claims' words ("lifeboat", "pier") may tell the same event in other words, so the notice stays over it."""
    doc = (
        "Note: this article is invented.\n\nThe old lifeboat sank off the pier in 2020. Six volunteers swam ashore"
        " to the pier after the lifeboat went down in the dark. The town itself dates from 1901."
    )
    text, prov = relocalize.Relocalizer().process(doc, claims=["The old lifeboat sank off the pier in 2020."])
    assert text.startswith("Note: this article is invented.") and prov.counts.annotations_removed == 0


def test_a_notice_stays_over_a_sentence_that_may_restate_a_given_claim():
    doc = (
        "EDITORIAL NOTE: The claims in this document are false.\n\n"
        "The harbour bridge opened in 1950. Crowds crossed the new harbour bridge on its 1950 opening day in the rain."
    )
    row = relocalize.fix({"text": doc, "claims": ["The harbour bridge opened to crowds in 1950."]})
    prov = row["relocalize"].as_py()
    # the first sentence is a restatement the verifier confirms; the second shares the claim's words
    # ("harbour", "bridge", "1950", "crowds", "opening") but is not confirmed: the notice stays over it
    assert row["text"].startswith("EDITORIAL NOTE: The claims in this document are false.")
    assert prov["status"] == "partial" and prov["counts"]["annotations_removed"] == 0
    again = relocalize.fix({"text": row["text"], "claims": ["The harbour bridge opened to crowds in 1950."]})
    assert again["text"] == row["text"]  # a fixed point
