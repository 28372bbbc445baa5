"""Resolve document notices: which sentences restate a known false claim."""

from __future__ import annotations

import re
from collections.abc import Callable

from relocalize.detect.language import STOPWORDS
from relocalize.spans import ITEM_NUMBER, Sections, Span, headline, sentences, without_label

_WORD = re.compile(r"\w+")
# A given claim's part is restated, in other words, by a sentence holding this share of its words.
PARAPHRASE_COVERAGE = 0.5
STEM = 5  # words compare by their first letters, so "erupted" meets "eruption"
# A question that asserts nothing: a yes/no question ("Is the pier still open?"), not one about what someone knows
# ("Did you know that ...?": it presupposes its clause) nor a statement opened by a name ("Will Hart says ..., or did
# it?"); or one that asks what or who something is, with no clause of its own ("Who was the keeper who closed the
# pier?" presupposes the closing).
_NEUTRAL_QUESTION = re.compile(
    r"\W*(?:(?:Is|Are|Was|Were|Do|Does|Did|Has|Have|Had|Could|Would|Should|Shall|Might|Can|Must)\s+|(?:Will|May)\s+(?![A-Z]))"
    r"(?!you\s+(?:know|hear|realise|realize)\b)[^.!?,;]*\?\W*$"
    # nor one that asks what or who something is ("What is the minimum age of the cheese?", "Who was the keeper?")
    r"|\W*(?:What|Which|Who)\s+(?:is|are|was|were)\b(?![^?]*\b(?:who|that|which|because|why|when)\b)[^.!?]*\?\W*$"
)


def content_words(text: str) -> set[str]:
    return {w for w in (m.lower() for m in _WORD.findall(text)) if w not in STOPWORDS and (len(w) > 2 or w.isdigit())}


def content_stems(text: str) -> set[str]:
    """The first letters of each content word: "erupted" meets "eruption"."""
    return {w[:STEM] for w in content_words(text)}


def claim_parts(claim: str) -> list[str]:
    """The sentences of a given claim: each is looked for on its own."""
    return [s.text(claim) for s in sentences(claim, 0)] or [claim]


def find_restatements(
    doc: str,
    candidates: list[Span],
    claims: list[tuple[str, str]],
    score: Callable[[str, str], float],
    overlap: float,
    threshold: float,
    paraphrase: bool = False,
) -> list[Span]:
    """Candidate sentences that assert one of ``claims`` (pairs of claim, negation).

    A sentence qualifies when most of its content words come from the claim (with
    ``paraphrase``, also when it holds :data:`PARAPHRASE_COVERAGE` of the claim's words, at least
    two) and the verifier reads it as contradicting the claim's negation. A heading ("About the Harbour
    Trust") names the claim's subject and asserts nothing, whatever the verifier reads into it; nor does a
    yes/no question, after its speaker's label or not ("Q: Is the pier still open?"), nor one that asks what
    something is ("What is the pier's length?"; a wh-question may presuppose the claim: "Why did the pier close?").
    """
    claim_words = [(content_words(c), content_stems(c), neg) for c, neg in claims]
    out = []
    for span in candidates:
        text = span.text(doc)
        words = content_words(text)
        asked = ITEM_NUMBER.sub("", without_label(doc, span).text(doc))  # "Q4. Can ...", "3) Is ..."
        if len(words) < 3 or headline(text) or _NEUTRAL_QUESTION.match(asked):
            continue
        stems = {w[:STEM] for w in words}
        for cw, cs, negation in claim_words:
            near = len(words & cw) / len(words) >= overlap
            covers = paraphrase and len(stems & cs) >= max(2, PARAPHRASE_COVERAGE * len(cs))
            if (near or covers) and score(text, negation) >= threshold:
                out.append(span)
                break
    return out


# A sentence holding this many of the given claims' words may state them in other words.
UNCONFIRMED_WORDS = 2


