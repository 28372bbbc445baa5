"""``relocalize review``: sampling claim edits from output shards, labels, the HTML page and the score."""

from __future__ import annotations

import gzip
import io
import json
import random
from dataclasses import asdict
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from cli_util import run, write_jsonl, write_parquet

from relocalize import PROVENANCE_TYPE, Provenance
from relocalize.io import UsageError
from relocalize.provenance import EditRecord
from relocalize.review import FAMILIES, is_labelled, read_records, sample, score, split_of, wilson, write_records

LONG = "Background sentence that goes on for quite a while. " * 4  # over 120 characters


def _doc(*parts: tuple[str, str, str] | str) -> tuple[str, dict]:
    """An output text and its provenance: plain strings, or (original, text, kind) edits in place."""
    text, edits = "", []
    for part in parts:
        if isinstance(part, str):
            text += part
            continue
        original, new, kind = part
        start = len(text)
        edits.append(
            EditRecord(start, start + len(original), start, start + len(new), original, new, kind, "rule", 0.9)
        )
        text += new
    return text, asdict(Provenance("rewritten" if edits else "unchanged", edits=edits))


def _parquet(path: Path, docs: list[tuple[str, dict]], **columns: list) -> Path:
    table = pa.table(
        {
            **{k: pa.array(v, pa.string()) for k, v in columns.items()},
            "text": pa.array([t for t, _ in docs], pa.string()),
            "relocalize": pa.array([p for _, p in docs], PROVENANCE_TYPE),
        }
    )
    pq.write_table(table, path)
    return path


