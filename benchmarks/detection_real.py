"""Detection on real documents: quality beside Presidio, noise, and `reviewer detect` speed.

Everything is scored by `reviewer.detect.evaluate.score` — the code behind
`reviewer detect evaluate` — so the benchmark, a department's own check and Presidio meet one
matching rule (same label, character IoU >= 0.5, one to one).

- `quality`: the hand-labelled real set (`data/detection/real/{dev,test}.jsonl`; test is held
  out), the real identifier set (`data/detection/real/identifiers_{dev,test}.jsonl`: vehicle
  registrations, telephone numbers, bank details and dates of birth introduced by their context
  in published decisions and payment pages; test held out) and, after them, the generated sets
  (synthetic text: never quoted alone).
- `noise`: highlights shown by default (`reviewer.detect.labels.shown_by_default`) per
  1,000 characters over the 121 shared documents, and the share of records with at least one.
- `cli_speed`: `reviewer detect` over ~1M characters of those documents' text as .txt files,
  one process, start-up included, against a process that builds Presidio's analyzer (same
  spaCy model) and analyses the same texts; then `reviewer detect` on one small file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reviewer.detect.evaluate import Evaluation, GoldItem, Predicted, load_gold, our_detector, score

HERE = Path(__file__).resolve().parent
REAL = HERE / "data" / "detection" / "real"
GENERATED = HERE / "data" / "detection"
CORPUS = Path(
    os.environ.get(
        "REVIEWER_SHARED_CORPUS", HERE.parent.parent / "shared" / "corpus" / "uk-gov-docs"
    )
)
# Labels Presidio has no recognizer for: its F2 there is 0 by construction, shown all the same.
Detector = Callable[[list[str]], list[list[Predicted]]]


def presidio_detector(analyzer: Any, mapping: dict[str, str]) -> Detector:
    """Presidio's analyzer at its default threshold, entity names mapped to our labels."""

    def run(texts: list[str]) -> list[list[Predicted]]:
        out = []
        for text in texts:
            found = analyzer.analyze(text=text, language="en")
            out.append(
                [
                    Predicted(r.start, r.end, mapping[r.entity_type], float(r.score))
                    for r in found
                    if r.entity_type in mapping
                ]
            )
        return out

    return run


def generated_items(name: str) -> list[GoldItem]:
    """The older synthetic splits (and `public`) in the evaluate code's shape."""
    path = (
        GENERATED / "public" / "public.jsonl" if name == "public" else GENERATED / f"{name}.jsonl"
    )
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    return [
        GoldItem(n, r["text"], tuple((int(s), int(e), str(lab)) for s, e, lab in r["spans"]))
        for n, r in enumerate(rows, 1)
    ]


