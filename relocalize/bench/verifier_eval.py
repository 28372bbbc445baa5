"""The verifier on a labelled set of rewrite pairs built by construction from gold claim sentences.

Positives (label 1): the rules' rewrite of a claim sentence, where it passes the structural
guards. Negatives (label 0), built programmatically from the same sentences:

- ``wrong_clause``: only a subordinate or relative clause negated, or only the last conjunct,
  while the main clause stays asserted;
- ``leaves_asserted``: the main clause (first conjunct) negated but a further conjunct or a
  non-restrictive relative clause left asserted;
- ``double_negation``: the negation negated again, literally ("did not not win") or by the
  wrapper ("It is not true that X did not win");
- ``keeps_claim``: the claim kept under a prefix ("Indeed,", "It is true that", "In fact,", "Clearly,").

Each pair is scored by the NLI model alone, and by the whole verify stage (the guards,
then the model: a pair the guards reject scores 0).
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from relocalize.bench.metrics import claim_sentences
from relocalize.rewrite.graph import Graph, Token
from relocalize.rewrite.parsers import ParseFn
from relocalize.rewrite.rewriter import RuleRewriter
from relocalize.rewrite.surface import split_markup
from relocalize.verify import guards

KINDS = ("correct", "wrong_clause", "leaves_asserted", "double_negation", "keeps_claim")
PREFIXES = ("Indeed, ", "It is true that ", "In fact, ", "Clearly, ")
_FINITE = {"VBD": "did", "VBZ": "does", "VBP": "do"}
_AUX = ("aux", "auxpass")
_SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj", "csubjpass")
_NEG = frozenset({"not", "n't", "n’t", "never", "no", "nt"})


@dataclass(frozen=True)
class Pair:
    claim: str
    rewrite: str
    label: int
    kind: str
    detail: str


# -- clause-level edits on a parse ---------------------------------------------
def _finite(g: Graph, t: Token) -> bool:
    return t.upos in ("VERB", "AUX") and (t.tag in _FINITE or t.tag == "MD" or bool(g.children(t, *_AUX)))


def _negatable(g: Graph, t: Token) -> tuple[int, int, str] | None:
    """One edit that negates the clause headed by ``t`` alone, or None (already negative, no finite verb)."""
    children = g.children(t)
    if any(c.dep == "neg" or c.lower in _NEG for c in children):
        return None
    auxes = sorted((c for c in children if c.dep in _AUX and c.i < t.i and c.lower != "to"), key=lambda c: c.i)
    if auxes:
        return (auxes[0].end, auxes[0].end, " not")
    if t.lemma == "be" and t.tag in _FINITE:
        return (t.end, t.end, " not")
    if t.tag in _FINITE and t.lemma and t.lemma.isalpha():
        return (t.idx, t.end, f"{_FINITE[t.tag]} not {t.lemma.lower()}")
    return None


def _apply(text: str, edits: Sequence[tuple[int, int, str]]) -> str:
    out, cursor = [], 0
    for s, e, new in sorted(edits):
        out.append(text[cursor:s] + new)
        cursor = e
    return "".join(out) + text[cursor:]


def _conjuncts(g: Graph, root: Token) -> list[Token]:
    out = []
    for c in g.children(root, "conj"):
        if _finite(g, c) or g.children(c, *_SUBJECTS):
            out.append(c)
        out.extend(_conjuncts(g, c))
    return out


def _nonrestrictive(g: Graph, t: Token) -> bool:
    first = g.subtree(t)[0]
    return first.i > 0 and g.tokens[first.i - 1].text == "," and first.tag in ("WP", "WDT", "WP$")


def _lower_first(g: Graph, text: str) -> str:
    first = g.tokens[0] if g.tokens else None
    if first is None or first.upos == "PROPN" or first.text == "I" or any(c.isupper() for c in first.text[1:]):
        return text
    return text[:1].lower() + text[1:]


def wrong_negations(g: Graph) -> dict[str, tuple[str, str]]:
    """Negations of the wrong part of the sentence in ``g``: ``{kind: (detail, text)}``."""
    roots = [t for t in g.roots() if t.upos in ("VERB", "AUX")]
    if len(roots) != 1 or not g.children(roots[0], *_SUBJECTS) or g.children(roots[0], "ccomp"):
        return {}  # reported speech and multi-clause lines: which clause is "the claim" is open
    root = roots[0]
    main = _negatable(g, root)
    if main is None:
        return {}
    out: dict[str, tuple[str, str]] = {}
    conj = [c for c in _conjuncts(g, root) if _negatable(g, c)]
    subs = [
        t
        for t in g.subtree(root)
        if t.dep in ("relcl", "advcl", "ccomp") and _finite(g, t) and _negatable(g, t) and t.i != root.i
    ]
    if subs:
        out["wrong_clause"] = (f"only the {subs[0].dep} clause negated", _apply(g.text, [_negatable(g, subs[0])]))
    elif conj:
        out["wrong_clause"] = ("only the last conjunct negated", _apply(g.text, [_negatable(g, conj[-1])]))
    relatives = [t for t in subs if t.dep == "relcl" and _nonrestrictive(g, t)]
    if conj:
        out["leaves_asserted"] = ("a conjunct left asserted", _apply(g.text, [main]))
    elif relatives:
        out["leaves_asserted"] = ("a non-restrictive relative left asserted", _apply(g.text, [main]))
    return out


def double_negations(g: Graph, rule: str) -> list[tuple[str, str]]:
    """``(detail, text)``: the rule's negation negated again, literally and by the wrapper."""
    out = []
    m = re.search(r"\bnot\b", rule)
    if m:
        out.append(("literal 'not not'", rule[: m.end()] + " not" + rule[m.end() :]))
    out.append(("wrapper over the negation", "It is not true that " + _lower_first(g, rule)))
    return out


