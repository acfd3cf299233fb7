"""Scans made in tests: text drawn on a page, rendered to pixels, optionally skewed and noisy."""

from __future__ import annotations

import io
import random
from typing import Any


def text_page(lines: list[str], width: float = 420, height: float = 160) -> Any:
    """The page the scan is made of (its text layer is the truth OCR is measured against)."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=width, height=height)
    y = 36.0
    for line in lines:
        page.insert_text((24, y), line, fontsize=12, fontname="helv")
        y += 20
    return page


def text_page_pixmap(lines: list[str], dpi: int = 300) -> Any:
    import pymupdf

    return text_page(lines).get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)


def word_rect(lines: list[str], word: str) -> tuple[float, float, float, float]:
    """Where `word` is drawn on the page, in points."""
    for x0, y0, x1, y1, found, *_ in text_page(lines).get_text("words"):
        if found == word:
            return float(x0), float(y0), float(x1), float(y1)
    raise LookupError(word)


def degrade(png: bytes, skew: float = 0.0, noise: float = 0.0, seed: int = 7) -> bytes:
    """A scanner's faults: a slight rotation and salt-and-pepper specks."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("L")
    if skew:
        image = image.rotate(skew, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    if noise:
        rng = random.Random(seed)
        pixels = image.load()
        assert pixels is not None
        w, h = image.size
        for _ in range(int(w * h * noise)):
            x, y = rng.randrange(w), rng.randrange(h)
            pixels[x, y] = 0 if rng.random() < 0.5 else 255
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(300, 300))
    return out.getvalue()


def scanned_pdf(pngs: list[bytes], width: float = 420, height: float = 160) -> bytes:
    """An image-only PDF: each PNG fills a page (how scanners write PDFs)."""
    import pymupdf

    doc = pymupdf.open()
    for png in pngs:
        page = doc.new_page(width=width, height=height)
        page.insert_image(page.rect, stream=png)
    return bytes(doc.tobytes())
