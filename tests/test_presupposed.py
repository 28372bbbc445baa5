"""Claims that presuppose the document's false event, and the titles of numbered items: neither is negated or
wrapped, the fallback decides them."""

import re

import pytest
from conftest import assert_outside_edits_identical

from relocalize.detect.restatements import find_restatements
from relocalize.spans import Span, item_title
from relocalize.verify.presupposed import FalseWords, Leaning, after_claim, blanked, false_vocabulary, presupposed

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
        # a definite thing of the claim's own that the kept text has not named before it
        "The insurers paid for the repairs.",
        "The repairs took two years.",
    ],
)
def test_a_claim_that_presupposes_the_false_event_is_neither_negated_nor_wrapped(relocalizer, claim):
    edit = _edit(relocalizer, MILL.format(claim=claim), claim)
    assert edit.kind == "drop" and "presupposed" in edit.rule


@pytest.mark.parametrize(
    "claim",
    [
        "Villagers reacted with shock and a collection for the miller.",
        "Reaction in the village was mostly calm.",
        "Villagers responded angrily.",
    ],
)
def test_a_reaction_after_the_false_event_is_neither_negated_nor_wrapped(relocalizer, claim):
    """s35: "Students reacted with a mix of nostalgia and shrugs" became "did not react with ...", "Reaction among
    visitors was mostly good-humoured" "was not mostly ...": the manner denied, the reaction and its event left."""
    edit = _edit(relocalizer, MILL.format(claim=claim), claim)
    assert edit.kind == "drop" and "presupposed" in edit.rule


def test_a_reaction_naming_what_it_reacts_to_or_dated_is_an_event_of_its_own(relocalizer):
    doc = MILL.format(claim="Crowds cheered Queen Elizabeth at the regatta in 1977.")
    edit = _edit(relocalizer, doc, "Crowds cheered")
    assert "presupposed" not in edit.rule


def test_a_reaction_that_opens_the_claims_is_the_event_itself(relocalizer):
    doc = (
        "The mill stood by the river.\n\n[False:] Firefighters responded to a blaze at the mill in 1990.\n\nIt stands."
    )
    edit = _edit(relocalizer, doc, "Firefighters responded")
    assert edit.kind in ("rewrite", "wrap") and "presupposed" not in edit.rule


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
    assert "storm" in vocabulary[units[2]].shared and "ferry" not in vocabulary[units[2]].shared
    assert presupposed(claims[2][1], vocabulary[units[2]]) == "The storm"
    assert presupposed(claims[0][1], vocabulary[units[0]]) is None


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("Tom Hale left town after a fire destroyed his bakery.", "after a fire destroyed his bakery"),
        ("Ruth Cole sold up when flames gutted a row of shops.", "when flames gutted a row of shops"),
    ],
)
def test_an_adverbial_clause_that_states_the_false_event_is_presupposed(relocalizer, text, clause):
    """Under "It is not true that X after Y" or "did not X after Y", Y stays asserted."""
    (graph,) = relocalizer.pipeline.models.parse([text], [text])
    assert presupposed(graph, FalseWords({"fire", "flame", "destr", "gutte"}, set(), None)) == clause
    assert presupposed(graph, FalseWords({"town"}, set(), None)) is None  # the main clause's own words are negated


def test_a_topic_only_the_claims_name_is_no_false_thing(relocalizer):
    doc = "Notes from the archive.\n\n[False:] The ferry crossed the strait daily. [False:] The ferry sank in 1912."
    texts = ["The ferry crossed the strait daily.", "The ferry sank in 1912."]
    units = [Span(doc.index(t), doc.index(t) + len(t)) for t in texts]
    claims = list(zip(units, relocalizer.pipeline.models.parse(texts, texts)))
    assert "ferry" not in false_vocabulary(doc, claims, [], [])[units[1]].shared


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


@pytest.mark.parametrize(
    ("marker", "title"), [("«made up» ", "The pier got a lift."), ("<SPOOF> ", "Trams run at night.")]
)
def test_a_marker_between_an_items_number_and_its_title_leaves_it_a_title(marker, title):
    doc = LIST.replace("2. [False:] It shut for a whole summer.", f"2. {marker}{title}")
    start = doc.index(title)
    unit, mark = Span(start, start + len(title)), Span(start - len(marker), start - 1)
    assert item_title(doc, unit, [mark]) and not item_title(doc, unit)


def test_an_item_title_is_neither_negated_nor_wrapped(relocalizer):
    edit = _edit(relocalizer, LIST, "It shut for a whole summer.")
    assert edit.kind == "drop" and "item_title" in edit.rule


SINKHOLE = "A sinkhole opened in the car park in May."
BELL = "Divers found a bronze bell near the wreck."


def _leaning(doc: str, claim: str, others: tuple[str, ...] = (), markers: tuple[str, ...] = ()) -> list[str]:
    unit = Span(doc.index(claim), doc.index(claim) + len(claim))
    claims = [unit, *(Span(doc.index(o), doc.index(o) + len(o)) for o in others)]
    spans = [Span(m.start(), m.end()) for marker in markers for m in re.finditer(re.escape(marker), doc)]
    return [s.text(doc) for s in Leaning(doc, spans, claims).on(unit)]


