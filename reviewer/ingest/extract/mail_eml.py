"""EML (RFC 5322) messages: a header block, the body, and attachments as child records."""

from __future__ import annotations

import mimetypes
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.headerregistry import HeaderRegistry
from email.message import EmailMessage, Message
from typing import Any

from reviewer.ingest.extract.common import error, header_block, safe_file_name, unique_names
from reviewer.ingest.extract.plain import decode_text, html_to_text
from reviewer.ingest.types import OK, TOO_LARGE, Extraction, Member, PageText

WHAT = "email message"


class _CachedHeaders(HeaderRegistry):
    """The standard header classes, each (name, raw value) parsed once per message.

    The email package re-parses a part's Content-Type every time it is asked for (over twenty
    times per message while parsing and walking it); parsed headers are immutable, so they
    can be shared.
    """

    def __init__(self) -> None:
        super().__init__()
        self._parsed: dict[tuple[str, str], Any] = {}

    def __call__(self, name: str, value: str) -> Any:
        key = (name, value)
        header = self._parsed.get(key)
        if header is None:
            if len(self._parsed) > 512:
                self._parsed.clear()
            header = self._parsed[key] = super().__call__(name, value)
        return header


_POLICY = policy.default.clone(header_factory=_CachedHeaders())
HEADERS = (("From", "from"), ("To", "to"), ("Cc", "cc"), ("Date", "date"), ("Subject", "subject"))


def _header(msg: Message, key: str) -> str:
    """A header's decoded value; the raw value when the parser chokes on a malformed one."""
    try:
        value = msg.get(key)
        return "" if value is None else str(value)
    except Exception:
        raw = msg.get_all(key, failobj=[]) if hasattr(msg, "get_all") else []
        return " ".join(str(getattr(v, "_raw", v)) for v in raw) if raw else ""


def _part_text(part: Message) -> str:
    try:
        content = part.get_content()  # type: ignore[attr-defined]
        if isinstance(content, str):
            return content
    except Exception:
        pass
    payload = part.get_payload(decode=True)
    return (decode_text(payload) or "") if isinstance(payload, bytes) else ""


def body_of(msg: EmailMessage) -> tuple[str, Message | None]:
    try:
        part = msg.get_body(preferencelist=("plain", "html"))
    except Exception:
        part = None
    if part is None:
        if msg.is_multipart() or msg.get_content_maintype() != "text":
            return "", None
        part = msg
    text = _part_text(part)
    if part.get_content_subtype() == "html":
        text = html_to_text(text)
    return text, part


def _attachment_parts(part: Message, body: Message | None) -> Iterator[Message]:
    """Attachment parts in order, not descending into attached messages (they are records)."""
    if part is body:
        return
    if part.get_content_type() == "message/rfc822":
        yield part
        return
    if part.is_multipart():
        subparts: Any = part.get_payload()
        for sub in subparts:
            if isinstance(sub, Message):
                yield from _attachment_parts(sub, body)
        return
    named = part.get_filename() is not None
    disposition = (part.get_content_disposition() or "").lower()
    if named or disposition == "attachment" or part.get_content_maintype() != "text":
        yield part


def _member_data(part: Message) -> bytes | None:
    if part.get_content_type() == "message/rfc822":
        inner = part.get_payload()
        if isinstance(inner, list) and inner:
            inner = inner[0]
        if isinstance(inner, Message):
            return inner.as_bytes(policy=policy.SMTP)
        return inner.encode("utf-8", "surrogateescape") if isinstance(inner, str) else None
    payload = part.get_payload(decode=True)
    return payload if isinstance(payload, bytes) else None


def _member_name(part: Message, index: int) -> str:
    try:
        filename = part.get_filename()
    except Exception:
        filename = None
    if part.get_content_type() == "message/rfc822":
        if not filename:
            inner: Any = part.get_payload()
            inner = inner[0] if isinstance(inner, list) and inner else None
            filename = _header(inner, "subject") if isinstance(inner, Message) else ""
        name = safe_file_name(filename, f"message-{index}")
        return name if name.lower().endswith(".eml") else f"{name}.eml"
    if filename:
        return safe_file_name(filename, f"attachment-{index}")
    ext = mimetypes.guess_extension(part.get_content_type()) or ".bin"
    return f"attachment-{index}{ext}"


def members_of(msg: EmailMessage, body: Message | None) -> tuple[Member, ...]:
    parts = list(_attachment_parts(msg, body))
    names = unique_names(_member_name(p, i) for i, p in enumerate(parts, 1))
    out = []
    for name, part in zip(names, parts, strict=True):
        try:
            data = _member_data(part)
        except Exception:
            data = None
        if data is None:
            out.append(Member(name, None, "corrupt", "attachment could not be decoded"))
        else:
            out.append(Member(name, data))
    return tuple(out)


def parse(data: bytes) -> EmailMessage:
    msg = message_from_bytes(data, policy=_POLICY)
    assert isinstance(msg, EmailMessage)
    return msg


DEEP = "message nested too deeply to open (hundreds of levels): headers only"


def _headers_only(data: bytes) -> Extraction:
    """A message whose nesting the parser cannot follow (it recurses once per level): its
    own headers are still read, and it says why nothing else is."""
    msg = message_from_bytes(data, policy=_POLICY, _class=EmailMessage)
    head = header_block((label, _header(msg, key)) for label, key in HEADERS)
    return Extraction(status=TOO_LARGE, message=DEEP, pages=(PageText(head),))


def extract_eml(data: bytes) -> Extraction:
    try:
        msg = parse(data)
    except RecursionError:
        try:
            return _headers_only(data.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0])
        except Exception as exc:
            return error(exc, WHAT)
    except Exception as exc:
        return error(exc, WHAT)
    try:
        head = header_block((label, _header(msg, key)) for label, key in HEADERS)
        body, body_part = body_of(msg)
        members = members_of(msg, body_part)
    except Exception as exc:
        return error(exc, WHAT)
    text = f"{head}\n\n{body}" if head else body
    if not head and not body.strip() and not members:
        return Extraction(
            status="empty", message="no headers or text found", pages=(PageText(text),)
        )
    return Extraction(status=OK, pages=(PageText(text),), members=members)
