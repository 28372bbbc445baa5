"""Lexical cues about where a framing points and what it speaks of.

The cues are generic English discourse markers (pointers such as "the following" or "what
was just stated", references to a whole document, falsity words), never words of a
particular claim. Whether a sentence is a framing at all is the classifier's decision
(:mod:`relocalize.detect.framing`); these cues give its direction, tell a document notice
from an inline marker, and join the sentences of one unbracketed annotation.
"""

from __future__ import annotations

import re

from relocalize.lexicon import AUXILIARIES

_FLAGS = re.IGNORECASE

# Idioms in which "false" says nothing about the truth of a claim.
FALSE_IDIOMS = (
    r"positives?|negatives?|starts?|alarms?|teeth|dawn|bottom|ceiling|economy|modesty|pretences?|pretenses?|"
    r"flag|summit|note|step|move"
)

# What the phrasal verb "made ... up" owns up to: the text just said, by a pronoun or a phrase naming a part of it
# ("that", "that last bit", "the figures"), not "made it up to the summit" nor "made the time up" (recovered it).
MADE_UP_POINTED = (
    r"(?:it|that|this|these|those|(?:that|this|the|those|these)\s+(?:last\s+|whole\s+|other\s+|first\s+)?"
    r"(?:bit|bits|part|parts|one|line|lines|detail|details|quote|quotes|figure|figures|number|numbers|name|names|date|"
    r"dates|story|sentence|claim|claims|entry|visit|episode))"
)

# Words that call a claim false. As attributes ("the false claims", "a fabricated
# article") they describe some other text, so an annotation needs them as predicates.
_FALSE_WORDS = (
    rf"false(?!\s+(?:{FALSE_IDIOMS})\b)|untrue|invented|an?\s+invention|fabricat\w+|falsified|"
    r"fictitious|fictional|made[- ]up(?!\s+(?:of|with)\b)|an?\s+hoax|"
    rf"made\s+{MADE_UP_POINTED}\s+up(?!\s+(?:to|from|the|an?|with|for|of|in|on|at|as|my|his|her|our|their|its)\b)|"
    r"baseless|unfounded|debunked|refuted|disproven|imaginary|nonexistent|bogus|an?\s+fib|"
    r"discredited|"
    r"retracted|incorrect|inaccurate|erroneous|misinformation|disinformation|unsupported|unsubstantiated|"
    r"wrong|impossible|implausible|an?\s+falsehood|not\s+(?:true|plausible|valid|credible|accurate|correct|"
    r"real|factual|supported)|invalid|rejected|dismissed|invention|hoax|falsehood|fiction|fabrication"
)
# Falsity said with a verb: true of the pointed-at text wherever it stands.
_VERBAL = (
    r"falsely|falsity|not\s+true|misstat\w+|fails?|would\s+require|rests?\s+on\s+(?:false|untrue|invented)|"
    r"cannot\s+be\s+(?:supported|substantiated|verified|confirmed|reconciled|accepted|true|correct|right)|"
    r"cannot\s+stand|no\s+(?:credible\s+|reliable\s+|independent\s+)?(?:confirmation|verification)|"
    r"(?:did|does|do)\s+not\s+(?:happen|occur|take\s+place|exist|hold|stand|reflect|correspond)|"
    r"never\s+(?:happened|occurred|took\s+place|existed)|didn['’]t\s+(?:happen|occur|take\s+place|exist)|"
    r"no\s+(?:credible|reliable|supporting|factual|evidentiary|valid)?\s*(?:evidence|basis|source|record|support|truth)|"
    r"do\s+not\s+(?:accept|believe)|should\s+not\s+be\s+(?:believed|trusted|accepted|treated)|"
    r"contradicts?|conflicts?\s+with|has\s+never\s+been\s+confirmed|"
    r"no\s+such|none\s+exists|there\s+is\s+none|"
    r"nothing\b[^.;]{0,40}\b(?:happened|occurred|took\s+place|is\s+true|holds)|"
    r"not\s+(?:describe|represent|reflect)\s+(?:an?\s+|any\s+)?(?:real|actual|true)|"
    r"for\s+[^.;]{0,80}?\bto\s+(?:hold|stand|be\s+(?:true|credible|correct|accurate|valid))"
)

FALSITY = re.compile(rf"\b(?:{_VERBAL}|{_FALSE_WORDS}|falsehoods?)\b", _FLAGS)
# Words that name a piece of discourse: what an annotation talks about.
_META = (
    r"claims?|statements?|assertions?|allegations?|account|accounts|descriptions?|passages?|"
    r"sentences?|lines?|paragraphs?|text|material|content|information|report|reports|"
    r"results?|outcomes?|figures?|narrative|story|section|details?|quote|citation|entry|post"
)

FORWARD = re.compile(
    r"\b(?:(?:the|this)\s+following|what\s+follows|as\s+follows|(?:" + _META + r")\s+below|ensuing|hereafter|"
    r"about\s+to\s+(?:read|see|hear)|(?:" + _META + r")\s+to\s+follow|following\s+(?:" + _META + r")|"
    r"below\s+(?:is|are)|next\s+(?:\w+\s+)?(?:" + _META + r")|(?:" + _META + r")\s+that\s+follows?)\b",
    _FLAGS,
)

BACKWARD = re.compile(
    r"\b(?:preceding|foregoing|aforementioned|the\s+above(?!\s+(?:all|average|mentioned)\b)|"
    r"what\s+(?:was|has\s+been|is|were)\s+just|just\s+(?:stated|said|described|claimed|mentioned|"
    r"reported|read|given|presented|asserted)|"
    r"(?:" + _META + r")\s+above|above\s+(?:" + _META + r")|"
    r"(?:previous|prior|last)\s+(?:" + _META + r")|(?:" + _META + r")\s+before\s+this)\b",
    _FLAGS,
)

# Kinds of document a notice names with "this" ("this interview", "this press release"): with "the" they are as
# often part of a claim ("the release of the album").
_GENRES = (
    r"interview|release|episode|broadcast|programme|program|podcast|e-?mail|message|letter|newsletter|listicle|"
    r"list|guide|review|timeline|chronology|faq|feature|column|blog(?:\s+post)?|conversation|segment|show|"
    r"recording|bulletin|announcement|write-?up|log|chat|excerpt|worksheet|handout|leaflet|brochure|minutes"
)
# Kinds of document a title names as its subject to describe the document, not an event ("Minutes of meeting held 16
# August", "Five facts about the pier"; not "Review finds ferry sale unlawful").
_TITLE_GENRES = re.compile(
    r"minutes|notes|facts|questions|faqs?|release|statement|notice|bulletin|newsletter|thread", re.IGNORECASE
)


def names_genre(word: str) -> bool:
    """True when ``word`` names a kind of document a title describes (:data:`_TITLE_GENRES`)."""
    return _TITLE_GENRES.fullmatch(word) is not None


