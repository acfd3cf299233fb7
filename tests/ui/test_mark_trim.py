"""M marks words, not the punctuation a drag picked up around them."""

from __future__ import annotations

import pytest

from reviewer.detect.trim import trim_span


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(DC 2318", "DC 2318"),
        ("(DC 2318),", "DC 2318"),
        ("  Sarah Kendrick. ", "Sarah Kendrick"),
        ("“Acacia Avenue”", "Acacia Avenue"),
        ("O'Brien", "O'Brien"),
        ("07700 900123;", "07700 900123"),
        ("--", "--"),
    ],
)
def test_trim_span(text: str, expected: str) -> None:
    start, end = trim_span(text, 0, len(text))
    assert text[start:end] == expected


def test_trim_span_keeps_offsets_into_the_whole_text() -> None:
    text = "Officer (DC 2318) attended."
    start = text.index("(")
    s, e = trim_span(text, start, start + 8)
    assert text[s:e] == "DC 2318"
    assert (s, e) == (start + 1, start + 8)
