"""Run shards exactly once: temporary file and rename, completion markers, resume, workers.

A shard's output appears under its final name only when complete; its marker (written
after the rename) records the options hash, the library version and the shard's stats.
A rerun skips shards whose marker matches and redoes every other one from scratch.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import threading
import time
import traceback
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from relocalize import __version__
from relocalize.fixer import BatchFixer, output_schema
from relocalize.io import Shard, ShardError, open_reader, open_writer
from relocalize.options import Options
from relocalize.outdir import OutDir, options_hash, write_json
from relocalize.progress import Progress
from relocalize.stats import Tally, summarize
from relocalize.timing import timed_iter

if TYPE_CHECKING:
    import pyarrow as pa

Report = Callable[[int, int], None]


@dataclass(frozen=True)
class Settings:
    """What ``relocalize run`` was asked to do."""

    options: Options
    out: Path
    batch_size: int = 256
    workers: int = 1
    engine: str = "local"  # or "ray": the shards spread over Ray actors (relocalize.ray.run_shards)
    ray_address: str | None = None
    compression: str | None = None  # the Parquet outputs' codec; None: each input's own
    keep_going: bool = False
    overwrite: bool = False
    progress: str = "auto"


@dataclass
class RunResult:
    """Markers of the run's complete shards (skipped ones included), failures, what never ran."""

    complete: dict[str, dict[str, Any]] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)
    wall: float = 0.0

    @property
    def summary(self) -> dict[str, Any]:
        return summarize(list(self.complete.values()))


def failure(exc: BaseException) -> str:
    """What a shard's failure is reported as: a :class:`ShardError` (its data or its files) by its message, any
    other exception as an internal error; every engine reports alike."""
    return str(exc) if isinstance(exc, ShardError) else f"internal error: {type(exc).__name__}: {exc}"


def _discard(writer: Any, path: Path) -> None:
    if writer is not None:
        writer.abort()
    path.unlink(missing_ok=True)


def relocalize_shard(
    shard: Shard, settings: Settings, digest: str, fixer: BatchFixer, report: Report
) -> dict[str, Any]:
    """Relocalize one shard into OUTDIR and mark it complete; return its marker."""
    outdir = OutDir(settings.out)
    outdir.forget(shard.name)
    timer = fixer.timer
    timer.reset()
    tally = Tally()
    start = time.perf_counter()
    tmp = outdir.temp(shard.name)
    writer = None
    text_column = settings.options.text_column
    try:
        with timer.stage("read"):
            source = shard.path.stat()
            reader = open_reader(shard, settings.batch_size, text_column, settings.options.claims_column)
    except OSError as exc:
        raise ShardError(f"{shard.path}: cannot open: {exc}") from exc
    try:
        schema = output_schema(reader.schema)
        with timer.stage("write"):
            codec = settings.compression if shard.format == "parquet" and settings.compression else reader.compression
            writer = open_writer(tmp, shard.format, codec, schema, text_column)
        _stream(reader, writer, schema, fixer, tally, report)
        with timer.stage("write"):
            writer.close()
            writer = None
            os.replace(tmp, outdir.output(shard.name))
    except ShardError:
        _discard(writer, tmp)
        raise
    except OSError as exc:
        _discard(writer, tmp)
        raise ShardError(f"{outdir.output(shard.name)}: cannot write: {exc}") from exc
    except BaseException:
        _discard(writer, tmp)
        raise
    return _mark(outdir, shard, source, settings, digest, tally.to_json(timer, time.perf_counter() - start))


def _stream(reader: Any, writer: Any, schema: pa.Schema, fixer: BatchFixer, tally: Tally, report: Report) -> None:
    """Every batch of ``reader`` relocalized into ``writer``, its rows and bytes reported as they go."""
    reported = 0
    for batch, passes in fixer.gated(timed_iter(reader, fixer.timer, "read")):
        out = fixer.fix_arrow(batch, passes, schema, tally)
        with fixer.timer.stage("write"):
            writer.write(out)
        position = reader.bytes_read
        report(batch.num_rows, position - reported)
        reported = position


def _mark(
    outdir: OutDir, shard: Shard, source: os.stat_result, settings: Settings, digest: str, figures: dict[str, Any]
) -> dict[str, Any]:
    """Write the shard's completion marker (what it was made from, with what, and its ``figures``); return it."""
    marker = {
        "shard": shard.name,
        "input": str(shard.path),
        "format": shard.format,
        "input_size": source.st_size,
        "input_mtime_ns": source.st_mtime_ns,
        "output_size": outdir.output(shard.name).stat().st_size,
        "bytes_in": source.st_size,
        "bytes_out": outdir.output(shard.name).stat().st_size,
        "options": asdict(settings.options),
        "options_hash": digest,
        "version": __version__,
        **figures,
    }
    try:
        write_json(outdir.marker(shard.name), marker)
    except OSError as exc:
        outdir.output(shard.name).unlink(missing_ok=True)
        raise ShardError(f"{outdir.marker(shard.name)}: cannot write the completion marker: {exc}") from exc
    return marker


# -- worker processes ------------------------------------------------------
_WORKER: dict[str, Any] = {}


def _init_worker(settings: Settings, digest: str, queue: Any, parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process handles Ctrl-C
    _WORKER.update(settings=settings, digest=digest, queue=queue)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="relocalize-parent-watch").start()
    _WORKER["fixer"] = BatchFixer(settings.options, freeze_gc=True)