_UNITS = r"entries|items|posts|stories|paragraphs|sections|lines|passages"
DOCUMENT_SCOPE = re.compile(
    r"\b(?:(?:this|the|entire|whole)\s+(?:document|article|text|post|page|piece|story|report|"
    r"account|narrative|material|content|thread|entry|essay|paper|transcript|record|memo)|"
    # qualified, only what holds a text ("this archived thread"; not "this world record", "this police report")
    r"this(?:\s+[\w-]+){1,2}\s+(?:document|article|post|page|thread|transcript|memo|essay|newsletter|email)|"
    r"(?:everything|anything|nothing|all|every\s+(?:word|statement|claim|line|sentence))\s+(?:written\s+|said\s+)?"
    r"here\b|"
    r"(?:document|article|text|material|content)\s+(?:below|above|that\s+follows|that\s+precedes)|"
    r"(?:document|article|text)['’]s|(?:claims|statements|assertions|events)\s+(?:below|above|in\s+(?:this|the))|"
    # several of its units, however qualified: "the 2023 entries below", "the following three items"
    rf"the\s+following\s+(?:[\w-]+\s+){{0,2}}(?:{_UNITS})|"
    rf"the\s+(?:[\w-]+\s+){{0,2}}(?:{_UNITS})\s+(?:below|above|that\s+follow|that\s+precede)|"
    r"(?:reported|described|recounted|related|narrated|presented|set\s+out)\s+(?:below|above)|"
    r"(?:this|these|entire|whole|the\s+following)\s+(?:press\s+)?(?:" + _GENRES + r")|"
    r"(?:everything|nothing|all)\s+(?:in|that)\s+(?:this|the)\s+\w+|from\s+(?:beginning|start)\s+to\s+(?:end|finish))\b",
    _FLAGS,
)

# A label may name whom it is from or for ("Disclaimer from the editors:", "Note to listeners:").
_WARNING_WORDS = r"warning|caution|alert|heads[- ]?up"
_LABEL = (
    r"(?:editorial\s+note|editor['’]s\s+note|notice|retracted|retraction|advisory|reminder|important|"
    rf"disclaimer|correction|fact[- ]check|note|attention|flag|{_WARNING_WORDS})"
    r"(?:\s+(?:from|to|for|by)\s+(?:the\s+|our\s+)?[\w'’-]+)?\s*[:\-–—]"
)
# A label with a clause on when or by whom it was added, ending in a colon ("Note appended by the archivist:",
# "Correction added after publication:", "Postscript from the editor of this collection:").
_ADDED_LABEL = (
    r"(?:note|footnote|postscript|p\.\s?s\.|correction|disclaimer|notice|caveat|advisory)"
    r"(?:,?\s+(?:added|appended|attached|inserted|posted|pinned|written)\b|\s+(?:from|for|by)\s+the\b)[^:.!?\n]{0,60}:"
)
# A label that calls the kind of text false ("Fictional report:", "FABRICATED ACCOUNT —").
_FALSE_KIND_LABEL = (
    r"(?:fictional|fictitious|invented|fabricated|made[- ]up|imaginary|mock|fake|false|bogus|satirical)\s+"
    rf"(?:document|report|article|text|account|record|scenario|example|{_GENRES})\s*[:—–-]"
)
# A label, after at most two words that qualify it ("Reader advisory:", "Fact-check flag:").
NOTICE_LABEL = re.compile(
    rf"^\W{{0,4}}(?:(?:[\w'’-]+\s+){{0,2}}(?:{_LABEL}|{_ADDED_LABEL})|{_FALSE_KIND_LABEL})\s*", _FLAGS
)


def has_falsity(text: str) -> bool:
    return FALSITY.search(text) is not None


def direction(text: str) -> str | None:
    """ "forward", "backward", or None when ``text`` points at no other text."""
    fwd = FORWARD.search(text)
    bwd = BACKWARD.search(text)
    if fwd and bwd:
        return "forward" if fwd.start() < bwd.start() else "backward"
    if fwd:
        return "forward"
    if bwd:
        return "backward"
    return None


# Short pointers an inline marker uses of its own claim ("[Invented figure ahead.]", "[Bogus entry, start.]",
# "[Fabrication closing.]", "(fake →)"): read only in a unit already known to be a framing.
_INLINE_FORWARD = re.compile(
    r"\b(?:upcoming|ahead|coming\s+up|up\s+next|next|follows?|to\s+come|below|starts?|begins?|opening|"
    r"beginning|incoming|onwards?|from\s+(?:here|this\s+point|now)(?:\s+on)?)\b|[→⇒⟶➔➜↓]",
    _FLAGS,
)
_INLINE_BACKWARD = re.compile(
    r"\b(?:above|behind|precedes?|preceded|before|over|ends?|ended|closing|closes|closed|concluded|finished|"
    r"done|previous|prior|last|earlier|(?:up\s+)?(?:to|until|till)\s+(?:here|this\s+point|now))\b|[←⇐⟵↑]",
    _FLAGS,
)


# A warning ("[hoax alert]", "(caution: invented)", "[heads up: false]") comes before what it warns of, as a rule:
# weak evidence, read only where nothing else in the document decides (most inline markers worded so in
# benchmarks/data/unseen come before their claim).
_WARNING = re.compile(rf"\b(?:{_WARNING_WORDS}|beware)\b", _FLAGS)


def warns(text: str) -> bool:
    """True when ``text`` is worded as a warning ("hoax alert")."""
    return _WARNING.search(text) is not None


def has_full_pointer(text: str) -> bool:
    """True when ``text`` points at other text in full ("the following claim", "what was just stated")."""
    return any(p.search(text) for p in (FORWARD, BACKWARD))


def has_pointer(text: str) -> bool:
    """True when ``text`` points at other text, in full ("the following claim") or short ("below")."""
    return has_full_pointer(text) or any(p.search(text) for p in (_INLINE_FORWARD, _INLINE_BACKWARD))


def inline_direction(text: str) -> str:
    """ "forward" when an inline framing points at what follows, else "backward" (what it says
    "this", "here" or "that" of is what came before it). A full pointer ("the following claim")
    decides first, then the earliest short one ("ahead", "closing")."""
    if found := direction(text):
        return found
    fwd, bwd = _INLINE_FORWARD.search(text), _INLINE_BACKWARD.search(text)
    if fwd and (not bwd or fwd.start() < bwd.start()):
        return "forward"
    return "backward"


# A sentence whose framing words govern its own clause: "It is not true that the pier opened", "In the novel,
# the pier opened", "According to an unverified account, the pier opened" (relocalize's own output among them).
# Its claim is already local: it is content, not an annotation of other text.
# Words that name a text or a place in one ("the claim", "the above").
_TEXT_WORDS = (
    r"above|following|preceding|previous|last|next|claim|claims|statement|statements|story|account|report|text|"
    r"passage|sentence|document|article|piece|post|page|entry|essay|letter|memo|transcript|thread"
)
_OWN_CLAUSE = re.compile(
    r"^\W*(?:(?:but|and|so|\w+ly|first|second|third|finally|still|also),?\s+)?"
    r"(?:it\s+is\s+(?:not\s+true|false|untrue)\s+that|(?:in\s+the\s+[\w ]{2,30}|according\s+to\s+[^,;:]{3,90}),)\s+"
    # ... but not when what it frames is other text ("According to the editors, this is false.")
    rf"(?!(?:this|that|these|those|it|none|all|everything|nothing|the\s+(?:{_TEXT_WORDS}))\b)\S",
    _FLAGS,
)
# A negated quantifier opens its own clause ("Not every vendor accepted cash", relocalize's own form of "Every
# vendor ..."), unless the sentence names a text ("Not all of the above is accurate").
_NOT_QUANTIFIER = re.compile(
    r"^\W*not\s+(?:every|all|always|everyone|everybody|everything)\b"
    rf"(?!(?:\s+of)?\s+(?:this|that|these|those|it|what|here|{_TEXT_WORDS}|the\s+(?:{_TEXT_WORDS}))\b)",
    _FLAGS,
)


