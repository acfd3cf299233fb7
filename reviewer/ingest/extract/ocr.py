"""OCR of scanned pages and image files with Tesseract: text, word boxes and confidence.

Scanned paper has no text layer, so nothing could be highlighted or redacted on it. Each
page without text is rendered (PDF, 300 dpi, grey) or read at its own resolution (image
files; every frame of a multi-page TIFF) and given to Tesseract through `pytesseract`. The
words come back with pixel boxes and confidences; they are laid out as lines of text in
Tesseract's order, except that a form's column of labels beside its column of values is read
row by row (`reading_order`). Their boxes, converted to the page's points, are stored exactly
like a PDF's text layer, so a detection in the text lands on the picture. Each page keeps
Tesseract's mean word confidence.

Tesseract is a system program (Debian `tesseract-ocr tesseract-ocr-eng`); when it is missing
the record keeps its 'needs OCR' status and the message says so.
"""

from __future__ import annotations

import io
import os
import shutil
from dataclasses import dataclass, replace
from functools import lru_cache
from statistics import median
from typing import Any

from reviewer.ingest.types import CORRUPT, EMPTY, OK, Extraction, PageText, WordBox, pack_words

DPI = 300
LANGUAGE = "eng"
MAX_PAGES = 500  # a longer scan is read this far at ingest; the message says so
# Tesseract reads a form's column of labels, then its column of values. Two columns are read
# row by row, as a form (label, then its value), when the white strip between them is wide (at
# least FORM_GAP line heights on every row they share) and the left column's lines do not fill
# it (the median line reaches at most FORM_FILL of the column's width). Columns of running
# text fail both: their lines run up to a gutter of an em or two.
FORM_GAP = 4.0
FORM_FILL = 0.8
MISSING = "OCR engine (Tesseract) is not installed: see the README's set-up"


@dataclass(frozen=True)
class OcrPage:
    """One page read by OCR: text, word boxes in points, mean confidence (0-100)."""

    text: str
    words: tuple[WordBox, ...]
    confidence: float | None


def read_by_ocr(message: str) -> bool:
    """Whether a record's message says its text came from OCR (set by `apply_ocr`)."""
    return " from OCR (" in f" {message}"


def enabled() -> bool:
    """OCR at ingest unless the user turned it off (`REVIEWER_OCR=off`)."""
    return os.environ.get("REVIEWER_OCR", "").lower() not in ("off", "0", "no")


@lru_cache(maxsize=1)
def engine() -> str | None:
    """'Tesseract 5.3.0' when the engine and its English data are installed, else None."""
    if shutil.which("tesseract") is None:
        return None
    try:
        import pytesseract

        version = str(pytesseract.get_tesseract_version()).split()[0]
        if LANGUAGE not in pytesseract.get_languages(config=""):
            return None
    except Exception:
        return None
    return f"Tesseract {version}"


def read_image(image: Any, scale: float, derotate: Any = None) -> OcrPage:
    """OCR one PIL image; `scale` turns pixels into points (72 / dpi)."""
    import pytesseract

    # One thread per Tesseract: its OpenMP threads tripled the CPU time on a busy machine
    # (3 s -> 13 s a page at 300 dpi) and `--jobs` already runs a page per core.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    data = pytesseract.image_to_data(
        image, lang=LANGUAGE, config="--psm 3", output_type=pytesseract.Output.DICT
    )
    text_parts: list[str] = []
    words: list[WordBox] = []
    confidences: list[float] = []
    pos = 0
    for number, line in enumerate(reading_order(data)):
        for index, i in enumerate(line):
            if number or index:
                sep = " " if index else "\n"
                text_parts.append(sep)
                pos += len(sep)
            word = " ".join(str(data["text"][i]).split())
            x0 = data["left"][i] * scale
            y0 = data["top"][i] * scale
            x1 = (data["left"][i] + data["width"][i]) * scale
            y1 = (data["top"][i] + data["height"][i]) * scale
            if derotate is not None:
                x0, y0, x1, y1 = derotate(x0, y0, x1, y1)
            start = pos
            text_parts.append(word)
            pos += len(word)
            for offset, part in _parts(word):
                words.append((start + offset, start + offset + len(part), x0, y0, x1, y1))
            conf = float(data["conf"][i])
            if conf >= 0:
                confidences.append(conf)
    mean = round(sum(confidences) / len(confidences), 1) if confidences else None
    return OcrPage("".join(text_parts), tuple(words), mean)


@dataclass
class _Line:
    block: int
    words: list[int]
    x0: int
    y0: int
    x1: int
    y1: int

    @property
    def height(self) -> int:
        return self.y1 - self.y0


