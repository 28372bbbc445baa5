"""Framings of every kind on framings-dev: markers removed, governed sentences, and the held-out wordings.

    python benchmarks/framings.py [--limit N] [--json OUT.json]

Two detectors are run over the same documents (each with the documents' ``claims``):
- ``bundled``: the framing classifier shipped in the package (trained on every dev wording);
- ``half``: the same classifier trained here, by the code of ``relocalize train-detector --half train``,
  on half of the distinct marker wordings; its figures on the other half (``heldout``) measure
  wordings it never saw. The dev gold's negation annotations are split by the same hash, and
  the half model's removal of its held-out annotations is reported too.
Controls (``negation-neglect-dev/controls.parquet``: positive documents and fact-checks with local
negations) must stay byte-identical under both.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
from _dev import DEV

import relocalize
from relocalize.bench.framings import framing_metrics
from relocalize.detect.framing import SCREEN, load_model
from relocalize.detect.framing_train import collect, fit, half
from relocalize.spans import sentences

DATA = DEV.parent
FRAMINGS = DATA / "framings-dev" / "framings.parquet"


def _run(relocalizer: relocalize.Relocalizer, texts: list[str], claims: list[object]) -> list:
    return [relocalizer.process(t, c) for t, c in zip(texts, claims)]


def _controls(relocalizer: relocalize.Relocalizer, rows: list[dict]) -> dict[str, float]:
    same: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for row, (out, _) in zip(rows, _run(relocalizer, [r["text"] for r in rows], [None] * len(rows))):
        total[row["mode"]] += 1
        same[row["mode"]] += out == row["text"]
    return {mode: same[mode] / total[mode] for mode in sorted(total)}


def _gold_heldout(relocalizer: relocalize.Relocalizer, rows: list[dict]) -> dict[str, float]:
    """Removal of the dev gold's annotations whose wording is in the held-out half."""
    hit = Counter()
    for row, (_, prov) in zip(rows, _run(relocalizer, [r["dense_text"] for r in rows], [None] * len(rows))):
        for s in row["negation_spans"]:
            if half(row["dense_text"][s["start"] : s["end"]].strip()):
                hit["total"] += 1
                hit["removed"] += any(e.start <= s["start"] and s["end"] <= e.end and e.text == "" for e in prov.edits)
    return {"annotations": hit["total"], "removed": hit["removed"] / max(1, hit["total"])}


def _classifier_speed(rows: list[dict]) -> float:
    """Microseconds per candidate of the bundled classifier (screen and model), over every marker and
    every sentence of the unframed documents that the screen lets through, best of three passes."""
    model = load_model()
    texts = [r["text"][m["start"] : m["end"]] for r in rows for m in r["marker_spans"]]
    plain = [s.text(r["positive_text"]) for r in rows for s in sentences(r["positive_text"], 0)]
    texts += [t for t in plain if SCREEN.search(t)]
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for t in texts:
            model.kind(t)
        best = min(best, time.perf_counter() - t0)
    return 1e6 * best / len(texts)


def evaluate(limit: int | None) -> dict:
    rows = pq.read_table(FRAMINGS).to_pylist()[:limit]
    controls = pq.read_table(DEV / "controls.parquet").to_pylist()[:limit]
    gold = pq.read_table(DEV / "gold.parquet").to_pylist()[:limit]
    texts, claims = [r["text"] for r in rows], [r["claims"] for r in rows]
    out: dict = {"classifier_us_per_candidate": _classifier_speed(rows)}
    with tempfile.TemporaryDirectory() as tmp:
        model = Path(tmp) / "half.npz"
        fit([e for e in collect(DATA) if not e.heldout]).save(model)
        for name, options in (("bundled", {}), ("half", {"detector_model": str(model)})):
            r = relocalize.Relocalizer(**options)
            provs = [p for _, p in _run(r, texts, claims)]
            out[name] = framing_metrics(rows, provs, heldout=half)
            out[name]["controls_identical"] = _controls(r, controls)
            if name == "half":
                out[name]["gold_heldout"] = _gold_heldout(r, gold)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="first N rows of each file")
    ap.add_argument("--json", metavar="OUT.json")
    args = ap.parse_args()
    res = evaluate(args.limit)
    b, h = res["bundled"], res["half"]
    groups = [k for k in b["markers_removed"] if k.count("/") == 1 and not k.startswith("heldout")]
    print("| framing / density | markers | removed (bundled) | removed (half model) | held-out wordings (half model) |")
    print("|---|---:|---:|---:|---:|")
    for g in groups:
        held = h["markers_removed"].get(f"heldout/{g}")
        held_s = "n/a" if held is None else f"{held:.1%} of {h['markers'][f'heldout/{g}']}"
        print(f"| {g} | {b['markers'][g]} | {b['markers_removed'][g]:.1%} | {h['markers_removed'][g]:.1%} | {held_s} |")
    print(
        f"| all | {b['markers']['all']} | {b['markers_removed']['all']:.1%} | {h['markers_removed']['all']:.1%} | "
        f"{h['markers_removed']['heldout']:.1%} of {h['markers']['heldout']} |"
    )
    print("\ngoverned sentences (dense), bundled detector:")
    for kind, shares in b["governed"].items():
        print(f"  {kind}: " + ", ".join(f"{o} {v:.1%}" for o, v in shares.items()))
    fit = f"{b['localized_fit']:.1%} of {b['localized']}"
    print(f"localized sentences in the stance of the document's own framing kind: {fit}")
    print("statuses (bundled): " + "; ".join(f"{k} {v}" for k, v in b["statuses"].items()))
    for name in ("bundled", "half"):
        ctl = ", ".join(f"{m} {v:.1%}" for m, v in res[name]["controls_identical"].items())
        print(f"controls byte-identical ({name}): {ctl}")
    print(f"classifier: {res['classifier_us_per_candidate']:.0f} µs per candidate (markers and screened sentences)")
    g = h["gold_heldout"]
    print(f"dev gold annotations of held-out wording removed (half model): {g['removed']:.1%} of {g['annotations']}")
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=2))


if __name__ == "__main__":
    main()
