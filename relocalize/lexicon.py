"""Closed-class English words shared by the rewriter and the guards that check it."""

from __future__ import annotations

# Adverbs that hedge an assertion; a plain negation drops them ("reportedly won" -> "did not win").
HEDGES = frozenset(
    "reportedly allegedly apparently supposedly possibly probably perhaps presumably seemingly".split()  # noqa: SIM905
)
# Modals read epistemically before "have" + participle ("may have won").
EPISTEMIC = frozenset({"may", "might", "must"})
