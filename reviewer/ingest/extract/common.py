"""Small helpers shared by the format readers: result builders, member naming, header blocks."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import PurePosixPath

from reviewer.ingest.types import (
    CORRUPT,
    EMPTY,
    ENCRYPTED,
    ERROR,
    UNSUPPORTED,
    Extraction,
    Member,
    PageText,
)

_UNSAFE_CHARS = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]')
MAX_NAME = 200


def failed(status: str, message: str) -> Extraction:
    """An extraction with no text, only a status and a plain reason."""
    return Extraction(status=status, message=message)


def corrupt(what: str) -> Extraction:
    return failed(CORRUPT, f"damaged or unreadable {what}")


def encrypted(what: str) -> Extraction:
    return failed(ENCRYPTED, f"password-protected {what}: cannot read without the password")


def unsupported(what: str) -> Extraction:
    return failed(UNSUPPORTED, f"no text extractor for {what}")


def error(exc: BaseException, what: str) -> Extraction:
    """An unexpected failure; the exception type only, never its text (it may quote content)."""
    return failed(ERROR, f"could not read {what}: unexpected {type(exc).__name__}")


def single_page(text: str, members: tuple[Member, ...] = (), message: str = "") -> Extraction:
    """An unpaged record's text; `empty` when nothing but whitespace came out."""
    status = "ok" if text.strip() or members else EMPTY
    if status == EMPTY and not message:
        message = "no text found"
    return Extraction(status=status, message=message, pages=(PageText(text),), members=members)


def safe_file_name(name: str | None, fallback: str = "attachment") -> str:
    """An attachment's file name with path separators and control characters made harmless."""
    cleaned = _UNSAFE_CHARS.sub("_", name or "").strip().strip(".")
    if not cleaned:
        cleaned = fallback
    if len(cleaned) > MAX_NAME:
        path = PurePosixPath(cleaned)
        suffix = path.suffix[:20]
        cleaned = cleaned[: MAX_NAME - len(suffix)] + suffix
    return cleaned


def unique_names(names: Iterable[str]) -> list[str]:
    """De-duplicate names the way file managers do: `a.txt`, `a (2).txt`, `a (3).txt`."""
    seen: set[str] = set()
    out: list[str] = []
    for name in names:
        candidate = name
        if candidate.lower() in seen:
            path = PurePosixPath(name)
            stem, suffix = (name[: -len(path.suffix)], path.suffix) if path.suffix else (name, "")
            n = 2
            while f"{stem} ({n}){suffix}".lower() in seen:
                n += 1
            candidate = f"{stem} ({n}){suffix}"
        seen.add(candidate.lower())
        out.append(candidate)
    return out


def header_block(fields: Iterable[tuple[str, str | None]]) -> str:
    """`Name: value` lines for the email headers a reviewer reads first; empty values left out."""
    lines = []
    for label, value in fields:
        if value:
            flat = " ".join(str(value).split())
            lines.append(f"{label}: {flat}")
    return "\n".join(lines)