@pytest.mark.parametrize(
    ("doc", "claim", "leaning"),
    [
        (  # a pronoun opens the next sentence
            "Crews lifted a rusted tram out of the canal in 2021. [untrue] It now stands outside the depot.",
            "Crews lifted a rusted tram out of the canal in 2021.",
            "It now stands outside the depot.",
        ),
        (  # ... under a speaker label
            "ANA: The choir toured Japan in 1977. {made up}\nBEN: Their bus broke down in Osaka, right?",
            "The choir toured Japan in 1977.",
            "BEN: Their bus broke down in Osaka, right?",
        ),
        (  # a contracted pronoun
            "The ferry doubled its fares in 2019. (invented) That's why the crossing emptied.",
            "The ferry doubled its fares in 2019.",
            "That's why the crossing emptied.",
        ),
        (
            "Crews lifted a rusted tram out of the canal. [untrue] It’s now outside the depot.",
            "Crews lifted a rusted tram out of the canal.",
            "It’s now outside the depot.",
        ),
        (  # a connective
            "The ferry doubled its fares in 2019. (invented) Even so, the crossing stayed busy.",
            "The ferry doubled its fares in 2019.",
            "Even so, the crossing stayed busy.",
        ),
        (  # a reaction to the post
            "pier_fan: The council shut the pier last week. <fake>\n\nold_salt: Wow, what a shame.",
            "The council shut the pier last week.",
            "old_salt: Wow, what a shame.",
        ),
        (  # a definite phrase naming what only the claim brought in, a paragraph on
            "Divers found a bronze bell near the wreck in 2016. [false]\n\nTickets cost five pounds.\n\n"
            "The bell is now in the museum.",
            "Divers found a bronze bell near the wreck in 2016.",
            "The bell is now in the museum.",
        ),
        (
            f"{SINKHOLE} [invented] Parking is free.\n\nRepairs to the sinkhole took weeks.",
            SINKHOLE,
            "Repairs to the sinkhole took weeks.",
        ),
        (  # named first without an article ("copper plates"), then "those plates"
            "The roof was relaid with copper plates in 1988. [untrue] Tours run daily.\n\nThose plates turned green.",
            "The roof was relaid with copper plates in 1988.",
            "Those plates turned green.",
        ),
        (  # named first with a definite phrase the kept text never used before, then "that" one
            "The archive moved the charter to the east vault in 2003. [untrue] Visitors need a pass. Few see that"
            " vault now.",
            "The archive moved the charter to the east vault in 2003.",
            "Few see that vault now.",
        ),
        (  # a pronoun further in the next sentence, of the paragraph or the next turn
            "The museum sold its last steam crane in 2017. [untrue] Volunteers talk about it at every open day.",
            "The museum sold its last steam crane in 2017.",
            "Volunteers talk about it at every open day.",
        ),
        (  # ... after a definite phrase of its own sentence too, where it is no clause's subject
            "The museum sold its last steam crane in 2017. [untrue] The volunteers never mention it on tours.",
            "The museum sold its last steam crane in 2017.",
            "The volunteers never mention it on tours.",
        ),
        (
            "ANA: The canal froze solid in March. {made up}\nBEN: my cousin skated on it all week",
            "The canal froze solid in March.",
            "BEN: my cousin skated on it all week",
        ),
        (  # a word that dismisses what came before, a paragraph on
            "The band played a second encore in 2019. [untrue]\n\nWe enjoyed the night either way.",
            "The band played a second encore in 2019.",
            "We enjoyed the night either way.",
        ),
        (
            "ANA: The lift was shut all summer. {made up}\n\nBEN: We will go up in May all the same.",
            "The lift was shut all summer.",
            "BEN: We will go up in May all the same.",
        ),
        (  # a verb phrase left out: the claim holds it
            "The council voted to sell the pier in 2019. [untrue] Few in the town expected the mayor would.",
            "The council voted to sell the pier in 2019.",
            "Few in the town expected the mayor would.",
        ),
        (
            "ANA: The ferry stopped running at Easter. {made up}\nBEN: I always said the company would.",
            "The ferry stopped running at Easter.",
            "BEN: I always said the company would.",
        ),
        (  # a demonstrative standing as a pronoun
            "The ferry added a night sailing in 2020. [untrue] The printed timetable never mentioned that.",
            "The ferry added a night sailing in 2020.",
            "The printed timetable never mentioned that.",
        ),
        (
            "ANA: Tickets now cost twelve pounds. (invented)\nBEN: Nobody at the desk said that was new.",
            "Tickets now cost twelve pounds.",
            "BEN: Nobody at the desk said that was new.",
        ),
        (  # a definite phrase naming a thing only the claim named, as known or by name
            "Rangers closed the Cedar Trail after a landslide. [false] Dogs must be leashed. The trail is steep.",
            "Rangers closed the Cedar Trail after a landslide.",
            "The trail is steep.",
        ),
        (
            "The fair moved to Harwood Park in 2019. [invented] Parking is free.\n\nThe park floods every spring.",
            "The fair moved to Harwood Park in 2019.",
            "The park floods every spring.",
        ),
        (  # a reaction of a few words in the same paragraph
            "The mayor banned kites on the beach last spring. [untrue] I can't believe it.",
            "The mayor banned kites on the beach last spring.",
            "I can't believe it.",
        ),
        (
            "The tram ran free for a week in May. [untrue] Nobody told me!",
            "The tram ran free for a week in May.",
            "Nobody told me!",
        ),
        (  # a short question about what was just said
            "I read that the aquarium let its seals go into the harbour. [untrue] Has anybody heard why?",
            "I read that the aquarium let its seals go into the harbour.",
            "Has anybody heard why?",
        ),
        (  # the next speaker's reaction, or a short question that points back
            "ANA: The lighthouse was moved inland in 2018. {made up}\nBEN: No way!",
            "The lighthouse was moved inland in 2018.",
            "BEN: No way!",
        ),
        (
            "ANA: The lighthouse was moved inland in 2018. {made up}\nBEN: Can you still climb it?",
            "The lighthouse was moved inland in 2018.",
            "BEN: Can you still climb it?",
        ),
        (  # a word that sets the sentence against the claim, wherever it stands
            "The gallery dropped its late openings in 2020. (invented) Most visitors come at lunchtime instead.",
            "The gallery dropped its late openings in 2020.",
            "Most visitors come at lunchtime instead.",
        ),
        (
            "The gallery dropped its late openings in 2020. (invented) The café, meanwhile, closes at four.",
            "The gallery dropped its late openings in 2020.",
            "The café, meanwhile, closes at four.",
        ),
        (  # a word that concedes or sets the sentence apart from the claim
            "The gallery dropped its late openings in 2020. (invented) The shop still sells postcards till six.",
            "The gallery dropped its late openings in 2020.",
            "The shop still sells postcards till six.",
        ),
        (
            "The gallery dropped its late openings in 2020. (invented) The garden itself is free.",
            "The gallery dropped its late openings in 2020.",
            "The garden itself is free.",
        ),
        (
            "The gallery dropped its late openings in 2020. (invented) Most of us came at lunch anyway.",
            "The gallery dropped its late openings in 2020.",
            "Most of us came at lunch anyway.",
        ),
        (  # a relative that opens the sentence, and a comparison, point at the claim
            "The council says the ferry will stop in May. [invented] Which, frankly, surprised nobody here.",
            "The council says the ferry will stop in May.",
            "Which, frankly, surprised nobody here.",
        ),
        (
            "ANA: The tower lift was shut after the storm. [invented]\nBEN: Same story at the castle last year.",
            "The tower lift was shut after the storm.",
            "BEN: Same story at the castle last year.",
        ),
        (  # the ones who disagree with what was just said
            "The mayor praised the new bus lanes at the meeting. [untrue] Others were furious.",
            "The mayor praised the new bus lanes at the meeting.",
            "Others were furious.",
        ),
        (
            "The library will open on Sundays from March. (invented) Not everybody is pleased with the change.",
            "The library will open on Sundays from March.",
            "Not everybody is pleased with the change.",
        ),
        (  # a few words of attitude to what was just said, a paragraph on too
            "The zoo will let visitors feed the giraffes from June. [untrue]\n\nKeepers were less enthusiastic.",
            "The zoo will let visitors feed the giraffes from June.",
            "Keepers were less enthusiastic.",
        ),
        (
            "ANA: The ferry now stops at the island twice a day. {made up}\nBEN: I'm unimpressed, honestly.",
            "The ferry now stops at the island twice a day.",
            "BEN: I'm unimpressed, honestly.",
        ),
        (  # a few words that assent or dissent with no object of their own, a paragraph on too
            "The choir will sing from the new loft from May. [untrue]\n\nNot all members agree.",
            "The choir will sing from the new loft from May.",
            "Not all members agree.",
        ),
        (
            "ANA: The council sold the old pier to a hotel chain. {made up}\nBEN: Some neighbours objected.",
            "The council sold the old pier to a hotel chain.",
            "BEN: Some neighbours objected.",
        ),
        (  # a figure only the claim gave, made known by "the"
            "The shop sold 4,000 numbered copies in May. [untrue] Buyers paid. I heard the 4,000 had gone by June.",
            "The shop sold 4,000 numbered copies in May.",
            "I heard the 4,000 had gone by June.",
        ),
        (
            "The 12 new letters were added to the alphabet last year. [untrue] Teachers were told in spring.\n\n"
            "Nobody knows where the 12 are from.",
            "The 12 new letters were added to the alphabet last year.",
            "Nobody knows where the 12 are from.",
        ),
        (  # a verb phrase that stands for the claim's
            "The keepers moved the otters indoors for the storm. [untrue] Most of the crew did the same at home.",
            "The keepers moved the otters indoors for the storm.",
            "Most of the crew did the same at home.",
        ),
        (
            "The mayor gave back her chain of office in May. [untrue] Two councillors did likewise a week later.",
            "The mayor gave back her chain of office in May.",
            "Two councillors did likewise a week later.",
        ),
        (  # an auxiliary whose verb phrase the claim holds, with a word after it
            "The club asked members to wear the new red caps. [untrue] Most of us won't, though.",
            "The club asked members to wear the new red caps.",
            "Most of us won't, though.",
        ),
        (
            "The museum told visitors to book the tour ahead. [untrue] Few did, though.",
            "The museum told visitors to book the tour ahead.",
            "Few did, though.",
        ),
        (  # "such a" points back at a thing the claim named first, wherever it stands
            "The council imposed a kite ban on the beach. [false] Parking is free. Few towns have such a ban.",
            "The council imposed a kite ban on the beach.",
            "Few towns have such a ban.",
        ),
        (
            "Staff found a coin hoard under the car park. [untrue] The site opens at nine. Nobody expected such a "
            "hoard there.",
            "Staff found a coin hoard under the car park.",
            "Nobody expected such a hoard there.",
        ),
        (  # a question about "that" right after, a paragraph on too; about "it", in the next turn
            "The council sold the old pier to a hotel chain. [untrue]\n\nWhy does that matter to the town?\nIt is old.",
            "The council sold the old pier to a hotel chain.",
            "Why does that matter to the town?",
        ),
        (
            "ANA: The lido was filled in with sand last spring. [untrue]\nBEN: How did it look after the first winter?",
            "The lido was filled in with sand last spring.",
            "BEN: How did it look after the first winter?",
        ),
        (  # a change named as known, whose verb only the claim holds
            "The museum moved its tapestry to Leeds in 2022. [untrue] Admission is free.\n\nThe move was criticised.",
            "The museum moved its tapestry to Leeds in 2022.",
            "The move was criticised.",
        ),
        (
            "The council renamed the square after a local poet. [untrue] Markets are held there. The renaming cost"
            " little.",
            "The council renamed the square after a local poet.",
            "The renaming cost little.",
        ),
    ],
)
def test_a_later_sentence_that_leans_on_a_claim_is_found(doc, claim, leaning):
    marker = next(m for m in ("[untrue]", "{made up}", "(invented)", "<fake>", "[false]", "[invented]") if m in doc)
    assert _leaning(doc, claim, markers=(marker,)) == [leaning]