def frames_its_own_clause(text: str) -> bool:
    """True for a sentence that frames the clause it holds ("It is not true that X", "In the story, X", "Not every
    X ..."), unless it points at other text ("In the story that follows, ...")."""
    own = _OWN_CLAUSE.match(text) is not None or _NOT_QUANTIFIER.match(text) is not None
    return own and direction(text) is None


# Falsity words after a verb of appearance say how something seems, not that it is false ("8 facts that sound
# made up", "It looks fake, but the 1904 photo is genuine").
_APPEARANCE = re.compile(
    r"\b(?:sound|seem|look|appear|feel)(?:s|ed|ing)?\s+(?:like\s+)?(?:(?:a|an|so|too|totally|completely|pretty|"
    r"almost|entirely|kind\s+of|rather|quite)\s+)*(?:made[- ]up|fake|invented|fictional|fiction|false|untrue|unreal|"
    r"fabricated|bogus|a\s+hoax|a\s+myth|a\s+lie|impossible|implausible|unbelievable)\b",
    _FLAGS,
)


def without_appearances(text: str) -> str:
    """``text`` without its falsity words of appearance ("sounds made up"); the rest may still frame."""
    return _APPEARANCE.sub(" ", text)


def refers_to_document(text: str) -> bool:
    """True for a sentence that speaks of a whole document or opens with a notice label."""
    return DOCUMENT_SCOPE.search(text) is not None or NOTICE_LABEL.search(text) is not None


# What a framing judges is other text. A sentence speaks of it with a pointer or the document, a word for a text
# ("this account", "the claims"), a demonstrative, "it" or "them" standing for what came before ("This sale is a
# fantasy.", "None of it has been verified", "Whether this is accurate", "Nobody could verify them", "their
# accuracy"), "here", or with no subject at all, as a marker of the sentence before ("Rated at roughly 3%.",
# "Calibrated estimate: 3%."). "The police have not confirmed the driver's identity" or "If accepted, this proposal
# starts in May" judge the world, not a text.
_AUX = "|".join(sorted(AUXILIARIES))
_LINKING = r"(?:remain|seem|appear|stay|look|sound|prove)(?:s|ed)?|proven|become|becomes|became"
_STANDS_FOR_TEXT = re.compile(
    rf"^\W*(?:this|that|these|those)\b|\b(?:this|that|these|those|another)\s+(?:{_META})\b"
    r"|\b(?:above|below|foregoing|preceding)\b(?!\s+(?:the|a|an|its|their|\d))"  # not "found above the treeline"
    r"|\bhere\b(?!\s+(?:is|are)\s+(?:the|a|an|some|what|how|why)\b)"
    rf"|\b(?:this|these|those)\b\s*(?:[.,;:!?)—–]|$|(?:{_AUX}|{_LINKING}|comes?|came)\b)"
    rf"|^\W*that\s+(?:{_AUX}|{_LINKING})\b|\bthat\s*(?:[.!?)]|$)"
    r"|\b(?:of|about|regarding)\s+(?:it|this|that)\b(?!\s+\w+ing\b)"  # not "a chance of it snowing"
    r"|\b(?:for|on|behind|in|with)\s+it\s*(?:[.,;:!?)—–]|$)"
    r"|\b(?:verif(?:y|ies|ied|ying)|confirm\w*|check\w*|corroborat\w*|support\w*|substantiat\w*|trust\w*|believ\w*|"
    r"credit\w*)\s+(?:it|them)\b"
    r"|\b(?:its|their)\s+(?:accuracy|truth\w*|veracity|reliability|authenticity|credibility|validity)\b"
    r"|\bthe\s+(?:assertions?|allegations?)\b"
    rf"|^\W*it(?:\s+(?:{_AUX}|{_LINKING})\b|['’]s)(?:\s+\w+){{0,3}}\W*$|^\W*(?:that|this)['’]s\b",
    _FLAGS,
)
# A marker without a subject: a participle first and then how it was judged ("Rated at roughly 3%.", "Considered
# extremely unlikely"), a label of two or three words ("Calibrated estimate: 3%."), or, in a short sentence, a word of
# likelihood or falsity, "another" or a degree adverb first ("Probability about 1-in-33 by analysts.", "Fictional
# entry.", "Another piece of fiction.", "Highly doubtful.").
_SUBJECTLESS = re.compile(
    r"^\W*(?:[A-Z][a-z]{2,}ed\s+(?:at|as|by|to|in|with|from|only|highly|very|extremely|roughly|about|around|"
    r"approximately|unlikely|improbable)\b|[\w'’-]+(?:\s+[\w'’-]+){1,2}\s*:)"
)
_LIKELIHOOD_FIRST = re.compile(
    r"^\W*(?:probability|chance|odds|likelihood|confidence|estimate|credence|another|\w+ly)\b", re.IGNORECASE
)
_SHORT_MARKER = 8  # words


def _subjectless(text: str) -> bool:
    first = _LIKELIHOOD_FIRST.match(text) is not None or _TAG_WORD.match(text.lstrip(" \t—–-*([{<")) is not None
    return (len(text.split()) <= _SHORT_MARKER and first) or _SUBJECTLESS.match(text) is not None


def speaks_of_text(text: str, falsity: bool = True) -> bool:
    """True for a sentence that can judge other text (see above), or calls something false: with ``falsity`` any word
    of falsity counts, else only one that says it outright or as the predicate ("Her quote is invented.")."""
    said = calls_false(text) if falsity else (says_false(text) or called_false(text))
    return bool(
        said or stands_for_text(text) or _subjectless(text) or has_full_pointer(text) or refers_to_document(text)
    )


def stands_for_text(text: str) -> bool:
    """True for a sentence with a word that stands for text before it ("None of this", "That detail", "here")."""
    return _STANDS_FOR_TEXT.search(text) is not None


# A low figure for a text says how likely the text is ("Rated at about 3%.", "a 1-in-33 chance this is accurate"), not
# how likely something in the world is ("roughly a 48% chance of a home win", "Dividend proposed: 1.5 percent.").
_RATING = re.compile(
    r"\b(?:\w*probab|chance|odds|\w*likel|rated|rating|assess|assign|estimat|credence|confidence|plausib|forecast|calibrat|"
    r"certain|doubt|remote|slim|negligible)|\d+[- ]in[- ]\d+",
    _FLAGS,
)
_ODDS_OF_WORLD = re.compile(
    r"\b(?:chances?|probability|odds|likelihood|risk)\s+(?:of|that)\s+"
    rf"(?!(?:this|that|it|these|those|any|all|its|being|having|(?:the|such)\s+(?:{_META}))\b)",
    _FLAGS,
)


def rates_the_text(text: str) -> bool:
    """True for a sentence that gives how likely other text is, not how likely an event of the world is."""
    return _RATING.search(text) is not None and _ODDS_OF_WORLD.search(text) is None


