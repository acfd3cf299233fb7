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
_EDGE = re.compile(r"^\W+|\W+$")


def normalise(text: str) -> str:
    """Case-folded, NFKC, whitespace collapsed: the form redacted strings are compared in."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def _token(word: str) -> str:
    return _EDGE.sub("", normalise(word))


def find_phrase(doc: Any, phrase: str) -> list[tuple[int, Any]]:
    """(1-based page, rect) of every word of every whole-word occurrence of `phrase`."""
    wanted = [t for t in (_token(w) for w in phrase.split()) if t]
    if not wanted:
        return []
    hits: list[tuple[int, Any]] = []
    for page in doc:
        words = page.get_text("words")
        tokens = [_token(w[4]) for w in words]
        n = len(wanted)
        for i in range(len(tokens) - n + 1):
            if tokens[i : i + n] == wanted:
                hits.extend((page.number + 1, fitz().Rect(w[:4])) for w in words[i : i + n])
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
