"""Detection on a file outside any store, as `reviewer detect FILE` does it."""

from __future__ import annotations

from pathlib import Path

from reviewer.detect.pipeline import detect_text
from reviewer.detect.positions import locate_all
from reviewer.detect.span import Span
from reviewer.ingest.types import OK, Extraction


class DetectFileError(Exception):
    """The file could not be read as text; the message says why without quoting its content."""


def extract_file(path: Path) -> Extraction:
    """The workstation's own extraction of a file on disk (read-only)."""
    from reviewer.ingest.extract import extract
    from reviewer.ingest.identify import identify_path

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DetectFileError(f"cannot read file ({exc.strerror or type(exc).__name__})") from exc
    return extract(data, path.name, identify_path(path), ocr=True)


def detect_file(path: Path | str) -> list[Span]:
    """Spans in the text `reviewer text FILE` prints, with page and rectangles for PDFs."""
    extraction = extract_file(Path(path))
    if extraction.status != OK:
        raise DetectFileError(f"{extraction.status}: {extraction.message}")
    return locate_all(detect_text(extraction.text), extraction.pages)
