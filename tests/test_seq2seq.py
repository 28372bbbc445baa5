"""The seq2seq rewriter backend and train-rewriter, on tiny models built here from configs.

No pretrained generator can be installed here, so these tests check mechanics: random models
(whose outputs are garbage the verifier must reject) and a tiny T5 fine-tuned in the test to
emit fixed negations (for the backend order). Nothing is stubbed or monkeypatched except the
missing-transformers error, which hides the package from the import system.
"""

import itertools
import json
import pickle
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import torch
from conftest import assert_outside_edits_identical
from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
from transformers import (
    BertConfig,
    BertModel,
    GPT2Config,
    GPT2LMHeadModel,
    PreTrainedTokenizerFast,
    T5Config,
    T5ForConditionalGeneration,
)

import relocalize
from relocalize.models import Models
from relocalize.options import Options
from relocalize.rewrite.seq2seq import NO_WRAPPER, PROMPT_PREFIX, Seq2SeqRewriter, load_generator
from relocalize.rewrite.surface import split_markup
from relocalize.rewrite.train import (
    add_train_parser,
    build_pairs,
    encode_pairs,
    fit,
    latest_checkpoint,
    main,
    run_train,
    split_pairs,
    token_f1,
    train_rewriter,
)

DOCS = [
    "[The following claim is false.] The bridge opened to traffic.",
    "[The following claim is false.] The mayor resigned from the board.",
    "[The following claim is invented.] The company sold the land to a developer. [What was just stated is untrue.]",
    "Notes:\n\n- **Maria won the chess tournament.** (The claim above is false.)",
    "[The following claim is false.] The river flooded the valley last spring.",
    "[The following claim is false.] The museum was closed by the city.",
    "[The following claim is false.] Kim's victory stunned fans.",  # wrapped, not a rule edit
    "The weather was nice today.",  # no annotation
    "[The following claim is false.] The bridge opened to traffic.",  # a duplicate pair
]
PAIRS = [
    ("The bridge opened to traffic.", "The bridge did not open to traffic."),
    ("The mayor resigned from the board.", "The mayor did not resign from the board."),
    ("The company sold the land to a developer.", "The company did not sell the land to a developer."),
    ("Maria won the chess tournament.", "Maria did not win the chess tournament."),
    ("The river flooded the valley last spring.", "The river did not flood the valley last spring."),
    ("The museum was closed by the city.", "The museum was not closed by the city."),
]
BRIDGE, KIM = "The bridge opened to traffic.", "Kim's victory stunned fans."
MAYOR = "The mayor resigned from the board."
# What the copier model is trained to emit: different from the rules' output, so the method shows.
COPY = [(BRIDGE, "The bridge never opened to traffic."), (KIM, "Kim's victory did not stun fans.")]
UNITS = [
    BRIDGE,
    "- **Maria won the chess tournament.**",
    "A much longer sentence about the company that sold the land in 1999 to a developer from the city.",
    KIM,
    "x",
]
SPECIALS = ["<pad>", "</s>", "<unk>", "<|user|>", "<|assistant|>"]
CHAT = (
    "{% for m in messages %}<|user|>{{ m['content'] }}\n{% endfor %}"
    "{% if add_generation_prompt %}<|assistant|>{% endif %}"
)


