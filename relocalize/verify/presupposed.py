"""Claims that presuppose the false event.

"The fire burned for three days", where the document marks "A fire destroyed the mill" as false: a negation
("did not burn for three days") or a wrapper ("It is not true that the fire burned ...") denies how long it
burned, not that there was a fire. What only the false event has is read off the document itself: the words its
other claims (and a given ``claims`` value) use and its other sentences never do. A claim that names such a thing
with a definite phrase ("the fire", "that 2019 closure", "their cellar days") takes no negation and no wrapper.
What the other claims talk about as known ("The ferry sank") is their topic, a real thing, unless a claim
brings it in as new ("A fire broke out"). The test is lexical: it misses a thing no other claim names ("the
smoke", where only the fire is marked false).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import combinations, pairwise
from typing import NamedTuple

from relocalize.detect.restatements import STEM as _STEM
from relocalize.detect.restatements import content_stems, content_words
from relocalize.lexicon import (
    AGREEING,
    ASSENTING,
    ATTITUDES,
    AUXILIARIES,
    CHANGE_NOUNS,
    CHANGED_PARTICIPLES,
    CHANGED_STATES,
    CONTRASTING,
    DEMONSTRATIVES,
    DISMISSING,
    LEANING,
    LEANING_PAIRS,
    MONTH,
    MONTHS,
    NEGATORS,
    PERSONAL,
    PLACE_PREPOSITIONS,
    PRONOUNS,
    REACTING,
    REACTING_PAIRS,
    REACTIONS,
    REPLYING,
    WEATHER,
    YES_WORDS,
)
from relocalize.rewrite.graph import Graph, Token
from relocalize.spans import (
    BARE_ANSWER,
    ITEM_NUMBER,
    QUESTION_END,
    Span,
    answered_turn,
    bare_label,
    dropped_region,
    is_symbol,
    opens_turn,
    reply_to_subject,
    sentences,
    speaker_name,
    unanswered_question,
    without_label,
)

# Determiners that point at something already known (a possessive pronoun, or any "poss" dependent, too).
DEFINITE = frozenset({"the", "that", "this", "these", "those", "its", "their", "his", "her", "our", "my", "your"})
_NEW = frozenset({"a", "an", "another", "some"})


def _known_subjects(g: Graph) -> set[str]:
    """The stems of the definite or named subjects of ``g``: what it talks about as known."""
    return {
        t.lower[:_STEM]
        for t in g.tokens
        if t.dep in ("nsubj", "nsubjpass") and (t.upos == "PROPN" or (t.upos == "NOUN" and _definite(g, t)))
    }


def _new_things(g: Graph) -> set[str]:
    """The stems of the things ``g`` brings in as new ("A fire broke out", "three extra nights")."""
    return {
        t.lower[:_STEM]
        for t in g.tokens
        if t.upos == "NOUN" and any(c.lower in _NEW or c.dep == "nummod" for c in g.children(t, "det", "nummod"))
    }


class FalseWords(NamedTuple):
    """The word stems that name what only a document's false event has, for one of its claim units."""

    shared: set[str]  # of the other claims, which no sentence outside the claims uses ("fire", after "A fire ...")
    own: set[str]  # of the unit after another claim, which no sentence outside the claims uses ("the refit")
    described: set[str] | None  # the word pairs outside the claims ("damaged pan"); None for the first claim


def false_vocabulary(
    doc: str, claims: list[tuple[Span, Graph]], annotations: list[Span], given: list[Graph]
) -> dict[Span, FalseWords]:
    """For each claim unit of ``doc`` (with its parse), the word stems of the other claims (units and ``given``
    parts), and of its own, that no sentence outside the claims and ``annotations`` uses. A topic the other claims
    talk about as known ("The harbour bridge opened in 1950") is a real thing, unless a claim brings it in as new
    ("a fire")."""
    outside = blanked(blanked(doc, annotations), [u for u, _ in claims])
    true = content_stems(outside)
    found = [w.lower() for w in _WORD.findall(outside)]
    pairs = {f"{a} {b}" for a, b in pairwise(found)}
    opening = min((u.start for u, _ in claims), default=0)
    words = [(u, content_stems(g.text), _known_subjects(g)) for u, g in [*claims, *((None, g) for g in given)]]
    new = set().union(*(_new_things(g) for _, g in claims), *(_new_things(g) for g in given))
    out = {}
    for unit, _ in claims:
        others = [(w, k) for u, w, k in words if u != unit]
        topic = set().union(*(k for _, k in others)) - new
        # after a claim, a thing no kept sentence names comes from the false story ("The repairs took two years",
        # after "A fire destroyed the mill"); the first claim's own things are its topic ("The pier")
        own = content_stems(unit.text(doc)) - true - topic if unit.start > opening else set()
        described = pairs if unit.start > opening else None
        out[unit] = FalseWords(set().union(*(w for w, _ in others)) - true - topic, own, described)
    return out


def presupposed(g: Graph, vocabulary: FalseWords, reported: bool = False) -> str | None:
    """The definite phrase of ``g`` that names a thing of ``vocabulary`` ("the smoke"), or None: one the other
    claims name anywhere, one only the unit names anywhere but as its place ("The refit cost €14 million", "paid for
    the repairs", not "at the bakery"); or, definite or a bare subject, one named as changed (:func:`_changed`: "the
    cracked original", "Replacement pans were cast"). The one who says it is left out, and so, unless ``reported``,
    is a clause the main verb takes: "did not say that X" denies the saying, while "It is not true that they said
    the refit cost ..." leaves "the refit" standing."""
    opaque = set()
    for root in g.roots():
        if clauses := g.children(root, "ccomp", "xcomp"):
            taken = [] if reported else clauses
            opaque |= {t.i for c in [*taken, *g.children(root, "nsubj")] for t in g.subtree(c)}
    for tok in g.tokens:
        stem = tok.lower[:_STEM]
        place = tok.dep == "pobj" and g.tokens[tok.head].lower in PLACE_PREPOSITIONS
        false = stem in vocabulary.shared or (stem in vocabulary.own and not place)
        if tok.upos != "NOUN" or tok.i in opaque:
            continue
        # a bare subject only as made anew ("Replacement pans were cast"), not as it is ("Roasted chickpeas will ...")
        bare = tok.dep in ("nsubj", "nsubjpass") and not g.children(tok, "det", "poss")
        if (false and _definite(g, tok)) or _changed(g, tok, vocabulary, anew=bare):
            return _phrase(g, tok)
    for prep in _fronted(g):  # "In Abu Dhabi, the painting hangs alone": the place is the claim's, and the topic
        named = [t for t in g.subtree(prep) if t.upos in ("NOUN", "PROPN") and not MONTH.match(t.text)]
        if any(t.lower[:_STEM] in vocabulary.shared for t in named):
            return _phrase(g, prep)
    for clause in _adverbial(g):  # "after the lakes turned white": the clause states what the other claims do
        if any(t.lower[:_STEM] in vocabulary.shared for t in g.subtree(clause) if t.upos in _CONTENT):
            return _phrase(g, clause)
    return None


