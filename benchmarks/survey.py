"""Survey benchmark: files/s against the floor of walking + SHA-256, and PRONOM speed against FIDO.

    uv run python benchmarks/survey.py [--files 100000] [--jobs 2] [--fido-sample 1000]

Generates a tree of small mixed files (some duplicated, a few ZIP archives) in a temporary
folder, then in the same run measures:
  1. the floor: walk + SHA-256 of every file, one process (what `find | sha256sum` does);
  2. `reviewer survey` on the same tree (walk, SHA-256, Siegfried, archive members, CSV,
     summary, report), with `--jobs` processes; its peak memory;
  3. identification alone on a fixed subset: Siegfried (in-process, one core) against FIDO's
     own command line (`fido -input LIST`, one core).
The tree is deleted afterwards. Prints a Markdown table (copied into docs/survey.md).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from reviewer.progress import NullProgress
from reviewer.survey import survey
from reviewer.survey.identify_batch import identify_files

FILES_PER_FOLDER = 200
WORDS = ("record", "case", "file", "minute", "policy", "letter", "board", "review")


def _text(rng: random.Random, n: int) -> bytes:
    return " ".join(rng.choice(WORDS) for _ in range(n)).encode()


def _pdf(rng: random.Random) -> bytes:
    body = b"1 0 obj<</Type/Catalog>>endobj\n% " + _text(rng, rng.randint(50, 600))
    return b"%PDF-1.4\n" + body + b"\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def _docx(rng: random.Random) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        z.writestr("_rels/.rels", "<Relationships/>")
        z.writestr("word/document.xml", b"<w:document>" + _text(rng, 80) + b"</w:document>")
    return buffer.getvalue()


def _png(rng: random.Random) -> bytes:
    return b"\x89PNG\r\n\x1a\n" + rng.randbytes(rng.randint(500, 6000))


def _zip(rng: random.Random) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for n in range(5):
            z.writestr(f"part-{n}.txt", _text(rng, 200))
    return buffer.getvalue()


MAKERS = [
    (".txt", 30, lambda r: _text(r, r.randint(20, 1500))),
    (".csv", 10, lambda r: b"a,b,c\n" + _text(r, r.randint(20, 800)).replace(b" ", b",")),
    (
        ".html",
        10,
        lambda r: b"<html><body><p>" + _text(r, r.randint(20, 800)) + b"</p></body></html>",
    ),
    (".pdf", 20, _pdf),
    (".docx", 10, _docx),
    (".png", 10, _png),
    (".bin", 9, lambda r: r.randbytes(r.randint(100, 4000))),
    (".zip", 1, _zip),
]


def generate(root: Path, count: int, seed: int = 7) -> None:
    """`count` files, about 8% exact duplicates of earlier files, 200 to a folder."""
    rng = random.Random(seed)
    kinds = [m for m in MAKERS for _ in range(m[1])]
    earlier: list[tuple[str, bytes]] = []
    for n in range(count):
        group = n // FILES_PER_FOLDER
        folder = root / f"dept-{group % 7}" / f"folder-{group:04d}"
        if n % FILES_PER_FOLDER == 0:
            folder.mkdir(parents=True)
        if earlier and rng.random() < 0.08:
            ext, data = rng.choice(earlier)
        else:
            ext, _, make = rng.choice(kinds)
            data = make(rng)
            if len(earlier) < 2000:
                earlier.append((ext, data))
        (folder / f"file-{n:06d}{ext}").write_bytes(data)


def floor(root: Path) -> int:
    """Walk + SHA-256 of every file in one process; returns the file count."""
    count = 0
    stack = [root]
    while stack:
        with os.scandir(stack.pop()) as it:
            for entry in it:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(Path(entry.path))
                elif entry.is_file(follow_symlinks=False):
                    digest = hashlib.sha256()
                    with open(entry.path, "rb") as handle:
                        while block := handle.read(1 << 20):
                            digest.update(block)
                    count += 1
    return count


def _timed(label: str, fn, *args):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn(*args)
    elapsed = time.perf_counter() - start
    print(f"  {label}: {elapsed:.1f} s", file=sys.stderr)
    return result, elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--fido-sample", type=int, default=1000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="survey-bench-"))
    root, out = work / "tree", work / "out"
    try:
        load_before = os.getloadavg()
        print(f"Generating {args.files:,} files in {root} ...", file=sys.stderr)
        _, gen_s = _timed("generate", generate, root, args.files)
        n_floor, floor_s = _timed("floor (walk + SHA-256, 1 process)", floor, root)
        summary, survey_s = _timed(
            f"reviewer survey (--jobs {args.jobs})", survey, root, out, args.jobs, NullProgress()
        )
        rss_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rss_child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        n_survey = summary.totals.files
        files = sorted(str(p) for p in root.rglob("*") if p.is_file())
        sample = random.Random(1).sample(files, min(args.fido_sample, len(files)))
        _, sf_s = _timed("Siegfried on the sample (1 core)", identify_files, sample)
        listing = work / "sample.txt"
        listing.write_text("\n".join(sample) + "\n", encoding="utf-8")
        fido = shutil.which("fido") or "fido"
        _, fido_s = _timed(
            "FIDO command line on the sample (1 core)",
            lambda: subprocess.run(
                [fido, "-q", "-input", str(listing)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=False,
            ),
        )
        load_after = os.getloadavg()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    floor_rate, survey_rate = n_floor / floor_s, n_survey / max(survey_s, 1e-9)
    sf_rate, fido_rate = len(sample) / sf_s, len(sample) / fido_s
    print(
        f"| Files in tree | {n_survey:,} (+{summary.totals.members:,} archive members); "
        f"generated in {gen_s:.0f} s |"
    )
    print("|---|---|")
    print(f"| Floor: walk + SHA-256, 1 process | {floor_rate:,.0f} files/s ({floor_s:.1f} s) |")
    print(
        f"| `reviewer survey --jobs {args.jobs}` | {survey_rate:,.0f} files/s ({survey_s:.1f} s) |"
    )
    print(f"| Survey / floor | {survey_rate / floor_rate:.2f}x |")
    print(f"| Siegfried, {len(sample):,} files, 1 core | {sf_rate:,.0f} files/s |")
    print(f"| FIDO command line, same files, 1 core | {fido_rate:,.0f} files/s |")
    print(f"| Siegfried / FIDO | {sf_rate / fido_rate:.1f}x |")
    print(f"| Peak RSS: main process / largest worker | {rss_self:,.0f} MB / {rss_child:,.0f} MB |")
    print(
        f"| Duplicate sets found / reclaimable | {summary.duplicates.sets:,} / "
        f"{summary.duplicates.reclaimable_bytes:,} bytes |"
    )
    print(
        f"| Load average before / after (2 cores, shared) | "
        f"{load_before[0]:.2f} / {load_after[0]:.2f} |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
