"""Closed-class English words shared by the rewriter and the guards that check it."""

from __future__ import annotations

import re
from unicodedata import category, name

# Adverbs that hedge an assertion; a plain negation drops them ("reportedly won" -> "did not win").
HEDGES = frozenset(
    "reportedly allegedly apparently supposedly possibly probably perhaps maybe presumably seemingly".split()  # noqa: SIM905
)
# Adverbs that stress an assertion; a negation drops them too ("will indeed wish" -> "will not wish").
EMPHATICS = frozenset(
    "indeed certainly surely definitely undoubtedly clearly obviously truly actually essentially finally just even".split()  # noqa: SIM905, E501
)
# Adverbs that draw a claim from the one before it; under a negation the inference goes with the claim ("was
# therefore the last" -> "was not the last", not "was not therefore the last").
INFERENCE = frozenset("therefore thus hence consequently accordingly".split())  # noqa: SIM905
# A month's name or its abbreviation ("Sept.", "May").
MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?)"
)
MONTH = re.compile(MONTHS + r"\.?$", re.IGNORECASE)
# What dates a label ("June 2020 —", "Early spring:"): a figure, a month or a season.
TIME_WORD = re.compile(rf"\d|\b(?:{MONTHS}|spring|summer|autumn|fall|winter)\b", re.IGNORECASE)
# Modals read epistemically before "have" + participle ("may have won").
EPISTEMIC = frozenset({"may", "might", "must"})
# Numbers written as words, with their values.
_NUMBER_WORDS = "one two three four five six seven eight nine ten eleven twelve fifteen twenty"
NUMBER_WORDS = dict(zip(_NUMBER_WORDS.split(), [*range(1, 13), 15, 20]))
# Auxiliary verbs: they open a yes-no question before its subject ("Is it ...?") and end an elided verb phrase.
_AUXILIARIES = "is are was were be been being has have had will would can could may might must shall should do does did"
AUXILIARIES = frozenset(_AUXILIARIES.split())
# Words that negate the clause they stand in.
NEGATORS = frozenset(
    {"not", "n't", "n’t", "nt", "no", "never", "neither", "nor", "cannot", "none", "nobody", "nothing"}
)

# Verbs whose subject refuses or denies what they take ("The board refuses to sell", "Oslo firm denies buying ..."):
# a clause of one states the negation of what it names.
REFUSING = frozenset("refuse deny reject decline dismiss debunk disown disavow rebut".split())  # noqa: SIM905

