"""Text extraction for every format the workstation reads; one public entry point, `extract`.

`extract` never raises: damage, passwords, unknown formats and hostile containers all become
an `Extraction` with a status and a plain-English message that quotes no document content.
"""

from __future__ import annotations

from reviewer.ingest.extract import sniff
from reviewer.ingest.extract.archive import extract_zip
from reviewer.ingest.extract.common import error, failed, unsupported
from reviewer.ingest.extract.image import extract_image
from reviewer.ingest.extract.limits import Limits
from reviewer.ingest.extract.mail_eml import extract_eml
from reviewer.ingest.extract.mail_msg import extract_msg_bytes
from reviewer.ingest.extract.mbox import extract_mbox
from reviewer.ingest.extract.media import extract_media
from reviewer.ingest.extract.ocr import apply_ocr
from reviewer.ingest.extract.ocr import enabled as ocr_enabled
from reviewer.ingest.extract.ole import MSG_KIND, classify
from reviewer.ingest.extract.pdf import extract_pdf
from reviewer.ingest.extract.plain import extract_html, extract_rtf, extract_text
from reviewer.ingest.extract.pst import extract_pst
from reviewer.ingest.extract.sheet import extract_xlsx
from reviewer.ingest.extract.word import extract_docx
from reviewer.ingest.types import EMPTY, Extraction, Identification

__all__ = ["DEFAULT_LIMITS", "Limits", "extract"]

DEFAULT_LIMITS = Limits()


def extract(
    data: bytes,
    name: str,
    ident: Identification,
    limits: Limits = DEFAULT_LIMITS,
    *,
    boxes: bool = True,
    ocr: bool = False,
) -> Extraction:
    """Text, pages, word boxes and members of one file's bytes; never raises.

    With `boxes=False` PDF word boxes come only packed (`PageText.packed`), as ingest stores them.
    With `ocr`, scanned pages and images are read by OCR (`extract.ocr`) where it is enabled.
    """
    try:
        if not data:
            return failed(EMPTY, "zero-byte file")
        kind = sniff.detect_kind(data, name, ident)
        result = _dispatch(kind, data, name, ident, limits, boxes)
        if ocr and result.needs_ocr and kind in (sniff.PDF, sniff.IMAGE) and ocr_enabled():
            return apply_ocr(data, kind, result)
        return result
    except MemoryError:
        return failed("too_large", "not enough memory to extract this file")
    except RecursionError:
        return failed("corrupt", "file is nested too deeply to read")
    except Exception as exc:
        return error(exc, sniff.describe(name, ident))


def _dispatch(
    kind: str, data: bytes, name: str, ident: Identification, limits: Limits, boxes: bool
) -> Extraction:
    if kind == sniff.PDF:
        return extract_pdf(data, limits, boxes)
    if kind == sniff.DOCX:
        return extract_docx(data, limits)
    if kind == sniff.XLSX:
        return extract_xlsx(data, limits)
    if kind == sniff.ZIP:
        return extract_zip(data, limits)
    if kind in (sniff.OLE, sniff.MSG):
        ole_kind, verdict = classify(data)
        if ole_kind == MSG_KIND:
            return extract_msg_bytes(data)
        assert verdict is not None
        return verdict
    if kind == sniff.EML:
        return extract_eml(data)
    if kind == sniff.MBOX:
        return extract_mbox(data, limits)
    if kind == sniff.PST:
        return extract_pst(data, limits)
    if kind == sniff.HTML:
        return extract_html(data)
    if kind == sniff.RTF:
        return extract_rtf(data)
    if kind in (sniff.TEXT, sniff.XML):
        return extract_text(data)
    if kind == sniff.IMAGE:
        return extract_image(data)
    if kind == sniff.MEDIA:
        return extract_media(data)
    return unsupported(sniff.describe(name, ident))
