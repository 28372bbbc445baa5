"""The verifier interface and its registry."""

from __future__ import annotations

from typing import Protocol


class Verifier(Protocol):
    """Scores how strongly ``hypothesis`` contradicts ``premise`` (0..1)."""

    def contradiction(self, premise: str, hypothesis: str) -> float: ...


def load_verifier(spec: str, threads: int = 1) -> Verifier:
    """``"aegis"`` (the bundled int8 ONNX detector) or ``"nli:<path or hub id>"``."""
    if spec == "aegis":
        from relocalize.verify.onnx_nli import AegisVerifier

        return AegisVerifier(threads=threads)
    if spec.startswith("nli:"):
        from relocalize.verify.transformers_nli import TransformersNLIVerifier

        return TransformersNLIVerifier(spec[4:])
    raise ValueError(f"unknown verifier {spec!r}: use 'aegis' or 'nli:<model path or hub id>'")
