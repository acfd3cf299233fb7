"""Text every store can hold: characters PostgreSQL refuses are replaced where they enter.

PostgreSQL's text type cannot hold NUL (U+0000), and no UTF-8 column can hold a lone
surrogate (Python's stand-in for undecodable bytes). SQLite would keep the first and refuse
the second, so both engines would store different things or stop a batch. Each such
character becomes U+FFFD, one for one (detection offsets into the text stay valid), and the
record's message says how many were replaced.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable_text(text: str) -> tuple[str, int]:
    """`text` with every unstorable character replaced, and how many there were."""
    if "\x00" not in text and text.isascii():
        return text, 0
    return _UNSTORABLE.subn(REPLACEMENT, text)


def storable(text: str) -> str:
    """`text` made storable, for values where a count is not needed (names, messages)."""
    return storable_text(text)[0]


def replaced_note(count: int) -> str:
    """The plain note a record carries when its text had characters replaced."""
    if not count:
        return ""
    what = "character" if count == 1 else "characters"
    return f"{count:,} {what} no store can hold (NUL or invalid) replaced with U+FFFD"
