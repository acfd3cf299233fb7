"""A generated corpus of mixed, text-heavy files for the speed benchmarks (deterministic)."""

from __future__ import annotations

import random
from email.message import EmailMessage
from pathlib import Path

_TEXT = (
    "the defendant was seen near the premises on the evening of the incident and officers "
    "attended a statement was taken from the witness who described the vehicle and the injuries "
    "sustained the charging decision considered the evidential stage and the public interest "
    "stage of the code minutes of the area board meeting recorded the decision to proceed with "
    "the digital programme"
)
WORDS = _TEXT.split()


def _paragraph(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def _pdf(path: Path, rng: random.Random, pages: int) -> None:
    import pymupdf

    doc = pymupdf.open()
    for _ in range(pages):
        page = doc.new_page()
        text = "\n".join(_paragraph(rng, 12) for _ in range(40))
        page.insert_textbox(pymupdf.Rect(50, 50, 545, 800), text, fontsize=9)
    doc.save(path, garbage=3, deflate=True)
    doc.close()


def _docx(path: Path, rng: random.Random) -> None:
    import docx

    document = docx.Document()
    for _ in range(30):
        document.add_paragraph(_paragraph(rng, 25))
    table = document.add_table(rows=3, cols=3)
    for cell in table._cells:
        cell.text = _paragraph(rng, 3)
    document.save(str(path))


def _eml(path: Path, rng: random.Random, attachment: bytes) -> None:
    msg = EmailMessage()
    msg["From"] = "lawyer@example.com"
    msg["To"] = "officer@example.com"
    msg["Subject"] = _paragraph(rng, 5)
    msg.set_content("\n\n".join(_paragraph(rng, 30) for _ in range(5)))
    msg.add_attachment(attachment, maintype="application", subtype="pdf", filename="attached.pdf")
    path.write_bytes(bytes(msg))


def make_corpus(
    root: Path, files: int = 1000, seed: int = 7, mix: str = "mixed", distinct: bool = False
) -> Path:
    """Write `files` files under `root` and return `root`.

    `mixed`: half 1-8 page PDFs, then DOCX, TXT and EML with a PDF attached; `pdf`: PDFs only.
    Every e-mail attaches the same one-page PDF (a report sent round), unless `distinct`: then
    each attaches its own, and the corpus holds no exact copies at all.
    """
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    small_pdf = root / "_seed.pdf"
    _pdf(small_pdf, rng, 1)
    attachment = small_pdf.read_bytes()
    small_pdf.unlink()
    for i in range(files):
        folder = root / f"case{i // 100:03d}"
        folder.mkdir(exist_ok=True)
        kind = i % 10
        if kind < 5 or mix == "pdf":
            _pdf(folder / f"doc{i:05d}.pdf", rng, rng.randint(1, 8))
        elif kind < 7:
            _docx(folder / f"doc{i:05d}.docx", rng)
        elif kind < 9:
            text = "\n\n".join(_paragraph(rng, 40) for _ in range(20))
            (folder / f"doc{i:05d}.txt").write_text(text, encoding="utf-8")
        else:
            if distinct:
                _pdf(small_pdf, rng, 1)
                attachment = small_pdf.read_bytes()
                small_pdf.unlink()
            _eml(folder / f"mail{i:05d}.eml", rng, attachment)
    return root
