"""Find global negations: document notices and inline annotations."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from typing import NamedTuple

from relocalize.detect import cues
from relocalize.detect.framing import DOUBTS, SCREEN, FramingModel, load_model
from relocalize.detect.restatements import content_stems
from relocalize.lexicon import BRACKETS, DEMONSTRATIVES, MIRRORED_MARKS, RULE_MARKS, SYMBOL_MARKS, mirrored
from relocalize.spans import (
    CLOSED_LINE,
    FOOTNOTE_MARKS,
    LIST_ITEM,
    Span,
    at_sentence_edge,
    heading,
    line_around,
    paragraphs,
    sentences,
    speaker_name,
    with_markup,
    without_label,
)

# Round and angle brackets also hold a sentence's own asides and markup ("(who deny it)", "<br>"); the
# rest are an editor's, so a short tag in them ("[fake]", "«sham»") is a candidate.
_PROSE_BRACKETS = frozenset("(<")


def _group_pattern() -> re.Pattern[str]:
    """A bracket group, doubled ones ("[[...]]", "<<...>>", wiki and template style) whole, before single ones."""
    doubled, single = [], []
    for open_, close in BRACKETS.items():
        o, c = re.escape(open_), re.escape(close)
        doubled.append(f"{o}{o}[^{o}{c}\\n]{{3,1200}}{c}{c}")
        single.append(f"{o}[^{o}{c}\\n]{{3,1200}}{c}")
    return re.compile("|".join(doubled + single))


def _inner(group: str) -> str:
    """The words of a bracket group, without its brackets (both of a doubled pair)."""
    width = 2 if len(group) > 4 and group[1] == group[0] and group[-2] == group[-1] else 1
    return group[width:-width]


_BRACKET_GROUP = _group_pattern()
# Emphasis, rules and arrows used as brackets: the same run of marks on both sides ("**HOAX**", "~~ invented ~~",
# "-- untrue --", "— bogus —", "==> made up ==>", "||FAKE||", "⇐ invented ⇐"). The same marks also set off words
# inside a sentence, so a group of them is a candidate only where it stands between sentences (:func:`_stands_alone`).
_MARKS = re.escape(RULE_MARKS)
# Colons and at signs only doubled (":: invented ::", "@@bogus@@"): one ends a label ("Note: ...") or opens a handle.
_DELIMITED = re.compile(
    rf"(?<![\w{_MARKS}])([{_MARKS}]{{1,4}}|:{{2,4}}|@{{2,4}})[ \t]*([^\n]{{2,200}}?)[ \t]*\1(?![{_MARKS}])"
    r"(?!(?<=:):)(?!(?<=@)@)"
)
# A falsity tag with a run of marks on one side only, ending its line or opening it ("... said. <<< end false claim",
# "FALSE >>> The ..."); after a sentence's end, one dash or arrow will do, before the line's end or the next sentence
# ("... he said. — invented quote", "... a lockage. ⟵ never reported The ..."); after a word, one symbol (no dash,
# no emphasis) will do before the line's end, where chat ends a message ("... in may ※ unfounded").
_SYMBOLS = re.escape(SYMBOL_MARKS)
_ONE_SIDED = re.compile(
    rf"(?<![\w{_MARKS}:])(?P<marks>[{_MARKS}]{{2,4}}|:{{2,4}})[ \t]*(?P<words>[^\W_][^\n]{{0,40}}?[^\W_])[ \t]*$"
    rf"|^[ \t]*(?P<words2>[^\W_][^\n]{{0,40}}?[^\W_])[ \t]*(?P<marks2>[{_MARKS}]{{2,4}}|:{{2,4}})(?![{_MARKS}:])"
    rf"|(?:(?<=[.!?][ \t])|(?<=[.!?][\"'”’)][ \t]))(?P<marks3>[{_MARKS}]{{1,4}})[ \t]*"
    rf"(?P<words3>[^\W_][^\n]{{0,40}}?[^\W_])(?=[ \t]*$|[ \t]+[\"'“‘]?[A-Z][a-z])"
    rf"|(?<=\w[ \t])(?P<marks4>[{_SYMBOLS}])[ \t]*(?P<words4>[^\W_][^\n]{{0,40}}?[^\W_])[ \t]*$",
    re.MULTILINE,
)
# A falsity tag between two different runs of marks: arrows that point at it, mirrored triangles, a rule and an
# arrow ("▶FICTION◀", "►FALSE PASSAGE◄", ">>invented start<<", "<--BOGUS--", "--BOGUS-->"); a hyphen inside a word
# closes nothing ("◄/tall tale-end►"), and a closer's slash goes with its words ("<<</invented>>>").
_MIXED = re.compile(
    rf"(?<![\w{_MARKS}])([{_MARKS}]{{1,4}}?)[ \t]*(/?[^\W_][^\n]{{0,58}}?[^\W_])[ \t]*"
    rf"((?!\1(?![{_MARKS}]))(?![-‐]\w)[{_MARKS}]{{1,4}})(?![{_MARKS}])"
)
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")
# A notice paragraph is taken whole when at least this share of it is notice talk.
_NOTICE_SHARE = 0.6
_CLOSED = re.compile(r"[.!?]")
_LABEL_ENDS = (":", "—", "–", "-")  # "YELLOWSTONE NATIONAL PARK, WY —", "PAUL OKAFOR:"
_OPENING_BRACKETS = tuple(BRACKETS)
# A first or last paragraph the classifier reads as a framing as a whole is a notice up to this size.
_NOTICE_SENTENCES = 8


@dataclass(frozen=True)
class Annotation:
    """One global negation found in a document.

    ``direction`` is "forward", "backward" or "document" (a notice); ``parts`` are the
    sentences of an unbracketed annotation (one part for bracketed ones and notices);
    ``framing`` is one of :data:`relocalize.detect.framing.KINDS`.
    """

    span: Span
    direction: str
    kind: str  # "prefix" | "suffix" | "bracketed" | "unbracketed"
    bracket: str = ""
    parts: tuple[Span, ...] = ()
    framing: str = "negation"


def _on(lines: list[Span], span: Span) -> bool:
    """True when ``span`` lies inside one of ``lines`` (sorted, disjoint)."""
    i = bisect_right(lines, span.start, key=lambda line: line.start) - 1
    return i >= 0 and lines[i].contains(span)


def _titled(words: str) -> bool:
    """True for words written as a title or a name ("Phantom", "Little Lies"), not in capitals."""
    return not words.isupper() and all(w[:1].isupper() for w in words.split())


def _falsity_tag(words: str, edge: bool = False) -> bool:
    """A tag of a falsity word (:func:`cues.false_tag`; at a sentence's ``edge``, a word only a bracket makes one of)
    not written as a title ("(Phantom)": a name)."""
    return cues.false_tag(words, bracketed=edge) and not _titled(words)


def _tag_framing(doc: str, span: Span, inner: str, model: FramingModel) -> str | None:
    """The framing of a bracket group's words ``inner``: a falsity tag's, else the classifier's or a denial's; none
    for a tag of :data:`cues.STYLED_TAG_WORDS` ("%%pseudo%%"), which marks a claim only where the document's other
    tags do (:func:`_styled_tag`)."""
    if _falsity_tag(inner, at_sentence_edge(doc, span.start)):
        return "negation"
    if cues.styled_tag(inner):
        return None
    return model.tag_kind(inner) or _denying_group(inner)


def _denying_group(inner: str) -> str | None:
    """ "negation" for a bracket group the classifier does not read as a framing that still denies: an anaphoric
    denial ("{no such vote took place}") or one with no subject ("[did not take place]", "(rule does not exist)")."""
    denies = cues.denies_previous(inner, verdicts=False) or cues.BARE_DENIAL.match(inner.strip()) is not None
    return "negation" if denies else None


class _Marker(NamedTuple):
    """A bracket group read as a marker: where, its brackets, its framing, the direction its words and place give
    (None where they leave it open) and its words (a rule's marks are words too)."""

    span: Span
    bracket: str
    framing: str
    direction: str | None
    words: str


def _bracketed(doc: str, lines: list[Span], model: FramingModel, claims: list[str]) -> list[Annotation]:
    found: list[_Marker] = []
    unread: tuple[Span, str, str, str] | None = None  # the last group since the last marker that no words read
    rest: list[tuple[Span, str, str, str]] = []  # every group that no words read
    for span, bracket, inner in _groups(doc, model):
        closes_last = bool(found) and found[-1].bracket == bracket and _closes_bare(found[-1].words, span.text(doc))
        if not (_on(lines, span) or closes_last):  # a bare closer ("◀") is screened by what it closes
            continue
        marker = inner if bracket[0] in BRACKETS else span.text(doc)  # a rule's marks are words too
        # a tag of a falsity word is a negation whatever else the model reads in it ("(hokum)")
        if bracket[0] in _PROSE_BRACKETS and _titled(inner) and cues.has_tag_word(inner):
            continue  # "(Phantom)", "(Little Lies)": a name or a title in parentheses, not a tag
        framing = _tag_framing(doc, span, inner, model)
        if framing is None and found and _pair(found[-1].words, marker, found[-1].bracket == bracket):
            framing = found[-1].framing  # "</fabricated section>" ends what "<fabricated section>" opened
        if framing is None:
            unread = (span, bracket, inner, marker)
            rest.append(unread)
            continue
        if unread is not None and _pair(unread[3], marker, unread[1] == bracket):
            # "{FALSE START} ... {FALSE END}": an opening the classifier cannot read alone ("false start" is an
            # idiom) opens what the closing one ends
            found.append(
                _Marker(unread[0], unread[1], framing, _bracket_direction(doc, unread[0], unread[2]), unread[3])
            )
        unread = None
        found.append(_Marker(span, bracket, framing, _bracket_direction(doc, span, inner), marker))
    if any(m.framing == "negation" for m in found):  # a document that marks claims false with bracket tags marks them
        # so in words no rule reads too
        taken = {m.span for m in found}
        styled = [g for g in rest if g[0] not in taken and _styled_tag(doc, *g[:3])]
        found += [
            _Marker(span, bracket, "negation", _bracket_direction(doc, span, inner), w)
            for span, bracket, inner, w in styled
        ]
        found.sort(key=lambda m: m.span)
    words = [m.words for m in found]
    directions = _paired([m.direction for m in found], words, [m.bracket for m in found])
    # A document annotates one way: a marker whose words and place leave its direction open (between two
    # sentences, no pointer) takes the direction most of the document's other markers take; with no majority, that
    # of its warnings (:func:`cues.warns`), then the side on which the sentences next to the open markers restate
    # the given ``claims`` more (:func:`_claims_side`). With none of these, one that opens a list item ("5. [hoax]
    # The ...") marks the item: a bare list number is no claim.
    decided = Counter(d for d in directions if d is not None)
    if decided["forward"] == decided["backward"]:  # no majority: warnings ("[hoax alert]") speak of what follows
        decided["forward"] += sum(d is None and cues.warns(w) for d, w in zip(directions, words))
    if decided["forward"] == decided["backward"] and (
        side := _claims_side(doc, [m.span for m, d in zip(found, directions) if d is None], claims)
    ):
        decided[side] += 1
    usual = "forward" if decided["forward"] > decided["backward"] else "backward"
    tied = decided["forward"] == decided["backward"]
    return [
        Annotation(
            span,
            direction or ("forward" if tied and _opens_item(doc, span) else usual),
            "bracketed",
            bracket,
            (span,),
            framing,
        )
        for (span, bracket, framing, *_), direction in zip(found, directions)
    ]


def _claims_side(doc: str, spans: list[Span], claims: list[str]) -> str | None:
    """The side, "forward" or "backward", on which the sentences right next to the markers ``spans`` share more words
    with the given ``claims`` (the claims a document's caller says it holds), or None on a tie."""
    if not claims or not spans:
        return None
    stems = content_stems(" ".join(claims))
    around = units(doc, spans)
    starts = [u.start for u in around]
    shared: Counter[str] = Counter()
    for span in spans:
        at = bisect_right(starts, span.start)
        if at:
            shared["backward"] += len(content_stems(around[at - 1].text(doc)) & stems)
        if at < len(around):
            shared["forward"] += len(content_stems(around[at].text(doc)) & stems)
    return None if shared["forward"] == shared["backward"] else max(shared, key=shared.__getitem__)


_STYLED_TAG_WORDS = 6


def _styled_tag(doc: str, span: Span, bracket: str, inner: str) -> bool:
    """True for a short group in an editor's brackets (not an aside in parentheses: "(no pun intended)") between
    sentences, or opening or ending a chat turn, that calls something false or says it never was, in words no rule
    reads ("[hoax, no tilt]", "[never announced]", "<quote never given>"), or in any brackets, a tag of
    :data:`cues.STYLED_TAG_WORDS` or :data:`cues.TAG_ONLY_WORDS` (after a label too) or of things denied by naming
    them (:data:`cues.NO_THINGS`): in a document whose other bracket groups mark its claims false, it marks one
    too."""
    # in any brackets: a tag of words that gloss a caption elsewhere ("(mock-up)"), or one that names the things the
    # sentence beside it speaks of to deny them ("... a copper box and a roster. (no box, no roster)")
    styled = cues.styled_tag(inner) or cues.false_tag(inner, bracketed=True)  # "MEG: (deceptive) The ...", too
    styled = styled or (cues.NO_THINGS.match(inner) is not None and _names_neighbours(doc, span, inner))
    short = len(inner.split()) <= _STYLED_TAG_WORDS and not _titled(inner) and (bracket[0] != "(" or styled)
    says = cues.calls_false(inner) or _NEVER.search(inner) is not None or cues.BARE_DENIAL.match(inner) is not None
    return short and (says or styled) and (_stands_alone(doc, span) or _in_turn(doc, span))


def _names_neighbours(doc: str, span: Span, inner: str) -> bool:
    """True when a word of ``inner`` (past its "no"s) is a word of the text beside it on its line, other bracket
    groups aside."""
    _, lead, after = line_around(doc, span)
    beside = _BRACKET_GROUP.sub(" ", f"{lead} {after}")
    return bool(content_stems(_NO_WORD.sub(" ", inner)) & content_stems(beside))


_NO_WORD = re.compile(r"\bno\b", re.IGNORECASE)


def _opens_item(doc: str, span: Span) -> bool:
    """True when ``span`` follows nothing but a list number or bullet on its line."""
    start, _, _ = line_around(doc, span)
    item = LIST_ITEM.match(doc, start)
    return item is not None and not doc[item.end() : span.start].strip()


# Words and marks that open or close a passage between two markers of the same words ("⟦invented begins⟧ ...
# ⟦invented ends⟧", "<fake> ... </fake>", "==> made up ==> ... <== made up <==", "fake: ... :fake").
# A switch word ends the marker: "{{hoax on}} ... {{hoax off}}".
# English, and the words writers of other languages' markers use ("«faux» ... «fin du faux»", "{Ende erfunden}")
_OPEN_WORDS = r"begins?|beginning|start(?:s|ing)?|opens?|d[ée]but|anfang|inicio|begyndelse"
_CLOSE_WORDS = r"ends?|ending|stops?|closes?|finish(?:es)?|exit|fin|ende|slut|einde|fim"
# what joins a closing word to what it ends ("end of the fiction", "fin de l'invention", "Ende der Erfindung")
_OF_WORDS = r"of|the|de|du|des|la|le|l|del|der|die|das|van|af"
_SWITCHED_OFF = r"off|over|done|finished|concluded|closed|ended"  # closing words that end the marker
_FORWARD, _BACKWARD = re.escape("".join(MIRRORED_MARKS)), re.escape("".join(MIRRORED_MARKS.values()))
_OPENS = re.compile(rf"\b(?:{_OPEN_WORDS}|from here)\b|\bon\W*$|\w:(?:\W*)$|[{_FORWARD}]\W*$", re.I)
_CLOSES = re.compile(
    rf"\b(?<!to )(?:{_CLOSE_WORDS}|to here)\b|\b(?:{_SWITCHED_OFF})\W*$|^\W*[/:]\s*\w|^\W*[{_BACKWARD}]", re.I
)  # not "start to finish"
_FRAME_MARKS = RULE_MARKS + ":@ \t"
# What is left of a marker without them is what it frames ("invented" of "⟦invented begins⟧").
_PAIR_WORDS = re.compile(
    rf"\b(?:{_OPEN_WORDS}|{_CLOSE_WORDS}|{_OF_WORDS}|from|to|here)\b|\b(?:on|{_SWITCHED_OFF})\W*$|\W+", re.I
)


def _core(words: str) -> str:
    return " ".join(_PAIR_WORDS.sub(" ", words).lower().split())


def _pair(opening: str, closing: str, same_marks: bool = True) -> bool:
    """True when two markers open and close a passage: of the same words, the first says it opens or the second
    says it closes, and neither says the other; or, in the same brackets or rules (``same_marks``), the second
    says nothing but that it closes ("[[not true:]] ... [[:end]]", "*** made up -> *** ... *** <- end ***") or that
    the text is back to fact ("|| made up || ... || resume reality ||")."""
    if same_marks and _closes_bare(opening, closing):
        return True
    if same_marks:
        opening, closing = _unframed(opening, closing)
    core, end = _core(opening), _core(closing)
    if not core or _CLOSES.search(opening) or _OPENS.search(closing):
        return False
    if cues.returns_to_fact(closing):  # "|| made up || ... || resume reality ||", not "[the sentence before is ...]"
        forward = not cues.has_pointer(opening) or cues.inline_direction(opening) == "forward"
        return same_marks and forward and not cues.returns_to_fact(opening)
    if not end or (end != core and same_marks and set(end.split()) < set(core.split())):
        # "[[not true:]] ... [[:end]]"; "%% invented passage %% ... %% passage over %%" (the closing one names
        # what it ends without the word that framed it)
        return same_marks and _CLOSES.search(closing) is not None
    return core == end and (_OPENS.search(opening) is not None or _CLOSES.search(closing) is not None)


_LEADING_MARKS = re.compile(rf"[{_MARKS}]+")


def _closes_bare(opening: str, closing: str) -> bool:
    """True for a closing marker that is the opening one's run of marks mirrored and nothing else ("▶ untrue:"
    and "◀", "/* invented" and "*/")."""
    run = _LEADING_MARKS.match(opening.strip())
    return run is not None and closing.strip() == mirrored(run.group())


def _unframed(opening: str, closing: str) -> tuple[str, str]:
    """Two markers less the marks both open and end with: a frame, not an arrow ("◄tall tale►" and "◄/tall tale
    end►" are "tall tale" and "/tall tale end"; "==> made up ==>" and "<== made up <==" keep theirs)."""
    lead, tail = _shared_marks(opening, closing), _shared_marks(opening[::-1], closing[::-1])
    if lead + tail >= min(len(opening), len(closing)):
        return opening, closing
    return opening[lead : len(opening) - tail], closing[lead : len(closing) - tail]


def _shared_marks(a: str, b: str) -> int:
    """How many marks (and spaces) ``a`` and ``b`` both open with."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n] and a[n] in _FRAME_MARKS:
        n += 1
    return n


def _paired(directions: list[str | None], words: list[str], marks: list[str]) -> list[str | None]:
    """``directions`` with each pair of neighbouring markers that open and close a passage (:func:`_pair`)
    pointing at it: the first forward, the second backward."""
    out = list(directions)
    i = 0
    while i + 1 < len(words):
        if _pair(words[i], words[i + 1], marks[i] == marks[i + 1]):
            out[i], out[i + 1] = "forward", "backward"
            i += 2
        else:
            i += 1
    return out


def _groups(doc: str, model: FramingModel) -> list[tuple[Span, str, str]]:
    """Every bracket group of ``doc`` that may be a marker (span, its brackets, its words), in order:
    groups in brackets that are not part of their sentence, and groups in emphasis or rules that stand
    between sentences."""
    out = []
    mixed: list[re.Match[str]] = []
    for m in _MIXED.finditer(doc):  # falsity tags, and what closes one ("⌜phantom event⌝ ... ⌜phantom event ends⌝")
        if _falsity_tag(m.group(2), at_sentence_edge(doc, _span(m).start)) or (
            mixed and _pair(mixed[-1].group(2), m.group(2))
        ):
            mixed.append(m)
    for m in _BRACKET_GROUP.finditer(doc):
        if _between_tags(m, mixed):
            continue
        bracket = m.group()[0] + BRACKETS[m.group()[0]]
        if ends := _enclosing(doc, m, model):
            out.extend((span, bracket, words) for span, words in ends)
        elif not _parenthetical(doc, m):
            out.append((_span(m), bracket, _inner(m.group())))
    out.extend(p for p in _passage_marks(doc, model) if not any(s.overlaps(p[0]) for s, *_ in out))
    same = [(m, m.group(1) * 2, m.group(2)) for m in _DELIMITED.finditer(doc)]
    tags = [c for c in same if _falsity_tag(c[2])]
    one_sided = [
        (
            m,
            (m["marks"] or m["marks2"] or m["marks3"] or m["marks4"]) * 2,
            m["words"] or m["words2"] or m["words3"] or m["words4"],
        )
        for m in _ONE_SIDED.finditer(doc)
    ]
    # tags first: in the same marks, in mixed ones, with marks on one side; then the rest
    for m, bracket, inner in [
        *tags,
        *((m, m.group(1)[0] + m.group(3)[-1], m.group(2)) for m in mixed),
        *(c for c in one_sided if _falsity_tag(c[2])),
        *(c for c in same if c not in tags),
    ]:
        span = _span(m)
        tag = _falsity_tag(inner, at_sentence_edge(doc, span.start))
        if m.end() < len(doc) and doc[m.end()].isalnum() and not tag:
            continue  # glued to a word after it: a marker only when it calls something false ("%%fake start%%The")
        alone = _stands_alone(doc, span) or (tag and _in_turn(doc, span))
        if alone and not _heading(doc, span, inner, bracket) and not any(s.overlaps(span) for s, *_ in out):
            out.append((span, bracket, inner))
    return sorted(out)


# A run of marks and a tag that opens a passage the same run closes, mirrored and bare ("▶ phony: ... ◀",
# "/* invented The ... */", "/// not true: ... ///", "▶▶ untrue ▶▶ ... ◀◀"): the tag ends at a colon, at its marks
# again, or before a sentence's first word.
_PASSAGE_OPENING = re.compile(
    rf"(?<![\w{_MARKS}])(?P<marks>[{_MARKS}]{{1,4}})[ \t]*(?:(?P<words>[^\W\d_][^\n:.!?{_MARKS}]{{0,40}}?)[ \t]*"
    rf"(?::|(?P=marks))|(?P<lower>[a-z][a-z' -]{{0,30}}?)(?=[ \t]+[\"'“‘]?[A-Z]))"
    rf"(?=[ \t]*(?:\r?\n|$|[^\s{_MARKS}]))"  # not a frame ("++ untrue: ++")
)
# What may follow a closer on its line: nothing, or a sentence (not "<<< END", the closer's own words).
_BARE_END = re.compile(r"[ \t]*(?:\r?\n|$|[\"'“‘(]?[A-Z0-9][^\r\n]*[.!?])")
_DASHES = "-‐‑‒–—―"  # a dash before a name is an attribution ("“Great chips.” — Tom Smith."), no closer


def _passage_marks(doc: str, model: FramingModel) -> list[tuple[Span, str, str]]:
    """Each tag opening a passage (:data:`_PASSAGE_OPENING`) and the next mirror image of its marks, where that is
    bare and stands between sentences, as groups: (span, marks, tag words) and (span, marks, "")."""
    out: list[tuple[Span, str, str]] = []
    for m in _PASSAGE_OPENING.finditer(doc):
        opening = Span(m.start(), m.end())
        closing = re.compile(rf"(?<![\w{_MARKS}]){re.escape(mirrored(m['marks']))}(?![\w{_MARKS}])")
        if (out and opening.start < out[-1][0].end) or not (c := closing.search(doc, m.end())):
            continue
        span, passage = (
            _closing_words(doc, Span(c.start(), c.end()), m["words"] or m["lower"]),
            doc[m.end() : c.start()],
        )
        # across paragraphs only between marks that are lines of their own ("▶ invented:\n...\n\n...\n◀")
        apart = "\n\n" in passage.replace("\r", "") and not (_own_line(doc, opening) and _own_line(doc, span))
        if apart or not _bare(doc, span) or not _SENTENCE_END.search(passage.rstrip()):
            continue
        if words := _passage_tag(doc, m, model):  # the classifier last, once a closer is found
            out += [(opening, m["marks"] * 2, words), (span, m["marks"] * 2, "")]
    return out


# Words after a passage's closing marks that say it ends ("◀◀ end of pretend news", "«« invented bit ends").
_CLOSING_WORDS = re.compile(rf"[ \t]+([^\W\d_][^\n.!?:{_MARKS}]{{0,40}}?)(?=[ \t]*(?:\r?\n|$))")


def _closing_words(doc: str, span: Span, opening: str) -> Span:
    """``span``, the closing marks of a passage ``opening`` opened, with the words after them on their line when
    those say the passage ends (:func:`_pair`)."""
    words = _CLOSING_WORDS.match(doc, span.end)
    return Span(span.start, words.end()) if words and _pair(opening, words.group(1)) else span


def _own_line(doc: str, span: Span) -> bool:
    """True for a span that is all of its line but spaces."""
    _, lead, after = line_around(doc, span)
    return not (lead.strip() or after.strip())


def _passage_tag(doc: str, opening: re.Match[str], model: FramingModel) -> str | None:
    """The words of a tag that may open a passage: between sentences, in marks that are no emphasis ("**Source
    Verification:** ..." is a run-in head) nor dashes alone, read as a framing, and no heading (:func:`_heading`)."""
    span, words, marks = Span(opening.start(), opening.end()), opening["words"] or opening["lower"], opening["marks"]
    if not marks.strip("*_") or not marks.strip(_DASHES) or not _stands_alone(doc, span):
        return None
    if _heading(doc, span, words, marks):
        return None
    return words if _tag_framing(doc, span, words, model) else None


def _bare(doc: str, span: Span) -> bool:
    """True for marks that close a passage with no words of their own: between sentences, not the start of a frame
    ("<<< FAKE ENDS <<<") nor a list item's bullet ("- Not true: ...\n- Tolls ...")."""
    _, lead, after = line_around(doc, span)
    marks = span.text(doc)
    item_bullet = not lead.strip() and after.strip()
    return bool(_BARE_END.match(doc, span.end)) and marks not in after and not item_bullet and _stands_alone(doc, span)


def _between_tags(group: re.Match[str], tags: list[re.Match[str]]) -> bool:
    """True for a bracket group that is a passage between tags in mixed marks, not a marker: one of them crosses it
    (">>fake<< The ... >>fake ends<<" holds "<< The ... >>"), or it holds two ("<--HOAX-- The ... --HOAX-->")."""
    inside = [t for t in tags if group.start() <= t.start() and t.end() <= group.end()]
    crossing = any(t.start() < group.end() and group.start() < t.end() for t in tags if t not in inside)
    return crossing or (len(inside) > 1 and not _falsity_tag(_inner(group.group())))


def _in_turn(doc: str, span: Span) -> bool:
    """True when ``span`` opens its line or a turn after a label ("mike: +++FAKE+++ it's ..."), or ends a chat
    turn's line: where chat puts a tag, whatever case the words around it take (at the end of a title or a list
    item, "Ferry service begins, 1962 [this never happened]", a tag is the line's own)."""
    start, lead, after = line_around(doc, span)
    if not lead.strip() or lead.rstrip().endswith(_LABEL_ENDS):
        return True
    return not after.strip() and speaker_name(doc[start : span.start]) is not None


# A label at each end of a bracket pair that holds a whole passage: "{untrue from here: ... :untrue to here}",
# "{{ made-up part → ... ← made-up part }}", "<<< BOGUS BEGINS ... BOGUS ENDS >>>".
_HEAD = re.compile(r"\s*([^\W\d][^:→»<>.!?\n]{1,38}?(?:\s*(?::|→|>+|»)|\s+(?:begins?|starts?|from here)\b))\s+", re.I)
_TAIL = re.compile(r"\s+((?:(?::|←|<+|«)\s*)?[^\W\d][^:←«<>.!?\n]{1,38}?)\s*$")


def _enclosing(doc: str, group: re.Match[str], model: FramingModel) -> list[tuple[Span, str]] | None:
    """The two labels of a bracket pair around a passage, each with its brackets (runs of them whole), as
    (span, words); None for any other group (``model`` reads the labels and the passage)."""
    inner = _inner(group.group())
    width = (len(group.group()) - len(inner)) // 2
    head, tail = _HEAD.match(inner), _TAIL.search(inner)
    if head is None or (tail is not None and head.end() > tail.start()):
        return None
    if model.kind(head[1]) is None or model.kind(inner[head.end() : tail.start() if tail else None]) is not None:
        return None  # the label must be a framing and what it encloses must not ("<Warning: this is fabricated.>")
    if tail is None or not _pair(head[1], tail[1]):
        passage = inner[head.end() :].strip()
        sentence = passage[:1].isupper() and passage[-1:] in ".!?" and len(passage.split()) >= 4
        if not head[1].endswith(":") or not sentence or cues.has_pointer(inner):
            return None  # "[Correction: the statement above is false.]", "[Likelihood: about 2%.]": one marker
        tail_start, tail_words = len(inner), "end " + head[1]  # "[[ invented premise: ... ]]": the bracket alone
    else:
        tail_start, tail_words = tail.start(1), tail[1]
    start, end = group.start(), group.end()
    while start > 0 and doc[start - 1] == doc[group.start()]:
        start -= 1
    while end < len(doc) and doc[end] == doc[group.end() - 1]:
        end += 1
    opening = Span(start, group.start() + width + head.end(1))
    closing = Span(group.start() + width + tail_start, end)
    return [(opening, head[1]), (closing, tail_words)]


def _heading(doc: str, span: Span, inner: str, marks: str) -> bool:
    """True for emphasis that heads text rather than speaking of it: a run-in head ("**Source B:** ...",
    "**Claim**: ...") unless it calls something false ("**Invented:** ..."), or bold or italics that are
    a line of their own, after at most a list number ("**Myths versus facts**", "2. **Hoax Watch**")."""
    start, lead, after = line_around(doc, span)
    if (inner.rstrip().endswith(":") or after.startswith(":")) and not cues.has_falsity(inner):
        return True
    item = LIST_ITEM.match(doc, start)
    lead = lead[item.end() - start :] if item else lead
    return marks[0] in "*_" and not (lead.strip() or after.strip())


# Marker groups at the end of a line's lead: a marker after another ("... problems. ◀ unreal ◀ §§ fake §§ The ...").
_CLOSERS = {close: open_ for open_, close in BRACKETS.items()}
_TRAILING_MARKS = re.compile(rf"([{_MARKS}]{{1,4}})\s*$")
_MAX_TRAILING = 4  # marker groups stripped from a lead at most


def _without_trailing_groups(lead: str) -> str:
    """``lead`` less the marker groups that end it, one at a time from the end: a bracket group back to its opening
    bracket, a run of rule marks back to the same run ("... problems. ◀ unreal ◀ §§ fake §§" -> "... problems.")."""
    for _ in range(_MAX_TRAILING):
        text = lead.rstrip()
        if text[-1:] in _CLOSERS:
            start = text.rfind(_CLOSERS[text[-1]], 0, len(text) - 1)
        elif marks := _TRAILING_MARKS.search(text):
            start = text.rfind(marks.group(1), 0, marks.start())
        else:
            return lead
        if start < 0:
            return lead
        lead = text[:start]
    return lead


def _stands_alone(doc: str, span: Span) -> bool:
    """True when ``span`` is no part of a sentence: on its line it follows nothing, a sentence's end, a label
    ("PARIS —", "Q:") or a list number ("4.2", "(b)"), markers after any of those aside, and what follows it, if
    anything, does not go on in lower case or after a comma."""
    _, lead, after = line_around(doc, span)
    lead, after = _without_trailing_groups(lead).strip(), after.strip()
    lead_ok = not lead or _SENTENCE_END.search(lead) is not None or lead.endswith(_LABEL_ENDS)
    lead_ok = lead_ok or _LIST_NUMBER.fullmatch(lead) is not None
    return lead_ok and not (after[:1].islower() or after.startswith((",", ";")))


_LIST_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,3})*[.)]?|\(?[a-z0-9]{1,3}\)", re.IGNORECASE)  # "4.2", "3)", "(b)"


