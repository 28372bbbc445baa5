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


@pytest.mark.parametrize(
    ("opening", "closing"),
    [
        ("⟦invented passage begins⟧", "⟦invented passage ends⟧"),  # brackets of any Unicode pair
        ("⸢made up⸣", "⸢/made up⸣"),
        ("==> fabricated ==>", "<== fabricated <=="),  # a rule or arrow run on both sides
        ("++ untrue: ++", "++ :untrue ++"),  # the colon on the side of the passage
        ("|| bogus starts ||", "|| bogus stops ||"),
        ("%%BEGIN-FALSE%%", "%%END-FALSE%%"),
        ("⟨made-up section⟩", "⟨/made-up section⟩"),  # a closing tag the classifier cannot read alone
        # one bracket pair around the whole passage, a label at each end, or at the start only
        ("{fiction from here:", ":fiction to here}"),
        ("<<< HOAX SECTION BEGINS", "HOAX SECTION ENDS >>>"),
        ("[[ false aside:", "]]"),
    ],
)
def test_a_pair_of_markers_of_the_same_words_encloses_its_passage(opening, closing):
    doc = (
        "The lighthouse was built in 1871. Its lamp burned paraffin until 1950.\n\n"
        f"{opening} A gale toppled the lantern room in 2016. {closing} Visitors can climb its 96 steps."
    )
    annotations, claims = resolve_inline(doc, find_annotations(doc))
    assert {(a.span.text(doc), a.direction) for a in annotations} == {(opening, "forward"), (closing, "backward")}
    assert [u.text(doc) for c in claims for u in c.units] == ["A gale toppled the lantern room in 2016."]


@pytest.mark.parametrize(
    "doc",
    [
        "The ferry sank off Brest in 1912. [That is false.] Its captain retired to Cork in 1913. [Pure fiction.]",
        "[Invented:] The mill burned down in 1887. [Not true:] The miller rebuilt it in stone.",
        # an angle bracket or guillemet opening a marker is no closing arrow ("← end")
        "<made up> The mill burned down in 1887. </made up> Tours run daily. «fiction:» The miller fled. «:fiction»",
        "«hoax» The bridge opened in 1903. «/hoax» It spans the bay. {{start fiction}} It cost £9. {{end fiction}}",
    ],
)
def test_fiction_among_markers_of_falsity_means_false(doc, relocalizer):
    out, prov = relocalizer.process(doc)
    assert prov.counts.localized == 0 and prov.counts.framing_negation >= 2 and prov.counts.framing_fiction == 0
    assert "In the story" not in out


@pytest.mark.parametrize(
    ("doc", "where"),
    [
        (
            "The ferry company cancelled its winter sailings to Alderney.\n\nKind regards,\nJo Pike\nIsland Hops Travel"
            "\n\nPlease note: this newsletter is part of an invented scenario. The ferry company has not cancelled any"
            " sailings.",
            "suffix",
        ),
        (
            "Reader note: this blog post is made up. No lighthouse was sold, and the council never voted on it.\n\n"
            "The council sold the Whitby lighthouse to a hotel group in 2021.\n\nIt opens as a hotel next May.",
            "prefix",
        ),
    ],
)
def test_a_notice_takes_the_denials_that_follow_it_and_they_make_it_one_of_falsity(doc, where):
    """ "This email is invented. X did not happen.": the denial is part of the notice (not a claim, and the
    sign-off before it is no claim either), and the notice says the claims are false, not fiction."""
    (notice,) = find_annotations(doc)
    assert (notice.kind, notice.framing) == (where, "negation")
    assert notice.span.text(doc).rstrip(".").endswith(("any sailings", "never voted on it"))


def test_a_marker_ending_in_a_colon_points_at_what_follows():
    doc = "The bridge opened in 1903. (invented:) It was painted pink in 1950. The ferry still runs daily."
    (marker,) = find_annotations(doc)
    assert (marker.span.text(doc), marker.direction) == ("(invented:)", "forward")


@pytest.mark.parametrize(
    "doc",
    [
        "Five harbour facts\n\n3. [not true:] The pier was sold to a casino in 1998. Locals still fish there.\n",
        "- [made up:] the lido reopened in 2019\n- the tide mill dates from 1790\n",
    ],
)
def test_a_lower_case_tag_opening_a_list_item_is_a_marker(doc):
    """Only a tag at the end of a line that is no sentence is the line's own ("- Ferry, 1962 [did not run]")."""
    (marker,) = find_annotations(doc)
    assert marker.direction == "forward" and marker.span.text(doc).startswith("[")


@pytest.mark.parametrize(
    "doc",
    [
        "Ten true stories that sound completely made up\n\n1. Wombats leave cube-shaped droppings.\n",
        "It looks fake, but the 1904 photo of the flooded square is genuine. The water reached the church steps.",
    ],
)
def test_falsity_words_of_appearance_frame_nothing(doc):
    assert find_annotations(doc) == []


def test_a_framing_beside_words_of_appearance_still_frames():
    doc = "The claims below may sound made up, but they are false.\n\nThe tram opened in 1911.\n\nIt ran to the pier."
    assert [a.framing for a in find_annotations(doc)] == ["negation"]
