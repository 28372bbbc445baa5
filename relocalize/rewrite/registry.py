"""The rewriter's rules and checks as named entries of one registry (spaCy-style).

A *rule* makes edits ("do_support": "won" -> "did not win"); a *check* refuses a unit ("partial_negation":
"did not fully reopen" says it partly did). Each is a function registered under its name with
:func:`named`; the edits a rule returns carry its name, and a :class:`Refusal` raised inside a check
carries the check's (the innermost named function wins). The candidate, then the provenance, say which
rules made a rewrite or which check refused one, so a reviewer scores by rule
(``relocalize review score --by rule``) and each rewrite-table row names the entry that decides it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


class Refusal(Exception):
    """No safe minimal edit exists; ``reason`` says why and ``check`` names the check that decided."""

    def __init__(self, reason: str, check: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.check = check


@dataclass(frozen=True)
class Edit:
    """Replace ``start:end`` of the unit by ``text``; ``rule`` names the rule that made the edit."""

    start: int
    end: int
    text: str
    rule: str = ""


@dataclass(frozen=True)
class Entry:
    """A registered rule or check: its name, and its function's first docstring line."""

    name: str
    summary: str


REGISTRY: dict[str, Entry] = {}


def named(name: str) -> Callable[[F], F]:
    """Register the decorated function as ``name``: the edits it returns and the refusals raised
    inside it (and not already named by an inner entry) carry ``name``."""
    if name in REGISTRY:
        raise ValueError(f"rewrite rule or check {name!r} is registered twice")

    def decorate(fn: F) -> F:
        REGISTRY[name] = Entry(name, (fn.__doc__ or "").strip().split("\n")[0])

        @functools.wraps(fn)
        def run(*args: Any, **kwargs: Any) -> Any:
            try:
                out = fn(*args, **kwargs)
            except Refusal as refusal:
                refusal.check = refusal.check or name
                raise
            return _tagged(out, name)

        return run  # type: ignore[return-value]

    return decorate


def _tagged(out: Any, name: str) -> Any:
    if isinstance(out, Edit):
        return out if out.rule else replace(out, rule=name)
    if isinstance(out, list) and out and all(isinstance(e, Edit) for e in out):
        return [e if e.rule else replace(e, rule=name) for e in out]
    return out


def rules_of(edits: list[Edit]) -> str:
    """The names of the rules that made ``edits``, in order, each once ("do_support+hedges")."""
    return "+".join(dict.fromkeys(e.rule for e in sorted(edits, key=lambda e: e.start) if e.rule))
