"""Time and peak memory of one document of each hostile shape, at growing sizes (issue 14).

Each shape is built from a pattern of my own, repeated to the size asked, between or beside annotations:
an opening-bracket run, a dot run, an asterisk run inside an annotation, capitalised words with no full stop,
coordinated clauses (", and ..." and " and then ..."), clauses nested under "said that", a long line of short
claims between a forward and a backward annotation, nested parentheses. ``max_chars`` is raised above the size,
so that every document goes through the pipeline rather than being refused whole. Every (shape, size) runs in a
fresh process, models loaded first, so its peak memory is its own; the figure is the growth of the peak over
the loaded process::

    python benchmarks/hostile.py [--sizes 10000 100000 1000000] [--repeat 3] [--freeze-gc] [--json OUT.json]

Targets: every row within 60 s and 1 GB of growth, and linear growth (the largest size within 12x of the
time of the next smaller one, for a 10x larger document).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time

FORWARD, BACKWARD = "[The following claim is false.] ", " [What was just stated is untrue.]"
SHAPES = {
    "brackets": lambda n: FORWARD + "[" * n + " Bob won the race." + BACKWARD,
    "dots": lambda n: FORWARD + "." * n + " Bob won the race." + BACKWARD,
    "asterisks": lambda n: FORWARD.rstrip("] ") + "*" * n + " Bob won the race." + BACKWARD,
    "capitalised": lambda n: FORWARD + "The Old Harbor Of The City " * (n // 27) + BACKWARD,
    "and": lambda n: FORWARD + "Bob won the race" + ", and Ann won the race" * (n // 22) + "." + BACKWARD,
    "and_then": lambda n: FORWARD + "Bob ran" + " and then Bob ran" * (n // 16) + "." + BACKWARD,
    "said_that": lambda n: FORWARD + "Bob said that " * (n // 14) + "Ann won the race." + BACKWARD,
    "long_line": lambda n: FORWARD + "Bob won the race in May. " * (n // 25) + BACKWARD,
    "parentheses": lambda n: (
        FORWARD + "The man (who saw the bridge " * (n // 29) + "won" + ")" * (n // 29) + "." + BACKWARD
    ),
}


def one(shape: str, size: int, repeat: int, freeze: bool) -> dict:
    import relocalize

    relocalizer = relocalize.Relocalizer(max_chars=10 * size)  # the document itself is processed, not refused
    relocalizer.pipeline.models.freeze_gc = freeze  # as the CLI's workers do (relocalize.models.Models.loaded)
    relocalizer.process(FORWARD + "Bob won the race." + BACKWARD)  # models loaded
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    text = SHAPES[shape](size)
    times = []
    for _ in range(repeat):  # the median of a few runs: a 100 kB document takes a tenth of a second
        start = time.perf_counter()
        _, prov = relocalizer.process(text)
        times.append(time.perf_counter() - start)
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base) / 1024
    seconds = statistics.median(times)
    return {"shape": shape, "chars": len(text), "s": seconds, "peak_mb": grown, "status": prov.status}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--json")
    ap.add_argument("--repeat", type=int, default=3, help="runs per document; the median time is reported")
    ap.add_argument("--freeze-gc", action="store_true", help="freeze the GC after loading, as relocalize run does")
    ap.add_argument("--one", nargs=2, metavar=("SHAPE", "SIZE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one(args.one[0], int(args.one[1]), args.repeat, args.freeze_gc)))
        return
    rows = []
    for shape in SHAPES:
        for size in args.sizes:
            cmd = [sys.executable, __file__, "--one", shape, str(size), "--repeat", str(args.repeat)]
            cmd += ["--freeze-gc"] if args.freeze_gc else []
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
            rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    print(
        "| shape | " + " | ".join(f"{s:,} chars: s / peak MB / status" for s in args.sizes) + " | last/previous time |"
    )
    print("|---|" + "---|" * (len(args.sizes) + 1))
    for shape in SHAPES:
        mine = [r for r in rows if r["shape"] == shape]
        cells = [f"{r['s']:.2f} / {r['peak_mb']:.0f} / {r['status']}" for r in mine]
        ratio = mine[-1]["s"] / max(mine[-2]["s"], 1e-3) if len(mine) > 1 else float("nan")
        print(f"| {shape} | " + " | ".join(cells) + f" | {ratio:.1f}x |")
    worst_s, worst_mb = max(r["s"] for r in rows), max(r["peak_mb"] for r in rows)
    print(f"slowest document {worst_s:.2f} s (target <= 60), largest peak growth {worst_mb:.0f} MB (target <= 1024)")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows, f, indent=2)


if __name__ == "__main__":
    main()