# A list number and a short title before a marker on its line ("2. The name."; "4. Two home grounds:").
_ITEM_TITLE_LEAD = re.compile(r"\d{1,3}[.)][ \t]+(?:[^\s.!?:]+[ \t]+){0,5}[^\s.!?:]+[.:]")


# An arrow in brackets that points at the marker's own words ("(→ never happened)", "[untrue ←]"), as a bullet or a
# "hence" does: writers put such a marker after its claim as often as before it, so it is no pointer.
_AT_ITSELF = re.compile(r"^\W*?[→⇒⟶➔➜]\s*|\s*[←⇐⟵]\W*$")


def _bracket_direction(doc: str, span: Span, inner: str) -> str | None:
    """The direction a bracketed framing points, or None when neither its words nor its place say.
    Its pointer words decide when it has any (an arrow that points at them is none, :data:`_AT_ITSELF`), then a
    closing colon ("[Untrue:]"). Otherwise a marker that opens
    its line (after nothing but a label: "PARIS — [Invented.] The ...", "mara_k: [fake] the ...") with text
    after it speaks of what follows; one that ends its line after text, of what came before; one between two
    sentences, or after a list number ("5. [hoax] The ...": generated documents put a marker of the sentence
    before there), is open. One that is a line of its own and speaks of the whole document ("[Editor's note: this
    entire article is invented.]", "— Reader advisory: this press release is a fabrication. —") is its notice."""
    _, lead, after = line_around(doc, span)
    lead, after = lead.strip(), after.strip()
    if not (lead or after) and cues.refers_to_document(inner):
        return "document"
    if cues.has_pointer(pointing := _AT_ITSELF.sub(" ", inner)):
        return cues.inline_direction(pointing)
    if inner.rstrip(" *_").endswith(":") or span.text(doc).endswith(":"):
        return "forward"  # "(fabricated:)" and "[fabricated]:" introduce what follows, as "FALSE:" does
    if after and _ITEM_TITLE_LEAD.fullmatch(lead):
        return "forward"  # "2. The name. «fake» NT Monsoons ...": an item's title is no claim, its body is
    # a label: a few words with no sentence end, or one sentence's worth ending as a dateline does ("SEATTLE (Nov.
    # 14, 2023) —", whose abbreviation ends no sentence)
    item = LIST_ITEM.match(lead)  # "3. Jimi Hendrix's Stratocaster —": the item's number is no sentence
    label = (not _CLOSED.search(lead) and len(lead.split()) <= 4) or (
        lead.endswith(_LABEL_ENDS) and len(sentences(lead, item.end() if item else 0)) <= 1
    )
    if label and after and not after.startswith(_OPENING_BRACKETS):
        return "forward"
    if not after or not lead:
        return "backward"
    return _glued(doc, span)