# Third-person pronouns of a person: a person is often named all through a document, so a claim dropped before one
# rarely leaves it pointing at nothing.
PERSONAL = frozenset("he him his she her".split())  # noqa: SIM905
# Third-person pronouns: a sentence that opens with one leans on what named its referent.
PRONOUNS = frozenset("it its they them their".split()) | PERSONAL  # noqa: SIM905
# First-person subjects: the speaker's own act or report ("I caught ...", "We moved ...").
FIRST_PERSON = frozenset({"i", "we"})
# Demonstratives: they point back at a mention ("that vault", "Those savings are imaginary.").
DEMONSTRATIVES = frozenset("this that these those".split())  # noqa: SIM905
# Words that open a sentence leaning on the one before it: a pronoun or demonstrative ("It", "They", "This"), a
# connective ("But", "Meanwhile"), a reaction ("Wow", "Agreed"); and openers of more words ("Either way").
_LEANING = (
    "such but yet so however still though instead meanwhile also otherwise nevertheless"
    " nonetheless then later afterwards again besides moreover furthermore additionally similarly likewise"
    " therefore thus hence consequently accordingly and or nor plus wow whoa blimey oh ah huh haha lol yeah yep nope"
    " exactly agreed thanks others"
)
LEANING = PRONOUNS | DEMONSTRATIVES | frozenset(_LEANING.split())
# Nouns that name a change as one event, each with its verb ("The move drew criticism", "the renaming"): made known
# by "the" after a claim that holds the verb ("moved", "renamed"), they point back at that claim.
_CHANGE = (
    "change:change move:move switch:switch shift:shift redesign:redesign replacement:replace closure:close"
    " amendment:amend relocation:relocate removal:remove decision:decide announcement:announce reversal:reverse"
    " transfer:transfer upgrade:upgrade conversion:convert expansion:expand extension:extend cancellation:cancel"
    " suspension:suspend ban:ban launch:launch merger:merge renaming:rename introduction:introduce addition:add"
    " repeal:repeal retirement:retire overhaul:overhaul rebrand:rebrand restoration:restore"
)
CHANGE_NOUNS = dict(pair.split(":") for pair in _CHANGE.split())
# Openers that react to the sentence right before, in its paragraph or as the next turn's reply ("of course he has",
# "Makes sense, given the weather.", "No wonder the queue was short."); a new paragraph moves on.
REACTING_PAIRS = ("of course", "makes sense", "no wonder", "fair enough", "good to know")
# Participles that name a thing as damaged or repaired ("the cracked original", "the repaired crane"); those that
# open with "re" name it as made anew ("Rebuilt stalls were opened").
CHANGED_PARTICIPLES = frozenset(
    [
        "damaged",
        "cracked",
        "broken",
        "split",
        "dented",
        "shattered",
        "collapsed",
        "burnt",
        "burned",
        "destroyed",
        "repaired",
        "rebuilt",
        "restored",
        "replaced",
        "relocated",
        "renamed",
        "moved",
        "reopened",
        "refurbished",
        "renovated",
        "reinstalled",
        "recast",
        "reforged",
        "regilded",
    ]
)
# Modifiers that name a thing as the outcome of a change ("the new turf", "the replacement shoe"), as a participle does
# ("the cracked original").
CHANGED_STATES = frozenset({"new", "replacement"})
# Participles that open a phrase as a preposition would ("Following the storm, ...", "Starting in June, ..."): a
# wrapper may go before them.
_PREPOSITIONAL = "following starting beginning given including excluding regarding concerning considering according"
PREPOSITIONAL_PARTICIPLES = frozenset([*_PREPOSITIONAL.split(), "pending", "compared"])
# Verbs and adjectives of the weather, whose "it" names nothing ("It rained all weekend", "It was windy").
_WEATHER = "rain snow pour drizzle hail sleet thunder freeze sunny windy wet cold hot warm dry foggy misty stormy"
WEATHER = frozenset(_WEATHER.split())
# What reacting to an event is called, as a verb or as the noun of a subject ("Students reacted with shrugs", "The
# response was muted"): negated, the manner of the reaction goes, and the reaction, and the event, stay.
REACTING = frozenset("react respond welcome greet applaud cheer shrug grumble".split())  # noqa: SIM905
REACTIONS = frozenset("reaction response reception backlash outcry uproar".split())  # noqa: SIM905
# Words a short reply says yes or no with ("yes!! so sad", "nope, not that one").
YES_WORDS = ("yes", "yeah", "yep", "yup", "exactly", "agreed", "indeed", "true")
NO_WORDS = ("no", "nope", "nah")
# Openers that agree with the statement right before ("Agreed.", "So true!", "Can confirm."; as the next turn's reply
# also before more words: "Exactly, and ..."): negated or wrapped, that statement would have them agree with the
# denial.
AGREEING = (
    *YES_WORDS,
    "absolutely",
    "definitely",
    "correct",
    "totally",
    "so true",
    "i believe it",
    "can confirm",
    "+1",
)
# Words that open a statement leaning on the one right before it, in its paragraph or as the next turn's reply: a
# relative ("Which, frankly, surprised nobody.") or a comparison ("Same story at the castle."); a question ("Which
# ferry?") or a new paragraph moves on.
REPLYING = frozenset({"which", "same"})
# Attitudes a short sentence takes to what was just said, about nothing it names ("Others were less pleased.", "I'm
# unconvinced."), a paragraph on too.
_ATTITUDES = (
    "pleased displeased happy unhappy delighted thrilled convinced unconvinced impressed unimpressed sanguine sceptical"
    " skeptical surprised shocked upset relieved enthusiastic amused worried concerned furious angry disappointed"
    " excited"
)
ATTITUDES = frozenset(_ATTITUDES.split())
# Verbs that end a short sentence assenting to or dissenting from what was just said, with no object of their own
# ("Not every member agrees.", "Some staff objected.").
_ASSENTING = "agree agrees agreed disagree disagrees disagreed approve approves approved disapprove disapproves"
ASSENTING = frozenset(f"{_ASSENTING} disapproved objected concur concurs concurred".split())  # "object": a noun too
# Words that set a sentence against what came before whatever stands between, a paragraph break too ("He will love
# it either way.", "We went anyway.").
DISMISSING = (
    "even so",
    "either way",
    "in any case",
    "despite this",
    "despite that",
    "despite it",
    "all the same",
    "anyway",
    "anyhow",
)
# Words that set a sentence against the one before it wherever they stand ("We will instead begin at ...").
CONTRASTING = (
    "instead",
    "meanwhile",
    "nonetheless",
    "nevertheless",
    "on the other hand",
    *DISMISSING,
    # conceding or setting apart: "The shop still sells postcards.", "The garden itself is free."
    "still",
    "too",
    "itself",
    "themselves",
)
# Prepositions of place: what a claim names after one is where its event happens ("at the bakery"), not the event.
_PLACE = (
    "at in on off near by from to into onto outside inside across along around over under above below beyond behind"
    " beside between within through past toward towards"
)
PLACE_PREPOSITIONS = frozenset(_PLACE.split())
LEANING_PAIRS = frozenset(
    {
        "either way",
        "even so",
        "in the meantime",
        "as a result",
        "after that",
        "since then",
        "by then",
        "that said",
        "in addition",
        "in fact",
        "on top of that",
        "for example",
        "for instance",
        "in turn",
        # the ones who disagree with what was just said ("Others were less pleased.", "Not everyone agrees.")
        "not everyone",
        "not everybody",
    }
)


