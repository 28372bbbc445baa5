"""Metrics on a framings gold file (the schema of ``framings-dev/framings.parquet``).

A marker counts as removed when an edit that deletes text covers it; a governed sentence
(``dense`` documents: the sentence right before each inline marker) by the edit that covers
it (``localize``, ``rewrite``, ``wrap``, ``drop``) or ``no_edit`` when none does. With
``heldout`` (a predicate on a marker's text), markers are also counted on that half alone.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from relocalize.provenance import CLAIM_EDITS, Kind, Provenance

KIND_OF = {"low_prob": "low_probability"}


def _removed(prov: Provenance, start: int, end: int) -> bool:
    """True when an edit that deletes text covers [start, end)."""
    return any(e.start <= start and end <= e.end and e.text == "" for e in prov.edits)


def _outcome(prov: Provenance, start: int, end: int) -> str:
    """What became of the governed sentence [start, end): the kind of the edit on it, or "no_edit" (kept
    with its marker, or the rest of a sentence the edit of its first piece covers)."""
    for e in prov.edits:
        if e.kind in CLAIM_EDITS and e.start < end and start < e.end:
            return e.kind
    return "no_edit"


def _share(counter: Counter[str], key: str) -> float:
    total = sum(counter.values())
    return counter[key] / total if total else float("nan")


def framing_metrics(
    rows: Sequence[dict[str, Any]],
    provs: Sequence[Provenance],
    heldout: Callable[[str], bool] | None = None,
) -> dict[str, Any]:
    """Marker removal per framing and density (and on the held-out wordings), governed sentences'
    outcomes per framing, the share of localized sentences that took the document's own framing
    kind, and statuses."""
    markers: dict[str, Counter[str]] = defaultdict(Counter)
    governed: dict[str, Counter[str]] = defaultdict(Counter)
    statuses: dict[str, Counter[str]] = defaultdict(Counter)
    openers: Counter[str] = Counter()
    for row, prov in zip(rows, provs):
        kind = KIND_OF.get(row["framing"], row["framing"])
        group = f"{kind}/{row['density']}"
        statuses[group][prov.status] += 1
        for m in row["marker_spans"]:
            removed = _removed(prov, m["start"], m["end"])
            keys = [group, f"{group}/{m['kind']}"]
            if heldout is not None and heldout(row["text"][m["start"] : m["end"]].strip()):
                keys += [f"heldout/{group}", "heldout"]
            for key in [*keys, "all"]:
                markers[key]["removed" if removed else "left"] += 1
        for s in (row.get("sentence_spans") or [])[:-1]:  # the last sentence has no inline marker
            governed[kind][_outcome(prov, s["start"], s["end"])] += 1
        for e in prov.edits:
            if e.kind == Kind.LOCALIZE:  # its method names the framing kind whose stance it took
                openers["fits" if e.method.endswith(f":{kind}") else "other"] += 1
    return {
        "markers_removed": {k: _share(c, "removed") for k, c in sorted(markers.items())},
        "markers": {k: sum(c.values()) for k, c in sorted(markers.items())},
        "governed": {k: {o: _share(c, o) for o in sorted(c)} for k, c in sorted(governed.items())},
        "localized_fit": _share(openers, "fits"),
        "localized": sum(openers.values()),
        "statuses": {k: dict(c) for k, c in sorted(statuses.items())},
    }