def _watch_parent(parent: int) -> None:
    """End this worker within a second of its run's death, busy or idle (an idle one waits on its pool's
    queue, which a killed parent never closes)."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _work(shard: Shard) -> dict[str, Any]:
    queue = _WORKER["queue"]

    def report(rows: int, nbytes: int) -> None:
        queue.put((shard.name, rows, nbytes))

    return relocalize_shard(shard, _WORKER["settings"], _WORKER["digest"], _WORKER["fixer"], report)


# -- the run ---------------------------------------------------------------
class _Run:
    def __init__(self, shards: list[Shard], settings: Settings, outdir: OutDir, progress: Progress) -> None:
        self.shards, self.settings, self.outdir, self.progress = shards, settings, outdir, progress
        self.result = RunResult()
        self.sizes = {s.name: s.path.stat().st_size for s in shards}
        self.reported = dict.fromkeys(self.sizes, 0)

    def advance(self, name: str, rows: int, nbytes: int) -> None:
        self.reported[name] += nbytes
        self.progress.advance(rows, nbytes)

    def finished(self, name: str, marker: dict[str, Any] | None, error: str | None) -> None:
        left = max(self.sizes[name] - self.reported[name], 0)
        self.reported[name] = self.sizes[name]
        if marker is not None:
            self.result.complete[name] = marker
            wall = marker["seconds"]["wall"]
            rate = marker["rows_in"] / wall if wall else 0.0
            self.progress.shard_done(name, f"{marker['rows_in']:,} docs in {wall:,.1f} s ({rate:,.1f} docs/s)", left)
        else:
            self.result.failed[name] = error or "failed"
            write_json(self.outdir.failure(name), {"shard": name, "error": self.result.failed[name]})
            self.progress.shard_done(name, f"FAILED: {error}", left)

    def in_process(self, todo: list[Shard], digest: str) -> None:
        fixer = BatchFixer(self.settings.options, freeze_gc=True)
        for i, shard in enumerate(todo):
            try:
                marker = relocalize_shard(
                    shard, self.settings, digest, fixer, lambda r, b, n=shard.name: self.advance(n, r, b)
                )
            except Exception as exc:
                if not isinstance(exc, ShardError):
                    self.progress.log(traceback.format_exc())
                self.finished(shard.name, None, failure(exc))
            else:
                self.finished(shard.name, marker, None)
            if self.result.failed and not self.settings.keep_going:
                self.result.pending = [s.name for s in todo[i + 1 :]]
                return

    def in_workers(self, todo: list[Shard], digest: str) -> None:
        ctx = mp.get_context("spawn")
        queue = ctx.Queue()
        initargs = (self.settings, digest, queue, os.getpid())
        workers = min(self.settings.workers, len(todo))
        with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker, initargs=initargs) as pool:
            futures: dict[Future[dict[str, Any]], Shard] = {pool.submit(_work, s): s for s in todo}
            pending = set(futures)
            try:
                while pending:
                    done, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                    self._drain(queue)
                    for future in done:
                        self._collect(future, futures[future])
                    if self.result.failed and not self.settings.keep_going:
                        for future in pending:
                            future.cancel()
            except BaseException:  # Ctrl-C: stop the workers now; their temporary files go at the next run
                pool.shutdown(wait=False, cancel_futures=True)
                for process in list(getattr(pool, "_processes", {}).values()):
                    process.terminate()
                raise
            self._drain(queue)

    def in_ray(self, todo: list[Shard], digest: str) -> None:
        from relocalize.ray import run_shards

        ran = set()
        for name, marker, error in run_shards(todo, self.settings, digest):
            ran.add(name)
            if marker is not None:
                self.advance(name, marker["rows_in"], 0)
            self.finished(name, marker, error)
            if self.result.failed and not self.settings.keep_going:
                break
        self.result.pending = [s.name for s in todo if s.name not in ran]

    def _drain(self, queue: Any) -> None:
        while not queue.empty():
            try:
                name, rows, nbytes = queue.get_nowait()
            except Exception:
                return
            if name not in self.result.complete and name not in self.result.failed:
                self.advance(name, rows, nbytes)

    def _collect(self, future: Future[dict[str, Any]], shard: Shard) -> None:
        if future.cancelled():
            self.result.pending.append(shard.name)
            return
        exc = future.exception()
        if exc is None:
            self.finished(shard.name, future.result(), None)
        else:
            self.finished(shard.name, None, failure(exc))


def run(shards: list[Shard], settings: Settings) -> RunResult:
    """Relocalize ``shards`` into ``settings.out``; skips complete shards, redoes the rest."""
    started = time.perf_counter()
    outdir = OutDir(settings.out)
    outdir.open()
    try:
        digest = options_hash(settings.options)
        outdir.check_options(settings.options, digest, settings.overwrite)
        done = [s for s in shards if outdir.complete(s, digest)]
        todo = [s for s in shards if s not in done]
        progress = Progress(len(todo), sum(s.path.stat().st_size for s in todo), settings.progress)
        state = _Run(shards, settings, outdir, progress)
        markers = outdir.markers() if done else {}
        for shard in done:
            state.result.complete[shard.name] = markers[shard.name]
            state.result.skipped.append(shard.name)
        if done:
            progress.log(f"{len(done)} shard(s) already complete, skipped")
        try:
            if todo and settings.engine == "ray":
                state.in_ray(todo, digest)
            elif todo and settings.workers > 1 and len(todo) > 1:
                state.in_workers(todo, digest)
            elif todo:
                state.in_process(todo, digest)
        finally:
            progress.close()
        state.result.wall = time.perf_counter() - started
        summary = state.result.summary | {"failed": state.result.failed, "wall_s": round(state.result.wall, 3)}
        write_json(outdir.summary_file, summary)
        return state.result
    finally:
        outdir.close()
