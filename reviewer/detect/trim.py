"""A reviewer's selection made tidy: what is marked starts and ends on a word, not on "(" or ","."""

from __future__ import annotations

import unicodedata


def _loose(ch: str) -> bool:
    category = unicodedata.category(ch)
    return ch.isspace() or category.startswith("P") or category in ("Sm", "Sk", "Zs")


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """`start`/`end` moved inwards past white space and punctuation ("(DC 2318," -> "DC 2318").

    A selection of punctuation only comes back unchanged, so nothing the reviewer chose is lost.
    """
    start, end = max(start, 0), min(end, len(text))
    s, e = start, end
    while s < e and _loose(text[s]):
        s += 1
    while e > s and _loose(text[e - 1]):
        e -= 1
    return (s, e) if s < e else (start, end)
