"""Checks on a re-parse of a candidate rewrite: is the negated clause well formed?

The NLI score is ~0.99 for almost any inserted "not", grammatical or not, so the rewrite is
parsed again and each negation is checked against what English requires of it: do-support and
modals take a base form ("did not win", never "did not won" or "do not swam"), "does" takes a
singular subject and "do" a plural one, and one predicate carries one negation ("does not
require no deposit").
"""

from __future__ import annotations

from lemminflect import getAllLemmas, getInflection

from relocalize.lexicon import NEGATORS
from relocalize.rewrite.graph import Graph, Token

_NOT = frozenset({"not", "n't", "n’t", "nt"})
_SINGULAR_PRONOUNS = frozenset({"he", "she", "it", "this", "that", "everyone", "someone", "nobody", "everybody"})
_PLURAL_PRONOUNS = frozenset({"i", "you", "we", "they", "these", "those"})
_SUBJECTS = ("nsubj", "nsubjpass")
_AUXILIARIES = frozenset({"be", "have", "do", "need", "dare"})
_AFTER_BARE_NOT = frozenset({"to", "only", "just", "merely", "even", "once"})  # "decided not to", "roared not once"
_HAD_OR_WOULD = frozenset({"'d", "’d"})  # "They'd not finished": the parser reads "'d" as "would"


def check(g: Graph) -> str | None:
    """None when every negation in ``g`` sits in a well-formed clause, else why not."""
    for tok in g.tokens:
        if tok.lower not in _NOT or tok.i == 0:
            continue
        host = g.tokens[tok.i - 1]
        verb = _next_verb(g, tok)
        if (host.lemma.lower() == "do" and host.upos == "AUX") or host.tag == "MD":
            if verb is None or (not _base_form(verb) and not (host.lower in _HAD_OR_WOULD and verb.tag == "VBN")):
                return f"{host.text!r} + not without a base form after it"
            if host.lemma.lower() == "do" and (reason := _agreement(g, host, verb) or _conjuncts(g, verb)):
                return reason
            if host.i > 0 and (prev := g.tokens[host.i - 1]).upos == "VERB" and prev.tag in ("VBD", "VBZ", "VBP"):
                return f"two finite verbs in a row ({prev.text!r} {host.text!r})"
        elif host.tag in ("VBD", "VBZ", "VBP") and host.lemma.lower() not in _AUXILIARIES and _bare_not(g, tok):
            return f"'not' after the lexical verb {host.text!r} (do-support needed)"
    for tok in g.tokens:
        if tok.upos in ("VERB", "AUX") and sum(_negative(g, c) for c in g.children(tok)) > 1:
            return f"two negations on {tok.text!r}"
    return None


def _base_form(verb: Token) -> bool:
    """Tagged as a base form and spelt as one ("sank" after "did not" is tagged VB but is not one)."""
    lemmas = getAllLemmas(verb.lower, upos="VERB").get("VERB", ())
    return verb.tag == "VB" and (not lemmas or verb.lower in lemmas)


def _next_verb(g: Graph, neg: Token) -> Token | None:
    """The first word after ``neg`` that is not an adverb."""
    for tok in g.tokens[neg.i + 1 :]:
        if tok.upos != "ADV":
            return tok if tok.upos in ("VERB", "AUX") else None
    return None


def _conjuncts(g: Graph, verb: Token) -> str | None:
    """ "did not serve as editor or conducted the review", "did not generate X and produced Y": a verb
    coordinated after the do-support in a finite form is a second predicate, asserted (or garbled)."""
    for tok in g.tokens[verb.i + 1 :]:
        if tok.text in (".", "!", "?", ";"):
            return None
        if tok.upos != "CCONJ":
            continue
        after = next((t for t in g.tokens[tok.i + 1 :] if t.upos != "ADV"), None)
        if after is not None and after.upos == "VERB" and _finite_form(after):
            return f"{after.text!r} after {tok.text!r} stays a finite predicate beside the do-support"
    return None


def _finite_form(verb: Token) -> bool:
    """Tagged finite, or a participle spelt like the past tense ("and produced currents")."""
    past = getInflection(verb.lemma, "VBD") or ()
    return verb.tag in ("VBD", "VBZ") or (verb.tag == "VBN" and verb.lower in past)


def _bare_not(g: Graph, neg: Token) -> bool:
    """ "remained not disrupted": a "not" after a finite lexical verb that no infinitive or focus word follows."""
    after = g.tokens[neg.i + 1] if neg.i + 1 < len(g.tokens) else None
    return after is not None and after.upos != "PUNCT" and after.lower not in _AFTER_BARE_NOT


def _agreement(g: Graph, do: Token, verb: Token) -> str | None:
    """ "does" with a plural subject or "do" with a singular one."""
    if do.lower not in ("do", "does"):
        return None
    subjects = g.children(verb, *_SUBJECTS) or g.children(do, *_SUBJECTS)
    if not subjects:
        return None
    subject = subjects[0]
    plural = (
        subject.tag in ("NNS", "NNPS")
        or subject.lower in _PLURAL_PRONOUNS
        or any(c.dep == "conj" for c in g.children(subject))
    )
    singular = not plural and (subject.tag in ("NN", "NNP") or subject.lower in _SINGULAR_PRONOUNS)
    if (do.lower == "does" and plural) or (do.lower == "do" and singular):
        return f"{do.text!r} does not agree with its subject {subject.text!r}"
    return None


def _negative(g: Graph, arg: Token) -> bool:
    """A negation on a predicate: "not", "never", or a negative argument ("no deposit", "nothing")."""
    if arg.dep == "neg" or arg.lower == "never":
        return True
    if arg.dep not in ("dobj", "nsubj", "nsubjpass", "attr"):
        return False
    return arg.lower in NEGATORS or any(d.lower == "no" and d.dep == "det" for d in g.children(arg))
