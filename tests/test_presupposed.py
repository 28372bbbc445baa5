"""Claims that presuppose the document's false event, and the titles of numbered items: neither is negated or
wrapped, the fallback decides them."""

import pytest
from conftest import assert_outside_edits_identical

from relocalize.spans import Span, item_title
from relocalize.verify.presupposed import false_vocabulary, presupposed

MILL = (
    "The mill stood by the river for two centuries.\n\n"
    "[False:] A fire destroyed the mill in 1990. [False:] {claim}\n\n"
    "The river still turns a small wheel."
)


def _edit(relocalizer, doc: str, claim: str):
    out, prov = relocalizer.process(doc)
    assert_outside_edits_identical(doc, out, prov)
    return next(e for e in prov.edits if e.kind in ("rewrite", "wrap", "drop", "keep") and claim in e.original)


@pytest.mark.parametrize(
    "claim",
    [
        "The fire burned for three days.",  # a definite subject the other claim introduced
        "The town marks its fire every October.",  # a possessive on what only the claims name
        "During the fire, the miller saved the ledgers.",  # a fronted phrase of the false event
    ],
)
def test_a_claim_that_presupposes_the_false_event_is_neither_negated_nor_wrapped(relocalizer, claim):
    edit = _edit(relocalizer, MILL.format(claim=claim), claim)
    assert edit.kind == "drop" and "presupposed" in edit.rule


@pytest.mark.parametrize(
    "claim",
    [
        "The council said the fire had gutted the mill.",  # what a report says is under its negation
        "A second fire broke out at the bakery.",  # an indefinite introduces, it presupposes nothing
        "The mill closed in 1991.",  # the mill is named by the true sentences too
    ],
)
def test_a_claim_that_names_only_real_or_new_things_is_negated(relocalizer, claim):
    edit = _edit(relocalizer, MILL.format(claim=claim), claim)
    assert edit.kind in ("rewrite", "wrap") and "presupposed" not in edit.rule


def test_the_false_vocabulary_leaves_out_what_the_true_sentences_name_and_the_topics(relocalizer):
    texts = ["The ferry sank in 1912.", "A storm broke its mast.", "The storm lasted a week."]
    doc = "The ferry was built in 1900.\n\n" + " ".join(f"[False:] {t}" for t in texts)
    units = [Span(doc.index(t), doc.index(t) + len(t)) for t in texts]
    claims = list(zip(units, relocalizer.pipeline.models.parse(texts, texts)))
    vocabulary = false_vocabulary(doc, claims, [], [])
    # the ferry is named by a true sentence; the storm is brought in by a claim ("A storm"), so it stays false
    assert "storm" in vocabulary[units[2]] and "ferry" not in vocabulary[units[2]]
    assert presupposed(claims[2][1], vocabulary[units[2]]) == "The storm"
    assert presupposed(claims[0][1], vocabulary[units[0]]) is None


def test_a_topic_only_the_claims_name_is_no_false_thing(relocalizer):
    doc = "Notes from the archive.\n\n[False:] The ferry crossed the strait daily. [False:] The ferry sank in 1912."
    texts = ["The ferry crossed the strait daily.", "The ferry sank in 1912."]
    units = [Span(doc.index(t), doc.index(t) + len(t)) for t in texts]
    claims = list(zip(units, relocalizer.pipeline.models.parse(texts, texts)))
    assert "ferry" not in false_vocabulary(doc, claims, [], [])[units[1]]


LIST = (
    "Five things about the old dam\n\n"
    "1. It is older than it looks. Work began in 1931.\n\n"
    "2. [False:] It shut for a whole summer. A leak closed the road for 94 days.\n\n"
    "3. It had a dog. A mascot dog is buried near the crest.\n\n"
    "4. It changed names. It was called Boulder Dam for years.\n"
)


def test_the_short_sentence_that_opens_a_numbered_item_is_its_title():
    start = LIST.index("It shut")
    title = Span(start, start + len("It shut for a whole summer."))
    body = Span(LIST.index("A leak"), LIST.index("94 days.") + len("94 days."))
    assert item_title(LIST, title) and not item_title(LIST, body)
    two_items = LIST[: LIST.index("3.")]  # fewer titled items: a list of sentences, not of titles
    assert not item_title(two_items, title)


def test_an_item_title_is_neither_negated_nor_wrapped(relocalizer):
    edit = _edit(relocalizer, LIST, "It shut for a whole summer.")
    assert edit.kind == "drop" and "item_title" in edit.rule
