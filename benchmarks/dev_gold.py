"""Core metrics on the dev gold: annotations removed, claims found, rewrite outcomes, controls.

python benchmarks/dev_gold.py [--limit N] [--json OUT.json]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter

from _dev import read

import relocalize
from relocalize.pipeline import residual_assertions
from relocalize.spans import sentences


def _covered(start: int, end: int, spans: list[tuple[int, int]], text: str) -> float:
    chars = [i for i in range(start, end) if not text[i].isspace()]
    if not chars:
        return 1.0
    hit = sum(any(s <= i < e for s, e in spans) for i in chars)
    return hit / len(chars)


def evaluate(limit: int | None = None) -> dict:
    r = relocalize.Relocalizer()
    gold = read("gold.parquet", limit)
    controls = read("controls.parquet", limit)
    r.process(gold[0]["dense_text"])  # load models before timing
    ann_total = ann_removed = 0
    outcome: Counter[str] = Counter()
    residual = residual_total = 0
    statuses: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    t0 = time.perf_counter()
    for row in gold:
        text = row["dense_text"]
        out, prov = r.process(text)
        claim_units = [u.text(text) for c in row["claim_spans"] for u in sentences(text, c["start"], c["end"])]
        residual_total += len(claim_units)
        residual += sum(residual_assertions(r.pipeline, out, claim_units))
        statuses[prov.status] += 1
        counts.update(vars(prov.counts))
        removals = [(e.start, e.end) for e in prov.edits if e.kind in ("remove_annotation", "drop")]
        for span in row["negation_spans"]:
            ann_total += 1
            ann_removed += _covered(span["start"], span["end"], removals, text) == 1.0
        for claim in row["claim_spans"]:
            kinds = {
                e.kind
                for e in prov.edits
                if e.kind in ("rewrite", "wrap", "drop") and e.start < claim["end"] and claim["start"] < e.end
            }
            found = _covered(
                claim["start"],
                claim["end"],
                [(e.start, e.end) for e in prov.edits if e.kind in ("rewrite", "wrap", "drop")],
                text,
            )
            if found < 0.9:
                outcome["not_found"] += 1
            elif "drop" in kinds:
                outcome["dropped"] += 1
            elif "wrap" in kinds:
                outcome["wrapped"] += 1
            else:
                outcome["local"] += 1
    gold_seconds = time.perf_counter() - t0
    unchanged = [row["doc_id"] for row in controls if r.process(row["text"])[0] == row["text"]]
    changed = [row["doc_id"] for row in controls if row["doc_id"] not in set(unchanged)]
    n_claims = sum(outcome.values())
    attempted = counts["rewritten"] + counts["rejected"]
    return {
        "documents": len(gold),
        "annotations": ann_total,
        "annotation_removal_recall": ann_removed / ann_total,
        "claims": n_claims,
        "claims_found": 1 - outcome["not_found"] / n_claims,
        "local_negation": outcome["local"] / n_claims,
        "wrapped": outcome["wrapped"] / n_claims,
        "dropped": outcome["dropped"] / n_claims,
        "verifier_pass_rate": counts["rewritten"] / attempted if attempted else None,
        "claim_sentences": residual_total,
        "no_residual_assertion": 1 - residual / residual_total,
        "controls": len(controls),
        "controls_unchanged": len(unchanged) / len(controls),
        "controls_changed": changed,
        "statuses": dict(statuses),
        "gold_docs_per_second": len(gold) / gold_seconds,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--json", default=None)
    args = ap.parse_args()
    res = evaluate(args.limit)
    rows = [
        ("annotation spans removed", res["annotation_removal_recall"], ">= 99%"),
        ("claim spans found", res["claims_found"], ">= 98%"),
        ("claims as local negations", res["local_negation"], ">= 90%"),
        ("claims wrapped", res["wrapped"], ""),
        ("claims dropped", res["dropped"], ""),
        ("rule rewrites passing the verifier", res["verifier_pass_rate"], ""),
        ("claim sentences no output sentence still asserts", res["no_residual_assertion"], ">= 98%"),
        ("controls byte-identical", res["controls_unchanged"], ">= 99%"),
    ]
    print(
        f"dev gold: {res['documents']} documents, {res['annotations']} annotations, {res['claims']} claims; "
        f"{res['controls']} controls"
    )
    print("| metric | value | target |\n|---|---|---|")
    for name, value, target in rows:
        print(f"| {name} | {value:.1%} | {target} |")
    print(f"statuses: {res['statuses']}; changed controls: {res['controls_changed']}")
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(res, fh, indent=2)


if __name__ == "__main__":
    main()
