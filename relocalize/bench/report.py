"""The bench report: Markdown, matplotlib PNGs and an HTML page of side-by-side diffs."""

from __future__ import annotations

import html
import random
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from relocalize.bench.metrics import OUTCOMES, DocRun, claim_sentences, edits_of, replay_ok, token_diff
from relocalize.timing import STAGES

DPI = 80
PLOTS = {
    "outcomes": "outcomes.png",
    "roc": "verifier_roc.png",
    "scores": "verifier_scores.png",
    "edit_size": "edit_size.png",
    "stages": "stage_times.png",
}


def pct(v: Any) -> str:
    return "–" if v is None else f"{v:.1%}"


def num(v: Any, digits: int = 2) -> str:
    return "–" if v is None else f"{v:.{digits}f}"


# (label, section, key, formatter); section "gold" reads overall/by_type, others are special.
ROWS: list[tuple[str, str, str, Callable[[Any], str]]] = [
    ("annotation spans: precision, exact", "gold", "annotation_precision_exact", pct),
    ("annotation spans: recall, exact", "gold", "annotation_recall_exact", pct),
    ("annotation spans: precision, overlap", "gold", "annotation_precision_overlap", pct),
    ("annotation spans: recall, overlap", "gold", "annotation_recall_overlap", pct),
    ("claim spans: precision, exact", "gold", "claim_precision_exact", pct),
    ("claim spans: recall, exact", "gold", "claim_recall_exact", pct),
    ("claim spans: precision, overlap", "gold", "claim_precision_overlap", pct),
    ("claim spans: recall, overlap", "gold", "claim_recall_overlap", pct),
    ("annotation spans removed", "gold", "annotations_removed", pct),
    ("claims as verified local negations", "gold", "outcome_local", pct),
    ("claims wrapped", "gold", "outcome_wrapped", pct),
    ("claims dropped", "gold", "outcome_dropped", pct),
    ("claims left asserted (not rewritten)", "gold", "outcome_asserted", pct),
    ("rule rewrites passing the verifier", "gold", "rule_rewrites_verified", pct),
    ("tokens changed per rewritten claim, mean", "gold", "edit_size_mean", num),
    ("tokens changed per rewritten claim, median", "gold", "edit_size_median", lambda v: num(v, 1)),
    ("claims no output sentence still asserts (residual check)", "gold", "residual_claims_clear", pct),
    ("claim sentences no output sentence still asserts", "gold", "residual_sentences_clear", pct),
    ("text outside gold annotations and claims byte-identical", "gold", "preservation", pct),
    ("documents with all of that text byte-identical", "gold", "preservation_documents", pct),
    ("controls byte-identical", "controls", "byte_identical", pct),
    ("verifier ROC AUC (NLI alone)", "verifier", "nli.roc_auc", lambda v: num(v, 3)),
    ("verifier ROC AUC (guards + NLI)", "verifier", "guards_nli.roc_auc", lambda v: num(v, 3)),
    ("verifier precision at the threshold (guards + NLI)", "verifier", "guards_nli.precision", pct),
    ("verifier recall at the threshold (guards + NLI)", "verifier", "guards_nli.recall", pct),
    ("documents per second (gold and controls)", "throughput", "docs_per_second", lambda v: num(v, 1)),
]


def _dig(d: Any, key: str) -> Any:
    for part in key.split("."):
        if not isinstance(d, dict):
            return None
        d = d.get(part)
    return d


def value(metrics: dict[str, Any], section: str, key: str, doc_type: str | None = None) -> Any:
    """One metric, overall (``doc_type`` None) or for one document type."""
    if section == "gold":
        part = metrics["overall"] if doc_type is None else metrics["by_type"].get(doc_type, {})
        return part.get(key)
    block = metrics.get(section) or {}
    if section == "controls":
        part = block.get("overall") if doc_type is None else (block.get("by_type") or {}).get(doc_type)
        return _dig(part or {}, key)
    return None if doc_type is not None else _dig(block, key)


