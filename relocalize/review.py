"""``relocalize review``: a reader's estimate of rewrite quality on a sample of a finished run.

``sample`` draws claim edits from output shards into a review file (JSON lines), ``label`` walks a
person through them in the terminal, ``html`` renders them as one static page and ``score`` reports
the acceptable share with a 95% Wilson interval, rejects by failure family and the sample's make-up.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import math
import os
import random
import re
import sys
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, TextIO

from relocalize.api import COLUMN
from relocalize.inspection import Painter
from relocalize.io import Shard, ShardError, UsageError, batch_rows, discover, open_reader
from relocalize.provenance import CLAIM_EDITS, Kind

LABELS = ("accept", "reject", "skip")
FAMILIES = (
    ("not_a_clause", '"not" glued onto a heading, title, list item, sign-off or a misparsed sentence'),
    ("wrapped_lines", "one sentence hard-wrapped over lines negated line by line"),
    ("subordinate_claim", "claim still asserted in a relative clause, participle, appositive or absolute phrase"),
    ("wrong_clause", "a neighbouring / embedding / speech-act clause negated instead of the claim"),
    ("polarity", 'negative polarity item or double negation left: "has yet", "not ... no"'),
    ("morphology", 'ungrammatical: "do not swam", agreement'),
    ("modal", "deontic must -> must not, epistemic might kept"),
    ("quantifier", "all / always / both mishandled"),
    ("question", "question or imperative garbled"),
    ("over_negation", "a true background clause negated too"),
    ("wrong_stance", "a localized sentence: a stance the document did not take, or one that does not cover the claim"),
    ("meaning_changed", "other content changed"),
    ("other", "none of the above (asks for a note)"),
)
FAMILY_NAMES = tuple(name for name, _ in FAMILIES)
GROUPS = ("family", "method", "rule", "doc_type", "kind", "split")
CONTEXT = 120
Z95 = 1.959964
PAINT = {"-": "del", "+": "ins"}


# -- sampling ----------------------------------------------------------------
SPLITS = ("tune", "holdout")


def split_of(doc_id: str) -> str:
    """``"holdout"`` for every fifth document (by CRC-32 of its id), else ``"tune"``."""
    return "holdout" if zlib.crc32(doc_id.encode()) % 5 == 0 else "tune"


def _rows(shard: Shard, text_column: str) -> Iterator[dict[str, Any]]:
    """The rows of an output shard; each must hold a ``relocalize`` provenance value."""
    reader = open_reader(shard, 1024, text_column)
    if shard.format == "parquet" and COLUMN not in reader.schema.names:
        raise ShardError(f"{shard.path}: no column {COLUMN!r}; is it relocalize output?")
    for batch in reader:
        yield from batch_rows(batch)


def _edits(row: dict[str, Any], where: str) -> list[dict[str, Any]]:
    prov = row.get(COLUMN)
    if not isinstance(prov, dict) or not isinstance(prov.get("edits"), list):
        raise ShardError(f"{where}: no {COLUMN!r} provenance value; is it relocalize output?")
    return prov["edits"]


def _doc(row: dict[str, Any], where: str) -> tuple[str, str]:
    """The row's document id and type."""
    ids = [row[k] for k in ("doc_id", "id") if row.get(k) is not None]
    doc_id = str(ids[0]) if ids else where
    doc_type = row.get("doc_type")
    if doc_type is None:
        doc_type = doc_id.split("/", 1)[0] if "/" in doc_id else ""
    return doc_id, str(doc_type)


def _record(name: str, i: int, j: int, edit: dict[str, Any], text: str, doc: tuple[str, str]) -> dict[str, Any]:
    return {
        "id": hashlib.sha1(f"{name}:{i}:{j}".encode()).hexdigest()[:12],
        "doc_id": doc[0],
        "doc_type": doc[1],
        "split": split_of(doc[0]),
        "claim": edit["original"],
        "rewrite": None if edit["kind"] == Kind.DROP else edit["text"],
        "kind": edit["kind"],
        "method": edit["method"],
        "rule": edit.get("rule") or "",
        "score": edit["score"],
        "context_before": text[max(0, edit["new_start"] - CONTEXT) : edit["new_start"]],
        "context_after": text[edit["new_end"] : edit["new_end"] + CONTEXT],
        "label": None,
        "family": None,
        "note": "",
        "labeled": None,
    }


