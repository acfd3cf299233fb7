"""Large files: hashed in full, identified from DROID's 64 KB windows, containers read whole."""

from __future__ import annotations

import hashlib
import os
import random
import zipfile
from pathlib import Path

from reviewer.survey import survey
from reviewer.survey.hashing import WINDOW, hash_batch

BIG = 3 * WINDOW + 12_345


def _pdf(rng: random.Random) -> bytes:
    return b"%PDF-1.4\n" + rng.randbytes(BIG) + b"\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def test_sample_is_the_first_and_last_window_and_the_digest_is_of_the_whole(
    tmp_path: Path,
) -> None:
    data = _pdf(random.Random(3))
    (tmp_path / "big.pdf").write_bytes(data)
    (tmp_path / "small.pdf").write_bytes(data[: WINDOW * 2])
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    items = [(1, os.fsencode(tmp_path / "big.pdf")), (2, os.fsencode(tmp_path / "small.pdf"))]
    (_, digest, status, _, sample), small = hash_batch(items, str(scratch))
    assert (digest, status) == (hashlib.sha256(data).hexdigest(), "Done")
    assert sample is not None
    assert sample.endswith(".pdf")  # Siegfried sees the same extension
    assert Path(sample).read_bytes() == data[:WINDOW] + data[-WINDOW:]
    assert small[4] is None  # small files are identified as they are


def test_large_files_are_identified_and_containers_still_listed(tmp_path: Path) -> None:
    rng = random.Random(5)
    tree = tmp_path / "share"
    tree.mkdir()
    pdf = _pdf(rng)
    (tree / "big.pdf").write_bytes(pdf)
    (tree / "big.txt").write_bytes(b"minutes of the meeting " * (BIG // 20))
    with zipfile.ZipFile(tree / "big.zip", "w") as z:
        z.writestr("noise.bin", rng.randbytes(BIG))
        z.writestr("inner/note.txt", "a note\n")
    summary = survey(tree, tmp_path / "out", jobs=1)
    formats = {f.puid for f in summary.by_format}
    assert {"fmt/18", "x-fmt/111", "x-fmt/263"} <= formats
    assert summary.totals.members == 2
    lines = (tmp_path / "out" / "droid.csv").read_text().splitlines()
    assert any(hashlib.sha256(pdf).hexdigest() in line for line in lines)
