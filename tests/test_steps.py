"""The pipeline is a list of steps: each counts and times itself, and a new one is one class in the list."""

from __future__ import annotations

import pytest

from relocalize.options import Options
from relocalize.pipeline import Pipeline
from relocalize.plan import DocBatch
from relocalize.provenance import Provenance
from relocalize.steps import STEP_NAMES, Screen, Step, default_steps
from relocalize.timing import TimedModels, Timer

ANNOTATED = "[The following claim is invented.] The ferry to Skye began running in 1890. [That was untrue.]"
CLEAN = "The ferry to Skye runs twice a day in summer."
HELD = "HOLD: [The following claim is invented.] The mill burned down in 1921."


class Hold(Step):
    """A newcomer's step: documents that open with "HOLD:" are left for a person, whatever they hold."""

    name = "hold"
    reads = ("text",)
    writes = ("result",)

    def process(self, batch: DocBatch) -> DocBatch:
        for doc in batch.pending():
            if str(doc.text).startswith("HOLD:"):
                doc.finish(doc.text, Provenance("unchanged", "held for review"))
        return batch


def _pipeline(steps: list[Step] | None = None) -> Pipeline:
    options = Options()
    return Pipeline(options, TimedModels(options, Timer()), steps)


def test_default_steps_in_data_order():
    assert STEP_NAMES == (
        "screen",
        "detect",
        "resolve",
        "candidates",
        "restate",
        "presuppose",
        "generate",
        "decide",
        "assemble",
        "settle",
    )


def test_a_new_step_is_one_class_in_the_list():
    steps = default_steps()
    steps.insert(1, Hold())  # after the screen, before detection
    pipeline = _pipeline(steps)
    (held, held_prov), (fixed, fixed_prov) = pipeline.process_many([HELD, ANNOTATED])
    assert held is HELD and (held_prov.status, held_prov.message) == ("unchanged", "held for review")
    assert fixed_prov.status == "rewritten" and "invented" not in str(fixed)
    hold = steps[1]
    assert hold.counts["documents"] == 2 and hold.counts["decided"] == 1
    assert steps[2].counts["documents"] == 1  # detection never saw the held document
    assert pipeline.timer.calls["hold"] == 1


def test_every_step_counts_and_times_itself():
    pipeline = _pipeline()
    results = pipeline.process_many([ANNOTATED, CLEAN, None])
    assert [p.status for _, p in results] == ["rewritten", "unchanged", "error"]
    by_name = {s.name: s for s in pipeline.steps}
    assert by_name["screen"].counts["documents"] == 3 and by_name["screen"].counts["decided"] == 2
    assert by_name["assemble"].counts["documents"] == 1 and by_name["assemble"].counts["decided"] == 1
    assert by_name["detect"].counts["annotations"] == 2
    assert sum(v for k, v in by_name["decide"].counts.items() if k not in ("documents", "decided")) == 1
    assert all(pipeline.timer.calls[name] == 1 for name in STEP_NAMES)
    assert pipeline.timer.seconds["verify"] > 0 and pipeline.timer.seconds["parse"] > 0


def test_the_same_result_one_by_one_or_in_a_batch():
    docs = [ANNOTATED, CLEAN, HELD]
    batched = _pipeline().process_many(docs)
    alone = [_pipeline().process(d) for d in docs]
    assert [(t, p.to_arrow()) for t, p in batched] == [(t, p.to_arrow()) for t, p in alone]


def test_a_list_without_assemble_fails_clearly():
    with pytest.raises(RuntimeError, match="undecided"):
        _pipeline([s for s in default_steps() if s.name != "assemble"]).process(ANNOTATED)


def test_a_step_used_before_setup_says_so():
    with pytest.raises(RuntimeError, match="before setup"):
        Screen()(DocBatch([]))