def side_by_side(title: str, ours: Evaluation, theirs: Evaluation) -> str:
    """A markdown table: per label gold, ours P/R/F2 (predicted), Presidio P/R/F2 (predicted)."""
    lines = [
        f"### {title}",
        "",
        "| label | gold | ours P | ours R | ours F2 | ours pred | Presidio P | Presidio R "
        "| Presidio F2 | Presidio pred |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    labels = sorted(set(ours.labels) | set(theirs.labels))
    rows = [(lab, ours.labels.get(lab), theirs.labels.get(lab)) for lab in labels]
    rows.append(("(all)", ours.overall(), theirs.overall()))
    for lab, o, t in rows:
        gold = (o or t).gold if (o or t) else 0  # type: ignore[union-attr]
        cells = []
        for s in (o, t):
            if s is None:
                cells.append("0.00 | 0.00 | 0.00 | 0")
            else:
                cells.append(f"{s.precision:.2f} | {s.recall:.2f} | {s.f2:.2f} | {s.predicted}")
        lines.append(f"| {lab} | {gold} | {cells[0]} | {cells[1]} |")
    return "\n".join(lines)


def quality(analyzer: Any, mapping: dict[str, str], min_score: float, show: int) -> str:
    """Real dev and test, then the generated splits, ours beside Presidio."""
    out = []
    ours = our_detector(min_score)
    theirs = presidio_detector(analyzer, mapping)
    sets: list[tuple[str, list[GoldItem], set[str] | None]] = [
        ("real dev", load_gold(REAL / "dev.jsonl"), None),
        ("real test (held out)", load_gold(REAL / "test.jsonl"), None),
        ("real identifiers dev", load_gold(REAL / "identifiers_dev.jsonl"), None),
        ("real identifiers test (held out)", load_gold(REAL / "identifiers_test.jsonl"), None),
    ]
    for name in ("dev", "heldout", "public"):
        skip = {"SPECIAL_CATEGORY"} if name == "public" else set()
        items = generated_items(name)
        labels = {g[2] for i in items for g in i.spans} - skip
        title = (
            "public (19 real passages, earlier conventions; secondary)"
            if name == "public"
            else f"generated {name} (synthetic; secondary)"
        )
        sets.append((title, items, labels or None))
    for title, items, wanted in sets:
        texts = [i.text for i in items]
        mine = score(items, ours(texts), wanted)
        other = score(items, theirs(texts), wanted)
        chars = sum(len(t) for t in texts)
        out.append(
            side_by_side(f"{title}: {len(items)} passages, {chars:,} characters", mine, other)
        )
        if title.startswith(("real dev", "real identifiers dev")) and show:
            # never list test's: it is held out
            listed = (
                ("PERSON", "ORG", "LOCATION")
                if title.startswith("real dev")
                else ("VEHICLE_REG", "PHONE", "BANK_ACCOUNT", "SORT_CODE", "DATE_OF_BIRTH")
            )
            for label in listed:
                for kind, entries in (
                    ("misses", mine.misses),
                    ("false positives", mine.false_positives),
                ):
                    some = [e for e in entries if e["label"] == label][:show]
                    if some:
                        out.append(
                            f"\nours, {label} {kind} (first {len(some)}): "
                            + "; ".join(json.dumps(e["text"], ensure_ascii=False) for e in some)
                        )
        out.append("")
    return "\n".join(out)


def corpus_texts() -> list[tuple[str, str]]:
    """(relative path, text) of every DOCX in the shared corpus, as `reviewer text` reads them."""
    from reviewer.detect.files import extract_file

    files = sorted(p for p in CORPUS.rglob("*") if p.suffix.lower() == ".docx")
    if not files:
        raise SystemExit(f"no DOCX under {CORPUS}: set REVIEWER_SHARED_CORPUS")
    return [(str(p.relative_to(CORPUS)), extract_file(p).text or "") for p in files]


def noise(texts: list[tuple[str, str]]) -> dict[str, Any]:
    """Default-shown highlights per 1,000 characters and records with a personal-data dot."""
    from collections import Counter

    from reviewer.detect import detect_texts
    from reviewer.detect.labels import shown_by_default

    spans = detect_texts([t for _p, t in texts])
    shown = [[s for s in found if shown_by_default(s)] for found in spans]
    chars = sum(len(t) for _p, t in texts)
    count = sum(len(s) for s in shown)
    return {
        "records": len(texts),
        "characters": chars,
        "spans": sum(len(s) for s in spans),
        "shown": count,
        "per_1000": count * 1000 / chars,
        "with_dot": sum(1 for s in shown if s),
        "by_label": Counter(s.label for found in shown for s in found).most_common(),
    }


def write_sample(texts: list[tuple[str, str]], folder: Path, target: int) -> tuple[list[Path], int]:
    """Whole documents as UTF-8 .txt files until `target` characters (~1M) are reached, taken
    in a fixed pseudo-random order (SHA-1 of the path) so every kind of document is in it."""
    import hashlib

    paths, chars = [], 0
    order = sorted(texts, key=lambda t: hashlib.sha1(t[0].encode()).hexdigest())
    for n, (_rel, text) in enumerate(order):
        if chars >= target:
            break
        if not text.strip():
            continue
        path = folder / f"doc{n:03}.txt"
        path.write_text(text, encoding="utf-8", newline="")
        paths.append(path)
        chars += len(path.read_text(encoding="utf-8"))
    return paths, chars


def _wall(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one run of `cmd`. On a shared machine
    the CPU time is the steadier figure: other jobs stretch the wall time, not the work done
    (CPU time is 0 where the OS does not report children's times)."""
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
    before = os.times()
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - t0
    after = os.times()
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return wall, cpu


def reviewer_cmd() -> list[str]:
    """The installed `reviewer` console script beside this interpreter."""
    script = Path(sys.executable).with_name("reviewer.exe" if os.name == "nt" else "reviewer")
    return [str(script)] if script.exists() else [sys.executable, "-m", "reviewer.cli"]


def cli_speed(texts: list[tuple[str, str]], turns: int, target: int = 1_000_000) -> dict[str, Any]:
    """Wall seconds, start-up included: `reviewer detect FILES` against Presidio over the same
    files, alternating, best of `turns`; then `reviewer detect` on one small file."""
    with tempfile.TemporaryDirectory() as tmp:
        paths, chars = write_sample(texts, Path(tmp), target)
        small = Path(tmp) / "small.txt"
        small.write_text(
            "Contact Jane Hartley at the Cabinet Office (tel: 020 7946 0018).\n", encoding="utf-8"
        )
        files = [str(p) for p in paths]
        ours_cmd = [*reviewer_cmd(), "detect", *files]
        theirs_cmd = [sys.executable, str(Path(__file__).with_name("detection.py")),
                      "--presidio-files", *files]  # fmt: skip
        ours, theirs, one = [], [], []
        for _ in range(turns):
            ours.append(_wall(ours_cmd))
            theirs.append(_wall(theirs_cmd))
            one.append(_wall([*reviewer_cmd(), "detect", str(small)]))
    return {
        "files": len(paths),
        "characters": chars,
        "ours_s": [w for w, _c in ours],
        "presidio_s": [w for w, _c in theirs],
        "small_s": [w for w, _c in one],
        "ours_cpu": [c for _w, c in ours],
        "presidio_cpu": [c for _w, c in theirs],
        "small_cpu": [c for _w, c in one],
        "ratio_best": min(w for w, _c in theirs) / min(w for w, _c in ours),
        "ratio_cpu": min(c for _w, c in theirs) / max(min(c for _w, c in ours), 1e-9),
    }


def presidio_files(analyzer_factory: Callable[[], Any], files: list[str]) -> None:
    """The Presidio side of `cli_speed`: build the analyzer, analyse each file's text."""
    analyzer = analyzer_factory()
    n = 0
    for name in files:
        text = Path(name).read_text(encoding="utf-8")
        n += len(analyzer.analyze(text=text, language="en"))
    print(n)
