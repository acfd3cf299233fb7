"""Build the real-document evaluation set (`dev.jsonl`, `test.jsonl`) from hand-written labels.

Each passage is cut from a real document (the shared corpus's DOCX, read the way `reviewer text`
reads them) or copied verbatim from a published court judgment (`passages_caselaw.py`). Labels
are written by hand as `LABEL: string | string@0,2` lines: every whole-word occurrence of the
string gets the label (or only the listed occurrences, counted from 0), longest strings first,
never overlapping a span already placed with another label, except POSTCODE inside ADDRESS.
The conventions are in `docs/detection.md` ("Real-document evaluation set").

    uv run python benchmarks/data/detection/real/build.py [--show]

`--show` prints each passage with its labels in brackets, for checking by eye.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = Path(
    os.environ.get("REVIEWER_SHARED_CORPUS", HERE.parents[4] / "shared" / "corpus" / "uk-gov-docs")
)
sys.path.insert(0, str(HERE))

from passages_caselaw import CASELAW  # noqa: E402
from passages_corpus import CORPUS_PASSAGES  # noqa: E402

MISSING: list[str] = []


def cut(text: str, anchor: str, before: int, after: int, nth: int = 0) -> str:
    """Whole lines around the `nth` occurrence of `anchor`: ~`before` chars before, `after` after."""
    i = -1
    for _ in range(nth + 1):
        i = text.find(anchor, i + 1)
        if i < 0:
            raise SystemExit(f"anchor not found: {anchor!r}")
    start = text.rfind("\n", 0, i - before) + 1 if i > before else 0
    if i - start > before + 300:  # a long paragraph: start at a sentence instead
        sentence = text.find(". ", i - before) + 2
        start = sentence if 1 < sentence <= i else start
    stop = i + len(anchor) + after
    end = text.find("\n", stop)
    if end < 0 or end - stop > 300:
        end = text.find(". ", stop) + 1 or len(text)
    return text[start:end].strip("\n")


def corpus_text(rel: str) -> str:
    from reviewer.detect.files import extract_file

    return extract_file(CORPUS / rel).text or ""


def place(text: str, labels: str) -> list[dict[str, object]]:
    """Offsets for `LABEL: a | b@0,1` lines, longest strings first, whole words only."""
    wanted: list[tuple[str, str, set[int] | None]] = []
    for line in labels.strip().splitlines():
        if not line.strip():
            continue
        label, _, rest = line.partition(":")
        for item in rest.split(" | "):
            item = item.strip().replace("\\n", "\n")
            if not item:
                continue
            only = None
            if re.search(r"@[\d,]+$", item):
                item, _, nums = item.rpartition("@")
                only = {int(n) for n in nums.split(",")}
            wanted.append((label.strip(), item, only))
    spans: list[dict[str, object]] = []
    for label, needle, only in sorted(wanted, key=lambda w: -len(w[1])):
        pattern = r"(?<!\w)" + re.escape(needle) + r"(?!\w)"
        hits = [m.span() for m in re.finditer(pattern, text)]
        if not hits:
            MISSING.append(f"label string not found: {label}: {needle!r} in {text[:60]!r}")
        for n, (s, e) in enumerate(hits):
            if only is not None and n not in only:
                continue
            clash = [
                o for o in spans
                if int(o["start"]) < e and s < int(o["end"])  # type: ignore[call-overload]
                and not (label == "POSTCODE" and o["label"] == "ADDRESS")
            ]  # fmt: skip
            if not clash:
                spans.append({"start": s, "end": e, "label": label, "text": text[s:e]})
    return sorted(spans, key=lambda o: (o["start"], o["label"]))  # type: ignore[return-value]


def build() -> dict[str, list[dict[str, object]]]:
    out: dict[str, list[dict[str, object]]] = {"dev": [], "test": []}
    cache: dict[str, str] = {}
    for p in [*CORPUS_PASSAGES, *CASELAW]:
        if p.file:
            if p.file not in cache:
                cache[p.file] = corpus_text(p.file)
            text = cut(cache[p.file], p.anchor, p.before, p.after, p.nth)
        else:
            text = p.text
        out[p.split].append(
            {"id": p.id, "source": p.source, "text": text, "spans": place(text, p.labels)}
        )
    return out


def show(row: dict[str, object]) -> str:
    text = str(row["text"])
    marks = sorted(row["spans"], key=lambda o: -int(o["start"]))  # type: ignore[arg-type,index]
    for o in marks:
        s, e = int(o["start"]), int(o["end"])
        text = f"{text[:s]}[{text[s:e]}]{{{o['label']}}}{text[e:]}"
    return f"--- {row['id']} ({len(str(row['text']))} chars) {row['source']}\n{text}\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--only", default="", help="ids starting with this (with --show)")
    args = parser.parse_args()
    sets = build()
    if MISSING and not args.show:
        raise SystemExit("\n".join(MISSING))
    for split, rows in sets.items():
        if args.show:
            for row in rows:
                if str(row["id"]).startswith(args.only):
                    print(show(row))
            continue
        if MISSING:
            print("\n".join(MISSING))
        with (HERE / f"{split}.jsonl").open("w", encoding="utf-8", newline="\n") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{split}: {len(rows)} passages, {sum(len(r['spans']) for r in rows)} spans")


if __name__ == "__main__":
    main()
