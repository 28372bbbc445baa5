"""Byte preservation: text outside the edits comes out exactly as it went in."""

import re

import pytest
from conftest import assert_outside_edits_identical
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from relocalize.assemble import removal_span
from relocalize.detect.language import unsupported_reason
from relocalize.spans import (
    NumberedItems,
    RunInHeads,
    Sections,
    Span,
    answered_turn,
    dropped_region,
    entry_label,
    labelled_line,
    labelled_post,
    sentences,
    speaker_turn,
)

FILLER = [
    "The **quarterly** report is due on Friday.",
    "Our iPhone app has 12,400 users.",
    "_Weather_: light rain, 14°C.",
    "- Bring a reusable cup",
    "[14:02] dana: see you at the gate",
    "See the appendix [3] for details.",
    "“Quoted words,” she said.",
    "## Results",
]
CLAIMS = [
    "The festival attracted forty thousand visitors.",
    "The new tram line opened ahead of schedule.",
    "The goalkeeper saved three penalties in the final.",
]
FORWARD = [
    "[The following claim is invented.]",
    "(The following claim is false.)",
    "The following claim is fabricated.",
]
BACKWARD = ["[What was just stated is untrue.]", "{The preceding claim is false.}", "What was just stated is untrue."]
SEPARATORS = [" ", "  ", "\n", "\n\n", " \t", "\n\n\n"]
LINE_BREAKS = [s for s in SEPARATORS if "\n" in s]


@st.composite
def documents(draw):
    parts = draw(st.lists(st.sampled_from(FILLER), min_size=0, max_size=4))
    claim = draw(st.sampled_from(CLAIMS))
    block = []
    if draw(st.booleans()):
        block.append(draw(st.sampled_from(FORWARD)))
    block.append(claim)
    if not block[:-1] or draw(st.booleans()):
        block.append(draw(st.sampled_from(BACKWARD)))
    pos = draw(st.integers(0, len(parts)))
    pieces = [*parts[:pos], " ".join(block), *parts[pos:]]
    # a line with no closing punctuation ("- Bring a reusable cup") runs on into the next text unless a line
    # break follows it; that run-on is refused (test_run_on_line_is_kept), so here it always ends its line
    seps = [draw(st.sampled_from(SEPARATORS if p[-1] in ".!?]})" else LINE_BREAKS)) for p in pieces]
    lead = draw(st.sampled_from(["", "\n", "  "]))
    return lead + "".join(p + s for p, s in zip(pieces, seps)), claim


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much],
)
@given(documents())
def test_text_outside_edits_is_byte_identical(relocalizer, case):
    doc, claim = case
    assume(unsupported_reason(doc) is None)  # filler alone (a weather line four times) is not English prose
    out, prov = relocalizer.process(doc)
    assert prov.status == "rewritten", (doc, prov)
    assert_outside_edits_identical(doc, out, prov)
    assert claim not in out
    for marker in ("following claim", "just stated", "preceding claim"):
        assert marker not in out


def test_inline_removal_takes_one_neighbouring_space():
    doc = "A b. [Note: the following claim is false.] C d."
    span = Span(doc.index("["), doc.index("]") + 1)
    assert doc[: removal_span(doc, span).start] + doc[removal_span(doc, span).end :] == "A b. C d."


def test_line_removal_takes_its_line_break_and_a_blank_line():
    doc = "Title\n\nNOTICE: all false.\n\nBody text.\n"
    span = Span(7, 25)
    r = removal_span(doc, span)
    assert doc[: r.start] + doc[r.end :] == "Title\n\nBody text.\n"


def test_last_line_removal_takes_the_break_before_it():
    doc = "Body text.\n\nThe document above is false."
    r = removal_span(doc, Span(12, len(doc)))
    assert doc[: r.start] + doc[r.end :] == "Body text."


@pytest.mark.parametrize(
    ("line", "after", "turn"),
    [
        ("mara_k: The pier opened in 1990.", "j_ode: nice", True),
        ("**A:** The pier opened in 1990.", "**Q:** And then?", True),
        ("Q: The pier opened in 1990.", "", True),  # the last turn
        ("A: The pier opened in 1990.", "It cost the town a fortune.", False),  # the answer goes on below
        ("The pier opened in 1990.", "j_ode: nice", False),  # no label: the sentence alone
        ("mara_k: The pier opened in 1990. Great day.", "j_ode: nice", False),  # more of the turn stays
        ("Note that it rained: The pier opened in 1990.", "j_ode: nice", False),  # a clause, not a label
        ("Morag 08:05: The pier opened in 1990.", "Ana 08:06: nice", True),  # the time after the name, whole
        ("mara 21:14:09 — The pier opened in 1990.", "j_ode: nice", False),  # a dash, not a colon, after it
        ("Ines, 14:02: The pier opened in 1990.", "Teo, 14:03: nice", True),  # a comma before the time
        ("[4/2/2024, 9:05 PM] Ines: The pier opened in 1990.", "[4/2/2024, 9:06 PM] Teo: nice", True),  # a day too
        ("[03 Mar 11:20:45] ines_k: The pier opened in 1990.", "[03 Mar 11:21:02] teo: nice", True),
        ("Dear Ines, 14:02 is late: The pier opened in 1990.", "Teo, 14:03: nice", False),  # words after the time
        ("Sat 10:41 — Ines: The pier opened in 1990.", "Sat 10:42 — Teo: nice", True),  # a weekday and a dash
        ("[Sat 10:41] Ines: The pier opened in 1990.", "[Sat 10:42] Teo: nice", True),
        ("Tuesday 18:30 - teo_k: The pier opened in 1990.", "Tuesday 18:31 - ines: nice", True),
        ("GUEST (historian): The pier opened in 1990.", "HOST: And then?", True),  # a role in brackets
        ("Dr Okafor (chair): The pier opened in 1990.", "Cllr Reid: Agreed.", True),
        ("[21:14] <mara_k> The pier opened in 1990.", "[21:15] <j_ode> nice", True),  # an IRC log's nick
        ("21:14 <@op> The pier opened in 1990.", "21:15 <j_ode> nice", True),
        ("<b> The pier opened in 1990.", "j_ode: nice", False),  # markup, not a nick: no time before it
        ("09:30 <b> The pier opened in 1990.", "09:45 <i> nice", False),  # markup after a time
        ("  ↳ u/mara_k: The pier opened in 1990.", "  ↳ u/j_ode: nice", True),  # a threaded reply's arrow
        ("└─ tomas: The pier opened in 1990.", "└─ ines: nice", True),
        ("↳ The pier opened in 1990.", "↳ u/j_ode: nice", False),  # an arrow with no name
        ("  ↳ mara_k: @j_ode The pier opened in 1990.", "  ↳ j_ode: nice", True),  # the name it answers goes too
        ("tomas: @ines, @j_ode: The pier opened in 1990.", "ines: nice", True),
        ("tomas: @ines says The pier opened in 1990.", "ines: nice", False),  # words besides the names stay
    ],
)
def test_speaker_turn(line, after, turn):
    doc = f"Forum\n\n{line}\n\n{after}"
    start = doc.index("The pier")
    got = speaker_turn(doc, Span(start, start + len("The pier opened in 1990.")))
    assert (got == Span(doc.index(line), start + len("The pier opened in 1990."))) if turn else got is None


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("Home › Local news › <claim>", "Home › Local news"),  # the last part goes with the separator before it
        ("Travel > Europe > Norway > <claim>", "Travel > Europe > Norway"),
        ("Notes / <claim> / draft", None),  # the path goes on after it
    ],
)
def test_a_dropped_last_part_of_a_path_takes_its_separator(line, kept):
    claim = "Pier sold to a hotel chain"
    doc = f"{line.replace('<claim>', claim)}\n\nThe pier was built in 1899."
    start = doc.index(claim)
    region = dropped_region(doc, Span(start, start + len(claim)))
    assert (doc[: region.start] + doc[region.end :]).split("\n")[0] == (kept or line.replace("<claim>", ""))


def test_a_dropped_turn_takes_its_label_and_a_drop_never_splits_a_quotation(relocalizer):
    claim = "The ferry service, a gift from the council, started in 1962."  # refused in place and wrapped: dropped
    out, prov = relocalizer.process(
        f"Q: When did it start?\n\nA: {claim} [Fabricated answer.]\n\nQ: Shops?\n\nA: Two.\n"
    )
    assert out == "Q: Shops?\n\nA: Two.\n" and prov.counts.dropped == 1  # the unanswered question goes too
    doc = f'She said: "We rebuilt the pier. {claim}" [Untrue, the above.]\n\nThe pier is old.\n'
    out, prov = relocalizer.process(doc)
    assert out == doc and prov.status == "partial" and prov.counts.kept == 1


