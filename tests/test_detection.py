"""Detection on hand-written documents: every annotation form and the look-alikes."""

from pathlib import Path

import pytest
from conftest import assert_outside_edits_identical, read_jsonl

from relocalize.detect import annotations, cues
from relocalize.detect.annotations import _DELIMITED, find_annotations
from relocalize.detect.claims import resolve_inline
from relocalize.detect.cues import denies_previous, false_tag, tag_sentence
from relocalize.detect.restatements import _names_section

DOCS = read_jsonl("detection_docs.jsonl")


ENGLISH = [d for d in DOCS if d["form"] != "non_english"]  # the language check runs before detection


def _opening_and_closing(doc: str) -> tuple:
    """The two annotations ``doc`` holds, checked to be a marker that opens a passage and one that closes it."""
    first, second = find_annotations(doc)
    assert (first.direction, second.direction) == ("forward", "backward")
    return first, second


def _only_marker(doc: str) -> tuple[str, str, str]:
    """The text, direction and framing of the one annotation ``doc`` holds."""
    (marker,) = find_annotations(doc)
    return marker.span.text(doc), marker.direction, marker.framing


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
        ("{{hoax on}}", "{{hoax off}}"),  # a switch word at the end
        ("[fabricated on]", "[fabricated off]"),
        # an opening the classifier cannot read alone ("false start" is an idiom) opens what its closing one ends
        ("{FALSE START}", "{FALSE END}"),
        ("<<untrue start>>", "<<untrue end>>"),
        ("‹bogus start›", "‹bogus finish›"),  # a closing word the pair is read by too
        ("{untrue begins}", "{untrue finishes}"),
        # the closing one names what it ends without the word that framed it
        ("%% invented passage %%", "%% passage over %%"),
        ("[fake section]", "[section done]"),
        # guillemets either way round, as German and Danish print them
        ("‹‹invented starts››", "››invented ends‹‹"),
        ("»made up begins«", "»made up ends«"),
        # the closing one names what it ends after "of", in English or another language
        ("[fiction]", "[end of fiction]"),
        ("«faux»", "«fin du faux»"),
        ("{made-up part}", "{end of the made-up part}"),
        ("<invented passage>", "<end of the invented passage>"),
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


@pytest.mark.parametrize(
    ("doc", "where"),
    [
        (
            "The Ouse swing bridge was sold to a rail museum in 2016.\n\nIt now stands in a car park in York.\n\n"
            "Note for listeners: the main claim of this episode is untrue. The swing bridge was never sold. Maria"
            " Voss is an invented guest.",
            "suffix",
        ),
        (
            "Warning to readers: this press release is a fabrication. The brewery has not moved to Leeds.\n\n"
            "The Harrogate brewery moved to Leeds in 2020.\n\nStaff were offered new roles.",
            "prefix",
        ),
    ],
)
def test_a_notice_names_the_kind_of_document_and_whom_its_label_is_for(doc, where):
    """ "this episode", "this press release" speak of the document, as "this article" does, and a label may say
    whom it is for ("Note for listeners:"): the paragraph is one notice, not markers of the sentences before."""
    (notice,) = find_annotations(doc)
    assert (notice.kind, notice.direction, notice.framing) == (where, "document", "negation")
    assert notice.span.text(doc).rstrip(".").endswith(("invented guest", "moved to Leeds"))


@pytest.mark.parametrize(
    "doc",
    [
        # after the document's title: not a marker of the title
        "Lido history\n\nNote: this timeline is invented.\n\n1936 - The lido opens.\n1999 - It is drained.",
        "Harbour works: a chronology\n\nThis chronology is made up from start to end.\n\nThe quay was rebuilt in 1950.",
        # several of its units, however qualified: the notice names no one sentence
        "The lido in dates\n\nHeads up: the 1999 entries below are invented.\n\n1936 - The lido opens.\n"
        "1999 - It is drained.\n1999 - It is filled with sand.",
        "Ferry notes\n\nThe following three items are fabricated.\n\n1. The ferry sank.\n2. Nobody was hurt.\n"
        "3. It was raised.",
    ],
)
def test_a_notice_after_a_title_or_over_several_units_is_the_documents(doc):
    (notice,) = find_annotations(doc)
    assert (notice.kind, notice.direction) == ("prefix", "document")


_SECTIONED = (
    "Harbour Museum\n\nHistory\nThe museum opened in 1952 in the old customs house.\n\n2021 relocation\n"
    "In 2021 the museum moved to the north pier. Its new hall seats 300 people.\n\nVisiting\n"
    "The museum opens at ten every day.\n\n{note}"
)


@pytest.mark.parametrize(
    "note",
    [
        'Editor\'s note: the "2021 relocation" section above is invented; the museum never moved.',
        "Disclaimer: the section headed “2021 relocation” is fabricated.",
    ],
)
def test_a_notice_naming_a_section_by_its_heading_takes_the_section_whole(relocalizer, note):
    """s34: a notice that named its section by the heading left it to restatements, which took a sentence or two of
    it (and once a true title) and left the rest pointing at them; now the section goes, heading and all."""
    out, prov = relocalizer.process(_SECTIONED.format(note=note))
    assert out == "Harbour Museum\n\nHistory\nThe museum opened in 1952 in the old customs house.\n\nVisiting\n" + (
        "The museum opens at ten every day."
    )
    assert prov.status == "rewritten" and any("named_section" in e.rule for e in prov.edits if e.kind == "drop")


@pytest.mark.parametrize(
    "note",
    [
        'Editor\'s note: the last sentence of the "2021 relocation" section is invented.',
        'Editor\'s note: the section "2021 relocation" contains one invented figure.',
    ],
)
def test_a_notice_naming_part_of_a_section_takes_no_section_whole(relocalizer, note):
    out, prov = relocalizer.process(_SECTIONED.format(note=note))
    assert "2021 relocation\n" in out and not any("named_section" in e.rule for e in prov.edits)


_LIGHTHOUSE = (
    "Longstone Lighthouse\n\nHistory\nThe lighthouse was first lit on 15 February 1826 on Longstone Rock.\n\n"
    "Lantern\nThe lantern was automated in 1990. A solar lantern was fitted on 15 February 2022 and a new fog signal"
    " was added beside it.\n\n{note}"
)


@pytest.mark.parametrize(
    "note",
    [
        "Note: the sentence in the Lantern section about a solar lantern and a fog signal is invented.",
        'Note: the claims in the section headed "Lantern" about the 2022 solar lantern are made up.',
    ],
)
def test_a_notice_naming_a_section_restates_from_no_other_section(relocalizer, note):
    """s35: "the three sentences in the Carillon section about a 61st bell ... are fictitious" had a sentence of
    another section restate it, by a date the two shared, and that true sentence was wrapped."""
    doc = _LIGHTHOUSE.format(note=note)
    out, prov = relocalizer.process(doc, "On 15 February 2022 a solar lantern was first lit at Longstone Lighthouse.")
    assert out.startswith(doc[: doc.index("Lantern\n")])
    assert all(doc.index("Lantern\n") < doc.index(e.original) for e in prov.edits if e.kind != "remove_annotation")


@pytest.mark.parametrize(
    "note",
    [
        "Note: the Lantern section is accurate, but the date on which the lighthouse was first lit is invented.",
        "Note: apart from the Lantern section, the date on which the lighthouse was first lit is invented.",
    ],
)
def test_a_section_a_notice_vouches_for_or_sets_apart_leaves_the_others_to_restate(relocalizer, note):
    doc = _LIGHTHOUSE.format(note=note)
    _, prov = relocalizer.process(doc, "The lighthouse was first lit on 15 February 1826.")
    assert any("first lit on 15 February 1826" in e.original for e in prov.edits if e.kind != "remove_annotation")


def test_a_second_title_after_the_first_is_no_notice():
    doc = (
        "NEWS RELEASE\n\nStatement on the fabricated ferry story\n\nFares rose in May. [invented] It was cold.\n\nMore."
    )
    assert [a.direction for a in find_annotations(doc)] == ["backward"]


@pytest.mark.parametrize(
    "doc",
    [
        "[Editor's note: this entire listicle is invented.]\n\nTen facts about the ferry\n\nThe ferry sank in 1990.",
        "The ferry sank in 1990. Divers found it in 1994.\n\nMedia contact: press desk.\n\n"
        "— Reader advisory: this press release is a fabrication. —",
        # what the text below or above reports is the document's content, whatever the label
        "[Invented scenario: the flood reported below never happened.]\n\nFlood hits Ayr\n\nThe river burst its banks.",
        "The dockers walked out on Monday. The port closed for a week.\n\n"
        "(Editor: the strike described above was invented for this exercise.)",
    ],
)
def test_a_bracketed_line_of_its_own_that_speaks_of_the_document_is_its_notice(doc):
    """Brackets or dashes around a notice make it no marker of the line before or after it ("Media contact"), and
    one that speaks of what is reported below or above speaks of the document, not of the next sentence alone."""
    (notice,) = find_annotations(doc)
    assert notice.direction == "document" and notice.span.text(doc).endswith(("]", ")", "—"))


@pytest.mark.parametrize(
    ("doc", "closing"),
    [
        (
            "The pier reopened in 1990. [[invented:]] A casino was built on it in 2004. Gamblers came by boat. "
            "[[:end]] The tide still covers the lower deck.",
            "[[:end]]",
        ),
        (
            "The mill turned until 1950.\n\n=== not accurate -> === The mill was moved to Ohio in 1961 and rebuilt"
            " there. === <- end ===\n\nIts wheel is still there.",
            "=== <- end ===",
        ),
        (
            "The lido opened in 1936.\n\n<<< fabricated claim >>> It held sea water until 1999. <<< end >>>\n\n"
            "It closes in winter.",
            "<<< end >>>",
        ),
    ],
)
def test_a_closing_marker_that_only_says_it_ends_closes_the_marker_in_the_same_brackets(doc, closing):
    second = _opening_and_closing(doc)[1]
    assert second.span.text(doc) == closing


