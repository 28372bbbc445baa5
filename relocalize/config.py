"""``--config FILE.toml``: option values for ``run`` and ``inspect``; the command line wins.

Keys are the long option names, with ``-`` or ``_`` (``text_column = "body"``), at the top
level or in a ``[run]`` table; ``inputs`` (a list of files, directories or globs) and ``out``
are accepted too, relative to the config file's directory. ``framings`` is a table of framing
kinds and policies (``framings = {fiction = "remove"}``); ``--framing`` values are added to it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from relocalize.io.errors import UsageError
from relocalize.options import option_fields

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

# TOML types of each setting: the options' from relocalize.options (a float also takes an integer), then the run's.
TYPES: dict[str, tuple[type, ...]] = {
    name: (float, int) if kind is float else (kind,) for name, kind, *_ in option_fields()
} | {
    "batch_size": (int,),
    "workers": (int,),
    "keep_going": (bool,),
    "overwrite": (bool,),
    "progress": (str,),
    "show": (int,),
    "out": (str,),
    "inputs": (list,),
}


def load(path: str | Path) -> dict[str, Any]:
    """The validated settings of a TOML config file."""
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise UsageError(f"{path}: cannot read the config file: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: not valid TOML: {exc}") from exc
    table = data.get("run", {}) | {k: v for k, v in data.items() if k != "run"}
    out: dict[str, Any] = {}
    for raw_key, value in table.items():
        key = raw_key.replace("-", "_")
        if key not in TYPES:
            raise UsageError(f"{path}: unknown setting {raw_key!r} (known: {', '.join(sorted(TYPES))})")
        ok = isinstance(value, TYPES[key]) and not (isinstance(value, bool) and bool not in TYPES[key])
        if not ok or (key == "inputs" and not all(isinstance(v, str) for v in value)):
            kinds = " or ".join(t.__name__ for t in TYPES[key])
            raise UsageError(f"{path}: {raw_key} must be {kinds}" + (" of strings" if key == "inputs" else ""))
        out[key] = float(value) if float in TYPES[key] else value
    base = Path(path).parent
    if "out" in out:
        out["out"] = str(base / out["out"])
    if "inputs" in out:
        out["inputs"] = [str(base / p) for p in out["inputs"]]
    return out