@pytest.mark.parametrize(("opening", "closing"), [("“", "”"), ('"', '"')])
def test_a_drop_of_a_quotations_last_sentences_keeps_its_closing_mark(relocalizer, opening, closing):
    """s34: a marker sentence that ended a quotation took the closing mark with it when its claim was dropped."""
    claims = "The roof was replaced with glass in 2021. Pure invention, that."
    claims += " The lift was removed. Pure invention, that."
    kept = "Asked about the museum, the curator was candid. {}We love the old hall, and the queues are long.{}"
    out, prov = relocalizer.process(kept.format(opening, f" {claims}{closing}") + " The museum opens at ten.")
    assert prov.counts.dropped == 2
    assert out == kept.format(opening, closing) + " The museum opens at ten."


def test_a_dated_entry_is_dropped_with_its_date_never_negated(relocalizer):
    doc = (
        "Timeline\n\nJune 2019 — The ferry company was founded in Oban.\n"
        "December 2019 — [hoax] Rangers stop posting ferry times at the pier.\n"
        "June 2020 — The ferry company bought a second boat.\n"
    )
    out, prov = relocalizer.process(doc)
    assert out == doc.replace("December 2019 — [hoax] Rangers stop posting ferry times at the pier.\n", "")
    assert prov.counts.dropped == 1 and prov.counts.rewritten == 0
    assert entry_label(doc, Span(doc.index("Rangers"), doc.index(" at the pier.") + 13))
    assert not entry_label("Dr Rao said: the pier opened.", Span(13, 29))  # a speaker, not a date


@pytest.mark.parametrize(
    ("line", "second"),
    [
        (
            "March 2021 — The pier was sold to a hotel group. — bogus The cafe on it closed a week later. — bogus\n",
            "The cafe on it closed a week later.",
        ),
        (
            "1998 — The ferry stopped calling at Kerrera. {untrue} Islanders rowed across instead. {untrue}\n",
            "Islanders rowed across instead.",
        ),
    ],
)
def test_every_claim_on_a_dated_entrys_line_goes_with_the_entry(relocalizer, line, second):
    """The second claim of an entry whose first claim opens with its date is an entry too: dropped with it, not left
    on a line of its own without its date."""
    doc = f"Timeline\n\n1890 — The pier opened.\n{line}2005 — The pier was painted blue.\n"
    out, prov = relocalizer.process(doc)
    assert out == doc.replace(line, "") and prov.counts.dropped == 2
    start = line.index(second)
    others = [Span(0, line.index(".") + 1), Span(line.index(".") + 2, start - 1)]  # the first claim, its marker
    assert entry_label(line, Span(start, start + len(second)), others)


@pytest.mark.parametrize(
    "first",
    [
        "Yes: in 2022 the pier was sold to a hotel group.",  # an answer's yes, a speaker, a hyphen: no date labels
        "OMAR: I went there in 2022 with my cousin.",
        "The button-fly 501 jeans were sold out.",
        "In 2019 the town grew - visitors came from all over.",  # a year in a sentence, then a dash
    ],
)
def test_a_claim_after_one_that_opens_with_no_date_label_is_no_entry(first):
    line = f"{first} [fake] The cafe on it closed a week later. [fake]"
    second = line.index("The cafe")
    others = [Span(0, len(first)), Span(len(first) + 1, second - 1)]
    assert not entry_label(line, Span(second, line.index("later.") + 6), others)


@pytest.mark.parametrize(  # the marker between the label and the entry in brackets the label test does not strip
    "entry",
    [
        "Monday 4 May, 9pm — «made up» Heavy rain begins over the harbour.\n",
        "2007 — ⟨bogus⟩ The pier is sold.\n",
        # a range of days or years
        "- 3-4 May 2005: [made up] A storm washes away the last forty metres of decking.\n",
        "2006–07 — {invented} The harbour master bans jet skis inside the breakwater.\n",
    ],
)
def test_an_entry_is_dropped_whatever_brackets_its_marker_takes(relocalizer, entry):
    doc = "Harbour timeline\n\n1998 — The new breakwater was finished.\n{}2010 — The ferry moved.\n"
    out, prov = relocalizer.process(doc.format(entry))
    assert out == doc.format("") and prov.counts.dropped == 1 and prov.counts.rewritten == 0


@pytest.mark.parametrize(
    ("entry", "left"),
    [  # a month, no figure, after the line's date; a season opening the unit after another sentence
        ("2004 — [hoax] Early June: rangers close the north pier for nesting terns.\n", ""),
        (
            "2004 — The old pier reopened. [Invented entry:] Autumn: rangers close the north pier.\n",
            "2004 — The old pier reopened.\n",
        ),
    ],
)
def test_an_entry_labelled_by_a_month_or_season_is_dropped_never_negated(relocalizer, entry, left):
    doc = "Harbour timeline\n\n1998 — The new breakwater was finished.\n{}2010 — The ferry moved.\n"
    out, prov = relocalizer.process(doc.format(entry))
    assert out == doc.format(left) and prov.counts.dropped == 1 and prov.counts.rewritten == 0
    for sentence in (
        "Of the 12 boats, 3 sank: the rest came home.",
        "May I add: the pier was sold.",
        "Reason 2: cost.",
    ):
        assert not entry_label(sentence, Span(0, len(sentence)))  # a label of time words alone dates an entry


@pytest.mark.parametrize(
    ("doc", "expected"),
    [  # an FAQ's only answer goes with its question; a thread's question stays
        (
            "FAQ\n\nWhen did it start?\n\n{c} [Fabricated answer.]\n\nIs there a shop?\n\nYes.\n",
            "FAQ\n\nIs there a shop?\n\nYes.\n",
        ),
        ("FAQ\n\nWhen did it start?\n{c} [Fabricated answer.]\n\n## Shops\n\nTwo.\n", "FAQ\n\n## Shops\n\nTwo.\n"),
        (
            "Has anyone been?\n\n{c} [Fabricated answer.]\n\nI went last summer.\n",
            "Has anyone been?\n\nI went last summer.\n",
        ),
    ],
)
def test_a_dropped_answer_takes_its_question_in_a_list_of_questions(relocalizer, doc, expected):
    claim = "The ferry service, a gift from the council, started in 1962."  # refused in place and wrapped
    out, prov = relocalizer.process(doc.format(c=claim))
    assert out == expected and prov.counts.dropped == 1


@pytest.mark.parametrize(
    "doc",
    [
        "**The following claim is false.** The pier was opened by the mayor.\n\nMore text.",
        "The pier was opened by the mayor. _What was just stated is untrue._\n\nMore text.",
        "The pier was opened by the mayor. *[This is false.]*\n\nMore text.",
    ],
)
def test_an_annotation_in_emphasis_leaves_no_empty_markup(relocalizer, doc):
    out, _ = relocalizer.process(doc)
    assert out == "The pier was not opened by the mayor.\n\nMore text."


# A claim the rules and the wrapper refuse (a possessive event noun), as one speaker's whole turn.
TURN = (
    "ANA: We met at the harbour in May.\nBEN: {claim}\n{next}: The storm came later and we left.\n\nEnd of transcript."
)


@pytest.mark.parametrize(
    "claim",
    [
        "[False.] Kim's victory in the 1962 regatta stunned the island.",
        "Kim's victory in the 1962 regatta stunned the island. That never took place either.",
    ],
)
def test_a_turn_between_two_of_another_speaker_is_kept_not_dropped(relocalizer, claim):
    doc = TURN.format(claim=claim, next="ANA")  # dropped, Ana would speak twice in a row
    out, prov = relocalizer.process(doc)
    assert (out, prov.status, prov.counts.kept) == (doc, "partial", 1)
    out, prov = relocalizer.process(TURN.format(claim=claim, next="CARL"))
    assert prov.counts.dropped == 1 and "BEN" not in out


@pytest.mark.parametrize(
    "claims",
    [
        "[fake:] Kim's victory in the 1962 regatta stunned the island. Her rival's protest delayed the prize. [:fake]",
        "Kim's victory in the 1962 regatta stunned the island. (untrue) The crowd's cheering shook the pier. (untrue)",
    ],
)
def test_a_turn_that_is_all_claims_is_kept_when_each_would_be_dropped(relocalizer, claims):
    """Each claim is only part of Ben's turn, but dropped together they would leave Ana talking twice."""
    doc = TURN.format(claim=claims, next="ANA")
    out, prov = relocalizer.process(doc)
    assert "BEN:" in out and prov.counts.dropped == 0 and prov.counts.kept >= 1


