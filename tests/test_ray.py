"""The Ray Data adapter on a local Ray with 2 CPUs: the same rows as ``fix_batch``."""

import pyarrow as pa
import pytest
import ray

import relocalize
from relocalize.ray import Relocalize

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