@pytest.mark.parametrize(
    ("kept", "leans"),
    [
        ("Hallam said the rings were clear.", True),  # the name only the claim brought in
        ("The rings, Hallam said, were clear.", True),
        ("Ruth Hallam, the museum's curator, told us the rings were clear.", False),  # the kept text names her
        ("The Marx desk has stayed in the alcove.", False),  # a name the text gave before the claim
    ],
)
def test_a_later_sentence_naming_whom_only_the_claim_brought_in_leans_on_it(kept, leans):
    """s35: "A dendro specialist, Ruth Hallam, measured the end grain" was dropped and a later "Hallam said" named
    someone never introduced."""
    claim = "A tree-ring specialist, Ruth Hallam, dated the boards to after 1868."
    doc = f"The Marx desk sits in the alcove.\n\n[made up] {claim}\n\nThe library kept the desk. {kept}"
    assert (kept in _leaning(doc, claim, markers=("[made up]",))) == leans


def test_a_later_claim_citing_the_surname_leans_on_the_claim_that_named_the_person():
    """s35: both were marked; the later "Hallam said ..." stayed (a reply leaned on it), the one naming her went."""
    claim, citing = "A specialist, Ruth Hallam, dated the boards.", "Hallam said the desk could be the 1870 one."
    doc = f"The desk sits in the alcove.\n\n[made up] {claim}\n\nWe sat there.\n\n[made up] {citing}\n\nHa."
    assert citing in _leaning(doc, claim, others=(citing,), markers=("[made up]",))


@pytest.mark.parametrize(
    ("first", "leans"),
    [
        ("A fisherman named Ola Berg bought the pier in 2019.", True),  # he is named only here
        ("Ola Berg, the harbour master, bought the pier in 2019.", True),
        ("The harbour master bought the pier in 2019.", False),  # a person named elsewhere, or nowhere by name
    ],
)
def test_a_claim_opening_with_a_persons_pronoun_leans_on_a_claim_that_names_the_person(first, leans):
    doc = f"The pier opened in 1901. [false] {first} [false] He was a keen sailor. The pier is open daily."
    found = _leaning(doc, first, others=("He was a keen sailor.",), markers=("[false]",))
    assert ("He was a keen sailor." in found) is leans


