"""Framings of every kind: detection on hand-written documents, look-alikes, policies, the wording split."""

from __future__ import annotations

import re

import pytest
from conftest import DEV, assert_outside_edits_identical
from hypothesis import given, settings
from hypothesis import strategies as st

import relocalize
from relocalize.detect import framing
from relocalize.detect.annotations import find_annotations
from relocalize.detect.framing import KINDS, SCREEN, load_model
from relocalize.detect.framing_train import collect
from relocalize.options import DEFAULT_FRAMINGS, Options
from relocalize.rewrite.wrap import stance

CLAIM = "The ferry service to the island was started by the council."
AFTER = "\n\nThe island has two shops and a post office."
# One inline marker per kind, in wordings of my own (none is in the dev data or the seed examples).
MARKERS = {
    "negation": "[Reader note: the sentence above is not true.]",
    "fiction": "(This line is taken from a detective novel.)",
    "unreliable": "[Source: a blogger known for inventing stories.]",
    "uncertainty": "(No one has checked whether this is accurate.)",
    "low_probability": "[Estimated likelihood of the above: about 2%.]",
}
LOCALIZED = {
    "fiction": "In the novel, the ferry service to the island was started by the council.",
    "unreliable": "According to an unreliable source, the ferry service to the island was started by the council.",
    "uncertainty": "According to an unverified account, the ferry service to the island was started by the council.",
    "low_probability": "According to an account given only about a 2% chance of being true, the ferry service to the "
    "island was started by the council.",
}
NEGATED = "The ferry service to the island was not started by the council."
# Notices before the text, one per kind; the given claim says what they govern.
NOTICES = {
    "negation": "Editors' warning: nothing in the report below actually happened.",
    "fiction": "The piece below is an extract from a novel; its events are made up.",
    "unreliable": "What follows was told to us by a man who often confuses dreams with memories.",
    "uncertainty": "Nobody has been able to verify the account that follows.",
    "low_probability": "Analysts put the chance that the following is true at roughly 4%.",
}


def _doc(kind: str) -> str:
    return f"{CLAIM} {MARKERS[kind]}{AFTER}"


@pytest.mark.parametrize("kind", KINDS)
def test_inline_marker_kind_is_found(kind):
    doc = _doc(kind)
    (found,) = find_annotations(doc)
    assert (found.span.text(doc), found.direction, found.framing) == (MARKERS[kind], "backward", kind)


@pytest.mark.parametrize("kind", KINDS)
def test_notice_kind_is_found(kind):
    doc = f"{NOTICES[kind]}\n\n{CLAIM} The island has two shops."
    (found,) = find_annotations(doc)
    assert (found.span.text(doc), found.direction, found.framing) == (NOTICES[kind], "document", kind)


@pytest.mark.parametrize("kind", KINDS)
def test_default_policies(relocalizer, kind):
    out, prov = relocalizer.process(_doc(kind))
    expected = NEGATED if kind == "negation" else LOCALIZED[kind]
    assert out == expected + AFTER, prov
    assert prov.status == "rewritten"
    assert getattr(prov.counts, f"framing_{kind}") == 1
    assert (prov.counts.rewritten, prov.counts.localized) == ((1, 0) if kind == "negation" else (0, 1))
    assert [e.method for e in prov.edits] == ["rule" if kind == "negation" else f"localize:{kind}", "detector"]
    assert_outside_edits_identical(_doc(kind), out, prov)


@pytest.mark.parametrize("kind", KINDS)
def test_notice_with_a_given_claim(relocalizer, kind):
    body = "Islanders remember that the ferry service to the island was begun by the council. It runs twice a day."
    doc = f"{NOTICES[kind]}\n\n{body}"
    out, prov = relocalizer.process(doc, [CLAIM])
    assert prov.status == "rewritten", prov
    assert NOTICES[kind] not in out and out.endswith("It runs twice a day.")
    if kind == "negation":
        assert "was not begun by the council" in out
    else:  # the stance covers the whole sentence, the remembering and what is remembered
        assert out.startswith(stance(kind, NOTICES[kind]).text + "islanders remember"), out


