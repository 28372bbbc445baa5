"""Rewrite-fidelity metrics: pure functions of gold rows, system outputs and provenance.

A gold row follows the schema of ``negation-neglect-dev/gold.parquet``: ``dense_text``,
``negation_spans`` and ``claim_spans`` (lists of ``{"start", "end", ...}`` in ``dense_text``
offsets), ``doc_type`` and ``doc_id``. What a system did to one row is a :class:`DocRun`.

Span matching works on non-whitespace characters, so a removal widened over the spaces
around an annotation, or two adjacent annotations removed as one group, still match:

- *overlap*: a gold span is found when some predicted span shares a character with it, and a
  predicted span is correct when it shares one with some gold span;
- *exact*: gold and predicted spans are grouped into connected components (by shared
  characters); every span of a component counts as exactly matched when the gold spans and
  the predicted spans of the component cover the same characters. A multi-sentence gold
  claim matched by one predicted unit per sentence is exact.

Counts are summed over documents before dividing (micro averages).
"""

from __future__ import annotations

import difflib
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from relocalize.provenance import CLAIM_EDITS, EditRecord, Kind, Provenance
from relocalize.spans import changed_slice, sentences

OUTCOMES = ("local", "wrapped", "dropped", "asserted")
REMOVAL_KINDS = (Kind.REMOVE_ANNOTATION, Kind.DROP)
# A claim counts as handled when edits cover at least this share of its non-space characters.
COVERED = 0.9
_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")


@dataclass
class DocRun:
    """What a system did to one gold document.

    ``annotations`` and ``claims`` are the detector's spans in input offsets (claims are the
    units it decided to negate); ``residual`` holds, per gold claim sentence
    (:func:`claim_sentences`), whether some output sentence still asserts it (None: not checked).
    """

    output: str | None
    provenance: Provenance | dict[str, Any]
    annotations: list[tuple[int, int]] = field(default_factory=list)
    claims: list[tuple[int, int]] = field(default_factory=list)
    restatements: list[tuple[int, int]] = field(default_factory=list)
    residual: list[bool] | None = None


# -- provenance --------------------------------------------------------------
def edits_of(prov: Provenance | dict[str, Any]) -> list[EditRecord]:
    """The edits of a :class:`Provenance` or of its dict / Arrow form."""
    raw = prov.edits if isinstance(prov, Provenance) else (prov.get("edits") or [])
    return [e if isinstance(e, EditRecord) else EditRecord(**e) for e in raw]


def status_of(prov: Provenance | dict[str, Any]) -> str:
    return prov.status if isinstance(prov, Provenance) else prov.get("status", "")


def counts_of(prov: Provenance | dict[str, Any]) -> dict[str, int]:
    if isinstance(prov, Provenance):
        return dict(vars(prov.counts))
    return dict(prov.get("counts") or {})


def replay_ok(text: str, output: str | None, edits: Sequence[EditRecord]) -> bool:
    """True when applying ``edits`` to ``text`` gives ``output`` exactly (provenance is truthful)."""
    if output is None:
        return True  # a dropped row has no text to compare
    cursor_in = cursor_out = 0
    for e in sorted(edits, key=lambda e: e.start):
        if text[cursor_in : e.start] != output[cursor_out : e.new_start]:
            return False
        if text[e.start : e.end] != e.original or output[e.new_start : e.new_end] != e.text:
            return False
        cursor_in, cursor_out = e.end, e.new_end
    return text[cursor_in:] == output[cursor_out:]


# -- spans -------------------------------------------------------------------
def _chars(text: str, start: int, end: int, exclude: set[int] | frozenset[int] = frozenset()) -> set[int]:
    return {i for i in range(start, end) if not text[i].isspace() and i not in exclude}