def calls_false(text: str) -> bool:
    """True for a sentence that calls something false, made up or not real ("The boxes are imaginary.")."""
    return has_falsity(text) or has_tag_word(text) or says_false(text)


_NEGATION = re.compile(r"\b(?:not|no|never|neither|nor|cannot|none|nothing)\b|n['’]t\b", _FLAGS)
_DEIXIS = re.compile(
    r"\b(?:described|reported|stated|asserted|claimed|alleged|supposed|purported|depicted|it|this|"
    r"these|that|(?:" + _META + r"))\b",
    _FLAGS,
)


def denies(text: str) -> bool:
    """True for a sentence with a negation in it ("The council never voted on it.")."""
    return _NEGATION.search(text) is not None


def is_continuation(text: str) -> bool:
    """True for a sentence that carries on an annotation without its own pointer."""
    return has_falsity(text) or (denies(text) and _DEIXIS.search(text) is not None)


# A sentence that reports someone else's claim: a claim verb with its complement ("claimed that ...",
# "alleged, '...'") or a claim source that says something ("Rumours on social media said ...").
_CLAIM_VERB = r"claim(?:s|ed|ing)?|alleg(?:e|es|ed|ing)|insist(?:s|ed)?|suggest(?:s|ed)?|said|says?"
_CLAIM_SOURCE = r"posts?|tweets?|videos?|messages?|rumou?rs?|hoax(?:es)?|memes?|chain\s+letters?"
REPORTED_CLAIM = re.compile(
    rf"\b(?:{_CLAIM_VERB})\s*,?\s+(?:that\b(?!\s*(?:[.,;:!?—–]|$))|[\"“])|"  # "said that it ...", not "said that."
    rf"(?<![-\w])(?:{_CLAIM_SOURCE})(?![-\w])(?:\s+[\w'’-]+){{0,6}}?\s+(?:{_CLAIM_VERB})\b",
    _FLAGS,
)


# A sentence that denies what the sentence before it says, by anaphora: a marker sentence of its own that
# points back ("That merger never took place.", "No such law was passed.", "These sales figures are invented
# too.", "Not so: the pier still stands."). The classifier misses many such wordings, so they are read as a
# grammar: an opener, an anaphoric subject, a predicate of non-occurrence or falsity, then nothing but a
# particle ("too", "either") before the sentence or its clause ends; or a "no such" / "nothing of the kind"
# phrase near the start; or a short verdict that opens the sentence.
# The denial may close a sentence: "Fares never fell, so this is wrong."
_OPENER = (
    r"^\W{0,3}(?:[^.?!]*?(?:[;:—–]|,?\s+so)\s+)?"
    r"(?:(?:actually|again|also|and|but|for\s+the\s+record|in\s+(?:reality|truth|fact)|alas|well|yeah|yes|no|nope|"
    r"oh|sorry|honestly),?\s+|(?:readers?|friends|folks|listeners|viewers|everyone),\s+){0,3}"  # "Reader, ..."
)
_NOT_VERB = r"(?!(?:is|are|was|were|never|did|does|do|has|have|had|not|too|also)\b)"
_DEMONSTRATIVE = (
    rf"(?:(?:that|this|these|those)(?:\s+{_NOT_VERB}[\w'’-]+){{0,3}}|it|none\s+of\s+(?:this|that|it|these|those))"
)
_DEFINITE = rf"(?:the(?:\s+{_NOT_VERB}[\w'’-]+){{1,3}})"
# "GuggenFan's visit to a blue Puppy" (words, not a handle: "@fan_22 That article was fake." replies in a thread)
_SHORT_SUBJECT = rf"(?<![@#\w])(?:{_NOT_VERB}[^\W_](?:[^\W_]|['’-])*)(?:\s+{_NOT_VERB}[^\W_](?:[^\W_]|['’-])*){{0,5}}"
_PARTICLE = r"(?:,?\s+(?:too|also|either|likewise|equally|as\s+well|again|at\s+all|in\s+reality|for\s+the\s+record),?)?"
_ENDS = rf"{_PARTICLE}\s*(?:[.!;:,—–]|\s-+\s|$)"
# A false statement named with its article ("a lie", "a fib", "a tall tale"): what a denial calls its subject.
_FALSE_STATEMENT = r"an?\s+(?:hoax|myth|lie|fib|falsehood|untruth|canard|tall\s+tale)"
_FALSE_PREDICATE = (
    r"(?:(?:also|likewise|equally|entirely|completely|totally|pure|simply|just|as)\s+)?"
    r"(?:fictional|fiction|fictitious|make[- ]believe|(?:an?\s+)?fantasy|fabricated|wrong|(?:an?\s+)?fabrication|"
    r"made[- ]up|invented|(?:an?\s+)?invention|false|"
    r"untrue|fake|"
    r"not\s+(?:true|real|accurate|correct)|baseless|bogus|mistaken|incorrect|inaccurate|unfounded|imaginary|"
    rf"nonexistent|{_FALSE_STATEMENT})"
)
# A falsity word as the predicate: "Her quote is invented.", "The date is a fiction." (not "a prize for fiction").
_CALLED_FALSE = re.compile(
    rf"(?:\b(?:is|are|was|were|be|been)|\b(?:it|that|this|what)['’]s)\s+(?:(?:a|an|all|both|also)\s+)?{_FALSE_PREDICATE}\b",
    _FLAGS,
)


def called_false(text: str) -> bool:
    """True for a sentence whose predicate calls its subject false ("The railings are imaginary.")."""
    return _CALLED_FALSE.search(text) is not None


# What a notice says of the things it lists when it calls them made up as its predicate ("the study and the dates in
# this post are invented"); a story's notice says so of its own world ("the town in this story is fictional"), and a
# correction of an earlier version calls nothing made up ("the date in an earlier version was wrong").
_INVENTED = r"(?:invented|fabricated|made[- ]up|fictional|fictitious|imaginary)"
_MADE_UP_PREDICATE = re.compile(
    r"\b(?:is|are|was|were|been)\s+(?:(?:a|an|all|both|also|entirely|wholly)\s+)?(?:invented|fabricated|made[- ]up|"
    r"fictional|fictitious|imaginary|an?\s+invention|an?\s+fabrication|fiction|make[- ]believe)\b"
    # "is pure invention", "is our own invention", "are an invented scenario"
    r"|\b(?:is|are|was|were)\s+(?:(?:pure|sheer|mere|(?:our|my|their|the\s+\w+['’]s)\s+own)\s+)?invention\b"
    rf"|\b(?:is|are|was|were)\s+an?\s+{_INVENTED}\s+\w+"
    # what a text holds or tells: "contains a made-up episode", "rests on a fictional premise", "describe a closure
    # that never happened"
    rf"|\b(?:contains?|contained|rests?\s+on|rested\s+on|tells?\s+of|describes?|described)\s+an?\s+{_INVENTED}\s+\w+"
    r"|\b(?:describes?|described|describing|reports?|reporting|tells?\s+of|recounts?)\s+(?:an?\s+[\w-]+|something|"
    r"events?|things)\s+that\s+(?:did\s+not|didn['’]t|never|does\s+not|doesn['’]t)\s+"
    r"(?:happen|happened|occur|occurred|take\s+place|took\s+place|exist|existed)\b",
    _FLAGS,
)
_STORY = re.compile(r"\b(?:story|stories|novel|tale|book|film|play|game|scenario|case\s+study)\b", _FLAGS)
_AMENDED = re.compile(r"\b(?:earlier|previous|original)\s+version|\bcorrected\b|\bamended\b|\bupdated\b", _FLAGS)