def _glued(doc: str, span: Span) -> str | None:
    """The side a marker between two sentences is written onto, with a space on its other side only: "... as
    always. «fake»Plus a new prize" marks what follows, "... can enter.«fake» Tours" what came before."""
    before, after, next_after = doc[span.start - 1], doc[span.end : span.end + 1], doc[span.end + 1 : span.end + 2]
    opening = after in "\"'" and next_after.isalnum()  # a straight quote opening words, not closing them
    if before.isspace() and after and not after.isspace() and (opening or after not in _CLOSING_MARKS):
        return "forward"
    if after.isspace() and not before.isspace():
        return "backward"
    return None


_CLOSING_MARKS = ".,;:!?)]}»”’\"'"  # what ends words a marker may be glued to, not what opens them


def _span(group: re.Match[str]) -> Span:
    """The group's span with the runs of its brackets around it ("{{{untrue}}}" whole, not "{{untrue}}") and a colon
    right after brackets (not after a rule's marks or emphasis)."""
    doc, start, end = group.string, group.start(), group.end()
    while start > 0 and doc[start - 1] == doc[group.start()]:
        start -= 1
    while end < len(doc) and doc[end] == doc[group.end() - 1]:
        end += 1
    if doc[start] in BRACKETS and (doc[end : end + 2] in (": ", ":\n", ":\t") or doc[end:] == ":"):
        end += 1  # a colon after brackets labels what follows with them ("[CONCOCTED]: He ...", not "**Step 1**:")
    return Span(start, end)