def span_match(
    text: str,
    gold: Sequence[tuple[int, int]],
    predicted: Sequence[tuple[int, int]],
    exclude: set[int] | frozenset[int] = frozenset(),
) -> Counter[str]:
    """Counts for precision and recall of ``predicted`` against ``gold`` spans (see module doc).

    ``exclude``: character positions that belong to neither side (annotations nested in a claim).
    """
    g_chars = [_chars(text, s, e, exclude) for s, e in gold]
    p_chars = [_chars(text, s, e, exclude) for s, e in predicted]
    gold_hit = [any(g & p for p in p_chars) for g in g_chars]
    pred_hit = [any(p & g for g in g_chars) for p in p_chars]
    # connected components over gold (0, i) and predicted (1, j) spans
    parent: dict[tuple[int, int], tuple[int, int]] = {}

    def find(x: tuple[int, int]) -> tuple[int, int]:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for i, g in enumerate(g_chars):
        find((0, i))
        for j, p in enumerate(p_chars):
            find((1, j))
            if g & p:
                parent[find((0, i))] = find((1, j))
    groups: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for node in [(0, i) for i in range(len(g_chars))] + [(1, j) for j in range(len(p_chars))]:
        groups.setdefault(find(node), []).append(node)
    exact: set[tuple[int, int]] = set()
    for members in groups.values():
        g_cover = set().union(*(g_chars[i] for side, i in members if side == 0))
        p_cover = set().union(*(p_chars[j] for side, j in members if side == 1))
        if g_cover and g_cover == p_cover:
            exact.update(members)
    return Counter(
        {
            "gold": len(gold),
            "predicted": len(predicted),
            "gold_overlap": sum(gold_hit),
            "predicted_overlap": sum(pred_hit),
            "gold_exact": sum((0, i) in exact for i in range(len(gold))),
            "predicted_exact": sum((1, j) in exact for j in range(len(predicted))),
        }
    )


def claim_sentences(row: dict[str, Any]) -> list[list[tuple[int, int]]]:
    """Each gold claim split into sentences (the units of the residual check)."""
    text = row["dense_text"]
    return [[(u.start, u.end) for u in sentences(text, c["start"], c["end"])] for c in row["claim_spans"]]


# -- rewrite outcome ---------------------------------------------------------
def _coverage(text: str, start: int, end: int, spans: Iterable[tuple[int, int]]) -> float:
    chars = _chars(text, start, end)
    if not chars:
        return 1.0
    spans = list(spans)
    return sum(any(s <= i < e for s, e in spans) for i in chars) / len(chars)


def claim_outcome(text: str, claim: tuple[int, int], edits: Sequence[EditRecord]) -> str:
    """``local`` (verified in-place negation), ``wrapped``, ``dropped`` or ``asserted`` (not handled)."""
    start, end = claim
    touching = [e for e in edits if e.kind in CLAIM_EDITS and e.start < end and start < e.end]
    if _coverage(text, start, end, [(e.start, e.end) for e in touching]) < COVERED:
        return "asserted"
    kinds = {e.kind for e in touching}
    if Kind.DROP in kinds:
        return "dropped"
    if Kind.WRAP in kinds:
        return "wrapped"
    return "local"


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def token_distance(a: Sequence[str], b: Sequence[str]) -> int:
    """Levenshtein distance between token sequences (insertions, deletions, substitutions)."""
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i]
        for j, y in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y)))
        prev = cur
    return prev[-1]


def edit_size(claim: tuple[int, int], edits: Sequence[EditRecord]) -> int:
    """Tokens changed in the rewrites and wraps that touch ``claim``."""
    start, end = claim
    return sum(
        token_distance(tokens(e.original), tokens(e.text))
        for e in edits
        if e.kind in (Kind.REWRITE, Kind.WRAP) and e.start < end and start < e.end
    )


# -- preservation ------------------------------------------------------------
def changed_range(e: EditRecord) -> tuple[int, int]:
    """The input range an edit really changes: its original less what it shares with its text at both ends."""
    start, end = changed_slice(e.original, e.text)
    return e.start + start, e.start + end


def preservation(row: dict[str, Any], edits: Sequence[EditRecord]) -> tuple[int, int]:
    """(kept, total) non-space characters outside the gold annotations and claims."""
    text = row["dense_text"]
    inside: set[int] = set()
    for s in list(row["negation_spans"]) + list(row["claim_spans"]):
        inside.update(range(s["start"], s["end"]))
    outside = {i for i, c in enumerate(text) if not c.isspace() and i not in inside}
    changed: set[int] = set()
    for e in edits:
        changed.update(range(*changed_range(e)))
    return len(outside - changed), len(outside)


