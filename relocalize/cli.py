"""The ``relocalize`` command.

``run`` shards into OUTDIR, ``stats`` of OUTDIR, ``inspect`` one document, ``bench`` a gold file,
``train-rewriter`` a seq2seq rewriter, ``train-detector`` the framing classifier, ``review`` a sample
of a run's rewrites.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import MISSING, asdict, fields
from pathlib import Path
from typing import Any

from relocalize import config
from relocalize.bench import add_bench_parser, run_bench_command
from relocalize.detect.framing import KINDS
from relocalize.detect.framing_train import add_detector_parser, run_train_detector
from relocalize.io import Shard, ShardError, UsageError, batch_rows, discover, open_reader
from relocalize.io.shards import shard_of
from relocalize.io.writers import PARQUET_CODECS
from relocalize.options import FRAMING_POLICIES, Options, option_fields
from relocalize.review import add_review_parser, run_review_command
from relocalize.rewrite.train import add_train_parser, run_train
from relocalize.runner import Settings

OPTION_KEYS = tuple(name for name, *_ in option_fields())


def _defaults(cls: type) -> dict[str, Any]:
    """The default of every field of the dataclass ``cls`` that has one."""
    out = {}
    for f in fields(cls):
        if f.default is not MISSING:
            out[f.name] = f.default
        elif f.default_factory is not MISSING:
            out[f.name] = f.default_factory()
    return out


# What `relocalize run` does unless told: the pipeline's options and the run's settings, each from its dataclass.
DEFAULTS: dict[str, Any] = _defaults(Options) | _defaults(Settings) | {"show": 0, "inputs": [], "out": None}


def _add_options(p: argparse.ArgumentParser) -> None:
    """One flag per field of :class:`Options` (``--framing KIND=POLICY`` for ``framings``), from its metadata."""
    g = p.add_argument_group("pipeline options (as in relocalize.Relocalizer)")
    g.add_argument("--config", metavar="FILE.toml", help="read option values from a TOML file")
    for name, kind, help_text, choices in option_fields():
        flag = "--" + name.replace("_", "-")
        default = DEFAULTS[name]
        shown = f"{help_text} (default: {default})" if default not in (None, {}, False) else help_text
        if kind is dict:
            kinds, policies = ", ".join(KINDS), ", ".join(FRAMING_POLICIES)
            g.add_argument(
                "--framing", action="append", metavar="KIND=POLICY", help=f"{help_text} ({kinds}): {policies}"
            )
        elif kind is bool:
            g.add_argument(flag, action="store_const", const=True, help=help_text)
        else:
            g.add_argument(flag, type=kind, choices=choices, help=shown)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="relocalize", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", help="relocalize Parquet/JSONL shards into OUTDIR (resumable)")
    r.add_argument("inputs", nargs="*", metavar="INPUT", help="files, directories or globs")
    r.add_argument("--out", metavar="OUTDIR", help="output directory (one output per input, same name)")
    r.add_argument("--batch-size", type=int, help=f"rows per batch (default: {DEFAULTS['batch_size']})")
    workers = f"processes (or Ray actors), shards spread across them (default: {DEFAULTS['workers']})"
    r.add_argument("--workers", type=int, help=workers)
    engines = f"local processes or Ray actors (default: {DEFAULTS['engine']})"
    r.add_argument("--engine", choices=("local", "ray"), help=engines)
    r.add_argument("--ray-address", metavar="ADDR", help="a Ray cluster (auto or host:port; default: start one)")
    r.add_argument(
        "--compression",
        choices=PARQUET_CODECS,
        help="codec of the Parquet outputs (default: each input's own; JSONL keeps its suffix's)",
    )
    r.add_argument("--keep-going", action="store_const", const=True, help="continue past failed shards")
    r.add_argument("--overwrite", action="store_const", const=True, help="replace output of other options")
    r.add_argument("--show", type=int, metavar="N", help="print the diffs of the first N changed documents")
    r.add_argument("--progress", choices=("auto", "bar", "log", "none"), help="default: a bar on a terminal")
    _add_options(r)
    s = sub.add_parser("stats", help="summary of a finished or partial run")
    s.add_argument("outdir", metavar="OUTDIR")
    s.add_argument("--json", action="store_true", help="print the summary as JSON")
    s.add_argument("--shards", action="store_true", help="also print one line per shard")
    i = sub.add_parser("inspect", help="show what relocalize does to one document")
    i.add_argument("target", metavar="FILE_OR_TEXT", help="a Parquet/JSONL file, a text, or - for stdin")
    i.add_argument("--row", type=int, default=0, help="row of FILE (default: 0)")
    i.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    _add_options(i)
    add_bench_parser(sub)
    add_train_parser(sub)
    add_detector_parser(sub)
    add_review_parser(sub)
    return parser


def _settings(args: argparse.Namespace) -> dict[str, Any]:
    given = {k: v for k, v in vars(args).items() if v not in (None, []) and k in DEFAULTS}
    from_file = config.load(args.config) if args.config else {}
    settings = DEFAULTS | from_file | given
    settings["framings"] = settings["framings"] | _framings(getattr(args, "framing", None) or [])
    for key in ("batch_size", "workers"):
        if settings[key] < 1:
            raise UsageError(f"--{key.replace('_', '-')} must be at least 1")
    return settings


def _framings(pairs: list[str]) -> dict[str, str]:
    """``--framing KIND=POLICY`` values as a mapping."""
    out = {}
    for pair in pairs:
        kind, sep, policy = pair.partition("=")
        if not sep:
            raise UsageError(f"--framing {pair!r}: expected KIND=POLICY, e.g. fiction=remove")
        out[kind.strip()] = policy.strip()
    return out


def _options(settings: dict[str, Any]) -> Options:
    try:
        return Options(**{k: settings[k] for k in OPTION_KEYS})
    except (TypeError, ValueError) as exc:
        raise UsageError(str(exc)) from exc


# -- run -------------------------------------------------------------------
def cmd_run(args: argparse.Namespace) -> int:
    from relocalize.runner import run
    from relocalize.stats import format_summary

    s = _settings(args)
    if not s["out"]:
        raise UsageError("--out OUTDIR is required")
    if not s["inputs"]:
        raise UsageError("no INPUT given")
    settings = Settings(
        options=_options(s),
        out=Path(s["out"]),
        batch_size=s["batch_size"],
        workers=s["workers"],
        engine=s["engine"],
        ray_address=s["ray_address"],
        compression=s["compression"],
        keep_going=s["keep_going"],
        overwrite=s["overwrite"],
        progress=s["progress"],
    )
    shards = discover(s["inputs"])
    result = run(shards, settings)
    processed = sum(m["rows_in"] for name, m in result.complete.items() if name not in result.skipped)
    print(format_summary(result.summary, result.failed, len(result.pending), result.wall, processed))
    if result.skipped:
        print(f"{len(result.skipped)} shard(s) were already complete and skipped")
    if result.pending:
        print("not run (stopped at the first failure; --keep-going continues): " + ", ".join(result.pending))
    print(f"output in {settings.out}/ (relocalize stats {settings.out} prints this summary)")
    if s["show"]:
        _show(shards, settings.out, s["show"], settings.options.text_column, result.complete)
    return 1 if result.failed else 0


def _show(shards: list[Shard], out: Path, limit: int, text_column: str, complete: dict[str, Any]) -> None:
    from relocalize.inspection import Painter, diff

    paint = Painter(sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    shown = 0
    for shard in shards:
        if shard.name not in complete:
            continue
        output = Shard(out / shard.name, shard.format, shard.compression)
        for row in _rows(output, text_column):
            prov = row.get("relocalize") or {}
            if prov.get("edits") and isinstance(row.get(text_column), str):
                print(paint("head", f"\n--- {shard.name}: {prov['status']}"))
                print(diff(row[text_column], prov, paint))
                shown += 1
                if shown >= limit:
                    return


def _rows(shard: Shard, text_column: str) -> Any:
    for batch in open_reader(shard, 256, text_column):
        yield from batch_rows(batch)


# -- stats -----------------------------------------------------------------
def cmd_stats(args: argparse.Namespace) -> int:
    import polars as pl

    from relocalize.outdir import OutDir, read_json
    from relocalize.stats import format_summary, summarize

    outdir = OutDir(Path(args.outdir))
    if not outdir.meta.is_dir():
        raise UsageError(f"{args.outdir}: not a relocalize output directory (no {outdir.meta.name}/)")
    markers, failed = outdir.markers(), outdir.failures()
    summary = summarize(list(markers.values()))
    run_info = read_json(outdir.run_file) or {}
    if args.json:
        print(json.dumps(summary | {"failed": failed, "run": run_info}, indent=1, sort_keys=True))
        return 0
    if run_info:
        opts = ", ".join(f"{k}={v!r}" for k, v in (run_info.get("options") or {}).items())
        print(f"relocalize {run_info.get('version')} ({opts})")
    print(format_summary(summary, {k: v for k, v in failed.items() if k not in markers}))
    if args.shards and markers:
        frame = pl.DataFrame(
            [
                {
                    "shard": name,
                    "rows_in": m["rows_in"],
                    "rows_out": m["rows_out"],
                    "rewritten": m["status"]["rewritten"],
                    "partial": m["status"]["partial"],
                    "unresolved": m["status"]["unresolved"],
                    "errors": m["status"]["error"],
                    "wall_s": m["seconds"]["wall"],
                }
                for name, m in markers.items()
            ]
        )
        with pl.Config(tbl_rows=len(markers), tbl_hide_dataframe_shape=True):
            print(frame)
    return 0


# -- inspect ---------------------------------------------------------------
def _document(target: str, row: int, text_column: str, claims_column: str) -> tuple[object, object]:
    if target == "-":
        return sys.stdin.read(), None
    shard = shard_of(Path(target)) if "\n" not in target and len(target) < 4096 else None
    if shard is None:
        return target, None
    if not shard.path.is_file():
        raise UsageError(f"{target}: no such file")
    for i, values in enumerate(_rows(shard, text_column)):
        if i == row:
            return values.get(text_column), values.get(claims_column)
    raise UsageError(f"{target}: no row {row}")


def cmd_inspect(args: argparse.Namespace) -> int:
    from relocalize.api import Relocalizer
    from relocalize.inspection import Painter, report

    s = _settings(args)
    options = _options(s)
    text, claims = _document(args.target, args.row, options.text_column, options.claims_column)
    new_text, prov = Relocalizer(**asdict(options)).process(text, claims)
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    print(report(text, new_text, asdict(prov), Painter(color), claims))
    return 0


COMMANDS = {
    "run": cmd_run,
    "stats": cmd_stats,
    "inspect": cmd_inspect,
    "bench": run_bench_command,
    "train-rewriter": run_train,
    "train-detector": run_train_detector,
    "review": run_review_command,
}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except (UsageError, ShardError) as exc:
        print(f"relocalize {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("relocalize: interrupted; rerun the same command to resume", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into a reader that stopped early ("| head")
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
