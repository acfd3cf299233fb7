"""Context words near a match: the evidence that raises a pattern's score."""

from __future__ import annotations

import re
from collections.abc import Iterable

# How far before (and after) a match a context word may sit, in characters.
BEFORE = 48
AFTER = 24


def context_regex(words: Iterable[str]) -> re.Pattern[str] | None:
    """One case-insensitive pattern for a list of context words, matched as whole words."""
    items = sorted({w.lower() for w in words if w}, key=len, reverse=True)
    if not items:
        return None
    body = "|".join(re.escape(w) for w in items)
    return re.compile(rf"(?<![a-z0-9])(?:{body})(?![a-z0-9])", re.IGNORECASE)


def find_context(pattern: re.Pattern[str] | None, text: str, start: int, end: int) -> str | None:
    """The context word found near `text[start:end]`, or None.

    The window stops at a blank line or page break so a heading two paragraphs away does not count.
    """
    if pattern is None:
        return None
    lo = max(0, start - BEFORE)
    before = text[lo:start]
    cut = max(before.rfind("\n\n"), before.rfind("\f"))
    if cut >= 0:
        before = before[cut:]
    after = text[end : end + AFTER].split("\n", 1)[0]
    m = pattern.search(before) or pattern.search(after)
    return m.group(0).lower() if m else None
