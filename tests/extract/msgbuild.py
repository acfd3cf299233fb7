"""Builds small Outlook MSG files for tests with extract-msg's own OLE writer.

Only the properties extract-msg reads are written: message class, headers, subject, body,
sender and recipients display strings, and attachments (by value or embedded message).
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass, field

from extract_msg.ole_writer import OleWriter

PT_LONG = 0x0003
ATTACH_BY_VALUE = 1
ATTACH_EMBEDDED_MSG = 5


@dataclass
class MsgSpec:
    """What a generated message holds."""

    subject: str = ""
    body: str = ""
    sender: str = ""
    to: str = ""
    cc: str = ""
    headers: str = ""
    html: bytes | None = None
    attachments: list[tuple[str, bytes]] = field(default_factory=list)
    embedded: list[MsgSpec] = field(default_factory=list)


def _unicode(text: str) -> bytes:
    return text.encode("utf-16-le")


def _prop(tag_id: int, ptype: int, value: int) -> bytes:
    return struct.pack("<IIQ", (tag_id << 16) | ptype, 0x6, value)


def _add_message(writer: OleWriter, prefix: list[str], spec: MsgSpec, top: bool) -> None:
    def stream(name: str, data: bytes) -> None:
        writer.addEntry([*prefix, name], data)

    count = len(spec.attachments) + len(spec.embedded)
    header = struct.pack("<8sIIII", b"\0" * 8, 0, count, 0, count)
    stream("__properties_version1.0", header + (b"\0" * 8 if top else b""))
    stream("__substg1.0_001A001F", _unicode("IPM.Note"))
    for tag, value in (
        ("0037001F", spec.subject),
        ("1000001F", spec.body),
        ("0C1A001F", spec.sender),
        ("0E04001F", spec.to),
        ("0E03001F", spec.cc),
        ("007D001F", spec.headers),
    ):
        if value:
            stream(f"__substg1.0_{tag}", _unicode(value))
    if spec.html is not None:
        stream("__substg1.0_10130102", spec.html)
    if top:
        for name in ("00020102", "00030102", "00040102"):
            writer.addEntry(["__nameid_version1.0", f"__substg1.0_{name}"], b"")
    index = 0
    for filename, data in spec.attachments:
        att = [*prefix, f"__attach_version1.0_#{index:08X}"]
        writer.addEntry(
            [*att, "__properties_version1.0"], b"\0" * 8 + _prop(0x3705, PT_LONG, ATTACH_BY_VALUE)
        )
        writer.addEntry([*att, "__substg1.0_3707001F"], _unicode(filename))
        writer.addEntry([*att, "__substg1.0_37010102"], data)
        index += 1
    for inner in spec.embedded:
        att = [*prefix, f"__attach_version1.0_#{index:08X}"]
        writer.addEntry(
            [*att, "__properties_version1.0"],
            b"\0" * 8 + _prop(0x3705, PT_LONG, ATTACH_EMBEDDED_MSG),
        )
        writer.addEntry([*att, "__substg1.0_3001001F"], _unicode(inner.subject or "message"))
        _add_message(writer, [*att, "__substg1.0_3701000D"], inner, top=False)
        index += 1


def build_msg(spec: MsgSpec) -> bytes:
    writer = OleWriter()
    _add_message(writer, [], spec, top=True)
    return _bytes(writer)


def build_ole(streams: dict[str, bytes]) -> bytes:
    """Any OLE compound file (encrypted Office container, legacy .doc) from named streams."""
    writer = OleWriter()
    for name, data in streams.items():
        writer.addEntry(name.split("/"), data)
    return _bytes(writer)


def _bytes(writer: OleWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
