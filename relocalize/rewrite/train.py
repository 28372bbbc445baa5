"""``relocalize train-rewriter``: fine-tune a seq2seq rewriter on the rules' verified edits.

1. :func:`build_pairs` runs the parse-guided pipeline over corpus documents and keeps the
   rewrites it verified (provenance edits of kind ``rewrite``, method ``rule``) as
   (claim, local negation) pairs, markup stripped, de-duplicated.
2. A seeded shuffle holds out a fraction of the pairs.
3. :func:`fit` fine-tunes the base model (an encoder-decoder or a decoder-only model with a chat
   template; :mod:`relocalize.rewrite.seq2seq`) with a plain PyTorch loop: AdamW at a constant
   learning rate, gradients clipped at 1, the prompt format the rewriter uses at inference.
   Checkpoints go to ``OUT/checkpoints/step-N`` (weights, optimizer and RNG state) after every
   epoch and every ``save_steps`` steps; a new run on the same ``OUT`` resumes from the last one.
4. :func:`evaluate` rewrites the held-out claims and reports exact match, token F1, the share
   passing the structural guards and the share the verifier accepts (the ``seq2seq`` threshold).

``OUT`` itself ends up a model directory ``Relocalizer(rewriter="seq2seq", rewriter_model=OUT)``
loads, with ``metrics.json`` and ``pairs.json`` (the pairs and the split) beside the weights.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import shutil
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from relocalize.io import iter_rows
from relocalize.provenance import Kind
from relocalize.rewrite.seq2seq import (
    DECODER_ONLY,
    ENCODER_DECODER,
    INSTRUCTION,
    PROMPT_PREFIX,
    Seq2SeqRewriter,
    load_generator,
)
from relocalize.rewrite.surface import split_markup
from relocalize.verify import guards

CHECKPOINTS = "checkpoints"
STATE = "trainer_state.json"
PAIRS = "pairs.json"
METRICS = "metrics.json"
KEEP_CHECKPOINTS = 2


# -- data ---------------------------------------------------------------------
def read_texts(paths: Iterable[str | Path], text_column: str = "text", limit: int | None = None) -> Iterator[str]:
    """The string values of ``text_column`` in Parquet and JSONL (.gz, .zst) files (the CLI's readers)."""
    seen = 0
    for name in paths:
        path = Path(name)
        if not path.is_file():
            raise FileNotFoundError(f"corpus file {str(path)!r} does not exist")
        for row in iter_rows(path, text_column):
            if limit is not None and seen >= limit:
                return
            if isinstance(text := row.get(text_column), str):
                seen += 1
                yield text


def build_pairs(texts: Iterable[str], relocalizer: Any, progress: bool = False) -> list[tuple[str, str]]:
    """(claim, negation) pairs from the rule rewrites the verifier accepted, in corpus order.

    Markup the pipeline keeps around a unit (list markers, chat stamps, emphasis) is stripped
    from both sides, since the seq2seq rewriter only ever sees the sentence; duplicates are
    dropped so the held-out split never repeats a training pair.
    """
    pairs: dict[tuple[str, str], None] = {}
    for text in _bar(texts, progress, "documents", unit="doc"):
        _, prov = relocalizer.process(text)
        for edit in prov.edits:
            if edit.kind != Kind.REWRITE or edit.method != "rule":
                continue
            prefix, body, suffix = split_markup(edit.original)
            new = edit.text
            if body and new.startswith(prefix) and new.endswith(suffix) and len(new) > len(prefix) + len(suffix):
                pairs.setdefault((body, new[len(prefix) : len(new) - len(suffix)]), None)
    return list(pairs)


def split_pairs(
    pairs: list[tuple[str, str]], holdout: float, seed: int
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """A seeded shuffle, then ``holdout`` of the pairs (at least one when there are two) held out."""
    if not 0.0 <= holdout < 1.0:
        raise ValueError(f"holdout must lie in [0, 1), not {holdout!r}")
    shuffled = list(pairs)
    random.Random(seed).shuffle(shuffled)
    n = round(len(shuffled) * holdout)
    if holdout > 0 and n == 0 and len(shuffled) >= 2:
        n = 1
    n = min(n, max(len(shuffled) - 1, 0))
    return shuffled[n:], shuffled[:n]


# -- fine-tuning ----------------------------------------------------------------
def encode_pairs(
    rewriter: Seq2SeqRewriter, pairs: list[tuple[str, str]], max_target_tokens: int
) -> list[dict[str, list[int]]]:
    """Token ids and labels (-100 where no loss) in the prompt format the rewriter generates from."""
    tok = rewriter.tokenizer
    eos = tok.eos_token_id
    if eos is None and rewriter.kind == DECODER_ONLY:
        raise ValueError("a decoder-only base model needs an eos token to end its training targets")
    prompts = rewriter.prompts([claim for claim, _ in pairs])
    rows = []
    for prompt, (_, negation) in zip(prompts, pairs):
        if rewriter.kind == ENCODER_DECODER:
            source = tok(prompt, truncation=True, max_length=rewriter.input_limit)["input_ids"]
            target = tok(text_target=negation, truncation=True, max_length=max_target_tokens)["input_ids"]
            if eos is not None and (not target or target[-1] != eos):
                target = [*target[: max_target_tokens - 1], eos]
            rows.append({"input_ids": source, "labels": target})
        else:
            source = tok(prompt, add_special_tokens=False)["input_ids"]
            target = [*tok(negation, add_special_tokens=False)["input_ids"][: max_target_tokens - 1], eos]
            rows.append({"input_ids": source + target, "labels": [-100] * len(source) + target})
    return rows


def _collate(rows: list[dict[str, list[int]]], pad_id: int, kind: str) -> dict[str, Any]:
    import torch

    width = max(len(r["input_ids"]) for r in rows)
    ids = torch.full((len(rows), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(rows), width), dtype=torch.long)
    label_width = width if kind == DECODER_ONLY else max(len(r["labels"]) for r in rows)
    labels = torch.full((len(rows), label_width), -100, dtype=torch.long)
    for i, r in enumerate(rows):  # right padding: positions stay 0..n-1 for the loss
        ids[i, : len(r["input_ids"])] = torch.tensor(r["input_ids"])
        mask[i, : len(r["input_ids"])] = 1
        labels[i, : len(r["labels"])] = torch.tensor(r["labels"])
    return {"input_ids": ids, "attention_mask": mask, "labels": labels}


def _digest(obj: object) -> str:
    return hashlib.sha256(json.dumps(obj, ensure_ascii=False).encode()).hexdigest()[:16]


def latest_checkpoint(out_dir: str | Path) -> Path | None:
    """The complete checkpoint with the highest step under ``out_dir/checkpoints``."""
    root = Path(out_dir) / CHECKPOINTS
    done = [p for p in root.glob("step-*") if (p / STATE).is_file()] if root.is_dir() else []
    return max(done, key=lambda p: int(p.name.split("-")[1]), default=None)


def _save_model(path: Path, model: Any, tokenizer: Any) -> None:
    """Write the model's weights and its tokenizer to ``path``."""
    model.save_pretrained(path)
    tokenizer.save_pretrained(path)


def _save_checkpoint(out_dir: Path, model: Any, tokenizer: Any, optimizer: Any, state: dict[str, Any]) -> Path:
    import torch

    path = out_dir / CHECKPOINTS / f"step-{state['step']:08d}"
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    _save_model(path, model, tokenizer)
    rng = {"cpu": torch.get_rng_state()}
    if torch.cuda.is_available():
        rng["cuda"] = torch.cuda.get_rng_state_all()
    torch.save({"optimizer": optimizer.state_dict(), "rng": rng}, path / "optimizer.pt")
    tmp = path / (STATE + ".tmp")
    tmp.write_text(json.dumps(state, indent=2))
    tmp.replace(path / STATE)  # written last: a checkpoint without it is incomplete
    older = sorted((p for p in (out_dir / CHECKPOINTS).glob("step-*") if p != path), key=lambda p: p.name)
    for stale in older[: max(len(older) - (KEEP_CHECKPOINTS - 1), 0)]:
        shutil.rmtree(stale, ignore_errors=True)
    return path


def _start_state(out: Path, fingerprint: dict[str, Any], resume: bool) -> tuple[Path | None, dict[str, Any]]:
    """The checkpoint to resume from and its trainer state, or none and a fresh state."""
    out.mkdir(parents=True, exist_ok=True)
    if not resume and (out / CHECKPOINTS).exists():
        shutil.rmtree(out / CHECKPOINTS)
    ckpt = latest_checkpoint(out) if resume else None
    if ckpt is None:
        return None, {"step": 0, "epoch_losses": [], "step_losses": [], **fingerprint}
    saved = json.loads((ckpt / STATE).read_text())
    changed = [k for k, v in fingerprint.items() if saved.get(k) != v]
    if changed:
        raise ValueError(
            f"the checkpoint {ckpt} was trained with a different {', '.join(changed)}: "
            "train into a new --out directory, or pass resume=False (--no-resume) to start over"
        )
    return ckpt, saved


def _optimizer(model: Any, lr: float, seed: int, ckpt: Path | None) -> Any:
    """AdamW over the model at ``lr``, torch seeded, optimizer and RNG state restored from ``ckpt``."""
    import torch

    optimizer = torch.optim.AdamW(model.parameters(), lr=lr)
    torch.manual_seed(seed)
    if ckpt is not None:
        extra = torch.load(ckpt / "optimizer.pt", weights_only=False)
        optimizer.load_state_dict(extra["optimizer"])
        torch.set_rng_state(extra["rng"]["cpu"])
        if "cuda" in extra["rng"] and torch.cuda.is_available():
            torch.cuda.set_rng_state_all(extra["rng"]["cuda"])
    return optimizer


def _schedule(rows: int, batch_size: int, epochs: int, max_steps: int | None) -> tuple[int, int, int]:
    """Optimizer steps per epoch, steps in all, and the step this call stops at (``max_steps`` caps it)."""
    per_epoch = -(-rows // batch_size)
    total = per_epoch * epochs
    return per_epoch, total, total if max_steps is None else min(total, max_steps)


def _next_batch(
    rows: list[dict[str, list[int]]], step: int, per_epoch: int, batch_size: int, seed: int
) -> tuple[int, list[dict[str, list[int]]]]:
    """The epoch of optimizer step ``step`` and its rows, from that epoch's seeded shuffle."""
    import torch

    epoch, offset = divmod(step, per_epoch)
    order = torch.randperm(len(rows), generator=torch.Generator().manual_seed(seed + epoch)).tolist()
    return epoch, [rows[i] for i in order[offset * batch_size : (offset + 1) * batch_size]]


def _optimizer_step(model: Any, optimizer: Any, batch: dict[str, Any]) -> float:
    """One forward and backward pass and AdamW step, gradients clipped at 1; returns the loss."""
    import torch

    loss = model(**{k: v.to(model.device) for k, v in batch.items()}).loss
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    optimizer.step()
    optimizer.zero_grad(set_to_none=True)
    return loss.item()


def _log_step(state: dict[str, Any], loss: float, per_epoch: int) -> bool:
    """Count a step and its loss in ``state`` (and the epoch's mean loss at its end); True at an epoch's end."""
    state["step"] += 1
    state["step_losses"].append(round(loss, 6))
    end_of_epoch = state["step"] % per_epoch == 0
    if end_of_epoch:
        state["epoch_losses"].append(round(sum(state["step_losses"][-per_epoch:]) / per_epoch, 6))
    return end_of_epoch


def _fit_result(
    kind: str, state: dict[str, Any], total: int, finished: bool, resumed_from: int | None, rewriter: Seq2SeqRewriter
) -> dict[str, Any]:
    """What :func:`fit` returns, from the trainer state at the end of the call."""
    losses = state["step_losses"]
    return {
        "kind": kind,
        "steps": state["step"],
        "total_steps": total,
        "finished": finished,
        "resumed_from": resumed_from,
        "epoch_losses": state["epoch_losses"],
        "first_loss": losses[0] if losses else None,
        "last_loss": losses[-1] if losses else None,
        "rewriter": rewriter,
    }


def fit(
    base: str,
    pairs: list[tuple[str, str]],
    out_dir: str | Path,
    epochs: int = 3,
    lr: float = 5e-4,
    batch_size: int = 16,
    seed: int = 0,
    resume: bool = True,
    progress: bool = True,
    device: str = "cpu",
    save_steps: int | None = None,
    max_steps: int | None = None,
    max_input_tokens: int = 256,
    max_target_tokens: int = 96,
    local_files_only: bool = False,
) -> dict[str, Any]:
    """Fine-tune ``base`` on ``pairs``; save it to ``out_dir`` when every epoch is done.

    Resumes from ``out_dir/checkpoints`` (the last complete one) unless ``resume`` is False, in
    which case old checkpoints are removed. ``max_steps`` stops early after that many optimizer
    steps in all (a checkpoint is written; the next call resumes). Returns the step count,
    per-epoch mean losses, the first and last step losses, whether training finished, and
    ``rewriter``: the trained model in memory, wrapped as a :class:`Seq2SeqRewriter`.
    """
    import torch  # noqa: F401  (without the seq2seq extra, fail here, before out_dir is touched)

    if epochs < 1 or batch_size < 1 or lr <= 0:
        raise ValueError("epochs and batch_size must be positive and lr above 0")
    if not pairs:
        raise ValueError("no training pairs")
    out = Path(out_dir)
    fingerprint = {"base": base, "pairs": _digest(pairs), "batch_size": batch_size, "seed": seed, "lr": lr}
    ckpt, state = _start_state(out, fingerprint, resume)
    kind, tokenizer, model = load_generator(str(ckpt) if ckpt else base, device, local_files_only, "float32")
    rewriter = Seq2SeqRewriter.from_loaded(kind, tokenizer, model, max_input_tokens=max_input_tokens)
    rows = encode_pairs(rewriter, pairs, max_target_tokens)
    optimizer = _optimizer(model, lr, seed, ckpt)
    per_epoch, total, stop = _schedule(len(rows), batch_size, epochs, max_steps)
    resumed_from = state["step"] if ckpt is not None else None
    bar = _bar(None, progress, "fine-tuning", total=total, initial=min(state["step"], total), unit="step")
    model.train()
    while state["step"] < stop:
        epoch, chunk = _next_batch(rows, state["step"], per_epoch, batch_size, seed)
        loss = _optimizer_step(model, optimizer, _collate(chunk, tokenizer.pad_token_id, kind))
        end_of_epoch = _log_step(state, loss, per_epoch)
        if bar is not None:
            bar.update(1)
            bar.set_postfix_str(f"epoch {epoch + 1}/{epochs} loss {loss:.4f}")
        if end_of_epoch or state["step"] == stop or (save_steps and state["step"] % save_steps == 0):
            _save_checkpoint(out, model, tokenizer, optimizer, state)
    if bar is not None:
        bar.close()
    model.eval()
    finished = state["step"] >= total
    if finished:
        _save_model(out, model, tokenizer)
    return _fit_result(kind, state, total, finished, resumed_from, rewriter)


# -- evaluation -----------------------------------------------------------------
_TOKEN = re.compile(r"\w+|[^\w\s]")


def token_f1(prediction: str, reference: str) -> float:
    """Bag-of-tokens F1 (lower-cased words and punctuation marks)."""
    p, r = _TOKEN.findall(prediction.lower()), _TOKEN.findall(reference.lower())
    if not p or not r:
        return float(p == r)
    common = sum((Counter(p) & Counter(r)).values())
    if common == 0:
        return 0.0
    precision, recall = common / len(p), common / len(r)
    return 2 * precision * recall / (precision + recall)


def evaluate(rewriter: Seq2SeqRewriter, pairs: list[tuple[str, str]], relocalizer: Any) -> dict[str, Any]:
    """Exact match, token F1, guard and verifier pass rates of the rewriter on ``pairs``."""
    if not pairs:
        return {"pairs": 0, "exact_match": None, "token_f1": None, "guard_pass_rate": None, "verifier_pass_rate": None}
    models = relocalizer.pipeline.models
    threshold = models.thresholds["seq2seq"]
    outputs = rewriter.generate([claim for claim, _ in pairs])
    exact = f1 = guarded = verified = 0.0
    examples = []
    for (claim, reference), output in zip(pairs, outputs):
        exact += output.strip() == reference.strip()
        f1 += token_f1(output, reference)
        ok = score = None
        if output and guards.check(claim, output) is None:
            guarded += 1
            score = models.verifier.contradiction(claim, output)
            ok = score >= threshold
            verified += ok
        examples.append(
            {"claim": claim, "reference": reference, "output": output, "score": score, "verified": bool(ok)}
        )
    n = len(pairs)
    return {
        "pairs": n,
        "exact_match": exact / n,
        "token_f1": f1 / n,
        "guard_pass_rate": guarded / n,
        "verifier_pass_rate": verified / n,
        "threshold": threshold,
        "examples": examples,
    }


# -- the whole command ------------------------------------------------------------
def _load_or_build_pairs(
    out: Path, corpus: list[str], text_column: str, holdout: float, seed: int, relocalizer: Any, **read: Any
) -> dict[str, Any]:
    spec = {
        "corpus": [str(Path(p).resolve()) for p in corpus],
        "files": [[Path(p).stat().st_size, Path(p).stat().st_mtime_ns] if Path(p).is_file() else None for p in corpus],
        "text_column": text_column,
        "holdout_fraction": holdout,
        "seed": seed,
        "max_docs": read.get("limit"),
    }
    cached = out / PAIRS
    if cached.is_file():
        data = json.loads(cached.read_text())
        if all(data.get(k) == v for k, v in spec.items()):
            data["train"] = [tuple(p) for p in data["train"]]
            data["holdout"] = [tuple(p) for p in data["holdout"]]
            return data
    texts = list(read_texts(corpus, text_column, read.get("limit")))
    pairs = build_pairs(texts, relocalizer, read.get("progress", False))
    if not pairs:
        raise ValueError(
            f"no verified rule rewrites in {len(texts)} documents of {', '.join(corpus)}: nothing to train on "
            "(the corpus needs documents whose claims are negated globally)"
        )
    train, held = split_pairs(pairs, holdout, seed)
    data = {**spec, "documents": len(texts), "pairs": len(pairs), "train": train, "holdout": held}
    out.mkdir(parents=True, exist_ok=True)
    (out / PAIRS).write_text(json.dumps(data, ensure_ascii=False, indent=1))
    return data


def _metrics(
    base: str,
    out: Path,
    data: dict[str, Any],
    settings: dict[str, Any],
    trained: dict[str, Any],
    holdout: dict[str, Any] | None,
    seconds: float,
) -> dict[str, Any]:
    """What :func:`train_rewriter` returns and writes to ``metrics.json``, in that file's key order."""
    return {
        "base": base,
        "out": str(out),
        "corpus": data["corpus"],
        "documents": data["documents"],
        "pairs": data["pairs"],
        "train_pairs": len(data["train"]),
        "holdout_pairs": len(data["holdout"]),
        **settings,
        "prompt": PROMPT_PREFIX + "<sentence>" if trained["kind"] == ENCODER_DECODER else INSTRUCTION + "<sentence>",
        "training": trained,
        "holdout": holdout,
        "seconds": seconds,
    }


def train_rewriter(
    corpus_paths: list[str | Path],
    base: str,
    out_dir: str | Path,
    epochs: int = 3,
    lr: float = 5e-4,
    batch_size: int = 16,
    holdout: float = 0.1,
    seed: int = 0,
    resume: bool = True,
    progress: bool = True,
    text_column: str = "text",
    device: str = "cpu",
    save_steps: int | None = None,
    max_steps: int | None = None,
    max_docs: int | None = None,
    relocalizer: Any = None,
    local_files_only: bool = False,
) -> dict[str, Any]:
    """Pairs from the corpus, a held-out split, fine-tuning, evaluation; returns the metrics.

    ``relocalizer`` (default ``Relocalizer(text_column=...)``) builds and verifies the pairs;
    ``metrics.json`` in ``out_dir`` holds what this returns.
    """
    from relocalize.api import Relocalizer

    corpus = [str(p) for p in corpus_paths]
    if not corpus:
        raise ValueError("train-rewriter needs at least one corpus file")
    out = Path(out_dir)
    if not resume:
        (out / PAIRS).unlink(missing_ok=True)
    relocalizer = relocalizer or Relocalizer(text_column=text_column)
    started = time.perf_counter()
    data = _load_or_build_pairs(out, corpus, text_column, holdout, seed, relocalizer, limit=max_docs, progress=progress)
    settings = {"epochs": epochs, "lr": lr, "batch_size": batch_size, "seed": seed}
    trained = fit(
        base,
        data["train"],
        out,
        **settings,
        resume=resume,
        progress=progress,
        device=device,
        save_steps=save_steps,
        max_steps=max_steps,
        local_files_only=local_files_only,
    )
    rewriter = trained.pop("rewriter")
    holdout_metrics = evaluate(rewriter, data["holdout"], relocalizer) if trained["finished"] else None
    metrics = _metrics(base, out, data, settings, trained, holdout_metrics, round(time.perf_counter() - started, 2))
    (out / METRICS).write_text(json.dumps(metrics, ensure_ascii=False, indent=2))
    return metrics


def _bar(iterable: Any, enabled: bool, desc: str, **kwargs: Any) -> Any:
    if not enabled:
        return iterable
    from tqdm import tqdm

    return tqdm(iterable, desc=desc, file=sys.stderr, dynamic_ncols=True, **kwargs)


# -- command line -----------------------------------------------------------------
def add_train_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``train-rewriter`` to an ``argparse`` subparsers object; ``args.func`` is :func:`run_train`."""
    p = subparsers.add_parser(
        "train-rewriter",
        help="fine-tune a seq2seq rewriter on the rules' verified rewrites of a corpus",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_arguments(p)
    p.set_defaults(func=run_train)
    return p


def _add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("corpus", nargs="+", metavar="CORPUS", help="JSONL (.jsonl, .jsonl.gz) or Parquet files")
    p.add_argument("--base", required=True, help="base model: a local directory or hub id (T5/BART or chat LM)")
    p.add_argument("--out", required=True, help="output directory (model, checkpoints/, metrics.json)")
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--lr", type=float, default=5e-4)
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--holdout", type=float, default=0.1, help="share of the pairs held out for evaluation")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--text-column", default="text")
    p.add_argument("--device", default="cpu", help="cpu, cuda, cuda:N or auto")
    p.add_argument("--save-steps", type=int, default=None, help="also checkpoint every N steps")
    p.add_argument("--max-steps", type=int, default=None, help="stop after N steps in all (resume later)")
    p.add_argument("--max-docs", type=int, default=None, help="read at most N documents")
    p.add_argument("--no-resume", dest="resume", action="store_false", help="ignore and remove old checkpoints")
    p.add_argument("--no-progress", dest="progress", action="store_false", help="no progress bars")


def run_train(args: argparse.Namespace) -> int:
    metrics = train_rewriter(
        args.corpus,
        args.base,
        args.out,
        epochs=args.epochs,
        lr=args.lr,
        batch_size=args.batch_size,
        holdout=args.holdout,
        seed=args.seed,
        resume=args.resume,
        progress=args.progress,
        text_column=args.text_column,
        device=args.device,
        save_steps=args.save_steps,
        max_steps=args.max_steps,
        max_docs=args.max_docs,
    )
    t, h = metrics["training"], metrics["holdout"]
    print(
        f"{metrics['pairs']} pairs from {metrics['documents']} documents "
        f"({metrics['train_pairs']} train, {metrics['holdout_pairs']} held out)"
    )
    print(f"steps {t['steps']}/{t['total_steps']}, epoch losses {t['epoch_losses']}")
    if not t["finished"]:
        print(f"stopped early; run the same command again to resume from {args.out}/{CHECKPOINTS}")
    elif h and h["pairs"]:
        print(
            f"held out: exact match {h['exact_match']:.1%}, token F1 {h['token_f1']:.3f}, "
            f"guards {h['guard_pass_rate']:.1%}, verifier {h['verifier_pass_rate']:.1%}"
        )
    print(f"model and {METRICS} written to {args.out}/")
    return 0


def main(argv: list[str] | None = None) -> int:
    """``relocalize train-rewriter`` on its own: ``argv`` are the arguments after the subcommand."""
    parser = argparse.ArgumentParser(
        prog="relocalize train-rewriter", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    _add_arguments(parser)
    return run_train(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