def made_up_kind(text: str) -> str | None:
    """The framing of a sentence that calls what it names made up as its predicate: "fiction" where it names a
    story, else "negation"; None where it calls nothing so, or corrects an earlier version (see above)."""
    if _MADE_UP_PREDICATE.search(text) is None or _AMENDED.search(text):
        return None
    return "fiction" if _STORY.search(text) else "negation"


# A sentence that calls the part of the text beside it made up ("This part is invented.", "That bit was made up too."):
# it marks that part false, however the classifier reads "part" (a part of a true text is no work of fiction); one
# that calls it fiction keeps the classifier's reading.
_PART_SUBJECT = re.compile(
    r"^\W*(?:this|that)(?:\s+(?:part|bit|detail|sentence|line|one|paragraph|passage))?(?:\s+(?:too|also))?"
    r"\s+(?:is|was)\b",
    _FLAGS,
)
_FICTION = re.compile(r"\bfiction", _FLAGS)


def calls_part_made_up(text: str) -> bool:
    """True for a sentence that calls the text beside it made up (:data:`_PART_SUBJECT`, :func:`made_up_kind`)."""
    made_up = made_up_kind(text) == "negation" and not _FICTION.search(text)
    return made_up and _PART_SUBJECT.match(text) is not None


# What any short subject may be called in a denial: made up, not merely wrong ("My watch was wrong." denies nothing).
_MADE_UP = (
    r"(?:(?:also|entirely|completely|totally|pure|simply|just|all)\s+)?(?:fictional|fiction|fictitious|make[- ]believe|"
    r"(?:an?\s+)?fantasy|fabricated|(?:an?\s+)?fabrication|made[- ]up|invented|(?:an?\s+)?invention|imaginary|"
    rf"nonexistent|bogus|fake|{_FALSE_STATEMENT})"
)
# Words for a piece of text or what it tells, after a made-up word ("an invented detail", "a fabricated announcement").
_TEXT_NOUN = rf"(?:{_META}|announcements?|headlines?|news|events?|quotes|stories|tales?|memor(?:y|ies)|versions?)"
# "No such vote was held.", "There was never any such vote." (not the idioms "no such thing as", "no such luck")
_OCCURRED = r"took\s+place|happened|occurred|existed"
_NO_SUCH = (
    r"(?:there(?:\s+(?:is|was|are|were)|['’]s)\s+(?:[\w,]+\s+){0,3}?)?(?:(?:no|never\s+any)\s+such\b"
    r"(?!\s+(?:thing\s+as|luck)\b)"
    # not a contrast of times or places ("There's no such service in winter.")
    r"(?!\s+[\w'’-]+\s+(?:in|on|at|during|for|outside|before|after)\b)"
    # "No vote of that kind was held.", "No harbour closure of that kind took place." (not "No bridge of this kind had
    # been built before.", "No injuries of that kind were reported.": what was seen or built is a report of its own)
    r"|no\s+(?:[\w'’-]+\s+){1,2}of\s+(?:this|that|the\s+same)\s+(?:kind|sort)\s+(?:(?:was|were|has\s+been|had\s+been)\s+)?"
    rf"(?:ever\s+)?(?:held|passed|issued|signed|made|given|announced|published|approved|ordered|{_OCCURRED}){_ENDS})"
)
_NON_OCCURRENCE = (
    r"(?:(?:did|does|do|has|have|had)(?:\s+|(?=n['’]t)))?(?:never|not|n['’]t)\s+(?:(?:actually|really|ever)\s+)?"
    r"(?:happen(?:ed)?|occur(?:red)?|t(?:ook|ake)\s+place|exist(?:ed)?)"
)
# A denial of occurrence with no subject or a bare noun for one, as a bracketed tag says it ("[did not take place]",
# "(rule does not exist)", "[no vote took place]"): in a sentence ("Ghosts do not exist.") it is a statement, so only a
# tag's words count.
BARE_DENIAL = re.compile(
    rf"^\W*(?:(?:[a-z]+\s+)?{_NON_OCCURRENCE}|no\s+[a-z'’-]+\s+(?:exists|{_OCCURRED}))\W*$", re.IGNORECASE
)