def _jsonl(path: Path, rows: list[dict]) -> Path:
    """Rows written as ``relocalize run`` writes a JSONL output (here gzip)."""
    path.write_bytes(gzip.compress("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode(), mtime=0))
    return path


def _outdir(tmp_path: Path, b_rewrite: str = "The dam did not burst.") -> Path:
    out = tmp_path / "out"
    (out / "_relocalize" / "shards").mkdir(parents=True)
    (out / "_relocalize" / "shards" / "a.parquet.json").write_text("{}")
    many = [
        _doc(f"Doc {i}. ", (f"Claim {i} holds.", f"Claim {i} does not hold.", "rewrite"), " End.") for i in range(30)
    ]
    docs = [
        _doc(
            "[False:] ",
            ("[False:] ", "", "remove_annotation"),
            LONG,
            ("The bridge opened.", "The bridge did not open.", "rewrite"),
            LONG,
        ),
        _doc(
            "Intro. ",
            ("It rained.", "It is not true that it rained.", "wrap"),
            " ",
            ("Cats bark.", "", "drop"),
            " Bye.",
        ),
        _doc("Nothing to see."),
        *many,
    ]
    ids = ["news/1", "blog/2", "plain/3"] + [f"d{i}" for i in range(30)]
    _parquet(out / "a.parquet", docs, doc_id=ids, doc_type=[None, "essay", None] + [None] * 30)
    text, prov = _doc("Start. ", ("The dam burst.", b_rewrite, "rewrite"), " Done.")
    _jsonl(out / "b.jsonl.gz", [{"id": "k/7", "text": text, "relocalize": prov}, {"text": text, "relocalize": prov}])
    return out


def test_sample_collects_every_claim_edit_in_order(tmp_path):
    out = _outdir(tmp_path)
    records = sample([out], n=1000, seed=0)
    assert len(records) == 35  # 1 + 2 + 30 in a.parquet, 2 in b.jsonl.gz; no remove_annotation
    assert [r["kind"] for r in records[:3]] == ["rewrite", "wrap", "drop"]
    first, wrap, drop = records[:3]
    assert (first["doc_id"], first["doc_type"], first["split"]) == ("news/1", "news", "tune")
    assert (wrap["doc_id"], wrap["doc_type"], wrap["split"]) == ("blog/2", "essay", "holdout")
    assert first["claim"] == "The bridge opened." and first["rewrite"] == "The bridge did not open."
    assert drop["claim"] == "Cats bark." and drop["rewrite"] is None
    text = pq.read_table(out / "a.parquet").column("text")[0].as_py()
    start = text.index("The bridge did not open.")
    assert first["context_before"] == text[start - 120 : start] and len(first["context_before"]) == 120
    assert first["context_after"] == LONG[:120]
    assert wrap["context_before"] == "Intro. " and drop["context_after"] == " Bye."
    assert records[3]["claim"] == "Claim 0 holds."
    assert [r["doc_id"] for r in records[-2:]] == ["k/7", "b.jsonl.gz:1"]
    assert records[-1]["doc_type"] == "" and records[-2]["doc_type"] == "k"
    assert len({r["id"] for r in records}) == len(records)
    assert all(r["label"] is None and r["labeled"] is None and not is_labelled(r) for r in records)


def test_sample_is_a_seeded_uniform_draw_in_collected_order(tmp_path):
    out = _outdir(tmp_path)
    everything = sample([out], 1000, 0)
    drawn = sample([out], 5, seed=1)
    assert drawn == sample([out], 5, seed=1)
    assert drawn == [everything[i] for i in sorted(random.Random(1).sample(range(len(everything)), 5))]
    assert drawn != sample([out], 5, seed=2)
    assert sample([out], len(everything), seed=3) == everything
    assert sample([out], 0, seed=3) == []


def test_kinds_filter_and_a_single_file(tmp_path):
    out = _outdir(tmp_path)
    assert [r["kind"] for r in sample([out], 10, 0, kinds=["drop", "wrap"])] == ["wrap", "drop"]
    assert [r["doc_id"] for r in sample([out / "b.jsonl.gz"], 10, 0)] == ["k/7", "b.jsonl.gz:1"]
    with pytest.raises(UsageError, match="kinds must be some of"):
        sample([out], 10, 0, kinds=["remove_annotation"])


def test_bench_outputs_dir(tmp_path):
    report = tmp_path / "report"
    report.mkdir()
    (report / "metrics.json").write_text("{}")
    _parquet(report / "outputs.parquet", [_doc(("A is B.", "A is not B.", "rewrite"))], doc_id=["gold/1"])
    [record] = sample([report], 10, 0)
    assert (record["doc_id"], record["doc_type"], record["rewrite"]) == ("gold/1", "gold", "A is not B.")


def test_split_of_is_stable():
    assert [split_of(d) for d in ("news/1", "blog/2", "doc-7", "x/y")] == ["tune", "holdout", "holdout", "tune"]
    assert [d for d in (f"d{i}" for i in range(20)) if split_of(d) == "holdout"] == ["d5", "d17", "d18"]


def _label(record: dict, label: str, family: str | None = None) -> dict:
    return record | {
        "label": label,
        "family": family,
        "labeled": {"claim": record["claim"], "rewrite": record["rewrite"]},
    }


def test_labels_carry_over_by_claim_and_rewrite(tmp_path, capsys):
    out = _outdir(tmp_path)
    review = tmp_path / "review.jsonl"
    assert run(capsys, "review", "sample", out, "--n", "1000", "--out", review)[0] == 0
    old = read_records(review)
    write_records(
        review,
        [_label(r, "reject", "polarity") if r["doc_id"].startswith(("k/", "b.")) else _label(r, "accept") for r in old],
    )
    code, _, err = run(capsys, "review", "sample", out, "--n", "1000", "--out", review)
    assert code == 2 and "holds labels" in err
    changed = _outdir(tmp_path / "new", b_rewrite="The dam never burst.")
    code, stdout, _ = run(capsys, "review", "sample", changed, "--n", "1000", "--out", review, "--labels", review)
    assert code == 0 and "33 labels carried over" in stdout
    new = read_records(review)
    assert [r["id"] for r in new] == [r["id"] for r in old]
    assert all(r["label"] == "accept" and is_labelled(r) for r in new[:-2])
    assert all(r["label"] is None and not is_labelled(r) for r in new[-2:])


def test_a_label_given_to_another_rewrite_does_not_count():
    record = {"claim": "A is B.", "rewrite": "A is not B.", "kind": "rewrite"}
    assert is_labelled(_label(record, "accept"))
    stale = _label(record, "accept") | {"rewrite": "A isn't B."}
    assert not is_labelled(stale)
    assert score([stale])["unlabelled"] == 1
    assert not is_labelled(record | {"label": "maybe", "labeled": {"claim": "A is B.", "rewrite": "A is not B."}})


def test_wilson_known_values():
    # Newcombe (1998), Table I, method 3; and the 37 of 60 example.
    for (k, n), expected in {
        (81, 263): (0.2553, 0.3662),
        (15, 148): (0.0624, 0.1605),
        (37, 60): (0.4902, 0.7291),
    }.items():
        assert wilson(k, n) == pytest.approx(expected, abs=1e-4)
    assert wilson(0, 20) == pytest.approx((0.0, 0.1611), abs=1e-4)
    lo, hi = wilson(20, 20)
    assert hi == pytest.approx(1.0) and lo == pytest.approx(0.8389, abs=1e-4)
    assert wilson(0, 0) == (0.0, 1.0)
    assert wilson(37, 60, z=1.0)[0] > wilson(37, 60)[0]


def _scored_records() -> list[dict]:
    base = [
        {
            "claim": f"C{i}.",
            "rewrite": f"C{i} not.",
            "kind": kind,
            "method": method,
            "split": "tune",
            "doc_type": "news",
        }
        for i, (kind, method) in enumerate(
            [("rewrite", "rule")] * 5 + [("wrap", "wrapper")] * 3 + [("drop", "drop")] * 2
        )
    ]
    labels = ["accept", "accept", "reject", "reject", "skip", "accept", "reject", "accept", None, None]
    families = [None, None, "polarity", "modal", None, None, "polarity", None, None, None]
    return [_label(r, lab, fam) if lab else r | {"label": None} for r, lab, fam in zip(base, labels, families)]


def test_score_counts_shares_and_groups():
    records = _scored_records()
    result = score(records)
    assert (result["records"], result["rejected"], result["skipped"], result["unlabelled"]) == (10, 3, 1, 2)
    assert result["acceptable"]["k"] == 4 and result["acceptable"]["n"] == 7
    assert result["acceptable"]["share"] == pytest.approx(4 / 7)
    assert result["acceptable"]["ci95"] == pytest.approx(list(wilson(4, 7)))
    assert result["rejects_by_family"] == {"polarity": 2, "modal": 1}
    assert {k: v["k"] for k, v in result["kinds"].items()} == {"rewrite": 5, "wrap": 3, "drop": 2}
    assert result["kinds"]["drop"]["share"] == pytest.approx(0.2)
    by_method = score(records, by="method")["groups"]
    assert list(by_method) == ["drop", "rule", "wrapper"]
    assert (by_method["rule"]["acceptable"]["k"], by_method["rule"]["acceptable"]["n"]) == (2, 4)
    assert by_method["drop"]["acceptable"]["share"] is None and by_method["drop"]["unlabelled"] == 2
    by_family = score(records, by="family")["groups"]
    assert by_family["polarity"]["k"] == 2 and by_family["polarity"]["n"] == 7
    with pytest.raises(ValueError):
        score(records, by="colour")


def test_score_command(tmp_path, capsys):
    review = tmp_path / "review.jsonl"
    write_records(review, _scored_records())
    code, stdout, _ = run(capsys, "review", "score", review, "--by", "kind")
    assert code == 0
    assert "acceptable: 57.1% (95% CI 25.0%-84.2%) of 7" in stdout
    assert "make-up: rewrite 50.0% (5), wrap 30.0% (3), drop 20.0% (2)" in stdout
    assert "rejects by family: polarity 2, modal 1" in stdout
    assert "2 unlabelled" in stdout and "wrap" in stdout.split("by kind")[1]
    code, stdout, _ = run(capsys, "review", "score", review, "--json", "--by", "split")
    data = json.loads(stdout)
    assert code == 0 and data["acceptable"]["k"] == 4 and list(data["groups"]) == ["tune"]
    records = _scored_records()
    write_records(first := tmp_path / "first.jsonl", records[:4])
    write_records(rest := tmp_path / "rest.jsonl", records[4:])
    code, stdout, _ = run(capsys, "review", "score", first, rest, "--json")
    assert code == 0 and json.loads(stdout)["acceptable"] == data["acceptable"]  # several files score as one


def test_label_loop_saves_each_answer_and_resumes(tmp_path, capsys, monkeypatch):
    out = _outdir(tmp_path)
    review = tmp_path / "review.jsonl"
    run(capsys, "review", "sample", out, "--n", "6", "--seed", "4", "--out", review)
    monkeypatch.setattr("sys.stdin", io.StringIO("a\nx\nr\n3\ns\nq\n"))
    code, stdout, _ = run(capsys, "review", "label", review)
    assert code == 0
    assert "[1/6]" in stdout and "[4/6]" in stdout and "[5/6]" not in stdout
    assert "[-" in stdout and "{+" in stdout and "claim:" in stdout and "rewrite:" in stdout
    assert "?" in stdout and "3 labelled now, 3 left" in stdout
    records = read_records(review)
    assert [(r["label"], r["family"]) for r in records[:4]] == [
        ("accept", None),
        ("reject", FAMILIES[2][0]),
        ("skip", None),
        (None, None),
    ]
    assert records[1]["labeled"] == {"claim": records[1]["claim"], "rewrite": records[1]["rewrite"]}
    monkeypatch.setattr("sys.stdin", io.StringIO("r\nother\nodd word order\na\n"))
    code, stdout, _ = run(capsys, "review", "label", review)
    assert "[1/3]" in stdout and records[3]["doc_id"] in stdout.split("[1/3]")[1].splitlines()[0]
    assert "2 labelled now, 1 left" in stdout  # the input ended: quit, the answers kept
    records = read_records(review)
    assert (records[3]["label"], records[3]["family"], records[3]["note"]) == ("reject", "other", "odd word order")
    assert records[4]["label"] == "accept" and records[5]["label"] is None
    assert not list(tmp_path.glob(".review.jsonl.*"))


def test_html_escapes_and_shows_every_record(tmp_path, capsys):
    records = [
        {"claim": "<script>alert(1)</script> is true.", "rewrite": "<script>alert(1)</script> is not true."},
        {"claim": "Cats bark & meow.", "rewrite": None, "kind": "drop"},
    ]
    records = [
        {"id": str(i), "doc_id": f"d/{i}", "kind": "rewrite", "method": "rule", "score": 0.5, "split": "tune"}
        | {"context_before": "Before <b>. ", "context_after": " After.", "label": None, "note": ""}
        | r
        for i, r in enumerate(records)
    ]
    records[1] = _label(records[1], "reject", "meaning_changed")
    review = tmp_path / "review.jsonl"
    write_records(review, records)
    code, _, _ = run(capsys, "review", "html", review, "--out", tmp_path / "r.html")
    page = (tmp_path / "r.html").read_text()
    assert code == 0 and "<script>" not in page and "<b>" not in page
    assert "&lt;script&gt;" in page and "Before &lt;b&gt;. " in page and "Cats bark &amp; meow." in page
    assert "<ins>not </ins>" in page and "<del>Cats bark &amp; meow.</del>" in page
    assert "meaning_changed" in page and "unlabelled" in page and "(dropped)" in page


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d, "no input shards"),
        (lambda d: write_parquet(d / "x.parquet", [{"text": "a"}]), "no column 'relocalize'"),
        (lambda d: write_jsonl(d / "x.jsonl", [{"text": "a"}]), "row 0: no 'relocalize' provenance value"),
        (lambda d: write_jsonl(d / "x.jsonl", [{"body": "a", "relocalize": {}}]), "no column 'text'"),
        (lambda d: d / "missing", "no such file or directory"),
    ],
)
def test_sample_errors_exit_2_without_traceback(tmp_path, capsys, make, message):
    shards = tmp_path / "shards"
    shards.mkdir()
    code, _, err = run(capsys, "review", "sample", make(shards), "--out", tmp_path / "r.jsonl")
    assert code == 2 and message in err and "Traceback" not in err
    assert err.startswith("relocalize review: error:")
    assert not (tmp_path / "r.jsonl").exists()


