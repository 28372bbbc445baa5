"""Documents from universes and annotation wordings this project never tuned on.

Each corpus in ``benchmarks/data/unseen/`` was written for this project by a helper agent that read
none of the code or the dev data: three invented false events per corpus, twelve documents each
(news, encyclopedia, forum, interview, FAQ, timeline ...), annotated in one of five styles
(1 bracket before each false sentence, 2 bracket after, 3 both, 4 a notice for the document,
5 an unbracketed marker sentence after), every marker worded afresh. Each row lists its markers.

A marker counts as removed when its exact text is gone from the output. Where a corpus lists its
``false_sentences`` (corpus 3 on), each claim edit (rewrite, wrapper, stance, drop) is checked
against them: *edit precision* is the share of edits that touch a false sentence (a drop of true
background, a heading or a speaker label is a wrong edit), *false sentences edited* the share of
false sentences some edit touches. For style 3 the markers alternate opening and closing, so each is checked
for the direction the detector gives it (*paired directions right*: forward, then backward). Every marker is
also checked for whether the detector finds it at all and points it the way its style says (*found* and *right*
by style: 1 forward, 2 and 5 backward, 3 alternating, 4 the document), and each false sentence for whether it is
left word for word with every marker of its document gone (*unmarked*: asserted and no longer said to be false).
An annotation that holds no listed marker and lies in none (*misread*) is content the detector took for one.
Statuses and claim outcomes come from the provenance::

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
from relocalize.detect.annotations import find_annotations

HERE = Path(__file__).with_name("data") / "unseen"


def evaluate(path: Path, relocalizer: relocalize.Relocalizer) -> dict:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    total: Counter[int] = Counter()
    removed: Counter[int] = Counter()
    statuses: Counter[str] = Counter()
    outcomes: Counter[str] = Counter()
    edits: Counter[str] = Counter()
    found: Counter[tuple[int, str]] = Counter()
    for row in rows:
        found.update(_marker_directions(row))
        out, prov = relocalizer.process(row["text"], claims=row.get("claims"))
        if "false_sentences" in row:
            edits.update(_edit_hits(row, prov))
            found.update(_left_unmarked(row, out))
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
        "paired_directions_right": f"{found[3, 'right']}/{total[3]}",
        "annotations": sum(n for (_, what), n in found.items() if what == "annotation"),
        "misread": sum(n for (_, what), n in found.items() if what == "misread"),
        "found_by_style": {s: f"{found[s, 'found']}/{total[s]}" for s in sorted(total)},
        "right_by_style": {s: f"{found[s, 'right']}/{total[s]}" for s in sorted(total)},
        "unmarked_by_style": {
            s: f"{found[s, 'unmarked']}/{found[s, 'false']}" for s in sorted(total) if found[s, "false"]
        },
        **_edit_rates(edits),
    }


_DIRECTION = {1: "forward", 2: "backward", 4: "document", 5: "backward"}


def _marker_directions(row: dict) -> Counter[tuple[int, str]]:
    """(style, "found") for each marker the detector finds, (style, "right") for each it points as its style says
    (style 3: opening forward, closing backward); (style, "annotation") for each annotation and (style, "misread")
    for each that holds no listed marker and lies in none."""
    text, style, found, at = row["text"], row["style"], Counter[tuple[int, str]](), 0
    annotations = find_annotations(text)
    for a in annotations:
        words = a.span.text(text)
        found[style, "annotation"] += 1
        found[style, "misread"] += not any(m in words or words in m for m in row["markers"])
    for k, marker in enumerate(row["markers"]):
        at = text.find(marker, at)
        if at < 0:
            continue
        middle = at + len(marker) // 2
        got = [a.direction for a in annotations if a.span.start <= middle < a.span.end]
        want = ("forward" if k % 2 == 0 else "backward") if style == 3 else _DIRECTION[style]
        found[style, "found"] += bool(got)
        found[style, "right"] += got[:1] == [want]
        at += len(marker)
    return found


def _styles(found: Counter[tuple[int, str]]) -> list[int]:
    return sorted(s for s, what in found if what == "false")


def _left_unmarked(row: dict, out: str) -> Counter[tuple[int, str]]:
    """(style, "false") for each false sentence, (style, "unmarked") for each left word for word in ``out`` with
    every marker of its document gone: asserted, and no longer said to be false."""
    bare = not any(marker in out for marker in row["markers"])
    style = row["style"]
    return Counter(
        {
            (style, "false"): len(row["false_sentences"]),
            (style, "unmarked"): sum(bare and s in out for s in row["false_sentences"]),
        }
    )


def _edit_hits(row: dict, prov: relocalize.Provenance) -> Counter[str]:
    text = row["text"]
    spans = [(i, i + len(s)) for s in row["false_sentences"] if (i := text.find(s)) >= 0]
    claim_edits = [e for e in prov.edits if e.kind in ("rewrite", "wrap", "localize", "drop")]
    hit = Counter(edits=len(claim_edits), false_sentences=len(spans))
    hit["on_false"] = sum(any(e.start < b and a < e.end for a, b in spans) for e in claim_edits)
    hit["false_edited"] = sum(any(e.start < b and a < e.end for e in claim_edits) for a, b in spans)
    return hit


def _edit_rates(c: Counter[str]) -> dict:
    if not c["false_sentences"]:
        return {}
    return {
        "edit_precision": c["on_false"] / max(1, c["edits"]),
        "false_sentences_edited": c["false_edited"] / c["false_sentences"],
        "claim_edits": c["edits"],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora", nargs="*", type=Path, default=sorted(HERE.glob("corpus*.jsonl")))
    ap.add_argument("--json", metavar="OUT.json")
    args = ap.parse_args()
    r = relocalize.Relocalizer()
    res = {p.stem: evaluate(p, r) for p in args.corpora}
    misread, annotations = (sum(m[k] for m in res.values()) for k in ("misread", "annotations"))
    print(f"all corpora: {misread} of {annotations} annotations hold no listed marker (misread content)")
    for name, m in res.items():
        print(
            f"{name}: {m['documents']} documents, markers removed {m['removed']:.1%} of {m['markers']} "
            f"(by style {m['by_style']}); statuses {m['statuses']}; claims {m['claim_outcomes']}; "
            f"paired directions right {m['paired_directions_right']}"
        )
        print(f"  markers found by style {m['found_by_style']}; pointed right {m['right_by_style']}")
        if m["unmarked_by_style"]:
            print(f"  false sentences left as they were with every marker gone, by style {m['unmarked_by_style']}")
        if "edit_precision" in m:
            print(
                f"  claim edits on a false sentence {m['edit_precision']:.1%} of {m['claim_edits']}; "
                f"false sentences edited {m['false_sentences_edited']:.1%}"
            )
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
