"""Outlook MSG messages (extract-msg): header block, body, attachments as child records."""

from __future__ import annotations

import contextlib
import logging
from typing import Any

from reviewer.ingest.extract.common import error, header_block, safe_file_name, unique_names
from reviewer.ingest.extract.plain import html_to_text
from reviewer.ingest.types import CORRUPT, EMPTY, ERROR, OK, Extraction, Member, PageText

WHAT = "Outlook message"


def open_msg(data: bytes) -> Any:
    """An extract-msg object for MSG bytes; the caller must close it."""
    import extract_msg

    logging.getLogger("extract_msg").setLevel(logging.CRITICAL)  # it logs content details
    return extract_msg.openMsg(data, strict=False, delayAttachments=False)


def _safe(obj: Any, attr: str) -> Any:
    try:
        return getattr(obj, attr)
    except Exception:
        return None


def _stream(msg: Any, prop: str) -> str | None:
    """A string property read directly (display To/Cc when there is no recipient table)."""
    try:
        value = msg.getStringStream(f"__substg1.0_{prop}")
    except Exception:
        return None
    return value if isinstance(value, str) else None


def _date(msg: Any) -> str | None:
    date = _safe(msg, "date")
    if date is not None:
        return str(date.strftime("%a, %d %b %Y %H:%M:%S %z")).strip()
    header = _safe(msg, "header")
    try:
        value = header.get("Date") if header is not None else None
    except Exception:
        return None
    return str(value) if value else None


def _body(msg: Any) -> str:
    body = _safe(msg, "body")
    if isinstance(body, str) and body.strip():
        return body
    html = _safe(msg, "htmlBody")
    if isinstance(html, bytes) and html.strip():
        return html_to_text(html)
    return body if isinstance(body, str) else ""


def _attachment(att: Any, index: int) -> tuple[str, bytes | None, str]:
    """(name, bytes or None, reason) for one attachment."""
    name = _safe(att, "longFilename") or _safe(att, "shortFilename") or _safe(att, "displayName")
    data = _safe(att, "data")
    if isinstance(data, bytes | bytearray):
        return safe_file_name(name, f"attachment-{index}"), bytes(data), ""
    if data is not None and hasattr(data, "exportBytes"):
        label = safe_file_name(name or _safe(data, "subject"), f"message-{index}")
        label = label if label.lower().endswith(".msg") else f"{label}.msg"
        try:
            return label, data.exportBytes(allowBadEmbed=True), ""
        except Exception:
            return label, None, "embedded message could not be exported"
    return safe_file_name(name, f"attachment-{index}"), None, "attachment has no readable data"


def members_of(msg: Any) -> tuple[Member, ...]:
    attachments = _safe(msg, "attachments") or []
    found = [_attachment(att, i) for i, att in enumerate(attachments, 1)]
    names = unique_names(name for name, _, _ in found)
    return tuple(
        Member(name, data) if data is not None else Member(name, None, ERROR, reason)
        for name, (_, data, reason) in zip(names, found, strict=True)
    )


def extract_msg_bytes(data: bytes) -> Extraction:
    try:
        msg = open_msg(data)
    except Exception:
        return Extraction(status=CORRUPT, message=f"damaged or unreadable {WHAT}")
    try:
        head = header_block(
            (
                ("From", _safe(msg, "sender")),
                ("To", _safe(msg, "to") or _stream(msg, "0E04")),
                ("Cc", _safe(msg, "cc") or _stream(msg, "0E03")),
                ("Date", _date(msg)),
                ("Subject", _safe(msg, "subject")),
            )
        )
        body = _body(msg)
        members = members_of(msg)
    except Exception as exc:
        return error(exc, WHAT)
    finally:
        with contextlib.suppress(Exception):
            msg.close()
    text = f"{head}\n\n{body}" if head else body
    if not text.strip() and not members:
        return Extraction(status=EMPTY, message="no headers or text found", pages=(PageText(""),))
    return Extraction(status=OK, pages=(PageText(text),), members=members)