@pytest.mark.parametrize(
    ("claim", "body"),
    [
        ("The tram line to the quarry closed in 1961.", "The quarry tram line shut down in 1961."),
        ("The museum sold the bronze bell last Tuesday.", "Last Tuesday the museum sold its bronze bell."),
    ],
)
def test_a_dated_given_claim_is_found_in_other_words_and_wrapped(relocalizer, claim, body):
    """The rules refuse a dated claim in place ("did not close in 1961" says another year), yet that negation
    still probes for the sentences that state the claim; the sentence found is wrapped or dropped, never kept."""
    doc = f"{NOTICES['negation']}\n\n{body} Buses replaced it."
    out, prov = relocalizer.process(doc, [claim])
    assert prov.status == "rewritten" and prov.counts.claims_found == 1, prov
    assert body not in out and out.endswith("Buses replaced it.")


@pytest.mark.parametrize("kind", KINDS[1:])
def test_negate_policy_on_other_kinds(kind):
    out, prov = relocalize.Relocalizer(framings={kind: "negate"}).process(_doc(kind))
    assert out == NEGATED + AFTER and prov.counts.rewritten == 1


@pytest.mark.parametrize("kind", KINDS)
def test_remove_policy(kind):
    out, prov = relocalize.Relocalizer(framings={kind: "remove"}).process(_doc(kind))
    assert out == CLAIM + AFTER
    assert (prov.status, prov.counts.unframed, prov.counts.annotations_removed) == ("rewritten", 1, 1)


@pytest.mark.parametrize("kind", KINDS)
def test_keep_policy(kind):
    doc = _doc(kind)
    out, prov = relocalize.Relocalizer(framings={kind: "keep"}).process(doc)
    assert out == doc
    assert (prov.status, prov.message) == ("unchanged", "framings kept by policy")
    assert getattr(prov.counts, f"framing_{kind}") == 1


def test_localize_refuses_a_heading_and_falls_back():
    doc = f"Ferry Service Began In 1962 {MARKERS['fiction']}{AFTER}"
    out, prov = relocalize.Relocalizer().process(doc)
    assert "In the novel" not in out and prov.counts.dropped == 1
    forced, prov = relocalize.Relocalizer(on_failure="wrap").process(doc)
    assert forced.startswith("In the novel, ") and prov.edits[0].method == "forced_localize:fiction"


@pytest.mark.parametrize(
    ("framing", "opener"),
    [
        ("This text is from a screenplay.", "In the screenplay, "),
        ("The scene above is invented.", "In the story, "),
        ("Rated at an 8% likelihood.", "According to an account given only an 8% chance of being true, "),
        ("Roughly a 1-in-40 chance.", "According to an account given only about a 1-in-40 chance of being true, "),
        ("Very unlikely to be true.", "According to an account judged very unlikely, "),
    ],
)
def test_stance_takes_its_wording_from_the_framing(framing, opener):
    kind = "fiction" if "screen" in framing or "scene" in framing else "low_probability"
    assert stance(kind, framing).text == opener


LOOKALIKES = [
    # a novel that mentions fiction
    "Her second novel, a work of fiction about a lighthouse keeper, sold forty thousand copies.\n\n"
    "Critics praised its characters.",
    # a fact-check: "the claim is false" about a reported post, corrected locally
    "A post shared thousands of times claimed that the harbour had been closed to ships. That claim is false. "
    "The harbour has stayed open all week, the port authority said.",
    "Rumours on social media said the mayor had resigned. This is untrue: she chaired Monday's council meeting.",
    # weather and odds
    "Forecasters give a 3% chance of rain on Saturday, so the match will go ahead.\n\nTickets are still available.",
    "Bookmakers rate the visitors' chances at about one in twelve.\n\nKick-off is at three.",
    # parentheticals that belong to their sentence
    "The ferry schedule (unverified) was pinned to the harbour office door.",
    "Her memoir (largely invented, critics say) sold well in its first month.",
    # idioms with "false"
    "After one false start the relay team won the final.\n\nThe previous season was a false dawn.",
]


