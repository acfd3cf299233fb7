"""The glyphs of a PDF page, and which of them a redaction removes.

A redaction works on glyphs, not on words or line boxes: a word's box reaches into its neighbours
(MuPDF removes every glyph a box touches, so "Date:" lost its "D" beside a boxed date) and a line
box taken from a search covers the lines above and below in tight layouts. Here a redacted string
is found in the page's characters (case, spacing and punctuation ignored; a word hyphenated or
broken across lines still matches) and each match names exactly the glyphs it is drawn with.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from reviewer.ingest.extract.pdf import module as fitz

Box = tuple[float, float, float, float]
# A break inside a word at the end of a line: a hyphen (or soft hyphen) and the line break.
_BREAK = r"(?:[-\u00ad\u2010]?\n)?"
_GAP = r"[\W_]{0,6}?"  # what may stand between the parts of a string: spaces, punctuation, a break
_PARTS = re.compile(r"[^\W_]+")
ASCENT, DESCENT = 0.8, 0.22  # of the font size: the box drawn over a glyph, not its line height


@dataclass(frozen=True)
class Glyph:
    """One drawn character: its text, box, baseline origin, font size and line."""

    c: str
    bbox: Box
    origin: tuple[float, float]
    size: float
    line: int
    horizontal: bool

    @property
    def centre(self) -> tuple[float, float]:
        x0, y0, x1, y1 = self.bbox
        return ((x0 + x1) / 2, (y0 + y1) / 2)

    def ink_box(self) -> Box:
        """The box to blacken: the glyph's advance, from ascent to descent of its size."""
        if not self.horizontal:
            return self.bbox
        x0, _, x1, _ = self.bbox
        y = self.origin[1]
        return (x0, y - ASCENT * self.size, x1, y + DESCENT * self.size)


def text_flags(*, everywhere: bool = False) -> int:
    """rawdict flags: the glyphs drawn (not a marked-content /ActualText standing in for them);
    `everywhere` also reads text drawn off the page."""
    flags = int(fitz().TEXTFLAGS_RAWDICT) | int(fitz().TEXT_PRESERVE_LIGATURES)
    flags |= int(getattr(fitz(), "TEXT_IGNORE_ACTUALTEXT", 0))
    flags &= ~int(fitz().TEXT_PRESERVE_IMAGES)
    if everywhere:
        flags &= ~int(fitz().TEXT_MEDIABOX_CLIP)
    return flags


def page_glyphs(page: Any, *, everywhere: bool = False) -> list[Glyph]:
    """Every glyph on `page` in reading order (with `everywhere`, those off the page too)."""
    clip = fitz().INFINITE_RECT() if everywhere else None
    raw = page.get_text("rawdict", flags=text_flags(everywhere=everywhere), clip=clip)
    out: list[Glyph] = []
    line_no = 0
    for block in raw.get("blocks", []):
        for line in block.get("lines", []):
            horizontal = abs(line["dir"][1]) < 1e-3 and line["dir"][0] > 0
            for span in line.get("spans", []):
                for char in span.get("chars", []):
                    out.append(
                        Glyph(
                            char["c"],
                            tuple(char["bbox"]),
                            tuple(char["origin"]),
                            float(span["size"]),
                            line_no,
                            horizontal,
                        )
                    )
            line_no += 1
    return out


def glyph_text(glyphs: Sequence[Glyph]) -> str:
    """The glyphs' characters as text, a line break between lines."""
    out: list[str] = []
    for i, glyph in enumerate(glyphs):
        if i and glyph.line != glyphs[i - 1].line:
            out.append("\n")
        out.append(glyph.c)
    return "".join(out)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def secret_parts(secret: str) -> list[str]:
    """The runs of letters and digits of a redacted string, folded: what must not survive."""
    return _PARTS.findall(_fold(secret))


def _pattern(parts: Sequence[str]) -> re.Pattern[str]:
    words = [_BREAK.join(re.escape(ch) for ch in part) for part in parts]
    return re.compile(r"(?<![^\W_])" + _GAP.join(words) + r"(?![^\W_])")


def page_string(glyphs: Sequence[Glyph]) -> tuple[str, list[int]]:
    """The page as one folded string with a line break between lines, and each character's glyph
    (-1 for the breaks)."""
    chars: list[str] = []
    owner: list[int] = []
    previous_line: int | None = None
    for i, glyph in enumerate(glyphs):
        if previous_line is not None and glyph.line != previous_line:
            chars.append("\n")
            owner.append(-1)
        previous_line = glyph.line
        for ch in _fold(glyph.c) or " ":
            chars.append(" " if ch.isspace() else ch)
            owner.append(i)
    return "".join(chars), owner


def find_secret(
    glyphs: Sequence[Glyph], secret: str, folded: tuple[str, list[int]] | None = None
) -> list[list[int]]:
    """Each whole-word occurrence of `secret`, as the indexes of the glyphs that draw it
    (`folded`: `page_string(glyphs)`, computed once when several strings are sought)."""
    parts = secret_parts(secret)
    if not parts:
        return []
    text, owner = folded or page_string(glyphs)
    found: list[list[int]] = []
    for match in _pattern(parts).finditer(text):
        indexes = sorted({owner[i] for i in range(match.start(), match.end()) if owner[i] >= 0})
        found.append(indexes)
    return found


def glyphs_in(glyphs: Sequence[Glyph], rect: Box) -> list[int]:
    """Glyphs whose centre lies inside `rect` (a box drawn by the reviewer)."""
    x0, y0, x1, y1 = rect
    return [
        i
        for i, g in enumerate(glyphs)
        if x0 <= g.centre[0] <= x1 and y0 <= g.centre[1] <= y1 and not g.c.isspace()
    ]


def run_boxes(glyphs: Sequence[Glyph], indexes: Iterable[int]) -> list[Box]:
    """Boxes to blacken: one per run of neighbouring removed glyphs on a line."""
    boxes: list[Box] = []
    current: list[float] | None = None
    last: int | None = None
    for i in sorted(set(indexes)):
        glyph = glyphs[i]
        x0, y0, x1, y1 = glyph.ink_box()
        same_run = (
            current is not None
            and last is not None
            and i == last + 1
            and glyphs[last].line == glyph.line
        )
        if same_run and current is not None:
            current = [
                min(current[0], x0),
                min(current[1], y0),
                max(current[2], x1),
                max(current[3], y1),
            ]
        else:
            if current is not None:
                boxes.append((current[0], current[1], current[2], current[3]))
            current = [x0, y0, x1, y1]
        last = i
    if current is not None:
        boxes.append((current[0], current[1], current[2], current[3]))
    return [b for b in boxes if b[2] > b[0] and b[3] > b[1]]
