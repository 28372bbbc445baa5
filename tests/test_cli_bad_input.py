"""Bad input and output: a clear error naming the file, non-zero exit, no partial output, others unaffected."""

from __future__ import annotations

import errno
import gzip

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from cli_util import plain, run, write_jsonl, write_parquet

from relocalize.io import writers


def _outputs(out):
    return sorted(p.name for p in out.iterdir() if p.name != "_relocalize")


def _check_failed(tmp_path, capsys, bad, message, *extra):
    """``bad`` fails with ``message``; a good shard beside it is complete all the same."""
    good = write_jsonl(tmp_path / "good.jsonl", plain(3))
    out = tmp_path / "out"
    args = ["run", bad, good, "--out", out, "--keep-going", *extra]
    code, stdout, _ = run(capsys, *args)
    assert code == 1
    assert message in stdout and str(bad) in stdout
    assert "failed shards:" in stdout
    assert _outputs(out) == ["good.jsonl"]
    assert not list((out / "_relocalize" / "tmp").iterdir())
    assert (out / "_relocalize" / "shards" / f"{bad.name}.failed.json").exists()
    assert not (out / "_relocalize" / "shards" / f"{bad.name}.json").exists()
    return stdout


def test_missing_text_column_parquet(tmp_path, capsys):
    bad = write_parquet(tmp_path / "bad.parquet", [{"body": "x"}])
    _check_failed(tmp_path, capsys, bad, "no column 'text' (columns: body)")


def test_missing_text_column_jsonl(tmp_path, capsys):
    bad = write_jsonl(tmp_path / "bad.jsonl", [{"body": "x"}, {"body": "y"}])
    _check_failed(tmp_path, capsys, bad, "no column 'text' in lines 1-2 (keys: body)")


def test_non_string_column(tmp_path, capsys):
    bad = write_parquet(tmp_path / "bad.parquet", [{"text": 1}, {"text": 2}])
    _check_failed(tmp_path, capsys, bad, "column 'text' is int64, not a string")


def test_non_string_value_in_jsonl_names_the_line(tmp_path, capsys):
    bad = write_jsonl(tmp_path / "bad.jsonl", [*plain(2), {"text": ["a", "list"]}])
    _check_failed(tmp_path, capsys, bad, "bad.jsonl:3: column 'text' holds list, not a string")