@pytest.mark.parametrize(
    "doc",
    [
        "The board met at noon. || never happened || The mayor said the pier would close. || resume reality || "
        "The meeting ended at one.",
        "The lido opened in 1936. [made up] It held sea water until 1999. [back to the facts] It closes in winter.",
        "The lido opened in 1936. (fiction) It held sea water until 1999. (reality resumes) It closes in winter.",
        "The lido opened in 1936. {invented} It held sea water until 1999. {true again} It closes in winter.",
    ],
)
def test_a_marker_saying_the_text_is_back_to_fact_closes_the_marker_in_the_same_brackets(doc):
    first, second = _opening_and_closing(doc)
    assert doc[first.span.end : second.span.start].strip().startswith(("The mayor", "It held"))


@pytest.mark.parametrize(
    ("doc", "claim"),
    [
        (
            "The tram depot in Ghent dates from 1904. ::made-up passage starts:: It was sold to a brewery in 2021."
            " ::made-up passage ends:: Tours run on Sundays.",
            "It was sold to a brewery in 2021.",
        ),
        (
            ":: begin invented part :: The Hoover Dam was painted blue in 2019. :: end invented part ::\n"
            "Its turbines still run.",
            "The Hoover Dam was painted blue in 2019.",
        ),
    ],
)
def test_doubled_colons_bracket_a_marker(doc, claim):
    """s21: ":: end fabricated section ::" was read as a marker sentence that swallowed the true sentence after it."""
    first, second = _opening_and_closing(doc)
    assert doc[first.span.end : second.span.start].strip() == claim


@pytest.mark.parametrize(
    ("opening", "closing"),
    [
        ("→ made up:", "←"),
        ("⇒ fabricated ⇒", "⇐"),
        ("/* invented", "*/"),
        ("/// imaginary:", "///"),
        ("▸▸ bogus:", "◂◂"),
    ],
)
@pytest.mark.parametrize("gap", [" ", "\n"])
def test_a_tag_in_marks_opens_a_passage_that_the_marks_mirrored_and_bare_close(opening, closing, gap):
    """s34: "▶ phony: ... ◀" and "▶▶ untrue ▶▶ ... ◀◀" closed by their arrows turned round: the closer was no group
    (no words) and a lone one on its own line passed no screen, so the passage's later sentences went unmarked and the
    closer stayed as debris."""
    claims = "A barge sank in the lock in 2019. It blocked it."
    doc = f"The canal opened in 1822.{gap}{opening} {claims}{gap}{closing}{gap}Boats pass."
    first, second = _opening_and_closing(doc)
    assert (first.span.text(doc), second.span.text(doc)) == (opening, closing)
    _, claims = resolve_inline(doc, [first, second])
    assert [u.text(doc) for c in claims for u in c.units] == ["A barge sank in the lock in 2019.", "It blocked it."]


@pytest.mark.parametrize(
    ("opening", "closing"),
    [("▶▶ pretend news", "◀◀ end of pretend news"), ("▶ bogus bit:", "◀ end of the bogus bit")],
)
def test_a_passage_closer_may_say_that_it_ends(opening, closing):
    """s35: "◀◀ end of pretend news" was no bare closer, so the passage stayed open and its sentences unmarked."""
    doc = f"Several of you asked.\n\n{opening} The ferry stopped in May. It was sold. {closing}\n\nMore below."
    first, second = _opening_and_closing(doc)
    assert (first.span.text(doc), second.span.text(doc)) == (opening, closing)


def test_words_after_a_passage_closer_that_end_nothing_stay_text():
    doc = "Intro.\n\n►► invented bit: The ferry stopped in May. It was sold. ◄◄ and more\n\nMore here."
    assert "◄◄ and more" not in [a.span.text(doc) for a in find_annotations(doc)]


@pytest.mark.parametrize(
    ("message", "tag"),
    [
        ("[10:02] Ana: they closed the lock for good", "✘ bogus"),
        ("Tue 9:01 — Bo: the ferry now costs 40 lira", "⚠ made up"),
        ("Eli: the ferry stopped running in may", "※ unfounded"),
        ("Mon 9:16 AM — Eli: the ferry stopped running in may", "† made up"),  # a time of day in AM or PM
    ],
)
def test_a_symbol_and_a_falsity_tag_end_a_chat_message(message, tag):
    """s35: a chat message has no full stop, so a tag after one symbol at its end ("... in may ※ unfounded") was read
    as part of the message."""
    doc = f"{message} {tag}\nJo: no way"
    assert [a.span.text(doc) for a in find_annotations(doc)] == [tag]


@pytest.mark.parametrize("label", ["UNTRUE:", "MADE UP:"])
def test_a_falsity_label_after_a_speakers_label_marks_the_rest_of_the_turn(label):
    """s35: "↳ @kit: 🚫 bogus: Cast by Taylor ..." was no label (the speaker's came first), so the reply was read as a
    marker sentence and a true post beside it dropped."""
    doc = f"Ana: {label} The ferry now leaves at six.\nBo: really?\nAna: {label} It costs ten euros.\nBo: ok"
    found = find_annotations(doc)
    assert [(a.span.text(doc), a.direction) for a in found] == [(label, "forward"), (label, "forward")]


@pytest.mark.parametrize("reply", ["Bo: Fake: it ran all summer.", "Bo: FALSE: The ferry ran all summer, I took it."])
def test_a_replys_verdict_after_its_speakers_label_marks_no_sentence_of_its_own(reply):
    """A label once only, or in plain words, is a reply's verdict on the turn before, not a marker of its own words."""
    doc = f"Ana: the ferry stopped in May.\n{reply}\nAna: oh ok"
    assert not any(a.direction == "forward" for a in find_annotations(doc))


@pytest.mark.parametrize(
    "doc",
    ["Jo: the cake was ★ fantastic\nAl: yum", "Jo: checked the site — nope\nAl: ok", "Ferry ends ✗ made up\nOld pier."],
)
def test_a_symbol_mid_chat_a_dash_or_a_title_line_makes_no_tag(doc):
    assert find_annotations(doc) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("That's a fib.", "That's a fib too."),
        ("That bit is a canard.", "Another canard."),
    ],
)
def test_sentences_that_call_the_one_before_a_lie_in_other_words_deny_it(first, second):
    """s35: "a lie", "a myth" and "a hoax" denied the sentence before; "a fib", "a canard", "an untruth" did not."""
    doc = f"The lock was rebuilt in 2022. {first} Boats pass daily. A new gate was fitted. {second} It is red."
    found = find_annotations(doc)
    assert [(a.span.text(doc), a.direction, a.framing) for a in found] == [
        (first, "backward", "negation"),
        (second, "backward", "negation"),
    ]


@pytest.mark.parametrize("marker", ["This part is invented.", "This part is made up."])
def test_a_part_called_made_up_is_false_not_a_story(relocalizer, marker):
    """s35: "This part is invented." after sentences of a first-person travel blog was read as fiction, and its claims
    put under "In the story, ..." in a text that tells no story."""
    doc = (
        "I have a soft spot for old machines, so I spent a morning at the Anderton Boat Lift.\n\n"
        f"What I had not known was that the lift had only just reopened. {marker} The lock keeper told me it had been"
        f" shut from March to June after a seal failed. {marker} A new seal was made in Leeds. {marker}\n\n"
        "The lift was built in 1875 and restored in 2002."
    )
    out, prov = relocalizer.process(doc)
    assert prov.counts.framing_negation == 3 and prov.counts.framing_fiction == 0
    assert "In the story" not in out and marker not in out


@pytest.mark.parametrize(
    "doc",
    [
        "Trains run hourly. → Next stop: Glasgow Central. The buffet is open. ← Mind the gap.",  # no tag
        "The pool is heated. → invented: The slide is new. The café opened in May.",  # no closer
        "Scores: 3 -> 1. → fake: The keeper was sent off. ← said my uncle, who was not there.",  # a closer mid-sentence
    ],
)
def test_marks_without_a_tag_or_a_bare_mirrored_closer_open_no_passage(doc):
    assert not any(a.span.text(doc) in ("←",) for a in find_annotations(doc))


@pytest.mark.parametrize(
    ("opening", "closing"),
    [
        ("%%made up%%", "%%/made up-closed%%"),
        ("⌜invented scene⌝", "⌜invented scene ends⌝"),
        ("◄bogus►", "◄/bogus-end►"),
        ("[:hoax:]", "[:/hoax:]"),
        ("@@untrue@@", "@@/untrue@@"),
        ("‖ make-believe ‖", "‖ exit make-believe ‖"),
        ("<<<invented>>>", "<<</invented>>>"),
        ("~~>fiction<~~", "~~>/fiction<~~"),
    ],
)
def test_a_closing_marker_in_the_same_frame_closes_the_passage(opening, closing):
    """s21: closers with a slash, a suffix ("-closed", "-end") or "exit", in frames that also read as arrows ("◄ ►")
    or colons, were missed or read as openers; the claim's marker was left as debris when it was dropped."""
    doc = f"The canal opened in 1822. {opening} A barge sank in the lock in 2019. It blocked it. {closing} Boats pass."
    first, second = find_annotations(doc)
    assert (first.span.text(doc), first.direction) == (opening, "forward")
    assert (second.span.text(doc), second.direction) == (closing, "backward")


@pytest.mark.parametrize(
    ("doc", "notice"),
    [
        (
            "gull_fan:\nThe night ferry to Lundy was brilliant.\n\nskipper_j:\nBooked it for June.\n\n"
            "[Added to this old post by the moderators: everything here about a night ferry is invented.]",
            "[Added to this old post by the moderators: everything here about a night ferry is invented.]",
        ),
        (
            "HOST: Welcome back to Harbour Hour.\nGUEST: The MS Oldenburg now sails to Lundy by night.\n"
            "HOST: Amazing.\nProducer's note: the night sailings of the MS Oldenburg discussed in this episode are"
            " made up.",
            "Producer's note: the night sailings of the MS Oldenburg discussed in this episode are made up.",
        ),
    ],
)
def test_a_notice_naming_a_qualified_document_or_on_a_transcripts_last_line_is_the_documents(doc, notice):
    """s21: "this old post" and "everything here" were not read as the document, and a one-paragraph transcript's
    last line was cut into a claim and a marker at a name: the notice itself was dropped."""
    assert _only_marker(doc) == (notice, "document", "negation")