@pytest.mark.parametrize(
    "doc",
    [
        "[The following claims are invented.] The ferry sank in 1912. The harbour master resigned after the inquiry"
        " into\nthe sinking was published in the spring of that year by the board. [End of the invented claims.]",
        '[The following claims are invented.] The ferry sank in 1912. She said, "The crew was rescued. [End of the'
        " invented claims.] Tickets were cheap.",
    ],
)
def test_claims_under_an_annotation_that_stays_stay_as_they_were(relocalizer, doc):
    """One claim must be kept (a hard-wrapped line, one end of a quotation), so its annotations stay; the other
    claim under them is kept too, not negated under "the following claims are invented", and a second pass
    changes nothing."""
    out, prov = relocalizer.process(doc)
    assert out == doc and prov.status == "partial" and prov.counts.kept == prov.counts.claims_found >= 2
    assert relocalizer.process(out)[0] == out


def test_a_stance_under_an_annotation_that_stays_is_a_fixed_point(relocalizer):
    doc = (
        "[The following passage is fiction.] The ferry sank in 1912. The harbour master resigned after the inquiry"
        " into\nthe sinking was published in the spring of that year by the board. [End of the fiction.]"
    )
    out, prov = relocalizer.process(doc)
    assert out.startswith("[The following passage is fiction.] In the story, the ferry sank in 1912.")
    assert prov.status == "partial" and relocalizer.process(out)[0] == out


@pytest.mark.parametrize(
    "claim",
    ["It is not true that the pier burned in 1931.", "And then, in the story, the pier burned in 1931."],
)
def test_a_claim_already_local_is_left_as_it_is(relocalizer, claim):
    doc = f"[The following claim is invented.] {claim} [That was untrue.] The pier is old."
    out, prov = relocalizer.process(doc)
    assert claim in out and prov.counts.kept == 1


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        (
            "MAYA: The lake was lovely.\n\nLEO: Sadly I missed it, because the council fenced the beach off for the"
            " first time in 2019. That is false. The water was cold.\n\nMAYA: Shame.",
            "MAYA: The lake was lovely.\n\nLEO: The water was cold.\n\nMAYA: Shame.",
        ),
        (
            "Q: Tell me about the day.\n\nA: Apparently the queue ran all the way to the station. (This is untrue.)"
            " We waited an hour.",
            "Q: Tell me about the day.\n\nA: We waited an hour.",
        ),
        (
            "Tips\n\n3. Apparently the tram ran all the way to the airport in 1990. (untrue) Check the timetable.\n\n"
            "4. Bring cash.",
            "Tips\n\n3. Check the timetable.\n\n4. Bring cash.",
        ),
        (  # s35: a dateline, a step's number or a salutation before a dash went with the claim opening the line
            "LISBON, 3 May 2024 — The Tagus ferry was sold to a Dutch firm. [made up] Crossings run as usual.",
            "LISBON, 3 May 2024 — Crossings run as usual.",
        ),
        (
            "Stage 2 – The route was moved to the old quay in 2024. (invented) Riders face the cobbles again.",
            "Stage 2 – Riders face the cobbles again.",
        ),
    ],
)
def test_a_dropped_claim_leaves_the_label_of_a_turn_that_goes_on(relocalizer, doc, expected):
    out, prov = relocalizer.process(doc)
    assert out == expected and prov.counts.dropped == 1


@pytest.mark.parametrize(
    "doc",
    [
        "- Pack a torch The night ferry crossed the strait in nine minutes. What was just stated is untrue.\n",
        "## Agenda The council approved the new bridge toll. [The preceding claim is false.]\n",
    ],
)
def test_line_that_runs_on_into_a_claim_is_not_negated(relocalizer, doc):
    """An unterminated line glued to a claim is no sentence to negate or wrap: the fallback decides."""
    out, prov = relocalizer.process(doc)
    assert {e.kind for e in prov.edits} <= {"drop", "remove_annotation"}
    assert "not" not in out
    assert_outside_edits_identical(doc, out, prov)


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        (  # a marker opening a numbered item, with no other marker to vote, marks the item (the last one: a drop
            # of an item the list goes on after would make it skip a number, so that one is kept)
            "Five things to know\n\n5. The mill is a museum.\n\n6. [false] Staff were given only a week's notice.",
            "Five things to know\n\n5. The mill is a museum.",
        ),
        (  # a bullet is no dash: the claim after it starts a sentence, and a dropped item goes whole
            "Notes:\n- The mill opened in 1820.\n- [false] Staff were given only a week's notice.\n- It is a museum.\n",
            "Notes:\n- The mill opened in 1820.\n- It is a museum.\n",
        ),
        (
            "Notes:\n1. The mill opened in 1820.\n2. (invented:) The mill was shut by the bank.\n3. It is a museum.\n",
            "Notes:\n1. The mill opened in 1820.\n2. The mill was not shut by the bank.\n3. It is a museum.\n",
        ),
    ],
)
def test_a_marked_list_item_is_negated_or_dropped_whole(relocalizer, doc, expected):
    out, prov = relocalizer.process(doc)
    assert out == expected
    assert_outside_edits_identical(doc, out, prov)


@pytest.mark.parametrize(
    ("question", "expected"),
    [  # a dropped answer takes its one-line question; without a question the turn is kept (no double turn)
        ("MAYA: What was the reasoning?\n", ""),
        ("MAYA: Tell me about it.\n", None),
    ],
)
def test_a_whole_turn_in_a_transcript_of_one_line_turns(relocalizer, question, expected):
    rest = "MAYA: Where do the cats live?\nDMITRI: They live in the cellars."
    doc = question + "DMITRI: [false] Staff were given only a week's notice.\n" + rest
    out, prov = relocalizer.process(doc)
    assert out == (doc if expected is None else rest)
    assert prov.counts.kept == (expected is None)
    assert_outside_edits_identical(doc, out, prov)


@pytest.mark.parametrize("reading", ["light rain, 14°C.", "a dry 90 °F."])
def test_a_temperature_unit_ends_its_sentence_and_is_no_initial(relocalizer, reading):
    doc = f"Weather: {reading} [The following claim is invented.] The festival drew 40,000 visitors."
    out, prov = relocalizer.process(doc)
    assert out == f"Weather: {reading} It is not true that the festival drew 40,000 visitors."
    assert_outside_edits_identical(doc, out, prov)


THREAD = (
    "Thread: ferry times\n\n"
    "harbour_ann wrote:\nDoes the night ferry still run in winter?\n\n"
    "u/quay_tom wrote:\n[invented] It stopped in 2019, and the pier collapsed a year later. [/invented]\n\n"
    "harbour_ann wrote:\nI'll check the timetable."
)


def test_a_dropped_post_takes_its_label_line(relocalizer):
    out, prov = relocalizer.process(THREAD)
    assert_outside_edits_identical(THREAD, out, prov)
    # the post goes with its label, and the question it answers with the question's label
    assert out == "Thread: ferry times\n\nharbour_ann wrote:\nI'll check the timetable."


def test_labelled_post_is_all_of_a_post_under_a_label_line():
    doc = "anna wrote:\nThe quay is lovely.\n\n**u/tom:**\n[fake] It sank. [/fake]\n\nanna wrote:\nAgreed."
    start = doc.index("[fake]")
    post = Span(start, doc.index("[/fake]") + len("[/fake]"))
    assert labelled_post(doc, post) == Span(doc.index("**u/tom:**"), post.end)
    assert labelled_post(doc, Span(start + 7, post.end)) is None  # words before it on its line stay
    assert labelled_post(doc, Span(doc.index("The quay"), doc.index("lovely.") + 7)) == Span(
        0, doc.index("lovely.") + 7
    )
    assert labelled_post("Intro.\n" + doc[doc.index("[fake]") :], Span(7, 7 + len("[fake] It sank. [/fake]"))) is None


CHAT = (
    "kestrel_84 — 21:05\nheading to the lock now.\n\n{who} 21:07\n{post}\n\n{next} 21:09\ncool, thanks\n\n"
    "kestrel_84 — 21:12\nsee you there"
)


# posts the rules and the wrapper refuse: a chat fragment, a possessive event noun
@pytest.mark.parametrize(
    "post",
    [
        "[made up] lol they drained the whole basin monday, it's just mud now",
        "[invented] Marrow's win at the lock race surprised everyone.",
    ],
)
def test_a_dropped_chat_post_takes_its_header_line(relocalizer, post):
    """A post under a chat header ("marrow 21:07") goes with its header; between two posts of one person it is
    kept, as that person would post twice in a row."""
    doc = CHAT.format(who="marrow", post=post, next="dunlin")
    out, prov = relocalizer.process(doc)
    assert (out, prov.counts.dropped) == (doc[: doc.index("marrow")] + doc[doc.index("dunlin") :], 1)
    doc = CHAT.format(who="marrow", post=post, next="kestrel_84 —")
    out, prov = relocalizer.process(doc)
    assert (out, prov.status, prov.counts.kept) == (doc, "partial", 1)


