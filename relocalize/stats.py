"""Per-shard stats and the run summary (aggregated with polars)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from relocalize.detect.framing import KINDS
from relocalize.provenance import COUNT_FIELDS, STATUSES, Provenance
from relocalize.timing import STAGES, Timer


@dataclass
class Tally:
    """Rows, statuses and provenance counts of one shard."""

    rows_in: int = 0
    rows_out: int = 0
    passthrough: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    counts: Counter[str] = field(default_factory=Counter)

    def add_passthrough(self, n: int) -> None:
        self.passthrough += n
        self.statuses["unchanged"] += n

    def add(self, prov: Provenance) -> None:
        self.statuses[prov.status] += 1
        self.counts.update(vars(prov.counts))

    def to_json(self, timer: Timer, wall: float) -> dict[str, Any]:
        seconds = {k: timer.seconds[k] for k in STAGES}
        return {
            "rows_in": self.rows_in,
            "rows_out": self.rows_out,
            "passthrough": self.passthrough,
            "status": {s: self.statuses[s] for s in STATUSES},
            "counts": {c: self.counts[c] for c in COUNT_FIELDS},
            "seconds": {k: round(v, 6) for k, v in seconds.items()} | {"wall": round(wall, 6)},
            "calls": {"parse": timer.calls["parse"], "verify": timer.calls["verify"]},
        }


def _flat(record: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in record.items():
        if isinstance(value, dict):
            out.update({f"{key}.{k}": v for k, v in value.items()})
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            out[key] = value
    return out


def summarize(stats: list[dict[str, Any]]) -> dict[str, Any]:
    """Totals over per-shard stats (shard count, rows, bytes, statuses, counts, seconds)."""
    keys = ["rows_in", "rows_out", "passthrough", "bytes_in", "bytes_out"]
    keys += [f"status.{s}" for s in STATUSES] + [f"counts.{c}" for c in COUNT_FIELDS]
    keys += [f"seconds.{s}" for s in (*STAGES, "wall")] + ["calls.parse", "calls.verify"]
    if stats:
        frame = pl.DataFrame([_flat(s) for s in stats], infer_schema_length=None)
        frame = frame.with_columns(pl.lit(0).alias(k) for k in keys if k not in frame.columns)
        row = frame.select(pl.col(k).fill_null(0).sum() for k in keys).row(0, named=True)
    else:
        row = dict.fromkeys(keys, 0)
    out: dict[str, Any] = {"shards": len(stats)}
    for key, value in row.items():
        group, _, name = key.rpartition(".")
        value = round(value, 3) if isinstance(value, float) else int(value)
        (out.setdefault(group, {}) if group else out)[name] = value
    return out


def _n(value: float) -> str:
    return f"{value:,.0f}"


def _size(nbytes: float) -> str:
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if nbytes >= scale:
            return f"{nbytes / scale:,.1f} {unit}"
    return f"{nbytes:,.0f} B"


def format_summary(
    summary: dict[str, Any], failed: dict[str, str], pending: int = 0, wall: float = 0.0, processed: int = 0
) -> str:
    """The summary as lines for a person; ``processed`` documents in ``wall`` seconds give the rate."""
    status, counts, seconds = summary["status"], summary["counts"], summary["seconds"]
    dropped = summary["rows_in"] - summary["rows_out"]
    lines = [
        f"shards: {summary['shards']} complete, {len(failed)} failed" + (f", {pending} pending" if pending else ""),
        f"documents: {_n(summary['rows_in'])} read, {_n(summary['rows_out'])} written"
        + (f" ({_n(dropped)} dropped as unresolved)" if dropped else "")
        + f"; {_size(summary['bytes_in'])} in, {_size(summary['bytes_out'])} out",
        "by status: " + ", ".join(f"{s} {_n(status[s])}" for s in STATUSES if status[s]),
        f"annotations: {_n(counts['annotations_found'])} found, {_n(counts['annotations_removed'])} removed",
        f"claims: {_n(counts['claims_found'])} found; {_n(counts['rewritten'])} rewritten, "
        f"{_n(counts['wrapped'])} wrapped, {_n(counts['dropped'])} dropped, {_n(counts['kept'])} kept; "
        f"{_n(counts['rejected'])} rule rewrites rejected by the verifier",
        "framings: "
        + ", ".join(f"{kind} {_n(counts['framing_' + kind])}" for kind in KINDS)
        + f"; {_n(counts['localized'])} claims localized, {_n(counts['unframed'])} left with the framing removed",
        "time per stage (s, summed over shards): "
        + ", ".join(f"{s} {seconds[s]:.1f}" for s in STAGES)
        + f" (verifier calls: {_n(summary['calls']['verify'])})",
    ]
    if wall and processed:
        lines.append(f"this run: {_n(processed)} documents in {wall:,.1f} s ({processed / wall:,.1f} docs/s)")
    if failed:
        lines.append("failed shards:")
        lines += [f"  {name}: {message}" for name, message in sorted(failed.items())]
    return "\n".join(lines)