def _parenthetical(doc: str, group: re.Match[str]) -> bool:
    """True for a bracket group that is part of its sentence, not a statement about it.

    Round (angle) brackets inside a sentence: one that opens in lower case ("(who deny it)", "(largely
    invented, critics say)") or a label of one or two words without a full stop ("(fictional)"; "(Untrue.)"
    is a statement), unless it points ("(start of false entry)"); one that stands between sentences
    ("... in 1931. (made up) The ...") is not part of either. Square, curly and the other brackets are an
    editor's, so any of them may be a marker ("[not true]", "[Fabricated]", "«sham»"), except a lower-case
    tag that points nowhere at the end of a line that is no sentence (a list item, a title), which is the
    line's own ("- Ferry service, 1962 [this did not happen]")."""
    text = _inner(group.group()).strip()
    if _falsity_tag(text) and _in_turn(doc, _span(group)):
        return False  # a falsity tag opening or ending a line or a chat turn, whatever case is around it
    start, lead, after = line_around(doc, _span(group))
    if not after.strip() and lead.strip() and not doc[:start].strip() and _calls_false(text):
        return False  # it ends the document's title and calls it false ("Ferry sinks [made-up headline]")
    if group.group()[0] not in _PROSE_BRACKETS:
        own = not after.strip() and not _CLOSED.search(lead)  # it ends a line that is no sentence
        return own and text[:1].islower() and not cues.has_pointer(text)
    if _stands_alone(doc, _span(group)):
        return False
    aside = text[:1].islower() or (len(text.split()) < 3 and not text.endswith((".", "!")))
    return aside and not cues.has_pointer(text)  # "(fiction starts here)" points: a marker


# A title's tag names the title ("made-up headline", "headline: false"); one that negates its falsity word calls it
# true ("not fake news", "headline is not made up").
_NAMES_TITLE = re.compile(r"\b(?:headlines?|titles?|news)\b", re.IGNORECASE)
_NEGATED_FALSITY = re.compile(
    rf"\b(?:not|never|no|isn['’]t|wasn['’]t)\s+(?:\w+\s+)?(?:{cues.TAG_WORDS})", re.IGNORECASE
)


def _calls_false(words: str) -> bool:
    """True for a bracket group's ``words`` that tag a title false ("untrue", "made-up headline", "headline: false"),
    not a label of the text ("transcript excerpt"), a verdict in a sentence of its own ("this did not happen", which
    a post's title may carry as its own words) nor a tag that calls it true ("not fake news")."""
    if _NEGATED_FALSITY.search(words):
        return False
    return _falsity_tag(words) or (_NAMES_TITLE.search(words) is not None and cues.says_false(words, made_up=True))


