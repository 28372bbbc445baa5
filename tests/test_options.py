"""Options are the one source of the CLI flags, the TOML keys and the README's option tables."""

from __future__ import annotations

import re
from dataclasses import fields

from cli_util import ROOT

from relocalize import cli, config
from relocalize.options import Options, option_fields


def _flags() -> set[str]:
    run = next(a for a in cli._parser()._subparsers._group_actions[0].choices.items() if a[0] == "run")[1]
    return {s for action in run._actions for s in action.option_strings}


def test_every_option_has_a_flag_a_toml_key_and_a_readme_row():
    names = [f.name for f in fields(Options)]
    assert [name for name, *_ in option_fields()] == names
    flags = _flags()
    readme = ROOT.joinpath("README.md").read_text(encoding="utf-8")
    first_cells = [line.split("|")[1] for line in readme.splitlines() if line.startswith("| `")]
    rows = {name for cell in first_cells for name in re.findall(r"`(\w+)`", cell)}
    for name in names:
        flag = "--framing" if name == "framings" else "--" + name.replace("_", "-")
        assert flag in flags, f"relocalize run has no {flag}"
        assert name in config.TYPES, f"TOML config does not know {name}"
        assert name in rows, f"README has no option row for {name}"


def test_cli_and_toml_values_reach_options(tmp_path):
    toml = tmp_path / "c.toml"
    toml.write_text('max_claims = 7\nrestatement_overlap = 1\nrewriter_order = "seq2seq_first"\n')
    args = cli._parser().parse_args(["run", "x", "--config", str(toml), "--max-unit-tokens", "9", "--strict"])
    options = cli._options(cli._settings(args))
    assert (options.max_claims, options.max_unit_tokens, options.strict) == (7, 9, True)
    assert (options.restatement_overlap, options.rewriter_order) == (1.0, "seq2seq_first")
