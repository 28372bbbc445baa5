"""Models behind small interfaces, loaded lazily and once per process."""

from __future__ import annotations

import gc
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from relocalize.detect.framing import FramingModel, load_model
from relocalize.options import Options
from relocalize.rewrite.parsers import ParseFn, load_parser
from relocalize.rewrite.rewriter import RuleRewriter
from relocalize.verify.base import MemoVerifier, Verifier, load_verifier
from relocalize.verify.calibration import METHODS, calibrated_thresholds

if TYPE_CHECKING:
    from relocalize.rewrite.seq2seq import Seq2SeqRewriter


@lru_cache(maxsize=4)
def _rewriter(parser: str) -> RuleRewriter:
    return RuleRewriter(load_parser(parser))


@lru_cache(maxsize=2)
def _seq2seq(model: str, device: str) -> Seq2SeqRewriter:
    from relocalize.rewrite.seq2seq import Seq2SeqRewriter

    return Seq2SeqRewriter(model, device=device)


@lru_cache(maxsize=4)
def _verifier(spec: str) -> Verifier:
    return load_verifier(spec)


class Models:
    """The parser and verifier an :class:`Options` asks for; nothing loads until used."""

    def __init__(self, options: Options) -> None:
        self._options = options
        self.freeze_gc = False

    def loaded(self) -> None:
        """Called after a model loads. With ``freeze_gc`` (set by a long-lived worker such as the CLI's, never by
        the library on its own), what is alive now, the model above all, leaves the cyclic collector's sight: its
        full collections no longer walk the model's objects on every huge document."""
        if self.freeze_gc:
            gc.collect()
            gc.freeze()

    @cached_property
    def parse(self) -> ParseFn:
        """The parser of ``Options.parser`` (the rewriter's own)."""
        return load_parser(self._options.parser)

    @cached_property
    def framing(self) -> FramingModel:
        """The framing classifier of ``Options.detector_model`` (the bundled one when None)."""
        return load_model(self._options.detector_model)

    @cached_property
    def rewriter(self) -> RuleRewriter:
        return _rewriter(self._options.parser)

    @cached_property
    def seq2seq(self) -> Seq2SeqRewriter:
        """The seq2seq rewriter of ``Options.rewriter_model`` (weights load on first use)."""
        if not self._options.rewriter_model:
            raise ValueError("no seq2seq rewriter: Options.rewriter_model is not set")
        return _seq2seq(self._options.rewriter_model, self._options.device)

    @cached_property
    def verifier(self) -> Verifier:
        """The verifier of ``Options.verifier``, each distinct pair scored once (:class:`MemoVerifier`)."""
        return MemoVerifier(self._load_verifier())

    def _load_verifier(self) -> Verifier:
        return _verifier(self._options.verifier)

    @cached_property
    def thresholds(self) -> dict[str, float]:
        """Minimum verifier score per rewrite method; ``Options.threshold`` overrides all."""
        t = self._options.threshold
        out = calibrated_thresholds() if t is None else dict.fromkeys(METHODS, t)
        out.setdefault("seq2seq", out["rule"])  # learned rewrites are in-place negations, like the rules'
        return out