def units(doc: str, skip: list[Span]) -> list[Span]:
    """Sentence/line units of ``doc`` that lie outside the ``skip`` spans."""
    out: list[Span] = []
    cursor = 0
    for s in sorted(skip):
        out.extend(sentences(doc, cursor, s.start))
        cursor = max(cursor, s.end)
    out.extend(sentences(doc, cursor))
    return out


# Where a notice sentence's own framing may end and its correction begin ("...is a work of fiction; the lens was
# never lent", "THIS RELEASE IS FICTITIOUS: the arm was never removed").
_CORRECTION_START = (re.compile(r"\s*;\s+"), re.compile(r"\s+[—–]\s+"), re.compile(r":\s+"))


_NEVER = re.compile(r"\bnever\b", re.IGNORECASE)  # a notice's correction of its event ("the lens was never lent")
_NOTICE_CLAUSE_WORDS = 3  # a notice's clause says something of the text: not a label alone ("Source note:")


def _notice_kind(text: str, model: FramingModel) -> str | None:
    """The framing of a notice sentence, read whole, else in its first clause before a semicolon, a dash or a colon
    when the rest corrects it (a fiction notice whose correction says the event never was is one of falsity), or in
    the rest when the first clause denies the event and the rest points at the text ("There was no such ban; the
    rule below is made up"); else, for a sentence that opens with a notice's label or speaks of the document, what
    it calls made up."""
    if (kind := model.kind(text)) is not None:
        return kind
    labelled = cues.NOTICE_LABEL.match(text) is not None  # not a chat line: it opens with a notice's label
    for pattern in _CORRECTION_START:
        if (cut := pattern.search(text)) and len(text[: cut.start()].split()) >= _NOTICE_CLAUSE_WORDS:
            kind, rest = model.kind(text[: cut.start()]), text[cut.end() :]
            # "There was no such ban; the rule and its effects below are made up." (without a label or a pointer, a
            # denial that runs on is a marker of the sentence before: "No such date was set; the story is invented.")
            denial = kind is None and cues.denies(text[: cut.start()])
            if denial and ((kind := model.kind(rest) if cues.has_pointer(rest) else None) or not labelled):
                return kind
            if kind is not None:
                return "negation" if kind == "fiction" and (cues.says_false(rest) or _NEVER.search(rest)) else kind
            break
    # a sentence about the document that calls what it names made up, however long its list of what that is
    # ("Disclaimer: this listing is invented, and so are the prices, the maker and the reviews."), not a chat line
    # that runs on into a marker ("... AND your coffee The fare in this message is fiction.")
    whole = cues.refers_to_document(text) and (labelled or not _run_on_start(text, model))
    return cues.made_up_kind(text) if whole else None


def _notice_run(doc: str, sents: list[Span], from_end: bool, model: FramingModel) -> tuple[list[Span], str] | None:
    """The notice sentences at the start (or end) of one paragraph and their framing, or None."""
    if not sents:
        return None
    ordered = list(reversed(sents)) if from_end else sents
    texts = [s.text(doc) for s in ordered]
    kinds = [_notice_kind(t, model) for t in texts]
    # in a paragraph that opens with a notice's label and names the document, every sentence speaks of the document
    # ("Listener notice: this episode was scripted. The concert our hosts describe is made up.")
    first = doc[sents[0].start : sents[0].end]
    opens_with_label = cues.NOTICE_LABEL.match(first) is not None
    labelled = opens_with_label and cues.DOCUMENT_SCOPE.search(first) is not None
    scoped = [k if k is not None and (labelled or cues.refers_to_document(t)) else None for k, t in zip(kinds, texts)]
    # A notice opens with its notice sentence, after at most one short label ("False record.").
    lead = 1 if len(texts) > 1 and len(texts[0].split()) <= 5 else 0
    # A paragraph that opens with a framing or a reference to the document, talks mostly of that
    # (the screen fires on most sentences of five words or more) and reads as a framing as a whole is a notice ("This
    # passage comes from a screenplay. Its events are invented.").
    opens = [k is not None or cues.refers_to_document(t) or cues.direction(t) is not None for k, t in zip(kinds, texts)]
    opening = opens[-1 - lead :] if from_end else opens[: lead + 1]
    long = [t for t in texts if len(t.split()) >= 5] or texts  # a short "Discard it." says nothing else
    screened = sum(SCREEN.search(t) is not None for t in long) / len(long)
    sandwich = {"forward", "backward"} <= {cues.direction(t) for t in texts}  # inline markers around a claim
    if len(texts) <= _NOTICE_SENTENCES and any(opening) and screened >= _NOTICE_SHARE and not sandwich:
        text = doc[sents[0].start : sents[-1].end]
        # one sentence that points at the text may frame it in one of its clauses ("...; the rule below is made up")
        pointing = len(sents) == 1 and cues.has_pointer(text) and _statement(text)  # a sentence, not a heading
        whole = _notice_kind(text, model) if pointing or opens_with_label else model.kind(text)
        if whole is not None:
            return sents, "negation" if whole == "fiction" and "negation" in kinds else whole
    if not any(scoped) or (not from_end and not labelled and not any(scoped[: lead + 1])):
        return None
    framing = next(k for k in scoped if k is not None)
    # After the notice sentence, the sentences that deny are its corrections ("Note: this email is invented.
    # The ferry company has not cancelled any sailings."), and they make an "invented" notice one of falsity.
    reading = range(len(texts) - 1, -1, -1) if from_end else range(len(texts))
    notice = next(i for i in reading if scoped[i] is not None)
    after = [i < notice if from_end else i > notice for i in range(len(texts))]
    corrections = [a and k is None and cues.denies(t) for k, t, a in zip(kinds, texts, after)]
    if framing == "fiction" and (any(corrections) or "negation" in scoped):
        # "this email is invented. X did not happen" (or "Its dates are invented for this piece."): the notice says the
        # claims are false
        framing = "negation"
    talk = [
        k is not None or cues.has_falsity(t) or c or (labelled and cues.refers_to_document(t))
        for k, t, c in zip(kinds, texts, corrections)
    ]
    if sum(talk) / len(talk) >= _NOTICE_SHARE:
        return sents, framing
    run = []
    for span, is_talk in zip(ordered, talk):
        if not is_talk:
            break
        run.append(span)
    return (sorted(run), framing) if run else None  # the framing talk is not at the paragraph's edge


_LINE = re.compile(r"[^\n]*\S[^\n]*")
_NOTICE_LINES = 3  # a one-paragraph document has a notice line only beside two lines of text or more
_TITLE_LINES = 2  # a title above a notice: a name and a subtitle, not a list


def _notices(doc: str, unit_list: list[Span], model: FramingModel) -> list[Annotation]:
    paras = paragraphs(doc)
    # a notice stands before or after the text it speaks of: in its first or last paragraph, or, in a document of one
    # paragraph (a transcript), on its first or last line ("...\nProduction note: this episode is imaginary.")
    one = len(paras) == 1
    edges = [Span(m.start(), m.end()) for m in _LINE.finditer(doc)] if one else paras
    if len(edges) < (_NOTICE_LINES if one else 2):
        return []
    out = []
    for para, from_end in ((edges[0], False), (edges[-1], True)):
        inside = [u for u in unit_list if para.contains(u)]
        found = _notice_run(doc, inside, from_end, model)
        if not found and not from_end and (after := _after_title(doc, paras)) is not None:
            found = _notice_run(doc, [u for u in unit_list if after.contains(u)], False, model)
            found = found if found and CLOSED_LINE.search(doc[found[0][-1].start : found[0][-1].end]) else None
        if found and one and not cues.refers_to_document(doc[found[0][0].start : found[0][-1].end]):
            found = None  # a line beside others in one paragraph is a notice only when it speaks of the document
        if found:
            run, framing = found
            span = _bracket_closed(doc, Span(run[0].start, run[-1].end), para)
            if span is not None:
                out.append(Annotation(span, "document", "suffix" if from_end else "prefix", "", (span,), framing))
    return out


_PAIRS = {"(": ")", "[": "]"}


def _bracket_closed(doc: str, span: Span, para: Span) -> Span | None:
    """``span`` up to the bracket that closes its paragraph when it opens one it does not close ("(Moderator's note:
    the paragraph ... is invented. The rest of this review is accurate.)"): the notice is the whole aside, when what it
    goes on to say is notice talk (it vouches for the rest or calls something false); None when the aside goes on with
    a claim of its own ("(I made that up. The ferry really did sink in 1991.)"), whose bracket a drop would break."""
    text = span.text(doc)
    opener = text.lstrip()[:1]
    closer = _PAIRS.get(opener, "")
    if not closer or text.count(opener) <= text.count(closer):
        return span
    rest = doc[span.end : para.end].rstrip()
    talk = cues.has_falsity(rest) or _REST_VOUCHED.search(rest) is not None
    if rest.endswith(closer) and closer not in rest[:-1] and talk:
        return Span(span.start, span.end + len(rest))
    return None


_REST_VOUCHED = re.compile(
    r"\b(?:the\s+rest|everything\s+else|all\s+(?:the\s+)?other|otherwise)\b[^.]*\b(?:accurate|true|correct|real|factual)",
    re.IGNORECASE,
)


def _after_title(doc: str, paras: list[Span]) -> Span | None:
    """The paragraph after the document's title ("Pier timeline\n\nNote: this timeline is invented."), where a
    notice may stand: the paragraphs before it are a title of short lines without closing punctuation ("Pier
    trust\nMinutes of 14 May", or a title and a byline as paragraphs of their own), it is none."""
    lines = 0
    for at, para in enumerate(paras[:-1]):
        title = para.text(doc).splitlines()
        if not title or not all(heading(line, titled=True) for line in title):
            return para if at > 0 else None
        lines += len(title)
        if lines > _TITLE_LINES:
            return None
    return None


