"""Core metrics on the dev gold: annotations removed, claims found, rewrite outcomes, controls.

The metrics are the library's (:mod:`relocalize.bench.metrics`); ``python -m relocalize.bench``
writes the full report (detection, edit size, preservation, verifier quality, plots, diffs).

python benchmarks/dev_gold.py [--limit N] [--json OUT.json] [--reasons]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter

from _dev import read

import relocalize
from relocalize.bench.metrics import control_metrics, gold_metrics
from relocalize.bench.run import evaluate as run_documents
from relocalize.plan import Plan


def evaluate(limit: int | None = None) -> dict:
    r = relocalize.Relocalizer()
    gold = read("gold.parquet", limit)
    controls = read("controls.parquet", limit)
    chunk = run_documents(r, gold, controls)
    o = gold_metrics(gold, chunk.runs)["overall"]
    c = control_metrics(controls, chunk.control_out, chunk.control_prov)
    return {
        "documents": o["documents"],
        "annotations": o["annotations"],
        "annotation_removal_recall": o["annotations_removed"],
        "claims": o["claims"],
        "claims_found": 1 - o["outcome_asserted"],
        "local_negation": o["outcome_local"],
        "wrapped": o["outcome_wrapped"],
        "dropped": o["outcome_dropped"],
        "verifier_pass_rate": o["rule_rewrites_verified"],
        "claim_sentences": o["claim_sentences"],
        "no_residual_assertion": o["residual_sentences_clear"],
        "controls": c["overall"]["documents"],
        "controls_unchanged": c["overall"]["byte_identical"],
        "controls_changed": [ch["doc_id"] for ch in c["changed"]],
        "statuses": o["statuses"],
        "gold_docs_per_second": len(gold) / chunk.gold_seconds,
    }


def refusals(limit: int | None = None) -> Counter[tuple[str, str]]:
    """Claim sentences of the gold that end wrapped or dropped, by outcome and the rules' reason."""
    pipeline = relocalize.Relocalizer().pipeline
    tally: Counter[tuple[str, str]] = Counter()
    for row in read("gold.parquet", limit):
        plan = pipeline.plan(row["dense_text"], None)
        if not isinstance(plan, Plan):
            continue
        for unit, outcome in plan.outcomes.items():
            cand = plan.candidates[unit]
            pipeline.decide(outcome, cand)
            if outcome.kind in ("wrap", "drop"):
                reason = cand.rule_reason or "rewrite rejected by the guards or the verifier"
                tally[outcome.kind, reason.split(" at ")[0].split(" '")[0]] += 1
    return tally


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--json", default=None)
    ap.add_argument("--reasons", action="store_true", help="also count wrapped and dropped sentences by reason")
    args = ap.parse_args()
    res = evaluate(args.limit)
    rows = [
        ("annotation spans removed", res["annotation_removal_recall"], ">= 99%"),
        ("claim spans found", res["claims_found"], ">= 98%"),
        ("claims as local negations", res["local_negation"], ">= 95%"),
        ("claims wrapped", res["wrapped"], ""),
        ("claims dropped", res["dropped"], "< 2%"),
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
    if args.reasons:
        print("| outcome | the rules' reason | claim sentences |\n|---|---|---:|")
        for (kind, reason), n in refusals(args.limit).most_common():
            print(f"| {kind} | {reason} | {n} |")
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(res, fh, indent=2)


if __name__ == "__main__":
    main()