def unconfirmed(doc: str, free: list[Span], parts: list[str]) -> bool:
    """True when some sentence of ``free`` (not a claim unit) holds :data:`UNCONFIRMED_WORDS` or more of the given
    claim parts' words, taken together: it may state a claim in words the restatement test did not confirm ("The
    operation ended with the skeleton on a cradle", under a notice on the lowering of the skeleton), so a notice
    over the document should stay rather than leave it unmarked."""
    stems = set().union(*(content_stems(p) for p in parts))
    return any(len(content_stems(u.text(doc)) & stems) >= UNCONFIRMED_WORDS for u in free)


# A notice that names a section by its heading in quotes: "the section headed "2024 discovery"", "the "Phase-out"
# section", "the subsection "2024 rule revision" above".
_QUOTED = r"(?:[\"“‘]|(?<!\w)')([^\"“”‘’\n]{2,60}?)[\"”’']"  # not the apostrophe of "Editor's"
_CALLED = r"(?:headed|titled|entitled|called|named)"
_NAMED_SECTION = re.compile(
    rf"\b(?:sub)?section\s+{_CALLED}?\s*{_QUOTED}|{_QUOTED}\s+(?:sub)?sections?\b",
    re.IGNORECASE,
)
_HEADING_MARKS = "#*_:= \t"
# The section whole is the notice's subject ("Note: the "X" section ...", "the whole of the section headed ...",
# "everything in the section ..."), not a place its parts are in ("the two sentences at the end of the "X" section",
# "the statements in the section "X" about ...") nor what holds them ("the section "X" contains two invented ...").
_CLAUSE_START = r"(?:^|[:;—–(\[*]|,\s+(?:but|while|whereas|and)\b)"
_WHOLE_BEFORE = re.compile(
    rf"{_CLAUSE_START}\W*(?:(?:the\s+whole|all)\s+of\s+|everything\s+in\s+)?the\s*$", re.IGNORECASE
)
_PART_AFTER = re.compile(r"\W*(?:(?:above|below)\s+)?(?:contains?|includes?|has|holds)\b", re.IGNORECASE)
# ... and its clause calls it false, not true ("the "History" section is accurate, but ..."), with no exception
# ("... is invented, except for the first sentence").
_CLAUSE_END = re.compile(r"[;:—–]|,\s+(?:but|while|whereas|and|except)\b|\.(?:\s|$)")
_VOUCHED = re.compile(
    r"\b(?:is|are|was|were)\s+(?:(?:all|entirely)\s+)?(?:accurate|true|correct|genuine|factual|real|verified|checked)\b"
    # "sections 1 and 2 give accurate background"
    r"|\b(?:gives?|provides?|contains?|holds?|offers?|describes?)\s+(?:an?\s+|the\s+)?(?:accurate|true|correct|genuine|"
    r"factual|real)\b"
    r"|\b(?:except|apart\s+from|other\s+than|save\s+for)\b",
    re.IGNORECASE,
)


def named_sections(doc: str, notices: list[Span], free: list[Span]) -> list[Span]:
    """The units of ``free`` (the heading's own among them) in each section a notice names by its heading in quotes
    (:data:`_NAMED_SECTION`): what it calls false is that section, heading and all. One named by its number ("Section
    3 is fictional") is not dropped whole: the numbers of the rest would skip it (readers rejected "1, 2, 4")."""
    names = {name for n in notices for name in _whole_sections(n.text(doc))}
    return (_in_sections(doc, notices, free, lambda name: name.lower() in names) or []) if names else []


def notice_sections(doc: str, notices: list[Span], free: list[Span]) -> list[Span] | None:
    """The units of ``free`` in the sections the ``notices`` name by their headings, quoted or not ("the three
    sentences in the Carillon section", "the section headed History"), or None when they name none: what a notice
    calls false lies in the sections it names, so no sentence of another section restates it."""
    said = " ".join(n.text(doc) for n in notices)
    return _in_sections(doc, notices, free, lambda name: _names_section(said, name))


