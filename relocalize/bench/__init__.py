"""``relocalize bench``: rewrite-fidelity benchmark on a gold file, with a report people can read.

:func:`run_bench` runs relocalize on the gold documents (and controls) and writes
``report.md``, PNG plots, ``diffs.html`` and ``metrics.json``; the metric code
(:mod:`relocalize.bench.metrics`) is pure and works on any outputs and provenance.
"""

from relocalize.bench.run import add_bench_parser, run_bench, run_bench_command

__all__ = ["add_bench_parser", "run_bench", "run_bench_command"]