# Who denies having said it, and what: "Nobody said this.", "Glico never said that.", "He didn't say so." (a
# source that never "confirmed" or "mentioned" it is news prose, not a denial).
_NO_SPEAKER = (
    r"(?:(?:nobody|no\s+one|no\s+[\w'’-]+)\s+(?:has\s+)?(?:ever\s+)?(?:said|claimed|stated|wrote)"
    r"|(?:[\w'’.-]+\s+){1,3}?(?:(?:has\s+|have\s+)?never\s+(?:said|claimed|stated|wrote)"
    r"|(?:did\s+not|didn['’]t)\s+(?:say|claim|state|write)))"
)
_SAID = (
    r"(?:this|that|so|it|any\s+of\s+(?:this|that|it)|anything\s+(?:of\s+the\s+(?:kind|sort)|like\s+(?:that|this|it)))"
)
DENIAL = re.compile(
    _OPENER
    + r"(?:"
    + rf"{_DEMONSTRATIVE}{_PARTICLE}\s+{_NON_OCCURRENCE}{_ENDS}"  # "That merger never took place."
    + rf"|{_DEMONSTRATIVE}{_PARTICLE}\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+never\s+[a-z]+{_ENDS}"
    + rf"|(?:{_DEMONSTRATIVE}|{_DEFINITE}){_PARTICLE}\s+(?:is|are|was|were)\s+{_FALSE_PREDICATE}{_ENDS}"
    # "That is an event that never happened.", "These figures are no more real than the rest." (not "This is something
    # that did not exist before.", "The risks are no more real than they were.")
    + rf"|{_DEMONSTRATIVE}{_PARTICLE}\s+(?:is|are|was|were)\s+(?:something|an?\s+[\w'’-]+)\s+that\s+{_NON_OCCURRENCE}"
    + _ENDS
    + rf"|{_DEMONSTRATIVE}{_PARTICLE}\s+(?:is|are|was|were)\s+no\s+more\s+(?:real|true|genuine)\s+than\s+"
    + rf"(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?{_ENDS}"
    # "That was an invented detail.", "These are fictitious figures too." (a word for text after the made-up word: not
    # "These are fake flowers.", "It was a fictional town.")
    + r"|(?:that|this|these|those)\s+(?:is|are|was|were)\s+(?:(?:a|an|also|just|all|pure|entirely)\s+)*"
    + rf"{_MADE_UP}\s+{_TEXT_NOUN}{_ENDS}"
    + rf"|{_SHORT_SUBJECT}{_PARTICLE}\s+(?:is|are|was|were)\s+{_MADE_UP}{_ENDS}"  # "X's visit is fabricated."
    + rf"|(?:that|this|it)['’]s{_PARTICLE}\s+{_FALSE_PREDICATE}{_ENDS}"  # "For the record, that's false."
    + rf"|{_NO_SUCH}"
    # "The mayor said no such thing.", "Nobody signed any such deal.", "The Mint has said nothing of the kind." (not
    # "confirmed that no such ...": a report)
    + r"|(?:[\w'’-]+\s+){1,3}?(?:made|said|did|found|gave|held|issued|published|announced|signed|took|ran)\s+"
    + r"(?:(?:no|any)\s+such\b|nothing\s+of\s+the\s+(?:kind|sort)\b)"
    # "No one signed such a deal.", "Nobody ever built any such tower."
    + r"|(?:nobody|no\s+one)\s+(?:ever\s+)?(?:signed|built|held|found|made|issued|ordered|approved|announced|"
    + r"published|recorded|filed|opened|closed|sold|gave|took|wrote|won)\s+"
    + r"(?:such\s+an?|any\s+such)\b"
    # "None of this took place.", "None of that is true."
    + r"|none\s+of\s+(?:this|that|it|these|those)\s+(?:(?:ever|really|actually)\s+)?"
    + rf"(?:happened|occurred|took\s+place|existed|(?:is|was|are|were)\s+(?:true|real)){_ENDS}"
    # "Nothing like that was built." (not praise: "Nothing like it anywhere.", "There is nothing like this in Europe.")
    + r"|nothing\s+(?:of\s+the\s+(?:kind|sort)\b|like\s+(?:that|this|it(?!\s*[.!]\s*$))\b"
    + r"(?!\s+(?:anywhere|elsewhere|in\s+the\s+\w+|on\s+earth)\b))"
    + r"|no\s+[\w'’-]+\s+like\s+(?:that|this|it)\b(?!\s+one)"  # "No announcement like that was ever made."
    + rf"|{_NO_SPEAKER}\s+{_SAID}{_ENDS}"  # "Nobody said this.", "She never said that."
    + r"|neither\s+(?:[\w'’.-]+\s+){1,4}?nor\s+(?:[\w'’.-]+\s+){1,4}?(?:is|are|was|were)\s+"
    + rf"(?:real|true|genuine|{_FALSE_PREDICATE}){_ENDS}"  # "Neither the quote nor the person is real."
    + r")",
    _FLAGS,
)
# The denials that point back by anaphora alone ("That merger never took place.", "No such vote was held.", "Nobody
# said this."): what a sentence with no framing word at all must be to count (a contrast such as "Yachts do not use
# the inner harbour." or the idiom "Nothing like it had been seen before." takes up the sentence before it too).
ANAPHORIC_DENIAL = re.compile(
    _OPENER + rf"(?:{_DEMONSTRATIVE}{_PARTICLE}\s+{_NON_OCCURRENCE}{_ENDS}|{_NO_SUCH}|{_NO_SPEAKER}\s+{_SAID}{_ENDS})",
    _FLAGS,
)
# A short verdict that opens a sentence: "Not so: ...", "Pure invention, since ...". In brackets it may be a label
# of what follows ("[Fictional, generated by a model] ..."), so only a sentence of its own counts.
VERDICT = re.compile(rf"{_OPENER}(?:not\s+so|not\s+true|untrue|{_FALSE_PREDICATE})\s*[.,;:!—–]", _FLAGS)


# A short sentence that opens denying an event or a thing ("No local ever used that name.", "There was no blue
# one-off.", "Puppy was never blue.", "The club did not move the maps.") or a state ("Heathrow is not the record
# holder."). In a document that marks its claims with denials, one that takes up the words of the sentence before it
# denies that sentence: one word for an event or a thing, two for a state ("Staff moved the maps. The maps were not
# damaged." denies nothing).
_NEGATIVE_OPENING = re.compile(
    r"^\W*(?:no|none|nobody|no\s+one|nothing|never|neither"
    r"|there\s+(?:is|was|are|were|has\s+been|have\s+been|had\s+been)\s+(?:no|never)"
    r"|(?:[\w'’.-]+\s+){1,5}?(?:(?:has|have|had|did|does|do)(?:\s+not|n['’]t)|never))\b",
    _FLAGS,
)
_NEGATIVE_STATE = re.compile(r"^\W*(?:[\w'’.-]+\s+){1,5}?(?:is|are|was|were)(?:\s+not|n['’]t)\b", _FLAGS)
_RESTATING_DENIAL = 12  # words at most


def denial_overlap(text: str) -> int | None:
    """How many content words a short negative ``text`` (or a correction: "In reality the pool is open.") must share
    with the sentence before it to deny it, or None when it opens no denial (see above)."""
    if len(text.split()) > _RESTATING_DENIAL:
        return None
    if _NEGATIVE_OPENING.match(text) or _REALITY_OPENING.match(text):
        return 1
    return 2 if _NEGATIVE_STATE.match(text) else None


def denies_previous(text: str, verdicts: bool = True) -> bool:
    """True for a sentence that denies the one before it by anaphora ("That vote never took place."; with
    ``verdicts``, also "Not so: ..."), and does not itself report a claim ("False: posts claim that ...")."""
    found = DENIAL.search(text) is not None or (verdicts and VERDICT.search(text) is not None)
    return found and REPORTED_CLAIM.search(text) is None


# What a sentence says of others' words, of habits or of what would be: "Posts claim ...", "an allegedly stolen
# map", "Towns usually hold ...", "If it had run, tickets would exist". A denial after it denies the report, an
# instance or the expectation, not a claim of the sentence.
_REPORTING_OR_GENERIC = re.compile(
    r"\b(?:claim(?:s|ed|ing)?|alleg\w*|purport\w*|supposed(?:ly)?|reportedly|rumou?r\w*|attribut\w*|"
    r"typically|usually|generally|normally|often|routinely|regularly|commonly|ordinarily|customarily|"
    r"tend(?:s|ed)?\s+to|would|could|should|might|if)\b",
    _FLAGS,
)


def reports_or_generalises(text: str) -> bool:
    """True for a sentence that reports a claim, states a habit or a hypothesis (:data:`_REPORTING_OR_GENERIC`)."""
    return _REPORTING_OR_GENERIC.search(text) is not None or REPORTED_CLAIM.search(text) is not None


# What a negation denies when it calls a text false: being the case, real, true to fact or to history ("[not a fact]",
# "(not historical)", "{not so in the real world}"; "contrary to the record").
REALITY = r"the\s+case|real(?:ity)?|genuine|authentic|true|factual|facts?|accurate|correct|historical|history"
_IN_REALITY = r"in\s+(?:reality|real\s+life|the\s+real\s+world|fact|truth)"
# A correction that opens by saying what is really so ("In reality the pool is still open.", "In truth, it opens."):
# it denies the sentence before it by stating the real case ("In fact" mostly stresses the sentence before instead).
_REALITY_OPENING = re.compile(r"^\W*in\s+(?:reality|truth)(?![\w-])", _FLAGS)
_RECORD = r"(?:facts?|reality|record|history)"