@pytest.mark.parametrize(
    ("doc", "claim"),
    [
        (f"{SINKHOLE} [invented] Parking is free on Sundays.", SINKHOLE),
        # the kept text brings the bell in again before it says "the bell"
        (f"{BELL} [invented] A bell of the same foundry hangs in the church. The bell rings at noon.", BELL),
        (f"The bell hangs in the tower. {BELL} [invented] The bell rings at noon.", BELL),  # named before the claim
        # a month or a name that spells a modal, a relative "that", and an "it" after its own sentence's referent
        ("The pier was painted gold. [invented] The summer fair returns in May.", "The pier was painted gold."),
        (
            "The pier was painted gold. [invented] Try the chowder that is sold at the kiosk.",
            "The pier was painted gold.",
        ),
        (
            "The pier was painted gold. [invented] The kiosk is tiny, but it sells good chips.",
            "The pier was painted gold.",
        ),
        # "it" where the claim's own "it" pointed: at what the kept text named before
        (
            "The pier opened in 1901. It burned in 2018. [invented] Anglers fish from it every day.",
            "It burned in 2018.",
        ),
        # "the water" names water the kept text named first
        (
            "Boats cross the water of the lake. The lake water turned red. [invented] The water is cold.",
            "The lake water turned red.",
        ),
        # an expletive "it" and "my favourite pier" point at nothing
        (
            "The pier was painted gold. [invented] We doubt it is true that the cafe opens at six.",
            "The pier was painted gold.",
        ),
        ("The pier was painted gold. [invented] We think it was Ana who sold the boat.", "The pier was painted gold."),
        # a short plain fact is no reaction; a short sentence a paragraph on reacts to nothing
        ("The pier was painted gold in 2015. [invented] Parking is free.", "The pier was painted gold in 2015."),
        ("The pier was painted gold in 2015. [invented]\n\nI love it.", "The pier was painted gold in 2015."),
        # a question about a pronoun in the next paragraph (an FAQ's next question) asks about the topic
        ("The pier was painted gold. [invented]\n\nIs it open on Sundays?", "The pier was painted gold."),
        # the next speaker's question that moves on, and a long one, lean on nothing
        ("ANA: The pier was painted gold. [invented]\nBEN: How much are tickets?", "The pier was painted gold."),
        (
            "ANA: The pier was painted gold. [invented]\nBEN: Is it true that the cafe on the end opens at six?",
            "The pier was painted gold.",
        ),
        # "Which" in a new paragraph, and a compound "Same-day", move on
        (
            "The pier was painted gold. [invented]\n\nWhich, by the way, is my favourite pier.",
            "The pier was painted gold.",
        ),
        ("The pier was painted gold. [invented] Same-day tickets are sold at the kiosk.", "The pier was painted gold."),
        # an attitude word that is no predicate of the sentence's own, and "such as", lean on nothing
        ("The pier was painted gold. [invented]\n\nStaff are happy to help.", "The pier was painted gold."),
        ("The pier was painted gold. [invented]\n\nHappy reading!", "The pier was painted gold."),
        ("The pier was painted gold. [invented] The band did so well the crowd stayed.", "The pier was painted gold."),
        # a figure the kept text gave first, a decade, a number in words
        (
            "Two ferries were sold in May. [invented] The pier and the castle are near: visit the two.",
            "Two ferries were sold in May.",
        ),
        (
            "The pier has 4,000 planks. All 4,000 were painted gold. [invented] The 4,000 came from Norway.",
            "All 4,000 were painted gold.",
        ),
        (
            "The pier was painted gold in 1990. [invented] Ferries were busy in the 1990s.",
            "The pier was painted gold in 1990.",
        ),
        # a passive, and "object" as a noun
        ("The pier was painted gold. [invented]\n\nThe budget was approved.", "The pier was painted gold."),
        ("The pier was painted gold. [invented]\n\nA guard watches the object.", "The pier was painted gold."),
        ("The pier was painted gold in 2019. [invented] The 2019 fair was busy.", "The pier was painted gold in 2019."),
        # an assenting verb with its own object says what it assents to
        ("The pier was painted gold. [invented]\n\nThe board agreed the budget.", "The pier was painted gold."),
        ("The ferry to Oban was sold. [invented] Ports such as Oban rely on ferries.", "The ferry to Oban was sold."),
        # a change the kept text named before the claim
        (
            "Fares will change in June. The timetable changed in May. [invented] The change affects one sailing.",
            "The timetable changed in May.",
        ),
        # a noun that only begins like a change noun's verb ("bank", "the ban")
        ("The bank was sold in 2020. [invented] The ban on kites stays.", "The bank was sold in 2020."),
    ],
)
def test_nothing_leans_on_a_claim_the_kept_text_does_without(doc, claim):
    assert _leaning(doc, claim, markers=("[invented]",)) == []


@pytest.mark.parametrize(
    ("doc", "agreed"),
    [
        ("ANA: The ferry now runs only on Sundays. [false]\nBEN: Exactly, and the café shut too.", True),  # a reply
        ("The ferry now runs only on Sundays. [false] Exactly, forty boats use the harbour.", False),  # prose
        ("The ferry now runs only on Sundays. [false] So true!", True),
        # a question of why, or a reply that gives the cause, takes it as given
        ("ANA: The ferry now runs only on Sundays. [false]\nBEN: wait, how come??", True),
        ("The ferry now runs only on Sundays. [false] Why? Fewer people ride it.", True),
        ("ANA: The ferry now runs only on Sundays. [false]\nBEN: Because the crew quit, apparently.", True),
        ("ANA: The ferry now runs only on Sundays. [false]\nBEN: Because of the storm I missed it.", False),
        ("The ferry now runs only on Sundays. [false] Because fares rose, the café shut.", False),  # prose: a clause
        ("ANA: The ferry now runs only on Sundays. [false]\nBEN: Why do you take the ferry at all?", False),
        # a why with a few words and no verb asks the cause of the claim too
        ("The ferry now runs only on Sundays. [false] Why the cut? Fewer people ride it.", True),
        ("ANA: The ferry now runs only on Sundays. [false]\nBEN: why Sundays, of all days??", True),
        ("The ferry now runs only on Sundays. [false] Why it matters: the island has no shop.", False),
    ],
)
def test_a_reply_agrees_by_its_opening_and_a_sentence_in_prose_only_by_all_of_it(doc, agreed):
    claim, marker = "The ferry now runs only on Sundays.", "[false]"
    unit = Span(doc.index(claim), doc.index(claim) + len(claim))
    spans = [Span(doc.index(marker), doc.index(marker) + len(marker))]
    assert Leaning(doc, spans, [unit]).agreed(unit) is agreed


SHELTER = "The shelter on Mill Lane opened in 1990. A second shelter opened in Hove in March. [false] {unit} [false]"


@pytest.mark.parametrize(
    ("unit", "pointing"),
    [
        ("It has forty kennels and a small vet room.", True),  # "It": the second shelter
        ("Heard it has a roof garden.", True),
        ("Local vets treat stray dogs and feed them.", False),  # "them": the dogs
        ("Families bring their dogs there every Sunday.", True),  # "there": the second shelter
        ("There is a small vet room.", False),  # an existential "there"
        ("It rained on the opening day.", False),  # the weather's "it" names nothing
        ("They say the kennels are haunted.", False),  # hearsay's "they"
        ("Vets work in a cabin by the gate and sleep there.", False),  # "there": the cabin
        ("Its roof garden faces the sea.", True),
        ("Forty dogs were rehomed from Hove last month.", False),  # no pronoun: negated or wrapped as before
    ],
)
def test_a_claim_pointing_back_at_the_claim_before_it_with_a_pronoun_is_neither_negated_nor_wrapped(
    relocalizer, unit, pointing
):
    doc = SHELTER.format(unit=unit) + " Volunteers are always welcome."
    edit = _edit(relocalizer, doc, unit)
    assert (edit.kind == "drop" and "presupposed" in edit.rule) is pointing


def test_a_pronoun_after_a_kept_sentence_leaves_a_claim_to_negate_or_wrap(relocalizer):
    unit = "Its kennels hold forty dogs."
    doc = f"The shelter on Mill Lane opened in 1990. {unit} [false] Volunteers are always welcome."
    assert _edit(relocalizer, doc, unit).kind in ("rewrite", "wrap")


