"""Global framings: a broad lexical screen, then a small linear classifier that names the kind.

A *framing* is a sentence or bracket group that talks about other text and says it is false
(``negation``), invented (``fiction``), from a source not to be trusted (``unreliable``), of
unknown truth (``uncertainty``) or improbable (``low_probability``). The screen is a list of
word families (recall first: a unit without any of them is never a framing); the classifier
decides on the units the screen lets through. Its features are word unigrams and bigrams and
character 4-grams inside words, so a wording it never saw still scores by its parts ("is
fabricated" beside "fabrication", "unverified" beside "not verified").

The model is trained by ``relocalize train-detector`` (:mod:`relocalize.detect.framing_train`)
and ships in the package as ``framing_model.npz``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import repeat
from pathlib import Path

import numpy as np

from relocalize.detect.cues import (
    FALSE_IDIOMS,
    MADE_UP_POINTED,
    NO_THINGS_WORDS,
    STYLED_TAG_WORDS,
    TAG_ONLY_WORDS,
    TAG_WORDS,
    calls_it_made_up,
    frames_its_own_clause,
    says_false,
    without_appearances,
)
from relocalize.lexicon import BRACKETS

KINDS = ("negation", "fiction", "unreliable", "uncertainty", "low_probability")
LABELS = ("none", *KINDS)
DOUBTS = frozenset({"unreliable", "uncertainty", "low_probability"})
_MARKER_WORDS = 8  # an inline marker's length at most
_TAG_WORDS = 3  # a tag's length at most
DEFAULT_MODEL = Path(__file__).with_name("framing_model.npz")

# Word families a framing of each kind uses. A unit that holds none of them is never a framing.
_STEMS = {
    "negation": rf"false(?!\s+(?:{FALSE_IDIOMS})\b)|falsehoods?|falsif\w*|falsely|falsity|untru\w*|invent\w*|"
    r"fabricat\w*|hoax\w*|baseless|unfounded|groundless|debunk\w*|refut\w*|"
    r"disprov\w*|discredit\w*|retract\w*|incorrect\w*|inaccura\w*|erroneous\w*|misinform\w*|disinform\w*|bogus|"
    r"sham|phon(?:e)?y|fake\w*|spurious|myths?|fraud\w*|lies|lie|lying|misleading|wrong\w*|mistak\w*|errors?|"
    r"nonsense|unsupported|unsubstantiat\w*|merit|repudiat\w*|invalid\w*|concoct\w*|manufactur\w*|pretend\w*|"
    r"fantas\w*|dishonest\w*|deceptive|counterfeit|happen\w*|occur\w*|took\s+place|exist\w*|\w*correct\w*|\w*valid\w*|basis|reality|"
    r"\w*believ\w*|\w*accept\w*|\w*plausib\w*|\w*possib\w*|apocryph\w*|made[\s-]+up(?!\s+(?:of|with)\b)|"
    rf"made\s+{MADE_UP_POINTED}\s+up|"
    r"counterfactual\w*|baloney|hogwash|poppycock|bunk(?:um)?|rubbish|twaddle|drivel|malarkey|contradict\w*|disregard\w*|"
    r"ignor\w*|discard\w*|reject\w*|misled|unreal|consisten\w*|claim\w*|statements?|assertions?|allegations?|"
    r"misrepresent\w*|distort\w*|deceiv\w*|trick\w*|satire|absorb\w*|retain\w*|internali[sz]\w*|"
    r"learn\w*|knowledge|memori[sz]\w*|remember\w*|rely|relied|hold\w*|stand\w*|no\s+such|any\s+such|not\s+so|"
    r"(?:was|were|been)\s+never|no\s+(?:[\w-]+\s+){1,3}ever",
    "fiction": r"fiction\w*|fictitious\w*|novels?|novella|stor(?:y|ies)|screenplay\w*|scripts?|plays?|narrative\w*|"
    r"creative\w*|satir\w*|parod\w*|imagin\w*|authors?|writers?|monologue\w*|characters?|poems?|tales?|fables?|"
    r"make-believe|hypothetical\w*|scenarios?|role-?play\w*|literary|excerpt\w*",
    "unreliable": r"\w*reliab\w*|confabul\w*|delusion\w*|psych\w*|patients?|hallucinat\w*|sources?|\w*trust\w*|"
    r"credib\w*|rumou?rs?|hearsay|gossip|anonymous|tabloid\w*|conspirac\w*|liars?|dementia|intoxicat\w*|"
    r"dream\w*|doubtful|dubious|questionable|biased|propaganda",
    "uncertainty": r"uncertain\w*|unknown|unclear|undetermin\w*|\w*verif\w*|\w*confirm\w*|substantiat\w*|"
    r"scrutin\w*|assess\w*|evidence|veracity|accura\w*|speculat\w*|unresolved|unproven|doubts?|known|"
    r"truth\w*|true|real|factual|genuine|investigat\w*|\w*examin\w*|conclu\w*|\w*review\w*|\w*checked|"
    r"\w*assessed|\w*support\w*|establish\w*|corroborat\w*|prov(?:en|ed)|epistemic|determin\w*|disputed|contested",
    "low_probability": r"probab\w*|improbab\w*|\w*likel\w*|chances?|odds|percent|per\s+cent|\d+\s*%|"
    r"\d+[- ]in[- ]\d+|posterior|confidence|credence|estimat\w*|remote|slim|negligible|rat(?:ed|es|ing)|0?\.0\d+",
}


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern`` (split at ``|`` outside groups and classes)."""
    out, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 1
        elif c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    return [*out, pattern[start:]]