def summary_table(metrics: dict[str, Any], per_type: bool = True) -> str:
    """The overall table (with one column per document type when ``per_type``)."""
    types = list(metrics["by_type"]) if per_type and len(metrics["by_type"]) > 1 else []
    o = metrics["overall"]
    head = f"| metric | overall ({o['documents']} docs, {o['claims']} claims) |"
    head += "".join(f" {t} |" for t in types)
    lines = [head, "|---|---:|" + "---:|" * len(types)]
    for label, section, key, fmt in ROWS:
        cells = [fmt(value(metrics, section, key))]
        cells += [fmt(value(metrics, section, key, t)) if section in ("gold", "controls") else "" for t in types]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


# -- plots -------------------------------------------------------------------------
def _plt() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def plot_outcomes(metrics: dict[str, Any], path: Path) -> None:
    plt = _plt()
    groups = [*metrics["by_type"], "overall"]
    data = [metrics["by_type"][g] if g != "overall" else metrics["overall"] for g in groups]
    colors = {"local": "#4c9a2a", "wrapped": "#a3c940", "dropped": "#f0a030", "asserted": "#d62728"}
    fig, ax = plt.subplots(figsize=(6.5, 0.5 + 0.45 * len(groups)))
    left = [0.0] * len(groups)
    for o in OUTCOMES:
        vals = [(d.get("outcome_" + o) or 0.0) * 100 for d in data]
        ax.barh(groups, vals, left=left, color=colors[o], label=o)
        left = [a + b for a, b in zip(left, vals)]
    ax.set_xlim(0, 100)
    ax.set_xlabel("% of gold claims")
    ax.invert_yaxis()
    ax.legend(ncol=4, fontsize=8, loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False)
    fig.tight_layout()
    fig.savefig(path, dpi=DPI)
    plt.close(fig)


def plot_roc(verifier: dict[str, Any], path: Path) -> None:
    plt = _plt()
    fig, ax = plt.subplots(figsize=(4.2, 4.0))
    for name, label in (("nli", "NLI alone"), ("guards_nli", "guards + NLI")):
        pts = verifier[name]["roc"]
        ax.plot([p[0] for p in pts], [p[1] for p in pts], label=f"{label} (AUC {verifier[name]['roc_auc']:.3f})")
        fpr, rec = verifier[name]["false_positive_rate"], verifier[name]["recall"]
        if fpr is not None and rec is not None:
            ax.plot([fpr], [rec], "o", color=ax.lines[-1].get_color())
    ax.plot([0, 1], [0, 1], ":", color="grey", lw=0.8)
    ax.set_xlabel("false positive rate")
    ax.set_ylabel("true positive rate")
    ax.set_title(f"verifier ROC ({verifier['pairs']} pairs; dot: threshold {verifier['threshold']:.3f})", fontsize=9)
    ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    fig.savefig(path, dpi=DPI)
    plt.close(fig)


def plot_scores(verifier: dict[str, Any], path: Path) -> None:
    plt = _plt()
    kinds = list(verifier["kinds"])
    fig, axes = plt.subplots(1, 2, figsize=(7.5, 3.2), gridspec_kw={"width_ratios": [3, 2]})
    for ax, lo in zip(axes, (0.0, 0.9)):
        bins = [lo + (1 - lo) * i / 20 for i in range(21)]
        data = [[s["nli"] for s in verifier["scores"] if s["kind"] == k and s["nli"] >= lo] for k in kinds]
        ax.hist(data, bins=bins, stacked=True, label=[f"{k} ({verifier['kinds'][k]})" for k in kinds])
        ax.axvline(verifier["threshold"], color="black", ls="--", lw=0.8)
        ax.set_xlim(lo, 1.0)
        ax.set_xlabel("P(contradiction)" + (" (from 0.9)" if lo else ""))
    axes[0].set_ylabel("pairs")
    axes[0].legend(fontsize=7, loc="upper left")
    fig.tight_layout()
    fig.savefig(path, dpi=DPI)
    plt.close(fig)