@pytest.mark.parametrize(
    ("doc", "after"),
    [
        ("ANA: The tower was painted pink. [false]\nBEN: Saw it from the bus.", True),  # the next speaker's turn
        ("The tower was painted pink. [false] **Saw it from the bus.**", True),
        ("ANA: The tower was painted pink. [false]\nBEN: Parking is free. Saw it from the bus.", False),
    ],
)
def test_a_unit_comes_right_after_a_claim_across_annotations_markup_and_a_speakers_label(doc, after):
    claim, unit = "The tower was painted pink.", "Saw it from the bus."
    spans = [Span(doc.index(t), doc.index(t) + len(t)) for t in (claim, unit, "[false]")]
    assert after_claim(blanked(doc, [spans[2]]), spans[1], [spans[0], spans[1]]) is after


FETE = "The fete is held every August. The committee cut the prize for the best marrow to £50. [false] {after}"


@pytest.mark.parametrize(
    ("after", "agreed"),
    [
        ("Agreed. It was overdue. Stalls open at ten.", True),
        ("True. Stalls open at ten.", True),
        ("Can confirm. Stalls open at ten.", True),
        ("Stalls open at ten.", False),
        ("True crime fans are welcome. Stalls open at ten.", False),  # no agreeing opener
        ("Right after that, stalls open at ten.", False),
        ("Exactly, forty stalls open at ten.", False),  # in prose, a sentence adverb
        ("Right, here is how to find the stalls.", False),
    ],
)
def test_a_claim_the_next_sentence_agrees_with_is_neither_negated_nor_wrapped(relocalizer, after, agreed):
    doc = FETE.format(after=after)
    out, prov = relocalizer.process(doc)
    assert_outside_edits_identical(doc, out, prov)
    # kept with its marker: negated, the agreement would agree with the denial; dropped, with nothing
    assert (out == doc and prov.counts.kept == 1) is agreed
    assert (prov.counts.wrapped + prov.counts.rewritten == 1) is not agreed


PROTOCOL = "The council adopted the Coastal Flood Protocol in May."


@pytest.mark.parametrize(
    ("doc", "claim", "leans"),
    [
        (f"{PROTOCOL} [invented] Residents were told in June. The CFP sets out three levels.", PROTOCOL, True),
        (  # a hyphened name, the acronym in the next sentence
            "Engineers fitted a Dual Beam-Rotator to the lamp. [invented] The DBR turns twice a minute.",
            "Engineers fitted a Dual Beam-Rotator to the lamp.",
            True,
        ),
        (  # the kept text gave the name before the claim
            "The Coastal Flood Protocol dates from 2009. The council rewrote the Coastal Flood Protocol in May."
            " [invented] The CFP sets out three levels.",
            "The council rewrote the Coastal Flood Protocol in May.",
            False,
        ),
        (f"{PROTOCOL} [invented] Rain fell. The BBC covers the region.", PROTOCOL, False),  # another acronym
        (  # the kept sentence spells it out itself
            f"{PROTOCOL} [invented] Rain fell. A Coastal Flood Protocol (CFP) dates from 1998.",
            PROTOCOL,
            False,
        ),
    ],
)
def test_a_kept_sentence_using_an_acronym_only_the_claim_spelled_out_leans_on_it(doc, claim, leans):
    assert bool(_leaning(doc, claim, markers=("[invented]",))) is leans


HEADLINE = "[false] Bell rings again at Ayr pier\n\n[false] The Ayr Pier Bell was rehung on Monday. "
LEAD = "The Ayr Pier Bell was rehung on Monday."
BELL_HEADLINE = ("Bell rings again at Ayr pier",)


@pytest.mark.parametrize(
    ("doc", "claim", "others", "leaning"),
    [
        # headline and lead both claims: what stays would open on "The two-tonne bell", which only they named
        (HEADLINE + "The two-tonne bell was cast in 1820.", LEAD, BELL_HEADLINE, ["The two-tonne bell"]),
        # a kept headline introduces it; a kept sentence that opens otherwise leans on nothing
        (HEADLINE.replace("[false] Bell", "Bell") + "The two-tonne bell was cast in 1820.", LEAD, (), []),
        # further on, "the two-tonne bell" still names what only the claims named
        (
            HEADLINE + "Ayr has a harbour. The two-tonne bell was cast in 1820.",
            LEAD,
            BELL_HEADLINE,
            ["The two-tonne bell"],
        ),
        # a thing the claim names as known ("the bell of the pier") is no new one it brought in
        ("[false] The bell of the pier was rehung. The bell is old.", "The bell of the pier was rehung.", (), []),
    ],
)
def test_a_claim_that_opens_the_document_is_leaned_on_by_a_first_kept_sentence_naming_it_as_known(
    doc, claim, others, leaning
):
    found = _leaning(doc, claim, markers=("[false]",), others=others)
    assert len(found) == len(leaning) and all(f.startswith(p) for f, p in zip(found, leaning))


DAM = "The dam was finished in 1936.\n\n[False:] A flood overtopped the dam in 1983. [False:] The flood lasted a week. "
DAM += "{after}"


@pytest.mark.parametrize("after", ["It cut the highway for a month.", "Its waters reached the town hall."])
def test_a_claim_a_kept_sentence_leans_on_is_kept_rather_than_dropped(relocalizer, after):
    doc = DAM.format(after=after)
    out, prov = relocalizer.process(doc)
    assert_outside_edits_identical(doc, out, prov)
    assert "[False:] The flood lasted a week. " + after in out and prov.counts.kept == 1  # not "Its waters ..." alone
    decide = next(s for s in relocalizer.pipeline.steps if s.name == "decide")
    assert decide.counts["kept:leaned_on"] >= 1
    assert relocalizer.process(out)[0] == out  # the wrapped claim still brings in "the flood" a second time


def test_a_claim_negated_in_place_keeps_the_claim_it_leans_on(relocalizer):
    doc = DAM.format(after="[False:] Meanwhile the mill kept working.")
    out, prov = relocalizer.process(doc)
    assert_outside_edits_identical(doc, out, prov)
    assert "[False:] The flood lasted a week. " in out and prov.counts.kept == 1  # "Meanwhile" leans on it
    assert "mill" in out and prov.counts.wrapped + prov.counts.rewritten == 2 and prov.counts.dropped == 0


@pytest.mark.parametrize("after", ["It was pumped dry within a week.", "Crews cleared it by June."])
def test_claims_pointing_back_with_a_pronoun_go_with_the_claim_they_lean_on(relocalizer, after):
    doc = DAM.format(after=f"[False:] {after}")
    out, prov = relocalizer.process(doc)
    assert_outside_edits_identical(doc, out, prov)
    # negated, "It was not pumped dry" would leave the flood standing: dropped, with the claim it leans on
    assert out == "The dam was finished in 1936.\n\nIt is not true that a flood overtopped the dam in 1983."