def test_a_last_line_that_marks_the_line_before_is_no_notice():
    doc = "The ferry left at nine.\nThe crossing took an hour.\nThe line before is made up."
    assert _only_marker(doc) == ("The line before is made up.", "backward", "negation")
    qualified = "She set a world record in Rome in 2019. [This world record is invented.] She retired in 2021."
    assert _only_marker(qualified)[1] == "backward"


@pytest.mark.parametrize("word", ["unreal", "unfounded"])
def test_unreal_and_unfounded_are_falsity_tags_glued_to_a_chat_turn(word):
    """s21: "<unreal>not really, they moved her ..." was taken for an aside: only its closer was read, and the turn's
    first claim was left unmarked while the closer went with the second."""
    doc = f"mia: is the tram still green?\nleo: <{word}>no, they painted it pink. it runs at night now.</{word}>"
    opening, closing = find_annotations(doc)
    assert (opening.span.text(doc), opening.direction) == (f"<{word}>", "forward")
    assert (closing.span.text(doc), closing.direction) == (f"</{word}>", "backward")


def test_warnings_decide_the_direction_only_where_nothing_else_does():
    """s21: "[fiction alert]", "⟨bogus detail⟩", "{{unreal}}" before their sentences of a letter were all read as
    marking the sentence before them: true sentences were dropped and the false ones kept."""
    doc = (
        "The lido opened in 1936. [hoax alert] It was filled with sea water. {invented} A wave machine was added. Tea."
    )
    assert [a.direction for a in find_annotations(doc)] == ["forward", "forward"]
    decided = (
        "The lido opened in 1936. [hoax alert] It was filled with sea water. Tea. [the sentence before is made up]"
    )
    assert [a.direction for a in find_annotations(decided)] == ["backward", "backward"]


@pytest.mark.parametrize(
    ("doc", "direction"),
    [
        # a marker between two sentences marks the one it is written onto, with no space between
        ("The pool opened in 1936. [bogus]Its water was heated in 2021. Swims start at seven.", "forward"),
        ("The pool opened in 1936. Its water was heated in 2021.[bogus] Swims start at seven.", "backward"),
        ("The pool opened in 1936. (made up)“We heated it,” the manager said. Swims start at seven.", "forward"),
        ('The pool opened in 1936. [untrue]"We heated it," the manager said. Swims start at seven.', "forward"),
        ("The pool opened in 1936. [untrue]**Its water was heated in 2021.** Swims start at seven.", "forward"),
        ('The pool opened in 1936. "Its water was heated in 2021. [untrue]" Swims start at seven.', "backward"),
    ],
)
def test_a_marker_between_sentences_marks_the_one_it_is_glued_to(doc, direction):
    assert _only_marker(doc)[1] == direction


def test_a_tag_after_a_list_items_title_and_a_dash_marks_what_follows():
    doc = "Three pools\n\n1. Tooting Bec Lido — {fabricated} It was filled with sea water in 2020. It is 91 m long.\n"
    assert _only_marker(doc) == ("{fabricated}", "forward", "negation")


@pytest.mark.parametrize(
    ("doc", "tag"),
    [
        (
            "LISBON, Oct. 3, 2024 — [made up] The tram line to Belém was closed for good. It reopened in May.",
            "[made up]",
        ),
        ("Update (Jan. 5): {fabricated} The pool will reopen on Monday. Lessons resume later.", "{fabricated}"),
    ],
)
def test_a_tag_after_a_dateline_with_an_abbreviation_marks_what_follows(doc, tag):
    """s21: "SEATTLE (Nov. 14, 2023) — [hoax alert] A set list ..." was read as marking the dateline, and every other
    marker of the document took that direction: true sentences were dropped."""
    assert _only_marker(doc) == (tag, "forward", "negation")


@pytest.mark.parametrize("doc", ["Note: fake: the museum opens at ten.", "A: made up: it ran in 1904."])
def test_single_colons_bracket_nothing(doc):
    """One colon ends a label: only doubled colons are a bracket (:data:`_DELIMITED`)."""
    assert _DELIMITED.search(doc) is None and _DELIMITED.search(doc.replace(": ", " :: ")) is not None


@pytest.mark.parametrize("tag", ["[made up]:", "(FICTION):"])
def test_a_colon_after_a_bracketed_tag_makes_it_the_label_of_what_follows(tag):
    doc = f"The pier opened in 1901. {tag} A storm broke it in two in 1987. It is now a museum."
    assert _only_marker(doc) == (tag, "forward", "negation")  # the colon goes with the tag: no ": A storm" left


@pytest.mark.parametrize("label", ["Source verification", "Publisher confirmation"])
def test_a_colon_after_a_bold_label_makes_no_marker_of_it(label):
    doc = f"Steps we use:\n\n1. **Library search**: Look it up.\n\n2. **{label}**: Ask the county archive for the deed."
    assert find_annotations(doc) == []  # emphasis is no bracket: "**Step 1**:" heads a list item


def test_an_end_mark_in_other_brackets_closes_nothing():
    doc = "The lido opened in 1936. [invented:] It held sea water until 1999. (end) It closes in winter."
    assert [a.span.text(doc) for a in find_annotations(doc)] == ["[invented:]"]
    doc = "The lido opened in 1936. [invented] It held sea water until 1999. (back to the facts) It closes in winter."
    assert [a.span.text(doc) for a in find_annotations(doc)] == ["[invented]"]


@pytest.mark.parametrize(
    ("doc", "label"),
    [
        ("The pier opened in 1950.\n\nFALSE: The ferry sank off the point. It was rebuilt.", "FALSE:"),
        ("Reply from ben:\n>> untrue: The mill burned down in a storm.\n\nReply from cy:\nNice.", ">> untrue:"),
        ("Notes\n\n-- made up: the lido froze solid in 1963, and skaters crossed it.", "-- made up:"),
        # a short pointer word in the sentence is its content ("over the bar", "the start"), not the label's
        ("Facts\n\n3. ✱ made up: Since 2019 the ferry has sailed over the bar.\n\n4. It is cheap.", "✱ made up:"),
        ("Facts\n\n5. ~ invented: The old pier no longer marks the start of the swim race.", "~ invented:"),
    ],
)
def test_a_falsity_label_closed_by_a_colon_marks_the_sentence_it_opens(doc, label):
    """The label alone is the marker, pointing forward; the rest of the line is the claim, not part of it."""
    (marker,) = find_annotations(doc)
    assert (marker.span.text(doc), marker.direction) == (label, "forward")


@pytest.mark.parametrize(
    "doc",
    [
        "The pier opened in 1950. Update: the ferry still runs daily.",  # a label that frames nothing
        "Disclaimer: the story below is made up.\n\nThe ferry sank off the point.",  # a notice, not a label
        "**Invented Traditions: Folk Customs of the North Sea Coast**\n\nThe book opens in Hull.",  # a title
    ],
)
def test_a_label_that_frames_nothing_or_frames_the_text_is_no_sentence_marker(doc):
    assert all(
        a.span.text(doc).strip("*") not in ("Update:", "Disclaimer:", "Invented Traditions:")
        for a in find_annotations(doc)
    )


def test_a_marker_after_a_numbered_items_title_marks_the_items_body():
    doc = (
        "Three pier facts\n\n1. The bell. [fake] A bronze bell was cast for the pier in 1890.\n\n"
        "2. The cafe. <invented> The pier cafe served whale steaks until 1960.\n\n3. The lamps. Gas lamps lit it."
    )
    assert [a.direction for a in find_annotations(doc)] == ["forward", "forward"]


@pytest.mark.parametrize("content", ["Oats are a good source of slow energy.", "Rye bread is a rich source of fibre."])
def test_a_lone_sentence_of_another_kind_that_speaks_of_no_truth_is_content(content):
    """The classifier reads "a source of" as an unreliable source; among a document's "(invented)" markers a lone
    sentence of that kind that neither points, denies nor calls anything false is content."""
    doc = f"The bakery opened in 1890. (invented) It moved to the quay in 1950. [made up]\n\n{content} Try the rolls."
    assert [a.span.text(doc) for a in find_annotations(doc)] == ["(invented)", "[made up]"]
    doc = doc.replace(content, "Those loaves are imaginary.")  # one that points back stays, whatever its kind
    assert "Those loaves are imaginary." in [a.span.text(doc) for a in find_annotations(doc)]


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


@pytest.mark.parametrize(
    ("sentence", "marker"),
    [
        # a negated quantifier opens its own clause (relocalize's own form of "Every farmer accepted cash") ...
        ("Not every farmer accepted cash.", False),
        ("Not all of the lifeboats were launched.", False),
        ("Not every farmer accepted cash last week.", False),  # "last" names no text here
        # ... unless it names a text
        ("Not all of the above is accurate.", True),
        ("Not every claim in this article is true.", True),
        ("Not all of it is true.", True),
        ("Not all of those are real.", True),
    ],
)
def test_a_negated_quantifier_frames_its_own_clause_unless_it_names_a_text(sentence, marker):
    doc = f"The market moved indoors for the winter. {sentence} It runs on Saturday mornings."
    assert [a.span.text(doc) for a in find_annotations(doc)] == ([sentence] if marker else [])


def test_a_framing_beside_words_of_appearance_still_frames():
    doc = "The claims below may sound made up, but they are false.\n\nThe tram opened in 1911.\n\nIt ran to the pier."
    assert [a.framing for a in find_annotations(doc)] == ["negation"]


