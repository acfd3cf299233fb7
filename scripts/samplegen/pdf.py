"""A small flowing-text PDF writer on PyMuPDF with a real text layer and fixed metadata.

Base-14 Helvetica keeps the files tiny (no embedded fonts); it covers Latin-1 only, so typographic
dashes and quotes are folded to ASCII. Layout runs first so every footer can say "Page n of N".
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import datetime

import pymupdf

from .planted import plain
from .values import NBSP

PAGE_W, PAGE_H = 595.0, 842.0  # A4 in points
LEFT, RIGHT, TOP, BOTTOM = 62.0, 62.0, 78.0, 84.0
# Typographic characters outside Latin-1, folded for the base-14 fonts.
ASCII_FOLD = str.maketrans(
    {
        "\u2013": "-",
        "\u2014": "-",
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2026": "...",
    }
)


@dataclass
class _Line:
    x: float
    y: float
    text: str
    font: str
    size: float


@dataclass
class _Page:
    lines: list[_Line] = field(default_factory=list)
    rules: list[float] = field(default_factory=list)


@functools.cache
def _advances(font: str) -> dict[str, float]:
    """Glyph advances (per point of size) of a base-14 font's Latin-1 characters."""
    face = pymupdf.Font(font)  # type: ignore[no-untyped-call]
    return {chr(i): face.glyph_advance(i) for i in range(32, 256)}  # type: ignore[no-untyped-call]


def text_width(text: str, font: str, size: float) -> float:
    """Width without kerning: a slight over-estimate, and far faster than get_text_length."""
    advances = _advances(font)
    return sum(advances.get(ch, 0.6) for ch in text) * size


def pdf_date(when: datetime) -> str:
    """PDF date string in UK summer/winter local time as an office PC of the day would write."""
    offset = "+01'00'" if 4 <= when.month <= 10 else "+00'00'"
    return when.strftime("D:%Y%m%d%H%M%S") + offset


class PdfBuilder:
    """Collects headings, paragraphs and label/value rows, then lays them out on A4 pages."""

    def __init__(self, *, header_left: str, header_right: str, footer: str) -> None:
        self.header_left = header_left
        self.header_right = header_right
        self.footer = footer
        self.pages: list[_Page] = [_Page()]
        self.y = TOP

    # -- layout -------------------------------------------------------------------------------
    def _need(self, height: float) -> None:
        if self.y + height > PAGE_H - BOTTOM:
            self.page_break()

    def page_break(self) -> None:
        self.pages.append(_Page())
        self.y = TOP

    @staticmethod
    def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
        lines: list[str] = []
        for raw in text.translate(ASCII_FOLD).split("\n"):
            current = ""
            for word in raw.split(" "):
                trial = f"{current} {word}" if current else word
                if current and text_width(plain(trial), font, size) > width:
                    lines.append(current)
                    current = word
                else:
                    current = trial
            lines.append(current)
        return lines

    def _emit(self, x: float, text: str, font: str, size: float) -> None:
        self.pages[-1].lines.append(_Line(x, self.y, plain(text), font, size))

    def para(
        self,
        text: str,
        *,
        bold: bool = False,
        size: float = 10.5,
        indent: float = 0.0,
        after: float = 7.0,
    ) -> None:
        font = "hebo" if bold else "helv"
        leading = size * 1.38
        width = PAGE_W - LEFT - RIGHT - indent
        for line in self._wrap(text, font, size, width):
            self._need(leading)
            self.y += leading
            self._emit(LEFT + indent, line, font, size)
        self.y += after

    def heading(self, text: str, *, size: float = 13.0, after: float = 6.0) -> None:
        self._need(size * 4)  # keep a heading with the first lines that follow it
        self.para(text, bold=True, size=size, after=after)

    def fields(self, rows: list[tuple[str, str]], *, label_width: float = 150.0) -> None:
        size, leading = 10.0, 13.8
        width = PAGE_W - LEFT - RIGHT - label_width
        for label, value in rows:
            wrapped = self._wrap(value, "helv", size, width)
            self._need(leading * len(wrapped))
            self.y += leading
            self._emit(LEFT, label, "hebo", size)
            for i, line in enumerate(wrapped):
                if i:
                    self.y += leading
                self._emit(LEFT + label_width, line, "helv", size)
            self.y += 2.0
        self.y += 6.0

    def rule(self) -> None:
        self._need(12)
        self.y += 6
        self.pages[-1].rules.append(self.y)
        self.y += 6

    def space(self, height: float) -> None:
        self.y += height

    # -- output -------------------------------------------------------------------------------
    def to_bytes(self, *, title: str, author: str, subject: str, when: datetime) -> bytes:
        doc = pymupdf.open()  # type: ignore[no-untyped-call]
        total = len(self.pages)
        for number, laid in enumerate(self.pages, start=1):
            page = doc.new_page(width=PAGE_W, height=PAGE_H)
            page.insert_text((LEFT, 44), self.header_left, fontname="hebo", fontsize=9)
            right = self.header_right.translate(ASCII_FOLD)
            rx = PAGE_W - RIGHT - pymupdf.get_text_length(right, "hebo", 9)
            page.insert_text((rx, 44), right, fontname="hebo", fontsize=9)
            page.draw_line((LEFT, 52), (PAGE_W - RIGHT, 52), width=0.6)
            for line in laid.lines:
                page.insert_text(
                    (line.x, line.y), line.text, fontname=line.font, fontsize=line.size
                )
            for y in laid.rules:
                page.draw_line((LEFT, y), (PAGE_W - RIGHT, y), width=0.4)
            footer = f"{self.footer.translate(ASCII_FOLD)}   |   Page {number} of {total}"
            fx = (PAGE_W - pymupdf.get_text_length(footer, "helv", 8)) / 2
            page.draw_line((LEFT, PAGE_H - 58), (PAGE_W - RIGHT, PAGE_H - 58), width=0.6)
            page.insert_text((fx, PAGE_H - 44), footer, fontname="helv", fontsize=8)
        stamp = pdf_date(when)
        doc.set_metadata(
            {
                "title": plain(title),
                "author": plain(author),
                "subject": plain(subject),
                "keywords": "FICTIONAL SAMPLE",
                "creator": "Records Reviewer sample generator (scripts/make_sample.py)",
                "producer": "PyMuPDF",
                "creationDate": stamp,
                "modDate": stamp,
            }
        )
        data: bytes = doc.tobytes(garbage=4, deflate=True, no_new_id=True)  # type: ignore[no-untyped-call]
        doc.close()  # type: ignore[no-untyped-call]
        return data


def nb(text: str) -> str:
    """Keep a phrase on one line (used for short labels such as dates)."""
    return text.replace(" ", NBSP)