def test_a_claim_only_dropped_claims_lean_on_is_dropped(relocalizer):
    doc = DAM.format(after="[False:] The flood closed the highway for a month.")
    out, prov = relocalizer.process(doc)
    assert "flood lasted" not in out and "highway" not in out and prov.counts.kept == 0


@pytest.mark.parametrize(
    ("doc", "answer"),
    [
        ("Q: Why was the tram line cut in 1961? [made up]\nA: Nobody could say.", "A: Nobody could say."),
        ("Was the pier ever rebuilt? [made up] It was, in 1921.", "It was, in 1921."),
        ("mo_f wrote:\nWas the pier ever rebuilt? [made up]\n\nReply from kit:\nYes, in 1921.", "Yes, in 1921."),
        ("Quiz:\nWas the pier ever rebuilt? [made up]\nEnd.", None),  # the next line is no answer
    ],
)
def test_what_answers_a_question(doc, answer):
    question = doc[doc.index("W") : doc.index("?") + 1]
    assert _leaning(doc, question, markers=("[made up]",)) == ([answer] if answer else [])


def test_a_question_is_kept_while_its_answer_stays_and_dropped_with_it():
    doc = "ana_k: Why did the council shut the pier in 2019? [made up]\n\nold_salt: Storm damage, I think."
    claim = "Why did the council shut the pier in 2019?"
    assert _leaning(doc, claim, markers=("[made up]",)) == ["old_salt: Storm damage, I think."]
    answered = doc.replace("Storm", "[made up] Storm")  # the answer a claim too: it leans only while it stays
    leaning = _leaning(answered, claim, ("Storm damage, I think.",), ("[made up]",))
    assert leaning == ["old_salt: [made up] Storm damage, I think."]


@pytest.mark.parametrize(
    ("answer", "kept"),
    [("Nobody knows for sure.", True), ("[False:] The flood closed the highway for a month.", False)],
)
def test_a_false_question_is_dropped_only_with_its_answer(relocalizer, answer, kept):
    doc = "The dam was finished in 1936.\n\n[False:] A flood overtopped the dam in 1983.\n\n"
    doc += f"Q: How long did the flood last? [False]\nA: {answer}"
    out, prov = relocalizer.process(doc)
    assert_outside_edits_identical(doc, out, prov)
    assert ("How long did the flood last?" in out) == kept


@pytest.mark.parametrize(
    ("answer", "asked"),
    [
        ("[made up] The ferry ran until 1990. Buses replaced it.", True),  # the answer goes on without its start
        ("[made up] The ferry ran until 1990.\n\nQ: What about the pier?", False),  # the drop takes its question along
        ("[made up] The ferry ran until 1990.\nB: Buses replaced it.", False),  # another turn, not the answer
    ],
)
def test_a_question_leans_on_the_start_of_an_answer_that_goes_on(answer, asked):
    doc = f"Q: Did the night ferry keep running?\nA: {answer}"
    leaning = _leaning(doc, "The ferry ran until 1990.", markers=("[made up]",))
    assert ("Q: Did the night ferry keep running?" in leaning) == asked


@pytest.mark.parametrize(
    ("doc", "claim", "asked"),
    [
        (  # an FAQ answer a statement follows: dropped, its question would stay unanswered
            "Why is the ferry slower now?\nThe harbour was dredged badly in 2019. [invented]\n\nThe crossing takes an"
            " hour.",
            "The harbour was dredged badly in 2019.",
            True,
        ),
        (  # a whole answer turn of an interview, the next turn the interviewer's
            "INTERVIEWER: And the bell?\n\nOLA: [invented] The bell was melted down for scrap.\n\nINTERVIEWER: Thanks.",
            "The bell was melted down for scrap.",
            True,
        ),
        (  # a list of questions: the question goes with its answer
            "Why is the ferry slower now?\nThe harbour was dredged badly in 2019. [invented]\n\nIs it open?\nYes.",
            "The harbour was dredged badly in 2019.",
            False,
        ),
    ],
)
def test_a_question_leans_on_the_whole_answer_unless_it_goes_with_it(doc, claim, asked):
    question = doc[: doc.index("?") + 1].split("\n")[-1]
    assert any(question in s for s in _leaning(doc, claim, markers=("[invented]",))) == asked


@pytest.mark.parametrize(
    ("doc", "question"),
    [
        (
            "[09:17] jo: when does the night ferry stop\n[09:18] ana: [invented] The last one runs in May.\n"
            "[09:19] jo: ta",
            "[09:17] jo: when does the night ferry stop",
        ),
        (
            "kim: where does the ferry leave from now\nlee: [invented] It leaves from the north pier.\nkim: shame",
            "kim: where does the ferry leave from now",
        ),
    ],
)
def test_a_chat_turn_that_asks_without_a_question_mark_leans_on_its_answer(doc, question):
    claim = doc[doc.index("[invented] ") + 11 : doc.index(".", doc.index("[invented]")) + 1]
    assert any(question.split(": ", 1)[1] in s for s in _leaning(doc, claim, markers=("[invented]",)))


def test_a_question_that_ends_the_document_leans_on_nothing():
    assert (
        _leaning("Intro. Did the pier ever reopen? [made up]", "Did the pier ever reopen?", markers=("[made up]",))
        == []
    )


@pytest.mark.parametrize(
    "claim",
    [
        "A local historian told us the fire had started in the drying loft.",
        "A neighbour told the paper the fire brigade came within ten minutes of the alarm.",
    ],
)
def test_a_report_whose_clause_presupposes_the_false_event_takes_no_wrapper(relocalizer, claim):
    edit = _edit(relocalizer, MILL.format(claim=claim), claim)
    assert edit.kind not in ("wrap", "rewrite") and "presupposed" in edit.rule


def test_a_claim_or_a_report_of_real_things_is_not_taken_for_a_presupposition(relocalizer):
    claim = "A local historian bought the mill in 1989."
    edit = _edit(relocalizer, MILL.format(claim=claim), claim)
    assert edit.kind == "wrap" and "presupposed" not in edit.rule
    # hearsay told to the speaker: the telling is no claim, so neither it nor a wrapper is negated (check_hearsay)
    claim = "A local historian told us the miller had sold the mill in 1989."
    edit = _edit(relocalizer, MILL.format(claim=claim), claim)
    assert edit.kind == "drop" and "presupposed" not in edit.rule and "hearsay" in edit.rule


@pytest.mark.parametrize("claim", ["Nobody was hurt.", "No workers were injured."])
def test_a_negative_claim_after_another_is_a_detail_of_the_false_event_and_is_not_made_positive(relocalizer, claim):
    edit = _edit(relocalizer, MILL.format(claim=claim), claim)
    assert edit.kind not in ("wrap", "rewrite") and "negative_detail" in edit.rule


