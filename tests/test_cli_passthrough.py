"""The vectorised pass-through test never passes a row that Pipeline.process would touch."""

from __future__ import annotations

import re

import pyarrow as pa
import pytest
from cli_util import corpus, read_output, run, write_jsonl
from conftest import DEV
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relocalize import fixer
from relocalize.detect.annotations import may_hold_annotations
from relocalize.fixer import BatchFixer
from relocalize.io.readers import JsonlReader
from relocalize.io.shards import shard_of
from relocalize.models import Models
from relocalize.options import Options
from relocalize.passthrough import Untranslatable, _char_class, passthrough, to_re2
from relocalize.pipeline import Pipeline
from relocalize.stats import Tally

PIPELINE = Pipeline(Options(), Models(Options()))
GATE = passthrough(Options().max_chars)

TRICKY = [
    None,
    "",
    "  \n\t ",
    "The cat sat on the mat and it was not amused by the dog at all.",
    "The claim is not\u00a0true and it is a lie of the day, as we all know.",
    "The claim is not\u2003true and it is a lie of the day, as we all know.",
    "The claim is FALSE and it is a lie of the day, as we all know by now.",
    "The ſtory is fabricated? No: the ſtory is the story of the day and it is fine.",
    "The ſtory was fabrıcated and the thing is on the table, it is there.",
    "The ﬁle is in the drawer and it is on the left of the desk, as it was.",
    "The \x00 cat is on the mat and it is here with the dog and the bird.",
    "The cat \ufffd is on the mat and it is here with the dog and the bird.",
    "Le chat est sur la table et il dort bien tranquillement ce soir chez nous.",
    "the the the the the the the the the",
    "a1 b2 c3 d4 e5 f6 g7 h8 i9 j0 k1 l2 m3 n4 o5 p6 q7 r8",
    "Théâtre élégant: the café is on the corner and the señor is in it.",
    "ΑΒΓ Δέλτα the of and to in is it that was for on are with as his they at",
    "x" * 30,
    "Kelvin K and the K are on the table; it is the same thing as before.",
    "It was wrong of him, and the plan is impossible for the team to do.",
]


def _check(texts: list[object], max_chars: int = Options().max_chars) -> int:
    gate = passthrough(max_chars)
    mask = gate.mask(pa.array(texts, type=pa.string()))
    pipeline = (
        PIPELINE if max_chars == Options().max_chars else Pipeline(Options(max_chars=max_chars), Models(Options()))
    )
    for text, passes in zip(texts, mask):
        if passes:
            out, prov = pipeline.process(text)
            assert out is text and prov.status == "unchanged" and prov.message == "", repr(text)
    return int(mask.sum())


def test_tricky_rows():
    passed = _check(TRICKY)
    assert 0 < passed < len(TRICKY)
    assert _check(["The cat is on the mat and the dog is in the house."] * 3, max_chars=20) == 0


def test_corpus_and_dev_rows():
    texts = [r["text"] for r in corpus()]
    if DEV.exists():
        import pyarrow.parquet as pq

        texts += pq.read_table(DEV / "controls.parquet").column("text").to_pylist()
        texts += pq.read_table(DEV / "gold.parquet").column("dense_text").to_pylist()[:40]
    clean = ["The bakery on Elm Street opens at seven and sells rye bread, scones and coffee.\n\nParking is free."]
    assert _check(texts + clean) > 0


TOKENS = st.sampled_from(
    [
        *"abcdefhilnorstuwAEINOST .,;:!?'\"-\n\t0123456789",
        *["\u00a0", "\u2003", "\x00", "\x1f", "\ufffd", "ſ", "ı", "K", "é", "ß", "—", "’", "_", "ﬁ"],
        *[" the ", " of ", " and ", " is ", " it ", " was ", " false", " not true", " untrue", " wrong", " no "],
        *[" the following ", " above", " preceding ", " this article", " Note: ", " just stated"],
        *["\n\n", "\n \n", " the report ", "\r\n"],
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(TOKENS, max_size=60).map("".join), min_size=1, max_size=8))
def test_random_rows(texts):
    _check(texts)


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("falsewrongtuiNOT abovprecdhgm:é_1\n\u00a0\u2003ſıKk-’")), max_size=40))
def test_prefilter_translation_finds_every_match(text):
    python = may_hold_annotations(text)
    assert GATE._cued(pa.array([text]))[0] or not python


@pytest.mark.parametrize(
    "text",
    [
        "The preceding claim is false.",
        "éThe preceding claim is false.",
        "Noté: the text is wrong",
        "Kthe aboveſ false",
        "The text above.\nIt is false.",
        "Intro line.\n\nThe report is false.\n\nClosing line.",
        "It was about 3 % likely.",  # a figure of probability, apart from any word
        "A passage from a NOVEL.",
        "Ward 7B: the patient confabulates.",
    ],
)
def test_gate_keeps_every_screened_row(text):
    assert may_hold_annotations(text)
    assert GATE._cued(pa.array([text, "plain words"])).tolist() == [True, False]