_WORD_START = re.compile(r"(?<=\s)[A-Z\"“‘'(]")
_MARKUP = "*_#> \t"
_RUN_ON_WORDS = 40
_RUN_ON_MARKER = 8  # words at most of a marker run on after an unclosed sentence
_SAYING_END = re.compile(
    r"\b(?:says?|said|saying|reads?|wrote|writes?|asks?|asked|repl(?:y|ies|ied)|tells?|told|claims?|claimed|thinks?|"
    r"thought|heard|goes|went)\W*$",
    re.IGNORECASE,
)
_OPENS_MARKER = re.compile(r"(?:The|This|That|These|Those|It|There|No|None|Nothing|Nobody|Neither|Never)\b")
_INNER_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"“‘'(\[{<]?[A-Z])")


# A label of one to three words closed by a colon or an arrow at the start of a sentence, after marks or none
# (">> untrue: ", "FALSE ▸ ", "made up --> ").
_LABEL_MARKER = re.compile(
    r"^[^\w\s]{0,4}[ \t]*((?:[A-Za-z][\w'’-]*[ \t]+){0,2}[A-Za-z][\w'’-]*)[ \t]*(?::|[→➜➔⇒▸▶►]|-+>|>{2,3})[ \t]+(?=\S)"
)
# Kinds of writing that head a list of works ("Fantasy → The Hobbit", "Myth → ..."), whose names are falsity words.
_GENRE = re.compile(
    r"fantasy|fiction|science\s+fiction|myths?|mythology|fables?|fairy\s+tales?|legends?|folklore", re.I
)
_LABEL_REST_WORDS = 3  # what follows the label is a sentence: at least this many words
_NEGATED_VERDICT = re.compile(r"(?:not|never|nope|no)\b", re.IGNORECASE)


def _styled(label: re.Match[str], rest: str) -> bool:
    """True for a label set off as a tag (in capitals or after marks: "NOT TRUE:", ">>> not a fact:") before a
    capitalised sentence that denies nothing: it marks that sentence, where "Not true:" answers the one before."""
    marks = label.group()[: label.start(1)].strip()
    tagged = label.group(1).isupper() or (bool(marks) and LIST_ITEM.match(marks + " ") is None)  # not a bullet
    return tagged and rest[:1].isupper() and not cues.denies(rest)


# A line that states the claim a fact-check then judges ("Claim: ...", "Rumour: ..."): a label on the next line
# ("NOT TRUE: The bridge closes for six weeks.") is its verdict, and what follows the verdict its correction.
_CLAIM_LINE = re.compile(r"\W*(?:the\s+)?(?:claim|rumou?r|myth|allegation|what\s+(?:was|is)\s+claimed)\s*:", re.I)


def _after_claim_line(doc: str, unit: Span) -> bool:
    """True when the line before ``unit``'s line opens with a claim label (:data:`_CLAIM_LINE`)."""
    start = doc.rfind("\n", 0, unit.start)
    above = doc[: max(start, 0)].rstrip("\n").rsplit("\n", 1)[-1]
    return start > 0 and _CLAIM_LINE.match(above) is not None


def _label_marker(text: str, model: FramingModel, opens_line: bool) -> tuple[int, str] | None:
    """Where a falsity tag that opens ``text`` as a label ends ("untrue:", "Made up:", :func:`cues.false_tag`) and
    its framing, when the rest is a sentence that frames nothing itself (not "Disclaimer: the story below is made
    up."). A label that points back denies what came before ("This is untrue: she chaired the meeting", "Not so:
    it retreated"), as does one after a sentence on its line whose rest goes on in lower case (``opens_line``
    False): no tag."""
    label = _LABEL_MARKER.match(text)
    if label and not label.group().rstrip().endswith(":") and _titled(label.group(1)) and _GENRE.fullmatch(label[1]):
        return None  # "Fantasy → The Hobbit ...": a shelf of books by genre, not a tag
    rest = text[label.end() :] if label else ""
    if len(rest.split()) < _LABEL_REST_WORDS or not _CLOSED.search(rest[-4:]) or not cues.false_tag(label.group(1)):
        return None  # not a title either ("**Encyclopaedic Fabrication: AI Misinformation About Public Figures**")
    # the label's own words may point ("This is untrue:"); the sentence only in full ("the following claim"), as
    # a short pointer there is a content word ("marks the start", "raced over 2,000 metres")
    own = _AT_ITSELF.sub(" ", text[: label.end(1)])  # "→ untrue:": the arrow points at the label
    if model.kind(rest) is not None or cues.has_pointer(own) or cues.has_full_pointer(rest):
        return None
    if cues.has_tag_word(rest) and (cues.has_pointer(rest) or cues.refers_to_document(rest)):
        # "MYTHICAL: The event described below is mythical.": a notice, not a label
        return None
    if rest[:1].islower() and not opens_line:
        return None  # after a sentence, "Untrue: the spawning went ahead." is the verdict's correction of it
    verdict = _NEGATED_VERDICT.match(label.group(1)) and not _styled(label, rest)
    if verdict or cues.denies_previous(rest, verdicts=False):
        return (
            None  # a verdict on what came before ("Not true: the wall was never lowered", "Fiction again: no such ...")
        )
    return len(text[: label.end()].rstrip()), model.tag_kind(label.group(1)) or "negation"


def _turn_label(doc: str, body: Span, model: FramingModel) -> tuple[int, str] | None:
    """A falsity label opening a speaker's turn (``body``, after the speaker's label: "Ana: UNTRUE: The ferry ...",
    "↳ @kit: 🚫 bogus: Saw ..."), set off as a tag (:func:`_styled`) and used so again in the document: a chat's way
    of marking its claims. Once only, or in plain words ("Bo: Fake: it ran all summer."), it is a reply's verdict."""
    text = body.text(doc)
    tag = _LABEL_MARKER.match(text)
    if tag is None or not _styled(tag, text[tag.end() :]) or doc.count(tag.group().rstrip()) < _TURN_LABELS:
        return None
    return _label_marker(text, model, opens_line=True)


_TURN_LABELS = 2  # a label a chat marks its claims with, not one reply's verdict


def _annotation_in(doc: str, unit: Span, model: FramingModel) -> tuple[Span, str | None, str] | None:
    """The annotation inside ``unit``, the direction it names (None: no pointer) and its framing,
    or None.

    A line without final punctuation can run straight into an annotation ("GOLD
    MEDAL What was just stated is false."): the annotation then starts at the last
    word start (of the last :data:`_RUN_ON_WORDS`) after which the text still reads as an
    annotation. A unit that does not read as one may end in one after a full stop the splitter
    took for an abbreviation's. Markdown emphasis around an annotation stays in the document. A falsity tag closed
    by a colon before a sentence that frames nothing ("untrue: The ferry sank.", ">> FALSE: ...") is a marker of
    that sentence (:func:`_label_marker`). A sentence of doubt or fiction counts only where it speaks of other text
    (:func:`relocalize.detect.cues.speaks_of_text`: "The police have not confirmed the driver's identity" does not),
    one of falsity where it calls something false, denies or stands for text (:func:`_judges_text`: "What follows is
    a patient dismantling of the case" does not).
    """
    text = unit.text(doc)
    if not _after_claim_line(doc, unit):
        if label := _label_marker(text, model, not line_around(doc, unit)[1].strip()):
            return Span(unit.start, unit.start + label[0]), "forward", label[1]
        body = without_label(doc, unit)
        if body != unit and (label := _turn_label(doc, body, model)):
            return Span(body.start, body.start + label[0]), "forward", label[1]
    framing = model.kind(text)
    start = unit.start
    if framing is None:  # a framing run on after the claim: "... at 4 a.m. That claim is false."
        cut = _run_on(text, model)
        if cut is None:
            return None
        start, framing = unit.start + cut[0], cut[1]
    else:
        # a chat tag keeps its interjection ("lol no, I invented that"): no claim of its own runs into it
        start = unit.start + (0 if _TAG_ALONE.match(text) else _run_on_start(text, model))
    end, opened = unit.end, start
    while start < end and doc[start] in _MARKUP:
        start += 1
    while end > start and doc[end - 1] in _MARKUP:
        end -= 1
    # stars after the closing punctuation that no opening emphasis matches are a footnote mark ("false.*")
    stars = len(doc[end : unit.end]) - len(doc[end : unit.end].lstrip("*"))
    end += max(0, stars - doc[opened:start].count("*"))
    found = doc[start:end]
    if not _statement(found) or not _judges_text(found, framing):
        return None
    if framing == "fiction" and cues.calls_part_made_up(found):
        framing = "negation"  # "This part is invented.": the part is false, the text no story
    return Span(start, end), cues.direction(doc[start:end]), framing


def _judges_text(text: str, framing: str) -> bool:
    """True for a sentence of ``framing`` that can judge other text: one of falsity calls something false, denies
    or has a word that stands for text; one of doubt or fiction speaks of text (:func:`cues.speaks_of_text`; a
    fiction word is not a falsity word there, "a prize for historical fiction") and asks nothing, and one of low
    probability rates the text, not the odds of an event (:func:`cues.rates_the_text`)."""
    if framing == "negation":
        return cues.calls_false(text) or cues.denies(text) or cues.stands_for_text(text)
    if text.rstrip("\"'”’)]} ").endswith("?") or (framing == "low_probability" and not cues.rates_the_text(text)):
        return False  # a question asks, "Is this just a bad dream?"
    return cues.speaks_of_text(text, falsity=framing != "fiction")


def _statement(text: str) -> bool:
    """True for a sentence that can say something about other text: closing punctuation, and four
    words or more, or two or three with a full stop and a word of falsity ("Made up.", "Another
    invention."; not "Probably not."). Headings, labels, bylines ("Verified account", "Myths We
    Checked") and a fact-check's one-word verdict ("False.") are not."""
    end = text.rstrip("\"'”’)]}>" + FOOTNOTE_MARKS)
    words = len(text.split())
    short = words >= 2 and end.endswith((".", "!")) and cues.has_falsity(text)
    # a chat line's run-on tag ("this was made up btw"), split off its claim (:data:`_TAIL_TAG`)
    return short or (words >= 4 and end.endswith((".", "!", "?", ":", ";"))) or _TAG_ALONE.match(text) is not None


