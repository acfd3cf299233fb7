"""Decide which reader a file needs: magic bytes first, then PRONOM, then the extension.

Files are often misnamed (a PDF saved as `.doc`), so the bytes outrank the name; the name
is only trusted when the bytes say nothing.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePosixPath

from reviewer.ingest.extract.media import media_magic
from reviewer.ingest.types import Identification

PDF = "pdf"
DOCX = "docx"
XLSX = "xlsx"
ZIP = "zip"
OLE = "ole"
EML = "eml"
MBOX = "mbox"
PST = "pst"
MSG = "msg"
TEXT = "text"
HTML = "html"
XML = "xml"
RTF = "rtf"
IMAGE = "image"
MEDIA = "media"
OTHER = "other"
BROKEN_ZIP = "broken-zip"

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_MIMES = {
    "application/pdf": PDF,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": DOCX,
    "application/vnd.ms-word.document.macroenabled.12": DOCX,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": XLSX,
    "application/vnd.ms-excel.sheet.macroenabled.12": XLSX,
    "application/zip": ZIP,
    "application/x-zip-compressed": ZIP,
    "message/rfc822": EML,
    "application/mbox": MBOX,
    "application/vnd.ms-outlook-pst": PST,
    "application/vnd.ms-outlook": MSG,
    "text/plain": TEXT,
    "text/csv": TEXT,
    "text/tab-separated-values": TEXT,
    "text/html": HTML,
    "application/xhtml+xml": HTML,
    "text/xml": XML,
    "application/xml": XML,
    "application/rtf": RTF,
    "text/rtf": RTF,
    "application/msword": OLE,
    "application/vnd.ms-excel": OLE,
    "application/vnd.ms-powerpoint": OLE,
}

_EXTENSIONS = {
    ".pdf": PDF,
    ".docx": DOCX,
    ".docm": DOCX,
    ".dotx": DOCX,
    ".xlsx": XLSX,
    ".xlsm": XLSX,
    ".zip": ZIP,
    ".eml": EML,
    ".mbox": MBOX,
    ".pst": PST,
    ".ost": PST,
    ".mbx": MBOX,
    ".msg": MSG,
    ".txt": TEXT,
    ".text": TEXT,
    ".log": TEXT,
    ".md": TEXT,
    ".csv": TEXT,
    ".tsv": TEXT,
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".xml": XML,
    ".rtf": RTF,
    ".doc": OLE,
    ".dot": OLE,
    ".xls": OLE,
    ".ppt": OLE,
    ".png": IMAGE,
    ".jpg": IMAGE,
    ".jpeg": IMAGE,
    ".tif": IMAGE,
    ".tiff": IMAGE,
    ".gif": IMAGE,
    ".bmp": IMAGE,
    ".webp": IMAGE,
    **dict.fromkeys(
        (".mp4", ".m4v", ".mov", ".avi", ".mkv", ".webm", ".wmv", ".mpg", ".mpeg", ".3gp"), MEDIA
    ),
    **dict.fromkeys((".mp3", ".wav", ".m4a", ".wma", ".flac", ".ogg", ".aac", ".amr"), MEDIA),
}

_MAIL_HEADERS = re.compile(
    rb"^(from|to|subject|date|received|message-id|mime-version|return-path|cc|reply-to)\s*:",
    re.IGNORECASE | re.MULTILINE,
)
_HEADER_LINE = re.compile(rb"^[!-9;-~]+[ \t]*:")
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)


def extension(name: str) -> str:
    return PurePosixPath(name.replace("\\", "/")).suffix.lower()


def image_magic(data: bytes) -> bool:
    head = data[:16]
    return (
        head.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a"))
        or head.startswith((b"II*\x00", b"MM\x00*"))
        or (head[:4] == b"RIFF" and head[8:12] == b"WEBP")
        or (
            head[:2] == b"BM"
            and len(data) >= 26
            and int.from_bytes(head[2:6], "little") == len(data)
        )
    )


def _zip_kind(data: bytes) -> str | None:
    """DOCX/XLSX are zips: tell them apart by their parts, as PRONOM container signatures do.

    None when the zip cannot be opened (truncated): the name must then say what it was.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return None
    if "word/document.xml" in names:
        return DOCX
    if "xl/workbook.xml" in names:
        return XLSX
    if "[Content_Types].xml" in names or "mimetype" in names:
        return OTHER  # another OOXML/ODF/EPUB package: not a plain archive
    return ZIP


def _magic(data: bytes) -> str | None:
    """Container signatures at offset 0 first, then content markers that may float: a stored
    ZIP whose first member is a PDF holds `%PDF-` in its first kilobyte, yet it is a ZIP."""
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(data) or BROKEN_ZIP
    if data.startswith(OLE_MAGIC):
        return OLE
    if data.startswith(b"!BDN"):  # Outlook PST/OST
        return PST
    if b"%PDF-" in data[:1024]:
        return PDF
    if data.lstrip()[:5] == b"{\\rtf":
        return RTF
    if image_magic(data):
        return IMAGE
    if media_magic(data):
        return MEDIA
    return None


def looks_like_mbox(data: bytes) -> bool:
    """An MBOX mailbox: a `From sender date` line first, then mail headers."""
    if not data.startswith(b"From "):
        return False
    first, _, rest = data[:4096].partition(b"\n")
    return len(first.split()) >= 3 and bool(_HEADER_LINE.match(rest))


def looks_like_mail(data: bytes) -> bool:
    head = data[:4096]
    first = head.lstrip(b"\r\n").split(b"\n", 1)[0]
    return bool(_HEADER_LINE.match(first)) and len(_MAIL_HEADERS.findall(head)) >= 2


def looks_like_html(data: bytes) -> bool:
    return bool(_HTML_START.match(data[:2048].removeprefix(b"\xef\xbb\xbf")))


def looks_like_text(data: bytes) -> bool:
    """Few control bytes and no NULs (bar UTF-16 with a BOM): worth decoding as text."""
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls <= len(head) // 100


def detect_kind(data: bytes, name: str, ident: Identification) -> str:
    """The reader to use for these bytes."""
    magic = _magic(data)
    if magic is not None and magic != BROKEN_ZIP:
        return magic
    if looks_like_mbox(data):
        return MBOX
    mime = (ident.mime or "").split(";")[0].strip().lower()
    kind = _MIMES.get(mime)
    if kind is None and mime.startswith("image/"):
        kind = IMAGE
    if kind is None and mime.startswith(("video/", "audio/")):
        kind = MEDIA
    if kind is None:
        kind = _EXTENSIONS.get(extension(name))
    if magic == BROKEN_ZIP:
        return kind if kind in (DOCX, XLSX) else ZIP
    if kind is not None:
        return kind  # for binary formats the reader reports the damage when the magic is missing
    if looks_like_mail(data):
        return EML
    if looks_like_html(data):
        return HTML
    if looks_like_text(data):
        return TEXT
    return OTHER


def describe(name: str, ident: Identification) -> str:
    """A format name for messages: PRONOM's name, else the extension."""
    if ident.format_name:
        return ident.format_name
    ext = extension(name)
    return f"{ext} files" if ext else "files of this format"