def test_other_command_errors(tmp_path, capsys):
    out = _outdir(tmp_path)
    code, _, err = run(capsys, "review", "sample", out, "--out", tmp_path / "r.jsonl", "--kinds", "wrap,bogus")
    assert code == 2 and "kinds must be some of" in err
    code, _, err = run(capsys, "review", "score", tmp_path / "none.jsonl")
    assert code == 2 and "none.jsonl: cannot read" in err
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"claim": "x", "rewrite": null}\n[1, 2]\n')
    code, _, err = run(capsys, "review", "html", bad)
    assert code == 2 and "bad.jsonl:2: not a review record" in err


def test_split_filter_draws_from_one_part_only(tmp_path):
    ids = [f"u/{i}" for i in range(20)]
    docs = [_doc((f"Claim {i} holds.", f"Claim {i} does not hold.", "rewrite")) for i in range(20)]
    out = _parquet(tmp_path / "s.parquet", docs, doc_id=ids)
    held = sample([out], 50, 0, split="holdout")
    assert held and {r["split"] for r in held} == {"holdout"}
    assert {r["doc_id"] for r in held} == {d for d in ids if split_of(d) == "holdout"}
    assert len(held) + len(sample([out], 50, 0, split="tune")) == 20
    with pytest.raises(UsageError, match="split must be one of"):
        sample([out], 5, 0, split="dev")


