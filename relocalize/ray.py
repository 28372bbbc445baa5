"""relocalize on Ray: a callable class for Ray Data's ``Dataset.map_batches`` (which does not import Ray), and
the shards of ``relocalize run --engine ray`` spread over Ray actors.

    import ray, relocalize.ray
    ds = ray.data.read_parquet("s3://bucket/shards/")
    out = ds.map_batches(
        relocalize.ray.Relocalize,
        fn_constructor_kwargs={"on_failure": "wrap"},  # any relocalize.Options field
        concurrency=4,  # actors, each loading the models once
        num_cpus=1,
        batch_format="pyarrow",
    )

Each actor holds one :class:`relocalize.fixer.BatchFixer`, the one the CLI runs: the same pass-through gate,
the same steps, the same ``relocalize`` provenance column (:data:`relocalize.PROVENANCE_TYPE`) and the same
values as :func:`relocalize.fix_batch` for the same rows; dropped rows are removed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pyarrow as pa

from relocalize.fixer import BatchFixer, output_schema
from relocalize.io import Shard, UsageError
from relocalize.options import Options
from relocalize.runner import Settings, failure, relocalize_shard
from relocalize.stats import Tally


class Relocalize:
    """Relocalizes ``pyarrow`` batches of a Ray dataset. The constructor checks the options and loads nothing;
    the models load on the first batch that needs them, once per actor, and the actor's collector is then frozen
    (as in ``relocalize run``'s workers). ``tally`` counts what this actor did."""

    def __init__(self, **options: Any) -> None:
        self.options = Options(**options)
        self.tally = Tally()
        self._fixer: BatchFixer | None = None

    def __call__(self, batch: pa.Table) -> pa.Table:
        column = self.options.text_column
        if column not in batch.column_names:
            raise KeyError(f"text column {column!r} not in batch columns {batch.column_names}")
        if self._fixer is None:
            self._fixer = BatchFixer(self.options, freeze_gc=True)
        schema = output_schema(batch.schema)
        records = batch.to_batches()
        fixed = [self._fixer.fix_arrow(b, passes, schema, self.tally) for b, passes in self._fixer.gated(records)]
        return pa.Table.from_batches(fixed, schema=schema)


# -- relocalize run --engine ray ------------------------------------------------------------------
class _ShardWorker:
    """A Ray actor's state: one fixer for every shard it is given (models load once per actor)."""

    def __init__(self, settings: Settings, digest: str) -> None:
        self.settings, self.digest = settings, digest
        self.fixer = BatchFixer(settings.options, freeze_gc=True)

    def run(self, shard: Shard) -> tuple[str, dict[str, Any] | None, str | None]:
        try:
            marker = relocalize_shard(shard, self.settings, self.digest, self.fixer, lambda rows, nbytes: None)
        except Exception as exc:  # reported as the local engine reports it
            return shard.name, None, failure(exc)
        return shard.name, marker, None


def run_shards(
    shards: list[Shard], settings: Settings, digest: str, worker: type[_ShardWorker] = _ShardWorker
) -> Iterator[tuple[str, dict[str, Any] | None, str | None]]:
    """(shard name, marker or None, error or None) for each of ``shards`` as Ray actors (of ``worker``) finish
    them, at most ``settings.workers`` at a time, on the cluster at ``settings.ray_address`` (a local Ray when
    None). Each shard is written by :func:`relocalize.runner.relocalize_shard`, as with the local engine; a dead
    actor is restarted and its shard retried by Ray. Closing the iterator early stops the actors."""
    try:
        import ray
        from ray.util import ActorPool
    except ImportError as exc:
        raise UsageError("--engine ray needs Ray: pip install 'relocalize[ray]'") from exc
    started = not ray.is_initialized()
    if started:
        ray.init(address=settings.ray_address, include_dashboard=False, log_to_driver=False)
    remote = ray.remote(num_cpus=1, max_restarts=2, max_task_retries=2)(worker)
    actors = [remote.remote(settings, digest) for _ in range(min(settings.workers, len(shards)))]
    pool = ActorPool(actors)
    try:
        for shard in shards:
            pool.submit(lambda actor, s: actor.run.remote(s), shard)
        while pool.has_next():
            yield pool.get_next_unordered()
    finally:
        for actor in actors:
            ray.kill(actor)
        if started:
            ray.shutdown()
