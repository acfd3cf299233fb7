"""A small messy folder tree, made fresh for each test that needs it."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest


def make_pdf(path: Path, pages: list[str]) -> None:
    import pymupdf

    doc = pymupdf.open()
    for text in pages:
        page = doc.new_page()
        page.insert_text((72, 72), text)
    doc.save(path)
    doc.close()


def make_docx(path: Path, paragraphs: list[str]) -> None:
    import docx

    document = docx.Document()
    for para in paragraphs:
        document.add_paragraph(para)
    document.save(str(path))


def make_eml(path: Path, attachment_name: str, attachment: bytes) -> None:
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["From"] = "lawyer@example.com"
    msg["To"] = "officer@example.com"
    msg["Subject"] = "Case summary"
    msg["Date"] = "Mon, 05 Apr 2004 10:00:00 +0100"
    msg.set_content("Please find the case summary attached.")
    msg.add_attachment(attachment, maintype="application", subtype="pdf", filename=attachment_name)
    path.write_bytes(bytes(msg))


@pytest.fixture
def messy_tree(tmp_path: Path) -> Path:
    """A folder with good files, duplicates, an archive, system files and broken ones."""
    root = tmp_path / "case"
    (root / "statements").mkdir(parents=True)
    (root / "copies").mkdir()
    make_pdf(root / "statements" / "witness.pdf", ["Statement of witness", "Page two text"])
    make_docx(root / "statements" / "review.docx", ["Charging decision", "Wounding with intent"])
    (root / "copies" / "witness copy.pdf").write_bytes(
        (root / "statements" / "witness.pdf").read_bytes()
    )
    (root / "note.txt").write_text("A plain note.\nSecond line.\n", encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "Thumbs.db").write_bytes(b"\x00" * 64)
    (root / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<>> garbage")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("inside/memo.txt", "A memo inside an archive.")
        zf.writestr("../evil.txt", "should never be written anywhere")
    (root / "bundle.zip").write_bytes(buf.getvalue())
    att = (root / "statements" / "witness.pdf").read_bytes()
    make_eml(root / "email.eml", "summary.pdf", att)
    if os.name != "nt":
        os.symlink(root, root / "statements" / "loop")  # a link back up: a loop if followed
    return root