def _level(a: _Line, b: _Line) -> bool:
    """Whether two lines stand level: vertical extents overlap by half the smaller height."""
    overlap = min(a.y1, b.y1) - max(a.y0, b.y0)
    return overlap >= 0.5 * min(a.height, b.height)


def _lines(data: dict[str, list[Any]]) -> list[_Line]:
    lines: dict[tuple[int, int, int], _Line] = {}
    for i, word in enumerate(data["text"]):
        if not str(word).strip():
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        x0, y0 = data["left"][i], data["top"][i]
        x1, y1 = x0 + data["width"][i], y0 + data["height"][i]
        line = lines.get(key)
        if line is None:
            lines[key] = _Line(key[0], [i], x0, y0, x1, y1)
        else:
            line.words.append(i)
            line.x0, line.y0 = min(line.x0, x0), min(line.y0, y0)
            line.x1, line.y1 = max(line.x1, x1), max(line.y1, y1)
    return list(lines.values())


def _form_blocks(lines: list[_Line]) -> list[set[int]]:
    """Groups of blocks that are a form's columns (labels beside values), to read row by row.

    Each line is paired with the nearest level line on its left in another block. Pairs whose
    left lines start at one left edge and whose right lines start at another (within two line
    heights) are a pair of columns, judged together: Tesseract often cuts a column into several
    blocks, and not at the same rows on both sides.
    """
    columns: list[list[tuple[_Line, _Line]]] = []
    for value in lines:
        beside = [
            line
            for line in lines
            if line.block != value.block and line.x1 < value.x0 and _level(line, value)
        ]
        if not beside:
            continue
        label = max(beside, key=lambda line: line.x1)
        near = 2 * max(label.height, value.height)
        for column in columns:
            first_label, first_value = column[0]
            if abs(label.x0 - first_label.x0) <= near and abs(value.x0 - first_value.x0) <= near:
                column.append((label, value))
                break
        else:
            columns.append([(label, value)])
    parent = {line.block: line.block for line in lines}

    def root(b: int) -> int:
        while parent[b] != b:
            parent[b] = parent[parent[b]]
            b = parent[b]
        return b

    for column in columns:
        labels = [label for label, _value in column]
        height = median(line.height for pair in column for line in pair)
        strip = min(value.x0 - label.x1 for label, value in column)
        x0, x1 = min(line.x0 for line in labels), max(line.x1 for line in labels)
        fill = median((line.x1 - x0) / max(1, x1 - x0) for line in labels)
        if len(column) >= 2 and strip >= FORM_GAP * height and fill <= FORM_FILL:
            for label, value in column:
                parent[root(label.block)] = root(value.block)
    groups: dict[int, set[int]] = {}
    for line in lines:
        groups.setdefault(root(line.block), set()).add(line.block)
    return [group for group in groups.values() if len(group) > 1]


def reading_order(data: dict[str, list[Any]]) -> list[list[int]]:
    """Tesseract's words (indices into `data`) as lines of text, in reading order.

    Tesseract's own order (block by block, line by line), except that a form's columns of
    labels and values (`_form_blocks`) are read row by row: level lines side by side, left to
    right, rows top to bottom, in place of the first of those blocks.
    """
    lines = _lines(data)
    grouped = {b: group for group in _form_blocks(lines) for b in group}
    out: list[list[int]] = []
    done: set[int] = set()
    for line in lines:
        group = grouped.get(line.block)
        if group is None:
            out.append(line.words)
            continue
        if line.block in done:
            continue
        done |= group
        rows: list[list[_Line]] = []
        members = sorted((m for m in lines if m.block in group), key=lambda m: m.y0 + m.y1)
        for member in members:
            row = rows[-1] if rows else None
            if (
                row
                and any(_level(member, r) for r in row)
                and not any(member.x0 < r.x1 and r.x0 < member.x1 for r in row)
            ):
                row.append(member)
            else:
                rows.append([member])
        for row in rows:
            out.append([i for m in sorted(row, key=lambda m: m.x0) for i in m.words])
    return out


def _parts(word: str) -> list[tuple[int, str]]:
    out, at = [], 0
    for part in word.split(" "):
        out.append((at, part))
        at += len(part) + 1
    return out


def _pdf_pages(data: bytes, wanted: list[int]) -> dict[int, tuple[OcrPage, float, float]]:
    from PIL import Image

    from reviewer.ingest.extract.pdf import module

    pymupdf = module()
    out = {}
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        for number in wanted:
            page = doc.load_page(number)
            pix = page.get_pixmap(dpi=DPI, colorspace=pymupdf.csGRAY, alpha=False)
            image = Image.frombytes("L", (pix.width, pix.height), pix.samples)
            matrix = page.derotation_matrix

            def derotate(x0: float, y0: float, x1: float, y1: float, m: Any = matrix) -> Any:
                r = pymupdf.Rect(x0, y0, x1, y1) * m
                r.normalize()
                return float(r.x0), float(r.y0), float(r.x1), float(r.y1)

            found = read_image(image, 72 / DPI, derotate if page.rotation else None)
            out[number] = (found, float(page.rect.width), float(page.rect.height))
    return out


