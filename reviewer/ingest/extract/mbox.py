"""MBOX mailboxes: each message a child record (an `.eml`), its attachments grandchildren.

Messages are found as Python's `mailbox.mbox` finds them (a line starting `From ` begins
one) and read with `mailbox.mboxMessage`, but over the bytes already in memory, one message
at a time: the container's own text is a short index (date, sender, subject per message),
never the raw MIME and base64 that made junk highlights. A message without mail headers is
one damaged record; the rest of the mailbox is read.
"""

from __future__ import annotations

import mailbox
import re
from collections.abc import Iterator
from email import policy
from email.parser import BytesHeaderParser

from reviewer.ingest.extract.common import safe_file_name
from reviewer.ingest.extract.limits import Limits
from reviewer.ingest.types import CORRUPT, OK, TOO_LARGE, Extraction, Member, PageText

WHAT = "MBOX mailbox"
_FROM_LINE = re.compile(rb"^From ", re.MULTILINE)
_HEADER = re.compile(rb"^[!-9;-~]+[ \t]*:", re.MULTILINE)
SUBJECT_CHARS = 60
# Mailboxes hold far more messages than archives members; each needs a header block at least.
MAX_MESSAGES = 500_000


def spans(data: bytes) -> Iterator[tuple[int, int]]:
    """(start, end) of each message, `From ` line included, trailing line break excluded."""
    starts = [m.start() for m in _FROM_LINE.finditer(data)]
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(data)
        # mailbox.mbox drops the blank line that separates one message from the next.
        if i + 1 < len(starts):
            if data[end - 2 : end] == b"\r\n":
                end -= 2
            elif data[end - 1 : end] == b"\n":
                end -= 1
        yield start, end


def _summary(message: mailbox.mboxMessage) -> tuple[str, str, str]:
    def get(key: str) -> str:
        try:
            return " ".join(str(message.get(key, "") or "").split())
        except Exception:
            return ""

    return get("Date"), get("From"), get("Subject")


def _name(index: int, width: int, subject: str) -> str:
    title = safe_file_name(subject[:SUBJECT_CHARS].strip(), "message") if subject else "message"
    return f"{index:0{width}d} {title}.eml"


def extract_mbox(data: bytes, limits: Limits) -> Extraction:
    """The mailbox's messages as members (RFC 5322 bytes without the `From ` line)."""
    members: list[Member] = []
    index_lines: list[str] = []
    found = list(spans(data))
    width = max(4, len(str(len(found))))
    parser = BytesHeaderParser(policy=policy.compat32)
    total = 0
    skipped = 0
    for number, (start, end) in enumerate(found, 1):
        if len(members) >= max(limits.max_members, MAX_MESSAGES):
            skipped += 1
            continue
        chunk = data[start:end]
        from_line, _, body = chunk.partition(b"\n")
        if not _HEADER.match(body):
            members.append(
                Member(
                    f"{number:0{width}d} damaged message.eml",
                    None,
                    CORRUPT,
                    f"message {number} of the mailbox has no mail headers: not extracted",
                )
            )
            index_lines.append(f"{number}. (damaged: no mail headers)")
            continue
        message = mailbox.mboxMessage(parser.parsebytes(body))
        message.set_from(from_line[5:].decode("ascii", "replace").strip())
        date, sender, subject = _summary(message)
        name = _name(number, width, subject)
        if total + len(body) > limits.max_total_bytes:
            members.append(Member(name, None, TOO_LARGE, "mailbox exceeds the extraction limit"))
            continue
        total += len(body)
        members.append(Member(name, body))
        index_lines.append(f"{number}. {date} | {sender} | {subject}")
    head = f"{WHAT}: {len(found)} message{'s' if len(found) != 1 else ''}"
    text = "\n".join([head, "", *index_lines])
    message_text = f"{skipped} more messages not read (limit {MAX_MESSAGES:,})" if skipped else ""
    if not found:
        return Extraction(status=CORRUPT, message="no messages found in the mailbox")
    return Extraction(
        status=OK, message=message_text, pages=(PageText(text),), members=tuple(members)
    )