def _screen(stems: list[str]) -> re.Pattern[str]:
    """One pattern for every word family, arranged for Python's matcher: a whole-word alternative
    ("fabricat\\w*") under its first letter, a word part (``\\w*reliab\\w*``) searched as is, a
    word ending (``\\w*checked``) before a boundary. It matches where ``\\b(?:stem|...)\\b`` does."""
    inner = _by_letter([a[3:-3] for a in stems if a.startswith(r"\w*") and a.endswith(r"\w*")])
    endings = _by_letter([a[3:] for a in stems if a.startswith(r"\w*") and not a.endswith(r"\w*")])
    whole = _by_letter([a for a in stems if not a.startswith(r"\w*")])
    return re.compile(rf"\b(?:{whole})\b|{inner}|(?:{endings})\b|\d\s*%", re.IGNORECASE)


def _by_letter(alternatives: list[str]) -> str:
    """``alternatives`` as one group, those that open with a letter gathered under it behind a
    lookahead on the opening letters, so the matcher tries them only where one of those letters is."""
    groups: dict[str, list[str]] = {}
    other = [a for a in alternatives if not a[0].isalpha()]
    for a in alternatives:
        if a[0].isalpha():
            groups.setdefault(a[0], []).append(a[1:])
    letters = "".join(sorted(groups))
    lettered = "|".join(f"{c}(?:{'|'.join(rest)})" for c, rest in sorted(groups.items()))
    return "(?:" + "|".join([f"(?=[{letters}])(?:{lettered})", *other]) + ")"


# The stems and the falsity tags' words (:data:`cues.TAG_WORDS`: "{fanciful}", "<never said>"; and
# :data:`cues.TAG_ONLY_WORDS` and :data:`cues.STYLED_TAG_WORDS` after a bracket and a determiner or intensifier at
# most: "[tosh]", "(pure whimsy)";
# and things denied by naming them, :data:`cues.NO_THINGS_WORDS`, after a bracket: "(no box, no roster)").
_OPENERS = re.escape("".join(BRACKETS))
SCREEN = re.compile(
    _screen([a for family in [*_STEMS.values(), TAG_WORDS] for a in _alternatives(family)]).pattern
    # "[tosh]", "(a put-on)"
    + rf"|[^\w\s]\W{{0,3}}(?:(?:a|an|pure|utter|total|just)\s+)?(?:{TAG_ONLY_WORDS}|{STYLED_TAG_WORDS})\b"
    + rf"|[{_OPENERS}]\W{{0,3}}(?:{NO_THINGS_WORDS})\b",  # "(no box, no roster)", not "2. No lending, ever."
    re.IGNORECASE,
)

_TOKEN = re.compile(r"[a-z0]+(?:['’][a-z]+)?|%|[^\w\s]")
_DIGITS = re.compile(r"\d+")


def _words(text: str) -> list[str]:
    return _TOKEN.findall(_DIGITS.sub("0", text.lower()))


def _word_features(word: str) -> list[str]:
    """The unigram of ``word`` and its character 4-grams (with ``<`` and ``>`` at its ends)."""
    if len(word) < 3:
        return ["w:" + word]
    padded = "<" + word + ">"
    return ["w:" + word] + [padded[i : i + 4] for i in range(len(padded) - 3)]


def _bigrams(words: list[str]) -> list[str]:
    return ["b:" + a + " " + b for a, b in zip(["<s>", *words], [*words, "</s>"])]


def features(text: str) -> list[str]:
    """Word unigrams and bigrams and within-word character 4-grams of ``text``, lower-cased,
    digits folded to 0."""
    words = _words(text)
    return [f for w in words for f in _word_features(w)] + _bigrams(words)


_WORD_CACHE = 50_000  # words whose feature rows a model keeps


