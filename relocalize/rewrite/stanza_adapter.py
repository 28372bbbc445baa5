"""Stanza adapter: a Universal Dependencies parse as the spaCy-style :class:`Graph`.

The rules read spaCy's English (ClearNLP) scheme. A UD parse differs in three
structural ways, undone here, and in its label names:

* the copula is a ``cop`` child of its predicate; ClearNLP makes the copula the
  head, with the predicate as ``attr`` (nominal), ``acomp`` (adjectival) or a
  ``prep``/``pobj`` phrase, and the clause's subject, auxiliaries, negation,
  punctuation, markers and clausal conjuncts on the copula;
* prepositions are ``case`` children of their noun; ClearNLP heads the phrase
  with the preposition (``prep``, or ``agent`` for a passive "by") over a ``pobj``;
* conjuncts all hang off the first one, with ``cc`` on the conjunct that follows
  it; ClearNLP chains them, each conjunct (and the ``cc`` before the next) on
  the previous one. Proper-name ``flat`` runs become ``compound`` with the last
  word as head, and a comma that opens or closes a dependent phrase hangs on the
  phrase's head word, as spaCy has it.

Stanza is imported only by :func:`load_stanza`; :func:`from_stanza` duck-types
its ``Document``/``Sentence`` objects.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from relocalize.rewrite.graph import Graph, Token

INSTALL_HINT = "pip install 'relocalize[stanza]'"
PROCESSORS = "tokenize,pos,lemma,depparse"

_NEG_LEMMAS = frozenset({"not", "never", "n't", "n’t"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
# What moves from a copular predicate to its copula, besides clausal conjuncts and pre-copula adverbs.
_CLAUSE_DEPS = _SUBJECTS | {"aux", "auxpass", "neg", "punct", "mark", "cc", "advcl", "parataxis", "intj"}
# UD label (full, then base) -> ClearNLP label; anything else keeps its UD base.
_LABELS = {
    "root": "root",
    "nsubj:pass": "nsubjpass",
    "csubj:pass": "csubjpass",
    "aux:pass": "auxpass",
    "obj": "dobj",
    "iobj": "dative",
    "acl:relcl": "relcl",
    "advcl:relcl": "relcl",
    "nmod:poss": "poss",
    "det:poss": "poss",
    "det:predet": "predet",
    "cc:preconj": "preconj",
    "compound:prt": "prt",
    "obl:tmod": "npadvmod",
    "obl:npmod": "npadvmod",
    "obl:unmarked": "npadvmod",
    "nmod:tmod": "npadvmod",
    "nmod:npmod": "npadvmod",
    "nmod:unmarked": "npadvmod",
    "discourse": "intj",
}


@dataclass(eq=False)
class _Word:
    """One syntactic word, mutable while the tree is converted."""

    i: int
    text: str
    lemma: str
    upos: str
    tag: str
    feats: str
    ud: str  # the full UD relation
    dep: str
    head: int
    start: int
    end: int

    @property
    def negative(self) -> bool:
        return "Polarity=Neg" in self.feats.split("|") or self.lemma.lower() in _NEG_LEMMAS


def _sentences(parsed: Any) -> list[Any]:
    if hasattr(parsed, "sentences"):
        return list(parsed.sentences)
    if hasattr(parsed, "words"):
        return [parsed]
    if isinstance(parsed, Iterable):
        return list(parsed)
    raise TypeError(f"expected a stanza Document or Sentence, not {type(parsed).__name__}")


def _source_text(parsed: Any, sentences: list[Any], tokens: list[Any]) -> str:
    text = getattr(parsed, "text", None)
    if text is not None and hasattr(parsed, "sentences"):
        return text
    if len(sentences) == 1 and getattr(sentences[0], "text", None) is not None:
        return sentences[0].text
    # No raw text kept (a CoNLL-U file without "# text"): rebuild it from SpaceAfter.
    return "".join(t.text + (t.spaces_after if k < len(tokens) - 1 else "") for k, t in enumerate(tokens))


def _find(text: str, surface: str, start: int) -> int:
    """Case-blind search that keeps ``text``'s own offsets (``str.lower`` may change lengths)."""
    m = re.compile(re.escape(surface), re.IGNORECASE).search(text, start)
    return m.start() if m else -1


def _token_spans(tokens: list[Any], text: str) -> list[tuple[int, int]]:
    """Where each surface token lies in ``text``.

    A token's own offsets win when they spell it there; they are shifted so that the first
    token lands where it is found (a sentence's offsets count from its document's start).
    Otherwise the token is looked up after the previous one, and failing that, offsets that
    fit are trusted (a token the tokenizer normalized). Matching ignores case: ``text`` may be
    the original of a lower-cased parse.
    """
    first = tokens[0]
    found = _find(text, first.text, 0)
    shift = first.start_char - found if first.start_char is not None and found >= 0 else 0
    spans: list[tuple[int, int]] = []
    cursor = 0
    for tok in tokens:
        offsets = None
        if tok.start_char is not None and tok.end_char is not None:
            s, e = tok.start_char - shift, tok.end_char - shift
            if cursor <= s <= e <= len(text):
                offsets = (s, e)
        if offsets is not None and text[offsets[0] : offsets[1]].lower() == tok.text.lower():
            span = offsets
        elif (found := _find(text, tok.text, cursor)) >= 0:
            span = (found, found + len(tok.text))
        elif offsets is not None:
            span = offsets
        else:
            raise ValueError(f"token {tok.text!r} not found in the text after offset {cursor}: {text!r}")
        spans.append(span)
        cursor = span[1]
    return spans


