"""Names and messages made safe to print: control characters shown, never obeyed.

A file named with a terminal escape sequence (`\\x1b]0;...`, `\\x1b[2J`) or a carriage return
could rewrite what a reviewer sees on the terminal, or split a line of a report. Every
control character (C0, DEL, C1, line and paragraph separators) and every lone surrogate
becomes a visible escape; letters in any script are unchanged.
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_CONTROL_BUT_NEWLINE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape(text: str) -> str:
    """Every control character as an escape (`\\x1b`, `\\x0a`), for one-line output."""
    return _CONTROL.sub(_shown, text)


def escape_lines(text: str) -> str:
    """As `escape`, keeping line breaks: for messages that are several lines on purpose."""
    return _CONTROL_BUT_NEWLINE.sub(_shown, text)