def test_unreadable_jsonl_line_names_file_and_line(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "fine"}\n\n{"text": "cut\n')
    _check_failed(tmp_path, capsys, bad, "bad.jsonl:3: not valid JSON")


def test_invalid_utf8_line(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b'{"text": "fine"}\n{"text": "\xff\xfe"}\n')
    _check_failed(tmp_path, capsys, bad, "bad.jsonl:2: not valid JSON")


@pytest.mark.parametrize("name", ["bad.parquet", "bad.jsonl", "bad.jsonl.gz"])
def test_empty_file(tmp_path, capsys, name):
    bad = tmp_path / name
    bad.write_bytes(b"" if name != "bad.jsonl.gz" else gzip.compress(b"\n\n", mtime=0))
    _check_failed(tmp_path, capsys, bad, "empty file")


def test_corrupt_parquet(tmp_path, capsys):
    bad = tmp_path / "bad.parquet"
    bad.write_bytes(b"PAR1 this is not parquet at all PAR1")
    _check_failed(tmp_path, capsys, bad, "not a readable Parquet file")


def test_truncated_parquet(tmp_path, capsys):
    src = write_parquet(tmp_path / "src.parquet", plain(50))
    bad = tmp_path / "bad.parquet"
    bad.write_bytes(src.read_bytes()[:-100])
    src.unlink()
    _check_failed(tmp_path, capsys, bad, "not a readable Parquet file (corrupt or truncated?)")


def test_corrupt_row_group_after_good_ones(tmp_path, capsys):
    table = pa.Table.from_pylist(plain(40))
    src = tmp_path / "src.parquet"
    pq.write_table(table, src, row_group_size=10, compression="none")
    data = bytearray(src.read_bytes())
    meta = pq.ParquetFile(src).metadata
    start = meta.row_group(3).column(1).data_page_offset
    data[start : start + 60] = b"\xff" * 60
    src.unlink()
    bad = tmp_path / "bad.parquet"
    bad.write_bytes(bytes(data))
    _check_failed(tmp_path, capsys, bad, "bad.parquet: cannot read past row 30", "--batch-size", "10")


@pytest.mark.parametrize("name", ["bad.jsonl.gz", "bad.jsonl.zst"])
def test_truncated_compressed_jsonl(tmp_path, capsys, name):
    src = write_jsonl(tmp_path / f"src{name[3:]}", plain(200))
    bad = tmp_path / name
    bad.write_bytes(src.read_bytes()[: src.stat().st_size // 2])
    src.unlink()
    _check_failed(tmp_path, capsys, bad, "truncated or corrupt")


def test_full_disk_leaves_no_output_and_stops(tmp_path, capsys, monkeypatch):
    shards = [write_jsonl(tmp_path / f"s{i}.jsonl", plain(3, 10 * i)) for i in range(3)]
    real = writers.JsonlShardWriter.write

    def write(self, batch):
        if self.path.name.startswith("s1.jsonl"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, batch)

    monkeypatch.setattr(writers.JsonlShardWriter, "write", write)
    out = tmp_path / "out"
    code, stdout, _ = run(capsys, "run", *shards, "--out", out)
    assert code == 1
    assert f"{out / 's1.jsonl'}: cannot write: [Errno 28] No space left on device" in stdout
    assert "not run (stopped at the first failure; --keep-going continues): s2.jsonl" in stdout
    assert _outputs(out) == ["s0.jsonl"]
    assert not list((out / "_relocalize" / "tmp").iterdir())
    code, stdout, _ = run(capsys, "run", *shards, "--out", out, "--keep-going")
    assert code == 1 and _outputs(out) == ["s0.jsonl", "s2.jsonl"]
    assert "failed shards:\n  s1.jsonl:" in stdout
    monkeypatch.setattr(writers.JsonlShardWriter, "write", real)
    code, stdout, _ = run(capsys, "run", *shards, "--out", out)
    assert code == 0 and _outputs(out) == ["s0.jsonl", "s1.jsonl", "s2.jsonl"]
    assert "2 shard(s) were already complete" in stdout


def test_keep_going_lists_every_failed_shard(tmp_path, capsys):
    a = write_parquet(tmp_path / "a.parquet", [{"body": "x"}])
    b = tmp_path / "b.jsonl"
    b.write_text("nope\n")
    c = write_jsonl(tmp_path / "c.jsonl", plain(2))
    code, stdout, _ = run(capsys, "run", a, b, c, "--out", tmp_path / "out", "--keep-going")
    assert code == 1
    failed = stdout.split("failed shards:\n")[1]
    assert "a.parquet: " in failed and "b.jsonl: " in failed and "c.jsonl" not in failed
    assert _outputs(tmp_path / "out") == ["c.jsonl"]


def test_usage_errors(tmp_path, capsys):
    src = write_jsonl(tmp_path / "a.jsonl", plain(1))
    assert run(capsys, "run", tmp_path / "missing.jsonl", "--out", tmp_path / "o")[0] == 2
    assert run(capsys, "run", src)[0] == 2
    (tmp_path / "d").mkdir()
    write_jsonl(tmp_path / "d" / "a.jsonl", plain(1))
    code, _, err = run(capsys, "run", src, tmp_path / "d", "--out", tmp_path / "o")
    assert code == 2 and "same output 'a.jsonl'" in err
    code, _, err = run(capsys, "run", src, "--out", tmp_path / "o", "--threshold", "3")
    assert code == 2 and "threshold" in err


@pytest.mark.parametrize(
    "encode",
    [
        lambda a: a.dictionary_encode(),  # Spark and pandas categoricals: once a failed shard
        lambda a: a.cast(pa.large_string()),
        lambda a: a.cast(pa.string_view()),  # once a failed shard too
    ],
)
def test_dictionary_large_and_view_text_columns_are_read_as_strings(tmp_path, capsys, encode):
    texts = ["[The following claim is false.] The pier was opened by the mayor.", "plain text", "plain text"]
    src = tmp_path / "in.parquet"
    pq.write_table(pa.table({"text": encode(pa.array(texts)), "id": [1, 2, 3]}), src)
    code, _, _ = run(capsys, "run", src, "--out", tmp_path / "out")
    out = pq.read_table(tmp_path / "out" / "in.parquet")
    assert code == 0 and out.column("id").to_pylist() == [1, 2, 3]
    assert out.column("text").to_pylist() == ["The pier was not opened by the mayor.", "plain text", "plain text"]
