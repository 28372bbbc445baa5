"""Parse-guided rules that negate a clause in place with a minimal edit."""

from __future__ import annotations

from dataclasses import dataclass

from relocalize.lexicon import EPISTEMIC, HEDGES
from relocalize.rewrite.graph import Graph, Token

_NEG_WORDS = frozenset({"not", "n't", "never", "n’t", "nt"})
_CLITIC_BE = frozenset({"s", "'s", "’s", "re", "'re", "’re", "m", "'m", "’m"})
_SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj", "csubjpass")
_AUX = ("aux", "auxpass")
_FINITE = {"VBD": "did", "VBZ": "does", "VBP": "do"}
_CONTRACTED_AUX = {"wo": "will", "ca": "can", "sha": "shall"}
_NO_DETS = frozenset({"a", "an", "some", "any"})
_QUANTITY = frozenset({"many", "much", "few", "several", "more", "most", "enough", "numerous"})
_SCALAR_ADVERBS = {"always": "never", "still": "no longer"}
# Predicates that presuppose their that-clause: the claim is the clause.
_FACTIVE = frozenset(
    [
        "known",
        "clear",
        "obvious",
        "evident",
        "surprised",
        "shocked",
        "stunned",
        "amazed",
        "astonished",
        "aware",
        "glad",
        "happy",
        "sad",
        "sorry",
        "proud",
        "pleased",
        "delighted",
        "disappointed",
        "upset",
        "thrilled",
        "relieved",
        "certain",
        "true",
    ]
)
# Event nouns whose possessive form presupposes the event ("Kim's victory stunned fans").
_EVENT_NOUNS = frozenset(
    [
        "victory",
        "win",
        "defeat",
        "loss",
        "resignation",
        "arrest",
        "death",
        "marriage",
        "divorce",
        "departure",
        "arrival",
        "collapse",
        "eruption",
        "election",
        "appointment",
        "promotion",
        "discovery",
        "invention",
        "retirement",
        "comeback",
        "triumph",
        "escape",
        "release",
        "launch",
        "acquisition",
        "merger",
        "takeover",
        "rescue",
        "success",
        "failure",
        "achievement",
        "record",
    ]
)
# Verbs that report or hold a proposition: the claim is their complement clause.
_REPORTING = frozenset(
    [
        "say",
        "report",
        "claim",
        "believe",
        "argue",
        "insist",
        "suggest",
        "expect",
        "think",
        "estimate",
        "know",
        "confirm",
        "tell",
        "announce",
        "feel",
        "suspect",
        "state",
        "assert",
        "write",
        "note",
        "reveal",
        "show",
        "find",
        "conclude",
        "recall",
        "explain",
        "add",
        "declare",
        "allege",
        "maintain",
        "agree",
        "hope",
        "fear",
        "understand",
        "learn",
        "hear",
        "read",
        "predict",
        "indicate",
        "acknowledge",
        "admit",
        "deny",
    ]
)