# A claim and a sentence that denies it by anaphora, one pair per wording family of the denial grammar
# (:data:`relocalize.detect.cues.DENIAL`); two pairs of neighbouring families make one document.
DENIALS = [
    ("The harbour board closed the lighthouse museum in 1987.", "That closure never took place."),
    ("The collection was later moved to Bergen.", "This, too, did not happen."),
    ("The council voted to rename the square after the poet.", "That vote was never held."),
    ("Its architect called the tower a finger of glass.", "Those words were never spoken."),
    ("The museum sold two million tickets in its first year.", "These sales figures are invented as well."),
    ("The orchestra toured Patagonia in 1958.", "The tour is fictional."),
    ("Engineers added a second lock to the canal in 1911.", "No such lock was ever built."),
    ("A toll of two shillings applied to every cart.", "There was never any such toll."),
    ("The minister promised free ferries for pensioners.", "The minister said no such thing."),
    ("The glacier lost half its length in one summer.", "Not so: it retreated about forty metres."),
    ("A night train linked the valley to the capital.", "Pure invention, since the valley had no railway."),
    ("The old mill burned down in 1932.", "The mill still grinds flour, so this is wrong."),
    ("The keeper rowed to the mainland every night.", "Well, no, that didn't happen."),
]


@pytest.mark.parametrize("first", range(len(DENIALS)), ids=[d for _, d in DENIALS])
def test_a_sentence_that_denies_the_one_before_it_marks_it_false(first):
    pairs = [DENIALS[first], DENIALS[(first + 1) % len(DENIALS)]]
    doc = "The town lies on a fjord.\n\n" + "\n\n".join(f"{claim} {denial}" for claim, denial in pairs)
    annotations, claims = resolve_inline(doc, find_annotations(doc))
    assert [(a.span.text(doc), a.direction, a.framing) for a in annotations] == [
        (denial, "backward", "negation") for _, denial in pairs
    ]
    assert [[u.text(doc).strip() for u in c.units] for c in claims] == [[claim] for claim, _ in pairs]


@pytest.mark.parametrize(
    "doc",
    [
        # one denial and no other marker: a true story may deny what was planned
        "Plans for a second tunnel were drawn up in 1970. That tunnel was never built.",
        # after a report, a negation, a habit or a hypothesis: a fact-check's own local denial
        "Posts on a forum claimed the pier had collapsed. No such collapse took place. "
        "A blog said the pier was sold. That sale never happened.",
        "The mayor did not resign in 2004. No such letter exists. "
        "The harbour was not sold. No such sale was ever recorded.",
        "Coastal towns usually hold a regatta each August. No such regatta was held in Wick. "
        "If the bridge had closed, ferries would run. There was never any such ferry.",
        # idioms and sentences that go on after the predicate
        "There is no such thing as a free lunch. It is wrong to assume the dam is safe. That never happened to me.",
    ],
)
def test_a_denial_that_marks_no_claim(doc):
    assert find_annotations(doc) == []


def test_one_denial_counts_beside_another_marker():
    doc = "[invented] The quay was rebuilt in 1950.\n\nThe board shut the museum. That closure never took place."
    assert [(a.span.text(doc), a.direction) for a in find_annotations(doc)] == [
        ("[invented]", "forward"),
        ("That closure never took place.", "backward"),
    ]


def test_a_denial_right_after_a_forward_marker_carries_it_on():
    marker = "The claim below did not happen. No such ferry service ran."
    doc = f"The town lies on a fjord.\n\n{marker} A ferry linked the quay to the island."
    (found,) = find_annotations(doc)
    assert (found.span.text(doc), found.direction) == (marker, "forward")


@pytest.mark.parametrize(  # the falsity words of fancy, pretence and dismissal too (cues.TAG_WORDS)
    "tag",
    [
        *("(pure hoax)", "[fabrication]", "{made-up}", "(hokum)", "[a tall tale]", "{nothing of the kind}"),
        *("[poppycock]", "(conjured up)", "[figment]", "«make-believe»"),
        *("[non-event]", "‹confabulated›", "(groundless)", "{ersatz}", "{made-up segment}"),
        *("[falsified]", "(doctored)", "{figures falsified}"),  # the classifier alone reads "falsified" as doubt
        *("[tommyrot]", "(utter malarkey)", "{flimflam}", "⟨piffle⟩", "[disinformation]", "(not really so)"),
        *("[tosh]", "(utter drivel)", "{deceit}", "<blarney>"),  # only in brackets (cues.TAG_ONLY_WORDS)
        *("(never so)", "{fibbed}", "►tosh◄", "[not how it happened]", "(not what it was)"),
        *("(fake, not history)", "[hoax and fable]", "{invented / not real}", "(tosh — not fact)"),  # two joined
    ],
)
def test_a_bracketed_tag_of_a_falsity_word_marks_the_sentence_before(tag):
    doc = f"The pier opened in 1890. The mayor resigned over it in 1891. {tag} Trams ran."
    assert _only_marker(doc) == (tag, "backward", "negation")


@pytest.mark.parametrize(
    "tag",
    [
        *("Debunked", "Misleading", "the pier", "invented here and there", "fantasy football", "myth busting"),
        *("science fiction", "pseudonym", "inventor", "non-fiction"),  # a word of content before or around it
        *("faux fur", "mock exam", "yarn shop", "rubbish collection", "tosh", "Not on the record"),
    ],
)
def test_a_verdict_or_a_longer_group_is_no_falsity_tag(tag):
    assert not false_tag(tag)


@pytest.mark.parametrize(
    "tag", ["simulated annealing", "mock-up", "decoys", "fake, draft, final", "draft and final", "hoax, see page 4"]
)
def test_a_caption_gloss_or_a_list_is_no_tag_even_in_brackets(tag):
    assert not false_tag(tag, bracketed=True)


@pytest.mark.parametrize(
    "doc",
    [
        "The council showed residents the new lobby. (mock-up) The real one opens next year.",
        "Hunters set wooden ducks on the pond at dawn. (decoys) The geese landed anyway.",
        "The regatta filled the harbour with yachts. Never so many boats! The town was busy for a week.",
        "The guide walked us round the old mill. That's not how it went, though. We got lost twice.",
    ],
)
def test_a_gloss_or_an_exclamation_is_no_marker_in_a_document_with_none(doc):
    assert find_annotations(doc) == []


@pytest.mark.parametrize(
    ("tag", "framing"),
    [
        ("(no truth to it)", "negation"),  # a negated word of truth says false, not "unverified"
        ("⟨not genuine⟩", "negation"),
        ("[fictional]", "negation"),  # a tag calling one sentence fiction, in a text that is no story
        ("«fiction»", "negation"),
        ("{{{fabricated}}}", "negation"),  # a run of brackets is taken whole
        ("[↑ invented person]", "negation"),  # a tag of a falsity word and what it tags, not a source's doubt
        ("(not verified)", "uncertainty"),  # a negated word of checking stays a doubt
        ("<This is fiction.>", "fiction"),  # a sentence, not a tag
    ],
)
def test_what_a_short_tag_says_of_the_sentence_before(tag, framing):
    doc = f"The pier opened in 1890. The mayor resigned over it in 1891. {tag} Trams ran."
    assert _only_marker(doc) == (tag, "backward", framing)


@pytest.mark.parametrize("tag", ["(fib)", "<hokum>", "(made up)"])
def test_a_falsity_tag_opening_a_chat_turn_marks_it_whatever_case_follows(tag):
    doc = f"[10:02] mira: the ferry was late again\n[10:03] tom: {tag} they let everyone ride free\n[10:04] mira: ok"
    assert _only_marker(doc) == (tag, "forward", "negation")


def test_a_marker_right_after_another_still_stands_between_sentences():
    doc = "The pier opened in 1890. The ferry sank in 1901. ‖sham‖ ‡ invented ‡ Trams ran until 1950."
    assert [a.span.text(doc) for a in find_annotations(doc)] == ["‖sham‖", "‡ invented ‡"]


@pytest.mark.parametrize("tag", ["Pure hokum, that.", "Yet another fable.", "A tall tale once more."])
def test_a_falsity_tag_as_a_sentence_of_its_own_marks_the_sentence_before(tag):
    doc = f"The pier opened in 1890. The mayor resigned over it in 1891. {tag} Trams ran. [untrue] The pier burned."
    marker = find_annotations(doc)[0]
    assert (marker.span.text(doc), marker.direction, marker.framing) == (tag, "backward", "negation")


@pytest.mark.parametrize(
    "sentence",
    [
        *("The fable ended there.", "Fantasy football.", "The tale is a fable.", "Still nope."),
        *("He was an inventor.", "She writes fiction.", "A clever illusion."),
    ],
)
def test_a_sentence_that_only_names_a_falsity_word_is_no_tag(sentence):
    assert not tag_sentence(sentence)


@pytest.mark.parametrize("verdict", ["Untrue: the ferry was scrapped in 1930.", "Made up: it sailed on until 1930."])
def test_a_verdict_label_before_its_own_lower_case_correction_marks_the_sentence_before(verdict):
    doc = f"The pier opened in 1890. The ferry sank off the pier in 1912. {verdict}\n\nThe pier closed. [invented]"
    first = find_annotations(doc)[0]
    assert (first.span.text(doc), first.direction) == (verdict, "backward")


def test_rule_marked_tags_in_a_chat_turn_and_glued_to_their_passage_are_markers():
    chat = (
        "[10:02] mira: late again?\n[10:03] tom: ~~ bogus ~~ they let everyone ride free ~~ /bogus ~~\n[10:04] mira: ok"
    )
    assert [a.span.text(chat) for a in find_annotations(chat)] == ["~~ bogus ~~", "~~ /bogus ~~"]
    glued = "The pier opened in 1890.\n\n##hoax start##The ferry sank in 1912 off the pier.##hoax end##\n\nTrams ran."
    assert [a.span.text(glued) for a in find_annotations(glued)] == ["##hoax start##", "##hoax end##"]
    plain = "The pier opened in 1890. **Note**The ferry sank in 1912."  # emphasis glued to a word, no falsity
    assert find_annotations(plain) == []


def test_a_title_in_parentheses_a_long_run_of_emphasis_and_a_labelled_claim():
    titled = "Q: (Mirage) The jet first flew in 1955.\nA: Yes, from Melun."
    assert find_annotations(titled) == []  # a name in parentheses, not a tag
    days = "Open " + " ".join(f"**day {i}**" for i in range(12)) + " daily."
    assert find_annotations(days) == []  # stripping marker groups off a lead does not backtrack
    labelled = "The depot opened in 1950.\n\nFAKE: The council sold its inventory of road salt in March."
    assert [(a.span.text(labelled), a.direction) for a in find_annotations(labelled)] == [("FAKE:", "forward")]