@pytest.mark.parametrize(
    ("pattern", "hits", "misses"),
    [
        (re.compile(r"\bnot\s+true\b", re.I), ["NOT\u00a0TRUE", "not true"], ["nottrue"]),
        (re.compile(r"[^\W\d_]+ly"), ["fully", "ély"], ["1ly", "_ly"]),
        (re.compile(r"a.c"), ["abc", "a\u2028c"], ["a\nc"]),
        (re.compile(r"colou?r{2,3}(?=s)"), ["colorrs"], ["colors"]),
        # long counted repeats are left open: a superset that keeps RE2's automaton small
        (re.compile(r"for[^.;]{0,10}to"), ["for a b to", "for " + "x" * 40 + " to"], ["for a. to"]),
    ],
)
def test_to_re2(pattern, hits, misses):
    translated = to_re2(pattern)
    found = pa.compute.match_substring_regex(pa.array(hits + misses), translated).to_pylist()
    assert found == [True] * len(hits) + [False] * len(misses)


def test_untranslatable_patterns_are_refused():
    with pytest.raises(Untranslatable):
        to_re2(re.compile(r"(a)\1"))
    with pytest.raises(Untranslatable):
        to_re2(re.compile(r"abc", re.ASCII))


def test_a_document_without_a_cue_is_unchanged_whatever_its_language():
    """The language check runs only on documents with a cue (issue 15): so the gate needs the screen alone."""
    quiet = "Le chat dort sur la table de la cuisine, et le chien attend dans le jardin ce soir."
    cued = "Le chat dort sur la table. The following claim is false. Le chien attend dans le jardin ce soir."
    assert GATE.mask(pa.array([quiet, cued])).tolist() == [True, False]
    assert PIPELINE.process(quiet)[1].status == "unchanged"
    assert PIPELINE.process(cued)[1].status == "unsupported"


def test_ascii_char_classes_need_not_scan_every_character():
    for flags in (0, re.IGNORECASE):
        for c in map(chr, range(128)):
            assert _char_class(re.escape(c), flags, True) == _char_class(re.escape(c), flags), (c, flags)
        assert _char_class("[a-fK-Q_]", flags, True) == _char_class("[a-fK-Q_]", flags)


def test_gate_groups_batches_without_changing_the_masks(monkeypatch):
    texts = [r["text"] for r in corpus()] + TRICKY[2:]
    batches = [pa.record_batch({"text": pa.array(texts[i : i + 3], type=pa.string())}) for i in range(0, len(texts), 3)]
    gate_fixer = BatchFixer(Options())
    whole = [mask.tolist() for _, mask in gate_fixer.gated(batches)]
    monkeypatch.setattr(fixer, "GATE_BYTES", 1)  # one batch per group
    single = [mask.tolist() for _, mask in gate_fixer.gated(batches)]
    assert whole == single and sum(map(sum, whole)) > 0
    tally = Tally()
    out = [gate_fixer.fix_arrow(b, m, fixer.output_schema(b.schema), tally) for b, m in gate_fixer.gated(batches)]
    assert sum(o.num_rows for o in out) == len(texts) and tally.passthrough == sum(map(sum, whole))


def test_gate_on_null_rows_and_rows_a_reader_could_not_read(tmp_path, capsys):
    assert GATE.mask(pa.array([None, None], type=pa.string())).tolist() == [False, False]
    rows = [
        {"id": 1, "text": "a\ud800b"},  # no UTF-8: no Arrow string either
        {"id": 2, "text": "The cat sat on the mat and it was fine.", "extra": {"k": [1, "\ud800"]}},
        {"id": 3, "text": "[The following claim is false.] The mill burned in 1921.", "claims": 7},
        {"id": 4, "text": "b\udfffc [The following claim is false.]", "claims": 7},  # both: the text decides
    ]
    path = write_jsonl(tmp_path / "in.jsonl", rows)
    batches = list(JsonlReader(shard_of(path), 8, "text"))
    assert [m.tolist() for _, m in BatchFixer(Options()).gated(batches)] == [[False, True, False, False]]
    assert run(capsys, "run", path, "--out", tmp_path / "out")[0] == 0
    out = read_output(tmp_path / "out" / "in.jsonl")
    assert [{k: v for k, v in r.items() if k != "relocalize"} for r in out] == rows  # every value as it came
    assert [(r["relocalize"]["status"], r["relocalize"]["message"]) for r in out] == [
        ("error", "text holds a lone surrogate (not valid Unicode)"),
        ("unchanged", ""),
        ("error", "TypeError: claims must be a string or a list of strings, not int"),
        ("error", "text holds a lone surrogate (not valid Unicode)"),
    ]
    code, stdout, _ = run(capsys, "run", path, "--out", tmp_path / "strict", "--strict")
    assert code == 1 and "ValueError: text holds a lone surrogate" in stdout  # --strict stops on a bad row
