"""The verifier on human-labelled (claim, rewrite) pairs: precision and recall before and after the re-parse checks.

    python benchmarks/verifier_labelled.py tests/data/review_dev_before.jsonl tests/data/review_dev.jsonl [--json OUT]

Each file is a labelled ``relocalize review`` file. A pair counts once (the first label of a (claim, rewrite)
pair). Three verifiers are compared: the NLI model alone, the word guards + NLI (the verify stage before the
grammar and scope checks), and the whole verify stage of this version (guards, re-parse checks, NLI).
"""

from __future__ import annotations

import argparse
import json

import relocalize
from relocalize.bench.verifier_eval import CONFIGS, evaluate_labelled
from relocalize.review import read_records


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="+", metavar="REVIEW.jsonl")
    ap.add_argument("--json", metavar="OUT.json")
    args = ap.parse_args()
    records, seen = [], set()
    for path in args.files:
        for r in read_records(path):
            if (r["claim"], r["rewrite"]) not in seen:
                seen.add((r["claim"], r["rewrite"]))
                records.append(r)
    pipeline = relocalize.Relocalizer().pipeline
    models = pipeline.models
    result = evaluate_labelled(records, models.verifier.contradiction, models.thresholds, pipeline.decider.malformed)
    print(f"{result['pairs']} labelled pairs, {result['accepted_by_people']} acceptable to a reader")
    print("| verifier | passed | precision | recall |\n|---|---:|---:|---:|")
    for config in CONFIGS:
        c = result[config]
        prec = "n/a" if c["precision"] is None else f"{c['precision']:.1%}"
        print(f"| {config} | {c['passed']} | {prec} | {c['recall']:.1%} |")
    print("rejects by family, and how many the whole verify stage catches:")
    for family, n in sorted(result["rejects_by_family"].items(), key=lambda kv: -kv[1]):
        print(f"  {family}: {result['verify']['rejects_caught_by_family'].get(family, 0)} of {n}")
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(result, fh, indent=1)


if __name__ == "__main__":
    main()
