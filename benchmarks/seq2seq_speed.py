"""Throughput of the seq2seq rewriter backend: rewrites per second of ``Seq2SeqRewriter.candidates``.

Without ``--model`` it builds tiny random models (a T5 encoder-decoder and a GPT-2 decoder-only
model with a chat template, 2 layers of width 64, a byte-level BPE tokenizer trained on the
sentences) in a temporary directory and times them on the CPU. That measures the mechanics only
(tokenising, padding, batching, ``generate``, decoding, markup handling): a random model never
stops early, so every output is ``--max-new-tokens`` long, and the numbers say nothing about a real
model's speed or quality.

With a real model (a local directory, or a hub id already in the cache) on a GPU:

    .venv/bin/python benchmarks/seq2seq_speed.py --model /models/my-rewriter --device cuda \\
        --batch-sizes 1,16,64 --units 2000

The sentences are those of the rewrite table (``tests/data/rewrite_cases.jsonl``), repeated to
``--units``. Timing covers ``candidates()`` (markup split, tokenising, ``generate``, decoding) and
excludes loading and one warm-up batch; the mean output length is taken from the first 64 units.
The tiny models run on one CPU thread unless ``--threads`` says otherwise (for models this small,
synchronising two threads costs more than it saves).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "tests" / "data" / "rewrite_cases.jsonl"
CHAT = (
    "{% for m in messages %}<|user|>{{ m['content'] }}\n{% endfor %}"
    "{% if add_generation_prompt %}<|assistant|>{% endif %}"
)


def sentences(n: int) -> list[str]:
    rows = [json.loads(line)["sentence"] for line in TABLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [rows[i % len(rows)] for i in range(n)]


def build_tiny(root: Path, texts: list[str]) -> dict[str, str]:
    """A random T5 and a random GPT-2 with a BPE tokenizer, saved under ``root``."""
    import torch
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import GPT2Config, GPT2LMHeadModel, PreTrainedTokenizerFast, T5Config, T5ForConditionalGeneration

    def tokenizer(chat: bool) -> PreTrainedTokenizerFast:
        tok = Tokenizer(models.BPE(unk_token="<unk>"))
        tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
        tok.decoder = decoders.ByteLevel()
        trainer = trainers.BpeTrainer(
            vocab_size=2000,
            special_tokens=["<pad>", "</s>", "<unk>", "<|user|>", "<|assistant|>"],
            initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        )
        tok.train_from_iterator(texts, trainer)
        fast = PreTrainedTokenizerFast(tokenizer_object=tok, pad_token="<pad>", eos_token="</s>", unk_token="<unk>")
        if chat:
            fast.chat_template = CHAT
        return fast

    torch.manual_seed(0)
    out = {}
    tok = tokenizer(chat=False)
    t5 = T5ForConditionalGeneration(
        T5Config(
            vocab_size=len(tok),
            d_model=64,
            d_kv=16,
            d_ff=128,
            num_layers=2,
            num_decoder_layers=2,
            num_heads=4,
            initializer_factor=8.0,  # spread logits: random tokens, not the pad token over and over
            pad_token_id=0,
            eos_token_id=1,
            decoder_start_token_id=0,
        )
    )
    out["t5 (random, tiny)"] = root / "t5"
    t5.save_pretrained(out["t5 (random, tiny)"])
    tok.save_pretrained(out["t5 (random, tiny)"])
    tok = tokenizer(chat=True)
    gpt2 = GPT2LMHeadModel(
        GPT2Config(
            vocab_size=len(tok), n_embd=64, n_layer=2, n_head=4, n_positions=1024, bos_token_id=1, eos_token_id=1
        )
    )
    out["gpt2 (random, tiny)"] = root / "gpt2"
    gpt2.save_pretrained(out["gpt2 (random, tiny)"])
    tok.save_pretrained(out["gpt2 (random, tiny)"])
    return {k: str(v) for k, v in out.items()}


def measure(model: str, units: list[str], batch_size: int, device: str, max_new_tokens: int) -> dict:
    from relocalize.rewrite.seq2seq import Seq2SeqRewriter

    rw = Seq2SeqRewriter(model, device=device, batch_size=batch_size, max_new_tokens=max_new_tokens)
    t0 = time.perf_counter()
    rw.load()
    load_s = time.perf_counter() - t0
    rw.candidates(units[:batch_size])  # warm-up
    if rw.model.device.type == "cuda":
        import torch

        torch.cuda.synchronize()
    t0 = time.perf_counter()
    cands = rw.candidates(units)
    seconds = time.perf_counter() - t0
    assert len(cands) == len(units)
    sample = rw.generate_ids(units[:64])  # untimed: output length of a sample
    mean_tokens = sum(map(len, sample)) / len(sample)
    return {
        "model": model,
        "kind": rw.kind,
        "device": str(rw.model.device),
        "batch_size": batch_size,
        "units": len(units),
        "load_s": round(load_s, 2),
        "seconds": round(seconds, 3),
        "rewrites_per_s": round(len(units) / seconds, 1),
        "mean_output_tokens": round(mean_tokens, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", action="append", help="model directory or hub id (repeatable); default: tiny models")
    ap.add_argument("--device", default="cpu", help="cpu, cuda, cuda:N or auto")
    ap.add_argument("--batch-sizes", default="1,8,32")
    ap.add_argument("--units", type=int, default=314)
    ap.add_argument("--max-new-tokens", type=int, default=32)
    ap.add_argument(
        "--threads", type=int, default=None, help="torch CPU threads (default: 1 for the tiny models, else torch's)"
    )
    ap.add_argument("--json", help="also write the results here")
    args = ap.parse_args()

    import torch

    threads = args.threads or (None if args.model else 1)  # tiny models: thread sync costs more than it gains
    if threads:
        torch.set_num_threads(threads)
    units = sentences(args.units)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        named = {m: m for m in args.model} if args.model else build_tiny(Path(tmp), units)
        for name, path in named.items():
            for bs in (int(b) for b in args.batch_sizes.split(",")):
                res = measure(path, units, bs, args.device, args.max_new_tokens)
                res["model"] = name
                results.append(res)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} CPU threads, max_new_tokens={args.max_new_tokens}")
    print("| model | kind | device | batch | units | seconds | rewrites/s | mean output tokens |")
    print("|---|---|---|---:|---:|---:|---:|---:|")
    for r in results:
        print(
            f"| {r['model']} | {r['kind']} | {r['device']} | {r['batch_size']} | {r['units']} | {r['seconds']} "
            f"| {r['rewrites_per_s']} | {r['mean_output_tokens']} |"
        )
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
