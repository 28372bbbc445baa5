"""Sentence-level openers: the negating fallback "It is not true that <clause>", and the stances
that move a framing into the sentence it governs ("In the story, <clause>")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lemminflect import getAllLemmas

from relocalize.detect.language import STOPWORDS, WORD
from relocalize.lexicon import (
    EPISTEMIC,
    FIRST_PERSON,
    HEDGES,
    INFERENCE,
    LEANING_PAIRS,
    NEGATORS,
    PREPOSITIONAL_PARTICIPLES,
)
from relocalize.rewrite.graph import Graph, Token
from relocalize.rewrite.registry import Refusal, named
from relocalize.rewrite.rules import (
    CONCEDING,
    FACTIVE,
    FACTIVE_VERBS,
    FINITE_TAGS,
    SUBJECTS,
    THING_ANAPHORS,
    check_announcement,
    check_answer,
    check_changed_thing,
    check_clauses,
    check_epistemic_frame,
    check_evaluation,
    check_event_nouns,
    check_focused_subject,
    check_hearsay,
    check_inverted,
    check_lead,
    check_noun_complement,
    check_participle,
    check_ranked_past,
    check_scope,
    check_sentence,
    concession,
    raising,
)

WRAPPER = "It is not true that "
QUOTES = frozenset("\"“‘'")
# Words before a dash or colon near the start of a line: a dateline or a label when none is in lower case.


@dataclass(frozen=True)
class Opener:
    """Words put before a sentence. The negating opener ("It is not true that ") makes the sentence
    a that-clause, so what it asserts outside its main clause falls outside the opener's scope; a
    stance ("In the story, ", "According to an unreliable source, ") is adverbial and covers the
    whole sentence, negative clauses and quotations included."""

    text: str
    kind: str = "negation"  # the framing kind it states (relocalize.detect.framing.KINDS)

    @property
    def negating(self) -> bool:
        return self.kind == "negation"


NEGATION = Opener(WRAPPER)


@named("wrapper")
def wrap(g: Graph, opener: Opener = NEGATION) -> str:
    """Put ``opener`` before a declarative clause; raise :class:`Refusal` for anything else.

    A leading conjunction or comma-marked connective stays in front of a stance ("Furthermore, in the story,
    ..."). Refused: what :func:`check_sentence` refuses, sentences in another language, lines without closing
    punctuation (headings, chat), opening with a dateline or label, or without one finite clause with a subject.
    The negating wrapper also refuses a sentence that opens with a connective ("But ..."), negative clauses,
    quotations, brackets, a leading hedge, a clausal subject and sentences whose claim it would not cover
    (:func:`check_scope`).
    """
    text = g.text
    check_sentence(g)
    words = [w.lower() for w in WORD.findall(text)]
    if len(words) >= 6 and not STOPWORDS.intersection(words):
        raise Refusal("not an English sentence (no English function word)")
    if not text.rstrip().rstrip("\"'”’)*_").endswith((".", "!")):
        raise Refusal("no closing punctuation: a heading, title or chat line")
    check_lead(text)
    roots = [t for t in g.roots() if t.upos != "PUNCT"]
    if len(roots) != 1 or roots[0].upos not in ("VERB", "AUX") or not g.children(roots[0], *SUBJECTS):
        raise Refusal("no declarative clause to wrap")
    root = roots[0]
    _check_verbless_lead(g, root)
    subject = g.children(root, *SUBJECTS)[0]
    if mark := next((c for c in g.children(root) if c.dep == "mark" or (c.tag == "WRB" and c.i < subject.i)), None):
        raise Refusal(f"a subordinate clause alone ({mark.text!r} ...): a fragment, no main clause to wrap")
    finite = root.tag in FINITE_TAGS or any(a.tag in FINITE_TAGS for a in g.children(root, "aux", "auxpass"))
    if not finite and root.tag != "VBN":  # a past tense the tagger read as a participle still counts
        raise Refusal("no finite clause to wrap")
    check_participle(g, root)
    if opener.negating:
        check_inverted(g, root)  # "It is not true that here lies the abbot"
    start = _after_connective(g)
    if start and opener.negating:  # "And it is not true that ..." reads as an aside (docs/review-guide.md)
        raise Refusal("opens with a discourse word ('And', 'In addition,'): no denial reads naturally after it")
    if opener.negating and not start and _discourse_adverb(g, INFERENCE):
        raise Refusal("opens with a word of inference: 'It is not true that therefore ...' is no one's sentence")
    alone = not start and not opener.negating and _discourse_adverb(g)  # "So when ...": the stance goes after it
    first = g.tokens[1 if alone else start]
    if opener.negating:
        _check_negatable(g, root, first)
        _check_fronted_participle(first, subject)
    else:
        _check_stance(g, first, opener)
    _check_late_subject(g, root, subject)
    _check_first_word_case(g, first)
    keep_case = (
        first.upos == "PROPN"
        or first.text == "I"
        or any(c.isupper() for c in first.text[1:])
        or _name(first)
        or _modal_name(g, first)
    )
    head = first.text if keep_case else first.text[:1].lower() + first.text[1:]
    lead = text[: first.idx]
    if not opener.negating and (
        (first.i == 2 and g.tokens[1].lower in _SEQUENCE) or alone
    ):  # "And then the bridge ..." -> "And then, in the story, the bridge ..."; "So, in the story, when ..."
        lead = lead.rstrip() + ", "
    words = opener.text[:1].lower() + opener.text[1:] if lead else opener.text
    return lead + words + head + text[first.end :]


@named("verbless_lead")
def _check_verbless_lead(g: Graph, root: Token) -> None:
    """ "Big news for cyclists: the council closed the tunnel": a lead with no verb before a colon is a label of
    the clause after it, and "It is not true that big news for cyclists: ..." is no sentence."""
    colon = next((t for t in g.tokens[: root.i] if t.text == ":"), None)
    if colon is not None and not any(_verbal(t) for t in g.tokens[: colon.i]):
        raise Refusal(f"a verbless lead before a colon ({g.text[: colon.idx]!r}): a label, no clause to deny")


_QUOTE_ENDS = frozenset({",", '"', "”", "’", "'"})


@named("late_subject")
def _check_late_subject(g: Graph, root: Token, subject: Token) -> None:
    """ "Heard it from the car park: four long blasts": a subject after its verb, with no auxiliary before it, is a
    fragment the parser read as a clause; "It is not true that heard it ..." is no sentence. A quotation's verb
    may come first ('"We left at dawn," said Ana'), and so may a fronted place's ("Among them was Ana")."""
    quoted = root.i > 0 and g.tokens[root.i - 1].text in _QUOTE_ENDS  # '"We left," said Ana': a quotation's verb
    inverted = any(c.i < root.i for c in g.children(root, "prep", "advmod"))  # "Among them was Ana"
    auxiliary = any(t.i < subject.i for t in g.children(root, "aux", "auxpass"))
    if subject.i > root.i and not (quoted or inverted or auxiliary):
        raise Refusal(f"the subject ({subject.text!r}) after its verb: a fragment, no clause to wrap")


@named("fronted_participle")
def _check_fronted_participle(first: Token, subject: Token) -> None:
    """ "Asked about neighbours, the spokesperson said ...", "Walking home, the keeper saw ...": a participle
    phrase before the subject; "It is not true that asked about neighbours, ..." is no sentence. One that opens a
    phrase as a preposition would ("Following the storm, ...") is no such phrase, nor is a participle of the subject
    ("Rising rents ...", "Trained volunteers ...")."""
    participle = first.tag in ("VBN", "VBG") and first.dep == "advcl" and first.lower not in PREPOSITIONAL_PARTICIPLES
    if participle and first.i < subject.i:
        raise Refusal(f"a participle ({first.text!r}) before the subject: 'It is not true that' cannot go before it")


@named("wrapper_clause")
def _check_negatable(g: Graph, root: Token, first: Token) -> None:
    """What "It is not true that" needs of a clause: no negation of its own, its claim within the
    that-clause's scope, a plain opening word, and no speaker as its subject ("I caught ...", "I can confirm that
    X")."""
    if any(t.lower in NEGATORS or t.dep == "neg" for t in g.tokens):
        raise Refusal("negative clause: wrapping it would double the negation")
    subjects = g.children(root, *SUBJECTS)
    for child in g.children(root):
        span = g.subtree(child)
        if subjects and span[-1].i < subjects[0].i and any(_clause(g, t) for t in span):
            raise Refusal("a fronted clause with its own verb reads as asserted before 'It is not true that'")
        if subjects and span[-1].i < subjects[0].i and concession(g, child):
            raise Refusal("a fronted concession ('Despite the rain, ...') reads as denied under 'It is not true that'")
        joined = child.dep == "parataxis" or (
            child.dep == "conj" and any(t.dep == "cc" or t.text in ",;:" for t in g.tokens[root.i + 1 : child.i])
        )
        if joined and _verbal(child) and g.children(child, *SUBJECTS):
            raise Refusal("a second clause with its own subject falls outside 'It is not true that'")
    _check_comma_clauses(g, root)
    _check_factive(g, root)
    _check_raising(g, root)
    check_epistemic_frame(g, root)
    check_hearsay(g, root)
    check_evaluation(g, root)
    check_focused_subject(g, root)
    check_scope(g, [root], wrapper=True)
    check_answer(g.text.strip())
    check_announcement(g.text.strip())
    check_clauses(g, root)
    check_event_nouns(g)
    check_noun_complement(g)
    check_changed_thing(g)
    check_ranked_past(g, root)
    if first.lower == "that":
        raise Refusal("clausal subject")
    if not first.text[:1].isalnum():
        raise Refusal("opens with a quotation or bracket")
    auxes = [t.lower for t in g.children(root, "aux")]
    if any(m in EPISTEMIC and (m == "might" or "have" in auxes) for m in auxes):  # "might last", "may have burned"
        raise Refusal("an epistemic modal under 'It is not true that' reads as no one's sentence")
    hedges = [t.text for t in g.tokens if t.lower in HEDGES]
    if hedges:  # "It is not true that the bridge reportedly cost ...": the report or the cost?
        raise Refusal(f"a hedge ({hedges[0]!r}) under 'It is not true that' leaves unclear what is denied")
    if any(t.lower in FIRST_PERSON for s in subjects for t in (s, *g.children(s, "conj"))):  # 11 of 15 rejected
        raise Refusal(
            "the speaker's own act or report ('I caught ...', 'I can confirm that X'): the wrapper has the"
            " speaker deny themself"
        )


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_NESTED = frozenset({"ccomp", "relcl", "acl", "advcl", "csubj", "pcomp"})
_CLAUSE_OPENERS = frozenset({"that", "which", "who", "whom", "whose", "where", "when", "whether", "if"})


@named("comma_clauses")
def _check_comma_clauses(g: Graph, root: Token) -> None:
    """ "The gardens carried on, and visitors were kind", "The firm is ending the print run, and the last copies
    ship in May": a comma and a coordinator before a second clause with its own subject, which the parser may have
    misread (a finite verb after the comma with a verb before it, or a noun coordinated with the verb) and which
    reads as asserted outside 'It is not true that'. A second verb of the same subject (", and will ...") or a
    second that-clause stays under it."""
    for cc in g.tokens[2:-1]:
        if cc.dep != "cc" or g.tokens[cc.i - 1].text not in (",", ";"):
            continue
        before, head, after = g.tokens[: cc.i - 1], g.tokens[cc.i + 1], g.tokens[cc.i + 2 :]
        later = any(t.tag in _FINITE and not _nested(g, t) for t in after)
        if head.lower in ("that", "whether", "if", "to") or (_verbal(head) and not later):
            continue  # a second that-clause; the subject's second verb (", and will also receive")
        finite = any(_verbal(t) for t in before) and later
        nominal = any(t.dep == "conj" and t.head == root.i and t.upos in ("NOUN", "PROPN") for t in (head, *after))
        if finite or (_verbal(root) and nominal):
            raise Refusal("a second clause after a comma and a coordinator reads as asserted outside the wrapper")


def _nested(g: Graph, t: Token) -> bool:
    """True for a verb (or its auxiliary) of a clause inside another that a word opens: a that-clause or a relative
    one ("..., and will say that sales were poor", "the boathouse that stood empty")."""
    verb = g.tokens[t.head] if t.dep in ("aux", "auxpass") else t
    return verb.dep in _NESTED and any(c.lower in _CLAUSE_OPENERS for c in g.children(verb))


@named("raising_frame")
def _check_raising(g: Graph, root: Token) -> None:
    """ "It turns out that X", "It emerged that X": under "It is not true that" the frame is denied, not X."""
    if raising(g, root) and g.children(root, "ccomp"):
        raise Refusal("'It turns out that X': the wrapper would deny the frame, not X")


@named("factive_frame")
def _check_factive(g: Graph, root: Token) -> None:
    """ "Everyone knows that X", "It is well known that X", "Officials admitted that X": the frame presupposes X,
    so "It is not true that" before it denies the knowing or the admitting and leaves X standing."""
    frames = [root, *g.children(root, "acomp", "attr")]
    factive = any(t.lemma.lower() in FACTIVE_VERBS | CONCEDING or t.lower in FACTIVE for t in frames)
    if factive and any(g.children(t, "ccomp") for t in frames):
        raise Refusal("a factive frame ('everyone knows that X') presupposes X: the wrapper would deny the frame")


@named("stance_clause")
def _check_stance(g: Graph, first: Token, opener: Opener) -> None:
    """What a stance ("In the story, ", "According to an unverified account, ") needs of a sentence: a
    plain opening word, no hedge of its own ("In the story, apparently ..." says it twice) and, for a
    source's stance, no speaker reporting in the first person outside a quotation ("According to an
    unverified account, I voted ..." doubts the speaker's own act; "In the story, we ..." is the story's
    narrator)."""
    if not (first.text[:1].isalnum() or first.text in QUOTES):
        raise Refusal("opens with a bracket")
    if hedge := next((t.text for t in g.tokens if t.lower in HEDGES), None):
        raise Refusal(f"a hedge ({hedge!r}) under a stance says it twice")
    if opener.kind == "fiction" or first.text in QUOTES:
        return
    if speaker := next((t.text for t in g.tokens if t.dep in SUBJECTS and t.lower in FIRST_PERSON), None):
        raise Refusal(f"the speaker's own report ({speaker!r} ...) under a source's stance")


@named("first_word_case")
def _check_first_word_case(g: Graph, first: Token) -> None:
    """The case of a capitalised first word after "It is not true that", where it is a guess: a plural the tagger
    took for a name, alone ("Acousticians were consulted", "Habsburgs ruled")."""
    after = g.tokens[first.i + 1] if first.i + 1 < len(g.tokens) else None
    if first.tag == "NNPS" and (after is None or after.upos != "PROPN"):
        raise Refusal(f"{first.text!r} may be a name or a noun: its case after the wrapper is a guess")


def _name(t: Token) -> bool:
    """True for a capitalised word the tagger took for a noun that is no English noun: a name ("Kew scientists
    confirmed ...", "Jenkins sold ..."), whose capital stays after "It is not true that"; not a word of a trade
    no lexicon lists ("Volcanologists mapped ...")."""
    unknown = t.upos == "NOUN" and t.text[:1].isupper() and not getAllLemmas(t.lower)
    return unknown and not _TRADE.search(t.lower)


def _modal_name(g: Graph, first: Token) -> bool:
    """True for a first name the tagger took for a modal ("Will Barker drove ...", "May Lewis won ..."): a capitalised
    modal before a name, in a sentence that asks nothing, where no modal could stand."""
    after = g.tokens[first.i + 1] if first.i + 1 < len(g.tokens) else None
    return first.tag == "MD" and after is not None and after.tag == "NNP" and not g.text.rstrip().endswith("?")


_TRADE = re.compile(r"(?:ists?|ians?)$")  # "volcanologists", "acousticians": people of a trade, not names


def _verbal(t: Token) -> bool:
    return t.upos in ("VERB", "AUX")


def _clause(g: Graph, t: Token) -> bool:
    """True for a verb with a subject or a subordinator of its own, or heading a relative clause."""
    return _verbal(t) and (bool(g.children(t, *SUBJECTS, "mark")) or t.dep == "relcl")


_CONNECTIVE_WORDS = frozenset({"ADV", "ADP", "PRON", "DET", "ADJ"})
_SEQUENCE = frozenset({"then", "so", "still", "now", "yet"})  # adverbs that go with a leading "And"/"But"
_ANAPHORS = THING_ANAPHORS | {"then", "which"}  # what a leading preposition may point back with


def _after_connective(g: Graph) -> int:
    """Index of the first token after a leading "But", "Furthermore,", a connective phrase ("In addition,"), an
    adverb phrase set off by a comma ("More importantly for us,", "Most surprisingly of all,") or a preposition with
    an anaphor ("Before that,", "Until then,"); 0 when there is none."""
    tokens = g.tokens
    words = [t.lower for t in tokens[:4]]
    for pair in LEANING_PAIRS:  # "In addition, ", "As a result, "
        n = len(pair.split())
        if words[:n] == pair.split() and len(tokens) > n + 2 and tokens[n].text == ",":
            return n + 1
    if len(tokens) > 2 and tokens[0].upos == "CCONJ" and tokens[0].dep == "cc":
        if len(tokens) > 3 and tokens[1].lower in _SEQUENCE:  # "And then, ...", "But still ..."
            return 3 if tokens[2].text == "," else 2
        return 1
    if len(tokens) > 3 and tokens[0].upos in ("ADV", "ADP"):
        comma = next((t.i for t in tokens[1:6] if t.text == ","), None)
        opening = tokens[1:comma] if comma is not None else []
        # a preposition opens one only with an anaphor: "Before that,", "Until then," (not "In 2019,")
        anaphoric = tokens[0].upos == "ADV" or any(t.lower in _ANAPHORS for t in opening)
        if comma is not None and anaphoric and all(t.upos in _CONNECTIVE_WORDS for t in opening):
            return comma + 1
    return 0


def _discourse_adverb(g: Graph, words: frozenset[str] = _SEQUENCE) -> bool:
    """True when the sentence opens with a lone discourse adverb of ``words`` on its main verb
    ("So when the ferry docked, ...", "Then the council voted ..."; not "So many people came")."""
    tokens = g.tokens
    if len(tokens) < 4 or tokens[0].lower not in words or tokens[0].dep != "advmod" or tokens[1].text == ",":
        return False
    head = tokens[tokens[0].head]
    return head.upos in ("VERB", "AUX") and head.head == head.i


# -- stances: the document's own framing, said inside the sentence -----------------------------
_WORK_NAMES = "screenplay|novella|novel|short story|monologue|radio play|play|poem|satire|fable|story"
_WORKS = re.compile(rf"\b({_WORK_NAMES})\b", re.IGNORECASE)
_FIGURE = re.compile(
    r"(?:\b(about|around|roughly|approximately|some|near|nearly)\s+(?:an?\s+)?|(~)\s*)?"
    r"(\d+(?:\.\d+)?\s*(?:%|percent\b|per cent\b)|\d+[- ]in[- ]\d+\b)",
    re.IGNORECASE,
)
_AN = re.compile(r"^(?:8|11|18)(?!\d)|^8\d(?!\d)")


def stance(kind: str, framing: str) -> Opener:
    """The opener that says ``kind`` of a sentence, in the framing's own terms where it names
    them: the kind of work ("In the novel, "), the probability ("According to an account given only
    about a 3% chance of being true, "). Raises ValueError for ``negation`` (negated, never
    localized) and unknown kinds."""
    if kind == "fiction":
        m = _WORKS.search(framing)
        return Opener(f"In the {m.group(1).lower() if m else 'story'}, ", kind)
    if kind == "unreliable":
        return Opener("According to an unreliable source, ", kind)
    if kind == "uncertainty":
        return Opener("According to an unverified account, ", kind)
    if kind == "low_probability":
        m = _FIGURE.search(framing)
        if m is None:
            return Opener("According to an account judged very unlikely, ", kind)
        approx = "about " if m.group(1) or m.group(2) else ""
        figure = " ".join(m.group(3).split())
        article = "an" if _AN.match(figure) else "a"
        return Opener(f"According to an account given only {approx}{article} {figure} chance of being true, ", kind)
    raise ValueError(f"no stance for framing kind {kind!r}")


# What this module puts before a sentence, after at most a few connective words ("And then, in the story, ").
_OWN_OPENER = re.compile(
    rf"^\W*(?:[A-Za-z]+,?\s+){{0,3}}?(?:it is not true that\s|in the (?:{_WORK_NAMES}),\s"
    r"|according to an (?:unreliable source|unverified account|account judged very unlikely"
    r"|account given only [^,]{1,60}),\s)",
    re.IGNORECASE,
)


def relocalized(text: str) -> bool:
    """True when ``text`` already holds one of the openers relocalize puts in (its own output, read again)."""
    return _OWN_OPENER.match(text) is not None
