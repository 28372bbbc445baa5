"""The ``relocalize`` provenance column: one fixed Arrow type for every row."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from enum import StrEnum

import pyarrow as pa

# The provenance column's name.
COLUMN = "relocalize"
STATUSES = ("unchanged", "rewritten", "partial", "unresolved", "unsupported", "error")
# The message of a row whose text has no UTF-8 (it could not be written out, nor its edits recorded).
LONE_SURROGATE = "text holds a lone surrogate (not valid Unicode)"


class Kind(StrEnum):
    """What became of a claim unit (an outcome's kind) and what an edit did (an edit record's kind); the values
    are the strings the provenance holds."""

    REWRITE = "rewrite"  # negated in place
    WRAP = "wrap"  # "It is not true that ..."
    LOCALIZE = "localize"  # the framing's stance put in the sentence
    UNFRAMED = "unframed"  # left as it is, its framing removed
    DROP = "drop"
    KEPT = "kept"  # left as it is, with its annotations
    REMOVE_ANNOTATION = "remove_annotation"  # an edit only: a framing removed


# Edit kinds that put new text in place of a claim unit; with a drop, every edit of a claim unit.
TEXT_EDITS = (Kind.REWRITE, Kind.WRAP, Kind.LOCALIZE)
CLAIM_EDITS = (*TEXT_EDITS, Kind.DROP)

EDIT_TYPE = pa.struct(
    [
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("new_start", pa.int64()),
        ("new_end", pa.int64()),
        ("original", pa.string()),
        ("text", pa.string()),
        ("kind", pa.string()),
        ("method", pa.string()),
        ("score", pa.float64()),
        ("rule", pa.string()),
    ]
)


@dataclass
class Counts:
    annotations_found: int = 0
    annotations_removed: int = 0
    claims_found: int = 0
    rewritten: int = 0
    wrapped: int = 0
    dropped: int = 0
    kept: int = 0
    rejected: int = 0
    localized: int = 0  # claims under another framing with its stance put in the sentence
    unframed: int = 0  # claims left as they were, their framing removed (policy "remove")
    framing_negation: int = 0  # annotations found, by framing kind
    framing_fiction: int = 0
    framing_unreliable: int = 0
    framing_uncertainty: int = 0
    framing_low_probability: int = 0


COUNT_FIELDS = tuple(f.name for f in fields(Counts))

PROVENANCE_TYPE = pa.struct(
    [
        ("status", pa.string()),
        ("message", pa.string()),
        ("dropped", pa.bool_()),
        ("counts", pa.struct([(name, pa.int64()) for name in COUNT_FIELDS])),
        ("edits", pa.list_(EDIT_TYPE)),
    ]
)


@dataclass
class EditRecord:
    start: int
    end: int
    new_start: int
    new_end: int
    original: str
    text: str
    kind: str
    method: str
    score: float | None
    rule: str = ""  # the rules that made a rewrite, or the checks and verifier stages that refused the other forms


@dataclass
class Provenance:
    """What relocalize did to one document."""

    status: str
    message: str = ""
    dropped: bool = False
    counts: Counts = field(default_factory=Counts)
    edits: list[EditRecord] = field(default_factory=list)

    def to_arrow(self) -> pa.StructScalar:
        """A scalar of :data:`PROVENANCE_TYPE` (the same type for every row)."""
        return pa.scalar(asdict(self), type=PROVENANCE_TYPE)