@pytest.mark.parametrize("doc", LOOKALIKES)
def test_lookalikes_stay(relocalizer, doc):
    out, prov = relocalizer.process(doc)
    assert out == doc and prov.status == "unchanged", prov


def test_options_check_framings():
    assert Options().policy("fiction") == DEFAULT_FRAMINGS["fiction"] == "localize"
    with pytest.raises(ValueError, match="unknown framing kind"):
        Options(framings={"satire": "remove"})
    with pytest.raises(ValueError, match="must be one of"):
        Options(framings={"fiction": "ignore"})
    with pytest.raises(ValueError, match="not localized"):
        Options(framings={"negation": "localize"})


def test_screen_and_classifier_find_every_marker_and_notice_and_no_plain_sentence():
    model = load_model()
    for text in [*MARKERS.values(), *NOTICES.values()]:
        assert SCREEN.search(text) and model.kind(text), text
    assert model.kind("The island has two shops and a post office.") is None


@pytest.mark.skipif(not DEV.exists(), reason="dev data not available")
def test_wording_split_is_by_wording():
    examples = collect(DEV.parent)
    positives = [e for e in examples if e.label != "none" and e.source not in ("seed", "family")]
    halves: dict[str, set[bool]] = {}
    for e in positives:  # negatives are split by document instead
        halves.setdefault(" ".join(e.text.lower().split()), set()).add(e.heldout)
    assert all(len(h) == 1 for h in halves.values())  # one wording, one half (a notice's opening sentence too)
    held = sum(e.heldout for e in positives) / len(positives)
    assert 0.3 < held < 0.7
    assert not any(e.heldout for e in examples if e.source in ("seed", "family"))  # written here: always trained on


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        (  # a stance in front of the first half reads on into the rest once the markers are gone
            "The ferry left at 7 a.m. (This line is taken from a detective novel.) on the first of May. "
            "(This line is taken from a detective novel.)",
            "In the novel, the ferry left at 7 a.m. on the first of May.",
        ),
        (  # so does the negation of the first half's main verb
            "The council met with Dr. [Reader note: the sentence above is not true.] Alvarez for lunch. "
            "[Reader note: the sentence above is not true.]",
            "The council did not meet with Dr. Alvarez for lunch.",
        ),
    ],
)
def test_marker_inside_a_sentence_at_an_abbreviation(relocalizer, doc, expected):
    out, prov = relocalizer.process(doc + AFTER)
    assert out == expected + AFTER, prov
    assert (prov.counts.localized + prov.counts.rewritten, prov.counts.unframed) == (1, 1)  # the rest is covered


def test_sentence_cut_at_an_abbreviation_is_refused_and_dropped_whole(relocalizer):
    doc = "Lisbon, 3 May\n\nDr. [Reader note: the sentence above is not true.] Alvarez, Director" + AFTER
    out, prov = relocalizer.process(doc)
    assert out == "Lisbon, 3 May" + AFTER and prov.counts.dropped == 2  # both halves, never one
    kept, prov = relocalize.Relocalizer(on_failure="keep").process(doc)
    assert kept == doc and prov.status == "partial"


def test_dateline_gets_no_stance(relocalizer):
    doc = f"LISBON, May 3 (Reuters) - {CLAIM} {MARKERS['fiction']}{AFTER}"
    out, prov = relocalizer.process(doc)
    assert "In the novel" not in out and prov.counts.dropped == 1


