"""Fixture files for extraction tests, generated once per session (they are read-only)."""

from __future__ import annotations

import pytest

from reviewer.ingest.types import Identification
from tests.extract import builders


@pytest.fixture(scope="session")
def no_ident() -> Identification:
    """Identification that says nothing, so dispatch relies on bytes and name."""
    return Identification()


@pytest.fixture(scope="session")
def text_pdf() -> bytes:
    return builders.pdf(
        [
            f"Statement of {builders.NAME}\nPhone {builders.PHONE}\n\nSecond block here.",
            "Page two text.",
        ]
    )


@pytest.fixture(scope="session")
def statement_docx() -> bytes:
    return builders.docx(header="OFFICIAL SENSITIVE", footer="Page footer line")
