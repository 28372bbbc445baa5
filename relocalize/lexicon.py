"""Closed-class English words shared by the rewriter and the guards that check it."""

from __future__ import annotations

# Adverbs that hedge an assertion; a plain negation drops them ("reportedly won" -> "did not win").
HEDGES = frozenset(
    "reportedly allegedly apparently supposedly possibly probably perhaps presumably seemingly".split()  # noqa: SIM905
)
# Adverbs that stress an assertion; a negation drops them too ("will indeed wish" -> "will not wish").
EMPHATICS = frozenset(
    "indeed certainly surely definitely undoubtedly clearly obviously truly actually essentially finally just even".split()  # noqa: SIM905, E501
)
# Modals read epistemically before "have" + participle ("may have won").
EPISTEMIC = frozenset({"may", "might", "must"})
# Words that negate the clause they stand in.
NEGATORS = frozenset(
    {"not", "n't", "n’t", "nt", "no", "never", "neither", "nor", "cannot", "none", "nobody", "nothing"}
)
# Brackets an editor may set an annotation in, opening to closing.
BRACKETS = {"[": "]", "(": ")", "{": "}", "<": ">", "⟨": "⟩", "〈": "〉", "【": "】", "〔": "〕"}
BRACKETS.update({"「": "」", "«": "»", "‹": "›", "⟪": "⟫"})
