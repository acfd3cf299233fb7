"""Generated folder trees for the survey benchmark: a realistic shared drive, and tiny files.

`realistic`: sizes log-normal with a median of 20 KB (sigma 1.2: half the files
between 9 and 45 KB, 1 in 40 over 215 KB),
scaled by type (images, slide decks and archives larger, plain text smaller), capped at
64 MB; a type mix like an office shared drive (Word and PDF first, then e-mail, images,
spreadsheets, text; a few archives, temporary and system files, 0.5% zero-byte files);
~10% exact copies of earlier files (half of them of 200 "popular" files copied many times),
50 to 400 files a folder. The mix is an assumption for the benchmark, not a measured profile.
`tiny`: round 1's tree (100-6,000 bytes a file, 200 a folder), the worst case for the survey.
Content comes from two seeded pools (random bytes, words) so generation is fast and repeatable.
"""

from __future__ import annotations

import io
import math
import random
import zipfile
from collections.abc import Callable
from pathlib import Path

WORDS = (b"record case file minute policy letter board review draft final meeting the of and "
         b"to in council decision report budget appendix").split()  # fmt: skip
MAX_SIZE = 64 << 20
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class Pools:
    """Random bytes and text to slice file contents from."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.noise = rng.randbytes(80 << 20)
        self.text = b" ".join(rng.choice(WORDS) for _ in range(1_200_000))

    def bytes(self, n: int) -> bytes:
        n = min(n, len(self.noise))
        start = self.rng.randrange(0, len(self.noise) - n + 1)
        return self.noise[start : start + n]

    def words(self, n: int) -> bytes:
        out = b""
        while len(out) < n:
            start = self.rng.randrange(0, len(self.text) - 4096)
            out += self.text[start : start + min(n - len(out), len(self.text) - start)]
        return out[:n]


def _ooxml(p: Pools, n: int, main: str, ctype: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            f'content-types"><Override PartName="/{main}" ContentType="{ctype}"/></Types>',
        )
        z.writestr("_rels/.rels", "<Relationships/>")
        z.writestr(main, b"<x>" + p.words(max(n // 4, 200)) + b"</x>")
        if n > 8000:
            z.writestr(zipfile.ZipInfo("media/image1.png"), p.bytes(n - 4000), zipfile.ZIP_STORED)
    return buffer.getvalue()


_W = "application/vnd.openxmlformats-officedocument."
MAKERS: list[tuple[str, float, float, Callable[[Pools, int], bytes]]] = [
    # (extension, share %, size factor, maker)
    (".docx", 22, 1.0, lambda p, n: _ooxml(p, n, "word/document.xml",
                                           _W + "wordprocessingml.document.main+xml")),
    (".pdf", 18, 1.5, lambda p, n: b"%PDF-1.5\n1 0 obj<</Type/Catalog>>endobj\n2 0 obj<<>>stream\n"
                                   + p.bytes(n) + b"\nendstream\ntrailer<</Root 1 0 R>>\n%%EOF\n"),
    (".xlsx", 8, 1.0, lambda p, n: _ooxml(p, n, "xl/workbook.xml",
                                          _W + "spreadsheetml.sheet.main+xml")),
    (".pptx", 3, 4.0, lambda p, n: _ooxml(p, n, "ppt/presentation.xml",
                                          _W + "presentationml.presentation.main+xml")),
    (".doc", 5, 1.5, lambda p, n: OLE2 + p.bytes(n)),
    (".xls", 3, 1.5, lambda p, n: OLE2 + p.bytes(n)),
    (".msg", 8, 1.5, lambda p, n: OLE2 + p.bytes(n)),
    (".eml", 3, 1.0, lambda p, n: b"From: a@example.com\r\nTo: b@example.com\r\nSubject: "
                                  b"minutes\r\nDate: Mon, 1 Mar 2010 10:00:00 +0000\r\n\r\n"
                                  + p.words(n)),
    (".jpg", 10, 2.5, lambda p, n: b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01" + p.bytes(n)
                                   + b"\xff\xd9"),
    (".png", 3, 2.0, lambda p, n: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + p.bytes(n)),
    (".txt", 5, 0.2, lambda p, n: p.words(n)),
    (".csv", 3, 0.5, lambda p, n: b"a,b,c\n" + p.words(n).replace(b" ", b",")),
    (".html", 2, 0.5, lambda p, n: b"<!DOCTYPE html><html><body><p>" + p.words(n)
                                   + b"</p></body></html>"),
    (".rtf", 2, 1.0, lambda p, n: b"{\\rtf1\\ansi " + p.words(n) + b"}"),
    (".zip", 1, 3.0, lambda p, n: _ooxml(p, n, "notes/readme.txt", "text/plain")),
    (".tmp", 1, 0.5, lambda p, n: p.bytes(n)),
]  # fmt: skip


def _size(rng: random.Random, factor: float) -> int:
    return min(MAX_SIZE, int(rng.lognormvariate(math.log(20_000), 1.2) * factor))


def realistic(root: Path, count: int, seed: int = 7) -> int:
    """Write `count` files under `root`; returns the bytes written."""
    rng = random.Random(seed)
    pools = Pools(rng)
    weights = [m[1] for m in MAKERS]
    popular: list[tuple[str, bytes]] = []
    recent: list[tuple[str, bytes]] = []
    written, n, folder_no = 0, 0, 0
    while n < count:
        folder = (
            root / f"Dept {folder_no % 9}" / f"Team {folder_no % 23}" / f"Files {folder_no:04d}"
        )
        folder.mkdir(parents=True, exist_ok=True)
        for _ in range(min(rng.randint(50, 400), count - n)):
            roll = rng.random()
            if roll < 0.05 and popular:
                ext, data = rng.choice(popular)
            elif roll < 0.10 and recent:
                ext, data = rng.choice(recent)
            elif roll < 0.105:
                ext, data = ".txt", b""
            elif roll < 0.11 and not (folder / "Thumbs.db").exists():
                ext, data = ".db", b"\x00\x01thumbs" + pools.bytes(rng.randint(2000, 40000))
            else:
                ext, _, factor, make = rng.choices(MAKERS, weights)[0]
                data = make(pools, _size(rng, factor))
                if len(popular) < 200 and len(data) < 1 << 20:
                    popular.append((ext, data))
                recent = [*recent[-499:], (ext, data)] if len(data) < 4 << 20 else recent
            name = "Thumbs" if ext == ".db" else ("~$" if ext == ".tmp" else "") + f"doc {n:06d}"
            (folder / f"{name}{ext}").write_bytes(data)
            written += len(data)
            n += 1
        folder_no += 1
    return written


TINY_MIX = {".txt": 30, ".csv": 10, ".html": 10, ".pdf": 20, ".docx": 10, ".png": 10, ".tmp": 9,
            ".zip": 1}  # fmt: skip


def tiny(root: Path, count: int, seed: int = 7) -> int:
    """Round 1's tree: 100-6,000 bytes a file, round 1's type mix (1% ZIP), ~8% copies, 200 a
    folder; returns bytes written."""
    rng = random.Random(seed)
    pools = Pools(random.Random(seed))
    kinds = [m for m in MAKERS if m[0] in TINY_MIX]
    weights = [TINY_MIX[m[0]] for m in kinds]
    earlier: list[tuple[str, bytes]] = []
    written = 0
    for n in range(count):
        folder = root / f"dept-{(n // 200) % 7}" / f"folder-{n // 200:04d}"
        if n % 200 == 0:
            folder.mkdir(parents=True)
        if earlier and rng.random() < 0.08:
            ext, data = rng.choice(earlier)
        else:
            ext, _, _, make = rng.choices(kinds, weights)[0]
            data = make(pools, rng.randint(100, 6000))
            if len(earlier) < 2000:
                earlier.append((ext, data))
        (folder / f"file-{n:06d}{ext}").write_bytes(data)
        written += len(data)
    return written
