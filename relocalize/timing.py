"""Time per stage: a clock, and models that report parse and verify time to it."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from typing import Any, cast

from relocalize.api import Relocalizer
from relocalize.models import Models
from relocalize.options import Options
from relocalize.pipeline import Pipeline
from relocalize.rewrite.rewriter import RuleRewriter
from relocalize.verify.base import Verifier

# Stages: read, gate (the vectorised pass-through test), detect (the pipeline less parse and
# verify), parse (rewrite candidates), verify, load (models), write.
STAGES = ("read", "gate", "detect", "parse", "verify", "load", "write")


class StageClock:
    """Seconds and calls per stage."""

    def __init__(self) -> None:
        self.seconds: Counter[str] = Counter()
        self.calls: Counter[str] = Counter()

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] += time.perf_counter() - start
            self.calls[name] += 1

    def reset(self) -> None:
        self.seconds.clear()
        self.calls.clear()


class _TimedRewriter:
    def __init__(self, inner: RuleRewriter, clock: StageClock) -> None:
        self._inner, self._clock = inner, clock

    def candidates(self, units: list[str], openers: Any = None) -> Any:
        with self._clock.stage("parse"):
            return self._inner.candidates(units, openers)


class _TimedVerifier:
    def __init__(self, inner: Verifier, clock: StageClock) -> None:
        self._inner, self._clock = inner, clock

    def contradiction(self, premise: str, hypothesis: str) -> float:
        with self._clock.stage("verify"):
            return self._inner.contradiction(premise, hypothesis)


class TimedModels(Models):
    """:class:`Models` whose parser and verifier add their time to a :class:`StageClock`."""

    def __init__(self, options: Options, clock: StageClock) -> None:
        super().__init__(options)
        self.clock = clock

    @cached_property
    def rewriter(self) -> RuleRewriter:
        with self.clock.stage("load"):
            inner = Models.rewriter.func(self)  # type: ignore[attr-defined]
        return cast(RuleRewriter, _TimedRewriter(inner, self.clock))

    @cached_property
    def verifier(self) -> Verifier:
        with self.clock.stage("load"):
            inner = Models.verifier.func(self)  # type: ignore[attr-defined]
        return _TimedVerifier(inner, self.clock)


class TimedRelocalizer(Relocalizer):
    """A :class:`Relocalizer` whose pipeline reports to ``clock``."""

    def __init__(self, clock: StageClock, **options: Any) -> None:
        super().__init__(**options)
        self.clock = clock

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = Pipeline(self.options, TimedModels(self.options, self.clock))
        return self._pipeline
