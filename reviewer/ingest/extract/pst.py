"""Outlook PST/OST mailboxes through libpff (`pypff`): folders' messages become child records.

A PST message is not a file of its own, so each becomes an RFC 5322 message (`.eml`) made the
same way every time from what the PST holds: the internet headers Outlook kept (From, To, Cc,
Date, Subject as sent), else the sender and times it recorded; the plain-text body (else the
HTML one); the attachments, which become grandchildren. Child names carry the folder path
(`Inbox/0007 Subject.eml`). A message libpff cannot read is one corrupt record; the rest are
read.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesHeaderParser
from email.utils import format_datetime
from typing import Any

from reviewer.ingest.extract.common import corrupt, safe_file_name
from reviewer.ingest.extract.limits import Limits
from reviewer.ingest.types import CORRUPT, OK, TOO_LARGE, Extraction, Member, PageText

WHAT = "Outlook PST mailbox"
PST_MAGIC = b"!BDN"
KEPT_HEADERS = ("From", "To", "Cc", "Date", "Subject", "Message-ID", "In-Reply-To")
SUBJECT_CHARS = 60
MAX_MESSAGES = 500_000


def _folders(folder: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    yield path, folder
    for i in range(folder.number_of_sub_folders):
        sub = folder.get_sub_folder(i)
        name = safe_file_name(sub.name or "", f"folder {i + 1}")
        yield from _folders(sub, (*path, name))


def _text(value: bytes | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    for encoding in ("utf-8", "cp1252"):
        try:
            return value.decode(encoding)
        except UnicodeDecodeError:
            continue
    return value.decode("latin-1")


def _when(message: Any) -> datetime | None:
    for attribute in ("client_submit_time", "delivery_time", "creation_time"):
        try:
            value = getattr(message, attribute)
        except Exception:
            continue
        if isinstance(value, datetime):
            return value if value.tzinfo else value.replace(tzinfo=UTC)
    return None


def _headers(message: Any) -> dict[str, str]:
    """The internet headers Outlook kept for a message that came by SMTP (first of each)."""
    raw = _text(getattr(message, "transport_headers", None))
    if not raw.strip():
        return {}
    parsed = BytesHeaderParser(policy=policy.compat32).parsebytes(raw.encode("utf-8", "replace"))
    out = {}
    for key in KEPT_HEADERS:
        value = parsed.get(key)
        if value:
            out[key] = " ".join(str(value).split())
    return out


def render(message: Any) -> bytes:
    """One PST message as RFC 5322 bytes, identical each time (fixed MIME boundary)."""
    msg = EmailMessage(policy=policy.SMTP)
    kept = _headers(message)
    subject = _text(message.subject)
    sender = _text(message.sender_name)
    when = _when(message)
    kept.setdefault("From", sender)
    kept.setdefault("Subject", subject)
    if when is not None:
        kept.setdefault("Date", format_datetime(when))
    for key in KEPT_HEADERS:
        if kept.get(key):
            try:
                msg[key] = kept[key]
            except (ValueError, TypeError):  # a header the policy refuses: keep it as text
                msg[f"X-PST-{key}"] = kept[key].encode("ascii", "replace").decode()
    plain = _text(message.plain_text_body)
    html = _text(message.html_body) if not plain.strip() else ""
    if html:
        msg.set_content(html, subtype="html")
    else:
        msg.set_content(plain or "")
    unread = 0
    for i in range(message.number_of_attachments):
        try:
            attachment = message.get_attachment(i)
            data = attachment.read_buffer(attachment.size) if attachment.size else b""
            name = safe_file_name(attachment.long_filename or "", f"attachment-{i + 1}")
        except Exception:
            unread += 1
            continue
        msg.add_attachment(data, maintype="application", subtype="octet-stream", filename=name)
    if unread:
        msg["X-PST-Unreadable-Attachments"] = str(unread)
    if msg.is_multipart():
        msg.set_boundary(f"=_pst_{message.identifier}")
    return msg.as_bytes()


def _name(folder: tuple[str, ...], number: int, subject: str) -> str:
    title = safe_file_name(subject[:SUBJECT_CHARS].strip(), "message") if subject else "message"
    return "/".join((*folder, f"{number:04d} {title}.eml"))


def open_pst(data: bytes) -> Any:
    import pypff

    pst = pypff.file()
    pst.open_file_object(io.BytesIO(data))
    return pst


def extract_pst(data: bytes, limits: Limits) -> Extraction:
    """Every folder's messages as members; the PST's own text is an index of them."""
    try:
        pst = open_pst(data)
        root = pst.get_root_folder()
    except ImportError:
        return Extraction(status="unsupported", message="PST reader (libpff) is not installed")
    except Exception:
        return corrupt(WHAT)
    members: list[Member] = []
    lines: list[str] = []
    total = number = 0
    try:
        for folder_path, folder in _folders(root):
            for i in range(folder.number_of_sub_messages):
                number += 1
                if number > MAX_MESSAGES:
                    continue
                where = "/".join(folder_path) or "(top)"
                try:
                    message = folder.get_sub_message(i)
                    subject = _text(message.subject)
                    name = _name(folder_path, number, subject)
                    rendered = render(message)
                except Exception:
                    name = _name(folder_path, number, "damaged message")
                    problem = f"message {number} in folder {where} could not be read from the PST"
                    members.append(Member(name, None, CORRUPT, problem))
                    lines.append(f"{number}. {where}: (damaged)")
                    continue
                if total + len(rendered) > limits.max_total_bytes:
                    members.append(Member(name, None, TOO_LARGE, "mailbox exceeds the limit"))
                    continue
                total += len(rendered)
                members.append(Member(name, rendered))
                lines.append(f"{number}. {where}: {subject}")
    except Exception:
        # The folder tree itself is damaged part-way: keep what was read, and say so.
        text = "\n".join([f"{WHAT}: {len(members)} messages read before damage", "", *lines])
        return Extraction(
            status=OK if members else CORRUPT,
            message="damaged PST: the folder tree could not be read to the end",
            pages=(PageText(text),),
            members=tuple(members),
        )
    finally:
        pst.close()
    skipped = max(0, number - MAX_MESSAGES)
    note = f"{skipped} more messages not read (limit {MAX_MESSAGES:,})" if skipped else ""
    text = "\n".join([f"{WHAT}: {number} message{'s' if number != 1 else ''}", "", *lines])
    return Extraction(status=OK, message=note, pages=(PageText(text),), members=tuple(members))
