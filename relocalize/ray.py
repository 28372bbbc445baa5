"""relocalize on Ray Data: a callable class for ``Dataset.map_batches`` (Ray itself is not imported here).

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

from typing import Any

import pyarrow as pa

from relocalize.fixer import BatchFixer, output_schema
from relocalize.options import Options
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