def _participle(tok: Token, anew: bool) -> bool:
    """A participle of damage or repair (:data:`CHANGED_PARTICIPLES`); ``anew``, one of making anew ("rebuilt")."""
    return tok.lower in CHANGED_PARTICIPLES and (not anew or tok.lower.startswith("re"))


def _changed(g: Graph, noun: Token, vocabulary: FalseWords, anew: bool) -> bool:
    """True when ``noun``, in a claim after another, definite, is named as changed by a participle or "new" ("the
    cracked original", "the new turf") that no text outside the claims gives it: the change is the false event's;
    or, ``anew`` (a bare subject), as made anew ("Replacement pans", "Rebuilt stalls")."""
    if vocabulary.described is None or not (anew or _definite(g, noun)):
        return False
    mods = [m for m in g.children(noun, "amod", "compound") if m.lower in CHANGED_STATES or _participle(m, anew)]
    return any(f"{m.lower} {noun.lower}" not in vocabulary.described for m in mods)


_PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
_PLURAL_TAGS, _SINGULAR_TAGS = frozenset({"NNS", "NNPS"}), frozenset({"NN", "NNP"})


def back_reference(g: Graph) -> str | None:
    """The third-person pronoun of ``g`` (:data:`PRONOUNS`), or place adverb "there", that names a thing no noun
    before it in ``g`` can ("Otters got in and staff are trapping them": the otters; "swim in the lido and dive
    there"), or None; not an "it" that stands for a clause ("It is said that ..."), an existential "there" or a
    pronoun that names nothing (:func:`_empty`). Right after a claim, it names a thing of the false event ("It is in
    an old stable", "Crews cleared it by June", "Families swim there"): negated or wrapped, the sentence keeps it."""
    for tok in g.tokens:
        place = tok.lower == "there" and tok.tag != "EX"
        if not (tok.lower in PRONOUNS or place) or tok.dep == "expl" or _empty(g, tok):
            continue
        before = g.tokens[: tok.i]
        number = _PLURAL_TAGS if tok.lower in _PLURAL_PRONOUNS else _SINGULAR_TAGS
        # a place is named after a preposition ("swim in the lido, and dive there")
        local = any(t.dep == "pobj" for t in before) if place else any(t.tag in number for t in before)
        if not local:
            return tok.text
    return None


def first_person(g: Graph) -> str | None:
    """The subject "I" or "we" of a main verb of ``g`` that takes no clause ("I voted against.", "We swam there
    every morning"), or None: after the document's first claim, the writer's own part in the false event,
    which negated ("I did not vote against") or wrapped leaves standing. A verb that takes a clause reports it ("We
    find that ...", "I read that ..."): negated, the report is denied."""
    for root in g.roots():
        if g.children(root, "ccomp"):
            continue
        for subject in g.children(root, "nsubj", "nsubjpass"):
            if subject.lower in _WRITER:
                return subject.text
    return None


def reaction(g: Graph) -> str | None:
    """The verb or the subject's noun of a main clause of ``g`` that names a reaction (:data:`REACTING`,
    :data:`REACTIONS`: "Students reacted with shrugs", "Reaction among visitors was mostly good-humoured"), or None:
    after another claim, a reaction to the false event, which negated ("did not react with shrugs") or wrapped
    leaves the reaction, and the event, standing. One that names what it reacts to ("Crowds cheered the Queen") or
    dates itself ("in 1977") is an event of its own."""
    if any(t.upos == "NUM" for t in g.tokens):
        return None
    for root in g.roots():
        if root.lemma.lower() in REACTING and not g.children(root, "dobj"):
            return root.text
        for subject in g.children(root, "nsubj", "nsubjpass"):
            if subject.lemma.lower() in REACTIONS:
                return subject.text
    return None


def _empty(g: Graph, tok: Token) -> bool:
    """True for a pronoun that names nothing: an "it" that stands for a clause ("It is said that ..."), the weather's
    ("It rained all weekend", "It was windy") or the "they" of what people say ("They say the pier is haunted")."""
    head = g.tokens[tok.head]
    if tok.lower == "it":
        weather = head.lemma.lower() in WEATHER or any(c.lower in WEATHER for c in g.children(head, "acomp"))
        return weather or bool(g.children(head, "ccomp", "csubj", "xcomp"))
    return tok.lower == "they" and head.lemma.lower() in ("say", "reckon") and head.tag == "VBP"


def after_claim(blank: str, unit: Span, claims: list[Span]) -> bool:
    """True when the sentence right before ``unit`` is one of the ``claims``: nothing but annotations (blanked out of
    ``blank``), markup or a speaker's label between them ("ANA: <claim> [false]\nBEN: <unit>")."""
    before = [c.end for c in claims if c.end <= unit.start]
    if not before:
        return False
    start = blank.rfind("\n", 0, unit.start) + 1 if opens_turn(blank, unit) else unit.start
    return re.search(r"\w", blank[max(before) : start]) is None


def negated(g: Graph) -> str | None:
    """The word that negates a main clause of ``g`` ("not", "Nobody", the "no" of "no injuries"), or None. After
    another claim, such a sentence is a detail of the false event ("Nobody was hurt", "Audio files were not
    affected"): it presupposes the event, and made positive it states a new detail of it ("Somebody was hurt")."""
    for root in g.roots():
        for tok in g.children(root):
            if tok.lower in NEGATORS:
                return tok.text
            if no := next((d for d in g.children(tok, "det") if d.lower == "no"), None):
                return no.text
    return None


_CONTENT = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})


def _adverbial(g: Graph) -> list[Token]:
    """The adverbial clauses of the main clauses with a subject of their own ("after the lakes turned white")."""
    return [c for root in g.roots() for c in g.children(root, "advcl") if g.children(c, "nsubj", "nsubjpass")]