_DETERMINER_END = re.compile(r"\b(?:the|an?|this|that|these|those|his|her|its|their|our|my|your)\s*$", re.I)
_TITLE_END = re.compile(r"\b(?:mrs?|ms|dr|st|prof)\.?\s*$", re.I)
_OPENS_SENTENCE = re.compile(
    r"\W*(?:(?:the|an?|this|that|these|those|it|there|what|whether|no|none|nothing)\b|\w+ed\b)", re.I
)


def _may_start_after(before: str, after: str) -> bool:
    """True where a framing may start at ``after``, following ``before`` ("GOLD MEDAL What was just stated is false."):
    not after a determiner ("That May date is a fiction") nor a title before a name
    ("Mrs Patel's donation is invented."; "Dr. The above text is fiction." is a title before a sentence)."""
    name = _TITLE_END.search(before) is not None and _OPENS_SENTENCE.match(after) is None
    return _DETERMINER_END.search(before) is None and not name


def _run_on_start(text: str, model: FramingModel) -> int:
    """Where the framing that ``text`` ends in starts (0: at its start): the latest capitalised word after which the
    text reads as a framing and before which it does not (:func:`_may_start_after`)."""
    for m in list(reversed(list(_WORD_START.finditer(text))))[:_RUN_ON_WORDS]:
        before, after = text[: m.start()], text[m.start() :]
        if _may_start_after(before, after) and model.kind(after) and not model.kind(before):
            return m.start()
    return 0


def _run_on(text: str, model: FramingModel) -> tuple[int, str] | None:
    """Where a framing starts inside ``text`` that does not read as one as a whole, and its kind:
    after the last full stop the splitter took for an abbreviation's, at the capitalised word
    that opens a pointer ("... bled speed The preceding statement is false."), or at the last capitalised word that
    opens a short sentence after words with no closing punctuation (a headline or a chat line run into its marker:
    "... off the top in October That is made up.")."""
    # every start below follows a space and SCREEN looks behind nothing, so no later part holds a screen word the whole
    # does not; and FramingModel.kind reads nothing the screen does not find
    if SCREEN.search(text) is None:
        return None
    starts = [m.end() for m in _INNER_END.finditer(text)][-1:]
    words = [m.start() for m in _WORD_START.finditer(text)]
    if (opening := _run_on_opening(text)) is not None:
        starts.append(opening)
    for p in (cues.FORWARD, cues.BACKWARD):
        for m in p.finditer(text):
            at = bisect_right(words, m.start())  # the last word start at or before the pointer, within two spaces
            if at and text[words[at - 1] : m.start()].count(" ") <= 2:
                starts.append(words[at - 1])
    for start in sorted(set(starts), reverse=True):
        framing = model.kind(text[start:])
        if framing is not None and not model.kind(text[:start]):
            return start, framing
    return None


def _run_on_denials(doc: str, unit_list: list[Span]) -> list[Span]:
    """``unit_list`` with a short denial run on after words with no closing punctuation split off as a unit of its own
    ("... 0.3 degrees or something The survey never took place.": a chat line or a headline run into its marker), so
    that it is read as the sentences around it are."""
    out = []
    for unit in unit_list:
        text = unit.text(doc)
        cut = _run_on_opening(text) or 0
        head, tail = text[:cut], text[cut:]
        last = head.split()[-1] if head else ""
        # after a chat line's word in lower case or a figure (not "@handle", not a determiner)
        plain = (last.isalpha() and last.islower()) or last.isdigit()
        ends = tail.rstrip("\"'”’)]}>").endswith((".", "!")) and plain and _may_start_after(head, tail)
        if ends and (cues.denial_overlap(tail) is not None or cues.denies_previous(tail, verdicts=False)):
            out += [Span(unit.start, unit.start + len(head.rstrip())), Span(unit.start + cut, unit.end)]
        elif (tag := _run_on_tag(doc, unit)) is not None:
            out += [Span(unit.start, unit.start + tag.start()), Span(unit.start + tag.start("tag"), unit.end)]
        else:
            out.append(unit)
    return out


# A falsity tag run on in lower case at the end of a chat line after the claim's last word, no stop between
# ("... on the old pier this was made up btw", "... painted it blue lol no, i invented that", "... a new roof none of
# which is real"): "this" or "that" called made up, "never happened", owning up to inventing it, "none of which is
# real"; "it was fake" after a claim is the speaker's word on the thing named ("we found a ring but it was fake").
_INTERJECTION = r"(?:jk|lol|lmao|haha)(?:[ \t]+no)?,?[ \t]+"
_TAG_BODY = (
    r"(?:(?:this|that)(?:[ \t]+(?:bit|part|one))?(?:['’]s|[ \t]+is|[ \t]+was)[ \t]+(?:all[ \t]+)?"
    r"(?:invented|made[ \t]+up|fake|fiction|not[ \t]+real|not[ \t]+true|a[ \t]+lie)(?:[ \t]+(?:too|as[ \t]+well))?"
    r"|(?:this|that)[ \t]+never[ \t]+happened"
    r"|i[ \t]+(?:invented|made[ \t]+up)[ \t]+(?:that|this|it)(?:[ \t]+too)?"
    r"|none[ \t]+of[ \t]+(?:which|that|this|it)[ \t]+(?:is|was)[ \t]+(?:real|true))"
    r"(?:,?[ \t]+(?:btw|fyi|sorry|for[ \t]+the[ \t]+record))?"
)
# ... after a claim's last word: "that" only after an interjection ("a roof that never happened" is a relative clause),
# nothing after a conjunction or "turns out" ("... but this was fake" says it of the thing named)
_TAIL_TAG = re.compile(
    rf"(?<=[a-z0-9])(?<!\bbut)(?<!\band)(?<!\bso)(?<!\bout)(?<!\bthough)[ \t]+"
    rf"(?P<tag>{_INTERJECTION}{_TAG_BODY}|(?!that\b){_TAG_BODY})[ \t]*[.!]?$",
    re.IGNORECASE,
)
# A chat message's line: a clock time or a speaker's name before a colon ("[10:02] kit: ...", "mia: ...").
_CHAT_LINE = re.compile(r"\W*(?:\d{1,2}[:.]\d{2}|@?[\w.-]+(?:[ \t][\w.-]+)?:)")
_NOTICE_LABEL = re.compile(r"\W*(?:note|disclaimer|editor|update|correction|warning|important|caution)\b", re.I)
_TAG_HEAD_WORDS = 3  # the claim before a run-on tag: at least this many words after the line's label


def _run_on_tag(doc: str, unit: Span) -> re.Match[str] | None:
    """The falsity tag run on at the end of ``unit``, a whole line, after a claim of its own (not after a verb of
    saying: "the council said it is not true")."""
    tag = _TAIL_TAG.search(unit.text(doc))
    line = doc[doc.rfind("\n", 0, unit.start) + 1 : unit.end]
    chat = _CHAT_LINE.match(line)
    if tag is None or doc[unit.end : unit.end + 1] not in ("", "\n") or chat is None or _NOTICE_LABEL.match(line):
        return None
    head = without_label(doc, Span(unit.start, unit.start + tag.start()))
    said = head.text(doc)
    return tag if len(said.split()) >= _TAG_HEAD_WORDS and not _SAYING_END.search(said) else None


_TAG_ALONE = re.compile(rf"(?:{_INTERJECTION})?{_TAG_BODY}[ \t]*[.!]?$", re.IGNORECASE)


def _run_on_opening(text: str) -> int | None:
    """Where the last capitalised word that may open a marker starts after words with no closing punctuation, when
    at most :data:`_RUN_ON_MARKER` words follow it."""
    opening = [m.start() for m in _WORD_START.finditer(text) if _OPENS_MARKER.match(text, m.start())]
    # after a word, not after a verb that introduces speech ("she said That never happened.")
    opening = [w for w in opening if text[:w].rstrip()[-1:].isalnum() and not _SAYING_END.search(text[:w])]
    if not opening or len(text[opening[-1] :].split()) > _RUN_ON_MARKER or _titled(text[opening[-1] :]):
        return None  # nor the end of a title ("Disasters That Never Happened.")
    return opening[-1]


def _trailing_markup(doc: str, unit: Span) -> int:
    n = 0
    while unit.end - n > unit.start and doc[unit.end - n - 1] in _MARKUP:
        n += 1
    return n


def _never_happened(doc: str, unit: Span) -> bool:
    return cues.says_it_never_happened(without_label(doc, unit).text(doc))


def _asked(sentence: str) -> bool:
    return sentence.rstrip("\"'”’)]} \t\n").endswith("?")


def _same_paragraph(doc: str, a: Span, b: Span) -> bool:
    return "\n" not in doc[a.end : b.start]


_DENIAL_STYLE = 2  # marker sentences (denials or framings) that make a document one that marks its claims so


