"""A small tree with every case the survey must find: duplicates, risks, ROT, an archive."""

from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path

import pytest

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
ENCRYPTED_PDF = PDF.replace(b"/Root 1 0 R", b"/Root 1 0 R/Encrypt 2 0 R")
OLD = time.mktime((2001, 6, 15, 12, 0, 0, 0, 0, -1))


def _write(path: Path, data: bytes, mtime: float | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    if mtime is not None:
        os.utime(path, (mtime, mtime))


def _mark_encrypted(archive: Path, name: bytes) -> None:
    """Set the 'encrypted' flag of one member, as a password-protecting zip tool does."""
    data = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as z:
        local = z.getinfo(name.decode()).header_offset
    data[local + 6] |= 0x1
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        length = int.from_bytes(data[pos + 28 : pos + 30], "little")
        if data[pos + 46 : pos + 46 + length] == name:
            data[pos + 8] |= 0x1
        pos = data.find(b"PK\x01\x02", pos + 4)
    archive.write_bytes(bytes(data))


def build_tree(root: Path) -> Path:
    """Files, folders and problems with known answers (see the tests)."""
    _write(root / "Cases" / "note.txt", b"case note\n" * 50, OLD)
    _write(root / "Cases" / "copy of note.txt", b"case note\n" * 50)
    _write(root / "Policy" / "note-again.txt", b"case note\n" * 50)
    _write(root / "Policy" / "report.pdf", PDF)
    _write(root / "Policy" / "report-renamed.txt", PDF)  # PDF under a .txt name
    _write(root / "Policy" / "locked.pdf", ENCRYPTED_PDF)
    _write(root / "Policy" / "empty.txt", b"")
    _write(root / "Policy" / "~$draft.docx", b"owner")
    _write(root / "Policy" / "Thumbs.db", b"\x00\x01thumbs")
    _write(root / "top.txt", b"at the top\n")
    (root / "Empty folder").mkdir()
    archive = root / "Cases" / "bundle.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("letters/first.txt", "first letter\n")
        z.writestr("report.pdf", PDF)
        z.writestr("secret.txt", b"not really encrypted")
    _mark_encrypted(archive, b"secret.txt")
    deep = root / "Deep"
    for n in range(6):
        deep = deep / (f"level-{n}-" + "x" * 40)
    _write(deep / "far.txt", b"far away\n")
    return root


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    return build_tree(tmp_path / "share")