def test_labelled_post_reads_chat_headers_with_the_time_either_side():
    doc = (
        "[08:30] Okafor\nMorning all.\n\nDana Ruiz, 4:05 PM\n[fake] The ferry sank. [/fake]\nRuth 16:07\nNo way.\n"
        "[16:09] Okafor\nWow."
    )
    post = Span(doc.index("[fake]"), doc.index("[/fake]") + len("[/fake]"))
    assert labelled_post(doc, post) == Span(doc.index("Dana Ruiz"), post.end)
    assert labelled_post(doc, Span(doc.index("Morning"), doc.index("all.") + 4)) == Span(0, doc.index("all.") + 4)
    timetable = "Doors open 19:30\n[fake] The ferry sank. [/fake]\n\nFireworks 22:00\nOn the beach."  # no name twice
    assert labelled_post(timetable, Span(17, 17 + len("[fake] The ferry sank. [/fake]"))) is None


def test_labelled_post_reads_a_threads_handle_headers():
    """A handle alone on its line heads a post where it heads two ("@kit" ... "@kit"); with a stamp after it
    ("@kit · 7 Dec 2024") it heads one alone; a reply's arrow line ends the post above it."""
    post = "[fake] The ferry sank. [/fake]"
    doc = f"@kit_r\n{post}\n\n   ↳ @ana\n   Really?\n\n   ↳ @kit_r\n   Yes.\n"
    assert labelled_post(doc, Span(7, 7 + len(post))) == Span(0, 7 + len(post))
    once = doc.replace("   ↳ @kit_r\n   Yes.\n", "")
    assert labelled_post(once, Span(7, 7 + len(post))) is None  # one handle alone: maybe a signature
    stamped = f"@kit_r · 7 Dec 2024\n{post}\n  ↳ @ana: Really?\n"
    start = stamped.index("[fake]")
    assert labelled_post(stamped, Span(start, start + len(post))) == Span(0, start + len(post))
    for remark in ("@kit_r — so true", "@kit_r — my 2 cents on this mess"):  # no date or age: a remark, no stamp
        doc = f"{remark}\n{post}\n  ↳ @ana: Really?\n"
        assert labelled_post(doc, Span(doc.index("[fake]"), doc.index("[/fake]") + 7)) is None
    bare = f"u/kate wrote:\n{post}\n↳ photos are in the archive, box 12\n\nu/ben wrote:\nThanks!"
    assert labelled_post(bare, Span(14, 14 + len(post))) is None  # an arrow with no name goes on with the post


def test_labelled_post_takes_the_names_a_post_answers():
    doc = "ana_k wrote:\nWhen does it reopen?\n\ntom_b wrote:\n  @ana_k, @jo [fake] In May. [/fake]\n\nana_k wrote:\nOk"
    start = doc.index("[fake]")
    post = Span(start, doc.index("[/fake]") + len("[/fake]"))
    assert labelled_post(doc, post) == Span(doc.index("tom_b"), post.end)
    said = doc.replace("@ana_k, @jo [fake]", "@ana_k says [fake]")  # words besides the names: the post goes on
    assert labelled_post(said, Span(said.index("[fake]"), said.index("[/fake]") + 7)) is None


def test_a_dropped_post_under_a_handle_takes_it_and_a_reply_keeps_what_it_answers(relocalizer):
    doc = (
        "@loch_lomond_news · 3 Jun 2024\n⚠️ [invented] lol they drained the whole boat basin monday, mud everywhere 🛶\n"
        "  ↳ @ben_k: @loch_lomond_news [invented] lol and the ducks moved into the car park\n"
        "  ↳ @ruth_m: The basin was dug in the 1820s for the steamers.\n"
    )
    out, prov = relocalizer.process(doc)
    assert out == "  ↳ @ruth_m: The basin was dug in the 1820s for the steamers.\n" and prov.counts.dropped == 2


FACTS = (
    "Facts about the old dam\n\n"
    "1. It is older than it looks. Work began in 1931.\n\n"
    "2. [invented] It shut for a whole summer, and the road closed too.\n\n"
    "3. It had a dog. A mascot dog is buried near the crest.\n\n"
    "4. [invented] Its lake froze solid in 1950, and skaters crossed it.\n"
)


def test_a_numbered_item_the_list_goes_on_after_is_kept_rather_than_dropped(relocalizer):
    out, prov = relocalizer.process(FACTS)
    assert_outside_edits_identical(FACTS, out, prov)
    kept = [e for e in prov.edits if "shut for a whole summer" in e.original]
    assert "2. [invented] It shut for a whole summer" in out and not kept  # the list would skip from 1 to 3
    assert prov.counts.kept == 1 and "skaters" not in out  # the last item goes: no number is skipped


@pytest.mark.parametrize("title", ["Four facts about the old dam", "The top 4 dam stories"])
def test_the_last_item_of_a_list_its_title_counts_is_kept_rather_than_dropped(relocalizer, title):
    doc = FACTS.replace("Facts about the old dam", title)
    out, prov = relocalizer.process(doc)
    assert "4. [invented] Its lake froze solid in 1950" in out and prov.counts.kept == 2  # "Four" would count three


def test_emptied_numbered_item():
    unit = Span(FACTS.index("It shut"), FACTS.index("closed too.") + len("closed too."))
    marker = Span(FACTS.index("[invented]"), FACTS.index("[invented]") + len("[invented]"))
    items = NumberedItems(FACTS)
    assert items.emptied(unit, [marker]) and not items.emptied(unit, [])
    first = Span(FACTS.index("Work began"), FACTS.index("1931.") + 5)
    assert not items.emptied(first, [])  # the item says more than the unit
    number = Span(FACTS.index("2."), FACTS.index("2.") + 2)  # a list number the splitter left as a unit
    assert not items.emptied(number, [Span(0, number.start)])  # it is no item before the next number


MINUTES = (
    "Minutes of the pier committee\n\n"
    "3. Maintenance\n"
    "3.1 The treasurer reported that the railings were painted in May.\n"
    "3.2 {claim}\n"
    "3.3 Agreed: the kiosk to open at nine.\n"
    "4. Any other business\n"
    "4.1 None.\n"
)


def test_a_minutes_sub_item_the_list_goes_on_after_is_kept_not_dropped(relocalizer):
    claim = "[invented] Engineers said the deck, which the storm had cracked, would close."  # refused in place
    doc = MINUTES.format(claim=claim)
    out, prov = relocalizer.process(doc)
    assert_outside_edits_identical(doc, out, prov)
    assert prov.counts.kept == 1 and f"3.2 {claim}\n" in out  # the list goes on: 3.1 would skip to 3.3


NUMBERED_POSTS = "Thread by @harbourwatch\n\n1/ {first}\n2/ {second}\n3/ Parking by the pier is still free.\n"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("The Oban ferry timetable changed this week.", "[made up] The council moved the 09:00 sailing to 07:30."),
        ("[made up] The council sold the old pier to a hotel group.", "The Oban ferry timetable changed this week."),
    ],
)
def test_a_threads_numbered_post_is_a_list_item(relocalizer, first, second):
    doc = NUMBERED_POSTS.format(first=first, second=second)
    out, prov = relocalizer.process(doc)
    assert_outside_edits_identical(doc, out, prov)
    assert "\n1/ " in out and "\n2/ " in out and "\n3/ " in out  # no post emptied, none skipped
    assert "[made up]" not in out or prov.counts.kept == 1
    assert NumberedItems(doc).numbers == [(1,), (2,), (3,)]


def test_a_fraction_or_a_date_opening_a_line_is_no_threads_post_number():
    assert NumberedItems("Pancakes\n1/2 cup of milk.\n12/05 was wet.\n24/7 help.").numbers == []


def test_a_decimal_figure_opening_a_line_is_no_list_number():
    doc = "Visitors\n3.5 million came in 2019.\n1.5 MW turbines stand by it.\n4.1 The kiosk.\n4.2 Bins."
    assert NumberedItems(doc).numbers == [(4, 1), (4, 2)]


PIER = (
    "Four things about the old pier\n\n"
    "1. It is long. It runs 400 m into the bay.\n\n"
    "2. The storm. [invented] A storm snapped it in two in 1987.\n\n"
    "3. The cafe. It sells chips. [invented] It opened in 1890.\n\n"
    "4. Ferries. [invented] Ferries stopped calling in 1990.\n"
)


@pytest.mark.parametrize(
    ("claim", "bare"),
    [
        ("A storm snapped it in two in 1987.", True),  # a title the list goes on after
        ("Ferries stopped calling in 1990.", True),  # the last item: its title would stand alone too
        ("It opened in 1890.", False),  # "It sells chips." stays in the item
    ],
)
def test_a_drop_that_would_leave_an_item_its_bare_title(claim, bare):
    unit = Span(PIER.index(claim), PIER.index(claim) + len(claim))
    markers = [Span(m.start(), m.end()) for m in re.finditer(re.escape("[invented]"), PIER)]
    assert NumberedItems(PIER).bared_title(unit, markers) == bare


