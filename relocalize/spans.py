"""Character spans and the sentence/line splitter every stage shares.

Offsets are Python ``str`` indices into the original document. The splitter is
rule based on purpose: it must be cheap (it runs before any model) and it must
treat a line without final punctuation (chat line, list item, heading, table
row) as a unit of its own.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from relocalize.lexicon import BRACKETS, MONTHS, NO_WORDS, NUMBER_WORDS, TIME_WORD, YES_WORDS

# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "jr",
        "sr",
        "vs",
        "etc",
        "no",
        "fig",
        "figs",
        "al",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "est",
        "approx",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "rev",
        "hon",
        "univ",
        "vol",
        "pp",
        "ed",
        "eds",
        "cf",
        "ie",
        "eg",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mt",
        "ft",
        "ss",  # saints, and the religious titles before a name: "SS. Cyril and Methodius", "Fr. Tomasz"
        "sts",
        "ste",
        "fr",
        "eg",
        "ie",
        "am",
        "pm",
    ]
)
# Marks a footnote puts right after a sentence's closing punctuation ("false.*", "false.†", "false.¹").
FOOTNOTE_MARKS = "*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰"
# Closing punctuation, then closing quotes, brackets, emphasis and footnote marks.
_SENT_END = re.compile(rf"[.!?…]+[\"'”’)\]_{FOOTNOTE_MARKS}]*(?=\s+|$)")
# Emoji that end a post's sentence in place of a full stop, before a capital that opens the next ("... from the
# smallest post office 🇺🇸📮 It's up on stilts now!"), after a sentence's worth of words (not "I ❤️ London").
# Pictographs and flags, and the older symbols only in their emoji form ("☀️", not an arrow or a tick: "Oban ➡ Mull").
_EMOJI = "(?:[\U0001f1e6-\U0001f1ff\U0001f300-\U0001faff]|[\u2600-\u27bf]\ufe0f)"
_EMOJI_END = re.compile(rf"(?<=[\w)])(?:[ \t]*{_EMOJI}[\ufe0f\u200d\U0001f3fb-\U0001f3ff]*)+(?=[ \t]+[A-Z][a-z'’])")
_EMOJI_SENTENCE_WORDS = 4


@dataclass(frozen=True, order=True)
class Span:
    """A half-open ``[start, end)`` character range."""

    start: int
    end: int

    def text(self, doc: str) -> str:
        return doc[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


def trim(doc: str, start: int, end: int) -> Span:
    """Shrink ``[start, end)`` so it neither starts nor ends with whitespace."""
    while start < end and doc[start].isspace():
        start += 1
    while end > start and doc[end - 1].isspace():
        end -= 1
    return Span(start, end)


_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")


def _is_abbreviation(doc: str, dot: int) -> bool:
    """True when the full stop at ``dot`` closes an abbreviation or an initial."""
    if doc[dot] != ".":
        return False
    word_start = dot
    while word_start > 0 and (doc[word_start - 1].isalpha() or doc[word_start - 1] == "."):
        word_start -= 1
    word = doc[word_start:dot].replace(".", "")
    if not word:
        return False
    if len(word) == 1 and word.isupper():  # an initial: "E. Smith"; not a unit: "14°C.", "90 °F."
        return not doc[max(0, word_start - 2) : word_start].rstrip().endswith("°")
    if _INITIALS.fullmatch(doc, word_start, dot):  # initials before a word: "A.P. Moller", "79 A.D. and"; not "P.S. ("
        return doc[dot + 1 : dot + 3].strip()[:1].isalpha()
    return word.lower() in _ABBREVIATIONS


def _runs_on(doc: str, end: re.Match[str], line_end: int) -> bool:
    """True for an exclamation or question mark the sentence goes on after in lower case: part of a name
    ("Microsoft Plus! for Windows", "Yahoo! shares") or of an aside ("'Stop!' he said")."""
    if end.group()[0] not in "!?":
        return False
    following = doc[end.end() : min(line_end, end.end() + 8)].lstrip()
    return following[:1].islower()


# A short word's full stop inside a bracket, and the rest of the bracket in a few words that go on in lower case or
# with a number ("(ref. 4)", "[cf. ch. 3]", "(d. 1980)"; not "[FAKE ▸ It closed. ◂ END]").
_SHORT_WORD_END = re.compile(r"(?<![\w.])[A-Za-z]{1,5}\.$")
_BRACKET_REST = re.compile(r"[ \t]+[a-z0-9][^.!?()\[\]\n]{0,23}[)\]]")


def _in_short_bracket(doc: str, end: re.Match[str], line_start: int) -> bool:
    """True for a short word's full stop inside a bracket opened before it on its line and closed a few words after
    it ("(ref. 4)"): an abbreviation's, not a sentence's end."""
    lead = doc[line_start : end.end()]
    short = _SHORT_WORD_END.search(lead) is not None
    return short and _open_bracket(lead) and _BRACKET_REST.match(doc, end.end()) is not None


def _open_bracket(lead: str) -> bool:
    """True when ``lead`` ends inside a bracket it opened: its last "(" or "[" after its last close, and no
    emoticon's (":(")."""
    for open_, close in ("()", "[]"):
        at = lead.rfind(open_)
        if at > lead.rfind(close) and not lead[:at].endswith((":", ";", "=")):
            return True
    return False


