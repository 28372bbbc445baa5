"""The verifier interface and its registry."""

from __future__ import annotations

from typing import Protocol


class Verifier(Protocol):
    """Scores how strongly ``hypothesis`` contradicts ``premise`` (0..1)."""

    def contradiction(self, premise: str, hypothesis: str) -> float: ...


class MemoVerifier:
    """``inner`` with each distinct (premise, hypothesis) pair scored once: pairs run one at a time, so a pair's
    score never depends on what else is scored, and a repeat (the same claim and rewrite in another document of a
    shard, a restatement probe asked again) is the same number at no cost. The oldest pair goes beyond ``size``."""

    def __init__(self, inner: Verifier, size: int = 20_000) -> None:
        self._inner, self._size = inner, size
        self._scores: dict[tuple[str, str], float] = {}

    def contradiction(self, premise: str, hypothesis: str) -> float:
        key = (premise, hypothesis)
        score = self._scores.get(key)
        if score is None:
            score = self._inner.contradiction(premise, hypothesis)
            if len(self._scores) >= self._size:
                del self._scores[next(iter(self._scores))]
            self._scores[key] = score
        return score


def load_verifier(spec: str, threads: int = 1) -> Verifier:
    """``"aegis"`` (the bundled int8 ONNX detector) or ``"nli:<path or hub id>"``."""
    if spec == "aegis":
        from relocalize.verify.onnx_nli import AegisVerifier

        return AegisVerifier(threads=threads)
    if spec.startswith("nli:"):
        from relocalize.verify.transformers_nli import TransformersNLIVerifier

        return TransformersNLIVerifier(spec[4:])
    raise ValueError(f"unknown verifier {spec!r}: use 'aegis' or 'nli:<model path or hub id>'")
