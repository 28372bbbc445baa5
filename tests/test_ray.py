"""The Ray Data adapter on a local Ray with 2 CPUs: the same rows as ``fix_batch``."""

import os
import re
import sys
from pathlib import Path

import pyarrow as pa
import pytest
import ray
from cli_util import corpus, kill_after_first_shard, mixed_shards, plain, run, start_run, write_jsonl, write_parquet
from ray import cloudpickle

import relocalize
from relocalize.io.shards import Shard, shard_of
from relocalize.options import Options
from relocalize.outdir import OutDir, options_hash
from relocalize.ray import Relocalize, _ShardWorker, run_shards
from relocalize.runner import Settings

DOCS = [
    "The tide mill on the estuary has ground flour since 1790.",
    "[The following claim is false.] The ferry to Skye began running in 1890.",
    "The mill kept its wheel. [The following claim is invented.] Staff were given only a week's notice.",
    "[The following claim is invented.] The museum fully opened in May. [That was untrue.]",
    "",
    "Note: the claims in this document are false.\n\nThe harbour is busy in summer.",
]


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, object_store_memory=200 << 20, log_to_driver=False)
    yield
    ray.shutdown()


def test_the_adapter_on_a_ray_dataset_equals_fix_batch_row_for_row(local_ray):
    table = pa.table({"id": list(range(len(DOCS))), "text": DOCS})
    ds = ray.data.from_arrow(table).map_batches(
        Relocalize,
        fn_constructor_kwargs={"on_unresolved": "drop"},
        concurrency=1,
        batch_size=2,
        batch_format="pyarrow",
    )
    got = sorted(ds.take_all(), key=lambda row: row["id"])
    expected = relocalize.Relocalizer(on_unresolved="drop").fix_batch(table.to_pydict())
    assert [row["id"] for row in got] == expected["id"] != list(range(len(DOCS)))  # dropped rows go in both
    assert [row["text"] for row in got] == expected["text"]
    assert [row["relocalize"] for row in got] == [p.as_py() for p in expected["relocalize"]]
    assert pa.types.is_struct(ds.schema().base_schema.field("relocalize").type)


def test_the_constructor_checks_the_options_and_the_call_the_text_column():
    with pytest.raises(ValueError):
        Relocalize(on_failure="shred")
    with pytest.raises(KeyError, match="body"):
        Relocalize(text_column="body")(pa.table({"text": ["A ferry."]}))


def _outputs(out):
    return sorted(p.name for p in out.iterdir() if p.name != "_relocalize")


def test_engine_ray_writes_what_the_local_engine_writes_byte_for_byte(local_ray, tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    docs = corpus()
    write_jsonl(src / "a.jsonl", [docs[0], *plain(3)])
    write_jsonl(src / "b.jsonl.gz", [*plain(2, 10), docs[1]])
    write_parquet(src / "c.parquet", [docs[2], *plain(2, 20)])
    local, on_ray = tmp_path / "local", tmp_path / "ray"
    assert run(capsys, "run", src, "--out", local, "--workers", "2")[0] == 0
    code, stdout, _ = run(capsys, "run", src, "--out", on_ray, "--engine", "ray", "--workers", "2")
    assert code == 0, stdout
    assert _outputs(on_ray) == _outputs(local) == ["a.jsonl", "b.jsonl.gz", "c.parquet"]
    for name in _outputs(local):
        assert (on_ray / name).read_bytes() == (local / name).read_bytes()
    code, stdout, _ = run(capsys, "run", src, "--out", on_ray, "--engine", "ray")
    assert code == 0 and "3 shard(s) were already complete" in stdout  # resumed by shard, as locally


def test_engine_ray_reports_a_bad_shard_as_the_local_engine_does(local_ray, tmp_path, capsys):
    bad = tmp_path / "b.jsonl"
    bad.write_text("nope\n")
    good = write_jsonl(tmp_path / "c.jsonl", plain(2))
    code, stdout, _ = run(capsys, "run", bad, good, "--out", tmp_path / "out", "--engine", "ray", "--keep-going")
    assert code == 1
    failed = stdout.split("failed shards:\n")[1]
    assert "b.jsonl: " in failed and "not valid JSON" in failed and "c.jsonl" not in failed
    assert _outputs(tmp_path / "out") == ["c.jsonl"]
    code, stdout, _ = run(capsys, "run", bad, good, "--out", tmp_path / "stops", "--engine", "ray", "--workers", "1")
    assert code == 1 and "not run (stopped at the first failure; --keep-going continues): c.jsonl" in stdout


def _dies_once(flag: Path) -> type[_ShardWorker]:
    """An actor that kills its own process in its first shard of the test (``flag`` marks that it did)."""

    class DiesOnce(_ShardWorker):
        def run(self, shard: Shard) -> tuple[str, dict | None, str | None]:
            if not flag.exists():
                flag.write_text(shard.name)
                os._exit(1)  # the process dies mid-task, as on a lost node or an OOM kill
            return super().run(shard)

    return DiesOnce


def test_an_actor_that_dies_is_restarted_and_its_shard_retried(local_ray, tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    docs = corpus()
    write_jsonl(src / "a.jsonl", [docs[0], *plain(3)])
    write_parquet(src / "c.parquet", [docs[2], *plain(2, 20)])
    local = tmp_path / "local"
    assert run(capsys, "run", src, "--out", local)[0] == 0
    settings = Settings(Options(), tmp_path / "ray", workers=2, engine="ray")
    OutDir(settings.out).open()  # as relocalize.runner.run prepares it
    shards = [shard_of(p) for p in sorted(src.iterdir())]
    flag = tmp_path / "died"
    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the test's actor class travels by value
    results = list(run_shards(shards, settings, options_hash(settings.options), _dies_once(flag)))
    assert flag.exists()  # an actor did die
    assert sorted(name for name, marker, error in results if marker and not error) == ["a.jsonl", "c.parquet"]
    for name in ("a.jsonl", "c.parquet"):
        assert (settings.out / name).read_bytes() == (local / name).read_bytes()


def test_engine_ray_without_ray_names_the_extra(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)
    good = write_jsonl(tmp_path / "c.jsonl", plain(2))
    code, _, err = run(capsys, "run", good, "--out", tmp_path / "out", "--engine", "ray")
    assert code == 2 and "pip install 'relocalize[ray]'" in err


def test_a_killed_driver_resumes_by_shard_as_the_local_engine_does(tmp_path, capsys):
    src = mixed_shards(tmp_path / "in", 4, 2, "s")
    local, out = tmp_path / "local", tmp_path / "ray"
    assert run(capsys, "run", src, "--out", local)[0] == 0
    # its own Ray ("local": never one another process of the suite started), one shard at a time
    env = {**os.environ, "RAY_ADDRESS": "local"}
    args = (src, "--out", out, "--engine", "ray")
    done = kill_after_first_shard(start_run(*args, "--workers", "1", env=env), out, group=False)  # the driver alone
    assert 1 <= len(done) < 4, done
    stdout, stderr = start_run(*args, env=env).communicate(timeout=300)
    # the killed driver's actor may still finish the shard it had begun before Ray ends it
    skipped = re.search(r"(\d+) shard\(s\) were already complete", stdout.decode())
    assert skipped and len(done) <= int(skipped.group(1)) < 4, stdout.decode() + stderr.decode()
    assert _outputs(out) == _outputs(local)
    for name in _outputs(local):
        assert (out / name).read_bytes() == (local / name).read_bytes()