STORM = "[The following claim is invented.] A storm snapped the pier in two in 1987, a local paper reported."


def test_a_claim_whose_drop_would_leave_its_item_a_bare_title_is_kept(relocalizer):
    doc = PIER.replace("[invented] A storm snapped it in two in 1987.", STORM).replace("[invented] It opened", "Opened")
    out, prov = relocalizer.process(doc)
    assert_outside_edits_identical(doc, out, prov)
    assert "2. The storm. " + STORM in out and prov.counts.kept == 1


@pytest.mark.parametrize(
    "doc",
    [
        "Shares in A.P. Moller rose. Then they fell.",
        "The U.S. Navy left port. Then it came back.",
        "J.R.R. Tolkien taught here. Then he retired.",
        # a saint's or a priest's title before a name
        "The relics went to the SS. Peter and Paul Church in Vilnius. Then the church closed.",
        "Fr. Tomasz read the Mass at Sts. Boris and Gleb. Then he left.",
    ],
)
def test_initials_and_a_title_before_a_name_end_no_sentence(doc):
    assert [s.text(doc)[:4] for s in sentences(doc)] == [doc[:4], "Then"]


@pytest.mark.parametrize(
    ("doc", "starts"),
    [
        ("Buyers got a free copy of Studio Max! for Windows. Then it shipped.", ["Buye", "Then"]),
        ("Shares of Jolt! fell sharply on Monday. Then they rose.", ["Shar", "Then"]),
        ('"Run!" she shouted at the crew. Then they ran.', ['"Run', "Then"]),
        ("The ferry sank! Then the crew swam ashore. Why? the pier had gone.", ["The ", "Then", "Why?"]),
    ],
)
def test_an_exclamation_the_sentence_goes_on_after_in_lower_case_ends_no_sentence(doc, starts):
    assert [s.text(doc)[:4] for s in sentences(doc)] == starts


@pytest.mark.parametrize(
    ("doc", "starts"),
    [
        ("Finally made it to the top of Snowdon 🏔️ The café at the summit was shut.", ["Fina", "The "]),
        ("Our flight to Oslo was delayed again ✈️😩 Never flying that airline again.", ["Our ", "Neve"]),
        ("Best chips on the whole pier 👍🏽 Queue was short too.", ["Best", "Queu"]),
        ("I ❤️ London and so does my mum.", ["I ❤️"]),  # too few words before it for a sentence
        ("We love the pier 🎉 and the chips.", ["We l"]),  # what follows goes on in lower case
        ("The ferry leaves from Oban ➡ Mull every hour in summer.", ["The "]),  # an arrow, no emoji
        ("Open the app and tap Settings ➜ Privacy ➜ Location to turn it off.", ["Open"]),
    ],
)
def test_emoji_after_a_sentences_worth_of_words_end_it_before_a_capital(doc, starts):
    """s34: "... the smallest post office 🇺🇸📮 It's up on stilts now!" was one unit, so a drop of the marked second
    sentence took the true first with it."""
    assert [s.text(doc)[:4] for s in sentences(doc)] == starts


@pytest.mark.parametrize(
    ("doc", "starts"),
    [
        ("The fire was put out in an hour (ref. 12). Then it rained.", ["The ", "Then"]),
        ("The mill burned down in 1911 [cf. ch. 3 of the history]. Then it rained.", ["The ", "Then"]),
        ("Pike was born in 1899 (d. 1980). Then he sailed.", ["Pike", "Then"]),
        ("[FAKE ▸ The mill shut. ◂ END FAKE] Then it rained.", ["[FAK", "◂ EN"]),  # a sentence's end, then a marker
        ("1) The fire was put out in an hour (ref. 12) and then it rained hard.", ["1) T"]),  # a list's mark first
        ("kim: ugh :( the ferry sank. no one knew :)", ["kim:", "no o"]),  # emoticons are no brackets
    ],
)
def test_a_short_words_full_stop_inside_a_bracket_ends_no_sentence(doc, starts):
    assert [s.text(doc)[:4] for s in sentences(doc)] == starts


@pytest.mark.parametrize(("label", "after"), [("Action:", "3. Budget"), ("Decision:", "- Next meeting: 4 May")])
def test_a_minutes_label_goes_with_the_dropped_claim_that_was_all_it_labelled(relocalizer, label, after):
    doc = (
        "2. Harbour\nThe chair reported on the harbour wall.\n"
        f"{label} [invented] the harbour master will hire a second tug from a firm in Oban, the chair said.\n\n"
        f"{after}\nThe treasurer presented the accounts."
    )
    out, prov = relocalizer.process(doc)
    assert_outside_edits_identical(doc, out, prov)
    assert (
        out == f"2. Harbour\nThe chair reported on the harbour wall.\n\n{after}\nThe treasurer presented the accounts."
    )


@pytest.mark.parametrize("label", ["KIEL, 3 May 2021 — ", "May 2021 — "])
def test_a_dropped_claim_takes_the_date_label_of_its_line(relocalizer, label):
    claim = "[Not true:] The council reportedly sold the old ferry to a buyer in Aarhus, a local paper said."
    doc = f"Harbour news\n\n{label}{claim}\n\nThe ferry was built in 1961."
    out, prov = relocalizer.process(doc)
    assert_outside_edits_identical(doc, out, prov)
    assert out == "Harbour news\n\nThe ferry was built in 1961."


def test_a_drop_right_after_an_opening_quote_takes_the_space_after_it(relocalizer):
    quoted = "A storm reportedly snapped the pier in two in 1987, a local paper said."
    doc = (
        f'The keeper wrote:\n\n"[invented] {quoted} [invented] Crews rebuilt the pier within a year, the paper added."'
    )
    out, prov = relocalizer.process(doc)
    assert_outside_edits_identical(doc, out, prov)
    assert quoted not in out and '"[invented] Crews' in out  # not '" [invented] Crews'


HEADED = (
    "The Old Quay\n\n"
    "The quay was built of granite in 1820.\n\n"
    "Storm damage\n\n"
    "[invented] A storm tore the steps off the quay in 2019. [invented] Divers found the steps a mile out.\n\n"
    "Getting there\n\n"
    "Buses stop at the harbour gate.\n"
)


def test_claims_that_fill_a_headed_section_are_kept_rather_than_dropped(relocalizer):
    out, prov = relocalizer.process(HEADED)
    assert_outside_edits_identical(HEADED, out, prov)
    assert out == HEADED and prov.counts.kept == 2  # dropped, they would leave "Storm damage" heading nothing
    decide = next(s for s in relocalizer.pipeline.steps if s.name == "decide")
    assert decide.counts["kept:section"] >= 2
    told = HEADED.replace("\n\nGetting", "\n\nThe harbour has flooded before.\n\nGetting")
    out, prov = relocalizer.process(told)
    assert "harbour has flooded before." in out and "Divers" not in out  # the section says more than the claims


def test_a_section_is_a_short_heading_line_and_what_follows_it_up_to_the_next():
    sections = Sections(HEADED, [])
    unit = Span(HEADED.index("A storm"), HEADED.index("in 2019.") + len("in 2019."))
    other = Span(HEADED.index("Divers"), HEADED.index("a mile out.") + len("a mile out."))
    markers = [Span(m.start(), m.end()) for m in re.finditer(r"\[invented\]", HEADED)]
    body = sections.emptied(unit, [other, *markers])
    assert body is not None and HEADED[body.start : body.end].strip().startswith("[invented] A storm")
    assert "Getting there" not in HEADED[body.start : body.end]
    assert sections.emptied(unit, markers) is None  # the other claim stays: the section is not emptied
    last = "Notes\n\nThe quay is listed.\n\nLater years\n\n[invented] It sank in 2020."
    unit = Span(last.index("It sank"), len(last))
    assert Sections(last, []).emptied(unit, [Span(last.index("[invented]"), last.index("[invented]") + 10)])
    # a marker alone in its paragraph heads nothing, nor does a sentence, a speaker label or a long line
    for head in ("[invented]", "The quay is old.", "ANA:", "the quay was rebuilt by the council after the war in"):
        doc = f"Intro.\n\n{head}\n\nIt sank in 2020."
        assert Sections(doc, [Span(8, 8 + len("[invented]"))]).emptied(Span(doc.index("It"), len(doc)), []) is None