def sentences(doc: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Split ``doc[start:end]`` into trimmed sentence spans.

    Newlines always end a unit, so lines without final punctuation stand alone; so does nothing else that goes on
    in lower case (an abbreviation's full stop, "Plus! for Windows").
    """
    end = len(doc) if end is None else end
    out: list[Span] = []
    line_start = start
    while line_start < end:
        nl = doc.find("\n", line_start, end)
        line_end = end if nl == -1 else nl
        cursor = line_start
        ends = [*_SENT_END.finditer(doc, line_start, line_end), *_EMOJI_END.finditer(doc, line_start, line_end)]
        for m in sorted(ends, key=lambda m: m.start()):
            if m.re is _EMOJI_END and len(doc[cursor : m.start()].split()) < _EMOJI_SENTENCE_WORDS:
                continue
            if _is_abbreviation(doc, m.start()) or _runs_on(doc, m, line_end) or _in_short_bracket(doc, m, line_start):
                continue
            span = trim(doc, cursor, m.end())
            if span.start < span.end:
                out.append(span)
            cursor = m.end()
        span = trim(doc, cursor, line_end)
        if span.start < span.end:
            out.append(span)
        line_start = line_end + 1
    return out


def changed_slice(a: str, b: str) -> tuple[int, int]:
    """The range of ``a`` that differs from ``b``: ``a`` less the prefix and suffix they share."""
    p = 0
    while p < min(len(a), len(b)) and a[p] == b[p]:
        p += 1
    s = 0
    while s < min(len(a), len(b)) - p and a[len(a) - 1 - s] == b[len(b) - 1 - s]:
        s += 1
    return p, len(a) - s


_BLANK_LINE = re.compile(r"\n[ \t]*(?=\n)")


def paragraphs(doc: str) -> list[Span]:
    """Blocks of text separated by blank lines, trimmed (one pass over the separators: a regex that walks
    every character of a paragraph through an alternation grows worse than linearly on a megabyte line)."""
    out = []
    start = 0
    for m in [*_BLANK_LINE.finditer(doc), None]:
        end = len(doc) if m is None else m.start()
        span = trim(doc, start, end)
        if span.start < span.end:
            out.append(span)
        start = end if m is None else m.end()
    return out


TEXT_CHAR = re.compile(r"\S")


_FRAME = " \t│┃|║"
_FINISHED = tuple('.!?;:"”’)]…')
_ITEM = re.compile(r"[ \t]*(?:[-*•#>]|\d{1,3}[.)]\s|\[\d|\|)")
_PROSE_WIDTH = 40
_WRAP_SLACK = 4  # a hand-wrapped line may run a few characters past the width it keeps to


def _line(doc: str, pos: int) -> tuple[int, int]:
    start = doc.rfind("\n", 0, pos) + 1
    end = doc.find("\n", pos)
    return start, len(doc) if end < 0 else end


def _unfinished(content: str) -> bool:
    return len(content) >= _PROSE_WIDTH and not content.endswith(_FINISHED)


def _wraps_into(line: str, nxt: str) -> bool:
    """True when ``nxt`` may be the line that wrapping at a fixed width carried on from ``line``: its first word did
    not fit on ``line``, and it is no wider than that width allows (a title over a paragraph line is no wrapped
    prose: "Lighthouse to go dark after 150 years" over a line of three sentences)."""
    line, nxt = line.strip(_FRAME), nxt.strip(_FRAME)
    first = nxt.split(maxsplit=1)[0] if nxt else ""
    return len(nxt) <= len(line) + len(first) + _WRAP_SLACK


def hard_wrapped(doc: str, unit: Span) -> bool:
    """True when ``unit`` is part of a sentence hard-wrapped over lines (fixed-width text, a text box).

    Either it ends its line, the line's prose is unfinished (no closing punctuation) and the next
    line goes on, or it opens a line after an unfinished line of prose (in lower case, or inside a
    text box); either way the line after is no wider than a wrap allows (:func:`_wraps_into`). Short lines
    (headings, labels), list items, table rows, threaded replies and chat lines are not wrapped prose.
    """
    start, _ = _line(doc, unit.start)
    _, end = _line(doc, unit.end)
    if end < len(doc):
        nxt = doc[end + 1 : _line(doc, end + 1)[1]]
        ends_line = not doc[unit.end : end].strip(_FRAME)
        line = doc[start:end]
        item = _ITEM.match(nxt) or _REPLY.match(nxt)  # a list item, a table row, a threaded reply
        unfinished = nxt.strip(_FRAME) and not item and _unfinished(line.strip(_FRAME))
        if ends_line and unfinished and _wraps_into(line, nxt):
            return True
    if start == 0 or doc[start : unit.start].strip(_FRAME) or _ITEM.match(doc[start:end]):
        return False
    prev_start, prev_end = _line(doc, start - 1)
    framed = doc[prev_start:prev_end].lstrip(" \t")[:1] in _FRAME.strip()  # inside a text box
    opens_sentence = unit.text(doc)[:1].isupper() and not framed  # a new sentence after an unfinished line
    prev = doc[prev_start:prev_end]
    return not opens_sentence and _unfinished(prev.strip(_FRAME)) and _wraps_into(prev, doc[start:end])


def _line_around(doc: str, unit: Span, skip: list[Span]) -> tuple[str, str]:
    """The text on ``unit``'s line before and after it, less the ``skip`` spans (annotations)."""
    start = doc.rfind("\n", 0, unit.start) + 1
    end = doc.find("\n", unit.end)
    end = len(doc) if end == -1 else end
    before, after = [], []
    cursor = start
    for s in sorted(skip):
        if start <= s.start and s.end <= unit.start:
            before.append(doc[cursor : s.start])
            cursor = s.end
    head = "".join(before) + doc[cursor : unit.start]
    cursor = unit.end
    for s in sorted(skip):
        if unit.end <= s.start and s.end <= end:
            after.append(doc[cursor : s.start])
            cursor = s.end
    return head.rstrip(_FRAME), ("".join(after) + doc[cursor:end]).strip(_FRAME)


def continuation(doc: str, unit: Span, skip: list[Span]) -> str | None:
    """How ``unit`` continues a sentence that annotations (the ``skip`` spans) cut in two: "clause" when
    the text before it leaves a sentence open ("..., and [The following is false.] X"),
    "abbreviation" when that text ends in an abbreviation's full stop ("... on Oct. [False.] 8 the
    order came"); None when the unit starts a sentence."""
    head, _ = _line_around(doc, unit, skip)
    if _MARK_ALONE.fullmatch(head):
        return None  # "- [Invented.] X": a bullet or a number, not a dash or an abbreviation
    if head.endswith(".") and _is_abbreviation(head, len(head) - 1):
        return "abbreviation"
    if (head and head[-1] in ",;-–—") or head.endswith((" and", " but", " or")):
        return "clause"
    return None


def cut_at_abbreviation(doc: str, unit: Span, skip: list[Span]) -> bool:
    """True when ``unit`` ends in an abbreviation's full stop and its line goes on after the ``skip``
    spans: an annotation stands inside the sentence ("... at 4 a.m. [False.] on the 15th")."""
    _, tail = _line_around(doc, unit, skip)
    body = unit.text(doc).rstrip()
    return bool(tail) and body.endswith(".") and _is_abbreviation(body, len(body) - 1)


def inside_quotation(doc: str, unit: Span) -> bool:
    """True when ``unit`` starts inside a quotation opened earlier in its paragraph ('"We left. [X]
    The road was blocked," she said.'): words put in front of it would land in the speaker's mouth."""
    start = doc.rfind("\n\n", 0, unit.start) + 1
    before = doc[start : unit.start]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


_DAY = (  # "8 Aug 2023, ", "March 3 ", "04/08/2024 "
    r"(?:(?:\d{1,2}[ \t]+[A-Za-z]{3,9}\.?|[A-Za-z]{3,9}\.?[ \t]+\d{1,2})(?:,?[ \t]+\d{4})?"
    r"|\d{1,2}/\d{1,2}/\d{2,4}),?[ \t]+"
)
# A post's date or age after its handle, all the line holds: "7 Dec 2024", "Dec 7", "3h", "2 days ago".
_POSTED = (
    rf"(?i:\d{{1,2}}[ \t]+{MONTHS}\.?(?:,?[ \t]+\d{{4}})?|{MONTHS}\.?[ \t]+\d{{1,2}}(?:,?[ \t]+\d{{4}})?"
    r"|\d{1,3}[ \t]*(?:[smhdwy]|mins?|hours?|days?|weeks?|months?|years?)(?:[ \t]+ago)?)"
)
_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?\.?,?[ \t]+"
_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?"
# a time, bracketed maybe with its day and AM/PM as chats stamp it ("[30/06/2023, 15:41]", "[Sat 08:50 PM]", "9:16 AM")
_MERIDIEM = r"[ \t]*[AaPp]\.?[Mm]\.?"
_TIME = rf"(?:[\[(](?:{_WEEKDAY}|{_DAY})?{_CLOCK}(?:{_MERIDIEM})?[\])]|[\[(]?{_CLOCK}(?:{_MERIDIEM})?[\])]?)"
# A speaker label: one to three words (a user name, "Q", "Dr Rao"), maybe a role in brackets ("GUEST (engineer)"),
# optionally in bold, then a colon; in a chat log, after the time or before it ("[20:18] tomlives:", "**[21:14]
# redheadstan:**", "Morag 08:05:", "Olu, 09:15:"); never a colon inside a time ("Morag 08:" of "Morag 08:05: ...").
_MARKUP = "b|i|u|p|em|br|hr|li|ul|ol|td|tr|th|div|span|strong|small|sub|sup|code|pre|h[1-6]"
# A threaded reply's arrow before its author ("↳ u/kate:", "└─ kate:", "↪ @tern · 19:41", "> kate 09:12").
_ARROWS = "↳↪└╰├┗"
_REPLY_ARROW = rf"(?:[{_ARROWS}>][─━—–-]*[ \t]*)?"
_LEADING_ARROW = re.compile(rf"[ \t]*{_REPLY_ARROW}")
_SPEAKER = re.compile(
    rf"[ \t]*{_REPLY_ARROW}[*_]{{0,2}}(?:(?:{_WEEKDAY}|{_DAY})?{_TIME}(?:[ \t]+[—–-])?[ \t]+)?"  # "Fri 14:09 — Kath:"
    rf"[\w@./'’-]{{1,30}}(?: [\w@./'’-]{{1,30}}){{0,2}}(?:[ \t]+\([^()\n]{{1,40}}\))?"  # a role: "GUEST (engineer):"
    rf"(?:,?[ \t]+{_TIME})?[*_]{{0,2}}[ \t]*:(?!\d)[*_]{{0,2}}[ \t]*"
    # an IRC log's "[19:14] <sal_b> ", not markup ("09:30 <b> Talk")
    rf"|[ \t]*{_TIME}[ \t]+<(?!(?:{_MARKUP})>)[@+%&~]?[\w.|^'’-]{{1,30}}>(?:[ \t]+|$)"
)


HANDLE = r"@[\w.-]{1,30}"  # a user's handle ("@kit_r")
# A chat log's header alone on its line: a name of one to three words and the time of the post below it
# ("Priya 10:15", "kestrel_84 — 21:07", "[09:41] Okafor", "Dana Ruiz, 4:05 PM", "@tern · 8 Aug 2023, 19:22"). The
# lines under it, to a blank line
# or the next header, are that person's post.
_NAME_WORD = r"@?[^\W\d_][\w.'’-]{0,29}"
_CHAT_NAME = rf"{_NAME_WORD}(?: {_NAME_WORD}){{0,2}}"
_CHAT_HEADER = re.compile(
    rf"[ \t]*{_REPLY_ARROW}[*_]{{0,2}}(?:{_TIME}[ \t]+(?P<late>{_CHAT_NAME})"  # a reply's arrow: "↳ @tern · 19:41"
    # a thread's handle alone or with a date or age: "↳ @tern", "u/kate", "@kit · 7 Dec 2024", "@kit · 3h"
    rf"|(?P<handle>(?:{HANDLE}|u/[\w.-]{{1,30}}))(?P<stamp>[ \t]*[·|—–][ \t]*{_POSTED})?"
    rf"|(?P<early>{_CHAT_NAME})[ \t]*[—–·,-]?[ \t]*(?:{_DAY})?{_TIME})[*_]{{0,2}}[ \t\r]*"
)


def chat_header_name(line: str) -> str | None:
    """The name of a chat log's header line ("Priya 10:15" -> "priya"), or None when ``line`` is no such header."""
    header = _CHAT_HEADER.fullmatch(line)
    return (header.group("late") or header.group("early") or header.group("handle")).lower() if header else None


# A forum post's header alone on its line: who posted or replied, maybe a number and a stamp after a separator.
_POST_BY = re.compile(
    rf"[ \t]*[*_]{{0,2}}(?:[Pp]osted|[Rr]eply|[Rr]eplied|[Cc]omment|[Aa]nswer|[Rr]esponse)(?:[ \t]+#?\d{{1,4}})?"
    rf"[ \t]+(?:from|by)[ \t]+{_CHAT_NAME}(?:[ \t]*[·|—–,-][^\n]{{0,40}})?[*_]{{0,2}}[ \t]*"
)


def _chat_log(doc: str) -> bool:
    """True when ``doc`` holds header lines of a chat log: a name over two of them at least ("Priya 10:15" ...
    "Priya 10:19"), not a timetable's lines ("Doors open 19:30", "Fireworks 22:00")."""
    names = [chat_header_name(line) for line in doc.split("\n")]
    named = [n for n in names if n]
    return len(set(named)) < len(named)


_BRACKETED = re.compile(r"\[[^\]\n]*\]|\([^)\n]*\)|\{[^}\n]*\}")
# A dated entry's label: a date or number (a range of days or years too: "17-18 May 2024", "1914–18"), a few words
# at most, then a dash or colon ("June 2020 —").
_ENTRY = re.compile(
    r"[ \t]*(?:[-*•+][ \t]+)?[*_]{0,2}(?=[^\n]*\d)(?:[\w,./'’ ]|(?<=\d)[-–](?=\d)){1,30}?[*_]{0,2}[ \t]*[:–—-][ \t]*"
)
# A label of time words alone ("Early June:", "Autumn —", "Spring 2021:"), before the unit or opening it.
_TIME_LABEL = re.compile(
    r"[ \t]*(?:[-*•+][ \t]+)?[*_]{0,2}((?:[\w’'-]+[ \t]+){0,2}[\w’'-]+)[*_]{0,2}(?::|[ \t]*[–—]|[ \t]-)[ \t]+"
)
_TIME_MODIFIERS = frozenset({"early", "mid", "late", "end", "start", "beginning", "of"})
# A name with a small number ("HOST 2:", "Caller 3 —", "Step 4:"): a speaker or a step, not a dated entry, unless a
# word of it is a time word ("June 2:", "Day 3 —").
_NUMBERED_NAME = re.compile(r"[ \t]*[*_]{0,2}([A-Za-z][A-Za-z .'’]*?)[ \t]+\d{1,2}[*_]{0,2}[ \t]*[:–—-][ \t]*")
_COUNTED_TIME = frozenset({"day", "week", "night"})


def line_around(doc: str, span: Span) -> tuple[int, str, str]:
    """Where the line holding ``span`` starts, and its text before and after ``span``."""
    start = doc.rfind("\n", 0, span.start) + 1
    end = doc.find("\n", span.end)
    return start, doc[start : span.start], doc[span.end : len(doc) if end < 0 else end]


# "9. ", "2) ", a minute's "2.3 ", a thread's post "2/ "
_NUMBER = r"(?:\d+[.)](?!\d)|\d{1,3}(?:\.\d{1,3})+[.)]?(?![ \t]+[a-z])|\d{1,2}/(?=[ \t]))"
# A list item's mark: a bullet or a number ("- ", "6. ", "2) ", a minute's "2.3 ", a thread's "2/ ").
_LIST_MARK = rf"[ \t]*(?:[-*•+]|{_NUMBER})"
LIST_ITEM = re.compile(_LIST_MARK + r"[ \t]")
_MARK_ALONE = re.compile(_LIST_MARK + r"[ \t]*")


def whole_item(doc: str, span: Span) -> Span | None:
    """The line from its list mark when ``span`` is all that follows the mark ("5. <claim>"): removing the words
    alone would leave an empty item."""
    start, lead, after = line_around(doc, span)
    return Span(start, span.end) if not after.strip() and _MARK_ALONE.fullmatch(lead) else None


# A line's label before a spaced dash, of a known shape: a dateline (a place in capitals, or a place and its date:
# "GENEVA —", "ST. LOUIS (AP) —", "Prague, 30 June 2022 —"), a step's number ("Stage 3 –") or a letter's salutation
# ("Sir, —"); never a clause ("The council closed the pier — Nobody ...").
_DASH_LABEL = re.compile(
    r"[ \t]*(?:(?P<caps>[A-Z][A-Z.'’ -]{1,30}(?:,[ \t]+[^\n—–]{1,30}?)?)"
    r"|(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}),[ \t]+(?P<date>[^\n—–]{1,30}?)"
    r"|(?P<step>[A-Z][a-z]+[ \t]+\d{1,2})|(?:Sirs?|Madam|Dear[ \t]+[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?),?)"
    r"(?:[ \t]+\([^()\n]{1,30}\))?[ \t]+[—–][ \t]+(?=[\"“‘]?[A-Z0-9])"
)
_LETTERED = re.compile(r"[^\W\d_]{2,}")  # a word of letters


def _dash_label(doc: str, start: int, after: str) -> re.Match[str] | None:
    """The dash label at ``start`` (:data:`_DASH_LABEL`) when the line goes on with words after the unit (``after``,
    markers aside): a dateline, a step's number that dates nothing ("Day 4 —" is a timeline's entry, which goes with
    its claim: :func:`entry_label`) or a salutation."""
    label = _DASH_LABEL.match(doc, start)
    if label is None or len(_LETTERED.findall(_BRACKETED.sub(" ", after))) < 2:
        return None
    if label["place"] and not TIME_WORD.search(label["date"]):
        return None  # "Paris, the capital —" is no dateline
    return None if label["step"] and not _numbered_name(label.group()) else label


def after_label(doc: str, span: Span) -> Span:
    """``span`` less the speaker label, list mark or dash label it opens its line with ("ROSA: ", "6. ", "GENEVA —
    "), when the line goes on after it: the rest of the turn, item or entry keeps its label."""
    start, _, after = line_around(doc, span)
    label = _SPEAKER.match(doc, start) or LIST_ITEM.match(doc, start) or _dash_label(doc, start, after)
    label = label if span.start == start else None
    if label is None or not after.strip() or label.end() >= span.end:
        return span
    return Span(label.end(), span.end)


def opening_label_kept(doc: str, span: Span, removed: list[Span]) -> Span:
    """``span`` less the chat log's label it opens with ("[20:18] tom: ") when only removals (``removed``: the
    annotations and other dropped units) come before it on its line ("[false] [20:18] tom: <claim> more words"):
    the rest of the line, unless they take it too, keeps its label. (A name and a colon after a marker may be a
    title, "Advanced Python: Design Patterns".)"""
    line_start, _, after = line_around(doc, span)
    label = _SPEAKER.match(doc, span.start, span.end)
    if label is None or span.start == line_start or label.end() >= span.end:
        return span
    if not _STAMP.match(label.group()) or not _only(doc, Span(line_start, span.start), removed):
        return span
    rest = Span(span.end, span.end + len(after))
    return span if _only(doc, rest, removed) else Span(label.end(), span.end)


_STAMP = re.compile(rf"[ \t*_]*{_TIME}")  # a chat log's time, before a speaker's name


def without_label(doc: str, span: Span) -> Span:
    """``span`` less the speaker label it opens with ("BEN: ", "**u/tom:** "), if any."""
    label = _SPEAKER.match(doc, span.start, span.end)
    return Span(label.end(), span.end) if label and label.end() < span.end else span


def bare_label(doc: str, span: Span) -> bool:
    """True when ``span`` is a speaker label alone ("u/kate wrote:", "Reply from kit:") or a forum post's header
    ("Posted by kit", "Reply #3 from ana_b · 2 days ago")."""
    found = _SPEAKER.fullmatch(doc, span.start, span.end) or _POST_BY.fullmatch(doc, span.start, span.end)
    return found is not None


def opens_turn(doc: str, span: Span) -> bool:
    """True when ``span`` opens a speaker's turn or post: its line opens with a label ("BEN: ..."), or the line
    above holds a label alone ("u/kate wrote:")."""
    start = doc.rfind("\n", 0, span.start) + 1
    if (label := _SPEAKER.match(doc, start)) and not doc[label.end() : span.start].strip():
        return True
    return not doc[start : span.start].strip() and _label_above(doc, start) is not None


def _label_above(doc: str, start: int) -> int | None:
    """Where the line above the line at ``start`` starts, when it holds a speaker label alone ("u/kate wrote:",
    "Reply from kit"), a post's handle and date ("@kit · 7 Dec 2024") or a chat log's header ("Priya 10:15", "@kit",
    where a name heads two posts)."""
    if start == 0:
        return None
    above = doc.rfind("\n", 0, start - 1) + 1
    found = _CHAT_HEADER.fullmatch(doc, above, start - 1)
    # a post's handle and stamp ("@kit · 7 Dec 2024") head it alone; other headers, where a name heads two posts
    header = found is not None and (found.group("stamp") is not None or _chat_log(doc))
    return above if bare_label(doc, Span(above, start - 1)) or header else None


def speaker_turn(doc: str, span: Span) -> Span | None:
    """The whole line when ``span`` is all that follows a speaker label on it ("user42: ...",
    "**A:** ...", "Q: ...") and the next line opens another turn (or there is none): removing the
    words alone would leave an empty turn. So also for a dated entry ("June 2020 — ...")."""
    start, lead, after = line_around(doc, span)
    if after.strip() or not lead.strip():
        return None
    if entry_label(doc, span):  # a date line's label ("ATHENS, 15 May 2018 —") labels nothing else
        return Span(start, span.end)
    rest = doc[span.end + len(after) :]
    following = rest.lstrip().split("\n", 1)[0]
    # in turns written line after line, a blank line ends the exchange ("Q: ...\nA: <span>\n\nThe island ...")
    before = doc[: max(start - 1, 0)].rsplit("\n", 1)[-1]
    ended = start > 0 and _BLANK_LINE.match(rest) is not None and _SPEAKER.match(before) is not None
    if following and not (ended or _SPEAKER.match(following) or _ENTRY.match(following)):
        return None  # the turn goes on below: its label stays with the rest
    labelled = _SPEAKER.fullmatch(doc, start, span.start) or _ADDRESSED.fullmatch(doc, start, span.start)
    return Span(start, span.end) if labelled else None


# The names a reply answers, before what it says ("@ana, @tom: ...").
ADDRESSEES = rf"(?:{HANDLE}[,:]?[ \t]+)+"
_NAMES_ALONE = rf"(?:{ADDRESSEES})?{HANDLE}[,:]?[ \t]*"
# A reply's label and the names it answers, nothing else ("↳ kit: @ana @tom"): left alone, an empty turn.
_ADDRESSED = re.compile(rf"(?:{_SPEAKER.pattern}){_NAMES_ALONE}")
_ADDRESSEES_ALONE = re.compile(rf"[ \t]*{_NAMES_ALONE}")


def labelled_post(doc: str, span: Span) -> Span | None:
    """``span`` from the label line above it when ``span`` is all of a post written under a label alone on its line
    ("u/kate wrote:\n<claim>\n\n", "Priya 10:15\n<claim>\nTom 10:16"): removing the words alone would leave an
    empty post."""
    start = doc.rfind("\n", 0, span.start) + 1
    # "@kit <claim>" would leave the name alone
    lead = not doc[start : span.start].strip() or _ADDRESSEES_ALONE.fullmatch(doc, start, span.start)
    if start == 0 or not lead or doc[span.end : _post_end(doc, span.end)].strip():
        return None
    label = _label_above(doc, start)
    return Span(label, span.end) if label is not None else None


def _post_end(doc: str, pos: int) -> int:
    """Where the post holding ``pos`` ends: at a blank line, a chat log's header line, a threaded reply under its
    author's name ("↳ kit: ...", "↳ @kit"; not a bare arrow's line) or the end of ``doc``."""
    end = doc.find("\n\n", pos)
    end = len(doc) if end < 0 else end
    chat, line = _chat_log(doc), doc.find("\n", pos)
    while 0 <= line < end:
        nxt = doc.find("\n", line + 1)
        stop = end if nxt < 0 else min(nxt, end)
        header = chat and _CHAT_HEADER.fullmatch(doc, line + 1, stop)
        if header or (_REPLY.match(doc, line + 1) and _named(doc, line + 1, stop)):
            return line
        line = nxt
    return end


_REPLY = re.compile(rf"[ \t]*[{_ARROWS}]")  # a threaded reply's arrow opening its line


def _named(doc: str, start: int, end: int) -> bool:
    """True when the line ``doc[start:end]`` opens with its author's name: a speaker label or a header alone."""
    return bool(_SPEAKER.match(doc, start) or _CHAT_HEADER.fullmatch(doc, start, end))


_NUMBERED_LINE = re.compile(rf"^[ \t]*(?={_NUMBER})(\d{{1,3}}(?:\.\d{{1,3}})*)[.)/]?[ \t]+", re.M)
# A count of the things a list holds, in its title: a number, at most two words, then a plural ("Eight things
# every rider should know", "7 quick facts", "Top 10 crossings").
_COUNT_WORDS = {w: n for w, n in NUMBER_WORDS.items() if n >= 3}
_COUNT = re.compile(rf"\b({'|'.join(_COUNT_WORDS)}|\d{{1,2}})\s+(?:[\w'’-]+\s+){{0,2}}[a-z]+s\b", re.IGNORECASE)


_ITEM_TITLE = re.compile(r"[ \t]*[*_]{0,2}(?:[^\s.!?]+[ \t]+){0,7}[^\s.!?]+[.!?][*_]{0,2}")
_ITEM_END = re.compile(rf"\n[ \t]*\n|^[ \t]*{_NUMBER}[ \t]", re.M)


def _listed(name: str, names: list[str]) -> bool:
    """True for a list number among ``names``: a whole one ("9"), or a decimal one ("2.3") beside its list's number
    ("2") or another of its sub-items ("2.1"), not a figure ("1.5 MW turbines ...")."""
    prefix, dot, _ = name.rpartition(".")
    return not dot or prefix in names or sum(n.rpartition(".")[0] == prefix for n in names) > 1


class NumberedItems:
    """The numbered items of one document ("9. ..."), their numbers found once: each claim asks whether a drop
    would empty its item (:meth:`emptied`) or bare its title (:meth:`bared_title`)."""

    def __init__(self, doc: str) -> None:
        self.doc = doc
        marks = list(_NUMBERED_LINE.finditer(doc))
        names = [m.group(1) for m in marks]
        self.marks = [m for m in marks if _listed(m.group(1), names)]
        self.starts, self.ends = [m.start() for m in self.marks], [m.end() for m in self.marks]
        self.numbers = [tuple(int(n) for n in m.group(1).split(".")) for m in self.marks]  # "2.3": (2, 3)

    def _item(self, unit: Span) -> int | None:
        """The index of the last list number that opens a line at or before ``unit`` ("2. <unit>", "<unit>" of
        "3/ <unit>"), or None."""
        at = bisect_right(self.starts, unit.start)
        return at - 1 if at else None

    def emptied(self, unit: Span, skip: list[Span]) -> bool:
        """True when ``unit``, with ``skip`` (the annotations and the other claim units), is all of a numbered item
        that the list goes on after ("8. ...\n9. <unit>\n10. ..."): dropped, the list would skip a number."""
        item = self._item(unit)
        if item is None:
            return False
        after, wanted = bisect_left(self.starts, unit.end), (*self.numbers[item][:-1], self.numbers[item][-1] + 1)
        following = next((m for m, n in zip(self.marks[after:], self.numbers[after:]) if n == wanted), None)
        if following is None:  # the last item: dropped, it would leave a list shorter than its title counts
            end = _ITEM_END.search(self.doc, unit.end)
            region = Span(self.marks[item].end(), end.start() if end else len(self.doc))
            return self._counted(self.numbers[item]) and _only(self.doc, region, [unit, *skip])
        return _only(self.doc, Span(self.marks[item].end(), following.start()), [unit, *skip])

    def _counted(self, number: tuple[int, ...]) -> bool:
        """True when the text before the list counts ``number`` things ("Eight things every rider should know",
        "Top 5 ferry crossings"); a sub-item's number ("2.3") counts nothing."""
        if len(number) > 1:
            return False
        before = self.doc[: self.starts[0]] if self.starts else ""
        names = {str(number[0]), *(w for w, n in _COUNT_WORDS.items() if n == number[0])}
        return any(m.group(1).lower() in names for m in _COUNT.finditer(before))

    def bared_title(self, unit: Span, skip: list[Span]) -> bool:
        """True when ``unit``, with ``skip``, is all of a numbered item but its short title ("6. About the
        chandelier. <unit>"): dropped, the item would be a bare title."""
        doc, item = self.doc, self._item(unit)
        found = _ITEM_TITLE.match(doc, self.marks[item].end()) if item is not None else None
        title = Span(found.start(), found.end()) if found else None
        if title is None or title.end > unit.start or any(title.overlaps(s) for s in skip):
            return False
        following = _ITEM_END.search(doc, unit.end)
        return _only(doc, Span(title.end, following.start() if following else len(doc)), [unit, *skip])


# A run-in head: a paragraph's first one to three words, capitalised, closed by a full stop, or by a colon in bold
# ("Flavour. ...", "**Value:** ..."; a speaker's "Q: ..." is no head).
_RUN_IN_HEAD = re.compile(
    r"[ \t]*(?:\*\*[A-Z][\w'’-]*(?:[ \t]+[\w'’-]+){0,2}[.:]\*\*|[A-Z][\w'’-]*(?:[ \t]+[\w'’-]+){0,2}\.)[ \t]+(?=\S)"
)
_HEAD_SERIES = 2  # paragraphs so headed that make a series of them (not one opening "Sadly. ...")


def _abbreviated(head: re.Match[str]) -> bool:
    """True for a head that is an abbreviation's full stop ("Dr. Rao said ...")."""
    return head.group().strip(" \t*.:").split()[-1].lower() in _ABBREVIATIONS


class RunInHeads:
    """The paragraphs of one document that open with a run-in head, when there is a series of them: each claim asks
    whether a drop would leave its head bare ("Flavour. <unit>")."""

    def __init__(self, doc: str) -> None:
        self.doc = doc
        heads = [(p, m) for p in paragraphs(doc) if (m := _RUN_IN_HEAD.match(doc, p.start)) and not _abbreviated(m)]
        self.heads = heads if len(heads) >= _HEAD_SERIES else []

    def bared(self, unit: Span, skip: list[Span]) -> bool:
        """True when ``unit``, with ``skip`` (the annotations and the other claims), is all of a headed paragraph but
        its head."""
        for para, head in self.heads:
            if para.start <= unit.start < para.end:
                return head.end() <= unit.start and _only(self.doc, Span(head.end(), para.end), [unit, *skip])
        return False


_HEADING_WORDS = 8  # a longer line without closing punctuation is a fragment of prose, not a heading
# What closes a sentence at a line's end; a closing parenthesis alone does not ("5. The theme (2023)").
_HEADING_END = re.compile(r"(?:[.!?,;:\"”’\]]|(?<=[.!?])\))\W*$|[.!?,;:\"”’\]]\)$")


def heading(text: str, titled: bool = False, most: int = _HEADING_WORDS) -> bool:
    """True for a paragraph that is one short line (``most`` words) with no closing punctuation and no speaker label
    ("Wildlife incident", "## Getting there"): a section heading; a ``titled`` one may hold a colon ("Pier
    history: a timeline"), as a document's title may."""
    return (
        "\n" not in text
        and 0 < len(text.split()) <= most
        and any(c.isalpha() for c in text)
        and not _HEADING_END.search(text)
        and (titled or _SPEAKER.match(text) is None)
    )


def _first_line(doc: str, para: Span) -> Span:
    """The first line of ``para``: all of it for a one-line paragraph, the heading of a section written without a
    blank line after it ("Fog suspension\nAt 03:48 ...")."""
    end = doc.find("\n", para.start, para.end)
    return para if end < 0 else Span(para.start, end)


# A post's header: a clock time or a numeric date ("[mia_k] 04/08/2024 - 21:52", "**tom** — 20:51").
_POST_STAMP = re.compile(r"\d{1,2}:\d{2}|\d{1,2}/\d{1,2}/\d{2,4}")


# A schedule's heading: a clock time, a dash and words ("11:00 — Find the start", "12:30 — Lunch"), no post's stamp.
_SCHEDULED = re.compile(rf"[ \t]*{_CLOCK}[ \t]+[—–-][ \t]+[A-Z][^\n_@]*$")  # not a handle: "21:52 - mia_k"


def _posted(line: Span, para: Span, doc: str) -> bool:
    """True for a paragraph's first line that stamps a post (:data:`_POST_STAMP`): a header, not a section heading."""
    text = line.text(doc)
    return line != para and _POST_STAMP.search(text) is not None and _SCHEDULED.match(text) is None


_LINE_SPEAKER = re.compile(rf"^(?:{_SPEAKER.pattern})", re.MULTILINE)


class Sections:
    """The headed sections of one document, found once: each claim asks whether a drop would empty one."""

    def __init__(self, doc: str, annotations: list[Span]) -> None:
        self.doc = doc
        headed = [
            h for p in paragraphs(doc) if heading((h := _first_line(doc, p)).text(doc)) and not _posted(h, p, doc)
        ]
        self.headings = [h for h in headed if not _only(doc, h, annotations)]  # a marker alone is no heading
        self.starts = [h.start for h in self.headings]

    def body(self, at: int) -> Span:
        """What the ``at``-th heading heads: up to the next heading; the last one, opening a paragraph, heads that
        paragraph ("Action items\n<unit>\n\nBye."), else all that follows."""
        head = self.headings[at]
        end = self.starts[at + 1] if at + 1 < len(self.starts) else len(self.doc)
        own = self.doc.find("\n\n", head.end)
        if at + 1 == len(self.starts) and own >= 0 and self.doc[head.end : own].strip():
            end = own
        return Span(head.end, end)

    def emptied(self, unit: Span, skip: list[Span]) -> Span | None:
        """The body of the section ``unit`` stands in, when ``unit`` with ``skip`` (the annotations and the other
        claim units) is all it says under its heading ("Wildlife incident\n\n<unit>\n\nGetting there"): dropped
        with the claims beside it, the heading would head nothing."""
        at = bisect_right(self.starts, unit.start) - 1
        if at < 0 or self.headings[at].end > unit.start or any(self.headings[at].overlaps(s) for s in skip):
            return None
        body = self.body(at)
        labels = [Span(m.start(), m.end()) for m in _LINE_SPEAKER.finditer(self.doc, body.start, body.end)]
        return body if _only(self.doc, body, [unit, *skip, *labels]) else None  # "Discussion: <claim>" goes whole


def between_turns_of_one_speaker(doc: str, unit: Span, skip: list[Span]) -> bool:
    """True when ``unit`` (with the annotations and other claims in ``skip``, and asides such as "(laughs)") is all
    of a speaker's turn and the turns before and after it are another speaker's ("ANA: ...\nBEN: <unit>\nANA:
    ..."): dropping the turn would leave that speaker talking twice in a row (an FAQ's answer goes with its question
    instead)."""
    start = doc.rfind("\n", 0, unit.start) + 1
    end = doc.find("\n", unit.end)
    end = len(doc) if end < 0 else end
    label = _SPEAKER.match(doc, start)
    if label is None:
        return _lone_post(doc, start, [unit, *skip])
    asides = [Span(m.start(), m.end()) for m in _BRACKETED.finditer(doc, label.end(), end)]  # "(laughs)"
    if not _only(doc, Span(label.end(), end), [unit, *skip, *asides]):
        return False  # the turn says more than the claim
    if unanswered_question(doc, Span(start, end)) is not None:
        return False  # an FAQ's answer: its question goes with it
    before = doc[:start].rstrip().rsplit("\n", 1)[-1]
    after = doc[end:].lstrip().split("\n", 1)[0]
    names = [speaker_name(line) for line in (before, after)]
    return names[0] is not None and names[0] == names[1] != speaker_name(doc[start:end])


def _lone_post(doc: str, start: int, spans: list[Span]) -> bool:
    """True when ``spans`` are all of a post under a chat header whose line is above ``start`` and the posts before
    and after it are another person's ("Tom 10:15\nno??\n\nPriya 10:15\n<claim>\n\nTom 10:16\n...")."""
    above = _label_above(doc, start)
    end = _post_end(doc, start)
    if above is None or not _only(doc, Span(start, end), spans):
        return False
    own = chat_header_name(doc[above : start - 1])
    before = doc[:above].rstrip()
    earlier = [line for line in before.split("\n") if chat_header_name(line)]
    later = doc[end:].lstrip().split("\n", 1)[0]
    names = [chat_header_name(earlier[-1]) if earlier else None, chat_header_name(later)]
    return own is not None and names[0] is not None and names[0] == names[1] != own


def _only(doc: str, region: Span, spans: list[Span]) -> bool:
    """True when ``region`` of ``doc`` holds nothing but ``spans`` (or parts of them) and whitespace."""
    cursor = region.start
    for span in sorted(s for s in spans if s.end > cursor and s.start < region.end):
        if doc[cursor : span.start].strip():
            return False
        cursor = max(cursor, span.end)
    return not doc[cursor : region.end].strip()


def speaker_name(line: str) -> str | None:
    """The speaker label that opens ``line``, lower case and without markup ("**Dr Rao:**" -> "dr rao"), or None."""
    label = _SPEAKER.match(line)
    return _LEADING_ARROW.sub("", label.group(), count=1).strip(" \t*_:").lower() if label else None


def entry_label(doc: str, span: Span, annotations: Sequence[Span] = ()) -> bool:
    """True when ``span`` follows a date label on its line ("December 2019 — [hoax] Rangers stop ...", "10pm —
    «bogus» Rain begins": ``annotations`` on the line, of any brackets, are left out) or opens with one ("Early
    June: rangers close ...") or follows another claim that opens with one ("May 2024 — <claim>. <span>"): an
    entry of a timeline, which a negation turns into a non-event."""
    lead = _bare_lead(doc, span, annotations)
    if (
        lead.strip()
        and not _numbered_name(lead)
        and (_ENTRY.fullmatch(lead) or _time_label(_TIME_LABEL.fullmatch(lead)))
    ):
        return True
    if _time_label(_TIME_LABEL.match(span.text(doc))):
        return True
    start = doc.rfind("\n", 0, span.start) + 1
    if lead.strip() or start == span.start:
        return False
    opening = _BRACKETED.sub("", doc[start : span.start]).lstrip()  # the first of the line's other claims
    label = _ENTRY.match(opening)
    return (label is not None and _dated(label.group())) or _time_label(_TIME_LABEL.match(opening))


def _dated(label: str) -> bool:
    """True for an entry's label of dates alone, then a dash or colon ("November 2023 — ", "1998 – "), not the
    start of a sentence that holds a year ("In 2019 the town grew - ")."""
    words = label.strip(" \t*_:–—-").replace(",", " ").split()
    dates = all(w.isdigit() or TIME_WORD.fullmatch(w) or w.lower() in _TIME_MODIFIERS for w in words)
    return bool(words) and dates and label[-1:].isspace()


def _numbered_name(lead: str) -> bool:
    """True for a label that is a name and a small number (:data:`_NUMBERED_NAME`) with no word that dates it."""
    label = _NUMBERED_NAME.fullmatch(lead)
    words = label.group(1).lower().split() if label else []
    return bool(words) and not any(TIME_WORD.search(w) or w in _COUNTED_TIME for w in words)


def _time_label(label: re.Match[str] | None) -> bool:
    """True for a label whose every word dates it ("Early June", "Autumn 1923"), not "May I add" or "Reason 2"."""
    words = label.group(1).lower().split() if label else []
    return any(TIME_WORD.fullmatch(w) for w in words) and all(
        TIME_WORD.fullmatch(w) or w.isdigit() or w in _TIME_MODIFIERS for w in words
    )


# A numbered item that opens with a short sentence and goes on after it on its line ("5. It had a dog. A mascot
# dog ..."); a list with several such items titles each one so.
_TITLED_ITEM = re.compile(r"^[ \t]*\d{1,3}[.)][ \t]+(?:[^\s.!?]+[ \t]+){0,7}[^\s.!?]+[.!?][\"'”’]?[ \t]+\S", re.M)
_NUMBER_ALONE = re.compile(r"[ \t]*\d{1,3}[.)][ \t]*")
_TITLED_LIST = 3  # items of that shape that make a list of titled items


def _bare_lead(doc: str, span: Span, annotations: Sequence[Span]) -> str:
    """The text before ``span`` on its line, without the ``annotations`` in it (of any brackets: "«fake»") and
    without bracketed asides."""
    start, lead, _ = line_around(doc, span)
    for a in sorted(annotations, key=lambda a: -a.start):
        if start <= a.start and a.end <= span.start:
            lead = lead[: a.start - start] + lead[a.end - start :]
    return _BRACKETED.sub("", lead)


def item_title(doc: str, span: Span, annotations: Sequence[Span] = ()) -> bool:
    """True for the short sentence that opens a numbered item and is followed by more of it, in a list of such
    items ("5. It had a dog. A mascot dog adopted by the crew is buried near the dam."; ``annotations`` between
    the number and the sentence are left out): the item's title, which a negation or a wrapper turns into a
    non-event with the item still explaining it."""
    _, _, after = line_around(doc, span)
    lead = _bare_lead(doc, span, annotations)
    if not after.strip() or not _NUMBER_ALONE.fullmatch(lead) or len(span.text(doc).split()) > 8:
        return False
    return len(_TITLED_ITEM.findall(doc)) >= _TITLED_LIST


def unbalanced_quotes(text: str) -> bool:
    """True when ``text`` opens or closes a quotation it does not also close or open."""
    return text.count('"') % 2 == 1 or text.count("“") != text.count("”")


QUESTION_END = re.compile(r"\?[\"'”’)*_]*\s*$")
_ENDS_SENTENCE = re.compile(r"[.!][\"'”’)*_]*\s*$")


def dropped_region(doc: str, span: Span) -> Span:
    """What a drop of ``span`` removes: a whole turn, post or list item it fills with its label ("user42: <claim>",
    "5. <claim>"), or the line of a label it alone follows ("Secretary's note, 7 May: <claim>"), else ``span``
    without the label a turn it only starts keeps ("ROSA: <claim> <more>")."""
    span = _with_line_symbols(doc, span)
    whole = speaker_turn(doc, span) or labelled_post(doc, span) or whole_item(doc, span) or labelled_line(doc, span)
    return whole if whole is not None else _with_path_separator(doc, after_label(doc, span))


def quotes_kept(doc: str, region: Span) -> Span:
    """``region`` less a double quote mark at either end that pairs with one outside it: a drop of a quotation's last
    sentences keeps the mark that closes it ("“We love the hall. <claim> <marker>.”" leaves "“We love the hall.”")."""
    text, start, end = region.text(doc), region.start, region.end
    before = doc[doc.rfind("\n\n", 0, start) + 1 : start]  # the paragraph before the region
    if text.endswith(('"', "”")) and _unpaired(text, text[-1]) and _unpaired(before, "“" if text[-1] == "”" else '"'):
        end -= 1
    after = doc[end : len(doc) if (stop := doc.find("\n\n", end)) < 0 else stop]
    if text.startswith(('"', "“")) and _unpaired(text, text[0]) and _unpaired(after, "”" if text[0] == "“" else '"'):
        start += 1
    return Span(start, end) if start < end else region


def _unpaired(text: str, mark: str) -> bool:
    """True when ``text`` holds one ``mark`` more than its partner pairs with (for a straight one, an odd count)."""
    if mark == '"':
        return text.count('"') % 2 == 1
    partner = {"“": "”", "”": "“"}[mark]
    return text.count(mark) > text.count(partner)


_PATH_END = re.compile(r"[ \t]+[›»>|/][ \t]*$")  # " › " before a breadcrumb's last part


def _with_path_separator(doc: str, region: Span) -> Span:
    """``region`` with the separator before it when it ends a path ("Forum › Typhoons › <claim>"): dropped alone, the
    claim would leave the path ending in "›"."""
    start, lead, after = line_around(doc, region)
    found = _PATH_END.search(lead)
    if found is None or after.strip() or not lead[: found.start()].strip():
        return region
    return Span(start + found.start(), region.end)


_SYMBOLS = frozenset({"So", "Sk", "Mn", "Me", "Cf"})  # emoji, their modifiers and joiners


def is_symbol(char: str) -> bool:
    """True for an emoji, its modifier or joiner, or another symbol ("😳", "⭐", a variation selector)."""
    return unicodedata.category(char) in _SYMBOLS


def _with_line_symbols(doc: str, region: Span) -> Span:
    """``region`` with the emoji that open and end its line when they are all else of the line ("⚠️ <claim> 😳🌩️"):
    dropped alone, the claim would leave a line of emoji that react to nothing."""
    _, lead, after = line_around(doc, region)
    if not all(c.isspace() or is_symbol(c) for c in lead + after):
        return region
    return Span(region.start - len(lead.lstrip(" \t\ufeff")), region.end + len(after.rstrip()))  # a BOM stays


# A label that opens a line with a colon: a few words, a date or number among them ("Secretary's addendum, 7 May:");
# or a word or two in capitals set off by a tab or a wide space, as a list's labels are ("TIP  <claim>", "NOTE\t...").
_LINE_LABEL = re.compile(
    r"[ \t]*[*_]{0,2}[^\W\d][^\n:.!?]{0,50}?:[*_]{0,2}[ \t]*"
    r"|[ \t]*[*_]{0,2}[A-Z]{2,}(?: [A-Z]{2,}){0,2}[*_]{0,2}(?:\t| {2,})[ \t]*"
)
_LINE_LABEL_WORDS = 6


def labelled_line(doc: str, span: Span) -> Span | None:
    """The whole line when ``span`` is all that follows a short label on it (a colon's, or capitals set off by wide
    space) and a blank line or the end comes next ("Secretary's addendum, 7 May: <claim>\n\n", "TIP  <claim>"): the
    label would label nothing."""
    start, lead, after = line_around(doc, span)
    label = _LINE_LABEL.fullmatch(lead)
    if label is None or after.strip() or len(lead.split()) > _LINE_LABEL_WORDS:
        return None
    rest = doc[span.end + len(after) :]
    return Span(start, span.end) if not rest.strip() or _BLANK_LINE.match(rest) else None


# A bracket group that opens a unit before a new sentence ("<SIMULATED> Engineers ..."; not "[It] was sold",
# "<b>Buyers ...").
_OPENING_GROUP = re.compile(
    "|".join(
        rf"[ \t]*{re.escape(o)}[^{re.escape(o + c)}\n]{{1,60}}{re.escape(c)}(?=[ \t]+[\"“‘'(\[]?[A-Z])"
        for o, c in BRACKETS.items()
    )
)
SENTENCE_EDGE = ".!?\"'”’)]}>»›"  # what ends a sentence, or a bracket group, before a bracket


def at_sentence_edge(doc: str, start: int) -> bool:
    """True when ``start`` opens its line or follows a sentence's end or a bracket on it, not a word."""
    before = doc[doc.rfind("\n", 0, start) + 1 : start].rstrip()
    return not before or before[-1] in SENTENCE_EDGE


def sentence_group_kept(doc: str, span: Span) -> Span:
    """``span`` less a bracket group it opens with right after a sentence's end on its line, before a new sentence
    ("... is repaired. <SIMULATED> Engineers found ..."): in a document whose markers follow their sentences, a group
    no rule read as a marker belongs to the sentence before it, and a drop of ``span`` leaves it there."""
    group = _OPENING_GROUP.match(doc, span.start, span.end)
    opens_line = not doc[doc.rfind("\n", 0, span.start) + 1 : span.start].strip()
    if group is None or opens_line or not at_sentence_edge(doc, span.start):
        return span
    return Span(group.end(), span.end)


# A list's label on a line of its own ("2023 —", "Key dates:"); the lines of its list open the same way ("2030 — The
# centenary.").
_LIST_LABEL = re.compile(r"(\S)[^\n]{0,40}?(\s[—–-]|:)")
_LIST_LABEL_WORDS = 6


def emptied_label(doc: str, span: Span, dropped: list[Span]) -> Span | None:
    """``span`` widened over the label on a line of its own above it ("2023 —", "Key dates:"), when ``span`` and
    the other ``dropped`` spans are all that stood under the label: what follows them is a blank line, the next
    line of the label's own list ("2030 — ..."; lines under the label that open the same way are its items, so
    then only a blank line or the end will do) or nothing."""
    start = _line(doc, span.start)[0]
    if doc[start : span.start].strip():
        return None
    while start >= 2 and doc[start - 2] != "\n" and _covered(doc, start - 1, dropped):
        start = _line(doc, start - 1)[0]
    if start < 2 or doc[start - 2] == "\n":
        return None
    label_start = _line(doc, start - 1)[0]
    label = _LIST_LABEL.fullmatch(doc[label_start : start - 1].strip())
    if label is None or len(label.group(0).split()) > _LIST_LABEL_WORDS:
        return None
    end = _line(doc, span.end)[1]
    if doc[span.end : end].strip():
        return None
    items = [doc[start:end]]
    while end < len(doc) and _covered(doc, end + 1, dropped):
        next_end = _line(doc, end + 1)[1]
        items.append(doc[end + 1 : next_end])
        end = next_end
    line = doc[end + 1 : _line(doc, end + 1)[1]].strip() if end < len(doc) else ""
    if line and not (_same_list(label, line) and not any(_same_list(label, i.strip()) for i in items)):
        return None
    return Span(label_start, span.end)


def _same_list(label: re.Match[str], line: str) -> bool:
    """True when ``line`` opens the way ``label`` does: the same mark after a digit or after a word."""
    other = _LIST_LABEL.match(line)
    return other is not None and other.group(2) == label.group(2) and other[1].isdigit() == label[1].isdigit()


def _covered(doc: str, pos: int, dropped: list[Span]) -> bool:
    """True when the text of the line at ``pos`` is all inside ``dropped``."""
    start, end = _line(doc, pos)
    return bool(doc[start:end].strip()) and _only(doc, Span(start, end), dropped)


def unanswered_question(doc: str, span: Span) -> Span | None:
    """``span`` widened over the question it answers, when removing ``span`` would leave that question
    with no answer in a list of questions (an FAQ, an interview): ``span`` is the rest of its paragraph
    after the question's line, or all of it after a paragraph holding just the question; and what
    follows is another question, a heading or nothing. In a transcript of one-line turns, ``span`` is a
    whole turn right after another speaker's one-line question (:func:`_question_turn`)."""
    if (asked := _question_turn(doc, span)) is not None:
        return asked
    para_start = doc.rfind("\n\n", 0, span.start)
    para_start = 0 if para_start < 0 else para_start + 2
    para_end = doc.find("\n\n", span.end)
    para_end = len(doc) if para_end < 0 else para_end
    line_start = doc.rfind("\n", 0, span.start) + 1
    if doc[span.end : para_end].strip() or doc[line_start : span.start].strip() or line_start < 2:
        return None
    above_end = line_start - 2 if line_start == para_start else line_start - 1
    q_start = doc.rfind("\n", 0, above_end) + 1
    if line_start > para_start and q_start != para_start:
        return None  # more than the question above the answer in its paragraph
    question = doc[q_start:above_end]
    if not QUESTION_END.search(question) or len(question.split()) > _QUESTION_WORDS:
        return None
    following = doc[para_end:].lstrip().split("\n", 1)[0]
    if following and _ENDS_SENTENCE.search(following) and not following.startswith("#"):
        return None  # a statement follows: a thread, not a list of questions
    if reply_to_subject(doc, q_start, Span(line_start, span.end)):
        return None  # one reply of several: the question is the thread's subject
    return Span(q_start, span.end)


def reply_to_subject(doc: str, question: int, post: Span) -> bool:
    """True when ``post`` opens with its poster's label alone on a line ("kate_r:"), the next paragraph with another
    label, and the question at ``question`` is no post of its own but the thread's subject: one reply of several,
    whose others still answer it when this one goes."""
    following = doc[post.end :].lstrip().split("\n", 1)[0]
    labelled = _SPEAKER.fullmatch(doc[post.start :].split("\n", 1)[0]) and _SPEAKER.fullmatch(following)
    return bool(labelled) and _label_above(doc, question) is None


def _question_turn(doc: str, turn: Span) -> Span | None:
    """``turn`` widened over the line before it, when ``turn`` is a whole line that opens with a speaker label and
    the line before is another speaker's question and nothing else ("MAYA: Why?\nDMITRI: <claim>")."""
    line_start = doc.rfind("\n", 0, turn.start) + 1
    end = doc.find("\n", turn.end)
    if line_start < 2 or doc[line_start : turn.start].strip() or doc[turn.end : len(doc) if end < 0 else end].strip():
        return None
    answerer = speaker_name(doc[line_start : turn.end])
    q_start = doc.rfind("\n", 0, line_start - 1) + 1
    question = doc[q_start : line_start - 1]
    asker = speaker_name(question)
    long = len(question.split()) > _QUESTION_WORDS
    if answerer is None or asker in (None, answerer) or not QUESTION_END.search(question) or long:
        return None
    return Span(q_start, turn.end)


# A reply that only answers the turn before it: a yes or a no first, and a few words ("rachel: yes!! so many feelings").
# A list item's or a numbered question's label at a sentence's start ("1/", "2.", "Q4.", "Question 4:", "3)"; not the
# hour of "10:30").
ITEM_NUMBER = re.compile(r"^\W*(?:q(?:uestion)?\s*)?\d+\s*[/.:)](?!\d)\s*", re.IGNORECASE)
BARE_ANSWER = re.compile(rf"\W*(?:{'|'.join((*YES_WORDS, *NO_WORDS))})\b", re.IGNORECASE)
_REPLY_WORDS = 8
_QUESTION_WORDS = 30  # the most words of a question an answer goes with


def answered_turn(doc: str, turn: Span) -> Span | None:
    """``turn`` widened over the line after it, when ``turn`` is a whole line that opens with a speaker label and the
    next line is another speaker's short reply that opens with a yes or a no ("MARCO: It closed??\nRACHEL: yes!!"):
    with the turn gone, the reply would answer nothing."""
    line_start, end = _line(doc, turn.start)
    if doc[line_start : turn.start].strip() or doc[turn.end : end].strip() or end >= len(doc):
        return None
    reply_end = _line(doc, end + 1)[1]
    reply = doc[end + 1 : reply_end]
    label = _SPEAKER.match(reply)
    asker, answerer = speaker_name(doc[line_start : turn.end]), speaker_name(reply)
    if label is None or asker is None or answerer in (None, asker):
        return None
    words = reply[label.end() :]
    return Span(line_start, reply_end) if BARE_ANSWER.match(words) and len(words.split()) <= _REPLY_WORDS else None


_EMPHASIS = ("**", "__", "~~", "*", "_")


def with_markup(doc: str, span: Span) -> Span:
    """``span`` widened over emphasis that encloses nothing else ("**The following claim is false.**"),
    so that removing it leaves no empty "****" behind."""
    start, end = span.start, span.end
    while mark := next((m for m in _EMPHASIS if doc.endswith(m, 0, start) and doc.startswith(m, end)), None):
        start, end = start - len(mark), end + len(mark)
    return Span(start, end)


_HEADLINE_WORD = re.compile(r"[A-Za-z][\w'’-]{3,}")
CLOSED_LINE = re.compile(r"[.!?][\"'”’)*_]*\s*$")


def headline(text: str) -> bool:
    """True for a title-case line without closing punctuation ("About the Harbour Trust", "Mapping the Flood
    Year"): a heading or a sign-off, which states no claim as a sentence does."""
    words = _HEADLINE_WORD.findall(text)
    capitalised = sum(w[0].isupper() for w in words)
    return not CLOSED_LINE.search(text) and len(words) >= 3 and capitalised >= 0.75 * len(words)


_TOKENS = re.compile(r"\w+|[^\w\s]")


def token_count(text: str) -> int:
    """Words and punctuation marks in ``text``, as a parser would count them (near enough to bound work)."""
    return sum(1 for _ in _TOKENS.finditer(text))
