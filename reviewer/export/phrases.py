"""Finding a redacted string on PDF pages as whole words, across line breaks.

`page.search_for` matches inside words ("Tom" in "Tomorrow") and misses phrases split over
lines; matching runs of extracted words does neither. Strings that only occur inside a longer
word (a detected number glued to a label) fall back to `search_for`.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from reviewer.ingest.extract.pdf import module as fitz

_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Case-folded, NFKC, whitespace collapsed: the form redacted strings are compared in."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


_PARTS = re.compile(r"\w+")


def _parts(text: str) -> list[str]:
    r"""Runs of word characters: the units the verifier's `(?<!\w)...(?!\w)` search sees."""
    return _PARTS.findall(normalise(text))


def find_phrase(doc: Any, phrase: str) -> list[tuple[int, Any]]:
    """(1-based page, rect) of every word holding part of a whole-word occurrence of `phrase`.

    Words are split into runs of word characters, so "Daniel's", "HARTIGAN," and a name split
    over two lines are all found (the whole word is redacted, possessive included).
    """
    wanted = _parts(phrase)
    if not wanted:
        return []
    n = len(wanted)
    hits: list[tuple[int, Any]] = []
    for page in doc:
        words = page.get_text("words")
        parts: list[str] = []
        owner: list[int] = []
        for index, word in enumerate(words):
            for part in _parts(word[4]):
                parts.append(part)
                owner.append(index)
        for i in range(len(parts) - n + 1):
            if parts[i : i + n] == wanted:
                for index in sorted(set(owner[i : i + n])):
                    hits.append((page.number + 1, fitz().Rect(words[index][:4])))
    if hits:
        return hits
    bounded = re.compile(r"(?<!\w)" + re.escape(normalise(phrase)) + r"(?!\w)")
    for page in doc:
        words = page.get_text("words")
        for quad_rect in page.search_for(phrase):
            rect = fitz().Rect(quad_rect)
            around = " ".join(normalise(w[4]) for w in words if fitz().Rect(w[:4]).intersects(rect))
            if bounded.search(around):  # "1234567890" in "nhs:1234567890", not "tom" in "tomorrow"
                hits.append((page.number + 1, rect))
    return hits
