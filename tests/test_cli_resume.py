"""Kill `relocalize run` mid-run (SIGKILL to its process group), rerun: byte-identical output."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from cli_util import corpus, kill_after_first_shard, plain, run, start_run, write_jsonl, write_parquet


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

    done = kill_after_first_shard(start_run(src, "--out", out, "--batch-size", "5", "--workers", "2"), out)
    assert 1 <= len(done) < 4, done

    resumed = start_run(src, "--out", out, "--batch-size", "5")
    stdout, stderr = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, stderr.decode()
    assert f"{len(done)} shard(s) were already complete" in stdout.decode()
    assert _snapshot(out) == _snapshot(reference)
    assert not list((out / "_relocalize" / "tmp").iterdir())
    assert not list((out / "_relocalize" / "shards").glob(".*.tmp"))


def _children(pid: int) -> set[int]:
    out = set()
    for stat in os.listdir("/proc"):
        if stat.isdigit():
            try:
                fields = Path(f"/proc/{stat}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.add(int(stat))
    return out


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_text()
    except OSError:
        return ""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads the process table from /proc")
def test_workers_die_with_a_killed_run(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    _shards(src)
    proc = start_run(src, "--out", tmp_path / "out", "--batch-size", "5", "--workers", "2")
    deadline = time.monotonic() + 120
    workers: set[int] = set()
    while time.monotonic() < deadline and proc.poll() is None and len(workers) < 2:
        workers = {c for c in _children(proc.pid) if "spawn_main" in _cmdline(c)}
        time.sleep(0.05)
    assert proc.poll() is None and len(workers) == 2, "the workers did not start"
    os.kill(proc.pid, signal.SIGKILL)  # the run alone, not its process group
    proc.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(map(_alive, workers)):
        time.sleep(0.1)
    assert not any(map(_alive, workers))