def plot_edit_size(sizes: dict[str, list[int]], path: Path) -> None:
    plt = _plt()
    fig, ax = plt.subplots(figsize=(6.0, 3.0))
    top = max([*sizes["local"], *sizes["wrapped"], 1])
    cap = min(top, 30)
    bins = [b - 0.5 for b in range(cap + 2)]
    data = [[min(s, cap) for s in sizes[k]] for k in ("local", "wrapped")]
    ax.hist(data, bins=bins, stacked=True, label=["local negation", "wrapped"], color=["#4c9a2a", "#a3c940"])
    ax.set_xlabel(f"tokens changed per claim{' (last bin: ' + str(cap) + '+)' if top > cap else ''}")
    ax.set_ylabel("claims")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=DPI)
    plt.close(fig)


def plot_stages(throughput: dict[str, Any], path: Path) -> None:
    plt = _plt()
    ms = throughput["stage_ms_per_doc"]
    stages = [s for s in STAGES if s in ms]
    fig, ax = plt.subplots(figsize=(6.0, 2.6))
    ax.barh(stages, [ms[s] for s in stages], color="#4a7fb0")
    for i, s in enumerate(stages):
        ax.text(ms[s], i, f" {ms[s]:.1f}", va="center", fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("ms per document (gold and controls)")
    ax.set_xlim(0, max([*ms.values(), 1]) * 1.2)
    fig.tight_layout()
    fig.savefig(path, dpi=DPI)
    plt.close(fig)


# -- diff page ---------------------------------------------------------------------
_CSS = """
body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
.doc{border-top:2px solid #888;margin-top:2em}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:1em}
.cols pre{white-space:pre-wrap;font:13px/1.45 ui-monospace,monospace;background:#fafafa;padding:.6em;margin:0}
.ann{background:#fde0dc}
.rm{text-decoration:line-through;color:#a11}
.claim{border-bottom:2px solid #6a8fd8}
.old{background:#fff3b0}
.del{text-decoration:line-through;background:#f7b7b0}
.new{background:#e4f4d6}
.ins{background:#9fde85;font-weight:bold}
.miss{outline:2px solid #d62728}
.key span{padding:0 .3em;margin-right:.6em}
.meta{color:#555;font-size:90%}
.skip{color:#888;font-style:italic}
"""


def _painted(text: str, flags: list[set[str]]) -> str:
    out, i = [], 0
    while i < len(text):
        j = i
        while j < len(text) and flags[j] == flags[i]:
            j += 1
        chunk = html.escape(text[i:j])
        out.append(f'<span class="{" ".join(sorted(flags[i]))}">{chunk}</span>' if flags[i] else chunk)
        i = j
    return "".join(out)


_Side = tuple[list[str], str, list[set[str]]]  # (HTML parts, text, per-character classes)


def _flag(flags: list[set[str]], start: int, end: int, cls: str) -> None:
    """Add the class ``cls`` to the characters ``start:end``."""
    for i in range(start, end):
        flags[i].add(cls)


def _span(src: str, flags: list[set[str]], start: int, end: int) -> str:
    """``src[start:end]`` as HTML, painted with its characters' classes."""
    return _painted(src[start:end], flags[start:end])


def _mark_edits(left: list[set[str]], right: list[set[str]], edits: Sequence[Any]) -> None:
    """Flag each edit's removed, rewritten and deleted input and its rewritten and inserted output."""
    for ed in edits:
        if not ed.text:
            _flag(left, ed.start, ed.end, "rm")
            continue
        _flag(left, ed.start, ed.end, "old")
        _flag(right, ed.new_start, min(ed.new_end, len(right)), "new")
        for op, (a1, a2), (b1, b2) in token_diff(ed.original, ed.text):
            if op == "equal":
                continue
            _flag(left, ed.start + a1, ed.start + a2, "del")
            _flag(right, ed.new_start + b1, min(ed.new_start + b2, len(right)), "ins")


def _gap(sides: tuple[_Side, _Side], a: int, b: int, shift: int, context: int) -> None:
    """Unedited ``text[a:b]`` (at ``a + shift`` in the output), shortened where nothing is marked."""
    left = sides[0][2]
    i = a
    while i < b:
        j = i
        while j < b and bool(left[j]) == bool(left[i]):
            j += 1
        head, tail = i + context, j - context
        skip = not left[i] and tail - head > 80
        marker = f'<span class="skip">[… {tail - head} characters unchanged …]</span>'
        for (parts, src, flags), off in zip(sides, (0, shift)):
            if skip:
                parts += [_span(src, flags, i + off, head + off), marker, _span(src, flags, tail + off, j + off)]
            else:
                parts.append(_span(src, flags, i + off, j + off))
        i = j


def _shortened(
    text: str, out: str, left: list[set[str]], right: list[set[str]], edits: Sequence[Any], context: int
) -> tuple[str, str]:
    """Both columns' HTML: the edits in full, the text between them through :func:`_gap`."""
    lhs: list[str] = []
    rhs: list[str] = []
    sides = ((lhs, text, left), (rhs, out, right))
    cursor = shift = 0
    for ed in edits:
        _gap(sides, cursor, ed.start, shift, context)
        lhs.append(_span(text, left, ed.start, ed.end))
        rhs.append(_span(out, right, ed.new_start, ed.new_end))
        cursor, shift = ed.end, ed.new_end - ed.end
    _gap(sides, cursor, len(text), shift, context)
    return "".join(lhs), "".join(rhs)


def side_by_side(
    text: str,
    output: str | None,
    edits: Sequence[Any],
    annotations: Sequence[tuple[int, int]] = (),
    claims: Sequence[tuple[int, int]] = (),
    asserted: Sequence[tuple[int, int]] = (),
    context: int = 240,
) -> str:
    """Two ``<pre>`` columns: the input (gold annotations shaded, removals struck out, claims
    underlined, rewritten spans with their deleted tokens struck) and the output (rewrites
    shaded, inserted tokens highlighted). Long unmarked stretches are shortened on both sides
    to ``context`` characters around the marked text."""
    left: list[set[str]] = [set() for _ in text]
    for cls, spans in (("ann", annotations), ("claim", claims), ("miss", asserted)):
        for s, e in spans:
            _flag(left, s, e, cls)
    out = output or ""
    right: list[set[str]] = [set() for _ in out]
    edits = sorted(edits, key=lambda e: e.start)
    _mark_edits(left, right, edits)
    if output is None or not replay_ok(text, output, edits):
        lhs = _painted(text, left)
        rhs = _painted(out, right) if output is not None else "<em>(row dropped)</em>"
    else:
        lhs, rhs = _shortened(text, out, left, right, edits, context)
    return f'<div class="cols"><pre>{lhs}</pre><pre>{rhs}</pre></div>'


def _sample(records: list[tuple[dict, DocRun]], n: int, seed: int = 0) -> list[int]:
    """Up to ``n`` documents: half with a problem (claim left asserted or still asserted), the rest at random."""
    problems = [i for i, (_, run) in enumerate(records) if run.residual and any(run.residual)]
    rng = random.Random(seed)
    picked = sorted(rng.sample(problems, min(len(problems), n // 2)))
    rest = [i for i in range(len(records)) if i not in set(picked)]
    picked += rng.sample(rest, min(len(rest), n - len(picked)))
    return sorted(picked)


def write_diffs(
    path: Path,
    gold: Sequence[dict[str, Any]],
    runs: Sequence[DocRun],
    controls: Sequence[dict[str, Any]],
    control_out: Sequence[object],
    control_prov: Sequence[Any],
    sample: int,
) -> int:
    parts = [
        "<!doctype html><meta charset='utf-8'><title>relocalize bench: diffs</title>",
        f"<style>{_CSS}</style><h1>relocalize bench: side-by-side diffs</h1>",
        "<p class='key'>Input (left): <span class='ann'>gold annotation</span><span class='rm'>removed</span>"
        "<span class='claim'>gold claim</span><span class='old'>rewritten</span><span class='del'>deleted token</span>"
        "<span class='miss'>claim sentence an output sentence still asserts</span><br>"
        "Output (right): <span class='new'>rewrite</span><span class='ins'>inserted token</span></p>",
    ]
    chosen = _sample(list(zip(gold, runs)), sample)
    for i in chosen:
        row, run = gold[i], runs[i]
        text = row["dense_text"]
        sents = [span for group in claim_sentences(row) for span in group]
        asserted = [span for span, flag in zip(sents, run.residual or []) if flag]
        edits = edits_of(run.provenance)
        status = run.provenance.status if hasattr(run.provenance, "status") else run.provenance.get("status")
        parts.append(
            f"<div class='doc'><h3>{html.escape(str(row['doc_id']))}</h3><p class='meta'>{html.escape(row['doc_type'])}"
            f" · status {html.escape(str(status))} · {len(row['negation_spans'])} gold annotations, "
            f"{len(row['claim_spans'])} gold claims, {len(asserted)} claim sentence(s) still asserted</p>"
        )
        parts.append(
            side_by_side(
                text,
                run.output if isinstance(run.output, str) else None,
                edits,
                [(s["start"], s["end"]) for s in row["negation_spans"]],
                [(c["start"], c["end"]) for c in row["claim_spans"]],
                asserted,
            )
            + "</div>"
        )
    changed = [i for i, (row, out) in enumerate(zip(controls, control_out)) if out != row["text"]]
    if changed:
        parts.append(f"<h2>Changed controls ({len(changed)})</h2>")
    for i in changed[:20]:
        row = controls[i]
        out = control_out[i]
        parts.append(f"<div class='doc'><h3>{html.escape(str(row['doc_id']))}</h3>")
        parts.append(
            side_by_side(row["text"], out if isinstance(out, str) else None, edits_of(control_prov[i])) + "</div>"
        )
    path.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return len(chosen)


# -- Markdown ---------------------------------------------------------------------
def _verifier_section(v: dict[str, Any] | None) -> list[str]:
    if not v:
        return ["No verifier set: the gold gave no correct or no wrong pairs."]
    kinds = ", ".join(f"{k} {n}" for k, n in v["kinds"].items())
    lines = [
        f"{v['pairs']} (claim, rewrite) pairs from {v['claim_sentences']} gold claim sentences, built by "
        f"construction: {kinds}. Correct pairs are the rules' rewrites that pass the structural guards; the "
        "wrong ones negate the wrong clause, leave a conjunct or relative clause asserted, negate twice, "
        f"or keep the claim under a prefix. Threshold: {v['threshold']:.4f} (the shipped rule threshold).",
        "",
        "| scorer | ROC AUC | precision | recall | false positive rate |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, label in (("nli", "NLI alone"), ("guards_nli", "guards + NLI (the verify stage)")):
        s = v[name]
        lines.append(
            f"| {label} | {s['roc_auc']:.3f} | {pct(s['precision'])} | {pct(s['recall'])} "
            f"| {pct(s['false_positive_rate'])} |"
        )
    lines += ["", "| kind | pairs | accepted by NLI alone | accepted by guards + NLI |", "|---|---:|---:|---:|"]
    for kind, a in v["accepted"].items():
        lines.append(f"| {kind} | {a['pairs']} | {pct(a['nli'])} | {pct(a['guards_nli'])} |")
    lines += ["", "Composition:", ""]
    lines += [f"- {d}: {n}" for d, n in v["details"].items()]
    lines += ["", "Examples:", ""] if v["examples"] else []
    for kind, exs in v["examples"].items():
        for ex in exs[:1]:
            lines.append(f"- {kind} ({ex['detail']}): “{ex['claim']}” → “{ex['rewrite']}”")
    return lines


def _framings_section(f: dict[str, Any] | None) -> list[str]:
    if not f:
        return []
    groups = [k for k in f["markers_removed"] if k.count("/") == 1]
    lines = ["", "## Framings", "", "| framing / density | markers | removed |", "|---|---:|---:|"]
    lines += [f"| {g} | {f['markers'][g]} | {pct(f['markers_removed'][g])} |" for g in groups]
    lines += [f"| all | {f['markers']['all']} | {pct(f['markers_removed']['all'])} |", ""]
    for kind, shares in f["governed"].items():
        lines.append(f"- governed sentences, {kind}: " + ", ".join(f"{o} {pct(v)}" for o, v in shares.items()))
    fit = f"{pct(f['localized_fit'])} of {f['localized']}"
    lines.append(f"- localized sentences in the stance of the document's own framing kind: {fit}")
    return lines


def _overview(metrics: dict[str, Any]) -> list[str]:
    """The title, what was run on what, the summary table and how detection and outcomes are read."""
    meta, o = metrics["meta"], metrics["overall"]
    opts = ", ".join(f"{k}={v}" for k, v in meta["options"].items())
    th = ", ".join(f"{k} {v:.4f}" for k, v in meta["thresholds"].items())
    return [
        "# relocalize bench",
        "",
        f"Gold `{meta['gold']}`: {o['documents']} documents, {o['annotations']} gold annotations, "
        f"{o['claims']} gold claims ({o['claim_sentences']} sentences)"
        + (
            f"; controls `{meta['controls']}`: {metrics['controls']['overall']['documents']} documents"
            if metrics["controls"]
            else ""
        )
        + f". relocalize {meta['relocalize']} ({opts}; verifier thresholds {th}), {meta['date']}.",
        "",
        summary_table(metrics),
        "",
        "Detection compares the detector's annotation spans and claim units with the gold on non-space "
        "characters (exact: same characters; overlap: at least one shared). "
        f"{o['unmatched_claims_from_notices']} predicted claim units that match no gold claim are sentences "
        "restating a claim under a document notice, which the gold does not mark. A gold claim's outcome is "
        "read from the provenance edits covering it; the residual check asks, for every gold claim sentence, "
        "whether some output sentence still asserts it (verbatim, or a sentence sharing most of its content "
        "words that the verifier reads as contradicting the claim's negation).",
        "",
        f"![outcome shares per document type]({PLOTS['outcomes']})",
    ]


def _edit_size_section(o: dict[str, Any]) -> list[str]:
    """The mean tokens changed per local negation and per wrapper, and the edit-size plot."""
    return [
        "",
        "## Edit size",
        "",
        f"Tokens changed (token-level edit distance) per gold claim that ends as a local negation "
        f"(mean {num(o['edit_size_local_mean'])}) or a wrapper (mean {num(o['edit_size_wrapped_mean'])}).",
        "",
        f"![edit-size distribution]({PLOTS['edit_size']})",
    ]


def _controls_section(c: dict[str, Any] | None) -> list[str]:
    """The share of controls left byte-identical and the first edits of each changed one."""
    lines = ["", "## Controls", ""]
    if not c:
        return [*lines, "No controls given."]
    lines.append(f"{pct(c['overall']['byte_identical'])} of {c['overall']['documents']} controls byte-identical.")
    for ch in c["changed"]:
        edits = "; ".join(f"{e['kind']} “{e['original'][:80]}” → “{e['text'][:80]}”" for e in ch["edits"][:3])
        lines.append(f"- `{ch['doc_id']}` ({ch['status']}): {edits}")
    return lines


def _bench_time(t: dict[str, Any]) -> str:
    """The sentence on the time the benchmark spent outside the pipeline, and the wall time."""
    return (
        "Besides the pipeline, the benchmark itself spent "
        + ", ".join(
            f"{v:.0f} s on the {k.replace('_', ' ')}"
            + (f" (summed over {t['processes']} processes)" if k == "residual_check" and t["processes"] > 1 else "")
            for k, v in t.get("bench_seconds", {}).items()
        )
        + f"; the run took {t['wall_seconds']:.0f} s of wall time before writing this report."
    )


def _throughput_section(t: dict[str, Any]) -> list[str]:
    """Documents per second, the time per pipeline stage (table and plot) and the benchmark's own time."""
    lines = [
        "",
        "## Throughput",
        "",
        f"{t['documents']} documents in {t['process_seconds']:.1f} s of pipeline time"
        + (f" (summed over {t['processes']} processes)" if t.get("processes", 1) > 1 else "")
        + f": {num(t['docs_per_second'], 1)} documents/s in one process (gold {num(t['gold_docs_per_second'], 2)}/s, "
        f"controls {num(t['control_docs_per_second'], 1)}/s); models loaded in {t['load_seconds']:.1f} s.",
        "",
        "| stage | seconds | ms per document |",
        "|---|---:|---:|",
    ]
    for s in STAGES:
        lines.append(f"| {s} | {t['stage_seconds'][s]:.2f} | {t['stage_ms_per_doc'].get(s, 0):.1f} |")
    lines += [
        "",
        "parse: the parser; rewrite: rules and wrapper; verify: the NLI model (notice resolution included); "
        "detect: annotations, claims, notices, language check; other: guards, assembly, provenance; "
        "write: the output Parquet file.",
        "",
        f"![time per stage]({PLOTS['stages']})",
        "",
        _bench_time(t),
        "",
    ]
    return lines


def write_markdown(path: Path, metrics: dict[str, Any], other: dict[str, Any] | None, shown: int | None) -> None:
    from relocalize.bench.compare import compare_table

    lines = _overview(metrics) + _edit_size_section(metrics["overall"]) + _controls_section(metrics["controls"])
    lines += _framings_section(metrics.get("framings"))
    lines += ["", "## Verifier", ""]
    lines += _verifier_section(metrics["verifier"])
    if metrics["verifier"]:
        lines += ["", f"![verifier ROC]({PLOTS['roc']}) ![verifier score histograms]({PLOTS['scores']})"]
    lines += _throughput_section(metrics["throughput"])
    if shown is not None:
        lines.append(
            f"Side-by-side diffs of {shown} sampled gold documents and the changed controls: [diffs.html](diffs.html)."
        )
    if other is not None:
        lines += ["", "## Compared with another run", "", compare_table(metrics, other)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_report(
    out: Path,
    metrics: dict[str, Any],
    gold: Sequence[dict[str, Any]],
    runs: Sequence[DocRun],
    controls: Sequence[dict[str, Any]],
    control_out: Sequence[object],
    control_prov: Sequence[Any],
    other: dict[str, Any] | None = None,
    diff_sample: int | None = 20,
) -> None:
    """``report.md``, the PNGs and ``diffs.html`` in ``out`` (``metrics.json`` is the caller's); with
    ``diff_sample`` None, no diffs page (it shows the corpus's text)."""
    plot_outcomes(metrics, out / PLOTS["outcomes"])
    plot_edit_size(metrics["edit_sizes"], out / PLOTS["edit_size"])
    plot_stages(metrics["throughput"], out / PLOTS["stages"])
    if metrics["verifier"]:
        plot_roc(metrics["verifier"], out / PLOTS["roc"])
        plot_scores(metrics["verifier"], out / PLOTS["scores"])
    shown = None
    if diff_sample is not None:
        shown = write_diffs(out / "diffs.html", gold, runs, controls, control_out, control_prov, diff_sample)
    write_markdown(out / "report.md", metrics, other, shown)