def claim_edits(
    paths: Iterable[str | Path], kinds: Iterable[str] = CLAIM_EDITS, text_column: str = "text"
) -> Iterator[dict[str, Any]]:
    """Every claim edit of the output shards under ``paths`` as a review record (files by path, rows, edits)."""
    wanted = set(kinds)
    for shard in sorted(discover([str(p) for p in paths]), key=lambda s: str(s.path)):
        for i, row in enumerate(_rows(shard, text_column)):
            where = f"{shard.name}:{i}"
            text = row.get(text_column) or ""
            for j, edit in enumerate(_edits(row, f"{shard.path}: row {i}")):
                if edit["kind"] in wanted:
                    yield _record(shard.name, i, j, edit, text, _doc(row, where))


def _pair(record: dict[str, Any]) -> dict[str, Any]:
    return {"claim": record["claim"], "rewrite": record["rewrite"]}


def is_labelled(record: dict[str, Any]) -> bool:
    """Whether ``record`` holds a label given to its current (claim, rewrite) pair (a text-free record
    from :func:`strip` is keyed by the pair's hashes and always current)."""
    if record.get("label") not in LABELS:
        return False
    return "claim" not in record or record.get("labeled") == _pair(record)


def _digest(text: str | None) -> str:
    return hashlib.sha1((text or "").encode("utf-8")).hexdigest()


def pair_key(record: dict[str, Any]) -> tuple[str, str]:
    """The (claim, rewrite) hashes a label belongs to, for records with or without their text."""
    if "claim" not in record:
        return record["claim_sha1"], record["rewrite_sha1"]
    return _digest(record["claim"]), _digest(record["rewrite"])


def strip(record: dict[str, Any]) -> dict[str, Any]:
    """A labelled record without any text of the corpus (claim, rewrite, context, note): its label
    keyed by the hashes of the pair, so labels of a licensed corpus can be kept where its text cannot."""
    kept = ("id", "doc_id", "doc_type", "split", "kind", "method", "rule", "score", "label", "family")
    claim, rewrite = pair_key(record)
    return {**{k: record.get(k) for k in kept}, "claim_sha1": claim, "rewrite_sha1": rewrite}


def _carry_labels(records: list[dict[str, Any]], old: Iterable[dict[str, Any]]) -> None:
    """Copy the labels of ``old`` records onto ``records`` with the same (claim, rewrite)."""
    known = {pair_key(r): r for r in old if is_labelled(r)}
    for record in records:
        prior = known.get(pair_key(record))
        if prior is not None:
            record.update({k: prior.get(k) for k in ("label", "family")})
            record.update(note=prior.get("note", ""), labeled=_pair(record))


def sample(
    paths: Iterable[str | Path],
    n: int,
    seed: int,
    *,
    kinds: Iterable[str] = CLAIM_EDITS,
    text_column: str = "text",
    labels: Iterable[dict[str, Any]] | None = None,
    split: str | None = None,
) -> list[dict[str, Any]]:
    """A uniform sample of ``n`` claim edits (all when fewer), in collection order, labels carried from ``labels``.

    ``split`` ("tune" or "holdout", see :func:`split_of`) draws from that part of the documents only.
    """
    wanted = set(kinds)
    if not wanted or wanted - set(CLAIM_EDITS):
        raise UsageError(f"kinds must be some of {', '.join(CLAIM_EDITS)}, not {', '.join(sorted(wanted)) or 'none'}")
    if split not in (None, *SPLITS):
        raise UsageError(f"split must be one of {', '.join(SPLITS)}, not {split!r}")
    population = [r for r in claim_edits(paths, wanted, text_column) if split is None or r["split"] == split]
    picked = sorted(random.Random(seed).sample(range(len(population)), n)) if n < len(population) else None
    records = population if picked is None else [population[i] for i in picked]
    _carry_labels(records, labels or [])
    return records


# -- review files ------------------------------------------------------------
def read_records(path: str | Path) -> list[dict[str, Any]]:
    """The records of a review file."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror}") from exc
    records = []
    for lineno, line in enumerate(lines, 1):
        if line.strip():
            try:
                record = json.loads(line)
            except ValueError as exc:
                raise UsageError(f"{path}:{lineno}: not valid JSON: {exc}") from exc
            fields = record.keys() if isinstance(record, dict) else set()
            if not ({"claim", "rewrite"} <= fields or {"claim_sha1", "rewrite_sha1"} <= fields):
                raise UsageError(f"{path}:{lineno}: not a review record")
            records.append(record)
    return records


def write_records(path: str | Path, records: list[dict[str, Any]]) -> None:
    """Write ``records`` to ``path`` atomically (temporary file, fsync, rename)."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        fh.flush()
        os.fsync(fh.fileno())
    tmp.replace(path)