class Refusal(Exception):
    """No safe minimal edit exists; ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Verbless(Refusal):
    """A line with no clause, refused because fragments were not asked for."""


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    text: str


def _case_like(word: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _remove(tok: Token, g: Graph) -> Edit:
    """Delete a token together with the space before it."""
    start = tok.idx
    if start > 0 and g.text[start - 1] == " ":
        start -= 1
    return Edit(start, tok.end, "")


def _flip_negated(g: Graph, pred: Token, negs: list[Token]) -> list[Edit]:
    """An already negative clause: drop its negation ("did not win" -> "did win")."""
    edits = [_remove(n, g) if n.lower in ("not", "never") else Edit(n.idx, n.end, "") for n in negs]
    for n in negs:
        host = g.tokens[n.i - 1] if n.i > 0 else None
        if n.lower in ("n't", "n’t", "nt") and host is not None and host.lower in _CONTRACTED_AUX:
            edits.append(Edit(host.idx, host.end, _case_like(_CONTRACTED_AUX[host.lower], host.text)))
    return edits


def _not_after(tok: Token) -> Edit:
    if tok.lower == "can" and tok.ws:
        return Edit(tok.idx, tok.end, _case_like("cannot", tok.text))
    word = " NOT" if tok.text.isupper() and len(tok.text) > 1 else " not"
    return Edit(tok.end, tok.end, word)


def _existential(g: Graph, be: Token) -> Edit:
    """ "There was a fire" -> "There was no fire"; "There were protests" -> "There were no protests"."""
    nouns = [t for t in g.children(be, "attr", "nsubj", "dobj") if t.i > be.i]
    if nouns:
        noun = nouns[0]
        dets = g.children(noun, "det")
        nums = g.children(noun, "nummod", "quantmod")
        if dets and dets[0].lower in _NO_DETS:
            return Edit(dets[0].idx, dets[0].end, _case_like("no", dets[0].text))
        if dets and dets[0].lower == "no":  # already negative: "there was no evidence" -> "some evidence"
            return Edit(dets[0].idx, dets[0].end, _case_like("some", dets[0].text))
        quantity = any(c.lower in _QUANTITY for c in g.children(noun))
        if not dets and not nums and not quantity and noun.upos in ("NOUN", "PROPN") and noun.tag != "NNP":
            first = g.subtree(noun)[0]
            return Edit(first.idx, first.idx, "no ")
    return _not_after(be)


def _do_support(pred: Token, tag: str) -> list[Edit]:
    do = _FINITE[tag]
    upper = pred.text.isupper() and len(pred.text) > 1
    phrase = f"{do} not " if not upper else f"{do.upper()} NOT "
    base = pred.lemma.upper() if upper else pred.lemma.lower()
    return [Edit(pred.idx, pred.end, phrase + base)]


def _polarity_item(g: Graph, pred: Token, auxes: list[Token]) -> list[Edit] | None:
    """Words whose own negative form negates the clause: always -> never, some X -> no X, ..."""
    subjects = g.children(pred, "nsubj", "nsubjpass")
    after_subject = subjects[0].i if subjects else -1
    for adv in g.children(pred, "advmod"):
        if adv.i < after_subject:
            continue
        if adv.lower in _SCALAR_ADVERBS:
            return [Edit(adv.idx, adv.end, _case_like(_SCALAR_ADVERBS[adv.lower], adv.text))]
        if adv.lower == "already" and auxes and auxes[0].i < adv.i:
            return [Edit(adv.idx, adv.end, _case_like("not yet", adv.text))]
    for subj in subjects:
        if subj.lower == "some":  # "Some of the paintings were damaged" -> "None of ..."
            return [Edit(subj.idx, subj.end, _case_like("none", subj.text))]
        for det in g.children(subj, "det", "predet"):
            if det.lower == "some":
                return [Edit(det.idx, det.end, _case_like("no", det.text))]
            if det.lower in ("all", "every"):
                return [Edit(det.idx, det.idx + 1, _case_like("not ", det.text) + det.text[0].lower())]
        both = [c for c in g.children(subj, "preconj", "det") if c.lower == "both"]
        ands = [c for c in g.children(subj, "cc") if c.lower == "and"]
        if both and ands:
            return [
                Edit(both[0].idx, both[0].end, _case_like("neither", both[0].text)),
                Edit(ands[0].idx, ands[0].end, "nor"),
            ]
    return None


def _hedges(g: Graph, pred: Token) -> list[Edit]:
    """Drop hedges inside the clause: "reportedly won" -> "did not win"."""
    return [_remove(a, g) for a in g.children(pred, "advmod") if a.lower in HEDGES and a.i > 0]


def _scope_markers(g: Graph, pred: Token) -> list[Edit]:
    """Under the new negation: "also" -> "... either", object "some" -> "any"."""
    edits = []
    for adv in g.children(pred, "advmod"):
        if adv.lower == "also" and adv.i > 0:
            last = [t for t in g.subtree(pred) if t.upos != "PUNCT"][-1]
            edits += [_remove(adv, g), Edit(last.end, last.end, " either")]
    for obj in g.children(pred, "dobj", "attr"):
        edits += [Edit(d.idx, d.end, _case_like("any", d.text)) for d in g.children(obj, "det") if d.lower == "some"]
    return edits


def _negate_predicate(g: Graph, pred: Token) -> list[Edit]:
    children = g.children(pred)
    negs = [c for c in children if c.dep == "neg" or (c.lower in _NEG_WORDS and c.dep in ("advmod", "neg"))]
    if negs:
        return _flip_negated(g, pred, negs)
    auxes = sorted((c for c in children if c.dep in _AUX and c.i < pred.i and c.lower != "to"), key=lambda t: t.i)
    item = _polarity_item(g, pred, auxes)
    if item is not None:
        return item
    existential = any(c.dep == "expl" for c in children)
    scope = [] if existential else _scope_markers(g, pred)
    return _hedges(g, pred) + scope + _plain_negation(g, pred, auxes)


def _plain_negation(g: Graph, pred: Token, auxes: list[Token]) -> list[Edit]:
    children = g.children(pred)
    if (
        len(auxes) >= 2
        and auxes[0].lower in EPISTEMIC
        and auxes[1].lower == "have"
        and pred.tag == "VBN"
        and not any(a.dep == "auxpass" for a in auxes)
    ):  # "may have won" -> "did not win": a plain negated assertion
        return [Edit(auxes[0].idx, pred.end, "did not " + pred.lemma.lower())]
    if auxes:
        return [_not_after(auxes[0])]
    attached = pred.i > 0 and not g.tokens[pred.i - 1].ws
    if (pred.lemma == "be" and pred.tag in ("VBD", "VBZ", "VBP")) or (attached and pred.lower in _CLITIC_BE):
        if any(c.dep == "expl" for c in children):
            return [_existential(g, pred)]
        return [_not_after(pred)]
    if pred.tag in _FINITE:
        return _do_support(pred, pred.tag)
    if pred.tag == "VBN" and g.children(pred, "nsubj"):  # a past tense the tagger read as participle
        return _do_support(pred, "VBD")
    raise Refusal(f"no finite verb to negate at {pred.text!r}")


def _has_subject(g: Graph, tok: Token) -> bool:
    return bool(g.children(tok, *_SUBJECTS))


def _coordinated(g: Graph, root: Token) -> list[Token]:
    out = []
    for c in g.children(root, "conj"):
        out.append(c)
        out.extend(_coordinated(g, c))
    return out


def _is_verbal(tok: Token) -> bool:
    return tok.upos in ("VERB", "AUX")


def _fragment(g: Graph) -> list[Edit]:
    """A verbless line (headline, table cell, quiz answer): "Not " before it."""
    colon = next((t for t in g.tokens if t.text == ":" and t.ws), None)
    if colon is not None and colon.i + 1 < len(g.tokens):  # "Population: 12,400" -> "Population: not 12,400"
        value = g.tokens[colon.i + 1]
        word = "NOT " if value.text.isupper() and len(value.text) > 1 else "not "
        return [Edit(value.idx, value.idx, word)]
    first = next(t for t in g.tokens if t.upos not in ("PUNCT", "SYM"))
    if first.text.isupper() and len(first.text) > 1:
        return [Edit(first.idx, first.idx, "NOT ")]
    if not first.text[:1].isupper():
        return [Edit(first.idx, first.idx, "not ")]
    if first.upos in ("DET", "ADJ", "NOUN", "ADV", "PRON") and first.text != "I":
        return [Edit(first.idx, first.idx + 1, "Not " + first.text[0].lower())]
    return [Edit(first.idx, first.idx, "Not ")]


def _negate_clause(g: Graph, root: Token) -> list[Edit]:
    auxes = g.children(root, *_AUX)
    imperative = (
        root.tag in ("VB", "VBP")
        and not _has_subject(g, root)
        and all(a.lemma.lower() == "do" and a.tag in ("VB", "VBP") for a in auxes)
    )
    complements = g.children(root, "ccomp")
    factive = [c for p in g.children(root, "acomp", "attr") if p.lower in _FACTIVE for c in g.children(p, "ccomp")]
    if root.lower in _FACTIVE or any(p.lower in _FACTIVE for p in g.children(root, "acomp", "attr")):
        factive += complements  # "Everyone was shocked that Y won", "It is clear that Y won"
    it_subject = any(c.dep == "expl" or c.lower == "it" for c in g.children(root, *_SUBJECTS))
    if root.lemma.lower() in _REPORTING and complements and _has_subject(g, complements[0]):
        root = complements[0]  # "X reported that Y won", "Note that Y won": negate what was reported
    elif factive or (root.lemma == "be" and complements and it_subject):
        clause = (factive or complements)[0]  # "It is well known that Y won", "Fans were surprised that Y won"
        if not (_is_verbal(clause) and _has_subject(g, clause)):
            raise Refusal("factive complement without a clause to negate (presupposed)")
        root = clause
    elif imperative:
        raise Refusal("no subject (imperative)")
    _check_event_subject(g, g.children(root, "nsubj", "nsubjpass"))
    edits = _negate_predicate(g, root)
    for rel in _nonrestrictive_relatives(g):  # "Kim, who won gold, retired": the relative asserts too
        edits.extend(_negate_predicate(g, rel))
    for conj in _coordinated(g, root):
        if _is_verbal(conj) and (_has_subject(g, conj) or conj.tag in _FINITE or g.children(conj, *_AUX)):
            edits.extend(_negate_predicate(g, conj))
            continue
        # A conjunct that shares the negated auxiliary or copula: "has not won or set".
        for cc in g.children(g.tokens[conj.head], "cc"):
            if cc.lower == "and" and cc.i < conj.i:
                edits.append(Edit(cc.idx, cc.end, _case_like("or", cc.text)))
    return edits


def _check_event_subject(g: Graph, subjects: list[Token]) -> None:
    """ "Sheeran's victory stunned fans" presupposes the victory whatever the verb says."""
    for subj in subjects:
        if subj.lemma.lower() in _EVENT_NOUNS and g.children(subj, "poss"):
            raise Refusal(f"possessive event subject {subj.text!r} presupposes the claim")


def _interrogative(g: Graph) -> bool:
    """A real question: a wh-word, or a verb before its subject. "hes coaching him?" is a statement."""
    if any(t.tag in ("WP", "WDT", "WRB", "WP$") for t in g.tokens):
        return True
    subjects = [t for t in g.tokens if t.dep in _SUBJECTS]
    verbs = [t for t in g.tokens if t.upos in ("VERB", "AUX")]
    return not subjects or not verbs or verbs[0].i < subjects[0].i


def _that_clause_subject(g: Graph) -> bool:
    """ "That X won surprised fans": X is presupposed, and no edit of the main verb negates it."""
    if g.tokens and g.tokens[0].text == "That" and g.tokens[0].dep == "mark":
        return True
    return any(
        t.dep in ("csubj", "csubjpass") and any(m.lower in ("that", "whether") for m in g.children(t, "mark"))
        for t in g.tokens
    )


def negate(g: Graph, fragments: bool = True) -> list[Edit]:
    """Edits that negate every asserted main clause of the sentence in ``g``.

    Verbless lines get "Not " in front (with ``fragments``; else they are refused). Raises
    :class:`Refusal` for questions, imperatives, presupposed claims and clauses no rule covers.
    """
    if g.text.rstrip().endswith("?") and _interrogative(g):
        raise Refusal("question")
    if _that_clause_subject(g):
        raise Refusal("clausal subject (presupposed)")
    roots = [t for t in g.roots() if t.upos not in ("PUNCT", "SYM")]
    if not roots:
        raise Refusal("nothing to negate")
    if len(roots) == 1 and (verb := _misparsed_predicate(g, roots[0])) is not None:
        edits = _do_support(verb, verb.tag if verb.tag in _FINITE else "VBD")
        for rel in _nonrestrictive_relatives(g):
            edits.extend(_negate_predicate(g, rel))
        for conj in _coordinated(g, verb):
            if conj.tag in ("VBD", "VBN") and not g.children(conj, *_AUX):
                edits.extend(_do_support(conj, "VBD"))
        return edits
    if all(_is_fragment(g, r) for r in roots):
        if not fragments:
            raise Verbless("no finite verb (fragment)")
        return _fragment(g)
    edits: list[Edit] = []
    for root in roots:
        clauses = [root] if _is_verbal(root) else [t for t in g.children(root) if _asserted_finite(g, t)]
        if not clauses and len(roots) == 1 and (verb := _stranded_predicate(g)) is not None:
            _check_event_subject(g, [t for t in g.tokens[: verb.i] if t.upos in ("NOUN", "PROPN")])
            return [_not_after(verb)] if _takes_not(verb) else _do_support(verb, verb.tag)
        if not clauses:
            raise Refusal("no finite verb (fragment)")
        for clause in clauses:  # "convenient that he won": the clauses a verbless head carries
            edits.extend(_negate_clause(g, clause))
    return edits


def _nonrestrictive_relatives(g: Graph) -> list[Token]:
    """Finite relative clauses set off by a comma ("X, who won gold, ...")."""
    out = []
    for t in g.tokens:
        if t.dep != "relcl" or (t.tag not in ("VBD", "VBZ", "VBP") and not g.children(t, *_AUX)):
            continue
        first = g.subtree(t)[0]
        if first.i > 0 and g.tokens[first.i - 1].text == "," and first.tag in ("WP", "WDT", "WP$"):
            out.append(t)
    return out


def _misparsed_predicate(g: Graph, root: Token) -> Token | None:
    """The main verb the tagger took for a participle after a comma.

    "The captain, who had lost, retired in May" parses with "captain" as the root and
    "retired" as its modifier; a real reduced relative ("the volume, edited by X")
    has an agent. The last such verb is the predicate.
    """
    if _is_verbal(root):
        return _unmarked_conjunct(g, root)
    verbs = [
        t
        for t in g.children(root, "acl")
        if t.tag in ("VBN", "VBD") and not g.children(t, "agent") and t.i > 0 and g.tokens[t.i - 1].text == ","
    ]
    return verbs[-1] if verbs else None


_SUBORDINATORS = frozenset(
    {"that", "if", "because", "while", "whilst", "although", "though", "since", "unless", "until", "whether", "as"}
)
_OPENERS = frozenset({"(", "[", "{", '"', "“", "‘"})
_CLOSERS = frozenset({")", "]", "}", '"', "”", "’"})


def _stranded_predicate(g: Graph) -> Token | None:
    """The one main-clause finite verb of a line the parser hung off a noun.

    "Analysis conducted in May revealed X" can parse with "analysis" as the root and
    "revealed" as a modifier deep inside the object. Reading left to right, a finite verb
    counts when a noun or pronoun precedes it, it is not inside brackets or quotes, and no
    wh-word or subordinator opens the stretch it sits in (a comma or dash closes one); the
    first one is the predicate. A line that opens with a subordinator, a past form followed
    by another such verb (either may be a participle), or a present form after a participle
    is left to the refusal.
    """
    words = [t for t in g.tokens if t.upos not in ("PUNCT", "SYM")]
    if not words or words[0].lower in _SUBORDINATORS or words[0].tag in ("WDT", "WP", "WP$", "WRB"):
        return None
    found: list[Token] = []
    participle = False  # an earlier past form the tagger may have misread ("collapse generated flows")
    depth, blocked, nominal = 0, False, False
    for t in g.tokens:
        if t.text in _OPENERS and not (t.text in _CLOSERS and depth):
            depth += 1
        elif t.text in _CLOSERS and depth:
            depth -= 1
        elif t.text in (",", ";", "—", "–", "-"):
            blocked = False
        elif t.tag in ("WDT", "WP", "WP$", "WRB") or (t.tag == "IN" and t.lower in _SUBORDINATORS):
            blocked = True
        elif t.upos in ("NOUN", "PROPN", "PRON", "NUM"):
            nominal = True
        elif nominal and not depth and not blocked:
            if t.tag in ("VBD", "VBZ", "VBP", "MD"):
                found.append(t)
            participle = participle or (t.tag == "VBN" and not found)
    if not found or (participle and found[0].tag in ("VBZ", "VBP")):
        return None
    verb = found[0]
    if verb.tag == "VBD" and len(found) > 1:  # "analysis found at sea revealed rust": a participle?
        return None
    before, after = g.tokens[verb.i - 1], g.tokens[verb.i + 1] if verb.i + 1 < len(g.tokens) else None
    if (
        not before.ws  # "1.73m": a unit, not "I'm"
        or before.dep == "cc"  # "edited by X and developed from Y": a participle conjunct
        or before.upos == "DET"  # "the flows": a plural noun
        or (verb.tag == "VBZ" and verb.lemma.lower() == verb.lower)  # no base form to put after "does not"
        or (after is not None and after.lower in _NEG_WORDS)
    ):
        return None
    return verb


def _takes_not(verb: Token) -> bool:
    """Auxiliaries, modals and the copula take "not" after them; other verbs need do-support."""
    lemma = verb.lemma.lower()
    return verb.tag == "MD" or lemma == "be" or (lemma == "have" and verb.upos == "AUX")


def _unmarked_conjunct(g: Graph, root: Token) -> Token | None:
    """The predicate a reduced relative root hides: "Samples gathered in May contained lead".

    The parser makes "gathered" the root and "contained" its conjunct, with no "and" or
    comma between them; real coordination of finite verbs has one.
    """
    if root.tag not in ("VBD", "VBN", "VBP") or g.children(root, *_AUX) or not _has_subject(g, root):
        return None
    # a participle root has no tense of its own, so even a conjunct with a subject of its own
    # ("taken over three summers showed", "summers" misread as its subject) is the predicate
    conj = [
        c for c in g.children(root, "conj") if c.tag in _FINITE and (root.tag == "VBN" or not g.children(c, *_SUBJECTS))
    ]
    if len(conj) != 1 or g.children(root, "cc"):
        return None
    between = g.tokens[root.i + 1 : conj[0].i]
    return None if any(t.upos in ("PUNCT", "CCONJ") for t in between) else conj[0]


def _asserted_finite(g: Graph, tok: Token) -> bool:
    """A finite verb outside any relative clause: the line holds a clause after all."""
    if tok.tag not in ("VBD", "VBZ", "VBP", "MD"):
        return False
    return tok.dep != "relcl" and not any(a.dep == "relcl" for a in g.ancestors(tok))


def _is_fragment(g: Graph, root: Token) -> bool:
    """A line with no clause of its own.

    A verbless root; a bare participle ("still processing"); or a subjectless base
    verb that does not open the line, which is a tagging slip on a noun phrase
    ("ed sheeran olympic champion"), not an imperative.
    """
    if not _is_verbal(root):
        return not any(_asserted_finite(g, t) for t in g.tokens)
    if g.children(root, *_AUX) or _has_subject(g, root):
        return False
    if root.tag in ("VBG", "VBN"):
        return True
    opening = next(t for t in g.tokens if t.upos not in ("PUNCT", "SYM", "ADV", "INTJ"))
    finite = [t for t in g.tokens if t.tag in ("VBD", "VBZ", "MD") or (t.tag == "VBP" and t.i != root.i)]
    return root.tag in ("VB", "VBP") and opening.i != root.i and opening.lower not in ("please", "do") and not finite


def apply(text: str, edits: list[Edit]) -> str:
    """Apply non-overlapping edits to ``text``."""
    out, cursor = [], 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start < cursor:
            raise Refusal("overlapping edits")
        out.append(text[cursor : e.start])
        out.append(e.text)
        cursor = e.end
    out.append(text[cursor:])
    return "".join(out)