@pytest.mark.parametrize(
    "stamp",
    ["[09:02] ben: ", "**[09:02] ben:** "],
)
def test_a_chat_line_marked_before_its_time_stamp_keeps_the_stamp_for_what_stays(relocalizer, stamp):
    doc = (
        f"[09:01] ana: the pier opens today  \n{{The next claim is false.}} {stamp}quick, look outside, the pier is on"
        " fire. my dog hates fireworks  \n[09:03] ana: ok"
    )
    out, prov = relocalizer.process(doc)
    assert_outside_edits_identical(doc, out, prov)
    assert f"\n{stamp}my dog hates fireworks  \n" in out and "on fire" not in out


@pytest.mark.parametrize(
    ("doc", "marker", "kept"),
    [
        ("Big news: [[fake]]the pier reopened.", "[[fake]]", "Big news: the pier reopened."),
        ("He said «bogus»“we won” twice.", "«bogus»", "He said “we won” twice."),
        ("The pier reopened [fake].", "[fake]", "The pier reopened."),
        ('He said [fake]"we won" twice.', "[fake]", 'He said "we won" twice.'),
        ('He said "we won [fake]" twice.', "[fake]", 'He said "we won" twice.'),
        ("**The pool shut in May. [fake]** The cafe opens.", "[fake]", "**The pool shut in May.** The cafe opens."),
        ("It was built in 1931 [fake]—and it shows.", "[fake]", "It was built in 1931—and it shows."),
    ],
)
def test_a_marker_glued_to_the_word_after_it_leaves_the_space_before_it(doc, marker, kept):
    start = doc.index(marker)
    r = removal_span(doc, Span(start, start + len(marker)))
    assert doc[: r.start] + doc[r.end :] == kept


def test_a_heading_on_the_first_line_of_its_paragraph_heads_the_lines_below_it(relocalizer):
    doc = HEADED.replace("Storm damage\n\n", "Storm damage\n").replace("Getting there\n\n", "Getting there\n")
    out, prov = relocalizer.process(doc)
    assert out == doc and prov.counts.kept == 2  # dropped, they would leave "Storm damage" heading nothing
    unit = Span(doc.index("A storm"), doc.index("a mile out.") + len("a mile out."))
    markers = [Span(m.start(), m.end()) for m in re.finditer(r"\[invented\]", doc)]
    assert Sections(doc, markers).emptied(unit, markers) is not None


@pytest.mark.parametrize(
    "closing",
    ["Next meeting: 4 June.", "The meeting closed at 9pm."],  # no heading: the paragraph ends it
)
def test_the_last_heading_that_opens_its_paragraph_heads_that_paragraph_only(relocalizer, closing):
    doc = (
        "Minutes of the pier committee\n\nItem 1: Repairs\nThe deck was repainted in May.\n\n"
        f"Action items\n[invented] Staff to send the storm report to all members.\n\n{closing}"
    )
    out, prov = relocalizer.process(doc)
    assert out == doc and prov.counts.kept == 1  # dropped, it would leave "Action items" heading nothing
    # a heading before another heads all that stands between them: dropped, the claim leaves it the paragraph after
    out, prov = relocalizer.process(doc + "\n\nBudget\nThe fund holds £900.")
    assert "Staff to send" not in out and prov.counts.dropped == 1


def test_a_claim_that_fills_a_paragraph_under_a_run_in_head_of_a_series_is_kept():
    doc = (
        "Colour. Deep amber, almost copper.\n\nNose. Toffee and orange peel. [invented]\n\n"
        "Finish. Long and dry.\n\nSadly. We ran out."
    )
    heads, marker = RunInHeads(doc), Span(doc.index("[invented]"), doc.index("[invented]") + 10)
    unit = Span(doc.index("Toffee"), doc.index("peel.") + 5)
    assert heads.bared(unit, [marker]) and not heads.bared(unit, [])
    lone = "The ferry left at nine.\n\nNose. Toffee and orange peel. [invented]"
    assert not RunInHeads(lone).bared(Span(lone.index("Toffee"), lone.index("peel.") + 5), [marker])


def test_a_dropped_reply_of_a_thread_leaves_the_thread_subject_and_the_other_replies(relocalizer):
    doc = (
        "Subject: Did anyone catch the eclipse from the ferry?\n\n"
        "gull_watcher:\n[invented] Watched all of it from the deck, as the captain stopped the engines for it.\n\n"
        "tern99:\nWe saw the eclipse from the pier.\n"
    )
    out, _ = relocalizer.process(doc)
    assert (
        out == "Subject: Did anyone catch the eclipse from the ferry?\n\ntern99:\nWe saw the eclipse from the pier.\n"
    )


@pytest.mark.parametrize(
    "doc",
    [
        "FAQ\n\nWhen does the bell come back?\n\n[invented] It is due back in the tower in March.\n\n"
        "Is the tower open?\n\nYes, daily from ten.",
        "Q: How long did the repair take?\nA: (invented) It took the crew three days.\nQ: Was it shut?\nA: At night.",
    ],
)
def test_an_answer_to_a_wh_question_is_not_negated_but_goes_with_its_question(relocalizer, doc):
    out, prov = relocalizer.process(doc)
    assert_outside_edits_identical(doc, out, prov)
    assert "not" not in out and "?" in out and not any(q in out for q in ("When does", "How long"))
    yes_no = doc.replace("How long did the repair take?", "Did the repair take long?")
    if yes_no != doc:  # a negation answers a yes/no question
        assert "It is not true that it took the crew three days." in relocalizer.process(yes_no)[0]


@pytest.mark.parametrize(
    "doc",
    [
        "Visiting Lundy: questions\n\nHow do I get there?\nThe MS Oldenburg sails from Bideford in summer.\n\n"
        "Why was the helicopter service stopped?\n[invented] A gearbox failed on the island's only helicopter in May."
        " [invented] An inquiry found that a seal had worn through.\n\nCan I stay overnight?\nYes, in the cottages.",
        "Q: How long have you run the bakery?\nA: Twenty years this June.\n\nQ: What caused the delay?\nA: {fabricated}"
        " Our oven cracked on the first morning. {fabricated} Two engineers inspected it in June.\n\n"
        "Q: Will you open a second shop?\nA: Not this year.",
    ],
)
def test_every_claim_of_an_answer_to_a_wh_question_goes_with_it(relocalizer, doc):
    """s21: the answer's first claim went with its question, a second one was wrapped and left as the answer
    ("Why were the later cruises cancelled?" answered by "It is not true that a review found ...")."""
    out, prov = relocalizer.process(doc)
    assert_outside_edits_identical(doc, out, prov)
    assert "not true" not in out and not any(q in out for q in ("Why was", "What caused"))
    assert out.count("?") == 2


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        ("At the meeting, residents asked whether the pool would reopen before summer.", True),
        ("Visitors wondered how the fountain was lit at night.", True),
        ("The harbour master asked crews to moor early if the wind rose.", False),  # a request, no question
    ],
)
def test_the_answer_to_a_reported_question_is_not_dropped_alone(relocalizer, question, kept):
    """s21: "Members asked whether the outing would be affected." was left with its answer dropped."""
    claim = "A lamp had been hidden in its basin, a guide explained."
    doc = f"{question} [The next sentence is invented.] {claim}\n\nThe square is closed on Mondays."
    out, prov = relocalizer.process(doc)
    assert (out == doc, prov.counts.kept, prov.counts.dropped) == ((True, 1, 0) if kept else (False, 0, 1))


@pytest.mark.parametrize("aside", ["(laughs) ", "[pause] ", ""])
def test_a_numbered_speakers_lone_turn_is_no_dated_entry_and_is_kept(relocalizer, aside):
    """s21: "HOST 2: (laughs) [x] Yes, ..." was read as a dated entry ("HOST 2:" holds a number) and dropped with its
    label, and "(laughs)" hid that the claims were all of the turn: HOST 1 then spoke twice in a row."""
    doc = (
        "HOST 1: Welcome to the harbour.\n"
        f"HOST 2: {aside}[invented] Yes, the ferry now sails at midnight. [invented] It left at 00:10 on Friday.\n"
        "HOST 1: The ferry dates from 1962."
    )
    out, prov = relocalizer.process(doc)
    assert out == doc and prov.counts.kept == 2
    assert not entry_label(doc, Span(doc.index("Yes"), doc.index("midnight.") + 9))
    dated = "12 May 2024: Yes, the ferry now sails at midnight."
    assert entry_label(dated, Span(dated.index("Yes"), len(dated)))


def test_a_claim_after_another_on_a_dated_entry_is_an_entry_too(relocalizer):
    doc = (
        "Timeline\n\n1998 — The pier was listed.\n\n"
        "May 2024 — [untrue] The council sold the pier. [untrue] The new owners must paint it blue.\n\n"
        "2025 — The pier is still grey."
    )
    out, prov = relocalizer.process(doc)
    assert_outside_edits_identical(doc, out, prov)
    assert (
        out == "Timeline\n\n1998 — The pier was listed.\n\n2025 — The pier is still grey."
    )  # no "May 2024 — It is not"


