"""Line breaks inside a value: the text with each single line break read as one space.

Laid-out text wraps "LS1 6DQ" as "LS1\\n6DQ" and "AB 12 34 56 C" as "AB 12\\n34 56 C". The
identifier ruler matches the patterns that can wrap (`WRAPPABLE`) on `Unwrapped.text` too and
maps what crosses a break back to the original offsets. Only one line break (a blank line ends
a paragraph), and never two lines that are each only a fragment (a list or a table column).
No imports from the rest of `reviewer.detect`: the identifier ruler and the name rules use it.
"""

from __future__ import annotations

import re
from bisect import bisect_right

# One line break with the blanks around it; `single_breaks` refuses a blank line.
BREAK = re.compile(r"[ \t\r]*\n[ \t\r]*")
# Identifier patterns (ids of `identifiers.jsonl`) whose value a line may wrap at a space.
WRAPPABLE = frozenset(
    {"postcode", "nino", "phone", "sort_code", "sort_code_account", "uk_iban", "card"}
)
JOINED = "; across a line break"


def single_breaks(text: str) -> list[tuple[int, int]]:
    """`(start, end)` of each line break between two non-blank lines."""
    out = []
    for m in BREAK.finditer(text):
        s, e = m.span()
        if s == 0 or e == len(text) or text[s - 1] in "\n\f" or text[e] in "\n\f":
            continue
        if m.group(0).count("\n") != 1:
            continue
        out.append((s, e))
    return out


class Unwrapped:
    """`text` with every single line break read as one space, and offsets back."""

    def __init__(self, text: str, breaks: list[tuple[int, int]]) -> None:
        parts: list[str] = []
        self.at: list[int] = []  # joined index of each break's space
        self.shift: list[int] = []  # original minus joined offset after that break
        self.breaks = breaks
        pos = 0
        shift = 0
        for s, e in breaks:
            parts.append(text[pos:s])
            self.at.append(s - shift)
            parts.append(" ")
            shift += (e - s) - 1
            self.shift.append(shift)
            pos = e
        parts.append(text[pos:])
        self.text = "".join(parts)

    def original(self, joined: int, *, end: bool = False) -> int:
        """The original offset of joined offset `joined` (an end offset maps just past)."""
        i = bisect_right(self.at, joined - 1 if end else joined)
        return joined + (self.shift[i - 1] if i else 0)

    def crosses(self, start: int, end: int) -> bool:
        """The joined span `[start, end)` holds one of the breaks' spaces inside it."""
        i = bisect_right(self.at, start)
        return i < len(self.at) and self.at[i] < end - 1


def unwrapped(text: str) -> Unwrapped | None:
    breaks = single_breaks(text)
    return Unwrapped(text, breaks) if breaks else None


def line_of(text: str, pos: int) -> tuple[int, int]:
    s = max(text.rfind("\n", 0, pos), text.rfind("\f", 0, pos)) + 1
    e = len(text)
    for stop in ("\n", "\f"):
        i = text.find(stop, pos)
        if i >= 0:
            e = min(e, i)
    return s, e


def only_fragments(text: str, start: int, end: int) -> bool:
    """Both lines of a span across one break hold nothing but its two halves: a list or a
    table column ("01132\\n496000"), not wrapped prose."""
    ls, _ = line_of(text, start)
    _, le = line_of(text, end - 1)
    return not text[ls:start].strip() and not text[end:le].strip()