# -- the set ---------------------------------------------------------------------
def build_pairs(
    rows: Sequence[dict[str, Any]],
    rewriter: RuleRewriter,
    parse: ParseFn,
    per_kind: int = 100,
    positives: int = 200,
    seed: int = 0,
) -> list[Pair]:
    """The labelled set: up to ``positives`` correct pairs and ``per_kind`` pairs of each wrong kind."""
    bodies = []
    for row in rows:
        text = row["dense_text"]
        for group in claim_sentences(row):
            for s, e in group:
                _, body, _ = split_markup(text[s:e])
                letters = [c for c in body if c.isalpha()]
                if len(body.split()) >= 4 and not all(c.isupper() for c in letters) and not body.endswith("?"):
                    bodies.append(body)
    bodies = list(dict.fromkeys(bodies))
    pool: dict[str, list[Pair]] = {k: [] for k in KINDS}
    cands = rewriter.candidates(bodies)
    for i, (body, cand, g) in enumerate(zip(bodies, cands, parse(bodies, bodies))):
        if cand.prefix or cand.suffix:
            continue
        rule = cand.rule if cand.rule is not None and guards.check(body, cand.rule) is None else None
        if rule is not None:
            pool["correct"].append(Pair(body, rule, 1, "correct", "rule rewrite passing the guards"))
            for detail, text in double_negations(g, rule):
                pool["double_negation"].append(Pair(body, text, 0, "double_negation", detail))
        for kind, (detail, text) in wrong_negations(g).items():
            if text != rule:
                pool[kind].append(Pair(body, text, 0, kind, detail))
        prefix = PREFIXES[i % len(PREFIXES)]
        kept = prefix + (_lower_first(g, body) if prefix[0].isupper() else body)
        pool["keeps_claim"].append(Pair(body, kept, 0, "keeps_claim", f"prefix {prefix.strip()!r}"))
    rng = random.Random(seed)
    out = []
    for kind in KINDS:
        cap = positives if kind == "correct" else per_kind
        items = pool[kind]
        out.extend(items if len(items) <= cap else rng.sample(items, cap))
    return out


def composition(pairs: Sequence[Pair]) -> dict[str, Any]:
    kinds = Counter(p.kind for p in pairs)
    details = Counter(f"{p.kind}: {p.detail}" for p in pairs)
    return {
        "pairs": len(pairs),
        "claim_sentences": len({p.claim for p in pairs}),
        "kinds": {k: kinds[k] for k in KINDS if kinds[k]},
        "details": dict(sorted(details.items())),
    }


# -- scores ----------------------------------------------------------------------
def roc_curve(labels: Sequence[int], scores: Sequence[float]) -> list[tuple[float, float, float]]:
    """``(false positive rate, true positive rate, threshold)`` points, from the strictest cut down."""
    pos = sum(labels)
    neg = len(labels) - pos
    if not pos or not neg:
        raise ValueError("a ROC curve needs positive and negative pairs")
    points = [(0.0, 0.0, float("inf"))]
    tp = fp = 0
    ranked = sorted(zip(scores, labels), key=lambda x: -x[0])
    for i, (score, label) in enumerate(ranked):
        tp += label
        fp += 1 - label
        if i + 1 < len(ranked) and ranked[i + 1][0] == score:
            continue
        points.append((fp / neg, tp / pos, score))
    return points


def roc_auc(labels: Sequence[int], scores: Sequence[float]) -> float:
    """Area under the ROC curve: P(a random positive outscores a random negative), ties count half."""
    pos = [s for s, y in zip(scores, labels) if y]
    neg = [s for s, y in zip(scores, labels) if not y]
    if not pos or not neg:
        raise ValueError("ROC AUC needs positive and negative pairs")
    ranked = sorted(pos + neg)
    # average ranks (1-based) with ties
    rank: dict[float, float] = {}
    i = 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j] == ranked[i]:
            j += 1
        rank[ranked[i]] = (i + 1 + j) / 2
        i = j
    rank_sum = sum(rank[s] for s in pos)
    return (rank_sum - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg))