def _phrase(g: Graph, tok: Token) -> str:
    return "".join(t.text + t.ws for t in g.subtree(tok)).strip()


def _fronted(g: Graph) -> list[Token]:
    """The prepositional phrases before the main clause's subject."""
    out = []
    for root in g.roots():
        subjects = [s.i for s in g.children(root) if s.dep in ("nsubj", "nsubjpass", "expl")]
        out += [p for p in g.children(root, "prep") if subjects and p.i < min(subjects)]
    return out


def _definite(g: Graph, noun: Token) -> bool:
    """A determiner that points at something known; a named owner ("Unilever's factory") identifies a real
    thing, not one of the false event."""
    return any((c.dep == "poss" and c.upos != "PROPN") or c.lower in DEFINITE for c in g.children(noun, "det", "poss"))


_OWN = frozenset({"my", "our", "your"})  # "my favourite pier" is a new mention, not one pointing back
# A sentence's first words, past quotes and markup (and emoji, :func:`_opening`), not a dash bullet ("- It ...")
_OPENING = re.compile(r"[\"'“‘(*_]*([A-Za-z’']+(?:[ ,]+[A-Za-z]+){0,2})")
_INDEFINITE_PHRASE = re.compile(
    rf"\b(?:{'|'.join(_NEW)}|several|two|three|four|five|six|seven|eight|nine|ten|dozens of|hundreds of)\s+"
    r"((?:[\w’'-]+\s+){0,2}[\w’'-]+)",
    re.IGNORECASE,
)
_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]+")
# A name of two capitalised words or more ("Hybrid Log-Gamma", "National Museum of Western Art").
_NAME_RUN = re.compile(r"[A-Z][\w’']*(?:[ \t-]+(?:(?:of|for|and|the|de)[ \t]+)?[A-Z][\w’']*)+")
_NAME_WORD = re.compile(r"[^ \t-]+")
# A person cited by surname alone as a speaker ("Hallam said", "said Hallam", "Hallam told us"): the full name
# ("Ruth Hallam", :data:`_FULL_NAME` words) is where the reader met them.
_SAYING = r"(?:said|says|told|added|explained|wrote|noted|argued|admitted|insisted)"
_SPEAKER_CITED = re.compile(rf"\b(?P<name>[A-Z][a-z’'-]+)\s+{_SAYING}\b|\b{_SAYING}\s+(?P<name2>[A-Z][a-z’'-]+)\b")
_NAME_WORDS = 2  # a person's full name: a first name and a surname at least
_DATED = re.compile(rf"(?:{MONTHS}|(?:mon|tues|wednes|thurs|fri|satur|sun)day)$", re.IGNORECASE)
_ACRONYM = re.compile(r"\b([A-Z]{3,6})s?\b")  # "HLG", "CFPs"
_LOWER = re.compile(r"\b[A-Z][\w’'-]*")  # blanked out of a phrase to leave its lower-case words
# A sentence that opens with a definite phrase, up to its third word ("The 3,911-metre suspension bridge").
_OPENING_PHRASE = re.compile(rf"\W*(?:{'|'.join(DEFINITE)})\s+((?:\S+[ \t]+){{0,2}}\S+)", re.IGNORECASE)
_DEFINITE_PHRASE = re.compile(rf"\b(?:{'|'.join(DEFINITE - _OWN)})\s+((?:[\w’'-]+\s+)?[\w’'-]+)", re.IGNORECASE)
# A demonstrative points back at a mention ("that vault", "the same pier", "such a ban"), where "the vault" may be any
# vault.
_POINTING_PHRASE = re.compile(
    rf"\b(?:{'|'.join(DEMONSTRATIVES)}|the\s+same|such(?:\s+an?)?(?!\s+(?:as|that)\b))\s+((?:[\w’'-]+\s+)?[\w’'-]+)",
    re.IGNORECASE,
)