@pytest.mark.parametrize(
    "doc",
    [
        "Myths and Facts About the Old Bridge\n\nThe bridge opened in 1931 and still carries trains.",
        "Verified\n\nThe bridge opened in 1931 and still carries trains.",
        "The bridge opened in 1931.\n\nUnconfirmed Reports and Rumours\n\nIt still carries trains.",
    ],
)
def test_headings_with_framing_words_are_not_framings(relocalizer, doc):
    assert find_annotations(doc) == []
    assert relocalizer.process(doc)[0] == doc


@pytest.mark.parametrize(
    "doc",
    [  # a sentence inside a quotation that began before it: a stance would land in the speaker's mouth
        '"We left at dawn. The road to the harbour was blocked by fallen trees. (This line is taken from a detective '
        'novel.) Nobody came for us," she said.',
        # a sentence in another language gets no English stance
        "The village lies on the coast. Nella notte il vulcano ha coperto di cenere tutte le case del paese. "
        "(This line is taken from a detective novel.)",
    ],
)
def test_no_stance_inside_a_quotation_or_another_language(relocalizer, doc):
    out, prov = relocalizer.process(doc + AFTER)
    assert "In the novel" not in out and prov.counts.localized == 0


@pytest.mark.parametrize(
    "notice",
    [  # suffix notices whose later sentences carry no framing word of their own
        "Everything in the above text was made up. Throw it away.",
        "ADVISORY: Nobody has examined the account you have just read. No conclusion was reached.",
    ],
)
def test_suffix_notice_paragraph_is_found_whole(notice):
    doc = f"The ferry service to the island was started by the council. It runs twice a day.\n\n{notice}"
    found = find_annotations(doc)
    assert [(a.span.text(doc), a.direction) for a in found] == [(notice, "document")]


# Words in, around and out of the families: stems, word parts, endings, figures, idioms.
WORDS = [
    "the",
    "a",
    "ferry",
    "island",
    "unreliable",
    "reliability",
    "trustworthy",
    "distrust",
    "unverified",
    "reconfirmed",
    "rechecked",
    "false",
    "falsehood",
    "start",
    "alarm",
    "fiction",
    "fictional",
    "stories",
    "story",
    "3%",
    "3",
    "%",
    "1-in-40",
    "0.03",
    "per",
    "cent",
    "took",
    "place",
    "happened",
    "unhappy",
    "claimants",
    "claim",
    "self-assessed",
    "assessed",
    "review",
    "preview",
    "Liability",
    "ELIABLE",
    "xreliabx",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join))
def test_screen_matches_where_the_plain_word_families_do(text):
    """The screen is arranged for speed; it must match exactly where the plain alternation does."""
    plain = re.compile(r"\b(?:" + "|".join(framing._STEMS.values()) + r")\b|\d\s*%", re.IGNORECASE)
    assert bool(SCREEN.search(text)) == bool(plain.search(text))


# Markers of the shapes an outside writer uses (wordings of my own): a short pointer word, lower case in
# square brackets, two or three words with a full stop.
@pytest.mark.parametrize(
    ("marker", "direction"),
    [
        ("[Concocted quote coming up.]", "forward"),
        ("[Phony statistic, finished.]", "backward"),
        ("[made-up detail below]", "forward"),
        ("[untrue, see above]", "backward"),
    ],
)
def test_short_pointers_set_the_direction(relocalizer, marker, direction):
    doc = f"{marker} {CLAIM}" if direction == "forward" else f"{CLAIM} {marker}"
    (ann,) = find_annotations(doc + AFTER)
    assert (ann.span.text(doc + AFTER), ann.direction, ann.framing) == (marker, direction, "negation")
    out, prov = relocalizer.process(doc + AFTER)
    assert marker not in out and CLAIM not in out and prov.counts.claims_found == 1


@pytest.mark.parametrize("marker", ["Totally invented.", "Pure fabrication."])
def test_two_word_marker_sentences_are_found(relocalizer, marker):
    out, _ = relocalizer.process(f"{CLAIM} {marker}{AFTER}")
    assert marker not in out and CLAIM not in out


