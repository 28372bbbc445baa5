"""Bounds on hostile input (issue 14): long claim sentences, many claims, deep parses."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import relocalize
from relocalize.options import Options
from relocalize.rewrite.graph import Graph, Token
from relocalize.spans import paragraphs, trim

FORWARD, BACKWARD = "[The following claim is false.] ", " [What was just stated is untrue.]"


@pytest.mark.parametrize("name", ["max_unit_tokens", "max_claims", "max_chars"])
@pytest.mark.parametrize("value", [0, -3, 2.5])
def test_bounds_must_be_positive_integers(name, value):
    with pytest.raises(ValueError, match=name):
        Options(**{name: value})


def test_a_claim_longer_than_the_bound_is_not_rewritten_but_falls_back():
    claim = "The lighthouse keeper painted the tall tower red, white and green with a borrowed brush."  # 17 tokens
    doc = FORWARD + claim + BACKWARD + "\n\nThe tower still stands."
    out, prov = relocalize.Relocalizer(max_unit_tokens=16).process(doc)
    assert (out, prov.counts.dropped, prov.counts.rewritten) == ("The tower still stands.", 1, 0)
    out, prov = relocalize.Relocalizer(max_unit_tokens=16, on_failure="keep").process(doc)
    assert (out, prov.status) == (doc, "partial")
    out, prov = relocalize.Relocalizer(max_unit_tokens=17).process(doc)
    assert prov.counts.rewritten == 1 and "did not paint" in out


def test_more_claims_than_the_bound_make_the_document_unsupported():
    doc = FORWARD.replace("claim is", "claims are") + "Ann won. " * 6 + BACKWARD.strip()
    out, prov = relocalize.Relocalizer(max_claims=5).process(doc)
    assert (out, prov.status, prov.counts.annotations_found) == (doc, "unsupported", 2)
    assert "max_claims=5" in prov.message
    assert relocalize.Relocalizer(max_claims=6).process(doc)[1].status == "rewritten"


@pytest.mark.parametrize(
    "claim",
    [
        "Bob ran" + " and then Bob ran" * 1000 + ".",  # once a RecursionError in the coordination rules
        "[" * 20000 + " Bob won the race.",  # once quadratic in the rules' subtree walks
        "Bob said that " * 800 + "Ann won the race.",
    ],
)
def test_huge_claim_sentences_are_refused_not_crashed(claim):
    out, prov = relocalize.Relocalizer(strict=True).process(FORWARD + claim + BACKWARD)
    assert prov.status == "rewritten" and prov.counts.dropped == 1 and out == ""


def test_subtree_walks_deep_chains_and_survives_cycles():
    n = 5000  # each token heads the next: far deeper than Python's recursion limit
    tokens = tuple(Token(i, "w", " ", "w", "X", "X", "dep", max(i - 1, 0), 2 * i) for i in range(n))
    graph = Graph("w " * n, tokens)
    assert [t.i for t in graph.subtree(tokens[0])] == list(range(n))
    assert [t.i for t in graph.children(tokens[10])] == [11]
    cyclic = Graph(
        "a b", (Token(0, "a", " ", "a", "X", "X", "dep", 1, 0), Token(1, "b", "", "b", "X", "X", "dep", 0, 2))
    )
    assert [t.i for t in cyclic.subtree(cyclic.tokens[0])] == [0, 1]


@pytest.mark.parametrize("run", [40, 5000])
def test_a_run_of_asterisks_is_linear(run):
    # found by the fuzz run: the trailing-markup pattern tried every way of splitting the run (2**n)
    doc = "Markets closed.\n\n[The following claim is" + "*" * run + " Bob won. What was just stated is untrue.]"
    _, prov = relocalize.Relocalizer(strict=True).process(doc)
    assert prov.status == "rewritten"


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        (
            "The next line is invented.* The ferry sank off the point.\n\nTickets were cheap.",
            "The ferry did not sink off the point.",
        ),
        (
            "The claim below is made up.† The wooden pier burned down.\n\nIt was rebuilt.",
            "The wooden pier did not burn down.",
        ),
        (
            "Everything in this post is false.\n\nThe claim below is made up.* The mill shut for repairs.\n\nBye.",
            "The mill did not shut for repairs.",
        ),
    ],
)
def test_a_footnote_mark_after_an_annotation_goes_with_it(relocalizer, doc, expected):
    out, prov = relocalizer.process(doc)
    assert prov.status == "rewritten"
    assert out.startswith(expected) and "*" not in out and "†" not in out


def test_a_claims_own_footnote_mark_stays(relocalizer):
    out, _ = relocalizer.process("The tram line closed.* [That claim is invented.] Buses replaced it.")
    assert out == "The tram line did not close.* Buses replaced it."


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \n\t\r.", max_size=40))
def test_paragraphs_are_the_blocks_between_blank_lines(doc):
    """The one-pass splitter agrees with the definition: a run from a non-space character over any character
    but a newline that starts a blank line."""
    reference = [trim(doc, m.start(), m.end()) for m in re.finditer(r"\S(?:.|\n(?![ \t]*\n))*", doc)]
    assert paragraphs(doc) == reference
