"""Exclusive time per stage, and models that report their own time to it.

One :class:`Timer` serves a pipeline's steps (each times itself under its name), the models the
steps call (``parse``, ``verify``, ``load``) and the I/O around them (``read``, ``gate``, ``write``).
Time is exclusive: seconds in the verifier while a step runs count as ``verify``, not as the step.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cached_property
from typing import Any, TypeVar

from relocalize.models import Models
from relocalize.options import Options
from relocalize.rewrite.graph import Graph
from relocalize.rewrite.parsers import ParseFn
from relocalize.rewrite.rewriter import RuleRewriter
from relocalize.steps import STEP_NAMES
from relocalize.verify.base import Verifier

T = TypeVar("T")
_END = object()

# What the stats, the run summary and the bench report time: reading, the pass-through test, each
# step (less the models it calls), the parser, the verifier, loading models, writing.
STAGES = ("read", "gate", *STEP_NAMES, "parse", "verify", "load", "write")


class Timer:
    """Exclusive seconds and calls per stage: entering a stage pauses the enclosing one."""

    def __init__(self) -> None:
        self.seconds: Counter[str] = Counter()
        self.calls: Counter[str] = Counter()
        self._stack: list[list[Any]] = []

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        now = time.perf_counter()
        if self._stack:
            top = self._stack[-1]
            self.seconds[top[0]] += now - top[1]
        self._stack.append([name, now])
        self.calls[name] += 1
        try:
            yield
        finally:
            now = time.perf_counter()
            top_name, start = self._stack.pop()
            self.seconds[top_name] += now - start
            if self._stack:
                self._stack[-1][1] = now

    def reset(self) -> None:
        self.seconds.clear()
        self.calls.clear()


def timed_iter(items: Iterable[T], timer: Timer, stage: str) -> Iterator[T]:
    """``items``, with the time spent producing each (a lazy parse, a reader) counted as ``stage``."""
    with timer.stage(stage):
        it = iter(items)
    while True:
        with timer.stage(stage):
            item = next(it, _END)
        if item is _END:
            return
        yield item  # type: ignore[misc]


def timed_parse(parse: ParseFn, timer: Timer) -> ParseFn:
    """A parse function whose work (done lazily, per graph) counts as ``parse``."""

    def run(texts: Sequence[str], originals: Sequence[str]) -> Iterator[Graph]:
        with timer.stage("parse"):
            graphs = parse(texts, originals)
        return timed_iter(graphs, timer, "parse")

    return run


class _TimedVerifier:
    def __init__(self, inner: Verifier, timer: Timer) -> None:
        self._inner, self._timer = inner, timer

    def contradiction(self, premise: str, hypothesis: str) -> float:
        with self._timer.stage("verify"):
            return self._inner.contradiction(premise, hypothesis)


class TimedModels(Models):
    """:class:`Models` whose parser and verifier report to ``timer`` (loading counts as ``load``)."""

    def __init__(self, options: Options, timer: Timer) -> None:
        super().__init__(options)
        self.timer = timer

    @cached_property
    def parse(self) -> ParseFn:
        with self.timer.stage("load"):
            inner = Models.parse.func(self)  # type: ignore[attr-defined]
            self.loaded()
        return timed_parse(inner, self.timer)

    @cached_property
    def rewriter(self) -> RuleRewriter:
        return RuleRewriter(self.parse)

    def _load_verifier(self) -> Verifier:
        with self.timer.stage("load"):
            inner = super()._load_verifier()
            self.loaded()
        return _TimedVerifier(inner, self.timer)  # inside the memo: the calls counted are the model's