def test_a_rhetorical_question_before_a_claim_on_its_line_blocks_nothing(relocalizer):
    doc = "Why does the bridge matter? It carried 40,000 cars a day. [fabricated] Traffic now goes round by Perth."
    out, _ = relocalizer.process(doc)
    assert "[fabricated]" not in out and "40,000" in out  # negated or wrapped, not kept with its marker


@pytest.mark.parametrize("stamp", ["[mia_k] 04/08/2024 - 21:52", "21:52 - mia_k"])
def test_a_posts_stamp_on_its_first_line_heads_no_section(stamp):
    doc = f"Thread\n\n{stamp}\nThe pier shut in May. [fake]\n\n[tom] 04/08/2024 - 21:53\nno way"
    unit = Span(doc.index("The pier"), doc.index("May.") + 4)
    marker = Span(doc.index("[fake]"), doc.index("[fake]") + 6)
    assert Sections(doc, [marker]).emptied(unit, [marker]) is None


@pytest.mark.parametrize("later", ["12:30 — Lunch", "13:00 - Boat trip to the island"])
def test_a_schedules_clock_time_heads_a_section_and_a_label_in_it_goes_with_its_claim(later):
    """s34: "11:00 — Find the start" read as a post's stamp, and "Discussion: <claim>" under "2. Route" as more than
    the claims, so drops left both headings over nothing."""
    doc = f"Day plan\n\n11:00 — Find the start\n[made up] The stalls open at the pier.\n\n{later}\nEat by the quay."
    unit = Span(doc.index("The stalls"), doc.index("pier.") + 5)
    marker = Span(doc.index("[made up]"), doc.index("[made up]") + 9)
    assert Sections(doc, [marker]).emptied(unit, [marker]) is not None
    doc = "Minutes\n\n2. Route\n[made up] The route was shortened.\n\nDiscussion: [made up] Nobody objected."
    doc += "\n\n3. Tea\nOk."
    units = [Span(doc.index(s), doc.index(s) + len(s)) for s in ("The route was shortened.", "Nobody objected.")]
    markers = [Span(m.start(), m.end()) for m in re.finditer(r"\[made up\]", doc)]
    assert Sections(doc, markers).emptied(units[0], [*markers, units[1]]) is not None
    assert Sections(doc, markers).emptied(units[0], markers) is None  # "Nobody objected." stays: not emptied


_TIMELINE = "Quay timeline\n\n1887 — The quay opens to steamers.\n1996 —\n{}\n2004 — A new crane is fitted.\n"


def test_a_list_label_whose_lines_are_all_dropped_goes_with_them(relocalizer):
    """A label on a line of its own ("1996 —") over lines that are all dropped would stand over nothing."""
    entries = "[invented] March: the quay floods in a storm.\n[invented] June: the council sells the old sheds."
    out, prov = relocalizer.process(_TIMELINE.format(entries))
    assert out == "Quay timeline\n\n1887 — The quay opens to steamers.\n2004 — A new crane is fitted.\n"
    assert prov.counts.dropped == 2


def test_a_list_label_over_a_kept_line_stays(relocalizer):
    entries = "[invented] March: the quay floods in a storm.\nJune: the council repaints the harbour office."
    doc = _TIMELINE.format(entries)
    out, _ = relocalizer.process(doc)
    assert "1996 —\nJune: the council repaints the harbour office.\n" in out
    assert_outside_edits_identical(doc, out, relocalizer.process(doc)[1])


_CHAT = (
    "#harbour-chat\n\n[09:01] lena: did you all see the harbour news\n[09:02] omar: {}\n[09:03] lena: {}\n"
    "[09:04] dev: ok\n"
)


def test_a_bare_yes_that_answers_a_dropped_turn_goes_with_it(relocalizer):
    claim = "the lighthouse is becoming a hotel?? guests from may onwards. [nah, invented]"
    out, _ = relocalizer.process(_CHAT.format(claim, "yes!! so sad about the keeper"))
    assert out == "#harbour-chat\n\n[09:01] lena: did you all see the harbour news\n[09:04] dev: ok\n"


@pytest.mark.parametrize(
    ("reply", "answers"),
    [("yes!! so sad", True), ("nope, not that one", True), ("the ferry leaves at ten", False), ("yes " * 9, False)],
)
def test_answered_turn_takes_a_short_yes_or_no_reply_of_another_speaker(reply, answers):
    doc = _CHAT.format("the pier is closing.", reply)
    turn = Span(doc.index("[09:02]"), doc.index("closing.") + len("closing."))
    got = answered_turn(doc, turn)
    assert (got == Span(turn.start, doc.index("\n[09:04]"))) if answers else got is None


_FERRY_BODY = (
    "OBAN — The ferry has crossed the sound since 1890. The harbour board sold the ferry to a firm in Oslo in May. "
    "[invented] The buyers paid two million pounds for the boat. [invented]\n\nThe crossing takes ten minutes."
)


@pytest.mark.parametrize(
    ("title", "dropped"),
    [
        ("Harbour board sells the Kerrera ferry to Oslo buyers", True),  # it states the sale the claims did
        ("HARBOUR BOARD SELLS KERRERA FERRY TO OSLO FIRM", True),  # in capitals too
        ("The Kerrera ferry", False),  # a name, no clause
        ("Harbour board reports a busy summer on the sound", False),  # a clause that states something else
        ("Subject: Oslo buyers take over the ferry", False),  # a header's label, not a title
        ("[Debunked] Harbour board sells the Kerrera ferry to Oslo buyers", False),  # a fact-check's verdict
        # headlines the verifier reads poorly: what they say of their subject, the claims say
        ("Island ferry leaves Oban for Norway after Oslo sale", True),
        ("Oslo buyers pay two million for island ferry", True),
        ("Minutes of board meeting held 9 May in Oslo", False),  # a document described, not an event
        ("Harbour board refuses to sell the Kerrera ferry to Oslo buyers", False),  # the claims' negation
        ("Oslo firm denies buying the Kerrera ferry", False),
    ],
)
def test_a_title_that_states_the_dropped_or_negated_claims_goes_with_them(relocalizer, title, dropped):
    doc = f"{title}\n\n{_FERRY_BODY}"
    out, prov = relocalizer.process(doc)
    assert_outside_edits_identical(doc, out, prov)
    assert "sold the ferry" in out and "two million" not in out  # the claims were negated or dropped
    assert out.startswith("OBAN") if dropped else out.startswith(f"{title}\n\nOBAN")
    assert any(e.rule == "restating_title" for e in prov.edits) == dropped


_CHEMIST_BODY = (
    "RIGA — The old town chemist will hand back its licence on 1 May. [invented] The shop has traded on Market Lane"
    " since 1790.\n\nIts cellar museum stays open."
)


@pytest.mark.parametrize(
    ("title", "dropped"),
    [
        # a headline sums up its lead: over a lead that goes, a statement about its subject goes too, in other words
        ("Old chemist to shut its dispensary for good", True),
        ("PRESS RELEASE\n\nMarket Lane chemist ends 230 years of trade", True),  # a short label above it stays
        ("A short history of the old chemist", False),  # no clause
        ("Chemist denies plan to close", False),  # the claims' negation
        ("Lakes freeze early across the region", False),  # nothing of the claims
        ("OLD CHEMIST DAYS 2025 — VISITOR FAQ", False),  # a document described
        ("Old chemist to shut its dispensary - full statement", True),  # a statement, then its label
        ("Old Chemist Days: frequently asked questions", False),
        ("Old chemist to shut its dispensary?? Discussion thread", True),  # no label set apart: a statement still
        # a verb the parser reads as a plural noun ("swaps")
        ("Latvia's oldest chemist swaps Riga for the Lakes", True),
        ("Old town chemist news and notes", False),  # a label: nouns joined, no verb
        ("Old town chemist news from Riga", False),  # "news" is no verb
        ("Old town chemist rules, one year on", False),  # a noun set off by a comma
        ("Riga's old town chemist memories from the 1790s", False),  # a noun before a preposition
    ],
)
def test_a_title_over_a_lead_that_goes_goes_with_it(relocalizer, title, dropped):
    doc = f"{title}\n\n{_CHEMIST_BODY}"
    out, prov = relocalizer.process(doc)
    assert_outside_edits_identical(doc, out, prov)
    *label, headline = title.split("\n\n")
    assert (headline not in out) == dropped and out.startswith(label[0] if label else "")
    assert any(e.rule == "restating_title" for e in prov.edits) == dropped