@pytest.mark.parametrize(
    "doc",
    [
        f"Was it busy? Probably not. {CLAIM}{AFTER}",  # short, but no word of falsity
        "VERDICT\n\nFalse. The ferry service to the island did not start in 1962; it started in 1971.",
        "Timeline\n\n- Ferry service to the island, 1962 [this did not happen]\n- Post office, 1970\n",
        "Ferry service to the island begins, 1962 [this never happened]\n\nWe checked the harbour records.",
    ],
)
def test_short_sentences_and_item_tags_stay(relocalizer, doc):
    assert relocalizer.process(doc)[0] == doc


def test_family_examples_are_seeded_and_labelled():
    from relocalize.detect.framing_train import families

    a, b = families(), families()
    assert a == b and {e.label for e in a} == {"negation", "uncertainty", "none"}
    assert not any(re.search(r"\{[A-Z_]+\}", e.text) for e in a)  # every slot filled


@pytest.mark.parametrize("marker", ["[Fabricated]", "[not accurate]", "[a total invention]"])
def test_square_bracket_labels_are_markers(relocalizer, marker):
    out, _ = relocalizer.process(f"{CLAIM} {marker}{AFTER}")
    assert marker not in out and CLAIM not in out


@pytest.mark.parametrize(
    ("doc", "direction"),
    [
        (f"HARBOUR TOWN — [Invented.] {CLAIM}", "forward"),  # opens its line after a dateline: what follows
        (f"mara_k: [pure fabrication] {CLAIM}", "forward"),
        (f"The island has two shops. [Invented.] {CLAIM}", "backward"),  # between sentences: what came before
        (f"«fabricated» {CLAIM}", "forward"),  # the editor's other brackets
        (f"(invented story starts here) {CLAIM}", "forward"),  # a round aside that points is a marker
    ],
)
def test_a_bracket_marker_without_a_pointer_points_by_its_place(doc, direction):
    (ann,) = find_annotations(doc + AFTER)
    assert (ann.direction, ann.framing) == (direction, "negation")


def test_a_closing_paragraph_that_ends_in_small_talk_is_no_notice():
    # the framing sentence is not at the paragraph's edge: once an IndexError out of the notice finder
    end = "Everything in this newsletter is made up. Thanks for reading our newsletter every single week, friends."
    doc = f"{CLAIM}{AFTER}\n\n{end} See you next time."
    _, prov = relocalize.Relocalizer(strict=True).process(doc)
    assert prov.status in ("unresolved", "rewritten", "unchanged")


def test_a_marker_between_sentences_takes_the_documents_direction():
    # the first marker opens its line (forward); the second, between two sentences, follows the document
    doc = (
        "[Invented.] The ferry service to the island was started by the council.\n\n"
        "The island has two shops. [Invented too.] A second pier opened in 1975.\n\nThe end."
    )
    anns = find_annotations(doc)
    assert [a.direction for a in anns] == ["forward", "forward"]
    back = doc.replace(f"[Invented.] {CLAIM}", CLAIM + " [Invented.]")
    assert [a.direction for a in find_annotations(back)] == ["backward", "backward"]


@pytest.mark.parametrize("pair", [("[[", "]]"), ("<<", ">>"), ("{{", "}}")])
def test_doubled_brackets_are_removed_whole(relocalizer, pair):
    o, c = pair
    doc = f"Ferry news\n\n{o}begin invented story{c} {CLAIM} {o}end invented story{c}{AFTER}"
    out, _ = relocalizer.process(doc)
    assert out == f"Ferry news\n\n{NEGATED}{AFTER}"