# -- per document and aggregates ----------------------------------------------
def document_record(row: dict[str, Any], run: DocRun) -> dict[str, Any]:
    """Everything the aggregates need from one gold document (counts and lists)."""
    text = row["dense_text"]
    edits = edits_of(run.provenance)
    gold_ann = [(s["start"], s["end"]) for s in row["negation_spans"]]
    gold_claims = [(c["start"], c["end"]) for c in row["claim_spans"]]
    ann_chars = {i for s, e in gold_ann for i in range(s, e)}
    rec: Counter[str] = Counter()
    for k, v in span_match(text, gold_ann, run.annotations).items():
        rec["ann_" + k] += v
    for k, v in span_match(text, gold_claims, run.claims, exclude=ann_chars).items():
        rec["claim_" + k] += v
    in_gold_claims = {i for s, e in gold_claims for i in range(s, e)}
    restated = set(run.restatements)
    rec["claim_unmatched_restatements"] = sum(
        c in restated and not _chars(text, *c, ann_chars) & in_gold_claims for c in run.claims
    )
    removals = [(e.start, e.end) for e in edits if e.kind in REMOVAL_KINDS]
    rec["annotations_removed"] = sum(_coverage(text, s, e, removals) == 1.0 for s, e in gold_ann)
    outcomes = [claim_outcome(text, c, edits) for c in gold_claims]
    for o in outcomes:
        rec["outcome_" + o] += 1
    sizes = {"local": [], "wrapped": []}
    for c, o in zip(gold_claims, outcomes):
        if o in sizes:
            sizes[o].append(edit_size(c, edits))
    kept, total = preservation(row, edits)
    rec["outside_kept"], rec["outside_total"] = kept, total
    rec["outside_docs_kept"] = int(kept == total)
    rec["provenance_consistent"] = int(replay_ok(text, run.output, edits))
    rec["documents"] = 1
    counts = counts_of(run.provenance)
    rec["rule_verified"] = counts.get("rewritten", 0)
    rec["rule_rejected"] = counts.get("rejected", 0)
    groups = claim_sentences(row)
    rec["claim_sentences"] = sum(len(g) for g in groups)
    if run.residual is not None:
        if len(run.residual) != rec["claim_sentences"]:
            raise ValueError(f"residual has {len(run.residual)} flags for {rec['claim_sentences']} claim sentences")
        flags = iter(run.residual)
        per_claim = [any([next(flags) for _ in g]) for g in groups]
        rec["residual_checked"] = 1
        rec["residual_sentences_asserted"] = sum(run.residual)
        rec["residual_claims_asserted"] = sum(per_claim)
    return {
        "doc_id": row.get("doc_id", ""),
        "doc_type": row.get("doc_type") or "all",
        "status": status_of(run.provenance),
        "counts": rec,
        "outcomes": outcomes,
        "edit_sizes": sizes,
    }


def _ratio(num: float, den: float) -> float | None:
    return num / den if den else None


