"""Models behind small interfaces, loaded lazily and once per process."""

from __future__ import annotations

from functools import cached_property, lru_cache

from relocalize.options import Options
from relocalize.rewrite.parsers import load_parser
from relocalize.rewrite.rewriter import RuleRewriter
from relocalize.verify.base import Verifier, load_verifier
from relocalize.verify.calibration import METHODS, calibrated_thresholds


@lru_cache(maxsize=4)
def _rewriter(parser: str) -> RuleRewriter:
    return RuleRewriter(load_parser(parser))


@lru_cache(maxsize=4)
def _verifier(spec: str) -> Verifier:
    return load_verifier(spec)


class Models:
    """The parser and verifier an :class:`Options` asks for; nothing loads until used."""

    def __init__(self, options: Options) -> None:
        self._options = options

    @cached_property
    def rewriter(self) -> RuleRewriter:
        return _rewriter(self._options.parser)

    @cached_property
    def verifier(self) -> Verifier:
        return _verifier(self._options.verifier)

    @cached_property
    def thresholds(self) -> dict[str, float]:
        """Minimum verifier score per rewrite method; ``Options.threshold`` overrides all."""
        t = self._options.threshold
        return calibrated_thresholds() if t is None else dict.fromkeys(METHODS, t)
