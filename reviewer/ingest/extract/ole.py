"""OLE compound files: Outlook MSG, password-protected Office files and legacy Office formats."""

from __future__ import annotations

import io

from reviewer.ingest.extract.common import corrupt, encrypted, failed
from reviewer.ingest.types import UNSUPPORTED, Extraction

MSG_KIND = "msg"

_LEGACY = (
    ("worddocument", "Word 97-2003 document (.doc)"),
    ("workbook", "Excel 97-2003 workbook (.xls)"),
    ("book", "Excel 5 workbook (.xls)"),
    ("powerpoint document", "PowerPoint 97-2003 presentation (.ppt)"),
)


def classify(data: bytes) -> tuple[str | None, Extraction | None]:
    """("msg", None) for an Outlook message, else (None, the status this OLE file gets)."""
    try:
        import olefile

        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            entries = ole.listdir(streams=True, storages=True)
            top = {e[0].lower() for e in entries if e}
            word_flags = _word_flags(ole) if ole.exists("WordDocument") else 0
    except Exception:
        return None, corrupt("Office or Outlook file (OLE compound file)")
    if "encryptedpackage" in top:
        return None, encrypted("Office document")
    if "__properties_version1.0" in top or any(t.startswith("__substg1.0_") for t in top):
        return MSG_KIND, None
    if word_flags & 0x0100:  # FIB fEncrypted
        return None, encrypted("Word 97-2003 document (.doc)")
    for stream, label in _LEGACY:
        if stream in top:
            return None, failed(
                UNSUPPORTED, f"no text extractor for {label}: convert it to the current format"
            )
    return None, failed(UNSUPPORTED, "no text extractor for this OLE compound file")


def _word_flags(ole: object) -> int:
    """The FIB flags word of a .doc (bytes 10-11 of the WordDocument stream)."""
    stream = ole.openstream("WordDocument")  # type: ignore[attr-defined]
    head = stream.read(12)
    return int.from_bytes(head[10:12], "little") if len(head) >= 12 else 0