class FramingModel:
    """A multinomial logistic regression over :func:`features` (vocabulary and weights)."""

    def __init__(self, vocab: list[str], weights: np.ndarray, bias: np.ndarray, threshold: float) -> None:
        if weights.shape != (len(vocab), len(LABELS)) or bias.shape != (len(LABELS),):
            raise ValueError(f"framing model shapes do not fit {len(vocab)} features and {len(LABELS)} labels")
        self.index = {f: i + 1 for i, f in enumerate(vocab)}  # row 0: unknown features, all zeros
        self.weights = np.vstack([np.zeros((1, len(LABELS)), np.float32), weights.astype(np.float32)])
        self.bias = bias
        self.threshold = threshold
        self._word_rows: dict[str, list[int]] = {}  # feature rows of words seen, for speed

    @classmethod
    def load(cls, path: str | Path) -> FramingModel:
        with np.load(path, allow_pickle=False) as z:
            labels = tuple(str(x) for x in z["labels"])
            if labels != LABELS:
                raise ValueError(f"{path}: framing model labels {labels} are not {LABELS}")
            return cls([str(x) for x in z["vocab"]], z["weights"], z["bias"], float(z["threshold"]))

    def save(self, path: str | Path) -> None:
        vocab = sorted(self.index, key=self.index.__getitem__)
        np.savez_compressed(
            path,
            labels=np.array(LABELS),
            vocab=np.array(vocab),
            weights=self.weights[1:].astype(np.float16),
            bias=self.bias.astype(np.float32),
            threshold=np.float32(self.threshold),
        )

    def probabilities(self, text: str) -> np.ndarray:
        """P(label) for each of :data:`LABELS`."""
        words = _words(text)
        rows = list(map(self.index.get, _bigrams(words), repeat(0)))
        for w in words:
            known = self._word_rows.get(w)
            if known is None:
                if len(self._word_rows) > _WORD_CACHE:
                    self._word_rows.clear()
                known = self._word_rows[w] = [self.index.get(f, 0) for f in _word_features(w)]
            rows += known
        logits = self.bias + self.weights[rows].sum(axis=0)
        e = np.exp(logits - logits.max())
        return e / e.sum()

    def kind(self, text: str) -> str | None:
        """The framing kind of ``text``, or None when it is no framing (screen, then model). A sentence that
        frames its own clause ("It is not true that X", "In the story, X") speaks of no other text: None; words
        of appearance ("facts that sound made up") are read without their falsity words; a short marker of doubt
        that calls its text false outright is a negation ("[Unverified and false:]"), and so is a short marker of
        uncertainty that calls it made up ("[unconfirmed invention]") and a sentence that calls what was just said made
        up with a bare pronoun for it or owns up to making it up ("This is made up.", "I made that up.", where "This is
        fiction." may frame a story)."""
        if SCREEN.search(text) is None or frames_its_own_clause(text):
            return None
        if (plain := without_appearances(text)) != text:
            return self.kind(plain)
        if calls_it_made_up(text):  # "This is made up.", "I made that up.": no story, a denial
            return "negation"
        p = self.probabilities(text)
        if p[0] > 1.0 - self.threshold:
            return None
        kind = KINDS[int(np.argmax(p[1:]))]
        # a notice may tell how its source invents ("events that never occurred"): only a short marker counts
        short = len(text.split()) <= _MARKER_WORDS
        # "made up" of the text itself: an unreliable source may be one that makes things up ("[a site that invents]")
        return "negation" if kind in DOUBTS and short and says_false(text, made_up=kind == "uncertainty") else kind

    def tag_kind(self, words: str) -> str | None:
        """The framing kind of a bracketed tag's ``words``: a tag of a word or three that calls its text fiction
        ("{fictional}", "[fiction begins]") or, as a doubt, made up ("⟨no source; invented⟩") marks it as made up, in
        a document that is no story: a negation."""
        kind = self.kind(words)
        tag = len(words.split()) <= _TAG_WORDS and not words.rstrip().endswith((".", "!"))  # not "<This is fiction.>"
        # a doubt's tag that calls its text made up ("⟨no source; invented⟩") calls it false: a tag is too short
        # to be about a source that makes things up
        made_up = kind in DOUBTS and says_false(words, made_up=True)
        return "negation" if tag and (kind == "fiction" or made_up) else kind


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> FramingModel:
    """The framing model at ``path`` (the bundled one when None), loaded once per process."""
    target = Path(path) if path else DEFAULT_MODEL
    if not target.is_file():
        raise FileNotFoundError(f"framing model {target} not found (train one with `relocalize train-detector`)")
    return FramingModel.load(target)