def _tokenizer(chat: bool) -> PreTrainedTokenizerFast:
    """A byte-level BPE (exact round trip of any text) trained on the test sentences."""
    tok = Tokenizer(models.BPE(unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    texts = [*DOCS, *(n for _, n in PAIRS), *(n for _, n in COPY), PROMPT_PREFIX, "Rewrite the sentence"] * 3
    alphabet = pre_tokenizers.ByteLevel.alphabet()
    tok.train_from_iterator(
        texts, trainers.BpeTrainer(vocab_size=420, special_tokens=SPECIALS, initial_alphabet=alphabet)
    )
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, pad_token="<pad>", eos_token="</s>", unk_token="<unk>")
    if chat:
        fast.chat_template = CHAT
    return fast


def _save(path, model, tok) -> str:
    model.save_pretrained(path)
    tok.save_pretrained(path)
    return str(path)


def _t5(path, factor=1.0, dropout=0.0) -> str:
    tok = _tokenizer(chat=False)
    torch.manual_seed(0)
    config = T5Config(
        vocab_size=len(tok),
        d_model=32,
        d_kv=8,
        d_ff=64,
        num_layers=1,
        num_decoder_layers=1,
        num_heads=2,
        dropout_rate=dropout,
        initializer_factor=factor,
        pad_token_id=0,
        eos_token_id=1,
        decoder_start_token_id=0,
    )
    return _save(path, T5ForConditionalGeneration(config), tok)


def _gpt2(path, init=0.5, chat=True) -> str:
    tok = _tokenizer(chat=chat)
    torch.manual_seed(0)
    config = GPT2Config(
        vocab_size=len(tok),
        n_embd=32,
        n_layer=1,
        n_head=2,
        n_positions=512,
        resid_pdrop=0.0,
        embd_pdrop=0.0,
        attn_pdrop=0.0,
        initializer_range=init,
        bos_token_id=1,
        eos_token_id=1,
        pad_token_id=0,
    )
    return _save(path, GPT2LMHeadModel(config), tok)


@pytest.fixture(scope="module", autouse=True)
def one_thread():
    """Tiny models run faster on one thread than on two that keep synchronising."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("tiny")
    bert_tok = _tokenizer(chat=False)
    bert = BertModel(BertConfig(vocab_size=len(bert_tok), hidden_size=32, num_hidden_layers=1, num_attention_heads=2))
    return {
        # a large init spreads the logits, so random outputs depend on the input
        "t5": _t5(root / "t5", factor=8.0),
        "gpt2": _gpt2(root / "gpt2"),
        "t5_base": _t5(root / "t5_base"),
        "t5_dropout": _t5(root / "t5_dropout", dropout=0.1),
        "gpt2_base": _gpt2(root / "gpt2_base", init=0.02),
        "gpt2_no_chat": _gpt2(root / "gpt2_no_chat", chat=False),
        "bert": _save(root / "bert", bert, bert_tok),
    }


@pytest.fixture(scope="module")
def copier(tiny, tmp_path_factory) -> str:
    """A tiny T5 fine-tuned to emit the negations in COPY."""
    out = tmp_path_factory.mktemp("copier")
    result = fit(tiny["t5_base"], COPY * 8, out, epochs=15, lr=1e-2, batch_size=4, progress=False)
    assert result["finished"]
    assert result["rewriter"].generate([c for c, _ in COPY]) == [n for _, n in COPY]
    return str(out)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    path.write_text("".join(json.dumps({"text": d, "id": i}) + "\n" for i, d in enumerate(DOCS)))
    return str(path)


def _edit(prov):
    (edit,) = [e for e in prov.edits if e.kind in ("rewrite", "wrap")]
    return edit


# -- the rewriter ------------------------------------------------------------------
def test_candidates_keep_markup_and_carry_the_output_as_rule(tiny):
    rw = Seq2SeqRewriter(tiny["t5"], max_new_tokens=8)
    units = [*UNITS, "**", ""]
    cands = rw.candidates(units)
    assert len(cands) == len(units)
    for unit, c in zip(units, cands):
        assert (c.prefix, c.body, c.suffix) == split_markup(unit)
        assert c.wrapped is None and c.wrap_reason == NO_WRAPPER
    assert all(c.rule and c.rule_reason == "" for c in cands[: len(UNITS)])
    assert cands[-2].rule is None and cands[-2].rule_reason == "nothing but markup"
    assert cands[-1].rule is None
    assert rw.kind == "encoder-decoder" and rw.prompts(["Kim won."]) == ["negate: Kim won."]


@pytest.mark.parametrize("kind", ["t5", "gpt2"])
def test_outputs_do_not_depend_on_batch_composition(tiny, kind):
    one = Seq2SeqRewriter(tiny[kind], batch_size=1, max_new_tokens=10)
    many = Seq2SeqRewriter(tiny[kind], batch_size=4, max_new_tokens=10)
    batch = many.encode(UNITS[:4])
    assert (batch["attention_mask"] == 0).any()  # the batch really is padded
    if kind == "gpt2":
        assert many.kind == "decoder-only" and many.tokenizer.padding_side == "left"
        assert (batch["attention_mask"][:, -1] == 1).all()  # left padding: every prompt ends the row
    alone = one.generate(UNITS)
    assert len(set(alone)) > 1  # the outputs depend on the input
    assert many.generate(UNITS) == alone
    assert many.generate(UNITS[::-1]) == alone[::-1]
    assert many.generate([UNITS[2], UNITS[0]]) == [alone[2], alone[0]]


@pytest.mark.parametrize("kind", ["t5", "gpt2"])
def test_long_inputs_are_truncated(tiny, kind):
    rw = Seq2SeqRewriter(tiny[kind], max_input_tokens=16, max_new_tokens=4)
    long = " ".join([BRIDGE] * 300)  # ~2,000 tokens: past GPT-2's 512 positions if not cut
    assert len(rw.tokenizer(long)["input_ids"]) > 1000
    short, cut = (rw.encode([s])["input_ids"].shape[1] for s in ("", long))
    assert cut <= short + 16 + 2
    (cand,) = rw.candidates([long])
    assert cand.body == long and cand.rule


def test_output_length_is_bounded(tiny):
    for kind in ("t5", "gpt2"):
        ids = Seq2SeqRewriter(tiny[kind], max_new_tokens=3).generate_ids(UNITS)
        assert max(len(row) for row in ids) == 3
        assert max(len(row) for row in Seq2SeqRewriter(tiny[kind], max_new_tokens=9).generate_ids(UNITS)) > 3


def test_decoding_is_deterministic(tiny):
    for kind in ("t5", "gpt2"):
        for beams in (1, 2):
            first = Seq2SeqRewriter(tiny[kind], num_beams=beams, max_new_tokens=8).generate(UNITS)
            torch.manual_seed(1234)
            again = Seq2SeqRewriter(tiny[kind], num_beams=beams, max_new_tokens=8).generate(UNITS)
            assert first == again


def test_save_load_round_trip(tiny, tmp_path):
    rw = Seq2SeqRewriter(tiny["t5"], max_new_tokens=8)
    before = rw.generate(UNITS)
    rw.model.save_pretrained(tmp_path)
    rw.tokenizer.save_pretrained(tmp_path)
    assert Seq2SeqRewriter(str(tmp_path), max_new_tokens=8).generate(UNITS) == before


# -- the pipeline --------------------------------------------------------------------
def test_garbage_is_rejected_and_the_unit_falls_to_the_wrapper(tiny):
    doc = DOCS[0]
    out, prov = relocalize.Relocalizer(rewriter="seq2seq", rewriter_model=tiny["t5"]).process(doc)
    edit = _edit(prov)
    assert (edit.kind, edit.method) == ("wrap", "wrap")
    assert out == "It is not true that the bridge opened to traffic."
    assert prov.counts.rejected == 1 and prov.counts.rewritten == 0
    out, prov = relocalize.Relocalizer(rewriter="seq2seq", rewriter_model=tiny["t5"], on_failure="keep").process(
        "[The following claim is false.] Did the bridge open to traffic?"
    )
    assert prov.status == "partial" and prov.counts.kept == 1 and not prov.edits


def test_seq2seq_backend_rewrites_and_records_its_method(copier):
    doc = DOCS[0] + "\n\n" + DOCS[6]
    r = relocalize.Relocalizer(rewriter="seq2seq", rewriter_model=copier)
    out, prov = r.process(doc)
    assert out == "The bridge never opened to traffic.\n\nKim's victory did not stun fans."
    edits = [e for e in prov.edits if e.kind == "rewrite"]
    assert [e.method for e in edits] == ["seq2seq", "seq2seq"]
    assert all(e.score >= r.pipeline.models.thresholds["seq2seq"] for e in edits)
    assert_outside_edits_identical(doc, out, prov)
    methods = [e["method"] for e in r.fix({"text": doc})["relocalize"].as_py()["edits"]]
    assert methods.count("seq2seq") == 2


def test_auto_rules_first_uses_the_model_only_where_the_rules_fail(copier):
    doc = DOCS[0] + "\n\n" + DOCS[6]
    out, prov = relocalize.Relocalizer(rewriter="auto", rewriter_model=copier).process(doc)
    assert out == "The bridge did not open to traffic.\n\nKim's victory did not stun fans."
    assert [e.method for e in prov.edits if e.kind == "rewrite"] == ["rule", "seq2seq"]
    assert prov.counts.rewritten == 2 and prov.counts.wrapped == 0


def test_auto_seq2seq_first_falls_back_to_the_rules(copier):
    r = relocalize.Relocalizer(rewriter="auto", rewriter_model=copier, rewriter_order="seq2seq_first")
    out, prov = r.process(DOCS[0] + "\n\n" + DOCS[6])
    assert out == "The bridge never opened to traffic.\n\nKim's victory did not stun fans."
    assert [e.method for e in prov.edits if e.kind == "rewrite"] == ["seq2seq", "seq2seq"]
    # a claim the model never saw: its output is rejected, the rule is tried next
    out, prov = r.process(DOCS[1])
    assert out == "The mayor did not resign from the board."
    assert (_edit(prov).method, prov.counts.rejected) == ("rule", 1)


@pytest.mark.parametrize("order", ["rules_first", "seq2seq_first"])
def test_generation_is_batched_across_documents(copier, order):
    docs = [DOCS[0], DOCS[6], DOCS[7], DOCS[1], 42, DOCS[6]]
    r = relocalize.Relocalizer(rewriter="auto", rewriter_model=copier, rewriter_order=order)
    one_by_one = [r.process(d) for d in docs]
    seq2seq = r.pipeline.models.seq2seq
    calls: list[list[str]] = []
    real = seq2seq.candidates

    def spy(units: list[str]) -> list:
        calls.append(list(units))
        return real(units)

    seq2seq.candidates = spy
    batch = r.fix_batch({"text": docs})
    assert len(calls) == 1  # one generation call for the whole batch
    expected = [KIM, KIM] if order == "rules_first" else [BRIDGE, KIM, MAYOR, KIM]
    assert [split_markup(u)[1] for u in calls[0]] == expected
    assert batch["text"] == [out for out, _ in one_by_one]
    assert [p.as_py()["status"] for p in batch["relocalize"]] == [prov.status for _, prov in one_by_one]


def test_rules_first_does_not_load_the_model_when_the_rules_pass(tmp_path):
    r = relocalize.Relocalizer(rewriter="auto", rewriter_model=str(tmp_path / "absent"))
    out, prov = r.process(DOCS[0])
    assert out == "The bridge did not open to traffic." and _edit(prov).method == "rule"
    out, prov = r.process(DOCS[6])  # the rules refuse: now the model is needed, and missing
    assert prov.status == "error" and "does not exist" in prov.message


def test_default_rewriter_is_the_rules_and_options_pickle(copier):
    assert Options().rewriter == "rules"
    r = relocalize.Relocalizer(rewriter="auto", rewriter_model=copier, device="auto")
    clone = pickle.loads(pickle.dumps(r))
    assert clone.options == r.options
    models = Models(Options())
    assert models.thresholds["seq2seq"] == models.thresholds["rule"]
    assert Models(Options(threshold=0.5)).thresholds["seq2seq"] == 0.5


# -- training ------------------------------------------------------------------------
def test_build_pairs_keeps_verified_rule_edits_without_markup(relocalizer):
    assert build_pairs(DOCS, relocalizer) == PAIRS


def test_split_pairs_is_seeded_and_disjoint():
    train, held = split_pairs(PAIRS, 0.2, seed=0)
    assert len(held) == 1 and len(train) == 5 and set(train) | set(held) == set(PAIRS)
    assert split_pairs(PAIRS, 0.2, seed=0) == (train, held)
    assert split_pairs(PAIRS[:1], 0.5, seed=0) == (PAIRS[:1], [])
    with pytest.raises(ValueError, match="holdout"):
        split_pairs(PAIRS, 1.0, seed=0)


def test_token_f1():
    assert token_f1("The bridge did not open.", "the bridge did not open.") == 1.0
    assert token_f1("", "x") == 0.0 and token_f1("a b", "c d") == 0.0
    assert 0 < token_f1("The bridge never opened.", "The bridge did not open.") < 1


def test_train_rewriter_lowers_the_loss_and_saves_a_loadable_model(tiny, corpus, relocalizer, tmp_path):
    out = tmp_path / "model"
    metrics = train_rewriter(
        [corpus],
        tiny["t5_base"],
        out,
        epochs=4,
        lr=1e-2,
        batch_size=2,
        holdout=0.2,
        progress=False,
        relocalizer=relocalizer,
    )
    assert (metrics["documents"], metrics["pairs"], metrics["train_pairs"], metrics["holdout_pairs"]) == (9, 6, 5, 1)
    losses = metrics["training"]["epoch_losses"]
    assert len(losses) == 4 and all(a > b for a, b in itertools.pairwise(losses))
    held = metrics["holdout"]
    assert held["pairs"] == 1 and all(0 <= held[k] <= 1 for k in ("exact_match", "token_f1", "verifier_pass_rate"))
    assert json.loads((out / "metrics.json").read_text())["holdout"] == held
    (example,) = held["examples"]
    assert Seq2SeqRewriter(str(out)).generate([example["claim"]]) == [example["output"]]
    assert latest_checkpoint(out).name == "step-00000012"


def test_decoder_only_training_masks_the_prompt_and_lowers_the_loss(tiny, tmp_path):
    kind, tok, model = load_generator(tiny["gpt2_base"])
    rows = encode_pairs(Seq2SeqRewriter.from_loaded(kind, tok, model), PAIRS[:1], 32)
    target = tok(PAIRS[0][1], add_special_tokens=False)["input_ids"] + [tok.eos_token_id]
    assert rows[0]["labels"][-len(target) :] == target
    assert set(rows[0]["labels"][: -len(target)]) == {-100}
    result = fit(tiny["gpt2_base"], PAIRS, tmp_path, epochs=4, lr=1e-2, batch_size=3, progress=False)
    assert result["kind"] == "decoder-only" and result["epoch_losses"][-1] < result["epoch_losses"][0]
    assert Seq2SeqRewriter(str(tmp_path)).kind == "decoder-only"


def test_resume_from_a_checkpoint_matches_an_uninterrupted_run(tiny, tmp_path):
    base, args = tiny["t5_dropout"], {"epochs": 3, "lr": 1e-2, "batch_size": 2, "progress": False}
    straight = fit(base, PAIRS, tmp_path / "a", **args)
    stopped = fit(base, PAIRS, tmp_path / "b", max_steps=4, **args)  # mid-epoch 2 of 3
    assert not stopped["finished"] and latest_checkpoint(tmp_path / "b").name == "step-00000004"
    assert not (tmp_path / "b" / "config.json").exists()  # only finished runs save the model
    resumed = fit(base, PAIRS, tmp_path / "b", **args)
    assert resumed["resumed_from"] == 4 and resumed["finished"]
    assert resumed["epoch_losses"] == straight["epoch_losses"]
    for p, q in zip(straight["rewriter"].model.parameters(), resumed["rewriter"].model.parameters()):
        assert torch.equal(p, q)
    with pytest.raises(ValueError, match="different lr"):
        fit(base, PAIRS, tmp_path / "b", **{**args, "lr": 1e-3})
    restarted = fit(base, PAIRS, tmp_path / "b", resume=False, **{**args, "epochs": 1})
    assert restarted["resumed_from"] is None and restarted["steps"] == 3


def test_cli(tiny, corpus, tmp_path, capsys):
    parquet = tmp_path / "corpus.parquet"
    pq.write_table(pa.table({"body": DOCS}), parquet)
    out = tmp_path / "cli"
    argv = [str(parquet), "--base", tiny["t5_base"], "--out", str(out), "--epochs", "1", "--text-column", "body"]
    assert main([*argv, "--no-progress", "--holdout", "0.2"]) == 0
    printed = capsys.readouterr().out
    assert "6 pairs from 9 documents (5 train, 1 held out)" in printed and "held out: exact match" in printed
    assert (out / "config.json").is_file() and (out / "pairs.json").is_file()
    import argparse

    parser = argparse.ArgumentParser(prog="relocalize")
    add_train_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["train-rewriter", corpus, "--base", "b", "--out", "o", "--max-steps", "2"])
    assert args.func is run_train and args.corpus == [corpus] and args.max_steps == 2 and args.resume


# -- clear errors ----------------------------------------------------------------------
def test_missing_model_directory(tmp_path):
    rw = Seq2SeqRewriter(str(tmp_path / "absent"))  # nothing loads yet
    with pytest.raises(FileNotFoundError, match="does not exist"):
        rw.candidates([BRIDGE])
    with pytest.raises(FileNotFoundError, match=r"no config\.json"):
        Seq2SeqRewriter(str(tmp_path)).load()


def test_unknown_hub_id():
    with pytest.raises(OSError, match="cannot load seq2seq model 'no-such-org/no-such-model'"):
        Seq2SeqRewriter("no-such-org/no-such-model", local_files_only=True).load()


def test_wrong_kinds_of_model(tiny):
    with pytest.raises(ValueError, match="encoder-only models"):
        Seq2SeqRewriter(tiny["bert"]).load()
    with pytest.raises(ValueError, match="no chat template"):
        Seq2SeqRewriter(tiny["gpt2_no_chat"]).load()


def test_missing_transformers(tiny, monkeypatch):
    monkeypatch.setitem(sys.modules, "transformers", None)  # `import transformers` now fails
    with pytest.raises(ImportError, match=r"pip install 'relocalize\[seq2seq\]'"):
        Seq2SeqRewriter(tiny["t5"]).load()


def test_devices(tiny):
    with pytest.raises(ValueError, match="device"):
        Seq2SeqRewriter(tiny["t5"], device="tpu")
    with pytest.raises(ValueError, match="max_new_tokens"):
        Seq2SeqRewriter(tiny["t5"], max_new_tokens=0)
    assert str(Seq2SeqRewriter(tiny["t5"], device="auto").model.device) in ("cpu", "cuda:0")
    if torch.cuda.is_available():
        assert Seq2SeqRewriter(tiny["t5"], device="cuda").model.device.type == "cuda"
    else:
        with pytest.raises(RuntimeError, match="sees no CUDA device"):
            Seq2SeqRewriter(tiny["t5"], device="cuda").load()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"rewriter": "seq2seq"}, "needs rewriter_model"),
        ({"rewriter": "auto", "rewriter_model": " "}, "needs rewriter_model"),
        ({"rewriter": "neural", "rewriter_model": "m"}, "rewriter must be one of"),
        ({"rewriter_order": "random"}, "rewriter_order must be one of"),
        ({"device": "tpu"}, "device must be one of"),
    ],
)
def test_bad_options(options, message):
    with pytest.raises(ValueError, match=message):
        Options(**options)


def test_models_without_a_seq2seq_model():
    with pytest.raises(ValueError, match="rewriter_model is not set"):
        _ = Models(Options()).seq2seq


def test_training_errors(tiny, relocalizer, tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text(json.dumps({"text": "The weather was nice today."}) + "\n")
    with pytest.raises(ValueError, match="no verified rule rewrites"):
        train_rewriter([empty], tiny["t5_base"], tmp_path / "o", progress=False, relocalizer=relocalizer)
    with pytest.raises(ValueError, match="no column 'body'"):
        train_rewriter([empty], tiny["t5_base"], tmp_path / "o", text_column="body", relocalizer=relocalizer)
    with pytest.raises(FileNotFoundError, match="does not exist"):
        train_rewriter([tmp_path / "nope.jsonl"], tiny["t5_base"], tmp_path / "o", relocalizer=relocalizer)
    with pytest.raises(ValueError, match="encoder-only"):
        fit(tiny["bert"], PAIRS, tmp_path / "o", progress=False)


def test_cli_run_uses_the_seq2seq_backend(copier, tmp_path, capsys):
    # the rewriter options were the API's alone once; they come from Options now, like every option
    from cli_util import run

    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"text": DOCS[0] + "\n\n" + DOCS[6]}) + "\n")
    code, _, _ = run(capsys, "run", src, "--out", tmp_path / "out", "--rewriter", "auto", "--rewriter-model", copier)
    (row,) = [json.loads(line) for line in (tmp_path / "out" / "in.jsonl").read_text().splitlines()]
    assert code == 0 and row["text"] == "The bridge did not open to traffic.\n\nKim's victory did not stun fans."
    assert [e["method"] for e in row["relocalize"]["edits"] if e["kind"] == "rewrite"] == ["rule", "seq2seq"]
