"""Redacting a name catches it however the page punctuates it."""

from __future__ import annotations

import re

import pymupdf

from reviewer.export.redact import redact_pdf


def _pdf(lines: list[str]) -> bytes:
    doc = pymupdf.open()
    page = doc.new_page()
    for i, line in enumerate(lines):
        page.insert_text((72, 72 + 16 * i), line)
    data = doc.tobytes()
    doc.close()
    return data


def _text(pdf: bytes) -> str:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return " ".join(page.get_text() for page in doc)


def test_possessives_and_trailing_punctuation_are_redacted_too() -> None:
    data = _pdf(
        ["I know Daniel as a regular.", "He struck Daniel's neck.", "Ask DANIEL, then Danielle."]
    )
    out = redact_pdf(data, {}, ["Daniel"]).pdf
    text = _text(out)
    assert not re.search(r"(?i)\bdaniel\b", text)
    assert "Danielle" in text  # a longer word is someone else
    assert "regular" in text


def test_a_name_split_over_two_lines_is_found() -> None:
    data = _pdf(["the witness Sarah", "Kendrick said"])
    text = _text(redact_pdf(data, {}, ["Sarah Kendrick"]).pdf)
    assert "Sarah" not in text and "Kendrick" not in text
    assert "witness" in text and "said" in text
