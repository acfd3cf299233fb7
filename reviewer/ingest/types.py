"""Plain values passed between identification, extraction and the store writer.

Frozen dataclasses so they cross process boundaries (`--jobs`) and never carry ORM rows.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from itertools import chain

# Record statuses, as in the command-line contract.
OK = "ok"
EMPTY = "empty"
ENCRYPTED = "encrypted"
CORRUPT = "corrupt"
UNSUPPORTED = "unsupported"
TOO_LARGE = "too_large"
EXCLUDED = "excluded"
ERROR = "error"
STATUSES = (OK, EMPTY, ENCRYPTED, CORRUPT, UNSUPPORTED, TOO_LARGE, EXCLUDED, ERROR)

# Pages of a paged record are joined with a form feed, as pdftotext does; offsets of detected
# spans are into this joined text.
PAGE_SEPARATOR = "\f"

# A PDF word box: (start, end, x0, y0, x1, y1), offsets within the page's text, PDF points.
WordBox = tuple[int, int, float, float, float, float]


def pack_words(words: tuple[WordBox, ...] | None) -> bytes | None:
    """Word boxes as little-endian float32s, six per word: compact and fast to store and read.

    float32 holds page offsets exactly (pages are far shorter than 16 million characters) and
    coordinates to well under a thousandth of a point.
    """
    if words is None:
        return None
    packed = array("f", chain.from_iterable(words))
    if packed.itemsize != 4:  # pragma: no cover - every supported platform has 4-byte floats
        raise RuntimeError("float32 arrays are required")
    return packed.tobytes()


def unpack_words(blob: bytes | None) -> tuple[WordBox, ...]:
    """The word boxes `pack_words` stored (empty for pages without geometry)."""
    if not blob:
        return ()
    flat = array("f")
    flat.frombytes(blob)
    it = iter(flat)
    return tuple(
        (int(s), int(e), x0, y0, x1, y1)
        for s, e, x0, y0, x1, y1 in zip(it, it, it, it, it, it, strict=True)
    )


@dataclass(frozen=True)
class PageText:
    """Text of one page; `words` only for formats with a page geometry (PDF).

    `packed` is the same word boxes already packed by `pack_words` (ingest asks for only
    these: they cross process boundaries as one bytes object, not thousands of tuples).
    """

    text: str
    words: tuple[WordBox, ...] | None = None
    width: float | None = None
    height: float | None = None
    packed: bytes | None = None
    confidence: float | None = None  # OCR's mean word confidence (0-100); None: not OCR

    def packed_words(self) -> bytes | None:
        """The word boxes as `pack_words` stores them (None for pages without geometry)."""
        return self.packed if self.packed is not None else pack_words(self.words)


@dataclass(frozen=True)
class Member:
    """A container member or email attachment that becomes a child record.

    `data` is None when the member could not be read safely; `status`/`message` then say why.
    """

    name: str
    data: bytes | None
    status: str = OK
    message: str = ""
    mtime: float | None = None


@dataclass(frozen=True)
class Extraction:
    """What text extraction found in one file's bytes."""

    status: str = OK
    message: str = ""
    pages: tuple[PageText, ...] = ()
    page_count: int | None = None
    paged: bool = False
    needs_ocr: bool = False
    members: tuple[Member, ...] = field(default_factory=tuple)
    # What the file states about itself, kept with the record (a recording's duration, codecs).
    metadata: tuple[tuple[str, str], ...] = ()

    @property
    def text(self) -> str:
        """The record's whole text, pages joined by `PAGE_SEPARATOR`."""
        return PAGE_SEPARATOR.join(p.text for p in self.pages)


@dataclass(frozen=True)
class Identification:
    """PRONOM identification of a file (pygfried/Siegfried)."""

    puid: str | None = None
    format_name: str | None = None
    format_version: str | None = None
    mime: str | None = None
    method: str | None = None  # Signature | Extension | Container
    basis: str | None = None
    extension_mismatch: bool = False
    warning: str = ""