@pytest.mark.parametrize("tag", ["[citation fabricated]", "(quote invented)", "{figure made up}"])
def test_a_tag_may_name_what_it_calls_false_before_the_falsity_word(tag):
    assert false_tag(tag.strip("[](){}"))


@pytest.mark.parametrize(  # a negated word of reality, fact or history is a falsity tag (cues.REALITY)
    "tag",
    ["[not a fact]", "{not historical}", "[contrary to the record]", "⟨not so in real life⟩", "[that wasn't real]"],
)
def test_a_tag_that_denies_reality_marks_the_sentence_before_as_false(tag):
    doc = f"The lighthouse was painted red in 1931. The keeper's cottage burned in 1932. {tag} Gulls nest there."
    assert _only_marker(doc) == (tag, "backward", "negation")


@pytest.mark.parametrize("words", ["not real estate", "not so much", "not the actual size", "not accurate to scale"])
def test_a_negated_word_of_reality_with_content_after_it_is_no_falsity_tag(words):
    assert not false_tag(words)


@pytest.mark.parametrize("label", [">>> NOT A FACT:", "¶ not accurate:", "NEVER HAPPENED →", "made up ▸", "bogus -->"])
def test_a_label_set_off_as_a_tag_marks_the_capitalised_sentence_after_it(label):
    doc = f"The lighthouse was painted red in 1931.\n\n{label} The keeper kept a tame seal called Moss.\n\nGulls nest."
    assert _only_marker(doc) == (label, "forward", "negation")


def test_a_plain_negated_label_before_a_denial_stays_a_verdict_on_what_came_before():
    doc = "The lighthouse was painted red in 1931. NOT TRUE: The lighthouse was never painted.\n\nGulls nest there."
    assert [a.span.text(doc) for a in find_annotations(doc)] != ["NOT TRUE:"]
    route = "The route Dover → Calais takes ninety minutes by ferry. It sails hourly."
    assert find_annotations(route) == []


@pytest.mark.parametrize(
    ("opening", "closing"),
    [("▶FABLE START◀", "▶FABLE END◀"), (">>made up begins<<", ">>made up ends<<"), ("<--HOAX--", "--HOAX-->")],
)
def test_falsity_tags_between_mixed_marks_open_and_close_their_passage(opening, closing):
    doc = f"The lighthouse was painted red in 1931.\n\n{opening} The keeper kept a tame seal. {closing}\n\nGulls nest."
    found = [(a.span.text(doc), a.direction) for a in find_annotations(doc)]
    assert found == [(opening, "forward"), (closing, "backward")]


def test_mixed_marks_around_words_that_are_no_tag_mark_nothing():
    doc = "The lighthouse was painted red in 1931. Prices rose -> then fell <- as expected. <!-- fake --> Gulls nest."
    assert [a.span.text(doc) for a in find_annotations(doc)] == ["<!-- fake -->"]


def test_a_falsity_tag_with_marks_on_one_side_ends_or_opens_its_line():
    doc = (
        "The bell hangs in the west tower.\n\n>>> made up: The bell cracked in the frost of 1963. It was recast in "
        "Leeds. <<< end made up\n\nInvented >>> The vicar rang it by hand.\n\nVisitors climb the tower. <-- bogus"
    )
    found = [(a.span.text(doc), a.direction) for a in find_annotations(doc)]
    assert found == [
        (">>> made up:", "forward"),
        ("<<< end made up", "backward"),
        ("Invented >>>", "forward"),
        ("<-- bogus", "backward"),
    ]
    prose = "Prices rose in May -- as expected\n\nThe fares went up >> again in June."
    assert find_annotations(prose) == []


@pytest.mark.parametrize(
    ("tag", "marks"),
    [
        ("[headline: untrue]", True),  # a tag that calls the headline false marks it
        ("(invented headline)", True),
        ("{fake}", True),
        ("(transcript excerpt)", False),  # a label of the text
        ("(not fake news)", False),  # a tag that calls it true
    ],
)
def test_a_tag_that_ends_the_documents_title_and_calls_it_false_marks_the_title(tag, marks):
    doc = f"Ferry sinks off Kerrera in spring gale {tag}\n\nThe ferry has crossed the sound since 1890. It seats 40."
    found = [(a.span.text(doc), a.direction) for a in find_annotations(doc)]
    assert found == ([(tag, "backward")] if marks else [])


@pytest.mark.parametrize(
    ("tag", "direction"),
    [
        ("(fake →)", "forward"),  # an arrow after the words points past them
        ("(← fake)", "backward"),
        ("(→ fake)", "backward"),  # one before them points at them, as a bullet does: open, the default
    ],
)
def test_an_arrow_points_past_a_markers_words_not_at_them(tag, direction):
    doc = f"The pier opened in 1901. The council sold it in May. {tag} Anglers still fish from it."
    assert [(a.span.text(doc), a.direction) for a in find_annotations(doc)] == [(tag, direction)]


def test_an_arrow_before_a_label_marker_points_at_the_label():
    doc = "The pier opened in 1901. ⇒ untrue: The council sold it in May. → made up: A hotel bought it.\n\nGulls nest."
    found = [(a.span.text(doc), a.direction) for a in find_annotations(doc)]
    assert found == [("⇒ untrue:", "forward"), ("→ made up:", "forward")]


_STORM = "A storm tore away the end of the pier in May, and the town rebuilt it in steel."


@pytest.mark.parametrize(
    ("doc", "claims", "direction"),
    [
        # markers between sentences, no pointer: the sentences after them restate the claims
        (
            "The pier opened in 1901. [untrue] A storm tore away its end in May. [untrue] It was rebuilt in steel.",
            [_STORM],
            "forward",
        ),
        (
            "The pier opened in 1901. [untrue] A storm tore away its end in May. [untrue] It was rebuilt in steel.",
            [],
            "backward",
        ),
    ],
)
def test_the_given_claims_decide_the_direction_of_markers_nothing_else_does(doc, claims, direction):
    assert {a.direction for a in find_annotations(doc, claims=claims)} == {direction}


def test_a_falsity_tag_after_one_dash_or_arrow_between_sentences_marks_the_sentence_before():
    doc = (
        'The mill closed in 1990. "We lost everything," the owner said. — a fabricated quote The site is flats now.'
        "\n\nThe river floods every spring. ⇠ pure fiction\n\nThe town keeps a market. — As expected, it is busy."
    )
    found = [(a.span.text(doc), a.direction) for a in find_annotations(doc)]
    assert found == [("— a fabricated quote", "backward"), ("⇠ pure fiction", "backward")]


@pytest.mark.parametrize(
    "sentence",
    [
        *("Nobody said this.", "The harbourmaster never said that.", "No ranger said so, either."),  # a saying denied
        *("The mayor did not say that.", "Nobody has ever said this.", "The council never said any of this."),
        *("Neither the quote nor the curator is real.", "For the record, that's invented.", "It's a hoax, too."),
        *("No ferry like that ever sailed.", "No vote like this was held."),  # a contraction, "no X like that"
        *("There's no such ferry.", "There’s no such rule, sadly."),  # "there's" as "there is"
        *("None of this took place.", "None of that is true."),  # "none of it" with no negation
        *("No one signed such a deal.", "Nobody ever built any such tower."),  # a negative subject's act
        *("Friends, that concert never happened.", "Readers, this statue was never cast."),  # the reader addressed
        *("No vote of that kind was held.", "No ruling of this sort was ever issued."),  # "no X of that kind"
        *("No harbour closure of that kind took place.", "No price rise of this sort was ever announced."),
        *("That is an event that never happened.", "This was a meeting that never took place."),
        *("These figures are no more real than the rest.", "Those letters are no more genuine than the diary."),
    ],
)
def test_denials_of_saying_of_an_event_and_of_both_deny_the_sentence_before(sentence):
    assert denies_previous(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        *("The council said this would take a year.", "He said that the pier closed."),
        *("There was no wind that day, so the boats stayed in.", "Neither the mayor nor the council attended."),
        *("The mayor never said that the pier would close.", "In reality, the ferry is faster.", "They did not stop."),
        *("It never did.", "There was no milk.", "In truth, I was not.", "The limit does not exist."),  # narrative
        *("The Treasury never confirmed it.", "It does not."),  # news prose, an answer
        *("None of it was pleasant.", "Nobody wants such a fuss.", "No one expected such a turnout."),  # no denial
        *("There's no such service in winter.", "There is no such pass on Sundays."),  # a contrast of times
        "But the specific event never happened.",  # a fact-check's own sentence about the hoax it discusses
        *("That's fine by me.", "It's true that the ferry sank.", "No town like this one exists."),
        *("No bridge of this kind had been built before.", "Luckily, it never rained.", "Sadly, the pier closed."),
        "However, no such event occurred.",  # a connective, not the reader addressed: a story's own sentence
        *("Sadly, that never happened.", "This is something that did not exist before."),  # an unmet plan, a first
        *("No injuries of that kind were reported.", "The risks are no more real than they were last year."),
        "No serious injuries of that kind were reported.",
    ],
)
def test_sentences_that_only_look_like_denials_deny_nothing(sentence):
    assert not denies_previous(sentence)


def test_a_document_that_marks_claims_with_denials_marks_a_negative_claim_so_too():
    doc = (
        "The ferry no longer stops at Kerrera. Nobody said this. The pier closed to boats in May. "
        "That closure never happened. The ticket office moved to the quay. There was no such move. Gulls nest there."
    )
    found = [a.span.text(doc) for a in find_annotations(doc)]
    assert found == ["Nobody said this.", "That closure never happened.", "There was no such move."]
    lone = "The ferry no longer stops at Kerrera. Nobody said this. The pier is closed to boats."
    assert find_annotations(lone) == []  # one denial alone may be the story's own


