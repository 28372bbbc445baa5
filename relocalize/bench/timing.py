"""Time per pipeline stage, measured from outside the pipeline.

The pipeline's own modules are not touched: the parser, the rewriter and the verifier a
:class:`relocalize.pipeline.Pipeline` receives are wrapped with timers, and for the length of
:func:`instrumented` the detector functions the pipeline module calls are replaced by timed
wrappers that also record what the detector found. Time is exclusive: seconds spent in the
verifier while the detector resolves notices count as verify, not detect.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from relocalize.rewrite.graph import Graph
from relocalize.rewrite.parsers import ParseFn
from relocalize.rewrite.rewriter import RuleRewriter
from relocalize.verify.base import Verifier

# parse: the parser; rewrite: rules and wrapper less the parse; verify: the NLI model;
# detect: annotations, claims, notices, language check; other: the rest of the pipeline
# (guards, assembling edits, provenance); write: writing the output file.
STAGES = ("parse", "detect", "rewrite", "verify", "other", "write")


class StageTimer:
    """Exclusive seconds per stage: entering a stage pauses the enclosing one."""

    def __init__(self) -> None:
        self.seconds: Counter[str] = Counter()
        self._stack: list[list[Any]] = []

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        now = time.perf_counter()
        if self._stack:
            top = self._stack[-1]
            self.seconds[top[0]] += now - top[1]
        self._stack.append([name, now])
        try:
            yield
        finally:
            now = time.perf_counter()
            top_name, start = self._stack.pop()
            self.seconds[top_name] += now - start
            if self._stack:
                self._stack[-1][1] = now


def timed_parse(parse: ParseFn, timer: StageTimer) -> ParseFn:
    """A parse function whose work (done lazily, per graph) counts as ``parse``."""

    def run(texts: Sequence[str], originals: Sequence[str]) -> Iterator[Graph]:
        with timer.stage("parse"):
            it = iter(parse(texts, originals))
        while True:
            with timer.stage("parse"):
                try:
                    graph = next(it)
                except StopIteration:
                    return
            yield graph

    return run


class TimedRewriter:
    def __init__(self, parse: ParseFn, timer: StageTimer) -> None:
        self._inner = RuleRewriter(timed_parse(parse, timer))
        self._timer = timer

    def candidates(self, units: list[str], openers: Any = None) -> Any:
        with self._timer.stage("rewrite"):
            return self._inner.candidates(units, openers)


class TimedVerifier:
    def __init__(self, inner: Verifier, timer: StageTimer) -> None:
        self._inner, self._timer = inner, timer

    def contradiction(self, premise: str, hypothesis: str) -> float:
        with self._timer.stage("verify"):
            return self._inner.contradiction(premise, hypothesis)


class _TimedBackend:
    def __init__(self, inner: Any, timer: StageTimer) -> None:
        self._inner, self._timer = inner, timer

    def candidates(self, units: list[str]) -> Any:
        with self._timer.stage("rewrite"):
            return self._inner.candidates(units)


class TimedModels:
    """What :class:`relocalize.pipeline.Pipeline` reads from its models, with timers around it.

    Other model attributes (a learned rewriter) come from ``base``, their ``candidates`` timed as rewrite.
    """

    def __init__(self, base: Any, parse: ParseFn, timer: StageTimer) -> None:
        self._base, self._timer = base, timer
        self.rewriter = TimedRewriter(parse, timer)
        self.verifier = TimedVerifier(base.verifier, timer)
        self.thresholds = base.thresholds

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        value = getattr(self._base, name)
        return _TimedBackend(value, self._timer) if hasattr(value, "candidates") else value


class Capture:
    """What the detector found in the current document (input offsets)."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.annotations: list[tuple[int, int]] = []
        self.claims: list[tuple[int, int]] = []
        self.restatements: list[tuple[int, int]] = []


# Functions relocalize.pipeline calls for detection, by the name it calls them under.
DETECTORS = ("unsupported_reason", "find_annotations", "resolve_inline", "find_restatements")


@contextmanager
def instrumented(timer: StageTimer, capture: Capture) -> Iterator[None]:
    """Time the detector functions ``relocalize.pipeline`` calls and record their results."""
    import relocalize.pipeline as pipeline_module

    missing = [name for name in DETECTORS if not hasattr(pipeline_module, name)]
    if missing:
        raise RuntimeError(f"relocalize.pipeline no longer calls {missing}: update relocalize/bench/timing.py")
    originals = {name: getattr(pipeline_module, name) for name in DETECTORS}

    def timed(name: str, record: Callable[[Any], None] | None = None) -> Callable[..., Any]:
        inner = originals[name]

        def call(*args: Any, **kwargs: Any) -> Any:
            with timer.stage("detect"):
                result = inner(*args, **kwargs)
            if record is not None:
                record(result)
            return result

        return call

    def found(annotations: Any) -> None:
        capture.annotations = [(a.span.start, a.span.end) for a in annotations]

    def resolved(result: Any) -> None:
        annotations, claims = result
        found(annotations)
        units = [(u.start, u.end) for c in claims for u in c.units]
        capture.claims = list(dict.fromkeys(capture.claims + units))

    def restated(spans: Any) -> None:
        new = [(s.start, s.end) for s in spans]
        capture.restatements.extend(new)
        capture.claims = list(dict.fromkeys(capture.claims + new))

    patches = {
        "unsupported_reason": timed("unsupported_reason"),
        "find_annotations": timed("find_annotations", found),
        "resolve_inline": timed("resolve_inline", resolved),
        "find_restatements": timed("find_restatements", restated),
    }
    try:
        for name, fn in patches.items():
            setattr(pipeline_module, name, fn)
        yield
    finally:
        for name, fn in originals.items():
            setattr(pipeline_module, name, fn)
