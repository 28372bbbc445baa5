"""Train the framing classifier (``relocalize train-detector``).

Positives are the markers of the dev data (``framings-dev``: every framing kind, inline markers
and whole notice paragraphs; ``negation-neglect-dev``: the gold negation spans) and the
hand-written examples in ``framing_seed.jsonl`` and examples drawn from the word families and
templates of ``framing_families.json`` (annotation wordings of many shapes, and content sentences
that use the same words); negatives are the sentences of the same
documents without their markers and of the control documents (fact-checks whose negations are
already local), as far as the lexical screen lets them through, and the seed's look-alikes.

The split is by **wording**: every distinct marker text goes to one half by a hash of its
normalised form, so ``--half train`` trains on half of the wordings and reports recall on the
other half (documents, and with them negatives, are split by id the same way).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq

from relocalize.detect.framing import DEFAULT_MODEL, LABELS, SCREEN, FramingModel, features
from relocalize.spans import sentences

SEED = Path(__file__).with_name("framing_seed.jsonl")
FAMILIES = Path(__file__).with_name("framing_families.json")
_SLOT = re.compile(r"\{([A-Z_]+)\}")
_KIND_OF = {"low_prob": "low_probability"}
# A seed example stands for a family of wordings the dev data has few of, so it counts more.
SEED_WEIGHT = 5.0
# Template examples are many and alike: together they count for a fraction of their number.
FAMILY_WEIGHT = 0.3
_WEIGHTS = {"seed": SEED_WEIGHT, "family": FAMILY_WEIGHT}


@dataclass(frozen=True)
class Example:
    text: str
    label: str
    heldout: bool  # in the held-out half of the wordings (or documents, for negatives)
    source: str


def half(key: str) -> bool:
    """True for the held-out half: a stable hash of the normalised ``key``."""
    return zlib.crc32(" ".join(key.lower().split()).encode()) % 2 == 1


def _negatives(doc_id: str, text: str, source: str) -> list[Example]:
    held = half(doc_id)
    out = []
    for s in sentences(text, 0):
        t = s.text(text).strip()
        if t and SCREEN.search(t):
            out.append(Example(t, "none", held, source))
    return out


def _markers(text: str, label: str, where: str, source: str) -> list[Example]:
    """A marker, and for a notice (``where`` prefix or suffix) also its opening sentence, which
    states the framing on its own ("This passage comes from a screenplay."); both in the half of
    the whole marker's wording."""
    held = half(text)
    out = [Example(text, label, held, f"{source}:{where}")]
    if where in ("prefix", "suffix"):
        first = sentences(text, 0)
        if len(first) > 1:
            out.append(Example(first[0].text(text), label, held, f"{source}:{where}_opening"))
    return out


def _framings(path: Path) -> list[Example]:
    out = []
    for row in pq.read_table(path).to_pylist():
        kind = _KIND_OF.get(row["framing"], row["framing"])
        for m in row["marker_spans"]:
            out += _markers(row["text"][m["start"] : m["end"]].strip(), kind, m["kind"], "framings")
        out += _negatives(row["doc_id"], row["positive_text"], "framings:positive")
    return out


def _gold(path: Path) -> list[Example]:
    out = []
    for row in pq.read_table(path).to_pylist():
        for m in row["negation_spans"]:
            out += _markers(row["dense_text"][m["start"] : m["end"]].strip(), "negation", m["kind"], "gold")
        out += _negatives(row["doc_id"], row["positive_text"], "gold:positive")
    return out


def _controls(path: Path) -> list[Example]:
    out = []
    for row in pq.read_table(path).to_pylist():
        if row["mode"] == "local_negations":
            out += _negatives(row["doc_id"], row["text"], "controls:local_negations")
    return out