def test_a_bracketed_label_right_before_a_notice_on_its_line_is_the_notices():
    doc = (
        "[Fiction warning] This review describes an invented menu: the café never served eel pie.\n\n"
        "Still the best café on the pier\n\nThe eel pie was rich and the crust flaky."
    )
    (notice,) = find_annotations(doc)
    assert notice.direction == "document" and notice.span.text(doc).startswith("[Fiction warning] This review")
    later = (
        "Note: the story below is invented.\n\nThe pier opened in 1890.\n\n[fake] The ferry sank off the pier in 1912."
    )
    found = [(a.span.text(later), a.direction) for a in find_annotations(later)]
    assert found == [("Note: the story below is invented.", "document"), ("[fake]", "forward")]  # no label of it


@pytest.mark.parametrize(
    "doc",
    [
        "Claim: The bridge will close for two years.\nNOT TRUE: The bridge will close for six weeks in July.",
        "Here is what we found.\n\n- Not true: The bridge closes for six weeks in July.\n- Not true: Tolls stay at £1.",
        "Staff picks:\n\nFantasy → The Hobbit by J. R. R. Tolkien, first published in 1937.\nHistory → SPQR.",
        "- Paint the fence [never done]\n- Fix the gate",
        "The chart shows projected sales for 2025 [not actual figures]. Growth slows after March.",
        "Our new logo was unveiled on Monday (mock-up shown below). It will appear on buses from June.",
    ],
)
def test_verdicts_bullets_genres_and_captions_are_no_markers(doc):
    assert find_annotations(doc) == []


def test_a_notice_that_denies_the_event_then_calls_what_follows_made_up_is_one_whole(relocalizer):
    doc = (
        "[Training scenario] There was no lighthouse sale in 2019; the sale and the prices below are invented.\n\n"
        "The council sold the lighthouse in 2019. It fetched £2 million."
    )
    (notice,) = find_annotations(doc)
    assert notice.direction == "document" and notice.span.text(doc).endswith("below are invented.")
    out, prov = relocalizer.process(doc)
    assert out == doc and prov.status == "unresolved"  # no claim to attach it to: never removed over the story


@pytest.mark.parametrize(
    "sentence",
    [
        "The probability of frost on 12 May was put at 30 percent by the forecasters.",
        "If approved, this scheme starts next spring.",
        "The police have not confirmed the identity of the cyclist.",
        "Members stay unconfirmed until the review of their papers ends.",
        "What follows is a careful dismantling of the defence's timeline.",
        "Every piece of information helps the rangers map the herd.",
        "Bookmakers give roughly a 30% chance of a draw.",
        "Those odds imply roughly a 40% chance of an away win.",
        "In adults, roughly 10 to 15 percent.",
        "His second novel won a prize for crime fiction.",
        "Several details remain unclear.",
        "Key facts remain unverified.",
        "Is this all just a bad dream?",
        "Indeed, the identity of the cyclist has not been confirmed by police.",
        "Bookmakers give a draw roughly a 30% chance.",
        "The identity of the climber found above the treeline has not been confirmed.",
        "Insurers have not yet confirmed the claims from the flood.",
        "Le Guin's fiction is widely read.",
    ],
)
def test_a_sentence_that_judges_the_world_and_not_a_text_is_content(sentence, relocalizer):
    """A sentence the classifier reads as doubt, fiction or falsity is an annotation only where it speaks of other
    text (a pointer, a word standing for text, no subject at all) or, for falsity, calls false or denies."""
    doc = f"The town hall reopened on Monday after repairs. {sentence} The next meeting is on 4 June."
    assert find_annotations(doc) == []
    assert relocalizer.process(doc)[0] == doc


@pytest.mark.parametrize(
    "marker",
    [
        "Nobody has been able to confirm any of this.",
        "None of it has been independently verified.",
        "That detail is pure speculation.",
        "Judged at roughly a 1-in-40 chance.",
        "Whether any of that is accurate remains unknown.",
        "The ribbon and the crowd around it are imaginary.",
        "Another claim without a shred of basis.",
        "None of this took place.",
        "The quote and its author are fictional.",
        "The second date is a fiction.",
        "Rated at about 2%.",
        "A 1-in-50 chance that any of this is accurate.",
        "Nobody has verified it.",
        "The police have not confirmed it.",
    ],
)
def test_a_sentence_that_speaks_of_the_text_before_it_is_its_marker(marker):
    doc = f"The town hall reopened on Monday after repairs. The mayor cut a ribbon at noon. {marker}"
    assert [a.span.text(doc) for a in find_annotations(doc)] == [marker]


_MARKED = (
    "The library shut its east wing in 2021. That closure is made up. The reading room got new lamps. Those lamps "
    "are invented too. {}"
)


@pytest.mark.parametrize(
    ("claim", "denial"),
    [
        ("Staff moved the old maps to the basement.", "No map was ever moved."),
        ("The council named the wing after Ada Byron.", "There was no naming after Ada Byron."),
        ("Visitors queued for the new globe.", "The queue for the globe is fabricated."),
        ("Mrs Patel donated her atlas collection.", "Mrs Patel's atlas donation is invented."),
        ("The curator moved the globes to the attic.", "The move and the attic are make-believe."),
    ],
)
def test_a_short_denial_taking_up_the_sentence_before_marks_it_where_the_document_marks_claims(claim, denial):
    """In a document with other marker sentences, a short negative sentence that takes up the words of the sentence
    before it, or calls it false with its own subject, is a marker of that sentence."""
    doc = _MARKED.format(f"{claim} {denial}")
    assert denial in [a.span.text(doc) for a in find_annotations(doc)]
    unrelated = _MARKED.format(f"{claim} The roof did not leak.")
    assert "The roof did not leak." not in [a.span.text(unrelated) for a in find_annotations(unrelated)]


@pytest.mark.parametrize(
    ("claim", "content"),
    [
        ("Staff moved the maps to the basement.", "The maps were not damaged."),  # a state, not the event denied
        ("We set the clocks by the town hall bell.", "My watch was wrong."),  # wrong, not made up
    ],
)
def test_a_negative_sentence_about_the_sentence_before_that_denies_no_event_is_content(claim, content):
    doc = _MARKED.format(f"{claim} {content}")
    assert content not in [a.span.text(doc) for a in find_annotations(doc)]


def test_made_up_of_is_no_falsity_and_a_run_on_marker_is_cut_at_its_own_start():
    assert not cues.calls_false("The club is made up of forty volunteers.")
    assert cues.calls_false("The club's history is made up.")
    doc = "The pier opened in 1990 at 4 a.m. Crowds cheered What was just stated is false."
    assert [a.span.text(doc) for a in find_annotations(doc)] == ["What was just stated is false."]


@pytest.mark.parametrize(
    "doc",
    [
        "Minutes\n\n3) ## invented ## The harbour master resigned in June.\n4) The budget was approved.",
        "(b) -- bogus -- The quay was sold in 2020.\n(c) The crane was painted.",
    ],
)
def test_a_rule_marked_tag_after_a_list_number_marks_what_follows(doc):
    (marker,) = find_annotations(doc)
    assert marker.direction == "forward" and marker.span.text(doc) in ("## invented ##", "-- bogus --")


@pytest.mark.parametrize(
    "sentence",
    [
        *("The council has announced nothing of the sort.", "Our correspondent said nothing of the kind."),
        *("The committee made no such change.", "Nothing like that was ever built."),  # a saying or an act denied
        *("That was an invented detail.", "These are fictitious figures, too."),  # called made up, a noun after
    ],
)
def test_denials_of_an_act_or_with_a_made_up_attribute_deny_the_sentence_before(sentence):
    assert denies_previous(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        *("Nothing like it anywhere.", "There is nothing like this in the whole of Europe.", "Nothing like it."),
        *("This is a fake watch with a real strap.", "That was a false start."),  # praise; an object; an idiom
        *("These are fake flowers.", "It was a fictional town.", "No such luck."),  # things called fake; an idiom
    ],
)
def test_praise_and_objects_called_fake_deny_nothing(sentence):
    assert not denies_previous(sentence)


def test_a_denial_on_a_line_without_framing_words_marks_the_sentence_before():
    """The framing screen gates framings, not denials by anaphora, which may use no framing word ("Nobody ever
    said that."); a contrast or a restatement on such a line is the text's own."""
    doc = (
        "The lighthouse keeper retired in 1998. That retirement never took place.\n\n"
        "A new lantern was welded to the gallery rail. Nobody ever said that.\n\n"
        "Fishing boats use the inner harbour. Yachts do not use the inner harbour.\n\n"
        "A bell was hung in the tower. No bell was hung in the tower.\n\n"
        "The tower is painted white."
    )
    found = [a.span.text(doc) for a in find_annotations(doc)]
    assert found == ["That retirement never took place.", "Nobody ever said that."]


@pytest.mark.parametrize(
    ("line", "marker"),
    [
        ("[08:15] dee: they moved the ferry to pier 4 last week This is invented.", "This is invented."),
        ("HARBOUR FERRY MOVES TO PIER FOUR That headline is made up.", "That headline is made up."),
    ],
)
def test_a_marker_run_on_after_a_chat_line_or_a_headline_is_cut_at_its_own_start(line, marker):
    doc = f"{line}\n\nThe ferry runs every hour. No such move happened, either.\n\nTickets cost four pounds."
    assert marker in [a.span.text(doc) for a in find_annotations(doc)]
    plain = "[08:15] dee: the ferry leaves from pier 4 The Quay Cafe is next to it."
    assert find_annotations(plain) == []
    # the end of a title is no marker run on, whatever a model reads in it
    assert annotations._run_on_opening('Our guest today wrote "Storms That Never Happened."') is None
    assert annotations._run_on_opening("they moved the ferry in May That is made up.") is not None