def _word_spans(tok: Any, start: int, end: int) -> list[tuple[int, int]]:
    """Character spans of the syntactic words of one surface token ("didn't" -> "did" + "n't")."""
    words = tok.words
    if len(words) == 1:
        return [(start, end)]
    if "".join(w.text for w in words).lower() == tok.text.lower() and end - start == len(tok.text):
        spans, cursor = [], start
        for w in words:
            spans.append((cursor, cursor + len(w.text)))
            cursor += len(w.text)
        return spans
    # An expansion that does not spell the token: the first word carries it, the rest are empty.
    return [(start, end)] + [(end, end)] * (len(words) - 1)


def _label(ud: str, upos: str, lemma: str, negative: bool) -> str:
    base = ud.split(":")[0]
    if base == "advmod" and negative:
        return "neg"
    if base == "expl":  # spaCy: existential "there" is expl, expletive "it" a subject
        return "expl" if lemma.lower() == "there" else "nsubj"
    if base == "mark" and lemma.lower() == "to" and upos == "PART":
        return "aux"  # infinitival "to"
    if base == "flat":
        return "compound"
    if base == "xcomp" and upos == "ADJ":
        return "acomp"
    return _LABELS.get(ud, _LABELS.get(base, base))


def _words(sentences: list[Any], text: str) -> list[_Word]:
    tokens = [t for s in sentences for t in s.tokens]
    out: list[_Word] = []
    for sent in sentences:
        offset = len(out)
        for w in sent.words:
            upos = w.upos or "X"
            lemma = w.lemma if w.lemma is not None else w.text
            ud = (w.deprel or "dep").lower()
            head = offset + w.head - 1 if w.head else offset + w.id - 1
            word = _Word(len(out), w.text, lemma, upos, w.xpos or "", w.feats or "", ud, "", head, 0, 0)
            word.dep = _label(ud, upos, lemma, word.negative)
            out.append(word)
    spans = [span for tok, (s, e) in zip(tokens, _token_spans(tokens, text)) for span in _word_spans(tok, s, e)]
    if len(spans) != len(out):
        raise ValueError(f"{len(out)} words but {len(spans)} word spans: tokens and words disagree")
    for word, (start, end) in zip(out, spans):
        word.start, word.end = start, end
    return out


class _Tree:
    def __init__(self, words: list[_Word]) -> None:
        self.words = words

    def children(self, head: _Word, *deps: str) -> list[_Word]:
        return [w for w in self.words if w.head == head.i and w.i != head.i and (not deps or w.dep in deps)]

    def promote(self, new: _Word, old: _Word, new_dep: str | None, old_dep: str, moves: Any) -> None:
        """``new`` (a child of ``old``) takes ``old``'s place; ``old`` hangs off it as ``old_dep``."""
        new.head = new.i if old.head == old.i else old.head
        new.dep = old.dep if new_dep is None else new_dep
        old.head, old.dep = new.i, old_dep
        for child in self.children(old):
            if moves(child):
                child.head = new.i

    def clausal(self, w: _Word) -> bool:
        """A conjunct that is a clause of its own, not a second predicate nominal."""
        return w.upos in ("VERB", "AUX") or bool(
            self.children(w, *_SUBJECTS, "aux", "auxpass") or [c for c in self.children(w) if c.ud == "cop"]
        )


def _flat_names(t: _Tree) -> None:
    """ "Barack Obama": UD heads the run with its first word, ClearNLP with its last."""
    for head in list(t.words):
        flats = [c for c in t.children(head) if c.ud.split(":")[0] == "flat" and c.i > head.i]
        if flats:
            t.promote(flats[-1], head, None, "compound", lambda c: True)


def _extraposed(t: _Tree) -> None:
    """ "It is clear that Y won": UD's ``expl`` + ``csubj`` is spaCy's ``nsubj`` + ``ccomp``."""
    for head in t.words:
        if any(c.ud == "expl" and c.lemma.lower() == "it" for c in t.children(head)):
            for clause in t.children(head, "csubj"):
                if clause.i > head.i:
                    clause.dep = "ccomp"


def _copulas(t: _Tree) -> None:
    for pred in list(t.words):
        cops = [c for c in t.children(pred) if c.ud == "cop"]
        if not cops or pred.ud == "cop":
            continue
        cop = cops[0]
        if pred.upos == "ADJ" or (pred.upos == "VERB" and pred.tag in ("VBN", "VBG")):
            dep = "acomp"
        elif pred.upos == "ADV":
            dep = "advmod"
        else:
            dep = "attr"

        def moves(c: _Word, cop: _Word = cop) -> bool:
            if c.dep in _CLAUSE_DEPS or c.ud.startswith("csubj"):
                return True
            if c.dep == "conj":
                return t.clausal(c)
            return c.dep == "advmod" and c.i < cop.i

        t.promote(cop, pred, None, dep, moves)
        _preposition(t, pred, "prep")  # "is in Paris": "in" prep of "is", "Paris" its pobj


