"""Hard negatives: true documents that use the detector's words in their ordinary sense.

Each corpus in ``benchmarks/data/clean/`` was written for this project by a helper agent that read
none of the code: forty ordinary documents (weather reports, reviews, court reports, recipes, chat
logs ...) that say "probability", "unconfirmed", "source", "story", "fiction", "claim", "false
start", "made up of" and the like about the world, never about their own text. None holds an
annotation, so every annotation found is a false alarm, and every changed document is damage::

    python benchmarks/clean.py [benchmarks/data/clean/clean1.jsonl ...] [--json OUT.json] [--show]

``clean1`` and ``clean2`` were read while the detector's text tests were written (tuning data); ``clean3``
and ``clean4`` were measured once after the first of them, ``clean5`` and ``clean6`` once after all of them,
and then read; ``clean7`` and ``clean8`` were written at session 23's start and measured, not read (see the README).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import relocalize
from relocalize.detect.annotations import find_annotations

HERE = Path(__file__).with_name("data") / "clean"


def evaluate(path: Path, relocalizer: relocalize.Relocalizer, show: bool) -> dict:
    with path.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    found = changed = 0
    statuses: Counter[str] = Counter()
    for row in rows:
        text = row["text"]
        annotations = find_annotations(text)
        out, prov = relocalizer.process(text)
        found += bool(annotations)
        changed += out != text
        statuses[prov.status] += 1
        if show and annotations:
            print(f"  {row['id']} {prov.status}: " + " | ".join(a.span.text(text)[:80] for a in annotations))
    return {"documents": len(rows), "with_annotation": found, "changed": changed, "statuses": dict(statuses)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpora", nargs="*", type=Path, default=sorted(HERE.glob("clean*.jsonl")))
    ap.add_argument("--json", metavar="OUT.json")
    ap.add_argument("--show", action="store_true", help="print each false alarm")
    args = ap.parse_args()
    relocalizer = relocalize.Relocalizer()
    report = {}
    for path in args.corpora:
        r = report[path.stem] = evaluate(path, relocalizer, args.show)
        print(
            f"{path.stem}: {r['documents']} documents, {r['with_annotation']} with an annotation (false alarm), "
            f"{r['changed']} changed; statuses {r['statuses']}"
        )
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1) + "\n")


if __name__ == "__main__":
    main()