@pytest.mark.parametrize(
    "notice",
    [
        "Editor's note: the flood and the rescue described in this feature are invented.",
        "Disclaimer: this listing is made up, and so are the prices, the maker's name and the reviews.",
        # the first clause calls parts of the text made up, the rest corrects them
        "Reader's note: the two paragraphs on the pier sale in this profile, the buyer's name, the price of four"
        " million pounds and the handover party, are invented; the pier was never sold.",
        "Please note: the entries for 2019 and 2020, the evacuation of the quay, the forty rescued sheep and the new"
        " sea wall, describe a flood that did not occur; the quay has stayed dry since 1953.",
        # a label that says when, by whom or for whom it was added
        "Note appended by the archivist in 2024: these minutes are fictional.",
        "Correction added after the broadcast: the segment's account of the flood, the rescue by the lifeboat crew"
        " and the damage to the old fish market is wholly fictitious.",
        "Footnote for students using this handout in class: the answers about the lifeboat, the sheep and the medal"
        " are made up.",
        # what the text holds or tells is made up, however that is said
        "Editor's note: everything said here about the rescue, the volunteers on the quay and the reopening ceremony"
        " in June is pure invention.",
        "Note for readers: the third section of this guide, with its opening dates, ticket prices and ferry times,"
        " rests on an invented premise.",
        "Heads up: the item below about the rescued sheep, the lifeboat and the mayor's medal tells of a flood that"
        " never happened.",
    ],
)
def test_a_notice_that_calls_what_it_lists_false_is_one_whatever_the_length_of_its_list(notice):
    doc = (
        f"The harbour flooded in March 2019. Volunteers rescued forty sheep from the quay.\n\nIt reopened.\n\n{notice}"
    )
    (found,) = find_annotations(doc)
    assert (found.span.text(doc), found.direction, found.framing) == (notice, "document", "negation")


@pytest.mark.parametrize(
    "doc",
    [
        # a paragraph that opens with a notice's label speaks of the document in each of its sentences
        "Listener notice: this episode was recorded for a training drill. The sinking our two hosts describe is"
        " made up.\n\nHOST: The ferry went down in May.\nGUEST: Yes, off the north pier.",
        # a title of two short lines, then the notice
        "Harbour Board\nMinutes of 3 May 2021\n\nReader's warning: these minutes are a work of fiction.\n\n"
        "1. The ferry was sold to a museum.\n2. The meeting closed at noon.",
        # "the following" kind of document, and a label that calls the kind of document false
        "The following letter is fictional: the ferry was never sold.\n\nDear editor, the ferry sale was a"
        " mistake.\n\nYours, a reader",
        "The ferry was sold to a museum in May.\n\nVisitors can board it on Sundays.\n\n(Fictional report: the"
        " sale and the museum visits described here never happened.)",
    ],
)
def test_a_notice_labelled_or_naming_its_kind_of_document_is_the_documents(doc):
    assert [a.direction for a in find_annotations(doc)] == ["document"]


@pytest.mark.parametrize(
    "doc",
    [
        # a label over news that does not name the text: its paragraph is no notice of the document
        "Important: ferry services to Mull are suspended today. Rumours of a strike were invented by a prankster"
        " account.\n\nThe next sailing is at noon.\n\nTickets are refunded.",
        # "hypothetical" is no falsity
        "Flood plan\n\nThe report describes a hypothetical storm surge that would flood the quay.\n\nThe wall is"
        " 3 m high.",
        # a list of short lines above a notice is no title
        "Pier fair 1990\nTen stalls\nA brass band\nFireworks\n\nNote: the list above is made up.\n\nThe fair"
        " ran until 2001.",
    ],
)
def test_a_label_over_news_a_hypothetical_or_a_list_is_no_notice_of_the_document(doc):
    assert "document" not in [a.direction for a in find_annotations(doc)]


def test_a_denial_that_runs_on_into_a_verdict_without_a_label_marks_the_sentence_before():
    doc = (
        "The pier opened in 1900.\n\nA hotel group bought it in 2020. That purchase never happened.\n\n"
        "It was sold again in 2021. No such sale was agreed; the story is invented."
    )
    found = [(a.span.text(doc), a.direction) for a in find_annotations(doc)]
    assert found[-1] == ("No such sale was agreed; the story is invented.", "backward")


def test_a_fiction_notice_that_also_calls_its_events_invented_is_one_of_falsity():
    doc = (
        "Note: this interview is fictional. The flood and the rescue it describes were invented for this piece.\n\n"
        "Q: What happened in March? A: The harbour flooded and we rescued forty sheep."
    )
    assert [a.framing for a in find_annotations(doc)] == ["negation"]


@pytest.mark.parametrize(
    "tag",
    [
        *("[never opened]", "{no such rota, sorry}", "[bogus date, ignore]", "⟦never agreed⟧"),
        *("(no crane, no paint)", "[no rota at all]", "{no crews and no rota}", "{no crane, actually}"),  # things
        *("[simulation]", "<MOCKUP>", "[decoy]", "(a put-on)", "%%pseudo%%", "{misreported}", "(mock-up, not fact)"),
    ],
)
def test_a_short_denying_tag_no_rule_reads_marks_a_claim_where_other_tags_do(tag):
    doc = (
        "The ferry moved to pier 4 in May. [invented] The cafe on the quay serves tea. The harbour master set a new "
        f"rota for the crews. {tag} The crane was painted blue last year. [fabricated]"
    )
    found = [a.span.text(doc) for a in find_annotations(doc)]
    assert found == ["[invented]", tag, "[fabricated]"]
    if tag in ("[never opened]", "⟦never agreed⟧", "(no crane, no paint)", "[simulation]", "(a put-on)"):
        # no rule reads these alone: "(mock-up)" glosses a caption, "(no pets, no smokers)" sets terms
        alone = f"The cafe serves tea. The harbour master set a new rota for the crews. {tag} The crane is blue."
        assert find_annotations(alone) == []  # the document marks nothing else so


def test_a_tag_that_denies_things_by_naming_them_is_read_on_a_line_with_no_other_cue():
    doc = (
        "The ferry moved to pier 4 in May. [invented]\n\n"
        "(no crane, no paint) The harbour got a new crane, painted blue.\n\nThe cafe serves tea."
    )
    assert [a.span.text(doc) for a in find_annotations(doc)] == ["[invented]", "(no crane, no paint)"]


@pytest.mark.parametrize(
    "aside",
    ["(no relation)", "(no pun intended)", "[no date]", "(no, really)", "(no pets, no smokers)", "(no ifs, no buts)"],
)
def test_an_aside_of_one_no_is_no_tag_where_other_tags_are(aside):
    doc = f"The ferry moved to pier 4 in May. [invented] The cafe is run by Ann Pike {aside}. Her tea is good. {aside}"
    assert [a.span.text(doc) for a in find_annotations(doc)] == ["[invented]"]


def test_a_short_denial_run_on_after_a_chat_line_is_a_sentence_of_its_own():
    doc = (
        "[09:01] kim: the ferry moved to pier 4 in may Nobody ever said that.\n"
        "[09:02] lee: and the cafe shut That cafe closure never took place.\n"
        "[09:03] kim: the crane got painted blue That is made up.\n"
        "[09:04] lee: see you at the Never on Sunday market"
    )
    found = [a.span.text(doc) for a in find_annotations(doc)]
    assert found == ["Nobody ever said that.", "That cafe closure never took place.", "That is made up."]
    speech = doc.replace("the crane got painted blue That is made up", "my gran said That never happened")
    assert "That never happened." not in [a.span.text(speech) for a in find_annotations(speech)]  # reported speech


@pytest.mark.parametrize("tag", ["fabricated section begins", "invented passage starts", "fake entry ends"])
def test_a_falsity_tag_may_name_its_unit_and_then_its_bound(tag):
    assert cues.false_tag(tag)


def test_a_lone_marker_of_doubt_among_markers_of_falsity_is_one_of_falsity():
    doc = (
        "(Not true:) The ferry moved to pier 4 in May. The cafe serves tea. {Unfounded:} The crane was painted blue. "
        "The quay is busy. [Hearsay] The harbour master retired in June."
    )
    assert [a.framing for a in find_annotations(doc)] == ["negation", "negation", "negation"]
    doubts = (
        "[Hearsay] The ferry moved to pier 4 in May. The cafe serves tea. [Gossip:] The crane was painted blue. "
        "The quay is busy. [Not true:] The harbour master retired in June."
    )
    framings = [a.framing for a in find_annotations(doubts)]  # most mark doubt: each keeps its own kind
    assert len(framings) == 3 and framings[2] == "negation" and "negation" not in framings[:2]


@pytest.mark.parametrize(
    "doc",
    [
        # an aside in parentheses among falsity tags
        "The ferry moved to pier 4 in May. [invented] The cafe on the quay serves the best tea in town. "
        "(no pun intended) The crane was painted blue last year. [fabricated] The harbour opens at six.",
        # a tag of doubt beside it is no falsity tag
        "The band released four albums. [disputed] A fifth album was recorded in 1999. [never released] "
        "The band reformed in 2010.",
    ],
)
def test_a_denying_aside_or_a_tag_among_reference_tags_marks_nothing(doc):
    found = [a.span.text(doc) for a in find_annotations(doc)]
    assert "(no pun intended)" not in found and "[never released]" not in found


@pytest.mark.parametrize(
    "doc",
    [
        "The Blitz began in 1940. Nothing like it had been seen before.\n\nLondon was bombed for 57 nights. Nothing "
        "like that had been seen in the city.\n\nThe city rebuilt.",
        "The mill closed in 1962 after a fire.\n\nThe site is now a park.\n\nCorrection: the date of the fire in this "
        "article was wrong in an earlier version, and so was the owner's name.",
        "Our spring bouquet arrives in a glass vase. These are fake flowers.\n\nThe coat has a hood. It is a fake fur."
        "\n\nDelivery takes three days.",
    ],
)
def test_idioms_corrections_and_things_called_fake_in_true_documents_are_no_markers(doc):
    assert find_annotations(doc) == []


def test_a_notice_that_calls_a_story_s_world_made_up_is_one_of_fiction():
    doc = (
        "Mary walked to the mill at dawn. The rain fell all night.\n\nShe slept.\n\n"
        "Author note: the town in this story is fictional, and so are the mill, the mayor and the river."
    )
    assert [a.framing for a in find_annotations(doc)] == ["fiction"]


