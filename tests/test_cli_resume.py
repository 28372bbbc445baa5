"""Kill `relocalize run` mid-run (SIGKILL to its process group), rerun: byte-identical output."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from cli_util import ROOT, corpus, plain, run, write_jsonl, write_parquet


def _start(*args: object) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "relocalize.cli", "run", *map(str, args), "--progress", "log"]
    return subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def _shards(src):
    docs = corpus()
    paths = []
    for i in range(4):
        rows = [*docs[:7], *plain(20, 100 * i)]
        if i % 2:
            paths.append(write_parquet(src / f"part-{i}.parquet", rows))
        else:
            paths.append(write_jsonl(src / f"part-{i}.jsonl", rows))
    return paths


def _snapshot(out):
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


def test_kill_and_resume_is_byte_identical(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    _shards(src)
    reference, out = tmp_path / "reference", tmp_path / "out"
    assert run(capsys, "run", src, "--out", reference, "--batch-size", "5")[0] == 0

    proc = _start(src, "--out", out, "--batch-size", "5", "--workers", "2")
    markers = out / "_relocalize" / "shards"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if markers.is_dir() and any(p.name.endswith(".json") for p in markers.iterdir()):
            break
        time.sleep(0.05)
    time.sleep(0.3)  # into the next batches
    assert proc.poll() is None, "the run ended before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done = sorted(p.name for p in markers.iterdir() if p.name.endswith(".json"))
    assert 1 <= len(done) < 4, done

    resumed = _start(src, "--out", out, "--batch-size", "5")
    stdout, stderr = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, stderr.decode()
    assert f"{len(done)} shard(s) were already complete" in stdout.decode()
    assert _snapshot(out) == _snapshot(reference)
    assert not list((out / "_relocalize" / "tmp").iterdir())
    assert not list((out / "_relocalize" / "shards").glob(".*.tmp"))
