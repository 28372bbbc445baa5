"""Hard single sentences written outside the project, and what a reader makes of relocalize's answer to each.

``benchmarks/data/hard/hard{a,b}.jsonl`` were written by two helper agents that read none of the code: 80 sentences
each, five per family of issue 11 (irregular verbs, modals, quantifiers, negatives and polarity items, a false part in
a relative clause or participle, reported speech, how/why/that clauses, coordination, headings and fragments,
questions, nominalisations, figures, contrast frames, sentences a small parser misreads), each with what the document
marks false, the writer's suggested negations and whether refusing is as good. Set ``a`` was read and tuned on in
session 36; set ``b`` is held out.

Each sentence goes through the rules' decision exactly as ``tests/test_rewrite_table.py`` runs a row (a rule rewrite,
a wrapper or a refusal). A label file (``tests/data/hard_*_labels.jsonl``, written by helpers who read no code) holds
a reader's verdict on one answer: ``accept`` / ``reject`` for a rewrite or a wrapper, ``refuse_right`` /
``refuse_missed`` for a refusal. A label counts only while the answer it judged is still the answer (keyed by id,
outcome and output); the rest are counted as unlabelled and, with ``--out``, written for a reader to label::

    python benchmarks/hard_sentences.py benchmarks/data/hard/hardb.jsonl --labels tests/data/hard_b_labels.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import relocalize
from relocalize.plan import Outcome
from relocalize.review import wilson
from relocalize.spans import Span

KINDS = {"rewrite": "rule", "wrap": "wrap"}


def answer(pipeline, sentence: str) -> tuple[str, str | None, str]:
    """relocalize's answer to ``sentence``: outcome (rule, wrap, refuse), output and the rule or check that decided."""
    candidate = pipeline.models.rewriter.candidates([sentence])[0]
    outcome = Outcome(Span(0, len(sentence)))
    pipeline.decide(outcome, candidate)
    got = KINDS.get(outcome.kind, "refuse")
    return got, outcome.text if got != "refuse" else None, outcome.rule


def _key(row: dict) -> tuple:
    return row["id"], row["outcome"], row["output"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sentences", type=Path)
    parser.add_argument("--labels", type=Path, action="append", default=[], help="label files; a later one's wins")
    parser.add_argument("--out", type=Path, help="write every answer, with its label where one holds")
    args = parser.parse_args(argv)
    pipeline = relocalize.Relocalizer().pipeline
    labels = {}
    for path in args.labels:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                labels[_key(row)] = row["label"]
    rows = []
    for line in args.sentences.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            row["outcome"], row["output"], row["rule"] = answer(pipeline, row["sentence"])
            row["label"] = labels.get(_key(row))
            rows.append(row)
    tally = Counter((r["outcome"], r["label"] or "unlabelled") for r in rows)
    for (outcome, label), n in sorted(tally.items()):
        print(f"{outcome:8s} {label:14s} {n:4d}")
    given = [r for r in rows if r["outcome"] != "refuse" and r["label"] in ("accept", "reject")]
    good = sum(r["label"] == "accept" for r in given)
    low, high = wilson(good, len(given))
    share = good / len(given) if given else 0.0
    print(f"answers a reader accepts (rewrites, wrappers): {good} of {len(given)}, {share:.1%} ({low:.1%}-{high:.1%})")
    judged = [r for r in rows if r["label"]]
    right = sum(r["label"] in ("accept", "refuse_right") for r in judged)
    low, high = wilson(right, len(judged))
    share = right / len(judged) if judged else 0.0
    print(
        f"sentences answered right (accepted, or refused where refusing is right): {right} of {len(judged)}, "
        f"{share:.1%} ({low:.1%}-{high:.1%}); unlabelled {len(rows) - len(judged)}"
    )
    if args.out:
        args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