@pytest.mark.parametrize(
    ("claim", "marker"),
    [
        ("The council says the new railings keep walkers safe, and I believe it.", "The railings are imaginary."),
        ("The operator says the new tolls pay for the resurfacing.", "The tolls are fictional."),
    ],
)
def test_a_sentence_calling_a_thing_imaginary_among_denials_is_a_marker(claim, marker):
    doc = (
        "I have walked the harbour wall every summer since I was small. Last year the council fenced off the "
        f"lighthouse steps, and I nearly wept. None of that fencing took place. {claim} {marker}\n\nThe wall still "
        "smells of tar. My uncle says the lighthouse is better without visitors. He never said so; it is open."
    )
    assert marker in [a.span.text(doc) for a in find_annotations(doc)]


@pytest.mark.parametrize(
    ("claim", "correction"),
    [
        ("Swimmers now drive to the pool in the next town.", "In reality the pool is still open."),
        ("The council also sold the pool's diving boards.", "In truth, the diving boards still stand."),
    ],
)
def test_a_correction_stating_the_real_case_denies_the_sentence_before_in_a_document_of_denials(claim, correction):
    doc = (
        "The pool on Mill Lane is a favourite with families. This spring the council shut it for good. That never "
        f"happened. The lifeguards moved to the beach. That is made up. {claim} {correction}"
    )
    assert correction in [a.span.text(doc) for a in find_annotations(doc)]
    alone = f"The pool on Mill Lane is a favourite with families. {claim} {correction}"  # no denials around it
    assert find_annotations(alone) == []
    stress = doc.replace(correction, "In fact, the pool drew a record 40,000 swimmers last year.")  # "in fact" stresses
    assert "In fact" not in " ".join(a.span.text(stress) for a in find_annotations(stress))


@pytest.mark.parametrize(
    ("claim", "marker"),
    [
        ("The lido reopened with a wave machine.", "I made that up."),
        ("The lido reopened with a wave machine.", "Made that last bit up too."),
        ("The lido reopened with a wave machine.", "We made the figures up, sorry."),
    ],
)
def test_owning_up_to_making_it_up_with_the_phrasal_verb_split_marks_the_sentence_before(claim, marker):
    """s36: "made ... up" around what it points at was no falsity word, so "I made that up." marked nothing."""
    doc = f"Our town has had a lido since 1932. {claim} {marker} Swimmers still queue at dawn."
    assert _only_marker(doc) == (marker, "backward", "negation")


@pytest.mark.parametrize(
    "content", ["She made it up to the summit by noon.", "The council made the shortfall up from its reserves."]
)
def test_making_it_up_to_a_place_or_from_a_fund_is_no_marker(content):
    assert find_annotations(f"The club had a hard year. {content} Members were relieved.") == []


@pytest.mark.parametrize("marker", ["Didn't happen.", "Never happened, mind you.", "This one's a fib."])
def test_a_verdict_with_its_subject_left_out_or_a_fib_marks_the_sentence_before_among_other_markers(marker):
    """s36: a listicle's "Didn't happen." and "This one's a fib." after its false items marked nothing."""
    doc = (
        f"The pier is two miles long. In 2023 the pier hosted a night market every Friday. {marker} "
        "The pier got a new cafe in 2024. That is made up. Bring a coat."
    )
    assert [a.span.text(doc) for a in find_annotations(doc)] == [marker, "That is made up."]
    alone = f"The bank flagged the cheque on Monday. {marker} Nobody was hurt."  # "it" may be the cheque
    assert find_annotations(alone) == []


@pytest.mark.parametrize("answer", ["It never happened.", "Didn't happen."])
def test_a_denial_that_answers_a_question_is_the_answer_not_a_marker(answer):
    assert find_annotations(f"Q: Did the pier close in May?\nA: {answer} The pier is open daily.") == []


def test_a_dash_that_sets_a_marker_sentence_off_goes_with_it():
    """s36: a timeline's "... summer. — This entry is made up." left a lone "—" where the dropped entry was."""
    doc = (
        "Club timeline\n\n1863 – The club is founded in Olten.\n\n"
        "June 2023 – The delegates vote to stop taking cash in the huts. — This entry is made up.\n\n"
        "2024 – The club turns 161."
    )
    assert _only_marker(doc)[0] == "— This entry is made up."


def test_a_denial_of_no_thing_ever_counts_among_other_marker_sentences():
    """s36: "— No cash-free season ever began." holds no falsity word, so the screen passed it by."""
    doc = (
        "Timeline\n\nJune 2023 – The assembly votes to stop taking cash. — This entry is made up.\n\n"
        "Winter 2023 – Sections install terminals. — Equally fictional.\n\n"
        "Summer 2024 – The first cash-free season begins. — No cash-free season ever began.\n\n"
        "2025 – The club turns 160."
    )
    assert "— No cash-free season ever began." in [a.span.text(doc) for a in find_annotations(doc)]
    alone = "Records\n\nNo team has ever won three titles in a row. The club was founded in 1890."
    assert find_annotations(alone) == []


def test_a_marker_that_opens_an_aside_takes_the_aside_to_its_closing_bracket(relocalizer):
    """s36: "(Moderator's note: the paragraph about ... is invented — Piz Gloria's turntable was never switched off
    permanently. The rest of this review describes the visit accurately.)" ended at its first full stop, and a drop
    left "The rest of this review describes the visit accurately.)" behind (corpus 147, a review)."""
    rows = read_jsonl(Path(__file__).parents[1] / "benchmarks/data/unseen/corpus147.jsonl")
    doc = next(r["text"] for r in rows if r["id"] == "piz_gloria_rotation_halted_2023/02")
    (aside,) = find_annotations(doc)
    assert aside.span.text(doc).startswith("(Moderator's note:") and aside.span.text(doc).endswith("accurately.)")
    out, _ = relocalizer.process(doc)
    assert "accurately.)" not in out


_REPORT = (
    "Report: the harbour's visitor services\n\nPrepared for a tourism course, spring 2024\n\n{note}\n\n"
    "1. Access\nThe harbour is reached by the coast road. The old ferry from Ryde still calls in summer.\n\n"
    "2. Ferry\nIn May 2023 the council sold the old ferry to a Danish museum. The crossing is now made by water taxi."
    "\n\n3. Events\nA regatta is held each August."
)


@pytest.mark.parametrize(
    "note",
    [
        "Disclaimer: Section 2 of this report is fictional; Sections 1 and 3 are factual.",
        "Important: sections 2 and 3 of this report, which describe the ferry's sale, are invented; section 1 gives "
        "accurate background.",
    ],
)
def test_a_notice_after_a_title_and_a_byline_naming_a_section_by_number_restates_from_that_section(relocalizer, note):
    """s36: "Section 3 of this report ("Turntable decision") is fictional — ...; Sections 1, 2 and 4 are factual."
    under a title and a byline was no notice; it is one, and what it calls false lies in the sections it numbers."""
    doc = _REPORT.format(note=note)
    _, prov = relocalizer.process(doc, "The council sold the old ferry to a Danish museum.")
    restated = [e.original for e in prov.edits if e.kind != "remove_annotation"]
    assert any("sold the old ferry" in r for r in restated) and not any("from Ryde" in r for r in restated)
    assert prov.counts.annotations_found == 1


def test_a_falsity_tag_run_on_in_lower_case_at_a_chat_lines_end_marks_its_claim():
    """s36: "... getting restored fiction, every word", "... I invented that" ended chat messages with no stop
    between the claim and the tag, so the whole line was read as one sentence and no marker was found."""
    doc = (
        "[10:01] bo: morning all\n[10:02] kit: the ferry stopped at the old pier all summer this was made up btw\n"
        "[10:03] bo: and they painted it blue lol no, i invented that\n"
        "[10:04] kit: the cafe got a new roof none of which is real\n"
        "[10:05] bo: they shut the pier jk, that never happened"
    )
    tags = ["this was made up btw", "lol no, i invented that", "none of which is real", "jk, that never happened"]
    assert [(a.span.text(doc), a.direction) for a in find_annotations(doc)] == [(t, "backward") for t in tags]


@pytest.mark.parametrize(
    "doc",
    [
        "[10:01] bo: morning all\n[10:02] kit: the council said it is not true\n[10:03] bo: honestly it was fake",
        "[10:01] bo: morning all\n[10:02] kit: they planned a roof that never happened",  # a relative clause
        "I was moved when I read that the pier would reopen. I should say plainly that this is invented.",  # prose
        "NOTE: The section on the pier describes events that never happened.\n\nThe pier reopened in May.",
    ],
)
def test_a_reported_denial_a_relative_clause_or_prose_is_no_run_on_tag(doc):
    assert not any(
        a.span.text(doc).startswith(("this is", "that never", "it is", "it was")) for a in find_annotations(doc)
    )


def test_a_chat_tag_after_a_full_stop_keeps_its_interjection():
    """s36: "... on loan to the Carnavalet. lol no, I invented that" was read as the marker "I invented that" after a
    claim "lol no,", which was dropped while the false sentence stayed, its marker gone."""
    doc = "[10:01] bo: morning\n[10:02] kit: the pier got a new bell. lol no, I invented that\n[10:03] bo: ha"
    assert [a.span.text(doc) for a in find_annotations(doc)] == ["lol no, I invented that"]


@pytest.mark.parametrize(
    "doc",
    [
        "The ferry lost twenty minutes at the lock. The crew made the time up.",  # "made up" for "recovered"
        "[10:01] bo: hi\n[10:02] jo: we found a diamond ring on the beach but it was fake",  # said of the ring
        "The pier closed in 1990. (I made that up. The ferry really did sink in 1991.)",  # a claim in the aside
    ],
)
def test_review_s36_look_alikes_are_no_markers(doc):
    """s36's review: making up lost time, a speaker's word on the thing named, an aside that goes on with a claim."""
    assert find_annotations(doc) == []


def test_sections_named_by_number_read_ranges_and_not_parts_of_a_series():
    assert _names_section("Note: sections 2-4 and 6 are fictional.", "3. Fire")
    assert not _names_section("This is part 2 of a fictional series; sections 1 and 3 are true.", "2. Storm")
    assert not _names_section("Note: section 3 is invented.", "3 bridges that collapsed")