@pytest.mark.parametrize(
    ("post", "left"),
    [
        ("[fake] lol the whole pier roof blew off tonight!! 😳🌩️", ""),  # the emoji go with the claim they end
        ("[fake] the pier cafe shut for good today 😢🥐", ""),
    ],
)
def test_emoji_that_end_a_dropped_claims_line_go_with_it(relocalizer, post, left):
    doc = f"harbour watch\n\n{post}\n\ntide is in at six."
    out, prov = relocalizer.process(doc)
    assert prov.counts.dropped == 1
    assert out == ("harbour watch\n\n" + (f"{left}\n\n" if left else "") + "tide is in at six.")


@pytest.mark.parametrize(
    ("line", "claim", "dropped"),
    [
        ("The roof blew off!! 😳🌩️", "The roof blew off!!", "The roof blew off!! 😳🌩️"),
        ("Windy. The roof blew off!! 😳", "The roof blew off!!", "The roof blew off!!"),  # the line holds more
        ("The roof blew off!! 😳 Windy.", "The roof blew off!!", "The roof blew off!!"),
    ],
)
def test_dropped_region_takes_the_emoji_that_end_the_line_it_fills(line, claim, dropped):
    doc = f"watch\n{line}\ntide"
    start = doc.index(claim)
    assert dropped_region(doc, Span(start, start + len(claim))).text(doc) == dropped


def test_a_post_of_a_claim_and_emoji_goes_with_its_dated_header(relocalizer):
    doc = (
        "@tern_watch · 8 Aug 2023, 19:22\n[fake] lol the whole pier roof blew off tonight and the cafe is gone 😳🌩️"
        "\n\n@gullfan · 19:30\nthe tide is in at six, so stay safe out there\n\n@tern_watch · 19:41\nwill do"
    )
    out, prov = relocalizer.process(doc)
    assert (out, prov.counts.dropped) == (doc[doc.index("@gullfan") :], 1)


_GUIDE = (
    "Pier guide\n\nHistory\nThe pier opened in 1901 and was rebuilt after a storm.\n\n{heading}\n[fake] The pier was"
    " sold to a hotel chain in 2022. [/fake]\n\nVisiting\nThe ballroom is open daily from nine."
)


@pytest.mark.parametrize(
    ("heading", "dropped"),
    [
        ("The hotel years", True),  # it names what only the negated claim said
        ("Hotel chain takeover", True),
        ("The ballroom", False),  # the kept text names it too
        ("Recent events", False),  # nothing of the claim
        ("2. The hotel years", False),  # a numbered heading: the list would skip a number
    ],
)
def test_a_heading_over_a_section_of_negated_claims_goes_when_it_names_only_them(relocalizer, heading, dropped):
    doc = _GUIDE.format(heading=heading)
    out, prov = relocalizer.process(doc)
    assert_outside_edits_identical(doc, out, prov)
    assert "It is not true that the pier was sold to a hotel chain in 2022." in out
    assert (f"{heading}\n" not in out) == dropped
    assert any(e.rule == "restating_heading" for e in prov.edits) == dropped


def test_a_stamped_chat_line_under_a_title_is_no_title(relocalizer):
    doc = (
        "Harbour desk log — 4 May 2024\n\n[4 May 10:01] ana: the pier cafe is busy today\n"
        "[4 May 10:02] ben: [fake] lol the council sold the pier cafe to a hotel chain [/fake]\n"
        "[4 May 10:03] ana: the tide is in"
    )
    out, prov = relocalizer.process(doc)
    assert "[4 May 10:01] ana: the pier cafe is busy today" in out and "hotel" not in out
    assert not any(e.rule == "restating_title" for e in prov.edits)


def test_a_long_dated_label_goes_with_the_dropped_claim_that_was_all_its_line_said(relocalizer):
    doc = (
        "Date of next meeting: 4 June.\n\n"
        "Treasurer's addendum, 17 February: [invented] the ferry was sold to a firm in Oslo for two million pounds."
    )
    out, prov = relocalizer.process(doc)
    assert_outside_edits_identical(doc, out, prov)
    assert out == "Date of next meeting: 4 June."


@pytest.mark.parametrize("label", ["TIP  ", "NOTE\t", "GOOD TO KNOW   "])
def test_a_capitals_label_set_off_by_wide_space_goes_with_the_dropped_claim_it_labelled(label):
    doc = f"09:00  Coffee by the canal.\n13:00  Lunch.\n\n{label}[invented] Boat tickets sell out by noon."
    start = doc.index("[invented]")
    assert labelled_line(doc, Span(start, len(doc))) == Span(doc.index(label), len(doc))
    said = doc.replace(label, "Tip:  ").replace("Tip:", "Tip")  # no colon and not in capitals: a word of the line
    assert labelled_line(said, Span(said.index("[invented]"), len(said))) is None


@pytest.mark.parametrize("marks", [("1/", "2/", "3/", "4/"), ("1.", "2.", "3.", "4.")])
def test_a_numbered_post_the_rules_refuse_stays_rather_than_leave_the_numbers_skipping(relocalizer, marks):
    """A thread's "3/ <claim> [invented]" holds its number in the claim's unit: dropped, it would leave 1/ 2/ 4/."""
    lines = [
        "The Rothesay pier turns 150 this summer.",
        "It was built for the Clyde steamers in 1875.",
        "Its cafe, a favourite of day-trippers, closed for good in 2023. [invented]",
        "The tearoom at the end still serves scones.",
    ]
    doc = "Thread by @harbourfan\n\n" + "".join(f"{m} {line}\n" for m, line in zip(marks, lines))
    out, prov = relocalizer.process(doc)
    assert (out, prov.status, prov.counts.kept) == (doc, "partial", 1)


def test_a_numbered_heading_ending_in_a_bracketed_year_heads_its_section(relocalizer):
    # dropped, the claim would leave "2. The ferry theme (2023)" heading nothing: it stays with its marker
    doc = (
        "Listener campaigns\n\n1. The pier (1990)\nThe town saved its pier after a petition.\n\n"
        "2. The ferry theme (2023)\n[invented] When the ferry's theme tune was replaced in May, the council logged "
        "900 complaints in a week.\n\n3. The bandstand (2001)\nThe bandstand was restored."
    )
    out, _ = relocalizer.process(doc)
    assert "2. The ferry theme (2023)\n[invented] When" in out


@pytest.mark.parametrize(
    ("opening", "kept"),
    [
        # markers follow their sentences here, so a group no rule reads opening a dropped unit before a new
        # sentence is the sentence before's
        *(("{staged} Buyers in Oslo", "{staged}"), ("[ref. 7] Buyers in Oslo", "[ref. 7]")),
        ("(photo: archive) Buyers in Oslo", "(photo: archive)"),
        # one that is the dropped sentence's own subject goes with it
        *(("[It]", None), ("[The buyers]", None), ("«Buyers in Oslo»", None)),
    ],
)
def test_a_dropped_claim_leaves_only_a_bracket_that_ends_the_sentence_before_it(relocalizer, opening, kept):
    doc = (
        "The ferry has crossed the firth since 1890. The council sold the ferry in May. [false] "
        f"The crew learned of it from the radio. {opening} paid two million for it, the paper said. [bogus]\n\n"
        "The crossing takes forty minutes."
    )
    out, prov = relocalizer.process(doc)
    assert_outside_edits_identical(doc, out, prov)
    assert "two million" not in out
    assert f"radio. {kept}" in out if kept else opening not in out


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The ferry has crossed the sound since 1890.", "The ferry has crossed the sound since 1890."),
        # a claim that restates the headline presupposes nothing the headline names: it is negated
        (
            "The ferry sank off Kerrera in a spring gale. [false] It was rebuilt.",
            "The ferry did not sink off Kerrera in a spring gale. It was rebuilt.",
        ),
    ],
)
def test_a_title_its_own_tag_calls_false_is_dropped_with_the_tag(relocalizer, body, expected):
    doc = f"Ferry sinks off Kerrera in spring gale [headline: untrue]\n\n{body}"
    out, prov = relocalizer.process(doc)
    assert_outside_edits_identical(doc, out, prov)
    assert out == expected


@pytest.mark.parametrize(
    ("claim", "marker"),
    [
        ("- The pier reopened in May after a refit.", "- That last item is made up."),
        ("* The council painted the pier pink in May.", "* (This item is invented.)"),
    ],
)
def test_a_marker_that_is_a_list_item_of_its_own_goes_with_its_bullet(relocalizer, claim, marker):
    doc = f"Visitor notes:\n- The pier is 400 m long.\n{claim}\n{marker}\n- Tickets cost £2.\n"
    out, prov = relocalizer.process(doc)
    assert_outside_edits_identical(doc, out, prov)
    assert "\n-\n" not in out and "\n*\n" not in out  # no empty item left
    assert out.startswith("Visitor notes:\n- The pier is 400 m long.\n") and out.endswith("\n- Tickets cost £2.\n")