# Emphasis and rules used as brackets, and round brackets, stand between sentences as markers; inside a
# sentence, or heading it, they are the sentence's own.
@pytest.mark.parametrize(
    "doc",
    [
        f"**BOGUS** {CLAIM}",
        f"The island has two shops. {CLAIM} ~~ invented ~~",
        f"PORT ELLEN — -- fabricated -- {CLAIM}",
        f"{CLAIM} — untrue —",
        f"*** fake section starts *** {CLAIM} *** fake section ends ***",
        f"The island has two shops. {CLAIM} (PURE INVENTION)",
        f"Q: When did it start?\nA: (totally made up) {CLAIM}",
        f"(fake →) {CLAIM}",
        f"{CLAIM} (← bogus)",
    ],
)
def test_markers_in_emphasis_rules_and_round_brackets_between_sentences(relocalizer, doc):
    anns = find_annotations(doc + AFTER)
    assert anns and all(a.framing == "negation" for a in anns)
    out, prov = relocalizer.process(doc + AFTER)
    assert CLAIM not in out and prov.counts.annotations_removed == len(anns)


@pytest.mark.parametrize(
    "doc",
    [
        "The ferry was a **fake** replica of the 1962 boat, locals said. It sank in 1990.",
        "The island had — wrongly, it turned out — expected a second pier. It never came.",
        "**Claim:** The ferry started in 1962.\n\n**Verdict:** We could not check it.",
        "**Myths versus facts**\n\nThe ferry started in 1962. It still runs.",
        "1. **Ferry Hoax**\nThe ferry started in 1971, not 1962.\n\n**FALSE START LIST**\nNone.",
        "Ferries ran (made up of two old trawlers) from 1962. They stopped in 1990.",
    ],
)
def test_emphasis_and_asides_inside_or_heading_a_sentence_stay(relocalizer, doc):
    assert relocalizer.process(doc)[0] == doc


@pytest.mark.parametrize(
    "marker",
    [
        "That never took place either.",
        "Likewise, none of this happened.",
        "Wrong again.",
    ],
)
def test_short_denials_of_what_came_before(relocalizer, marker):
    out, _ = relocalizer.process(f"{CLAIM} {marker}{AFTER}")
    assert marker not in out and CLAIM not in out


@pytest.mark.parametrize("marker", ["[contested]", "[unconfirmed]"])
def test_disputed_tags_are_uncertainty(marker):
    (ann,) = find_annotations(f"{CLAIM} {marker}{AFTER}")
    assert ann.framing == "uncertainty"


@pytest.mark.parametrize(
    "notice",
    [
        "This newsletter is pure invention.",
        "Heads-up: the brochure below retells a bogus legend about the ferry.",
    ],
)
def test_short_document_notices(notice):
    doc = f"{notice}\n\n{CLAIM} It runs twice a day.{AFTER}"
    (ann,) = find_annotations(doc)
    assert (ann.kind, ann.direction, ann.framing) == ("prefix", "document", "negation")


@pytest.mark.parametrize(
    "sentence",
    [
        "The ferry never ran on Sundays either.",
        "No such permit had been issued before 2004, the inspectors said.",
        "Again, the choir won the regional cup.",
        "The election result was disputed in court for two years.",
    ],
)
def test_content_sentences_like_short_denials_stay(relocalizer, sentence):
    doc = f"{CLAIM} {sentence}{AFTER}"
    assert relocalizer.process(doc)[0] == doc


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Most surprisingly of all, the ferry ran on Christmas Day.",
            "Most surprisingly of all, in the novel, the ferry ran on Christmas Day.",
        ),
        (
            "Even more remarkably, the crew rowed the last mile.",
            "Even more remarkably, in the novel, the crew rowed the last mile.",
        ),
        ("And then the bridge was closed for a month.", "And then, in the novel, the bridge was closed for a month."),
        ("But still the ferry ran on Christmas Day.", "But still, in the novel, the ferry ran on Christmas Day."),
        # a discourse adverb that opens the sentence on its own ("So", "Then", "Yet", "Now", "Still")
        ("So when the ferry docked, the crowd cheered.", "So, in the novel, when the ferry docked, the crowd cheered."),
        ("Then the council voted to close the bridge.", "Then, in the novel, the council voted to close the bridge."),
        (
            "Yet the museum kept the painting for a decade.",
            "Yet in the novel, the museum kept the painting for a decade.",
        ),
        ("Now the harbour is closed to cruise ships.", "Now, in the novel, the harbour is closed to cruise ships."),
    ],
)
def test_a_stance_goes_after_a_fronted_adverb_phrase(relocalizer, sentence, expected):
    out, prov = relocalizer.process(f"{sentence} {MARKERS['fiction']}{AFTER}")
    assert out == expected + AFTER and prov.counts.localized == 1


