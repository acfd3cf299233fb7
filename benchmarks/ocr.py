"""OCR quality and speed: character error rate and pages/s on the sample's statements as scans.

Usage: uv run python benchmarks/ocr.py [--dpi 200 300] [--pages N] [--json FILE]

Each page of the sample collection's typed statements (the PDFs whose text layer is the truth)
is rendered as a scanner would at each resolution, then made worse: turned by a slight skew
(0.6 degrees) and sprinkled with salt-and-pepper noise (0.2% of pixels), and written into an
image-only PDF. `reviewer.ingest.extract.extract(..., ocr=True)` reads it back exactly as
ingest does (render, Tesseract with one thread, words laid out in lines). Two character error
rates, each a Levenshtein distance divided by the true text's length (white space collapsed):
`cer` on the words in reading order, and `cer_words_sorted` on the same words sorted. The
statements' form fields (a column of labels beside a column of values) are read row by row by
MuPDF; Tesseract reads them label column first, and `ocr.reading_order` puts them back in rows
(before it, the forms cost 40% on their pages). The sorted form sets order aside altogether (a
misread word then costs up to twice its length, so it is no kinder on recognition errors).
Pages/s is for the OCR alone (one process).

CPU time (`time.process_time` of this process and its Tesseract children) is reported beside
wall time, because the machine is shared with other work.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ROOT = Path(__file__).resolve().parent.parent
STATEMENTS = (
    "resources/sample/case-R-v-Hartigan-2004/MG11 KENDRICK Sarah 15.08.04.pdf",
    "resources/sample/case-R-v-Hartigan-2004/MG3 charging decision 17.08.04.pdf",
)
SKEW = 0.6
NOISE = 0.002


def _flat(text: str) -> str:
    return " ".join(text.split())


def _sorted_words(text: str) -> str:
    """The text's words in sorted order (reading order set aside)."""
    return " ".join(sorted(text.split()))


def _scan(page: object, dpi: int, seed: int) -> bytes:
    """One page as a skewed, speckled scan in an image-only PDF of the same size."""
    from PIL import Image

    from reviewer.ingest.extract.pdf import module

    pymupdf = module()  # typed Any: PyMuPDF has no type hints
    pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)  # type: ignore[attr-defined]
    image = Image.open(io.BytesIO(pix.tobytes("png"))).convert("L")
    image = image.rotate(SKEW, resample=Image.Resampling.BICUBIC, fillcolor=255)
    rng = random.Random(seed)
    pixels = image.load()
    w, h = image.size
    for _ in range(int(w * h * NOISE)):
        pixels[rng.randrange(w), rng.randrange(h)] = 0 if rng.random() < 0.5 else 255  # type: ignore[index]
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(dpi, dpi))
    doc = pymupdf.open()
    rect = page.rect  # type: ignore[attr-defined]
    scanned = doc.new_page(width=rect.width, height=rect.height)
    scanned.insert_image(scanned.rect, stream=out.getvalue())
    return bytes(doc.tobytes())


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def run(dpis: list[int], most_pages: int | None) -> dict[str, object]:
    from rapidfuzz.distance import Levenshtein

    from reviewer.ingest.extract import extract, ocr
    from reviewer.ingest.extract.pdf import module
    from reviewer.ingest.types import Identification

    engine = ocr.engine()
    if engine is None:
        raise SystemExit(
            "Tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-eng)"
        )
    pymupdf = module()
    pages = []
    for name in STATEMENTS:
        doc = pymupdf.open(ROOT / name)
        pages += [(Path(name).name, i, doc[i]) for i in range(doc.page_count)]
    pages = pages[:most_pages] if most_pages else pages
    results: dict[str, object] = {"engine": engine, "skew_degrees": SKEW, "noise": NOISE}
    for dpi in dpis:
        scans = [(n, i, page.get_text(), _scan(page, dpi, seed=i)) for n, i, page in pages]
        errors = chars = unordered = 0
        worst = 0.0
        wall = cpu = 0.0
        confidences = []
        for _name, _i, truth, data in scans:
            t0, c0 = time.perf_counter(), _cpu()
            found = extract(data, "scan.pdf", Identification(), ocr=True)
            wall += time.perf_counter() - t0
            cpu += _cpu() - c0
            distance = Levenshtein.distance(_flat(found.text), _flat(truth))
            unordered += Levenshtein.distance(_sorted_words(found.text), _sorted_words(truth))
            errors += distance
            chars += len(_flat(truth))
            worst = max(worst, distance / max(1, len(_flat(truth))))
            confidences += [p.confidence for p in found.pages if p.confidence is not None]
        results[f"{dpi}dpi"] = {
            "pages": len(scans),
            "cer": round(errors / chars, 4),
            "worst_page_cer": round(worst, 4),
            "cer_words_sorted": round(unordered / chars, 4),
            "pages_per_s_wall": round(len(scans) / wall, 3),
            "pages_per_cpu_s": round(len(scans) / cpu, 3),
            "mean_confidence": round(sum(confidences) / len(confidences), 1),
        }
        print(f"{dpi} dpi: {results[f'{dpi}dpi']}", file=sys.stderr)
    results["load_average"] = os.getloadavg()[0]
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dpi", type=int, nargs="+", default=[200, 300])
    parser.add_argument("--pages", type=int, default=None, help="at most this many pages")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args(argv)
    results = run(args.dpi, args.pages)
    text = json.dumps(results, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
