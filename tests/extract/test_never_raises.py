"""Property test: whatever bytes and name arrive, extract returns a status and never raises."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewer.ingest.extract import Limits, extract
from reviewer.ingest.types import STATUSES, Identification

EXTENSIONS = [
    ".pdf",
    ".docx",
    ".xlsx",
    ".zip",
    ".eml",
    ".msg",
    ".txt",
    ".csv",
    ".html",
    ".xml",
    ".rtf",
    ".png",
    ".tif",
    ".doc",
    ".xls",
    "",
    ".bin",
    ".PDF",
    ".",
]
PREFIXES = [
    b"",
    b"%PDF-1.7\n",
    b"PK\x03\x04",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    b"{\\rtf1 ",
    b"From: a@example.com\nSubject: x\n\n",
    b"<html>",
    b"\xff\xfe",
    b"II*\x00",
    b"GIF89a",
]
MIMES = [
    None,
    "application/pdf",
    "text/plain",
    "message/rfc822",
    "application/zip",
    "image/png",
    "application/vnd.ms-outlook",
    "text/html",
]


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    prefix=st.sampled_from(PREFIXES),
    body=st.binary(max_size=3000),
    stem=st.text(max_size=20),
    ext=st.sampled_from(EXTENSIONS),
    mime=st.sampled_from(MIMES),
)
def test_extract_never_raises(
    prefix: bytes, body: bytes, stem: str, ext: str, mime: str | None
) -> None:
    result = extract(
        prefix + body, stem + ext, Identification(mime=mime), Limits(max_member_bytes=1 << 16)
    )
    assert result.status in STATUSES
    if result.status != "ok":
        assert result.message
    for member in result.members:
        assert member.status in STATUSES
        assert "/.." not in "/" + member.name