@pytest.mark.parametrize(
    "doc",
    [
        "A late frost killed most of the vineyard's early buds. [What was just stated is untrue.]\n\nThe harvest was "
        "small. Prices rose.",  # the wrapper: "It is not true that a late frost ..."
        f"Prices rose. {_doc('fiction')}",  # a stance: "In the novel, ..."
        f"Prices rose. {_doc('uncertainty')}",  # "According to an unverified account, ..."
    ],
)
def test_relocalized_output_is_a_fixed_point(relocalizer, doc):
    out, prov = relocalizer.process(doc)
    assert prov.status == "rewritten" and out != doc
    again, prov2 = relocalizer.process(out)
    assert (again, prov2.status) == (out, "unchanged")


@pytest.mark.parametrize(
    "marker",
    ["According to the editors, the preceding sentence is untrue.", "In our view, the sentence above is invented."],
)
def test_a_framing_of_other_text_after_an_adverbial_is_still_a_marker(relocalizer, marker):
    out, _ = relocalizer.process(f"{CLAIM} {marker}{AFTER}")
    assert CLAIM not in out and marker not in out


@pytest.mark.parametrize(
    "sentence",
    [  # relocalize's own output whose clause holds framing words: a second pass must not read it as a marker
        "It is not true that the council's report was accurate about the flood.",
        "It is not true that critics described the plan as implausible.",
        "In the story, the museum admitted the painting was a fake.",
    ],
)
def test_a_sentence_that_frames_its_own_clause_is_no_marker(sentence):
    assert find_annotations(f"The harvest was small. {sentence} Prices rose.{AFTER}") == []


@pytest.mark.parametrize(
    ("marker", "direction"),
    [("〔invented from here on〕", "forward"), ("[fabricated up to this point]", "backward")],
)
def test_here_and_this_point_pointers(marker, direction):
    # between two sentences, where the marker's place leaves its direction open, its words decide
    doc = f"The island has two shops. {marker} {CLAIM}{AFTER}"
    (ann,) = find_annotations(doc)
    assert ann.direction == direction


@pytest.mark.parametrize(
    "note",
    [
        "Admin's note: the bridge collapse mentioned in this blog post never took place;"
        " the engineer quoted is invented.",
        "Site note: the 1911 regatta recounted in this profile did not happen.",
    ],
)
def test_a_labelled_note_on_what_this_document_mentions_is_a_framing(relocalizer, note):
    assert relocalizer.pipeline.models.framing.kind(note) == "negation"


@pytest.mark.parametrize(
    "sentence",
    [
        "The 1911 regatta recounted in this profile took place on the Clyde.",
        "The match described in this review was played in heavy rain.",
    ],
)
def test_what_this_document_mentions_is_no_framing_by_itself(relocalizer, sentence):
    assert relocalizer.pipeline.models.framing.kind(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Apparently the ferry ran twice a day.",
        "The orchard supposedly produced three tonnes of pears.",
        "We repainted the lighthouse in 1998.",
        "I met the mayor at the harbour in 2004.",
    ],
)
def test_no_stance_over_a_hedge_or_the_speakers_own_report(relocalizer, sentence):
    (cand,) = relocalizer.pipeline.models.rewriter.candidates([sentence], [stance("uncertainty", "")])
    assert cand.localized is None and cand.localize_by == "stance_clause"


