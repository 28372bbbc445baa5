"""Recovering the predicate of a line the parser misread, on hand-built parses.

Each parse below is the kind the small spaCy model produces for a sentence it gets wrong:
the root is a noun and the finite verb hangs somewhere inside the object.
"""

import pytest

from relocalize.rewrite.graph import Graph, Token
from relocalize.rewrite.registry import Refusal
from relocalize.rewrite.rules import apply, negate
from relocalize.rewrite.surface import mask_titles, title_spans


def graph(rows: list[tuple[str, str, str, str, int]], lemmas: dict[str, str] | None = None) -> Graph:
    """Rows of (text, fine tag, UPOS, dependency, head); tokens are joined by single spaces."""
    tokens, idx, text = [], 0, ""
    for i, (word, tag, upos, dep, head) in enumerate(rows):
        nxt = rows[i + 1][0] if i + 1 < len(rows) else ""
        ws = "" if nxt in (".", ",") or i + 1 == len(rows) else " "
        lemma = (lemmas or {}).get(word, word.lower())
        tokens.append(Token(i, word, ws, lemma, upos, tag, dep, head, idx))
        text += word + ws
        idx += len(word) + len(ws)
    return Graph(text, tuple(tokens))


# "Hull analysis done at sea revealed rust ." with "revealed" an amod of "rust"
STRANDED = [
    ("Hull", "NN", "NOUN", "compound", 1),
    ("analysis", "NN", "NOUN", "ROOT", 1),
    ("done", "VBN", "VERB", "acl", 1),
    ("at", "IN", "ADP", "prep", 2),
    ("sea", "NN", "NOUN", "pobj", 3),
    ("revealed", "VBD", "VERB", "amod", 6),
    ("rust", "NN", "NOUN", "pobj", 3),
    (".", ".", "PUNCT", "punct", 1),
]


def test_stranded_predicate_gets_do_support():
    g = graph(STRANDED, {"revealed": "reveal"})
    assert apply(g.text, negate(g)) == "Hull analysis done at sea did not reveal rust."


def test_stranded_copula_takes_not_after_it():
    rows = [
        ("Ship", "NN", "NOUN", "compound", 1),
        ("logs", "NNS", "NOUN", "ROOT", 1),
        ("were", "VBD", "AUX", "amod", 3),
        ("lost", "VBN", "VERB", "amod", 1),
        (".", ".", "PUNCT", "punct", 1),
    ]
    g = graph(rows, {"were": "be"})
    assert apply(g.text, negate(g)) == "Ship logs were not lost."


@pytest.mark.parametrize(
    "change, why",
    [
        ({0: ("While", "IN", "SCONJ", "mark", 1)}, "a line opening with a subordinator"),
        ({3: ("which", "WDT", "PRON", "nsubj", 2)}, "the verb sits in a relative clause"),
        (
            {2: ("found", "VBD", "VERB", "amod", 4), 3: ("at", "IN", "ADP", "prep", 1)},
            "two finite verbs: which one is the predicate is a guess",
        ),
        ({4: ("the", "DT", "DET", "det", 5)}, "a determiner before it: a plural noun, not a verb"),
        ({4: ("and", "CC", "CCONJ", "cc", 5)}, "after 'and': a participle conjunct"),
    ],
)
def test_stranded_predicate_refusals(change, why):
    rows = list(STRANDED)
    for i, row in change.items():
        rows[i] = row
    g = graph(rows, {"revealed": "reveal", "found": "find"})
    with pytest.raises(Refusal):
        negate(g)


def test_present_tense_after_a_past_participle_is_refused():
    # "collapse generated flows": "flows" tagged VBZ after an -ed form is more likely a noun
    rows = [
        ("Column", "NN", "NOUN", "compound", 1),
        ("collapse", "NN", "NOUN", "ROOT", 1),
        ("generated", "VBN", "VERB", "amod", 4),
        ("hot", "NN", "NOUN", "compound", 1),
        ("flows", "VBZ", "VERB", "pobj", 3),
        (".", ".", "PUNCT", "punct", 1),
    ]
    with pytest.raises(Refusal):
        negate(graph(rows, {"flows": "flow"}))


def test_possessive_event_subject_is_refused_on_the_recovery_path_too():
    rows = [
        ("Kim", "NNP", "PROPN", "poss", 2),
        ("'s", "POS", "PART", "case", 0),
        ("victory", "NN", "NOUN", "ROOT", 2),
        ("stunned", "VBD", "VERB", "amod", 4),
        ("fans", "NNS", "NOUN", "dobj", 2),
        (".", ".", "PUNCT", "punct", 2),
    ]
    with pytest.raises(Refusal, match="presupposes"):
        negate(graph(rows, {"stunned": "stun"}))


@pytest.mark.parametrize(
    "text, titles",
    [
        ("I read *The Salt Road* twice.", ["*The Salt Road*"]),
        ("Harbour Notes: Tides of the North Sea sold well.", ["Harbour Notes: Tides of the North Sea"]),
        ("He *won* the race.", []),  # emphasis on a lower-case word is not a title
        ("Note: The ferry leaves at noon.", []),  # a one-word label before a sentence
        ("Results: Two boats finished.", []),
    ],
)
def test_title_masking(text, titles):
    masked = mask_titles(text)
    assert [text[s:e] for s, e in title_spans(text)] == titles
    if titles:
        assert masked is not None and len(masked) == len(text)
        for s, e in title_spans(text):
            assert masked[s:e] == "X" + "x" * (e - s - 1)
        outside = [i for i in range(len(text)) if not any(s <= i < e for s, e in title_spans(text))]
        assert all(masked[i] == text[i] for i in outside)
    else:
        assert masked is None
