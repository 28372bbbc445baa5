"""A 3-way NLI cross-encoder from transformers as a drop-in verifier."""

from __future__ import annotations


class TransformersNLIVerifier:
    """P(contradiction) from any ``AutoModelForSequenceClassification`` NLI model."""

    def __init__(self, model: str) -> None:
        try:
            import torch
            from transformers import AutoModelForSequenceClassification, AutoTokenizer
        except ImportError as exc:
            raise RuntimeError("a transformers verifier needs `pip install 'relocalize[seq2seq]'`") from exc
        self._torch = torch
        self._tokenizer = AutoTokenizer.from_pretrained(model)
        self._model = AutoModelForSequenceClassification.from_pretrained(model).eval()
        labels = {v.lower(): k for k, v in self._model.config.id2label.items()}
        if "contradiction" not in labels:
            raise ValueError(f"{model!r} has no 'contradiction' label: {self._model.config.id2label}")
        self._index = labels["contradiction"]

    def contradiction(self, premise: str, hypothesis: str) -> float:
        enc = self._tokenizer(premise, hypothesis, truncation=True, return_tensors="pt")
        with self._torch.no_grad():
            logits = self._model(**enc).logits[0]
        return float(logits.softmax(-1)[self._index])