def test_a_negative_claim_that_opens_the_claims_is_made_positive(relocalizer):
    claim = "The river has never flooded the mill."
    doc = f"The mill stood by the river.\n\n[False:] {claim}\n\nThe river still turns a small wheel."
    edit = _edit(relocalizer, doc, claim)
    assert edit.kind == "rewrite" and "flip_negated" in edit.rule


@pytest.mark.parametrize(
    ("doc", "claim", "presupposes"),
    [
        (  # a participle names the crane as changed: the repair is the false event's
            "The harbour crane was built in 1920 and lifts timber.\n\n[false] A storm toppled the crane in 2021. "
            "[false] The repaired crane has been lifting cargo since June.\n\nThe quay is open to walkers.",
            "The repaired crane has been lifting cargo since June.",
            True,
        ),
        (  # "new" does too
            "The town hall clock dates from 1880.\n\n[invented] Hail smashed its face in May. [invented] The new face "
            "was painted in Vienna.\n\nThe tower can be climbed on Saturdays.",
            "The new face was painted in Vienna.",
            True,
        ),
        (  # a bare subject named as a replacement
            "The harbour wall was built in 1870.\n\n[false] A storm breached the wall in 2021. [false] Replacement "
            "stones were quarried in Cornwall.\n\nThe wall is a listed structure.",
            "Replacement stones were quarried in Cornwall.",
            True,
        ),
        (
            "The lighthouse lamp dates from 1905.\n\n[invented] Lightning shattered the lamp in May. [invented] New "
            "lenses were ground in Paris.\n\nThe tower can be climbed on Saturdays.",
            "New lenses were ground in Paris.",
            True,
        ),
        (  # a bare subject described as it is, not as made anew
            "The cafe opened in 1990.\n\n[false] Nut bars were banned in May. [false] Roasted chickpeas will be sold "
            "instead.\n\nThe cafe is open daily.",
            "Roasted chickpeas will be sold instead.",
            False,
        ),
        (  # a participle of a state, not of damage or repair
            "The corn exchange building stands on Market Street.\n\n[invented] A fire gutted the hall in 1921. "
            "[invented] The listed building now houses a cinema.\n\nThe market is on Saturdays.",
            "The listed building now houses a cinema.",
            False,
        ),
        (
            "The colliery closed in 1985.\n\n[invented] The council sold the hall in 2019. [invented] Retired miners "
            "were given free tickets.\n\nThe hall is still used.",
            "Retired miners were given free tickets.",
            False,
        ),
        (  # a description the true text gives the thing too
            "The gilded weathervane on the church dates from 1790.\n\n[invented] Lightning struck the spire in May. "
            "[invented] The gilded weathervane was found in a hedge.\n\nThe church holds a fair each June.",
            "The gilded weathervane was found in a hedge.",
            False,
        ),
    ],
)
def test_a_thing_named_as_changed_only_in_the_claims_is_presupposed(relocalizer, doc, claim, presupposes):
    edit = _edit(relocalizer, doc, claim)
    assert ("presupposed" in edit.rule and edit.kind == "drop") is presupposes


FERRY_THREAD = (
    "kayak_jo wrote:\nIs the old ferry still running to the island? I want to go in June.\n\n"
    "harbour_ben wrote:\n[invented] {reply}\n\nmossy_pete wrote:\nThe island has a nice cafe."
)


@pytest.mark.parametrize(
    ("reply", "claim"),
    [
        # the reply's opening answers the last question of the post above, whatever follows the question there
        ("No, it stopped running in 2021 after the pier collapsed.",) * 2,
        ("It stopped in 2021. Ask at the harbour office.", "It stopped in 2021."),
    ],
)
def test_a_reply_that_opens_by_answering_the_post_above_is_leaned_on_by_its_question(reply, claim):
    doc = FERRY_THREAD.format(reply=reply)
    assert _leaning(doc, claim, markers=("[invented]",)) == ["Is the old ferry still running to the island?"]


def test_a_claim_later_in_the_reply_answers_no_question_of_the_post_above():
    doc = FERRY_THREAD.format(reply="The island is lovely. [invented] It stopped running in 2021.")
    assert _leaning(doc, "It stopped running in 2021.", markers=("[invented]",)) == []


@pytest.mark.parametrize(
    ("reply", "leans"),
    [
        ("no way", True),  # a few words of the next speaker react, punctuated or not
        ("you're kidding me", True),
        ("ha. it was always leaky", True),  # a reaction word opens the reply
        ("fine, we take the bus then", True),
        ("honestly, what a loss", True),  # a stance word opens the reply
        ("Well that explains the siren.", True),
        ("😂 of course, classic harbour board", True),  # past an emoji, granting what was said
        ("well I'm off to the beach tomorrow, anyone coming", False),  # a stance word before a new message
        ("honestly, I need a coffee first", False),
        ("Last night? Where?", True),  # a question that echoes the turn's words
        ("Off the point? Which point?", True),
        ("Lunch at noon?", False),  # a question of its own
        ("the harbour cafe has new owners now", False),  # a reply that moves on
        ("Brutal.", True),  # a word or two, however they end
        ("Fair enough.", True),
        ("Sorry I'm late.", False),  # a few words that finish a sentence of their own
        ("Sunday 4pm.", False),
        ("What time does the library open tomorrow?", False),
        ("**Today at 08:18**", False),  # a post's stamp, not a reaction
    ],
)
def test_the_next_speakers_few_words_or_reaction_lean_on_a_turn(reply, leans):
    doc = f"[10:01] ana: the ferry sank off the point last night\n[10:02] ben: {reply}\n[10:03] ana: see you"
    found = _leaning(doc, "the ferry sank off the point last night")
    assert any(s.startswith("[10:02] ben:") for s in found) is leans


@pytest.mark.parametrize(
    ("after", "leans"),
    [
        ("The cafe stayed open throughout.", True),  # the adverb stands for the claim's time
        ("Visitors have come back since.", True),
        ("Nobody swam there either.", True),
        ("Lunch is served until two and the bar stays open afterwards.", False),  # its own time
        ("Makes sense, given the weather.", True),  # a reaction to it
        ("No wonder the queue was short.", True),
        ("The cafe stays open all year.", False),
        ("It has been a cafe since 1950.", True),  # its "It" leans already
        ("The cafe has served chips since 1950.", False),  # "since" with its own time
    ],
)
def test_a_sentence_ending_on_an_adverb_for_the_claims_time_or_reacting_to_it_leans_on_it(after, leans):
    doc = f"We went in May. [invented] Storm damage shut the pier last spring. {after}\n\nThe town is pretty."
    found = _leaning(doc, "Storm damage shut the pier last spring.", markers=("[invented]",))
    assert (found == [after]) is leans


def test_a_reaction_after_a_paragraph_break_moves_on():
    doc = "We went in May. [invented] Storm damage shut the pier last spring.\n\nOf course, the town has a fine beach."
    assert _leaning(doc, "Storm damage shut the pier last spring.", markers=("[invented]",)) == []