def _in_sections(doc: str, notices: list[Span], free: list[Span], chosen: Callable[[str], bool]) -> list[Span] | None:
    """The units of ``free`` (the heading's own among them) in each section whose heading ``chosen`` takes, or None
    when it takes none."""
    sections = Sections(doc, notices)
    out: list[Span] | None = None
    for at, head in enumerate(sections.headings):
        name = head.text(doc).strip(_HEADING_MARKS)
        if name and chosen(name):
            end = sections.body(at).end
            out = (out or []) + [u for u in free if head.start <= u.start and u.end <= end]
    return out


# A section's number at the head of its heading ("3. Turntable decision", "Section 3: ..."), and the numbers a notice
# names sections by ("sections 3 and 4", "Section 3", "chapters 2-4").
_HEAD_NUMBER = re.compile(r"(?:(?:section|chapter)\s+(\d{1,2})\b|(\d{1,2})[.):](?!\d))", re.IGNORECASE)
_NUMBERED_SECTIONS = re.compile(
    r"\b(?:sections?|chapters?)\s+(\d{1,2}(?:(?:\s*,\s*|\s+and\s+|\s*&\s*|\s*[-–]\s*|\s+to\s+)\d{1,2})*)\b",
    re.IGNORECASE,
)
_RANGE = re.compile(r"(\d+)\s*(?:[-–]|to)\s*(\d+)")


def _numbers(listed: str) -> set[int]:
    """The numbers of "3 and 4", "1, 2 and 4", "2-4 and 6"."""
    out = {n for a, b in _RANGE.findall(listed) for n in range(int(a), int(b) + 1)}
    return out | {int(n) for n in re.findall(r"\d+", _RANGE.sub(" ", listed))}


def _names_number(notice: str, name: str) -> bool:
    """True when ``notice`` names by its number ("sections 3 and 4 ... are fictional") the section whose heading
    opens with that number, not to vouch for it ("Sections 1, 2 and 4 are factual")."""
    head = _HEAD_NUMBER.match(name)
    if head is None:
        return False
    number = int(head.group(1) or head.group(2))
    return any(number in _numbers(m.group(1)) and not _vouched(notice, m) for m in _NUMBERED_SECTIONS.finditer(notice))


def _names_section(notice: str, name: str) -> bool:
    """True when ``notice`` names the section headed ``name`` as where its false sentences are ("the three sentences
    in the Carillon section", "the section headed "Carillon"", "the History and Carillon sections"), not to vouch for
    it or to set it apart ("the Carillon section is accurate, but ...", "apart from the Carillon section")."""
    quoted = rf"[\"“‘']?{re.escape(name)}[\"”’']?"
    named = (
        rf"\b{quoted}(?:\s+and\s+[^,;:.]{{1,40}}?)?\s+(?:sub)?sections?\b"  # "the History and Lantern sections"
        rf"|\b(?:sub)?sections?\s+(?:{_CALLED}\s+)?{quoted}"
    )
    for m in re.finditer(named, notice, re.IGNORECASE):
        before = notice[max(0, m.start() - _BEFORE_WORDS) : m.start()]
        if not _vouched(notice, m) and not _VOUCHED.search(before):
            return True
    return _names_number(notice, name)


_BEFORE_WORDS = 20  # characters before a section's name that may set it apart ("apart from the ...")


def _vouched(notice: str, name: re.Match[str]) -> bool:
    """True when the clause of ``notice`` after a section's ``name`` calls it true or excepts (:data:`_VOUCHED`)."""
    end = _CLAUSE_END.search(notice, name.end())
    return _VOUCHED.search(notice[name.end() : end.end() if end else len(notice)]) is not None


def _whole_sections(notice: str) -> list[str]:
    """The headings, lower case, of the sections ``notice`` calls false whole (:data:`_WHOLE_BEFORE`), not true."""
    out = []
    for m in _NAMED_SECTION.finditer(notice):
        whole = _WHOLE_BEFORE.search(notice[: m.start()]) and not _PART_AFTER.match(notice, m.end())
        if whole and not _vouched(notice, m):
            out.append((m[1] or m[2]).strip().lower())
    return out