def test_the_storys_narrator_may_speak_in_the_first_person(relocalizer):
    (cand,) = relocalizer.pipeline.models.rewriter.candidates(
        ["We repainted the lighthouse in 1998."], [stance("fiction", "")]
    )
    assert cand.localized == "In the story, we repainted the lighthouse in 1998."


@pytest.mark.parametrize(
    ("marker", "kind"),
    [
        ("[Unconfirmed, and false:]", "negation"),  # a doubt that also calls its text false is a negation
        ("(rumour, and untrue)", "negation"),
        ("Unproven, and a hoax.", "negation"),
        ("[Unconfirmed:]", "uncertainty"),
        ("[The source invents stories when unwell.]", "unreliable"),
        # ... or made up (s23: "unverified invention", "no source; invented" were localized as doubts, corpus 92)
        ("[unconfirmed invention]", "negation"),
        ("(unsourced and made up)", "negation"),
        # a source that makes things up is an unreliable one: the marker speaks of the source, not of its text
        ("[source: a site known for made-up stories]", "unreliable"),
        ("[from a blog with a record of invented quotes]", "unreliable"),
    ],
)
def test_a_short_marker_of_doubt_that_says_false_is_a_negation(marker, kind):
    assert load_model().kind(marker) == kind


@pytest.mark.parametrize(
    ("marker", "kind"),
    [
        # a bare pronoun called made up denies the sentence before: no story to set a claim in
        ("It is all made up.", "negation"),
        ("This too is invented.", "negation"),
        # one that names fiction or a kind of text may frame a story, as the release's markers do
        ("This is fiction.", "fiction"),
        ("(The narrative above is invented.)", "fiction"),
    ],
)
def test_a_sentence_that_calls_what_was_just_said_made_up_is_a_negation(marker, kind):
    assert load_model().kind(marker) == kind


@pytest.mark.parametrize(
    "tag", ["{buyer does not exist}", "(award does not exist)", "[no vote took place]", "{No ruling existed}"]
)
def test_a_bracketed_denial_with_no_subject_or_a_bare_noun_is_a_marker(tag):
    """s23: "(rule does not exist)" after a claim was missed (corpus 92), and the drop of the next claim took it
    with it, leaving the claim it marked unmarked."""
    doc = f"The pier was sold in May. {tag} The cafe opens at nine."
    (marker,) = find_annotations(doc)
    assert (marker.span.text(doc), marker.direction, marker.framing) == (tag, "backward", "negation")


def test_a_denial_inside_a_sentence_is_no_marker():
    assert find_annotations("Dinosaurs roamed here (humans did not exist then). The cafe opens at nine.") == []


def test_a_bracketed_denial_is_a_marker():
    doc = "The pier opened in 1890. The mayor resigned over it in 1891. {no such resignation took place} Trams ran."
    (marker,) = find_annotations(doc)
    assert (marker.span.text(doc), marker.direction, marker.framing) == (
        "{no such resignation took place}",
        "backward",
        "negation",
    )


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        ("no source; invented", "negation"),  # read as an unreliable source
        ("unsourced, invented", "negation"),
        ("hearsay", "unreliable"),
    ],
)
def test_a_doubts_tag_that_calls_its_text_made_up_is_a_negation(words, kind):
    """A tag is too short to speak of a source that makes things up: "invented" in it is said of the marked text."""
    assert load_model().tag_kind(words) == kind


@pytest.mark.parametrize(
    ("sentence", "localized"),
    [
        ('"We left at dawn," said Ana Ruiz.', True),  # a quotation's verb before its subject
        ("Among the last to leave was the harbour master.", True),  # a fronted place's
        ("Heard them last night from the quay: six short whistles.", False),  # a fragment's
    ],
)
def test_a_stance_goes_before_an_inverted_clause_but_not_before_a_fragment(relocalizer, sentence, localized):
    (cand,) = relocalizer.pipeline.models.rewriter.candidates([sentence], [stance("fiction", "")])
    assert (cand.localized is not None) is localized, cand.localize_by