# -- showing a rewrite -------------------------------------------------------
def word_diff(old: str, new: str | None) -> list[tuple[str, str]]:
    """``old`` -> ``new`` as ``("=" | "-" | "+", text)`` pieces, word by word."""
    a, b = re.findall(r"\s+|\S+", old), re.findall(r"\s+|\S+", new or "")
    pieces = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(("=", "".join(a[i1:i2])))
            continue
        pieces += [(sign, "".join(words)) for sign, words in (("-", a[i1:i2]), ("+", b[j1:j2])) if words]
    return pieces


def _shown(record: dict[str, Any], piece: Callable[[str, str], str]) -> tuple[str, str, str]:
    """The diff in its context, the claim with its deletions and the rewrite with its insertions."""
    pieces = word_diff(record["claim"], record["rewrite"])
    diff, claim, rewrite = ("".join(piece(s, t) for s, t in pieces if s in signs) for signs in ("=-+", "=-", "=+"))
    before, after = piece("=", record["context_before"]), piece("=", record["context_after"])
    return f"…{before}{diff}{after}…", claim, rewrite


def _heading(record: dict[str, Any]) -> str:
    score = "-" if record.get("score") is None else f"{record['score']:.3f}"
    return f"{record['doc_id']} ({record['kind']}, {record['method']}, score {score}; {record['split']})"


# -- label -------------------------------------------------------------------
def _ask(answers: TextIO, out: TextIO, prompt: str, valid: Callable[[str], bool]) -> str | None:
    """The first answer line that ``valid`` accepts; None at the end of the input."""
    while True:
        print(prompt, end="", file=out, flush=True)
        line = answers.readline()
        if not line:
            return None
        if valid(line.strip()):
            return line.strip()
        print("?", file=out)


def _family(answers: TextIO, out: TextIO) -> str | None:
    for k, (name, gloss) in enumerate(FAMILIES, 1):
        print(f"  {k:2d} {name:18s} {gloss}", file=out)
    ok = {str(k) for k in range(1, len(FAMILIES) + 1)} | set(FAMILY_NAMES)
    answer = _ask(answers, out, f"family [1-{len(FAMILIES)}]: ", ok.__contains__)
    if answer is not None and answer.isdigit():
        return FAMILY_NAMES[int(answer) - 1]
    return answer


def _answer(record: dict[str, Any], answers: TextIO, out: TextIO) -> dict[str, Any] | None:
    """The label fields of one answer, or None to quit."""
    key = _ask(answers, out, "[a]ccept [r]eject [s]kip [q]uit: ", lambda s: s in ("a", "r", "s", "q"))
    if key in (None, "q"):
        return None
    verdict = {"a": "accept", "r": "reject", "s": "skip"}[key]
    family, note = None, ""
    if verdict == "reject":
        family = _family(answers, out)
        if family is None:
            return None
        if family == "other":
            note = (_ask(answers, out, "note: ", lambda _: True) or "").strip()
    return {"label": verdict, "family": family, "note": note, "labeled": _pair(record)}


def label(path: str | Path, answers: TextIO, out: TextIO, color: bool = False) -> int:
    """Ask for a label for each unlabelled record of a review file, saving after each; the number given."""
    records = read_records(path)
    todo = [r for r in records if not is_labelled(r)]
    paint = Painter(color)
    done = 0
    for k, record in enumerate(todo, 1):
        print(f"\n[{k}/{len(todo)}] {_heading(record)}", file=out)
        context, claim, rewrite = _shown(record, lambda s, t: paint(PAINT[s], t) if s in PAINT else t)
        rewrite = "(dropped)" if record["rewrite"] is None else rewrite
        print(f"{context}\n  claim:   {claim}\n  rewrite: {rewrite}", file=out)
        fields = _answer(record, answers, out)
        if fields is None:
            break
        record.update(fields)
        write_records(path, records)
        done += 1
    left = sum(not is_labelled(r) for r in records)
    hint = f" (rerun `relocalize review label {path}` to go on)" if left else ""
    print(f"\n{done} labelled now, {left} left{hint}", file=out)
    return done