def at_threshold(labels: Sequence[int], scores: Sequence[float], threshold: float) -> dict[str, float | None]:
    tp = sum(1 for s, y in zip(scores, labels) if y and s >= threshold)
    fp = sum(1 for s, y in zip(scores, labels) if not y and s >= threshold)
    pos = sum(labels)
    return {
        "precision": tp / (tp + fp) if tp + fp else None,
        "recall": tp / pos if pos else None,
        "false_positive_rate": fp / (len(labels) - pos) if len(labels) > pos else None,
    }


def _example_order(p: Pair) -> tuple[bool, int, str]:
    """Examples for the report: sentences (capital to full stop) of about 80 characters first."""
    sentence = p.claim[:1].isupper() and p.claim.endswith(".")
    return (not sentence, abs(len(p.claim) - 80), p.claim)


def evaluate(pairs: Sequence[Pair], score: Callable[[str, str], float], threshold: float) -> dict[str, Any]:
    """ROC AUC and precision/recall at ``threshold``, for the model alone and for guards + model."""
    nli = [score(p.claim, p.rewrite) for p in pairs]
    guarded = [0.0 if guards.check(p.claim, p.rewrite) is not None else s for p, s in zip(pairs, nli)]
    labels = [p.label for p in pairs]
    accepted: dict[str, dict[str, float]] = {}
    for kind in KINDS:
        idx = [i for i, p in enumerate(pairs) if p.kind == kind]
        if idx:
            accepted[kind] = {
                "pairs": len(idx),
                "nli": sum(nli[i] >= threshold for i in idx) / len(idx),
                "guards_nli": sum(guarded[i] >= threshold for i in idx) / len(idx),
            }
    result: dict[str, Any] = {"threshold": threshold, **composition(pairs), "accepted": accepted}
    for name, scores in (("nli", nli), ("guards_nli", guarded)):
        result[name] = {
            "roc_auc": roc_auc(labels, scores),
            **at_threshold(labels, scores, threshold),
            "roc": [(round(f, 4), round(t, 4)) for f, t, _ in roc_curve(labels, scores)],
        }
    result["scores"] = [
        {"kind": p.kind, "label": p.label, "nli": round(s, 5), "guards_nli": round(gs, 5)}
        for p, s, gs in zip(pairs, nli, guarded)
    ]
    result["examples"] = {
        kind: [
            {"claim": p.claim, "rewrite": p.rewrite, "detail": p.detail}
            for p in sorted((p for p in pairs if p.kind == kind), key=_example_order)[:3]
        ]
        for kind in KINDS
    }
    return result


# -- human-labelled pairs ----------------------------------------------------------
CONFIGS = ("nli", "guards_nli", "verify")


def evaluate_labelled(
    records: Sequence[dict[str, Any]],
    score: Callable[[str, str], float],
    thresholds: dict[str, float],
    malformed: Callable[[str, str], str | None],
) -> dict[str, Any]:
    """Precision and recall of three verifiers on (claim, rewrite) pairs a person labelled.

    ``records`` are labelled review records (:mod:`relocalize.review`) of kind ``rewrite`` or
    ``wrap``; a pair is positive when it was accepted. The verifiers: the NLI model alone at the
    method's threshold (``nli``); the word-level guards then the model (``guards_nli``, the verify
    stage before the re-parse checks); and the whole verify stage (``verify``: guards, then
    ``malformed``, the grammar and scope checks on a re-parse, then the model).
    """
    rows = [r for r in records if r.get("kind") in ("rewrite", "wrap") and r.get("label") in ("accept", "reject")]
    rows = [r for r in rows if r.get("labeled") == {"claim": r["claim"], "rewrite": r["rewrite"]}]
    ok: dict[str, list[bool]] = {c: [] for c in CONFIGS}
    labels = []
    caught: dict[str, Counter[str]] = {c: Counter() for c in CONFIGS}
    for r in rows:
        _, claim, _ = split_markup(r["claim"])
        _, rewrite, _ = split_markup(r["rewrite"])
        passed_nli = score(claim, rewrite) >= thresholds["wrap" if r["kind"] == "wrap" else "rule"]
        passed_guards = passed_nli and guards.check(claim, rewrite) is None
        decisions = {"nli": passed_nli, "guards_nli": passed_guards}
        decisions["verify"] = passed_guards and malformed(claim, rewrite) is None
        labels.append(r["label"] == "accept")
        for config, passed in decisions.items():
            ok[config].append(passed)
            if not passed and r["label"] == "reject":
                caught[config][r.get("family") or "other"] += 1
    out: dict[str, Any] = {
        "pairs": len(rows),
        "accepted_by_people": sum(labels),
        "rejects_by_family": dict(Counter(r.get("family") or "other" for r in rows if r["label"] == "reject")),
    }
    for config in CONFIGS:
        tp = sum(p and y for p, y in zip(ok[config], labels))
        passed = sum(ok[config])
        out[config] = {
            "passed": passed,
            "precision": tp / passed if passed else None,
            "recall": tp / sum(labels) if any(labels) else None,
            "rejects_caught_by_family": dict(caught[config]),
        }
    return out
