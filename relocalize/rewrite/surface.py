"""Split a claim unit into markup, the sentence to rewrite, and trailing markup.

Chat stamps ("[20:56] user:"), list and quote markers, headings and emphasis stay
byte-identical around the edited body.
"""

from __future__ import annotations

import re

_PREFIX = re.compile(
    r"^(?:[ \t]*(?:[>#|│┃]+|[-+•*](?=\s)|\d{1,3}[.)](?=\s)|[a-zA-Z][.)](?=\s)|\*\*|__|\*(?=\S)|_(?=\S))[ \t]*)*"
    r"(?:\**\[\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?\]\**[ \t]*(?:\**[\w.@-]+\**:\**[ \t]+)?)?"
    r"(?:\*\*|__)?(?:(?:[QA]|Question|Answer)\s*[:.][ \t]+)?"
)
_SUFFIX = re.compile(r"(?:[ \t]*(?:\*\*|__|\*|_|\||│|┃))*[ \t]*$")


def split_markup(unit: str) -> tuple[str, str, str]:
    """``(prefix, body, suffix)`` with ``prefix + body + suffix == unit``."""
    start = _PREFIX.match(unit).end()
    end = _SUFFIX.search(unit, start).start()
    if end <= start:
        return unit, "", ""
    return unit[:start], unit[start:end], unit[end:]