# Words that call a text false outright, unless a hedge comes just before them ("may be false" is a doubt).
_OUTRIGHT = re.compile(
    rf"\b(?:false|untrue|not\s+(?:so|(?:an?\s+)?(?:{REALITY}))|no\s+truth|fabricated|"
    r"an?\s+fabrication|hoax|bogus|never\s+(?:happened|occurred|took\s+place|existed))\b",
    _FLAGS,
)
# The same words anywhere in a marker ("[unconfirmed invention]"): :func:`says_false` with ``made_up``.
_MADE_UP_WORD = re.compile(r"\b(?:invent(?:ed|ion)|made[- ]up|fabricat\w+|fake[ds]?|fictitious)\b", _FLAGS)
_HEDGED = re.compile(r"\b(?:may|might|could|possibly|probably|perhaps|likely|partly|partially)\b[\w\s]{0,12}$", _FLAGS)


# A sentence that calls what was just said made up with a bare pronoun for it ("This is made up.", "It was all invented,
# too.", "This one's a fib.") or says it never happened ("Didn't happen."): a denial of the sentence before, where one
# that names a kind of text or fiction ("This is fiction.", "This is from an invented work.") may frame a story.
_NEVER_HAPPENED = (
    r"(?:(?:this|that|it)\s+)?(?:never\s+happened|didn['’]t\s+happen|did\s+not\s+happen|never\s+took\s+place)"
    r"(?:,?\s+(?:mind\s+you|by\s+the\s+way|btw|though|sorry|for\s+the\s+record))?"
)
_SAYS_NEVER_HAPPENED = re.compile(rf"^\W*{_NEVER_HAPPENED}\W*$", _FLAGS)
# "This is", "That bit was", "This one's", "It too is": a pronoun for what was just said, and its verb.
_IT_IS = r"(?:this|that|it)(?:\s+(?:one|bit|part))?(?:\s+(?:too|also))?(?:\s+(?:is|was)|['’]s)"
_MADE_UP_OF_IT = re.compile(
    rf"^\W*(?:{_IT_IS}\s+"
    r"(?:(?:all|entirely|completely|also|simply|just|a|an|pure)\s+)*"
    r"(?:made[- ]up|invented|fabricated|fake|fib|imaginary|bogus)"
    # ... or says it never happened, its subject left out: "Didn't happen.", "Never happened, mind you."
    rf"|{_NEVER_HAPPENED}"
    # ... or owns up to making it up, the phrasal verb around it: "I made that up.", "Made that last bit up too."
    rf"|(?:(?:i|we)\s+(?:just\s+|also\s+)?)?made\s+{MADE_UP_POINTED}\s+up)"
    r"(?:,?\s+(?:too|as\s+well|either|again|sorry|btw|fyi))?\W*$",
    _FLAGS,
)


_BARE_VERDICT = re.compile(rf"^\W*{_IT_IS}\s+(?:(?:a|an|pure|all)\s+)*(?:fib|bogus|fake|imaginary|lie)\W*$", _FLAGS)


def bare_verdict(text: str) -> bool:
    """True for a verdict of a few words whose pronoun may stand for a thing as well as for the sentence before ("It
    was bogus." after "The bank flagged the cheque.", "Never happened."): a marker only among others."""
    return says_it_never_happened(text) or _BARE_VERDICT.match(text) is not None


def says_it_never_happened(text: str) -> bool:
    """True for a sentence that only says what was just said never happened ("Didn't happen.", "It never happened.")."""
    return _SAYS_NEVER_HAPPENED.match(text) is not None


def calls_it_made_up(text: str) -> bool:
    """True for a sentence that calls what was just said made up with a bare pronoun for it (see above)."""
    return _MADE_UP_OF_IT.match(text) is not None


def says_false(text: str, made_up: bool = False) -> bool:
    """True for a framing that calls its text false outright ("Unverified and false:", "No such statement
    exists."), whatever else it calls it: it is a negation, not a doubt or a story. With ``made_up``, calling it
    made up counts too ("[unconfirmed invention]", "<no record; made up>"): said of a marker's own text, not of a
    sentence's ("the telephone was invented")."""
    found = [*_OUTRIGHT.finditer(text), *(_MADE_UP_WORD.finditer(text) if made_up else ())]
    outright = any(not _HEDGED.search(text[max(0, m.start() - 30) : m.start()]) for m in found)
    return outright or denies_previous(text)


# Words and short phrases that tag a text as false or invented: falsity, invention, pretence and fancy, and the
# colloquial dismissals ("(fabrication)", "[pure hoax]", "{fanciful}", "<never said>", "[spun from nothing]").
# A fact-check's verdict on a claim it reports ("[Debunked]", "[Misleading]") is no such tag.
TAG_WORDS = (
    rf"false(?!\s+(?:{FALSE_IDIOMS})\b)|untrue|untruth|falsehood|falsity|lies?|fib(?:s|bed)?|fake[ds]?|bogus|hoax(?:ed)?|spoof|sham|phony|phoney|"
    r"fabricat(?:ed|ion|ions)|invent(?:ed|ion|ions)|fictitious|fictive|fictional|fiction|fantasy|fantastical|"
    r"fanciful|make[- ]believe|"
    r"made[- ]up(?!\s+(?:of|with)\b)|(?:cooked|trumped|dreamed|dreamt|thought|conjured)[- ]up|concoct(?:ed|ion)|"
    r"contrived|imagin(?:ary|ed)|"
    r"pretend(?:ed)?|preten[cs]e|feigned|forged|forgery|counterfeit|falsif(?:ied|ication)|doctored|pseudo-[a-z]+|spurious|apocryphal|"
    r"myth(?:ical)?|fable|(?:fairy|tall)[- ]tales?|daydream|pipe[- ]dream|figment|mirage|phantom|chimera|"
    r"illus(?:ion|ory)|ruse|canard|hogwash|baloney|bunk(?:um)?|balderdash|poppycock|codswallop|claptrap|twaddle|hokum|humbug|nope|"
    r"(?:con)?fabulat(?:ed|ion)|baseless|groundless|unfounded|unreal|ersatz|non-?(?:facts?|events?|stor(?:y|ies)|news)|"
    r"non-?existent|never\s+(?:said|the\s+case|was|happened|occurred|existed)|"
    rf"not\s+(?:an?\s+)?(?:{REALITY})(?:\s+{_IN_REALITY})?|not\s+so\s+{_IN_REALITY}|"
    rf"(?:this|that)\s+(?:isn't|wasn't|is\s+not|was\s+not)\s+(?:{REALITY})|contrary\s+to\s+(?:the\s+)?{_RECORD}|"
    r"no\s+such\s+thing|nothing\s+of\s+the\s+kind|(?:out\s+of|from)\s+thin\s+air|spun\s+from\s+nothing|"
    r"specious|mis-?info(?:rmation)?|disinfo(?:rmation)?|cock[- ]and[- ]bull|confect(?:ed|ion)|malarkey|tommyrot|"
    r"flim-?flam|hooey|piffle|not\s+(?:actually|really)\s+so"
)
# Words that call a text false only as a whole bracketed tag at a sentence's edge ("[faux] The pier ...", "... in
# 2019. (pure whimsy)"): inside a sentence, or as a label, they gloss or judge ("fur coats [faux]", "Verdict:
# [deceptive]", "Yarn: four balls").
TAG_ONLY_WORDS = (
    r"faux|decept(?:ive|ion)|deceit(?:ful)?|whims(?:y|ical)|yarn|blarney|moonshine|rubbish|nonsense|tosh|drivel|"
    r"bilge|guff|codology|never\s+so|not\s+(?:how|what)\s+(?:it|that|this)\s+(?:went|happened|was)"
)
# Words that make a tag only in brackets between sentences of a document whose other tags mark its claims false
# ("[simulation]", "(a put-on)"): alone, they gloss a caption ("(mock-up)", "(decoys)").
STYLED_TAG_WORDS = r"simulat(?:ed|ions?)|mock[- ]?ups?|decoys?|storybook|put[- ]on|pseudo|conjured|misreported"
# A tag that denies a thing or two by naming them ("[no refund, no recall]", "(no ferry at all)"): a bare "no" and a
# word or two, twice or with a word that makes it absolute (one alone is an aside: "(no relation)", "(no pun
# intended)").
_NO_THING = r"no\s+[\w'’-]+(?:\s+[\w'’-]+)?"
NO_THINGS_WORDS = (
    rf"{_NO_THING}(?:(?:\s*,|\s+and|\s+or)\s+{_NO_THING})+"
    rf"|{_NO_THING},?\s+(?:ever|at\s+all|whatsoever|actually|really|in\s+fact)"
)
NO_THINGS = re.compile(rf"^\W*(?:{NO_THINGS_WORDS})\W*$", _FLAGS)
# A marker that closes a passage by saying the text is back to fact ("|| resume reality ||", "[back to the facts]",
# "(reality resumes)", "{true again}"): it ends what the marker before it opened.
_RETURN_TO_FACT = re.compile(
    r"^\W*(?:(?:back|return(?:s|ing)?)\s+to\s+(?:the\s+)?|resum(?:e|es|ing)\s+(?:the\s+)?)"
    r"(?:reality|real\s+world|facts?|truth|record)\W*$"
    r"|^\W*(?:reality|facts?|truth|the\s+record)\s+(?:resumes?|returns?|again)\W*$|^\W*(?:real|true|factual)\s+again\W*$",
    _FLAGS,
)


