"""relocalize run: formats, same rows in the same order, resume, options, workers, stats, config."""

from __future__ import annotations

import io
import json

import pyarrow.parquet as pq
import pytest
from cli_util import corpus, mixed_shards, plain, read_output, reference, run, write_jsonl, write_parquet

from relocalize.progress import Progress
from relocalize.provenance import PROVENANCE_TYPE


@pytest.fixture(scope="module")
def rows():
    return corpus()[:6] + plain(3)


@pytest.fixture(scope="module")
def expected(rows):
    return reference(rows)


@pytest.mark.parametrize("name", ["a.jsonl", "a.jsonl.gz", "a.jsonl.zst", "a.parquet"])
def test_each_format_gives_the_api_output(tmp_path, capsys, rows, expected, name):
    src = tmp_path / "in" / name
    src.parent.mkdir()
    (write_parquet if name.endswith(".parquet") else write_jsonl)(src, rows)
    code, out, _ = run(capsys, "run", src, "--out", tmp_path / "out", "--batch-size", "4")
    assert code == 0
    assert read_output(tmp_path / "out" / name) == expected
    assert "rewritten" in out and "by status" in out
    if name.endswith(".parquet"):
        assert pq.read_schema(tmp_path / "out" / name).field("relocalize").type == PROVENANCE_TYPE


def test_directories_globs_and_many_shards(tmp_path, capsys, rows, expected):
    src = tmp_path / "in"
    src.mkdir()
    write_jsonl(src / "one.jsonl", rows[:4])
    write_parquet(src / "two.parquet", rows[4:])
    (src / "notes.txt").write_text("not a shard")
    code, _, _ = run(capsys, "run", src, str(src / "*.jsonl"), "--out", tmp_path / "out")
    assert code == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["_relocalize", "one.jsonl", "two.parquet"]
    assert read_output(tmp_path / "out" / "one.jsonl") + read_output(tmp_path / "out" / "two.parquet") == expected


def test_rerun_skips_complete_shards_and_redoes_half_written_ones(tmp_path, capsys, rows):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(3):
        write_jsonl(src / f"s{i}.jsonl", plain(5, 10 * i))
    out = tmp_path / "out"
    assert run(capsys, "run", src, "--out", out)[0] == 0
    before = {i: (out / f"s{i}.jsonl").read_bytes() for i in range(3)}
    # s1: marker lost after the rename; s2: output half written, then the process died.
    (out / "_relocalize" / "shards" / "s1.jsonl.json").unlink()
    (out / "s2.jsonl").write_bytes(before[2][:40])
    (out / "_relocalize" / "tmp" / "s0.jsonl.999.tmp").write_bytes(b"partial")
    code, stdout, stderr = run(capsys, "run", src, "--out", out, "--progress", "log")
    assert code == 0
    assert "1 shard(s) were already complete" in stdout
    assert "shard 2/2" in stderr
    assert {i: (out / f"s{i}.jsonl").read_bytes() for i in range(3)} == before
    assert not list((out / "_relocalize" / "tmp").iterdir())


def test_other_options_are_refused_unless_overwrite(tmp_path, capsys):
    src = write_jsonl(tmp_path / "a.jsonl", plain(3))
    out = tmp_path / "out"
    assert run(capsys, "run", src, "--out", out)[0] == 0
    code, _, err = run(capsys, "run", src, "--out", out, "--on-failure", "wrap")
    assert code == 2
    assert "other options" in err and "on_failure: 'drop_sentence' -> 'wrap'" in err and "--overwrite" in err
    code, _, _ = run(capsys, "run", src, "--out", out, "--on-failure", "wrap", "--overwrite")
    assert code == 0
    marker = json.loads((out / "_relocalize" / "shards" / "a.jsonl.json").read_text())
    assert marker["options"]["on_failure"] == "wrap" and marker["version"]


def test_workers_spread_shards_and_match_one_process(tmp_path, capsys):
    src = mixed_shards(tmp_path / "in", 3, 4, "w")
    one, two = tmp_path / "one", tmp_path / "two"
    assert run(capsys, "run", src, "--out", one)[0] == 0
    assert run(capsys, "run", src, "--out", two, "--workers", "2")[0] == 0
    for i in range(3):
        assert (one / f"w{i}.jsonl").read_bytes() == (two / f"w{i}.jsonl").read_bytes()


def test_dropped_rows_with_on_unresolved_drop(tmp_path, capsys):
    rows = corpus()
    src = write_parquet(tmp_path / "a.parquet", rows)
    code, out, _ = run(capsys, "run", src, "--out", tmp_path / "out", "--on-unresolved", "drop")
    assert code == 0
    got = read_output(tmp_path / "out" / "a.parquet")
    assert got == reference(rows, on_unresolved="drop")
    assert len(got) < len(rows) and "dropped as unresolved" in out