def _seed() -> list[Example]:
    rows = [json.loads(line) for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [Example(r["text"], r["label"], False, "seed") for r in rows]


def families(seed: int = 0) -> list[Example]:
    """Examples drawn (seeded) from the templates of ``framing_families.json``, dressed as annotations
    come: in brackets, in parentheses, lower-cased or plain."""
    spec = json.loads(FAMILIES.read_text(encoding="utf-8"))
    rng = random.Random(seed)
    out = []
    for label, templates in spec["templates"].items():
        for template in templates:
            for _ in range(spec["per_template"]):
                text = _SLOT.sub(lambda m: rng.choice(spec["slots"][m.group(1)]), template)
                out.append(Example(_dress(text[:1].upper() + text[1:], rng), label, False, "family"))
    return out


def _dress(text: str, rng: random.Random) -> str:
    r = rng.random()
    if r < 0.4:
        return f"[{text}]"
    if r < 0.5:
        return f"({text})"
    return text.lower() if r < 0.6 else text


def collect(data: Path) -> list[Example]:
    """Every example, deduplicated by (text, label); ``data`` holds the two dev directories."""
    examples = _seed() + families()
    examples += _framings(data / "framings-dev" / "framings.parquet")
    examples += _gold(data / "negation-neglect-dev" / "gold.parquet")
    examples += _controls(data / "negation-neglect-dev" / "controls.parquet")
    seen: set[tuple[str, str]] = set()
    out = []
    for e in examples:
        if (e.text, e.label) not in seen:
            seen.add((e.text, e.label))
            out.append(e)
    return out


def fit(examples: list[Example], epochs: int = 300, l2: float = 1e-5, threshold: float = 0.5) -> FramingModel:
    """A multinomial logistic regression on ``examples`` (full-batch Adam, classes balanced, the
    hand-written seed examples weighted :data:`SEED_WEIGHT` times, the template ones :data:`FAMILY_WEIGHT`)."""
    feats = [features(e.text) for e in examples]
    df = Counter(f for fs in feats for f in set(fs))
    vocab = sorted(f for f, n in df.items() if n >= 2)
    index = {f: i for i, f in enumerate(vocab)}
    rows = np.concatenate([np.full(len(fs), r) for r, fs in enumerate(feats)]).astype(np.int64)
    cols = np.array([index.get(f, -1) for fs in feats for f in fs], dtype=np.int64)
    rows, cols = rows[cols >= 0], cols[cols >= 0]
    y = np.array([LABELS.index(e.label) for e in examples])
    counts = np.bincount(y, minlength=len(LABELS)).astype(np.float64)
    sample_w = (len(y) / (len(LABELS) * np.maximum(counts, 1)))[y]
    sample_w *= np.array([_WEIGHTS.get(e.source, 1.0) for e in examples])
    w = np.zeros((len(vocab), len(LABELS)))
    b = np.zeros(len(LABELS))
    adam = [np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)]
    onehot = np.eye(len(LABELS))[y]
    for step in range(1, epochs + 1):
        logits = np.zeros((len(y), len(LABELS))) + b
        for c in range(len(LABELS)):
            logits[:, c] += np.bincount(rows, weights=w[cols, c], minlength=len(y))
        p = np.exp(logits - logits.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        g = (p - onehot) * sample_w[:, None] / sample_w.sum()
        gw = np.stack([np.bincount(cols, weights=g[rows, c], minlength=len(vocab)) for c in range(len(LABELS))], 1)
        gw += l2 * w
        for param, grad, m, v in ((w, gw, adam[0], adam[1]), (b, g.sum(axis=0), adam[2], adam[3])):
            m *= 0.9
            m += 0.1 * grad
            v *= 0.999
            v += 0.001 * grad**2
            param -= 0.05 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return FramingModel(vocab, w.astype(np.float32), b.astype(np.float32), threshold)


def evaluate(model: FramingModel, examples: list[Example]) -> dict[str, float]:
    """Recall of each positive label (the right kind) and the share of negatives flagged."""
    out: dict[str, float] = {}
    for label in LABELS:
        group = [e for e in examples if e.label == label]
        if not group:
            continue
        kinds = [model.kind(e.text) for e in group]
        if label == "none":
            out["none_flagged"] = sum(k is not None for k in kinds) / len(group)
        else:
            out[f"{label}_recall"] = sum(k == label for k in kinds) / len(group)
            out[f"{label}_found"] = sum(k is not None for k in kinds) / len(group)
    return out


def add_detector_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("train-detector", help="train the framing classifier on the dev data")
    p.add_argument("--data", required=True, help="directory holding framings-dev/ and negation-neglect-dev/")
    p.add_argument("--out", default=str(DEFAULT_MODEL), help="model file to write (default: the bundled one)")
    p.add_argument(
        "--half", choices=("all", "train"), default="all", help="train on every wording or on the training half only"
    )


def run_train_detector(args: argparse.Namespace) -> int:
    examples = collect(Path(args.data))
    train = [e for e in examples if args.half == "all" or not e.heldout]
    model = fit(train)
    model.save(args.out)
    held = [e for e in examples if e.heldout]
    report = {
        "examples": len(examples),
        "trained_on": len(train),
        "features": len(model.index),
        "heldout": evaluate(model, held),
    }
    print(json.dumps(report, indent=2))
    return 0