def returns_to_fact(text: str) -> bool:
    """True for a marker that says the text is back to fact (:data:`_RETURN_TO_FACT`)."""
    return _RETURN_TO_FACT.match(text) is not None


# Words that say where a tag's passage begins or ends ("[fake start]", "[bogus from here]", "‹fiction ends›").
_TAG_BOUNDS = r"begins?|ends?|starts?|stops?|finish(?:es)?|(?:from|to|until)\s+here|here|again|too|once\s+more"
# Words a tag's falsity word may follow: a determiner, an intensifier or a bound ("[pure hoax]", "[another fable]",
# "[begin fake]"), not a word of content ("(science fiction)", "(Little Lies)", "He was an inventor.").
_TAG_LEAD = (
    r"(?:a|an|another|more|pure|purely|total|totally|complete|completely|utter|utterly|sheer|just|simply|entirely|"
    r"wholly|also|again|yet|all|partly|obviously|clearly|plainly|absolutely|begin|end|start|stop|opening|closing|"
    r"piece\s+of|bit\s+of)"
)
# What a tag may name, before or after its falsity word ("[citation fabricated]", "[invented quote]").
_TAG_NOUNS = (
    r"detail|fact|item|entry|event|claim|news|story|part|passage|section|bit|line|report|account|figure|quote|"
    r"citation|source|reference|date|number|statistic|person|people|name|character|scene|msg|message|post|reply|answer|"
    r"span|block|segment|paragraph|sentence|text|chunk|portion|excerpt"
)
# One tag's words: a leading word or a noun, its falsity word or phrase, and a noun it names.
_ONE_TAG = rf"(?:(?:{_TAG_LEAD}|(?:{_TAG_NOUNS})s?)[\s-]+)?(?:{{words}})(?:[\s:–—-]+(?:{_TAG_NOUNS})s?)?"
# Two tags joined as one ("(hoax, not history)", "[fake and untrue]", "{invented / not real}").
_TAG_JOIN = r"\s*(?:,|;|/|&|\band\b|[–—])\s*"
_FALSE_ONE = _ONE_TAG.format(words=TAG_WORDS)
_FALSE_TAG = re.compile(
    rf"^\W*{_FALSE_ONE}(?:{_TAG_JOIN}{_FALSE_ONE})?(?:[\s:–—-]+(?:{_TAG_BOUNDS}))?\W*$",
    _FLAGS,
)
# The same shape with the words a bracket alone makes a tag of (:data:`TAG_ONLY_WORDS`), alone or joined to
# another tag ("(tosh, not history)").
_BRACKET_ONE = _ONE_TAG.format(words=rf"{TAG_WORDS}|{TAG_ONLY_WORDS}")
_BRACKET_ONLY_TAG = re.compile(
    rf"^\W*{_BRACKET_ONE}(?:{_TAG_JOIN}{_BRACKET_ONE})?(?:[\s:–—-]+(?:{_TAG_BOUNDS}))?\W*$",
    _FLAGS,
)


_TAG_WORD = re.compile(rf"\b(?:{TAG_WORDS})\b", _FLAGS)


def has_tag_word(text: str) -> bool:
    """True for a text that holds a falsity tag's word anywhere ("The event described below is mythical.")."""
    return _TAG_WORD.search(text) is not None


_STYLED_ONE = _ONE_TAG.format(words=STYLED_TAG_WORDS)
_STYLED_TAG = re.compile(  # one of those words, alone or joined to another tag, either first
    rf"^\W*(?:{_STYLED_ONE}(?:{_TAG_JOIN}{_BRACKET_ONE})?|{_BRACKET_ONE}{_TAG_JOIN}{_STYLED_ONE})"
    rf"(?:[\s:–—-]+(?:{_TAG_BOUNDS}))?\W*$",
    _FLAGS,
)


def styled_tag(text: str) -> bool:
    """True for a tag of :data:`STYLED_TAG_WORDS`, alone or joined to another ("[simulation]", "(mock-up, not
    reality)"): a marker only where the document's other tags mark its claims false."""
    return _STYLED_TAG.match(text) is not None


def false_tag(text: str, bracketed: bool = False) -> bool:
    """True for a tag of a falsity word or two ("(fabrication)", "[pure hoax]") (:data:`_FALSE_TAG`); ``bracketed``
    (the words of a bracket at a sentence's edge), also one of :data:`TAG_ONLY_WORDS` ("[faux]")."""
    return _FALSE_TAG.match(text) is not None or (bracketed and _BRACKET_ONLY_TAG.match(text) is not None)


# The same words as a verbless sentence of its own, after leading words and before a deictic or a repetition
# ("Total fabrication, that.", "Fiction once more.", "Another piece of make-believe."; not "Still nope.").
_TAG_SENTENCE = re.compile(
    rf"^\W*(?:{_TAG_LEAD}[\s-]+){{0,3}}(?:{TAG_WORDS})(?:,?\s+(?:that|this|again|once\s+more|too|as\s+well|by\s+the\s+way|"
    r"either|through\s+and\s+through))?\s*[.!]+\W*$",
    _FLAGS,
)


def tag_sentence(text: str) -> bool:
    """True for a sentence that is a falsity tag alone ("Total fabrication, that.") (:data:`_TAG_SENTENCE`)."""
    return _TAG_SENTENCE.match(text.strip()) is not None
