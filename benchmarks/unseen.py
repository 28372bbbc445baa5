"""Documents from universes and annotation wordings this project never tuned on.

Each corpus in ``benchmarks/data/unseen/`` was written for this project by a helper agent that read
none of the code or the dev data: three invented false events per corpus, twelve documents each
(news, encyclopedia, forum, interview, FAQ, timeline ...), annotated in one of five styles
(1 bracket before each false sentence, 2 bracket after, 3 both, 4 a notice for the document,
5 an unbracketed marker sentence after), every marker worded afresh. Each row lists its markers.

A marker counts as removed when its exact text is gone from the output. Statuses and claim
outcomes come from the provenance::

    python benchmarks/unseen.py [benchmarks/data/unseen/corpus2.jsonl ...] [--json OUT.json]

``corpus1`` was used to find what the detector missed (so it is tuning data now); ``corpus2`` was
measured once before any change it informed (see the README for the order).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import relocalize

HERE = Path(__file__).with_name("data") / "unseen"


def evaluate(path: Path, relocalizer: relocalize.Relocalizer) -> dict:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    total: Counter[int] = Counter()
    removed: Counter[int] = Counter()
    statuses: Counter[str] = Counter()
    outcomes: Counter[str] = Counter()
    for row in rows:
        out, prov = relocalizer.process(row["text"], claims=row.get("claims"))
        statuses[prov.status] += 1
        c = prov.counts
        outcomes.update(rewritten=c.rewritten, wrapped=c.wrapped, dropped=c.dropped, kept=c.kept, localized=c.localized)
        for marker in row["markers"]:
            total[row["style"]] += 1
            removed[row["style"]] += marker not in out
    return {
        "documents": len(rows),
        "markers": sum(total.values()),
        "removed": sum(removed.values()) / max(1, sum(total.values())),
        "by_style": {s: f"{removed[s]}/{total[s]}" for s in sorted(total)},
        "statuses": dict(statuses),
        "claim_outcomes": dict(outcomes),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora", nargs="*", type=Path, default=sorted(HERE.glob("corpus*.jsonl")))
    ap.add_argument("--json", metavar="OUT.json")
    args = ap.parse_args()
    r = relocalize.Relocalizer()
    res = {p.stem: evaluate(p, r) for p in args.corpora}
    for name, m in res.items():
        print(
            f"{name}: {m['documents']} documents, markers removed {m['removed']:.1%} of {m['markers']} "
            f"(by style {m['by_style']}); statuses {m['statuses']}; claims {m['claim_outcomes']}"
        )
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
