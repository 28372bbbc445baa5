"""Fuzzed documents and the invariants relocalize must keep on them (issue 14).

:func:`documents` mutates the example corpus the repo ships (seeded): markers of my own put at random
places, runs of brackets, dots, clauses and emphasis, odd characters (zero-width, right-to-left, emoji,
combining marks, a lone surrogate), line breaks, cuts and repeats. :func:`check` runs them through the
batch path and counts what must never happen: an exception out of it, a row lost, a byte changed outside
the edits the provenance records, and a second pass over the output that changes it again.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from relocalize.api import Relocalizer
from relocalize.provenance import Provenance

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus.jsonl"
MARKERS = (
    "[The following claim is false.]",
    "[What was just stated is untrue.]",
    "(made up)",
    "**Fabricated.**",
    "That never happened.",
    "The claims in this document are invented.",
    "[[begin invented part]]",
    "-- bogus --",
    "«fake»",
)
ODD = ("\u200b", "\u202e", "\U0001f600", "e\u0301", "\ufeff", "\t", "\r\n", "\u00a0", "“", "’", "\\", "\x00")
RUNS = ("[", "(", ".", "*", " and then Bob ran", ", and Ann won", "Bob said that ", "\n", "  ", "!?")


def _seeds() -> list[str]:
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r["text"] for r in rows if isinstance(r.get("text"), str)]


def _mutate(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 4)):
        i = rng.randint(0, len(text))
        op = rng.randrange(7)
        if op == 0:
            text = text[:i] + " " + rng.choice(MARKERS) + " " + text[i:]
        elif op == 1:
            text = text[:i] + rng.choice(RUNS) * rng.choice((2, 10, 100, 1000)) + text[i:]
        elif op == 2:
            text = text[:i] + rng.choice(ODD) + text[i:]
        elif op == 3:
            text = text[:i] + text[i + rng.randint(1, 80) :]
        elif op == 4:
            j = min(len(text), i + rng.randint(1, 200))
            text = text[:j] + text[i:j] + text[j:]
        elif op == 5:
            text = text[:i] + rng.choice(("\n", "\n\n", "\n- ", "\nQ: ", "\n> ")) + text[i:]
        else:
            text = text[:i]
    return text


def documents(n: int, seed: int = 0) -> Iterator[str]:
    """``n`` fuzzed documents, the same for the same ``seed``; one in 500 holds a lone surrogate."""
    rng = random.Random(seed)
    seeds = _seeds()
    for k in range(n):
        doc = _mutate(rng.choice(seeds), rng)
        yield doc + "\udfff" if k % 500 == 499 else doc


def outside_edits_intact(doc: str, out: str, prov: Provenance) -> bool:
    """True when replaying the provenance edits on ``doc`` gives ``out`` byte for byte."""
    cursor_in = cursor_out = 0
    for e in sorted(prov.edits, key=lambda e: e.start):
        if doc[cursor_in : e.start] != out[cursor_out : e.new_start] or doc[e.start : e.end] != e.original:
            return False
        if out[e.new_start : e.new_end] != e.text:
            return False
        cursor_in, cursor_out = e.end, e.new_end
    return doc[cursor_in:] == out[cursor_out:]


def check(relocalizer: Relocalizer, texts: list[str], batch: int = 64) -> Counter[str]:
    """Counts of the invariants over ``texts``: ``exceptions``, ``rows_in``/``rows_out``, ``outside_changed``,
    ``second_pass_changed`` (of ``second_pass``: rewritten and partial rows run again), and rows by status."""
    c: Counter[str] = Counter()
    for start in range(0, len(texts), batch):
        chunk = texts[start : start + batch]
        c["rows_in"] += len(chunk)
        results = _guarded(relocalizer, chunk, c)
        if results is None:
            continue
        c["rows_out"] += len(results)
        again = []
        for doc, (out, prov) in zip(chunk, results):
            c[f"status_{prov.status}"] += 1
            if isinstance(out, str) and prov.status not in ("error", "unsupported"):
                c["outside_changed"] += not outside_edits_intact(doc, out, prov)
            if prov.status in ("rewritten", "partial") and isinstance(out, str):
                again.append(out)
        second = _guarded(relocalizer, again, c)
        if second is None:
            continue
        c["second_pass"] += len(again)
        c["second_pass_changed"] += sum(out != new for out, (new, _) in zip(again, second))
    return c


def _guarded(relocalizer: Relocalizer, texts: list[str], c: Counter[str]) -> list[tuple[object, Provenance]] | None:
    """The batch path's results for ``texts``, or None (counted) when it raised."""
    try:
        return relocalizer.process_many(texts)
    except Exception:
        c["exceptions"] += 1
        return None
