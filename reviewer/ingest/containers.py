"""Re-open one member of a container or email, by the name `extract` gave it.

The store keeps only the parent's bytes; the viewer and export pull a child record's bytes
out again through here, using the same naming rules as extraction.
"""

from __future__ import annotations

import contextlib
import io
import zipfile

from reviewer.ingest.extract import sniff
from reviewer.ingest.extract.archive import entries, read_bounded
from reviewer.ingest.extract.limits import Limits
from reviewer.ingest.extract.mail_eml import body_of, members_of, parse
from reviewer.ingest.extract.ole import MSG_KIND, classify
from reviewer.ingest.types import OK, Identification, Member


class MemberNotFound(LookupError):
    """The parent no longer holds a member of that name (changed, damaged or not a container)."""


def read_member(
    parent_data: bytes,
    parent_name: str,
    parent_ident: Identification,
    member_name: str,
    limits: Limits | None = None,
) -> bytes:
    """The bytes of the member `extract` listed as `member_name` in this parent."""
    limits = limits or Limits()
    kind = sniff.detect_kind(parent_data, parent_name, parent_ident)
    try:
        if kind == sniff.ZIP:
            return _zip_member(parent_data, member_name, limits)
        members = _members(kind, parent_data, limits)
    except MemberNotFound:
        raise
    except Exception as exc:
        raise MemberNotFound(f"container could not be read ({type(exc).__name__})") from exc
    for member in members:
        if member.name == member_name:
            if member.data is None:
                raise MemberNotFound(f"member was not extractable: {member.message}")
            return member.data
    raise MemberNotFound("no member of that name in the container")


def _members(kind: str, data: bytes, limits: Limits) -> tuple[Member, ...]:
    if kind in (sniff.MBOX, sniff.PST):
        from reviewer.ingest.extract.mbox import extract_mbox
        from reviewer.ingest.extract.pst import extract_pst

        mailbox = extract_mbox if kind == sniff.MBOX else extract_pst
        return mailbox(data, limits).members
    if kind == sniff.EML:
        msg = parse(data)
        return members_of(msg, body_of(msg)[1])
    if kind in (sniff.OLE, sniff.MSG) and classify(data)[0] == MSG_KIND:
        from reviewer.ingest.extract import mail_msg

        msg = mail_msg.open_msg(data)
        try:
            return mail_msg.members_of(msg)
        finally:
            with contextlib.suppress(Exception):
                msg.close()
    if kind == sniff.PDF:
        from reviewer.ingest.extract import pdf

        doc = pdf.module().open(stream=data, filetype="pdf")
        try:
            if doc.needs_pass and not doc.authenticate(""):
                raise MemberNotFound("container is password-protected")
            return pdf.embedded_members(doc, limits)
        finally:
            doc.close()
    raise MemberNotFound("this file is not a container with members")


def _zip_member(data: bytes, member_name: str, limits: Limits) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        listed, _ = entries(archive, limits)
        for entry in listed:
            if entry.name == member_name:
                if entry.status != OK:
                    raise MemberNotFound(f"member was not extractable: {entry.message}")
                return read_bounded(archive, entry.info, limits.max_member_bytes, limits)
    raise MemberNotFound("no member of that name in the archive")
