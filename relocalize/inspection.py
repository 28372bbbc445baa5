"""One document's annotations, claims and rewrites, as a (coloured) diff for a person."""

from __future__ import annotations

from typing import Any

from relocalize.detect.annotations import find_annotations
from relocalize.plan import claim_list
from relocalize.provenance import CLAIM_EDITS, Kind

_STYLE = {"del": "\x1b[31;9m", "ins": "\x1b[32;1m", "head": "\x1b[1m"}
_RESET = "\x1b[0m"
_PLAIN = {"del": ("[-", "-]"), "ins": ("{+", "+}"), "head": ("", "")}


class Painter:
    """ANSI colours on a terminal, ``[-deleted-]{+inserted+}`` markers otherwise."""

    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, kind: str, text: str) -> str:
        if not text:
            return ""
        if self.color:
            return f"{_STYLE[kind]}{text}{_RESET}"
        left, right = _PLAIN[kind]
        return f"{left}{text}{right}"


def diff(new_text: str, prov: dict[str, Any], paint: Painter) -> str:
    """The output text with each edit shown as its deleted original and inserted text."""
    parts, cursor = [], 0
    for edit in sorted(prov.get("edits") or [], key=lambda e: e["new_start"]):
        parts.append(new_text[cursor : edit["new_start"]])
        parts.append(paint("del", edit["original"]))
        parts.append(paint("ins", edit["text"]))
        cursor = edit["new_end"]
    parts.append(new_text[cursor:])
    return "".join(parts)


def _quote(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def report(original: object, new_text: object, prov: dict[str, Any], paint: Painter, claims: object = None) -> str:
    """Status, counts, the annotations (their directions as the given ``claims`` decide them) and claims, and the
    diff of one document."""
    c = prov["counts"]
    lines = [
        paint("head", f"status: {prov['status']}") + (f" ({prov['message']})" if prov.get("message") else ""),
        f"annotations: {c['annotations_found']} found, {c['annotations_removed']} removed; "
        f"claims: {c['claims_found']} found, {c['rewritten']} rewritten, {c['wrapped']} wrapped, "
        f"{c['dropped']} dropped, {c['kept']} kept, {c['localized']} localized, {c['unframed']} unframed, "
        f"{c['rejected']} rule rewrites rejected",
    ]
    edits = sorted(prov.get("edits") or [], key=lambda e: e["start"])
    if isinstance(original, str):
        removed = [(e["start"], e["end"]) for e in edits if e["kind"] in (Kind.REMOVE_ANNOTATION, Kind.DROP)]
        readable = prov["status"] not in ("unsupported", "error")
        found = find_annotations(original, claims=claim_list(claims)) if readable else []
        if found:
            lines.append(paint("head", "annotations:"))
        for a in found:
            gone = any(s <= a.span.start and a.span.end <= e for s, e in removed)
            mark = "removed" if gone else "kept"
            lines.append(f"  {a.framing:<15} {a.direction:<8} {a.kind:<11} {mark:<7} {_quote(a.span.text(original))}")
    claims = [e for e in edits if e["kind"] in CLAIM_EDITS]
    if claims:
        lines.append(paint("head", "claims:"))
    for e in claims:
        score = f", score {e['score']:.3f}" if e["score"] is not None else ""
        lines.append(f"  {e['kind']} ({e['method']}{score}): {_quote(e['original'])}")
        if e["text"]:
            lines.append(f"    -> {_quote(e['text'])}")
    if isinstance(new_text, str):
        lines += [paint("head", "diff:"), diff(new_text, prov, paint)]
    elif prov.get("dropped"):
        lines.append("the row is dropped (on_unresolved='drop')")
    return "\n".join(lines)
