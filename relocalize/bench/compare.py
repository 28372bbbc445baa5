"""``--compare OTHER_REPORT``: two bench runs side by side (two parsers, two thresholds, ...)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def load_metrics(path: str | Path) -> dict[str, Any]:
    """The ``metrics.json`` of a report directory (or the file itself)."""
    p = Path(path)
    if p.is_dir():
        p = p / "metrics.json"
    if not p.is_file():
        raise FileNotFoundError(f"{path}: no metrics.json of a relocalize bench report")
    data = json.loads(p.read_text())
    if "overall" not in data or "meta" not in data:
        raise ValueError(f"{p}: not the metrics.json of a relocalize bench report")
    data.setdefault("meta", {})["path"] = str(p.parent)
    return data


def _label(m: dict[str, Any], fallback: str) -> str:
    meta = m.get("meta") or {}
    return meta.get("label") or fallback


def compare_table(this: dict[str, Any], other: dict[str, Any], per_type: bool = True) -> str:
    """A Markdown table: this run, the other run and the difference, per metric (and per document type)."""
    from relocalize.bench.report import ROWS, value

    a_name = _label(this, "this run")
    b_name = _label(other, "other run")
    if a_name == b_name:
        a_name, b_name = "this run", f"other run ({(other.get('meta') or {}).get('path', '')})"
    lines = [
        f"This run: {a_name}; other: {b_name} (`{(other.get('meta') or {}).get('gold', '')}`, "
        f"{other['overall'].get('documents')} documents).",
        "",
        "| metric | scope | this run | other run | difference |",
        "|---|---|---:|---:|---:|",
    ]
    types = [t for t in this.get("by_type", {}) if t in other.get("by_type", {})] if per_type else []
    for label, section, key, fmt in ROWS:
        scopes: list[str | None] = [None]
        if section in ("gold", "controls"):
            scopes += types
        for scope in scopes:
            a, b = value(this, section, key, scope), value(other, section, key, scope)
            if a is None and b is None:
                continue
            diff = ""
            if isinstance(a, (int, float)) and isinstance(b, (int, float)):
                d = a - b
                diff = f"{d * 100:+.1f} pt" if fmt.__name__ == "pct" else f"{d:+.3g}"
            lines.append(f"| {label} | {scope or 'overall'} | {fmt(a)} | {fmt(b)} | {diff} |")
    return "\n".join(lines)