# -- score -------------------------------------------------------------------
def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval of ``k`` successes in ``n`` trials; (0, 1) when ``n`` is 0."""
    if n == 0:
        return 0.0, 1.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def _share(k: int, n: int) -> dict[str, Any]:
    return {"k": k, "n": n, "share": k / n if n else None, "ci95": list(wilson(k, n))}


def _tally(records: list[dict[str, Any]]) -> dict[str, Any]:
    labels = Counter(r["label"] if is_labelled(r) else None for r in records)
    accepted, rejected = labels["accept"], labels["reject"]
    return {
        "records": len(records),
        "acceptable": _share(accepted, accepted + rejected),
        "rejected": rejected,
        "skipped": labels["skip"],
        "unlabelled": labels[None],
    }


def score(records: list[dict[str, Any]], by: str | None = None) -> dict[str, Any]:
    """Acceptable share of the accepted and rejected records (95% Wilson interval), rejects by family, make-up."""
    if by is not None and by not in GROUPS:
        raise ValueError(f"by must be one of {', '.join(GROUPS)}")
    rejects = [r for r in records if is_labelled(r) and r["label"] == "reject"]
    families = Counter(r.get("family") if r.get("family") in FAMILY_NAMES else "other" for r in rejects)
    kinds = Counter(r["kind"] for r in records)
    result = _tally(records) | {
        "rejects_by_family": {f: families[f] for f in FAMILY_NAMES if families[f]},
        "kinds": {k: _share(kinds[k], len(records)) for k in CLAIM_EDITS if kinds[k]},
    }
    if by == "family":
        labelled = result["acceptable"]["n"]
        result["groups"] = {f: _share(c, labelled) for f, c in result["rejects_by_family"].items()}
    elif by is not None:
        groups: dict[str, list[dict[str, Any]]] = {}
        for r in records:
            groups.setdefault(str(r.get(by) or "(none)"), []).append(r)
        result["groups"] = {g: _tally(rs) for g, rs in sorted(groups.items())}
    return result | {"by": by}


def _pct(share: dict[str, Any]) -> str:
    if share["share"] is None:
        return "n/a (none labelled)"
    lo, hi = share["ci95"]
    return f"{share['share']:.1%} (95% CI {lo:.1%}-{hi:.1%}) of {share['n']}"


def format_score(result: dict[str, Any]) -> str:
    """:func:`score`'s result as lines of text."""
    acc = result["acceptable"]
    lines = [
        f"{result['records']} records: {acc['k']} accepted, {result['rejected']} rejected, "
        f"{result['skipped']} skipped, {result['unlabelled']} unlabelled",
        f"acceptable: {_pct(acc)}",
        "make-up: " + ", ".join(f"{k} {s['share']:.1%} ({s['k']})" for k, s in result["kinds"].items()),
        "rejects by family: " + (", ".join(f"{f} {c}" for f, c in result["rejects_by_family"].items()) or "none"),
    ]
    if result["by"] == "family":
        lines.append("by family (rejects / labelled):")
        lines += [f"  {f:18s} {_pct(s)}" for f, s in result["groups"].items()]
    elif result["by"]:
        lines.append(f"by {result['by']} (acceptable; skipped, unlabelled):")
        lines += [
            f"  {g:18s} {_pct(t['acceptable'])}; {t['skipped']} skipped, {t['unlabelled']} unlabelled"
            for g, t in result["groups"].items()
        ]
    return "\n".join(lines)


# -- html --------------------------------------------------------------------
STYLE = """body{font:15px/1.45 system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em}
.r{border-top:1px solid #ccc;padding:.6em 0}.m{color:#555;font-size:90%}.c,.p{white-space:pre-wrap}
.p{color:#333;margin-top:.3em}del{background:#fdd;color:#900}ins{background:#dfd;color:#060;text-decoration:none;font-weight:600}
.accept{color:#060}.reject{color:#900}.skip{color:#777}pre{background:#f6f6f6;padding:.6em}"""


def _html_piece(sign: str, text: str) -> str:
    tag = {"=": "", "-": "del", "+": "ins"}[sign]
    return f"<{tag}>{html.escape(text)}</{tag}>" if tag else html.escape(text)


def _html_record(k: int, record: dict[str, Any]) -> str:
    state = record["label"] if is_labelled(record) else "unlabelled"
    extra = ": ".join(str(x) for x in (record.get("family"), record.get("note")) if x and is_labelled(record))
    context, claim, rewrite = _shown(record, _html_piece)
    if record["rewrite"] is None:
        rewrite = "<i>(dropped)</i>"
    return (
        f'<div class="r" id="{html.escape(str(record.get("id", k)))}"><div class="m">{k}. '
        f'{html.escape(_heading(record))} <b class="{state}">{state}</b> {html.escape(extra)}</div>'
        f'<div class="c">{context}</div><div class="p">claim: {claim}<br>rewrite: {rewrite}</div></div>'
    )