def _image_pages(data: bytes) -> list[tuple[OcrPage, float, float]]:
    """Every frame of an image file, its boxes in the points MuPDF gives the image's page."""
    from PIL import Image, ImageSequence

    from reviewer.ingest.extract.pdf import module

    pymupdf = module()
    picture = Image.open(io.BytesIO(data))
    sizes = []
    with pymupdf.open(stream=data) as doc:
        sizes = [(float(p.rect.width), float(p.rect.height)) for p in doc]
    out = []
    for index, frame in enumerate(ImageSequence.Iterator(picture)):
        if index >= MAX_PAGES or index >= len(sizes):
            break
        grey = frame.convert("L")
        width, height = sizes[index]
        out.append((read_image(grey, width / grey.width), width, height))
    return out


def _mean(pages: list[OcrPage]) -> str:
    values = [p.confidence for p in pages if p.confidence is not None]
    return f"{sum(values) / len(values):.0f}%" if values else "unknown"


def apply_ocr(data: bytes, kind: str, extraction: Extraction) -> Extraction:
    """`extraction` with its untexted pages read by OCR; never raises."""
    name = engine()
    if name is None:
        note = MISSING
        message = f"{extraction.message}; {note}" if extraction.message else note
        return replace(extraction, message=message)
    try:
        if kind == "pdf":
            return _ocr_pdf(data, extraction, name)
        return _ocr_image(data, extraction, name)
    except MemoryError:
        return replace(extraction, message=f"{extraction.message}; OCR ran out of memory")
    except Exception as exc:
        if kind != "pdf":
            return replace(
                extraction,
                status=CORRUPT,
                message=f"damaged or unreadable image ({type(exc).__name__})",
            )
        note = f"OCR failed ({type(exc).__name__})"
        return replace(extraction, message=f"{extraction.message}; {note}")


def _page(found: OcrPage, width: float, height: float) -> PageText:
    return PageText(
        found.text,
        found.words,
        width,
        height,
        packed=pack_words(found.words) or b"",
        confidence=found.confidence,
    )


def _ocr_pdf(data: bytes, extraction: Extraction, name: str) -> Extraction:
    wanted = [i for i, p in enumerate(extraction.pages) if not p.text][:MAX_PAGES]
    blank = set()
    from reviewer.ingest.extract.pdf import module

    with module().open(stream=data, filetype="pdf") as doc:
        for i in wanted:
            page = doc.load_page(i)
            if not page.read_contents().strip() and page.first_annot is None:
                blank.add(i)
    wanted = [i for i in wanted if i not in blank]
    read = _pdf_pages(data, wanted)
    pages = list(extraction.pages)
    for number, (found, width, height) in read.items():
        pages[number] = _page(found, width, height)
    done = [read[n][0] for n in wanted]
    has_text = any(p.text for p in pages)
    listing = _listing([n + 1 for n in wanted])
    note = f"text of {listing} from OCR ({name}), mean confidence {_mean(done)}"
    untouched = extraction.message.split("; ")
    kept = [m for m in untouched if "needs OCR" not in m and "need OCR" not in m and m]
    if len([i for i, p in enumerate(extraction.pages) if not p.text]) > MAX_PAGES:
        kept.append(f"pages after {MAX_PAGES} not read by OCR")
    return replace(
        extraction,
        status=OK if has_text else EMPTY,
        message="; ".join([*kept, note] if has_text else [*kept, "OCR found no text"]),
        pages=tuple(pages),
        needs_ocr=False,
    )


def _ocr_image(data: bytes, extraction: Extraction, name: str) -> Extraction:
    read = _image_pages(data)
    pages = tuple(_page(found, w, h) for found, w, h in read)
    found_text = any(p.text for p in pages)
    note = f"text from OCR ({name}), mean confidence {_mean([f for f, _w, _h in read])}"
    return replace(
        extraction,
        status=OK if found_text else EMPTY,
        message=note if found_text else "image: OCR found no text",
        pages=pages,
        page_count=len(pages),
        paged=True,
        needs_ocr=False,
    )


def _listing(numbers: list[int]) -> str:
    if len(numbers) == 1:
        return f"page {numbers[0]}"
    if numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"pages {numbers[0]}-{numbers[-1]}"
    return "pages " + ", ".join(map(str, numbers))