def _unbracketed(
    doc: str, sentences: list[Span], lines: list[Span], taken: list[Span], model: FramingModel
) -> tuple[list[Annotation], list[Span]]:
    """The unbracketed annotations among ``sentences`` (the document's units), and the units that only the denial
    grammar (:func:`relocalize.detect.cues.denies_previous`) took for one. A framing lies on one of the screened
    ``lines``; a denial need not, as it may use no framing word at all ("Nobody ever announced that.")."""
    out: list[Annotation] = []
    denied: list[Span] = []
    free = [u for u in sentences if not any(t.overlaps(u) for t in taken)]
    screened = [_on(lines, u) for u in free]
    ends = [u.end for u in sentences]
    # the sentence right before each, screened or not
    prevs = [sentences[i - 1].text(doc) if (i := bisect_right(ends, u.start)) else "" for u in free]
    strict = [_denial(doc, u, prev, screened=on) for u, prev, on in zip(free, prevs, screened)]
    # a denial that answers a question is the answer's own ("Did the pier shut? It never happened.")
    framings = [
        _annotation_in(doc, u, model) if on and not (_asked(prev) and _never_happened(doc, u)) else None
        for u, on, prev in zip(free, screened, prevs)
    ]
    # a document that marks its claims with sentences (denials or framings) marks them so after a negative sentence too
    styled = sum(bool(f) or d for f, d in zip(framings, strict)) >= _DENIAL_STYLE
    for unit, prev, on, denial, found in zip(free, prevs, screened, strict, framings):
        if found is None and (denial or (styled and _denial(doc, unit, prev, styled, screened=on))):
            found = (unit, None, "negation")  # no pointer: it carries on a marker right before it, else points back
            denied.append(unit)
        elif not on:
            continue  # what carries on a framing holds a framing word: it lies on a screened line
        span, pointer, framing = found if found else (unit, None, None)
        if framing is not None and cues.bare_verdict(without_label(doc, unit).text(doc)):
            denied.append(unit)  # "It was bogus.": it counts where the document marks claims so elsewhere too
        prev = out[-1] if out else None
        adjacent = (
            prev is not None
            and prev.kind == "unbracketed"
            and _same_paragraph(doc, prev.span, span)
            and not doc[prev.span.end : span.start].strip(_MARKUP)
        )
        text = unit.text(doc)
        if framing is not None:
            continues = pointer is None  # a framing that names no direction carries on the one before
        elif prev is not None and (prev.direction == "forward" or cues.direction(text) == prev.direction):
            continues = cues.is_continuation(text)
        else:
            continues = cues.has_falsity(text)
        if prev is not None and adjacent and (pointer == prev.direction or continues):
            span = Span(span.start, span.end if framing else unit.end - _trailing_markup(doc, unit))
            joined = Span(prev.span.start, span.end)
            out[-1] = Annotation(joined, prev.direction, "unbracketed", "", (*prev.parts, span), prev.framing)
            continue
        if framing is not None:
            line = Span(span.start, len(doc) if (end := doc.find("\n", span.end)) < 0 else end)
            aside = _bracket_closed(doc, _with_dash(doc, span), line)
            if aside is not None:
                out.append(Annotation(aside, pointer or "backward", "unbracketed", "", (aside,), framing))
    return out, denied


# A dash that sets a marker sentence off from the sentence it follows on its line ("... cash. — This entry is made up.")
_SET_OFF_CHARS = 8  # the stop, closing marks, spaces and a dash or two before the marker
_SET_OFF = re.compile(rf"[.!?][\"'”’)]*[ \t]+([{_DASHES}]{{1,2}}[ \t]+)$")


def _with_dash(doc: str, span: Span) -> Span:
    """``span`` with the dash that sets it off after a sentence on its line: the marker's, gone with it."""
    dash = _SET_OFF.search(doc, max(0, span.start - _SET_OFF_CHARS), span.start)
    return Span(dash.start(1), span.end) if dash else span


def _denial(doc: str, unit: Span, prev: str, styled: bool = False, screened: bool = True) -> bool:
    """True for a sentence that denies ``prev``, the one before it (:func:`relocalize.detect.cues.denies_previous`),
    or is a falsity tag alone ("Total fabrication, that.", :func:`relocalize.detect.cues.tag_sentence`), where
    that one asserts a claim: not when it already denies, calls false, reports or asks ("The mayor did not resign.
    No such letter exists." is a fact-check's own local negation), or states a general habit ("Towns usually
    hold a memorial. No such memorial was held."). In a document ``styled`` with denials, one after a negative, reported
    or general claim counts too ("The bridge will no longer be orange. The story is false; it still is."), and so does
    a short negative sentence that takes up the words of the one before it ("The locals call it Urdina. No local ever
    used that name."). A sentence on a line the framing screen does not fire on (not ``screened``) counts only as a
    denial by anaphora (:data:`relocalize.detect.cues.ANAPHORIC_DENIAL`: "Nobody ever said that.")."""
    text = unit.text(doc)
    closed = len(text.split()) >= 2 and text.rstrip("\"'”’)]}>").endswith((".", "!"))  # not "False." alone
    if not screened:
        denies = closed and cues.ANAPHORIC_DENIAL.search(text) is not None and not cues.REPORTED_CLAIM.search(text)
    else:
        need = cues.denial_overlap(text) if styled and closed else None
        restating = need is not None and len(content_stems(text) & content_stems(prev)) >= need
        said = cues.denies_previous(text) and (closed or _statement(text))
        denies = said or (cues.tag_sentence(text) and closed) or restating
    if not denies or not prev:
        return False
    negative = cues.denies(prev) and not styled
    reports = cues.reports_or_generalises(prev) and not styled
    return not (negative or reports or cues.has_falsity(prev) or "?" in prev)


def find_annotations(doc: str, model: FramingModel | None = None, claims: list[str] | None = None) -> list[Annotation]:
    """All notices and inline annotations of ``doc``, in document order (``model``: the bundled framing classifier
    when None; ``claims``: what the caller says the document claims, which decides the direction of markers nothing
    else does)."""
    model = model or load_model()
    lines = screened_lines(doc)
    bracketed = _bracketed(doc, lines, model, claims or [])
    unit_list = _run_on_denials(doc, units(doc, [a.span for a in bracketed]))
    notices = _notices(doc, unit_list, model)
    taken = [a.span for a in bracketed + notices]
    inline, denied = _unbracketed(doc, unit_list, lines, taken, model)
    # A denial sentence alone ("That bridge was never built.") may be a true story's own: it counts as a marker
    # where the document marks claims so elsewhere too (a second denial, or any other annotation).
    others = [a for a in inline if not set(a.parts) <= set(denied)]
    if len(denied) == 1 and not (taken or others):
        inline = others
    notices = [_with_label(doc, n, bracketed) for n in notices]
    bracketed = [b for b in bracketed if not any(n.span.contains(b.span) for n in notices)]
    notices, inline = _one_kind(doc, bracketed + inline, notices), _one_kind(doc, bracketed + notices, inline)
    return sorted((_in_markup(doc, a) for a in notices + _one_usage(doc, bracketed + inline)), key=lambda a: a.span)


def _with_label(doc: str, notice: Annotation, bracketed: list[Annotation]) -> Annotation:
    """``notice`` with a bracketed label that opens its line right before it ("[Fiction disclaimer] This post
    describes ..."): the label's, not a marker of the sentence after the notice."""
    for b in bracketed:
        before = b.span.end <= notice.span.start and not doc[b.span.end : notice.span.start].strip()
        if before and not line_around(doc, b.span)[1].strip():
            span = Span(b.span.start, notice.span.end)
            return replace(notice, span=span, parts=(span,))
    return notice


def _one_kind(doc: str, others: list[Annotation], sentences: list[Annotation]) -> list[Annotation]:
    """``sentences`` (unbracketed annotations and notices) less a lone one of a kind no other annotation of the
    document has, that neither points, denies nor calls anything false: a document annotates its claims one way, so
    "Contains a source of phenylalanine." among "(invented)" markers, or a closing paragraph "Oats are a good source
    of energy.", is content the classifier misread, not an unreliable source ("This is fiction too." among them is
    a marker whatever its kind)."""
    kinds = Counter(a.framing for a in others + sentences)
    return [a for a in sentences if kinds[a.framing] > 1 or len(kinds) == 1 or _speaks_of_truth(a.span.text(doc))]


def _speaks_of_truth(text: str) -> bool:
    """True for a sentence that points back ("Those savings are imaginary."), denies or calls something false ("The
    vouchers are fictional.", "Another piece of make-believe."), or speaks of the document or opens with a notice's
    label ("Reader advisory: some events are dramatised.")."""
    return (
        bool(_POINTS_BACK.match(text))
        or cues.has_pointer(text)
        or cues.has_falsity(text)
        or cues.called_false(text)
        or cues.tag_sentence(text)
        or cues.denies(text)
        or cues.refers_to_document(text)
    )


_POINTS_BACK = re.compile(rf"\W*(?:{'|'.join(DEMONSTRATIVES)})\b", re.IGNORECASE)


def _one_usage(doc: str, inline: list[Annotation]) -> list[Annotation]:
    """Inline markers with "fiction" read as "false" where the document's other inline markers call
    sentences false: "[That is false.] ... [Pure fiction.]" marks two false sentences, not a story; and so are
    markers of doubt where most of them do ("(Not true:)", "{Unfounded:}", "[Daydream]": a document marks its claims
    one way, and a stance of doubt on one of them is rejected by readers of corpora 97 and 98). A
    closing marker ("[End of the fiction.]") is no evidence: it only ends what another opened."""
    negations = sum(a.framing == "negation" and not _CLOSES.search(_words(doc, a)) for a in inline)
    if not negations:
        return inline
    kinds = {"fiction"} | (DOUBTS if 2 * negations > len(inline) else set())
    return [replace(a, framing="negation") if a.framing in kinds else a for a in inline]


def _words(doc: str, ann: Annotation) -> str:
    """The words of ``ann``: a marker without its brackets or rule marks ("<invented>" and "/// FALSE START ///"
    close nothing)."""
    text = ann.span.text(doc)
    if ann.kind != "bracketed":
        return text
    return _inner(text) if text[:1] in BRACKETS else text.strip(RULE_MARKS + " ")


def _in_markup(doc: str, ann: Annotation) -> Annotation:
    """``ann`` with the emphasis that encloses nothing but it ("**This is false.**") as part of it."""
    span = with_markup(doc, ann.span)
    if span == ann.span:
        return ann
    if len(ann.parts) == 1:
        return replace(ann, span=span, parts=(span,))
    first, *middle, last = ann.parts
    parts = (Span(span.start, first.end), *middle, Span(last.start, span.end))
    return replace(ann, span=span, parts=parts)


def screened_lines(text: str) -> list[Span]:
    """The lines of ``text`` on which the framing screen fires."""
    out = []
    start = 0
    for line in text.split("\n"):
        if SCREEN.search(line):
            out.append(Span(start, start + len(line)))
        start += len(line) + 1
    return out


def may_hold_annotations(text: str) -> bool:
    """False when ``text`` certainly holds no framing (no line the screen fires on)."""
    return SCREEN.search(text) is not None