def render_html(records: list[dict[str, Any]], title: str) -> str:
    """One self-contained page with every record, its context and diff, and its label."""
    body = "\n".join(_html_record(k, r) for k, r in enumerate(records, 1))
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"<style>{STYLE}</style></head><body><h1>{html.escape(title)}</h1>"
        f"<pre>{html.escape(format_score(score(records)))}</pre>\n{body}\n</body></html>\n"
    )


# -- command line ------------------------------------------------------------
def add_review_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``review`` (``sample``, ``label``, ``html``, ``score``) on an ``argparse`` subparsers object."""
    p = subparsers.add_parser("review", help="sample, label and score rewrites of a finished run", description=__doc__)
    sub = p.add_subparsers(dest="review_command", required=True)
    s = sub.add_parser("sample", help="draw claim edits from output shards into a review file")
    s.add_argument("paths", nargs="+", metavar="PATH", help="OUTDIR of a run, a bench report dir, or shard files")
    s.add_argument("--n", type=int, default=100, help="records to draw (default: 100)")
    s.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
    s.add_argument("--out", required=True, metavar="REVIEW.jsonl", help="the review file to write")
    s.add_argument(
        "--kinds", default=",".join(CLAIM_EDITS), help=f"edit kinds to draw (default: {','.join(CLAIM_EDITS)})"
    )
    s.add_argument("--text-column", default="text", help="the output's text column (default: text)")
    s.add_argument("--labels", metavar="OLD.jsonl", help="carry labels over by (claim, rewrite) from this file")
    s.add_argument("--split", choices=SPLITS, help="draw only from the tune or the held-out documents")
    lab = sub.add_parser("label", help="label the unlabelled records in the terminal (a/r/s/q)")
    lab.add_argument("file", metavar="REVIEW.jsonl")
    h = sub.add_parser("html", help="write the records as one static HTML page")
    h.add_argument("file", metavar="REVIEW.jsonl")
    h.add_argument("--out", metavar="REVIEW.html", help="default: REVIEW.html beside the file")
    st = sub.add_parser("strip", help="labels without the corpus text (keyed by hashes), to keep beside code")
    st.add_argument("files", nargs="+", metavar="REVIEW.jsonl")
    st.add_argument("--out", required=True, metavar="LABELS.jsonl")
    sc = sub.add_parser("score", help="acceptable share with a 95%% Wilson interval, rejects by family")
    sc.add_argument("files", nargs="+", metavar="REVIEW.jsonl", help="one or more review files, scored together")
    sc.add_argument("--by", choices=GROUPS, help="also one line per group")
    sc.add_argument("--json", action="store_true", help="print the result as JSON")
    return p


def _cmd_sample(args: argparse.Namespace) -> int:
    if args.n < 0:
        raise UsageError("--n must not be negative")
    out = Path(args.out)
    if not args.labels and out.exists() and any(is_labelled(r) for r in read_records(out)):
        raise UsageError(f"{out} holds labels: pass --labels {out} to keep them, or remove it")
    old = read_records(args.labels) if args.labels else None
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    records = sample(
        args.paths, args.n, args.seed, kinds=kinds, text_column=args.text_column, labels=old, split=args.split
    )
    write_records(out, records)
    carried = sum(is_labelled(r) for r in records)
    print(f"{len(records)} records in {out}" + (f" ({carried} labels carried over)" if old is not None else ""))
    return 0


def _cmd_label(args: argparse.Namespace) -> int:
    label(args.file, sys.stdin, sys.stdout, color=sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    return 0


def _cmd_html(args: argparse.Namespace) -> int:
    out = Path(args.out) if args.out else Path(args.file).with_suffix(".html")
    out.write_text(render_html(read_records(args.file), f"relocalize review: {Path(args.file).name}"), "utf-8")
    print(f"wrote {out}")
    return 0


def _cmd_strip(args: argparse.Namespace) -> int:
    out, seen = [], set()
    for path in args.files:
        for record in read_records(path):
            if is_labelled(record) and (key := pair_key(record)) not in seen:
                seen.add(key)
                out.append(strip(record))
    write_records(args.out, out)
    print(f"{len(out)} labels in {args.out}")
    return 0


def _cmd_score(args: argparse.Namespace) -> int:
    result = score([r for path in args.files for r in read_records(path)], args.by)
    print(json.dumps(result, indent=1) if args.json else format_score(result))
    return 0


def run_review_command(args: argparse.Namespace) -> int:
    """Run ``relocalize review`` from parsed arguments; the exit status."""
    commands = {"sample": _cmd_sample, "label": _cmd_label, "html": _cmd_html, "strip": _cmd_strip, "score": _cmd_score}
    return commands[args.review_command](args)
