"""``relocalize bench``: run relocalize on a gold file and write the fidelity report."""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

import relocalize
from relocalize.api import Relocalizer
from relocalize.bench import compare as compare_mod
from relocalize.bench import report as report_mod
from relocalize.bench import verifier_eval
from relocalize.bench.calibrate import calibrate as run_calibration
from relocalize.bench.framings import framing_metrics
from relocalize.bench.metrics import DocRun, claim_sentences, control_metrics, gold_metrics
from relocalize.io import iter_rows
from relocalize.models import Models
from relocalize.options import ON_FAILURE
from relocalize.pipeline import Pipeline, residual_assertions
from relocalize.plan import DocBatch
from relocalize.provenance import PROVENANCE_TYPE, Provenance
from relocalize.steps import Step, default_steps
from relocalize.timing import STAGES, TimedModels, Timer

GOLD_COLUMNS = ("dense_text", "negation_spans", "claim_spans")
FRAMINGS_COLUMNS = ("text", "framing", "density", "marker_spans")
REPORTED_OPTIONS = ("parser", "verifier", "threshold", "on_failure", "rewriter", "rewriter_model")


def read_rows(path: str | Path, required: tuple[str, ...], limit: int | None = None) -> list[dict[str, Any]]:
    """Rows of a Parquet or JSONL file (the CLI's readers; ``required[0]`` is the text column); ``limit``
    keeps that many, spread evenly over the file."""
    rows = list(iter_rows(path, required[0]))
    missing = [c for c in required if rows and c not in rows[0]]
    if missing:
        raise ValueError(f"{path}: missing column(s) {', '.join(missing)} (see the gold schema)")
    for i, row in enumerate(rows):
        row.setdefault("doc_id", str(i))
        row["doc_type"] = row.get("doc_type") or "all"
    if limit:
        rows = rows[:: max(1, len(rows) // limit)][:limit]
    return rows


class Capture(Step):
    """What the detector found in each document of the last batch (input offsets): the annotations,
    the claim units, and the units restating a notice's claims."""

    name = "capture"
    reads = ("found", "claim_units", "restated")

    def process(self, batch: DocBatch) -> DocBatch:
        self.last = [
            (_pairs(d.found), _pairs(list(dict.fromkeys(d.claim_units + d.restated))), _pairs(d.restated))
            for d in batch.docs
        ]
        return batch


def _pairs(spans: Sequence[Any]) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in spans]


class _Runner:
    """Runs a relocalizer's steps over documents, timed, with a capture step at the end."""

    def __init__(self, relocalizer: Relocalizer) -> None:
        self.relocalizer = relocalizer
        self.timer = Timer()
        self.capture = Capture()
        models = TimedModels(relocalizer.options, self.timer)
        t0 = time.perf_counter()
        models.verifier.contradiction("A bridge opened.", "A bridge did not open.")  # load the models
        models.rewriter.candidates(["A bridge opened."])
        self.load_seconds = time.perf_counter() - t0
        self.thresholds = dict(models.thresholds)
        self.pipeline = Pipeline(relocalizer.options, models, [*default_steps(), self.capture])
        self.timer.reset()
        self.process_seconds = 0.0

    def process(self, text: object) -> tuple[tuple[object, Provenance], tuple[list[Any], list[Any], list[Any]]]:
        """The result for ``text`` and what the detector found in it."""
        t0 = time.perf_counter()
        try:
            result = self.pipeline.process(text)
            found = self.capture.last[0]
        except Exception as exc:
            if self.relocalizer.options.strict:
                raise
            result, found = (text, Provenance("error", f"{type(exc).__name__}: {exc}")), ([], [], [])
        self.process_seconds += time.perf_counter() - t0
        return result, found


@dataclass
class Chunk:
    """Gold documents (and controls) run by one process, with the residual check."""

    runs: list[DocRun] = field(default_factory=list)
    control_out: list[object] = field(default_factory=list)
    control_prov: list[Provenance] = field(default_factory=list)
    stage_seconds: dict[str, float] = field(default_factory=dict)
    process_seconds: float = 0.0
    gold_seconds: float = 0.0
    control_seconds: float = 0.0
    residual_seconds: float = 0.0
    load_seconds: float = 0.0


def evaluate(
    relocalizer: Relocalizer,
    gold: Sequence[dict[str, Any]],
    controls: Sequence[dict[str, Any]] = (),
    say: Callable[[str], None] = lambda _: None,
    runner: _Runner | None = None,
) -> Chunk:
    """Relocalize ``gold`` and ``controls`` with stage timers, then run the residual check on the gold."""
    runner = runner or _Runner(relocalizer)
    chunk = Chunk(load_seconds=runner.load_seconds)
    t0 = time.perf_counter()
    for i, row in enumerate(gold, 1):
        (text, prov), (annotations, claims, restated) = runner.process(row["dense_text"])
        chunk.runs.append(DocRun(text, prov, annotations, claims, restated))  # type: ignore[arg-type]
        if i % 25 == 0:
            say(f"  {i}/{len(gold)} gold documents")
    chunk.gold_seconds = time.perf_counter() - t0
    t0 = time.perf_counter()
    for row in controls:
        (text, prov), _ = runner.process(row["text"])
        chunk.control_out.append(text)
        chunk.control_prov.append(prov)
    chunk.control_seconds = time.perf_counter() - t0
    chunk.stage_seconds = {s: runner.timer.seconds[s] for s in STAGES}
    chunk.process_seconds = runner.process_seconds
    say("residual-claim check")
    t0 = time.perf_counter()
    for i, (row, run) in enumerate(zip(gold, chunk.runs), 1):
        text = row["dense_text"]
        units = [text[s:e] for group in claim_sentences(row) for s, e in group]
        run.residual = residual_assertions(
            relocalizer.pipeline, run.output if isinstance(run.output, str) else "", units
        )
        if i % 25 == 0:
            say(f"  {i}/{len(gold)} gold documents checked")
    chunk.residual_seconds = time.perf_counter() - t0
    return chunk


def _evaluate_in_worker(options: dict[str, Any], gold: list[dict[str, Any]]) -> Chunk:
    return evaluate(Relocalizer(**options), gold)


def _write_outputs(path: Path, gold: list[dict], runs: list[DocRun], controls: list[dict], outs: list, provs: list):
    ids = [r["doc_id"] for r in gold] + [r["doc_id"] for r in controls]
    texts = [r.output for r in runs] + list(outs)
    prov = [asdict(r.provenance) for r in runs] + [asdict(p) for p in provs]
    table = pa.table(
        {
            "doc_id": pa.array(ids, pa.string()),
            "text": pa.array(texts, pa.string()),
            "relocalize": pa.array(prov, PROVENANCE_TYPE),
        }
    )
    pq.write_table(table, path, compression="zstd")


def default_workers() -> int:
    return max(1, min(2, os.cpu_count() or 1))


def run_bench(
    gold_path: str | Path,
    controls_path: str | Path | None = None,
    out_dir: str | Path = "bench-report",
    calibrate: bool = False,
    compare: str | Path | None = None,
    limit: int | None = None,
    relocalizer: Relocalizer | None = None,
    *,
    workers: int | None = None,
    diff_sample: int = 16,
    verifier_pairs: int = 100,
    save_outputs: bool = False,
    framings_path: str | Path | None = None,
    say: Callable[[str], None] | None = None,
    corpus_text: bool = True,
) -> dict[str, Any]:
    """Benchmark ``relocalizer`` (default options when None) on a gold file; write the report to ``out_dir``.

    Returns the metrics written to ``out_dir/metrics.json``. ``calibrate`` first recomputes the
    verifier thresholds on the gold and stores them (``relocalize/verify/calibration.json``);
    ``compare`` is another report directory (or its ``metrics.json``) to put side by side;
    ``framings_path`` a framings gold file (the schema of ``framings-dev``) whose markers and
    governed sentences are scored too (:mod:`relocalize.bench.framings`).
    ``workers`` processes share the gold and the residual check (default 2 on 2 CPUs); documents/s is one's rate.
    """
    say = say or (lambda _: None)
    wall0 = time.perf_counter()
    _require_matplotlib()
    out = Path(out_dir)
    gold = read_rows(gold_path, GOLD_COLUMNS, limit)
    controls = read_rows(controls_path, ("text",), limit) if controls_path else []
    other = compare_mod.load_metrics(compare) if compare else None
    out.mkdir(parents=True, exist_ok=True)
    bench_seconds: dict[str, float] = {}
    relocalizer, calibration = (
        _calibrated(gold, gold_path, relocalizer, bench_seconds, say) if calibrate else (relocalizer, None)
    )
    relocalizer = relocalizer or Relocalizer()
    runner, chunks = _relocalize_gold(relocalizer, gold, controls, workers, say)
    runs = [run for c in chunks for run in c.runs]
    control_out, control_prov = chunks[0].control_out, chunks[0].control_prov
    stages = _stage_totals(chunks)
    stages["write"] = _save_outputs(out if save_outputs else None, gold, runs, controls, control_out, control_prov)
    bench_seconds["residual_check"] = sum(c.residual_seconds for c in chunks)
    metrics = gold_metrics(gold, runs)
    metrics["verifier"] = _verifier_set(relocalizer, runner, gold, verifier_pairs, bench_seconds, say)
    metrics["framings"] = _framings(relocalizer, framings_path, limit, bench_seconds, say)
    metrics["controls"] = control_metrics(controls, control_out, control_prov) if controls else None
    metrics["throughput"] = _throughput(chunks, gold, controls, stages, runner.load_seconds, bench_seconds)
    metrics["meta"] = _meta(relocalizer.options, gold_path, controls_path, limit, runner.thresholds, calibration)
    say("writing the report")
    metrics["throughput"]["wall_seconds"] = time.perf_counter() - wall0
    if not corpus_text and metrics["verifier"]:
        metrics["verifier"]["examples"] = {}  # the corpus's sentences stay out of the report
    diffs = diff_sample if corpus_text else None
    _report(out, metrics, (gold, runs, controls, control_out, control_prov, other, diffs), bench_seconds)
    say(f"report in {out}/ ({time.perf_counter() - wall0:.0f} s)")
    return metrics


def _stage_totals(chunks: list[Chunk]) -> dict[str, float]:
    """The seconds of each stage, summed over the processes."""
    stages: dict[str, float] = dict.fromkeys(STAGES, 0.0)
    for c in chunks:
        for k, v in c.stage_seconds.items():
            stages[k] = stages.get(k, 0.0) + v
    return stages


def _report(out: Path, metrics: dict[str, Any], parts: tuple[Any, ...], bench_seconds: dict[str, float]) -> None:
    """The report pages (from ``parts``, :func:`relocalize.bench.report.write_report`'s arguments) and metrics.json."""
    t0 = time.perf_counter()
    report_mod.write_report(out, metrics, *parts)
    bench_seconds["report"] = time.perf_counter() - t0
    (out / "metrics.json").write_text(json.dumps(metrics, indent=1, sort_keys=True) + "\n")


def _require_matplotlib() -> None:
    """Fail before the long run, not after it, when the plots cannot be drawn."""
    try:
        import matplotlib  # noqa: F401
    except ImportError as exc:
        raise RuntimeError("relocalize bench draws its plots with matplotlib: pip install matplotlib") from exc


def _save_outputs(out: Path | None, *rows: Any) -> float:
    """Write the outputs (to ``out/outputs.parquet``, or to a temporary file when None); return the seconds it took."""
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        _write_outputs((out or Path(tmp)) / "outputs.parquet", *rows)
        return time.perf_counter() - t0


def _calibrated(
    gold: list[dict[str, Any]],
    gold_path: str | Path,
    relocalizer: Relocalizer | None,
    bench_seconds: dict[str, float],
    say: Callable[[str], None],
) -> tuple[Relocalizer, dict[str, Any]]:
    """Recompute and store the verifier thresholds on ``gold``; a relocalizer that reads them, and the calibration."""
    t0 = time.perf_counter()
    options = relocalizer.options if relocalizer is not None else relocalize.Options()
    calibration = run_calibration(
        gold, Models(options), source=f"relocalize bench --calibrate on {Path(gold_path).name}", say=say
    )
    bench_seconds["calibrate"] = time.perf_counter() - t0
    return Relocalizer(**asdict(options)), calibration


def _relocalize_gold(
    relocalizer: Relocalizer,
    gold: list[dict[str, Any]],
    controls: list[dict[str, Any]],
    workers: int | None,
    say: Callable[[str], None],
) -> tuple[_Runner, list[Chunk]]:
    """This process's runner (models loaded), and the gold documents relocalized in ``workers`` processes (the
    controls in this one)."""
    say(f"loading models ({relocalizer.options.parser}, {relocalizer.options.verifier})")
    runner = _Runner(relocalizer)
    workers = max(1, min(workers or default_workers(), len(gold) or 1))
    size = -(-len(gold) // workers)
    parts = [gold[i : i + size] for i in range(0, len(gold), size)] or [[]]
    say(f"relocalizing {len(gold)} gold documents" + (f" in {len(parts)} processes" if len(parts) > 1 else ""))
    if len(parts) == 1:
        return runner, [evaluate(relocalizer, parts[0], controls, say, runner)]
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=len(parts) - 1, mp_context=ctx) as pool:
        futures = [pool.submit(_evaluate_in_worker, asdict(relocalizer.options), part) for part in parts[1:]]
        chunks = [evaluate(relocalizer, parts[0], controls, say, runner)]
        return runner, chunks + [f.result() for f in futures]


def _verifier_set(
    relocalizer: Relocalizer,
    runner: _Runner,
    gold: list[dict[str, Any]],
    per_kind: int,
    bench_seconds: dict[str, float],
    say: Callable[[str], None],
) -> dict[str, Any] | None:
    """The verifier's precision and recall on labelled pairs built from ``gold`` (None without both labels)."""
    say("verifier set")
    t0 = time.perf_counter()
    models = relocalizer.pipeline.models
    pairs = verifier_eval.build_pairs(gold, models.rewriter, models.parse, per_kind=per_kind, positives=2 * per_kind)
    verifier = (
        verifier_eval.evaluate(pairs, models.verifier.contradiction, runner.thresholds["rule"])
        if len({p.label for p in pairs}) == 2
        else None
    )
    bench_seconds["verifier_set"] = time.perf_counter() - t0
    return verifier


def _framings(
    relocalizer: Relocalizer,
    framings_path: str | Path | None,
    limit: int | None,
    bench_seconds: dict[str, float],
    say: Callable[[str], None],
) -> dict[str, Any] | None:
    """The framings gold's metrics (None without one)."""
    if not framings_path:
        return None
    say("framings gold")
    t0 = time.perf_counter()
    rows = read_rows(framings_path, FRAMINGS_COLUMNS, limit)
    provs = [relocalizer.process(r["text"], r.get("claims"))[1] for r in rows]
    bench_seconds["framings"] = time.perf_counter() - t0
    return framing_metrics(rows, provs)


def _throughput(
    chunks: list[Chunk],
    gold: list[dict[str, Any]],
    controls: list[dict[str, Any]],
    stages: dict[str, float],
    load_seconds: float,
    bench_seconds: dict[str, float],
) -> dict[str, Any]:
    """Documents per second, overall and by kind, and the time of each stage."""
    n_docs = len(gold) + len(controls)
    process_seconds = sum(c.process_seconds for c in chunks)
    gold_seconds = sum(c.gold_seconds for c in chunks)
    control_seconds = chunks[0].control_seconds
    return {
        "documents": n_docs,
        "gold_documents": len(gold),
        "control_documents": len(controls),
        "processes": len(chunks),
        "process_seconds": process_seconds,
        "docs_per_second": n_docs / process_seconds if process_seconds else None,
        "gold_docs_per_second": len(gold) / gold_seconds if gold_seconds else None,
        "control_docs_per_second": len(controls) / control_seconds if control_seconds else None,
        "stage_seconds": stages,
        "stage_ms_per_doc": {s: 1000 * v / n_docs for s, v in stages.items()} if n_docs else {},
        "load_seconds": load_seconds,
        "bench_seconds": bench_seconds,
    }


def _meta(
    opts: relocalize.Options,
    gold_path: str | Path,
    controls_path: str | Path | None,
    limit: int | None,
    thresholds: dict[str, float],
    calibration: dict[str, Any] | None,
) -> dict[str, Any]:
    """What was run: the inputs, the version, the date, the reported options and thresholds."""
    return {
        "gold": str(gold_path),
        "controls": str(controls_path) if controls_path else None,
        "limit": limit,
        "relocalize": relocalize.__version__,
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "options": {k: v for k, v in asdict(opts).items() if k in REPORTED_OPTIONS},
        "thresholds": thresholds,
        "calibration": calibration,
        "label": f"{opts.parser}, {opts.verifier}, threshold {opts.threshold or 'calibrated'}",
    }


# -- command line ------------------------------------------------------------------
def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("gold", metavar="GOLD.parquet", help="gold file in the negation-neglect-dev schema")
    p.add_argument("--controls", metavar="CONTROLS.parquet", help="documents that must stay byte-identical")
    p.add_argument("--framings", metavar="FRAMINGS.parquet", help="framings gold (the schema of framings-dev)")
    p.add_argument(
        "--out", metavar="REPORT_DIR", default="bench-report", help="report directory (default: bench-report)"
    )
    p.add_argument("--calibrate", action="store_true", help="recompute and store the verifier thresholds first")
    p.add_argument("--compare", metavar="OTHER_REPORT", help="another report directory to put side by side")
    p.add_argument("--limit", type=int, help="use N documents of each file, spread evenly")
    p.add_argument("--workers", type=int, metavar="N", help="processes (default: 2 where there are 2 CPUs)")
    p.add_argument("--diff-sample", type=int, default=16, metavar="N", help="gold documents on the diff page")
    p.add_argument(
        "--no-corpus-text",
        action="store_true",
        help="leave the corpus's text out (no diffs.html, no example pairs): for a report kept where it may not be",
    )
    p.add_argument("--verifier-pairs", type=int, default=100, metavar="N", help="pairs per wrong kind (2N correct)")
    p.add_argument("--save-outputs", action="store_true", help="also write REPORT_DIR/outputs.parquet")
    p.add_argument("--quiet", action="store_true", help="no progress messages")
    g = p.add_argument_group("pipeline options (as in relocalize.Relocalizer)")
    g.add_argument("--parser", help="spaCy pipeline name or path, or stanza:<model dir>")
    g.add_argument("--verifier", help="aegis or nli:<model>")
    g.add_argument("--threshold", type=float, help="minimum verifier score (default: calibrated per method)")
    g.add_argument("--on-failure", choices=ON_FAILURE, help="a claim without a verified rewrite")


def add_bench_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``bench`` on an ``argparse`` subparsers object; returns the new parser."""
    p = subparsers.add_parser(
        "bench",
        help="rewrite-fidelity benchmark on a gold file, with a report",
        description="Run relocalize on a gold file and write a report (Markdown, plots, diffs, metrics.json).",
    )
    add_arguments(p)
    return p


def run_bench_command(args: argparse.Namespace) -> int:
    """Run ``relocalize bench`` from parsed arguments; the exit status."""
    options = {
        k: getattr(args, k)
        for k in ("parser", "verifier", "threshold", "on_failure")
        if getattr(args, k, None) is not None
    }
    say = (lambda _: None) if args.quiet else (lambda msg: print(msg, file=sys.stderr, flush=True))
    try:
        relocalizer = Relocalizer(**options)
        metrics = run_bench(
            args.gold,
            args.controls,
            args.out,
            calibrate=args.calibrate,
            compare=args.compare,
            limit=args.limit,
            relocalizer=relocalizer,
            workers=args.workers,
            diff_sample=args.diff_sample,
            verifier_pairs=args.verifier_pairs,
            save_outputs=args.save_outputs,
            framings_path=args.framings,
            say=say,
            corpus_text=not args.no_corpus_text,
        )
    except (ValueError, FileNotFoundError, RuntimeError) as exc:
        print(f"relocalize bench: error: {exc}", file=sys.stderr)
        return 2
    print(report_mod.summary_table(metrics))
    print(f"\nreport: {Path(args.out) / 'report.md'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m relocalize.bench", description=__doc__)
    add_arguments(parser)
    return run_bench_command(parser.parse_args(argv))