def _preposition(t: _Tree, noun: _Word, label: str) -> bool:
    """Head a prepositional phrase by its preposition(s), the noun as ``pobj``."""
    cases = [c for c in t.children(noun, "case") if c.upos == "ADP" and c.i < noun.i]
    if not cases:
        return False
    t.promote(cases[0], noun, label, "pobj", lambda c: c in cases[1:])
    for outer, inner in itertools.pairwise(cases):  # "out of the house": "of" prep of "out"
        inner.head, inner.dep = outer.i, "prep"
    noun.head = cases[-1].i
    return True


def _prepositions(t: _Tree) -> None:
    for w in list(t.words):
        if w.dep in ("obl", "nmod"):
            agent = w.ud == "obl:agent"
            if not _preposition(t, w, "agent" if agent else "prep") and w.dep == "obl":
                w.dep = "npadvmod"


def _existentials(t: _Tree) -> None:
    """ "There was a fire": spaCy labels the noun after existential "be" ``attr``."""
    for be in t.words:
        if be.lemma.lower() == "be" and t.children(be, "expl"):
            for noun in t.children(be, "nsubj"):
                if noun.i > be.i:
                    noun.dep = "attr"


def _chain_conjuncts(t: _Tree) -> None:
    """UD hangs all conjuncts off the first; ClearNLP chains them, ``cc`` on the one before."""
    for first in list(t.words):
        prev = first
        for conj in sorted(t.children(first, "conj"), key=lambda w: w.i):
            conj.head = prev.i
            for c in t.children(conj, "cc", "punct"):
                if prev.i < c.i < conj.i:
                    c.head = prev.i
            prev = conj


def _hoist_punctuation(t: _Tree) -> None:
    """UD hangs a delimiting comma on the phrase it opens or closes ("X, which won, ..."),
    spaCy on the word that phrase depends on."""
    spans: dict[int, tuple[int, int]] = {}

    def span(w: _Word) -> tuple[int, int]:
        if w.i not in spans:
            lo = hi = w.i
            for c in t.children(w):
                if c.upos != "PUNCT":
                    clo, chi = span(c)
                    lo, hi = min(lo, clo), max(hi, chi)
            spans[w.i] = (lo, hi)
        return spans[w.i]

    moves = []
    for p in t.words:
        head = t.words[p.head]
        if p.upos == "PUNCT" and p.head != p.i and head.head != head.i:
            lo, hi = span(head)
            if not lo <= p.i <= hi:
                moves.append((p, head.head))
    for p, new_head in moves:
        p.head = new_head


def from_stanza(parsed: Any, text: str | None = None) -> Graph:
    """Build a :class:`Graph` from a Stanza ``Document`` (all its sentences) or ``Sentence``.

    ``text`` is the original when ``parsed`` came from a same-length variant of it
    (lower-cased); by default the document's own text, else one rebuilt from the
    tokens and their ``SpaceAfter``.
    """
    sentences = _sentences(parsed)
    tokens = [tok for s in sentences for tok in s.tokens]
    if text is None:
        text = _source_text(parsed, sentences, tokens)
    if not tokens:
        return Graph(text, ())
    tree = _Tree(_words(sentences, text))
    _flat_names(tree)
    _extraposed(tree)
    _copulas(tree)
    _prepositions(tree)
    _existentials(tree)
    _chain_conjuncts(tree)
    _hoist_punctuation(tree)
    words = tree.words
    out = []
    for k, w in enumerate(words):
        following = words[k + 1].start if k + 1 < len(words) else len(text)
        gap = text[w.end : max(following, w.end)]
        ws = gap[: len(gap) - len(gap.lstrip())]
        out.append(Token(w.i, text[w.start : w.end], ws, w.lemma, w.upos, w.tag, w.dep, w.head, w.start))
    return Graph(text, tuple(out))


def load_stanza(model_dir: str) -> Any:
    """A Stanza English pipeline from models already in ``model_dir``; nothing is downloaded."""
    hint = (
        f"install it with `{INSTALL_HINT}` and put Stanza's English models ({PROCESSORS}) "
        f"in {model_dir!r}, e.g. stanza.download('en', model_dir={model_dir!r}) on a machine that can"
    )
    try:
        import stanza
    except ImportError as exc:
        raise RuntimeError(f"the Stanza parser needs the stanza package; {hint}") from exc
    if not Path(model_dir).expanduser().is_dir():
        raise RuntimeError(f"Stanza model directory {model_dir!r} does not exist; {hint}")
    try:
        return stanza.Pipeline(
            lang="en",
            dir=str(Path(model_dir).expanduser()),
            processors=PROCESSORS,
            download_method=None,
            logging_level="WARN",
        )
    except (OSError, ValueError, KeyError) as exc:
        raise RuntimeError(f"Stanza models are missing from {model_dir!r} ({exc}); {hint}") from exc