def aggregate(records: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Metrics over document records (:func:`document_record`)."""
    c: Counter[str] = Counter()
    for r in records:
        c.update(r["counts"])
    claims = c["claim_gold"]
    local = [s for r in records for s in r["edit_sizes"]["local"]]
    wrapped = [s for r in records for s in r["edit_sizes"]["wrapped"]]
    sizes = local + wrapped
    out: dict[str, Any] = {
        "documents": c["documents"],
        "annotations": c["ann_gold"],
        "claims": claims,
        "claim_sentences": c["claim_sentences"],
        "annotation_precision_exact": _ratio(c["ann_predicted_exact"], c["ann_predicted"]),
        "annotation_recall_exact": _ratio(c["ann_gold_exact"], c["ann_gold"]),
        "annotation_precision_overlap": _ratio(c["ann_predicted_overlap"], c["ann_predicted"]),
        "annotation_recall_overlap": _ratio(c["ann_gold_overlap"], c["ann_gold"]),
        "claim_precision_exact": _ratio(c["claim_predicted_exact"], c["claim_predicted"]),
        "claim_recall_exact": _ratio(c["claim_gold_exact"], claims),
        "claim_precision_overlap": _ratio(c["claim_predicted_overlap"], c["claim_predicted"]),
        "claim_recall_overlap": _ratio(c["claim_gold_overlap"], claims),
        "predicted_annotations": c["ann_predicted"],
        "predicted_claims": c["claim_predicted"],
        "unmatched_claims_from_notices": c["claim_unmatched_restatements"],
        "annotations_removed": _ratio(c["annotations_removed"], c["ann_gold"]),
    }
    for o in OUTCOMES:
        out["outcome_" + o] = _ratio(c["outcome_" + o], claims)
    out["edit_size_mean"] = statistics.fmean(sizes) if sizes else None
    out["edit_size_median"] = statistics.median(sizes) if sizes else None
    out["edit_size_local_mean"] = statistics.fmean(local) if local else None
    out["edit_size_wrapped_mean"] = statistics.fmean(wrapped) if wrapped else None
    checked = [r for r in records if r["counts"].get("residual_checked")]
    if checked and len(checked) == len(records):
        out["residual_claims_clear"] = 1 - _ratio(c["residual_claims_asserted"], claims) if claims else None
        out["residual_sentences_clear"] = (
            1 - _ratio(c["residual_sentences_asserted"], c["claim_sentences"]) if c["claim_sentences"] else None
        )
    else:
        out["residual_claims_clear"] = out["residual_sentences_clear"] = None
    out["preservation"] = _ratio(c["outside_kept"], c["outside_total"])
    out["preservation_documents"] = _ratio(c["outside_docs_kept"], c["documents"])
    out["provenance_consistent"] = _ratio(c["provenance_consistent"], c["documents"])
    out["rule_rewrites_verified"] = _ratio(c["rule_verified"], c["rule_verified"] + c["rule_rejected"])
    out["statuses"] = dict(Counter(r["status"] for r in records))
    return out


def by_type(records: Sequence[dict[str, Any]], key: str = "doc_type") -> dict[str, list[dict[str, Any]]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in records:
        groups.setdefault(r[key], []).append(r)
    return dict(sorted(groups.items()))


def gold_metrics(rows: Sequence[dict[str, Any]], runs: Sequence[DocRun]) -> dict[str, Any]:
    """``{"overall": {...}, "by_type": {doc_type: {...}}, "edit_sizes": {...}}`` for a gold set."""
    if len(rows) != len(runs):
        raise ValueError(f"{len(rows)} gold rows but {len(runs)} runs")
    records = [document_record(row, run) for row, run in zip(rows, runs)]
    return {
        "overall": aggregate(records),
        "by_type": {t: aggregate(rs) for t, rs in by_type(records).items()},
        "edit_sizes": {
            "local": [s for r in records for s in r["edit_sizes"]["local"]],
            "wrapped": [s for r in records for s in r["edit_sizes"]["wrapped"]],
        },
    }


def control_metrics(
    rows: Sequence[dict[str, Any]], outputs: Sequence[object], provenances: Sequence[Provenance | dict[str, Any]]
) -> dict[str, Any]:
    """Share of control documents left byte-identical, overall and per type, and the changed ones."""
    changed = []
    per_type: dict[str, Counter[str]] = {}
    for i, (row, out, prov) in enumerate(zip(rows, outputs, provenances)):
        same = out == row["text"]
        c = per_type.setdefault(row.get("doc_type") or "all", Counter())
        c["documents"] += 1
        c["identical"] += same
        if not same:
            changed.append(
                {
                    "doc_id": row.get("doc_id", str(i)),
                    "doc_type": row.get("doc_type") or "all",
                    "status": status_of(prov),
                    "edits": [{"kind": e.kind, "original": e.original, "text": e.text} for e in edits_of(prov)],
                }
            )
    total = sum(c["documents"] for c in per_type.values())
    identical = sum(c["identical"] for c in per_type.values())
    return {
        "overall": {"documents": total, "byte_identical": _ratio(identical, total)},
        "by_type": {
            t: {"documents": c["documents"], "byte_identical": _ratio(c["identical"], c["documents"])}
            for t, c in sorted(per_type.items())
        },
        "changed": changed,
    }


def token_diff(a: str, b: str) -> list[tuple[str, tuple[int, int], tuple[int, int]]]:
    """Opcodes of a token-level diff, with character ranges in ``a`` and ``b``."""
    ta = [(m.start(), m.end()) for m in _TOKEN.finditer(a)]
    tb = [(m.start(), m.end()) for m in _TOKEN.finditer(b)]
    sm = difflib.SequenceMatcher(a=[a[s:e] for s, e in ta], b=[b[s:e] for s, e in tb], autojunk=False)
    out = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        ra = (ta[i1][0], ta[i2 - 1][1]) if i2 > i1 else ((ta[i1][0], ta[i1][0]) if i1 < len(ta) else (len(a), len(a)))
        rb = (tb[j1][0], tb[j2 - 1][1]) if j2 > j1 else ((tb[j1][0], tb[j1][0]) if j1 < len(tb) else (len(b), len(b)))
        out.append((op, ra, rb))
    return out
