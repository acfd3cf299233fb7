"""Text-like formats: exact UTF-8 text, legacy encodings, CSV, HTML, XML and RTF."""

from __future__ import annotations

import pytest

from reviewer.ingest.extract import extract
from reviewer.ingest.types import Identification

SAMPLE = "Café meeting \u2013 \u201cJane Example\u201d, £5 fee\r\nLine two\n\n  indented\ttab "


def test_utf8_text_is_exact(no_ident: Identification) -> None:
    data = SAMPLE.encode("utf-8")
    result = extract(data, "note.txt", no_ident)
    assert result.status == "ok"
    assert result.text == data.decode("utf-8")
    assert not result.paged


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16", "utf-8-sig", "utf-16-be"])
def test_encodings_are_detected(encoding: str, no_ident: Identification) -> None:
    data = SAMPLE.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    text = extract(data, "note.txt", no_ident).text
    assert text.removeprefix("\ufeff") == SAMPLE


def test_short_western_text_prefers_cp1252(no_ident: Identification) -> None:
    assert extract("naïve façade".encode("cp1252"), "n.txt", no_ident).text == "naïve façade"


def test_csv_keeps_its_text(no_ident: Identification) -> None:
    data = b"name,phone\r\nJane Example,07700 900123\r\n"
    result = extract(data, "contacts.csv", no_ident)
    assert result.text == data.decode()


def test_binary_named_txt_is_corrupt(no_ident: Identification) -> None:
    result = extract(b"\x00\x01\x02\xff" * 100, "data.txt", no_ident)
    assert result.status == "corrupt"
    assert "not readable as text" in result.message


def test_html_visible_text_only(no_ident: Identification) -> None:
    data = (
        b"<html><head><meta charset='windows-1252'><title>Minutes</title>"
        b"<style>p{color:red}</style><script>var secret=1</script></head>"
        b"<body><h1>Board minutes</h1><p>Present: <b>Jane</b> Example, caf\xe9</p>"
        b"<table><tr><td>Item</td><td>Decision</td></tr></table></body></html>"
    )
    result = extract(data, "minutes.htm", no_ident)
    assert result.status == "ok"
    assert "Board minutes\n" in result.text
    assert "Present: Jane Example, café" in result.text
    assert "Item Decision" in result.text
    assert "secret" not in result.text
    assert "color" not in result.text


def test_xml_text_kept_whole(no_ident: Identification) -> None:
    data = b'<?xml version="1.0"?><case><name>Jane Example</name></case>'
    assert "<name>Jane Example</name>" in extract(data, "case.xml", no_ident).text


def test_rtf_is_stripped(no_ident: Identification) -> None:
    data = (
        rb"{\rtf1\ansi\ansicpg1252{\fonttbl\f0 Arial;}"
        rb"\f0 Statement of {\b Jane} Example, caf\'e9.\par Next}"
    )
    result = extract(data, "statement.rtf", no_ident)
    assert result.status == "ok"
    assert "Statement of Jane Example, café." in result.text
    assert "fonttbl" not in result.text


def test_whitespace_only_text_is_empty(no_ident: Identification) -> None:
    result = extract(b"  \r\n\t\n", "blank.txt", no_ident)
    assert result.status == "empty"