def test_strip_keeps_labels_without_text_and_they_carry_over(tmp_path, capsys):
    out = _parquet(tmp_path / "s.parquet", [_doc(("A is B.", "A is not B.", "rewrite"), " ", ("C is D.", "", "drop"))])
    records = sample([out], 10, 0)
    records[0].update(
        label="reject", family="polarity", note="quotes A", labeled={"claim": "A is B.", "rewrite": "A is not B."}
    )
    write_records(tmp_path / "r.jsonl", records)
    assert run(capsys, "review", "strip", tmp_path / "r.jsonl", "--out", tmp_path / "l.jsonl")[0] == 0
    [label] = read_records(tmp_path / "l.jsonl")
    assert "A is" not in json.dumps(label) and (label["label"], label["family"]) == ("reject", "polarity")
    carried = sample([out], 10, 0, labels=[label])
    assert [is_labelled(r) for r in carried] == [True, False]
    assert score([label])["acceptable"]["n"] == 1


def test_records_name_the_deciding_rule_and_score_by_it(tmp_path, relocalizer):
    docs = [
        "[The following claim is invented.] The ferry to Skye was run by the council. [That was untrue.]",
        "[The following claim is invented.] The museum fully opened after the repairs. [That was untrue.]",
    ]
    results = [relocalizer.process(d) for d in docs]
    path = _parquet(tmp_path / "run.parquet", [(t, asdict(p)) for t, p in results], doc_id=["a/1", "a/2"])
    records = sample([path], n=10, seed=0)
    assert {(r["kind"], r["rule"]) for r in records} == {("rewrite", "not_after"), ("wrap", "partial_negation")}
    for r in records:
        r.update(label="accept", labeled={"claim": r["claim"], "rewrite": r["rewrite"]})
    assert set(score(records, by="rule")["groups"]) == {"not_after", "partial_negation"}


def test_labels_of_the_licensed_dev_data_hold_no_text():
    """Labels of the dev gold and framings-dev are kept by the hashes of their pairs (``review strip``):
    no claim, rewrite, context or note of the licensed corpus is in the repository."""
    files = sorted((Path(__file__).parent / "data").glob("review_[df][er]*.jsonl"))
    assert len(files) >= 8
    for path in files:
        for record in read_records(path):
            assert not {"claim", "rewrite", "context_before", "context_after", "note"} & record.keys(), path.name