# A figure ("19,000"), and one that "the" makes a thing already known, standing for the things counted: before an
# auxiliary or the sentence's end ("the 19,000 had sold out", "where the 46 are"); not a year, a share, a modifier or a
# count of things it names ("the 1877 race", "the 40%", "the 800-character floor", "the 46 red buses"). A number in
# words is too often no figure ("combine the two").
_AUX = "|".join(sorted(AUXILIARIES))
_FIGURE = re.compile(r"\b\d[\d,.]*\d\b(?![%’'\d]|[.,]\d)|\b\d\b(?![%’'\d]|[.,]\d)")
_DEFINITE_FIGURE = re.compile(
    rf"\bthe\s+(?!(?:1[0-9]|20)\d\d\b)(\d[\d,.]*\d|\d)\b(?![%’'°-]|[,.]\d)"
    rf"(?=\s*[.,;:!?)]|\s*$|\s+(?:{_AUX})\b)",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+(?:['’]\w+)?")
# The most words of a reaction ("Can't quite believe it.") or a question about what was just said ("Is that legit
# or internet nonsense?"), on the same line; of a reaction ("Wait, really?") or a question that points back
# ("Can I go inside it?") as the next speaker's reply, whose questions otherwise move on ("Q: Who owns it now?").
_REACTION_WORDS, _QUESTION_WORDS = 4, 8
_REPLY_WORDS, _REPLY_QUESTION_WORDS = 3, 6
_REPLY_WORDS_FINISHED = 2  # a reply of a word or two reacts however it ends ("Brutal.", "Fair enough.")
_ATTITUDE_WORDS = 5  # the most words of a sentence that takes an attitude to what was just said (ATTITUDES)
# ... as its predicate, at its end ("Others were less pleased.", "I'm unimpressed, honestly."; not "Staff are happy to
# help.", "Happy reading!", "Worried about parking?")
_ATTITUDE = re.compile(
    rf"(?:\b(?:is|are|was|were|am|seems?|seemed|feels?|felt)|['’](?:m|re|s))\s+(?:\w+\s+)?(?:{'|'.join(ATTITUDES)})"
    r"(?:,?\s+\w+)?[\"'”’)]*\.?$",
    re.IGNORECASE,
)
# ... or that assents or dissents with no object, at its end ("Not every member agrees.", "Some staff objected.")
_ASSENT = re.compile(
    rf"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bbe )(?<!\bis )(?<!\bare )\b(?:{'|'.join(ASSENTING)})[\"'”’)]*[.!]?$",
    re.IGNORECASE,
)  # not a passive ("The budget was approved.")
# ... or that agrees with it: all of it ("Agreed.", "So true!", "+1"), or, as the next turn's reply, its opening
# before a stop or a comma ("Exactly, and ..."; in prose, "Exactly, 40 boats ..." is a sentence adverb)
_AGREEMENT = "|".join(r"\s+".join(map(re.escape, a.split())) for a in AGREEING)
_AGREES = re.compile(rf"[^\w+]*(?:{_AGREEMENT})\W*$", re.IGNORECASE)
_AGREES_FIRST = re.compile(rf"[^\w+]*(?:{_AGREEMENT})\s*[,.!;:—–]", re.IGNORECASE)
# ... or that takes it as given: asks why, all of it but a word before ("wait, why??", "How come?") or before a noun
# phrase, a name or "now" ("Why the change?", "Why Inverness, of all places?"; not "Why bother?", "Why not check
# first?", "Why do you take the ferry at all?"), or, as the next turn's reply, opens with its cause ("Because the roof
# leaks.", not "Because of ...", a phrase of a sentence)
_ASKS_WHY = re.compile(
    r"\W*(?:(?:wait|but|so|ok|okay|hm+|huh)\W+)?(?:(?:why|how come|since when)\W*"
    r"|why\s+(?:(?:the|this|that|these|those|now|then|here|there)\b|(?-i:[A-Z0-9]))[\w'’.-]*,?(?:\s+[\w'’.-]+,?){0,4}"
    r"\s*\?+\W*)$",
    re.IGNORECASE,
)
# An affirmation that what follows is real, which a claim goes on from ("Yes, it's real.", "It's official."); a bare
# "Yes." may answer a true question the claim only elaborates.
_AFFIRMATION = re.compile(
    rf"\W*(?:(?:{'|'.join(YES_WORDS)})\W+)?(?:it|that|this)\s*(?:is|was|['’]s)\s+(?:all\s+)?"
    r"(?:real|true|official|confirmed|right|correct)[\"'”’)]*[.!]+[\"'”’)]*$",
    re.IGNORECASE,
)
_BECAUSE = re.compile(r"\W*(?:because|cos|'cause)\b(?!\s+of\b)", re.IGNORECASE)
_WRITER = frozenset({"i", "we"})
# Words a reply opens with to react to the turn before ("Ha.", "wait, ...", "fine.", "seriously").
_REACTIONS = frozenset("ha hah hmm wait fine perfect really seriously omg wtf ugh yikes damn".split())  # noqa: SIM905
# ... or a stance word, before a word pointing back or a few words ("honestly, what a loss", "well that explains it";
# not "well I'm off to the beach tomorrow, anyone coming")
_STANCE = frozenset("honestly frankly well tbh ngl".split())  # noqa: SIM905
_POINTING = PRONOUNS | DEMONSTRATIVES | frozenset({"so", "one"})  # "I hope so.", "Not that I needed one."
# The labels of a list of questions and answers, whose next question moves on ("Q: Shops?").
_QUESTIONER = frozenset({"q", "question", "interviewer"})
_CLOSERS = "\"'”’)*_ \t\n"
_CONTRAST = re.compile(rf"\b(?:{'|'.join(CONTRASTING)})\b", re.IGNORECASE)
_DISMISSING = re.compile(rf"\b(?:{'|'.join(DISMISSING)})\b", re.IGNORECASE)
_REPLYING = re.compile(rf"\W*(?:{'|'.join(REPLYING)})\b(?!-)", re.IGNORECASE)
_WH = "when|where|why|how|who|whom|whose|what|which"
_AUX_QUESTION = re.compile(rf"\W*(?:{_AUX})\b", re.IGNORECASE)  # "Is it ...?", "Did they ...?"
_ANSWER_SHARED = 2  # words an answer on the next line takes up from its question
_WH_WORDS = re.compile(rf"\b(?:{_WH})\b", re.IGNORECASE)
_WH_QUESTION = re.compile(rf"\W*(?:{_WH})\b", re.IGNORECASE)
# A chat turn that asks with no question mark: a wh-word and an auxiliary first, no closing punctuation ("when does it
# change", "where is the ferry now"; not "did you see the news", which asks for no answer of its own).
_UNMARKED_QUESTION = re.compile(rf"\W*(?:(?:{_WH})\s+(?:{_AUX})|anyone\s+know)\b[^.!?]*$", re.IGNORECASE)
# A question reported in a statement, whose answer the next sentence gives ("Members asked whether the outing would go
# ahead.", "I asked a guide what had happened.").
_REPORTED_QUESTION = re.compile(
    r"\b(?:asked|asks|wondered|wonders|inquired|enquired|wanted to know)\b(?:\s+(?!to\b)[\w'’-]+){0,3}?"
    rf"\s+(?:whether|if|{_WH})\b",
    re.IGNORECASE,
)
# Pronouns of a thing or things ("it" in a sentence points where "it" in the one before did); not a possessive,
# whose thing is often named in its own sentence ("Nature keeps its own calendar.").
_THIRD = re.compile(r"\b(?:it|they|them)\b", re.IGNORECASE)
# A question whose subject is "it", "that" or "this" right after its auxiliary asks about what was just said (not
# "Is it true that ...", "Is it possible to ...": "it" stands for a clause of its own).
_ASKING_ABOUT_IT = re.compile(
    rf"\W*(?:(?:{_WH})\s+)?(?:{_AUX})\s+(it|that|this)\b"
    r"(?!\s+(?:\w+['’]s|true|possible|likely|worth|hard|easy|safe|ok|okay|fair)\b)[^.!?]*\?",
    re.IGNORECASE,
)
# "it" that stands for what follows, not for a thing: "Is it true that ...", "it's hard to say", "it was Ana who".
_EXPLETIVE = re.compile(
    r"\b(?:it(?:['’]s|\s+(?:is|was|seems|seemed|would\s+be|will\s+be))|(?:is|was)\s+it)\s+(?:[\w-]+\s+){0,2}"
    r"(?:that|to|whether|if|who)\b",
    re.IGNORECASE,
)
# A sentence that ends on an auxiliary or modal in lower case, its verb phrase left out: "Of course they did.", "I
# doubt the council will." (not "... in May.", "... by Will.", nor "the clothes you have.").
_ELLIPSIS = re.compile(
    r"\b(?:(?:do|does|did|will|would|shall|should|can|could|might|must)(?:\s+not|n['’]t)?|(?:wo|ca|sha)n['’]t)"
    r"(?:,?\s+(?:too|either|again|though|anyway))?\W*$"
)
# A verb phrase that stands for one said before: "did the same", "do likewise", "did so."
_PROFORM = re.compile(
    r"\b(?:do|does|did|done|doing)\s+(?:(?:much|exactly|just)\s+)?(?:the\s+same\b|likewise\b|so(?=\s*(?:[.,;:!?]|$)))",
    re.IGNORECASE,
)
_PRONOUN_FORMS = {"them": "they"}
# What opens a clause right before its subject: a comma or semicolon, a conjunction ("..., but it serves").
_CLAUSE_OPENING = re.compile(r"(?:[,;]|\b(?:and|but|so|because|while|though|although|as))\s+$", re.IGNORECASE)
# A demonstrative standing as a pronoun: before a stop; or opening a clause (after a stop, a conjunction or a verb
# of saying or thinking), before a contraction or a verb of being, having or seeming ("..., so that's us", "said
# that was new"; not the relative of "the soup that is served").
_STANDING = re.compile(
    r"\b(?:this|that|these|those)(?=\s*(?:[.,!?;:)…]|$))|(?:^|[,;:—–]\s*|\b(?:and|but|so|because|said|says|say|think"
    r"|thought|knew|know|guess|hope|bet|reckon|suppose)\s+)"
    r"(?:this|that|these|those)(?=['’]s\b|\s+(?:is|was|are|were|will|would|has|had|does|did|can|could|means|meant"
    r"|seems|sounds|looks)\b)",
    re.IGNORECASE,
)
# An adverb that ends a sentence and stands for the time or case named before it: "... continued as normal
# throughout.", "Visitors have come back since.", "Don't go looking for that either." ("before or since" is an idiom)
_TRAILING = re.compile(r"\b(?:throughout|(?<!before or )since|either)[\"'”’)]*\W*$", re.IGNORECASE)
_WINDOW = 40  # later sentences searched for what leans on a claim: a document's time stays linear


class Leaning:
    """What later text of one document leans on each of its claim units, read once for the document."""

    def __init__(self, doc: str, annotations: list[Span], claims: list[Span]) -> None:
        self.doc, self.blank = doc, blanked(doc, annotations)
        self.sentences = [s for s in sentences(self.blank) if not bare_label(self.blank, s)]
        self.starts = [s.start for s in self.sentences]
        ordered = sorted(claims)
        ends = [c.end for c in ordered]
        self.claimed = [_overlapped(s, ordered, ends) for s in self.sentences]
        self.first: dict[str, int] = {}  # where the text outside the claims first names each stem
        self.first_word: dict[str, int] = {}  # ... and each word, lower case
        self._agreed: dict[Span, bool] = {}  # read by the decision and by what leans on a claim
        self._lower_words = {w for w in _WORD.findall(self.blank) if w.islower()}  # the words written in lower case
        for sent, claimed in zip(self.sentences, self.claimed):
            for stem in () if claimed else content_stems(sent.text(self.blank)):
                self.first.setdefault(stem, sent.start)
            for word in () if claimed else _WORD.findall(sent.text(self.blank)):
                self.first_word.setdefault(word.lower(), sent.start)

    def on(self, unit: Span) -> list[Span]:
        """The sentences outside the claims that lean on ``unit``: the next one when it opens with a pronoun,
        a connective or a reaction ("It", "But", "Either way", "Wow"), and each one with a definite phrase naming a
        thing that ``unit`` brought in ("the otters", after "staff found five otters"), or a demonstrative one naming
        a thing ``unit`` named first ("that vault", after "moved it to the east vault"); when ``unit`` is a
        question, the next sentence, claim or not, as what answers it; when it is the start or all of the answer to
        a question, the question (:meth:`_asking`). Dropped, the unit would leave them pointing at nothing. The next
        sentence may be a claim: one that stays, negated, wrapped or kept, keeps the unit (it goes if the unit does).
        A later claim that otherwise leans on the unit is no such sentence: what it presupposes decides it
        (:func:`presupposed`); nor does a claim bring a thing in (it may be dropped too)."""
        blank, text = self.blank, unit.text(self.doc)
        at = bisect_left(self.starts, unit.end)
        following = self.sentences[at : at + _WINDOW]
        kept = [s for s, claimed in zip(following, self.claimed[at : at + _WINDOW]) if not claimed]
        answer = following[0] if following else None
        out = following[:1] if QUESTION_END.search(text) and self._answered(unit, text, answer) else []
        out += self._asking(unit, at)
        out += [a for a in [self._affirming(unit)] if a is not None]
        brought = {w for m in _INDEFINITE_PHRASE.finditer(text) for w in content_stems(m.group(1))}
        named = {w for w in _named(text) if self.first.get(w[:_STEM], len(blank)) > unit.start}
        # a name's word as a common noun ("the barracks", after "the Selimiye Barracks")
        names = named & _named(" ".join(_CAPITALISED.findall(text, 1)))
        elsewhere = kept[:1] != following[:1] and not names  # a person a claim's "He" names is named elsewhere too
        # an agreeing reply goes with the turn it answers when it is a bare yes or no ("yes!! so sad")
        agreed = self.agreed(unit) and answered_turn(blank, dropped_region(blank, unit)) is None
        if following and (self._leans_on_last(unit, following[0], text, elsewhere) or agreed):
            out.append(following[0])
        if kept and all(self.claimed[: bisect_left(self.starts, unit.start)]):
            # the document's opening: what stays would start by naming as known what only the claims introduced,
            # by name or as new ("The Akashi Kaikyō Bridge reopened ..." -> "The suspension bridge links ...")
            opening = _OPENING_PHRASE.match(blank, without_label(blank, kept[0]).start)
            introduced = {w.lower()[:_STEM] for w in _CAPITALISED.findall(text, 1)} | brought
            if opening and content_stems(opening.group(1)) & introduced:
                out.append(kept[0])
        new = {w for w in brought if self.first.get(w, len(blank)) > unit.start}
        figures = _numbers(text) - _numbers(blank[: unit.start])  # the numbers the claim brings in
        changes = self._changes(unit, text)
        before = blank[: unit.start]
        spelled = {a: n for a, n in _acronyms(text).items() if n not in before and a not in before}  # first here
        out += self._citing(text, following, named)
        for sent in kept:
            said = sent.text(blank)
            definite = [m.group(1) for m in _DEFINITE_PHRASE.finditer(blank, sent.start, sent.end)]
            pointing = [m.group(1) for m in _POINTING_PHRASE.finditer(blank, sent.start, sent.end)]
            if any(content_stems(p) & new or _named(_LOWER.sub(" ", p)) & names for p in definite) or any(
                _named(p) & named for p in pointing
            ):
                out.append(sent)
            if any(changes.intersection(p.lower().split()) for p in definite):
                out.append(sent)  # "The move drew criticism": the claim's change, named as known
            if {m.group(1) for m in _DEFINITE_FIGURE.finditer(blank, sent.start, sent.end)} & figures:
                out.append(sent)  # "the 19,000": a figure only the claim gave
            if any(spelled.get(a, said) not in said for a in _ACRONYM.findall(said)):  # "HLG", not "Hybrid ... (HLG)"
                out.append(sent)  # "HLG is now used live", where only the claim named "Hybrid Log-Gamma"
            new -= content_stems(said)
            named -= _named(said)
            figures -= _numbers(said)
        return sorted(set(out))

    def _citing(self, text: str, following: list[Span], named: set[str]) -> list[Span]:
        """The later sentences, claims or not, that cite by surname alone as a speaker ("Hallam said") a person only
        ``text`` brought in by full name ("a specialist, Ruth Hallam"; ``named``: its words no sentence before it
        has): dropped, the claim would leave them quoting a stranger. The full name again introduces them anew."""
        runs = [r for r in _NAME_RUN.findall(text) if len(r.split()) >= _NAME_WORDS]
        # a surname is no common noun the text also writes in lower case ("Harbour Police": "police") nor a date
        last = [w for r in runs if not _DATED.match(w := r.split()[-1])]
        surnames = {_singular(w.lower()) for w in last if w.lower() not in self._lower_words} & named
        out = []
        for sent in following if surnames else []:
            said = sent.text(self.blank)
            if any(run in said for run in runs):
                break
            cited = {m["name"] or m["name2"] for m in _SPEAKER_CITED.finditer(said) if _alone(said, m)}
            if {_singular(w.lower()) for w in cited} & surnames:
                out.append(sent)
        return out

    def _affirming(self, unit: Span) -> Span | None:
        """The sentence right before ``unit`` on its line, outside the claims, when it affirms what ``unit`` goes on
        to state ("Yes, it's real. <unit>"): negated, wrapped or dropped, ``unit`` would leave it affirming a claim no
        longer made, or one now denied."""
        at = bisect_left(self.starts, unit.start) - 1
        if at < 0 or self.claimed[at] or "\n" in self.blank[self.sentences[at].end : unit.start]:
            return None
        before = without_label(self.blank, self.sentences[at])
        said = ITEM_NUMBER.sub("", before.text(self.blank))  # a thread's "1/", a list's "2."
        return before if _AFFIRMATION.match(said) else None

    def agreed(self, unit: Span) -> bool:
        """True when the sentence right after ``unit``, outside the claims, in its paragraph, agrees with it
        (:data:`AGREEING`: "Agreed.", "So true!") or asks why it is so ("Why?", "how come??"), or, as the next turn's
        reply, opens by agreeing ("Exactly, and the café shut too.") or by giving its cause ("Because the roof
        leaks."), or when the sentence before it affirms it (:meth:`_affirming`): negated or wrapped, ``unit`` would
        have it agree with the denial, or ask the cause of a non-event."""
        if unit not in self._agreed:
            self._agreed[unit] = self._agrees(unit) or self._affirming(unit) is not None
        return self._agreed[unit]

    def _agrees(self, unit: Span) -> bool:
        at = bisect_left(self.starts, unit.end)
        if at == len(self.sentences) or self.claimed[at] or QUESTION_END.search(unit.text(self.doc)):
            return False
        sent = self.sentences[at]
        reply = opens_turn(self.blank, sent)
        if "\n\n" in self.blank[unit.end : sent.start] and not reply:
            return False
        said = without_label(self.blank, sent).text(self.blank)
        if _ASKS_WHY.match(said) or (reply and _BECAUSE.match(said)):
            return True  # "Why?", "wait, how come??", "Because the roof leaks.": the claim taken as given
        return _AGREES.match(said) is not None or (reply and _AGREES_FIRST.match(said) is not None)

    def _answered(self, unit: Span, text: str, answer: Span | None) -> bool:
        """True when ``answer``, the sentence after the question ``unit`` (``text``), answers it: on its line or the
        next turn, or on the next line when it takes up two of the question's words or says yes or no to a yes-no
        question (an FAQ: "What does the green flag mean?\nA green flag means ..."; not "Quiz:\n<unit>\nEnd.")."""
        if answer is None:
            return False
        if _answers(self.blank, unit, answer):
            return True
        said = answer.text(self.blank)
        yes_no = _AUX_QUESTION.match(text) is not None and BARE_ANSWER.match(said) is not None
        replies = len(content_stems(said) & content_stems(text)) >= _ANSWER_SHARED or yes_no
        return replies and _answers(self.blank, unit, answer, below=True)

    def _changes(self, unit: Span, text: str) -> set[str]:
        """The change nouns (:data:`CHANGE_NOUNS`) whose verb ``text`` holds ("moved": "move", "renamed": "renaming")
        and the text outside the claims names in neither form before ``unit``."""
        words = {w.lower() for w in _WORD.findall(text)}
        named = [w for w, first in self.first_word.items() if first < unit.start]
        return {
            noun
            for noun, verb in CHANGE_NOUNS.items()
            if words & _verb_forms(verb) and not (_verb_forms(verb) | {noun, noun + "s"}).intersection(named)
        }

    def _leans_on_last(self, unit: Span, sent: Span, text: str, elsewhere: bool = False) -> bool:
        """True when ``sent``, the sentence right after ``unit`` (whose text is ``text``), leans on it: it opens with
        a pronoun, a connective or a reaction, or, on the same line or as the reply of the next turn, it is a
        reaction of a few words ("Seriously?", "Can't believe it."), a short question about it ("Anyone know
        why?") or it contrasts with it anywhere ("We will instead ..."). One that opens with a person's pronoun
        whose person is named ``elsewhere`` (a claim after a unit that brings in no name) leans on nothing
        (:data:`PERSONAL`)."""
        said = without_label(self.blank, sent).text(self.blank)
        words, own = _opening(said), _opening(text)
        # a pronoun leans on where its referent is named: not on a unit that opens with a pronoun itself
        chained = bool(words and own) and words[0] in PRONOUNS and own[0] in PRONOUNS
        if words and words[0] in PERSONAL and elsewhere:
            return False
        if words and not chained and (words[0] in LEANING or " ".join(words[:3]).startswith(tuple(LEANING_PAIRS))):
            return True
        reply = opens_turn(self.blank, sent)
        if _DISMISSING.search(said):  # "He'll love it either way.", a paragraph on too
            return True
        found = [w.lower() for w in _WORD.findall(said)]
        if len(found) <= _ATTITUDE_WORDS and (_ATTITUDE.search(said) or _ASSENT.search(said)):  # "Others objected."
            return True
        asking = _ASKING_ABOUT_IT.match(said)
        if asking and asking.group(1).lower() != "it":  # "Why does that matter?", a paragraph on or asked next too
            return True
        if "\n" in self.blank[unit.end : sent.start] and not reply:  # a list's next item, a new paragraph
            return False
        if " ".join(words[:3]).startswith(REACTING_PAIRS):  # "Makes sense, ...", "of course he has"
            return True
        line = self.blank.rfind("\n", 0, sent.start) + 1
        if reply and speaker_name(self.blank[line : sent.end]) in _QUESTIONER:
            return False  # an interviewer's next question moves on
        if asking:  # "Was it a surprise?" on the line or in the reply
            return True
        if _pointing_back(said, text):  # "Staff were candid about it.", "so that's us"
            return True
        asked, pointing = QUESTION_END.search(said) is not None, not _POINTING.isdisjoint(found)
        if _REPLYING.match(said) and not asked:  # "Which, frankly, ...", not "Same-day tickets ..."
            return True
        # a short statement reacts when it points back or exclaims ("Can't believe it.", "Nobody told me!"), not
        # when it goes on ("Parking is free.", "We waited an hour.")
        reacts = pointing or said.rstrip(_CLOSERS).endswith(("!", "?"))
        # chat's "wait what", "Brutal.", not "Sorry I'm late." nor "Lunch?" nor a post's stamp ("**Today at 08:18**")
        unfinished = not said.rstrip(_CLOSERS).endswith((".", "?"))
        few = len(found) <= (_REPLY_WORDS if unfinished else 0 if asked else _REPLY_WORDS_FINISHED)
        # a figure of two digits or more echoes the claim's ("Only 134 lol"), not a chance "3" ("bus at 3")
        figures = _numbers(text)
        echoed = _FIGURE.sub(lambda m: "" if len(m.group()) > 1 and m.group() in figures else m.group(), said)
        stance = bool(words) and words[0] in _STANCE and (pointing or len(found) <= _REACTION_WORDS)
        if reply and ((few and not any(c.isdigit() for c in echoed)) or (words and words[0] in _REACTIONS) or stance):
            return True  # the next speaker's few words ("you're joking", "Only 134 lol") or reaction ("Ha. The ...")
        if reply:  # a short question about it ("Where is it now?") or echoing its words ("Dug out? Why?")
            echoing = content_stems(_WH_WORDS.sub(" ", said))
            echo = bool(echoing) and echoing <= content_stems(text)
            short = asked and (pointing or echo) and len(found) <= _REPLY_QUESTION_WORDS
        else:
            short = len(found) <= (_QUESTION_WORDS if asked else _REACTION_WORDS)
        return (short and reacts) or _CONTRAST.search(said) is not None

    def _asking(self, unit: Span, after: int) -> list[Span]:
        """The question right before ``unit`` when ``unit`` opens its answer: when the answer goes on after it and
        the claims right after it (from the sentence at ``after``: "Q: Did the cub stay? A: <unit> The adults went
        back too."), dropped, the rest would answer nothing; when it ends there, the question would be left
        unanswered, unless it goes with the answer (:func:`relocalize.spans.unanswered_question`: an FAQ's question
        and answer go together)."""
        question = self._question_of(unit)
        if question is None:
            return []
        end = unit.end
        while after < len(self.sentences) and self.claimed[after]:  # the claims dropped with it
            if "\n\n" in self.blank[end : self.sentences[after].start]:
                break
            end, after = max(end, self.sentences[after].end), after + 1
        if after < len(self.sentences) and not self.claimed[after]:
            rest = self.sentences[after]
            if "\n\n" not in self.blank[end : rest.start] and not opens_turn(self.blank, rest):
                return [question]
        # a whole answer: the question stays unanswered where the answer is its entry's or turn's, unless the
        # two go together; an answer a paragraph of its own may be one of several (a thread: "I went last summer.")
        own = "\n\n" not in self.blank[question.end : unit.start] or opens_turn(self.blank, unit)
        answer = dropped_region(self.blank, Span(unit.start, end))
        if reply_to_subject(self.blank, self.blank.rfind("\n", 0, question.start) + 1, answer):
            return []  # the thread's other replies still answer it
        return [question] if own and unanswered_question(self.blank, answer) is None else []

    def wh_question(self, unit: Span) -> str:
        """The wh-question ("When does it reopen?") on a line before ``unit`` whose answer ``unit`` opens, alone or
        after other claims on its line (an FAQ, an interview), or "": negated, the answer would answer nothing."""
        at = bisect_left(self.starts, unit.start) - 1
        while at >= 0 and self.sentences[at].end > unit.start:  # the unit's own line ("A: <unit>")
            at -= 1
        while at >= 0 and self.claimed[at] and "\n" not in self.blank[self.sentences[at].end : unit.start]:
            unit, at = self.sentences[at], at - 1  # "Why? <claim, dropped> <unit>": the answer opens before it
        question = self._question_of(unit)
        if question is None or "\n" not in self.blank[question.end : unit.start]:
            return ""  # in prose a question on the claim's line is rhetorical ("Why does it matter? It carried ...")
        text = without_label(self.blank, question).text(self.blank)
        return text if _WH_QUESTION.match(text) and QUESTION_END.search(text) else ""

    def _question_of(self, unit: Span) -> Span | None:
        """The question right before ``unit`` whose answer it opens (:meth:`_question_before`), or None."""
        at = bisect_left(self.starts, unit.start) - 1
        while at >= 0 and self.sentences[at].end > unit.start:  # the unit's own line ("A: <unit>")
            at -= 1
        return self._question_before(unit, at)

    def _question_before(self, unit: Span, at: int) -> Span | None:
        """The question ``unit`` answers, outside the claims: the sentence at ``at``, right before it, or, when
        ``unit`` opens a reply, the last question of the turn before ("Is the ferry still running? I go in June."); a
        question may be reported ("Members asked whether the outing would go ahead.")."""
        blank, reply = self.blank, opens_turn(self.blank, unit)
        while at >= 0 and not self.claimed[at]:
            sent = self.sentences[at]
            said = sent.text(blank)
            asked = QUESTION_END.search(said) or _REPORTED_QUESTION.search(said) or self._unmarked_question(sent)
            if asked and _answers(blank, sent, unit, below=True):
                return sent
            if not reply or opens_turn(blank, sent):
                return None
            at -= 1
        return None

    def _unmarked_question(self, sent: Span) -> bool:
        """True for a speaker's turn that asks without a question mark at its end ("[09:17] jo: when does it change",
        "ana: closed?? since when")."""
        said = without_label(self.blank, sent).text(self.blank)
        short = "?" in said and len(said.split()) <= _REACTION_WORDS
        return opens_turn(self.blank, sent) and (_UNMARKED_QUESTION.match(said) is not None or short)


def _alone(said: str, cited: re.Match[str]) -> bool:
    """True when the name ``cited`` in ``said`` stands alone, not as the last word of another name ("HC Davos said")."""
    if cited["name2"]:  # "said Hallam"
        return True
    before = said[: cited.start("name")].split()
    return not (before and before[-1][:1].isupper())


def _verb_forms(verb: str) -> set[str]:
    """The inflected forms of a regular ``verb`` ("move": moves, moved, moving; "ban": banned, banning)."""
    stem = verb[:-1] if verb.endswith("e") else verb
    doubled = verb + verb[-1] if len(verb) <= 4 and verb[-1] in "nlpt" and verb[-2] in "aeiou" else verb
    return {verb, verb + "s", verb + "es", stem + "ed", stem + "ing", doubled + "ed", doubled + "ing", verb + "d"}


def _pointing_back(said: str, unit: str) -> bool:
    """True when ``said`` has a pronoun that points at what ``unit`` says: "it" or "they" unless ``unit`` uses the
    same one (whose referent came before it) or it opens a clause after a definite phrase of ``said`` (its referent,
    likely); or a demonstrative standing alone ("about that.", "that's us"); or ends on an auxiliary whose verb
    phrase ``unit`` holds ("Of course they did.", "I doubt the council will."); or "did the same"; or ends on an
    adverb that stands for its time or case ("throughout", "since", "either")."""
    own = {_pronoun(m.group()) for m in _THIRD.finditer(unit)}
    said = _EXPLETIVE.sub(" ", said)
    for m in _THIRD.finditer(said):  # not a clause's subject after its referent ("The cafe is small, but it serves")
        own_referent = _CLAUSE_OPENING.search(said, 0, m.start()) and _DEFINITE_PHRASE.search(said, 0, m.start())
        if _pronoun(m.group()) not in own and not own_referent:
            return True
    return any(p.search(said) is not None for p in (_STANDING, _ELLIPSIS, _PROFORM, _TRAILING))


def _numbers(text: str) -> set[str]:
    """The figures of ``text`` ("19,000", "46")."""
    return {m.group() for m in _FIGURE.finditer(text)}


def _acronyms(text: str) -> dict[str, str]:
    """The acronyms ``text`` spells out, with the name each stands for: the initials of the capitalised words of any
    part of a name in it ("HLG": "Hybrid Log-Gamma", "CFP": "Coastal Flood Protocol" in "The Coastal Flood
    Protocol", "NMWA": "National Museum of Western Art")."""
    out: dict[str, str] = {}
    for run in _NAME_RUN.finditer(text):
        words = [w for w in _NAME_WORD.finditer(run.group()) if w.group()[0].isupper()]
        for i, j in combinations(range(len(words)), 2):
            name = run.group()[words[i].start() : words[j].end()]
            out.setdefault("".join(w.group()[0] for w in words[i : j + 1]), name)
    return out


def _pronoun(form: str) -> str:
    return _PRONOUN_FORMS.get(form.lower(), form.lower())


def _named(text: str) -> set[str]:
    """The words of ``text``, plurals as singulars, less figures and months ("the 2019 loans" names a loan)."""
    return {_singular(w) for w in content_words(text) if not w.isdigit() and not MONTH.match(w)}


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _overlapped(span: Span, ordered: list[Span], ends: list[int]) -> bool:
    """True when one of ``ordered`` (sorted spans that do not overlap each other; ``ends`` their ends) overlaps
    ``span``."""
    at = bisect_right(ends, span.start)
    return at < len(ordered) and ordered[at].start < span.end


def _answers(doc: str, question: Span, answer: Span | None, below: bool = False) -> bool:
    """True when ``answer`` reads as an answer to ``question``, claim or not: it goes on in the same paragraph,
    opens the next turn ("A: ...", "BEN: ...", a post under "u/kate wrote:") or, with ``below`` (asked of a claim
    right after the question), opens the next line or paragraph after a question that ends its line (an FAQ)."""
    if answer is None:
        return False
    between = doc[question.end : answer.start]
    faq = below and not between.strip() and between.count("\n") <= 2
    return "\n" not in between or opens_turn(doc, answer) or faq


def _opening(text: str) -> list[str]:
    """The first three words of ``text`` past any emoji ("😂 of course"), lower case, each without a contracted ending
    ("That's" -> "that")."""
    start = next((i for i, c in enumerate(text) if not (is_symbol(c) or c.isspace())), len(text))
    opening = _OPENING.match(text, start)
    words = opening.group(1).lower().replace(",", " ").replace("’", "'").split() if opening else []
    return [w.strip("'").split("'")[0] for w in words]


def blanked(doc: str, spans: list[Span]) -> str:
    """``doc`` with each of ``spans`` blanked out, every other offset as it was."""
    chars = list(doc)
    for span in spans:
        chars[span.start : span.end] = " " * (span.end - span.start)
    return "".join(chars)