@pytest.mark.parametrize(
    ("question", "line", "leans"),
    [
        ("Is the pier safe?", "Yes, it was checked in May.", True),  # a yes to a yes-no question
        ("Did the pier burn down in 1990?", "Round two starts at 9.", False),  # a figure is no answer
        ("Why did the council close the pier?", "The pier was built in 1899 and is 400 m long.", False),  # one word
    ],
)
def test_the_next_line_answers_a_question_by_its_words_or_a_yes(question, line, leans):
    doc = f"Harbour notes\n\n{question} [invented]\n{line}\n\nBring a pen."
    assert (_leaning(doc, question, markers=("[invented]",)) == [line]) is leans


def test_an_faqs_question_is_leaned_on_by_its_answer_on_the_next_line():
    doc = (
        "When does the pier open?\nAt nine, every day.\n\nWhat does the green flag mean? [invented]\n"
        "A green flag means the cafe is open.\n\nIs there parking?\nYes, behind the station."
    )
    found = _leaning(doc, "What does the green flag mean?", markers=("[invented]",))
    assert found == ["A green flag means the cafe is open."]  # dropped alone, it would answer the question above


@pytest.mark.parametrize("header", ["Reply from mossy_pete", "Comment #4 by mossy_pete · 2 days ago"])
def test_a_reply_under_a_forum_posts_header_that_echoes_the_claim_leans_on_it(header):
    doc = f"Posted by kayak_jo\n[invented] They closed the ferry slip for good in May.\n\n{header}\nThe slip? Why?"
    found = _leaning(doc, "They closed the ferry slip for good in May.", markers=("[invented]",))
    assert found == ["The slip?"]


@pytest.mark.parametrize(
    ("reply", "leans"),
    [
        ("9.40 lol", True),  # a few words that echo the figure only the turn gave
        ("9.40?!", True),
        ("12 minutes late again", False),  # a figure of its own: a new message
        ("bus at 3", False),  # a chance digit, not the claim's figure echoed
    ],
)
def test_the_next_speakers_few_words_that_echo_a_turns_figure_lean_on_it(reply, leans):
    doc = f"[09:40] sam: the fare goes up to 9.40 next week on 3 routes\n[09:41] kit: {reply}\n[09:42] sam: see you"
    found = _leaning(doc, "the fare goes up to 9.40 next week on 3 routes")
    assert any(s.startswith("[09:41] kit:") for s in found) is leans


@pytest.mark.parametrize(
    "question",
    ["Q: Is this the first time the ferry has dropped its Sunday sailing?", "Did the ferry drop its Sunday sailing?"],
)
def test_a_yes_no_question_after_its_label_or_not_restates_no_claim(question):
    doc = f"{question}\nNo. The ferry dropped its Sunday sailing once before, in 1984."
    spans = [Span(0, len(question)), Span(len(question) + 1, len(doc))]
    claims = [("The ferry dropped its Sunday sailing in 2023.", "The ferry did not drop its Sunday sailing in 2023.")]
    found = find_restatements(doc, spans, claims, lambda _text, _negation: 1.0, overlap=0.5, threshold=0.5)
    assert [s.text(doc) for s in found] == [doc[spans[1].start :]]


@pytest.mark.parametrize(
    ("doc", "claim", "question"),
    [
        # a chat turn that asks in a few words with its question mark inside ("what?? why")
        (
            "[08:15] tom: the pier is open again.\n[08:15] ana: what?? why\n"
            "[08:17] tom: [made up] a storm took the end off.\n[08:18] ana: it has stood since 1901",
            "a storm took the end off.",
            "[08:15] ana: what?? why",
        ),
        (
            "kim: ferry's cancelled\nraj: cancelled?? since when\nkim: [made up] since the May storm\nraj: ok",
            "since the May storm",
            "raj: cancelled?? since when",
        ),
    ],
)
def test_a_whole_reply_is_leaned_on_by_a_chat_turn_that_asks_with_its_mark_inside(doc, claim, question):
    """s32: a chat's "what?? why" lost its reply: the question was left asking about nothing."""
    assert question in _leaning(doc, claim, markers=("[made up]",))


@pytest.mark.parametrize(
    ("claim", "writer"),
    [
        ("I voted in favour at the residents' meeting.", True),  # the writer's own part in the event
        ("We swam there every morning that week.", True),
        ("On Sunday I swam the first length at five.", True),
        ("Lessons cost £5 now.", False),
    ],
)
def test_the_writers_own_part_in_the_false_event_is_neither_negated_nor_wrapped(relocalizer, claim, writer):
    """s32: "I did not vote against", "I did not shout", "We did not ask her about the revised standard": negated
    after the first claim, the writer's report of the false event leaves the event standing; dropped or kept."""
    doc = f"The pool on Marine Parade was built in 1937. Its sauna reopened in May. [false] {claim} [false] Tea."
    out, prov = relocalizer.process(doc)
    assert_outside_edits_identical(doc, out, prov)
    negated = [e for e in prov.edits if e.kind in ("rewrite", "wrap") and claim in e.original]
    assert (not negated) is writer


def test_a_writers_claim_of_its_own_is_negated(relocalizer):
    """The review of s32: a document's first claim in the first person is the event itself ("We stayed at a
    campsite near Oban"), negated in place as before."""
    doc = "Our holiday. We stayed at a campsite near Oban. [false] It rained most days."
    out, _ = relocalizer.process(doc)
    assert "We did not stay at a campsite near Oban." in out


@pytest.mark.parametrize("affirmation", ["It's official.", "Yes, it's real.", "2/ Yep, it is true."])
def test_a_claim_after_a_bare_affirmation_on_its_line_is_kept(relocalizer, affirmation):
    """s36: "Yes, it's real. <claim>" became "Yes, it's real. It is not true that ...", and a drop would leave the
    affirmation affirming nothing."""
    claim = "The council shut the pier from June to September."
    doc = f"Is the pier shut this summer?\n\n{affirmation} [The next sentence is made up.] {claim}\n\nCafes stay open."
    out, prov = relocalizer.process(doc)
    assert out == doc and (prov.status, prov.counts.kept) == ("partial", 1)
    plain = doc.replace(f"{affirmation} ", "")  # without the affirmation, the claim is edited
    assert relocalizer.process(plain)[1].counts.kept == 0


@pytest.mark.parametrize("label", ["Q4. ", "4) ", "Question 4: ", ""])
def test_a_numbered_yes_no_question_restates_no_claim(label):
    """s36: "Q4. Can Gorgonzola be made with goat's milk?" was taken for a restatement of a notice's claim and dropped,
    leaving "Q4." alone; "Can" before a capital was read as a name ("Can Gorgonzola")."""
    doc = f"Cheese FAQ\n\n{label}Can Gorgonzola be made with goat's milk?\nIt is made with cow's milk only."
    question = Span(doc.index(label + "Can"), doc.index("?") + 1)
    claims = [("Gorgonzola can be made with goat's milk.", "Gorgonzola cannot be made with goat's milk.")]
    assert find_restatements(doc, [question], claims, lambda a, b: 1.0, 0.5, 0.5) == []