def _unicode_brackets() -> dict[str, str]:
    """Every opening bracket of Unicode whose closing one follows it ("⟦⟧", "⸢⸣", "（）"), primes aside."""
    out = {}
    for code in range(0x2000, 0x10000):
        char, after = chr(code), chr(code + 1)
        if category(char) == "Ps" and category(after) == "Pe" and "PRIME" not in name(char, ""):
            out[char] = after
    return out


# Arrows and angles that point forward, each with its mirror image: "▶ untrue: ... ◀", ">> invented ... <<".
MIRRORED_MARKS = dict(zip("▶▸►→⇒⟶»›>", "◀◂◄←⇐⟵«‹<", strict=True))
_MIRRORS = MIRRORED_MARKS | {back: forward for forward, back in MIRRORED_MARKS.items()}


def mirrored(marks: str) -> str:
    """A run of marks as it closes what it opened: reversed, each arrow turned ("▶▶" -> "◀◀", "/*" -> "*/")."""
    return "".join(_MIRRORS.get(c, c) for c in reversed(marks))


# Brackets an editor may set an annotation in, opening to closing.
# Guillemets both ways: "»untrue«" is how German and Danish print them.
BRACKETS = dict(zip("[({<«‹»›≪", "])}>»›«‹≫", strict=True)) | _unicode_brackets()


def _rule_marks() -> str:
    """Characters an editor repeats around a note as a rule or an arrow ("==>", "||", "⇒", "///", "~~")."""
    marks = {chr(c) for c in range(0x21, 0x3000) if category(chr(c)) in ("Sm", "So", "Sk", "Pd")}
    return "".join(sorted(marks | set("*/\\|#§•·_%※⁂⁑⁕¶‖‡†")))


RULE_MARKS = _rule_marks()
# Symbols one of which may set off a tag at the end of a chat message ("... in may ✘ bogus"): crosses and ticks,
# warnings, reference marks and arrows, and the emoji of refusal (beyond the rule marks' range), never a sign that
# belongs to its words ("™", "°", "№").
SYMBOL_MARKS = "✓✔✗✘✕✖❌❎⛔⚠☒☓※†‡⁂→⇒➔➜▶►▸◀◄◂←⇐🚫🛑🤥❗"
# Nouns whose "that" clause is their content, not a relative clause ("the rumour that the pier closed").
_CONTENT = (
    "rumour rumor claim report idea news fact belief suggestion story allegation notion assertion statement view hope"
    " fear theory impression word announcement evidence proof sign argument assumption"
)
CONTENT_NOUNS = frozenset(_CONTENT.split())