def test_stats_prints_the_summary_of_a_partial_run(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    write_jsonl(src / "good.jsonl", [corpus()[0], *plain(2)])
    (src / "bad.jsonl").write_text('{"text": "fine"}\n{oops\n')
    assert run(capsys, "run", src, "--out", tmp_path / "out", "--keep-going")[0] == 1
    code, out, _ = run(capsys, "stats", tmp_path / "out")
    assert code == 0
    assert "shards: 1 complete, 1 failed" in out
    assert "documents: 3 read, 3 written" in out and "rewritten 1" in out
    assert "bad.jsonl:2" in out and "time per stage" in out
    code, out, _ = run(capsys, "stats", tmp_path / "out", "--json")
    summary = json.loads(out)
    assert summary["status"]["unchanged"] == 2 and summary["counts"]["annotations_removed"] >= 1
    assert set(summary["seconds"]) >= {"read", "gate", "detect", "parse", "verify", "write", "wall"}
    assert run(capsys, "stats", tmp_path / "in")[0] == 2


def test_config_file_and_command_line_precedence(tmp_path, capsys):
    rows = [{"body": r["text"], "id": r["id"]} for r in corpus()[:2]]
    write_jsonl(tmp_path / "a.jsonl", rows)
    cfg = tmp_path / "relocalize.toml"
    cfg.write_text('inputs = ["a.jsonl"]\nout = "out"\n[run]\ntext-column = "body"\non_failure = "keep"\n')
    assert run(capsys, "run", "--config", cfg, "--on-failure", "wrap")[0] == 0
    marker = json.loads((tmp_path / "out" / "_relocalize" / "shards" / "a.jsonl.json").read_text())
    assert marker["options"]["text_column"] == "body" and marker["options"]["on_failure"] == "wrap"
    assert read_output(tmp_path / "out" / "a.jsonl") == reference(rows, text_column="body", on_failure="wrap")
    cfg.write_text("colour = 3\n")
    code, _, err = run(capsys, "run", "--config", cfg, "a.jsonl", "--out", tmp_path / "x")
    assert code == 2 and "unknown setting 'colour'" in err


def test_inspect_text_and_file_row(tmp_path, capsys):
    doc = corpus()[0]["text"]
    code, out, _ = run(capsys, "inspect", doc)
    assert code == 0
    assert "status: rewritten" in out and "[-[The following claim is invented.] -]" in out
    assert "{+The ferry operator did not agree" in out and "\x1b[" not in out
    assert "forward" in out and "removed" in out
    src = write_jsonl(tmp_path / "a.jsonl", corpus()[:3])
    code, out, _ = run(capsys, "inspect", src, "--row", "1", "--color", "always")
    assert code == 0 and "\x1b[32;1m" in out and "county fair" in out
    assert run(capsys, "inspect", src, "--row", "9")[0] == 2


class _Tty(io.StringIO):
    def isatty(self):
        return True


@pytest.mark.parametrize("mode", ["bar", "log"])
def test_progress_bar_on_a_terminal_and_log_lines_otherwise(mode):
    stream = _Tty() if mode == "bar" else io.StringIO()
    progress = Progress(2, 1000, "auto", stream)
    progress.log_every = 0.0
    progress.advance(40, 500)
    progress.shard_done("a.jsonl", "40 docs", 0)
    progress.close()
    text = stream.getvalue()
    assert progress.mode == mode
    assert "shard 1/2 a.jsonl: 40 docs" in text
    if mode == "bar":
        assert "40 docs" in text and "shards 1/2" in text and "\r" in text
    else:
        assert text.startswith("[relocalize] 0/2 shards, 40 docs") and "50% of input, ETA" in text


def test_the_cli_fixer_freezes_the_collector_once_models_load_and_the_library_does_not():
    import gc

    from relocalize.fixer import BatchFixer
    from relocalize.options import Options

    doc = "[The following claim is false.] The ferry sank off Brest in 1912."
    before = gc.get_freeze_count()
    BatchFixer(Options()).relocalizer.process(doc)
    assert gc.get_freeze_count() == before
    try:
        BatchFixer(Options(), freeze_gc=True).relocalizer.process(doc)
        assert gc.get_freeze_count() > before
    finally:
        gc.unfreeze()


@pytest.mark.parametrize(("codec", "stored"), [("zstd", "ZSTD"), ("gzip", "GZIP"), ("none", "UNCOMPRESSED")])
def test_a_parquet_output_keeps_the_input_codec(tmp_path, capsys, codec, stored):
    src = write_parquet(tmp_path / "in.parquet", corpus(), compression=codec)
    code, _, _ = run(capsys, "run", src, "--out", tmp_path / "out")
    assert code == 0
    meta = pq.ParquetFile(tmp_path / "out" / "in.parquet").metadata
    codecs = {meta.row_group(0).column(i).compression for i in range(meta.row_group(0).num_columns)}
    assert codecs == {stored}


def test_compression_sets_the_parquet_outputs_codec(tmp_path, capsys):
    src = write_parquet(tmp_path / "in.parquet", corpus(), compression="gzip")
    code, _, _ = run(capsys, "run", src, "--out", tmp_path / "out", "--compression", "zstd")
    assert code == 0
    meta = pq.ParquetFile(tmp_path / "out" / "in.parquet").metadata
    assert {meta.row_group(0).column(i).compression for i in range(meta.row_group(0).num_columns)} == {"ZSTD"}
