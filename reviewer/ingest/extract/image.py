"""Images carry no text layer: record them as needing OCR, with a page count for TIFFs."""

from __future__ import annotations

from reviewer.ingest.types import EMPTY, Extraction

MESSAGE = "image: no text (needs OCR)"


def _tiff_pages(data: bytes) -> int | None:
    try:
        from reviewer.ingest.extract.pdf import module

        with module().open(stream=data, filetype="tiff") as doc:
            return int(doc.page_count)
    except Exception:
        return None


def extract_image(data: bytes) -> Extraction:
    pages = _tiff_pages(data) if data[:4] in (b"II*\x00", b"MM\x00*") else 1
    return Extraction(status=EMPTY, message=MESSAGE, page_count=pages, needs_ocr=True)
