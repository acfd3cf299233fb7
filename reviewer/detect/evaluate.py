"""The detector scored against a hand-labelled sample: `reviewer detect evaluate GOLD.jsonl`.

A department must be able to show how accurate the tool is on its own records, so the gold file
is plain JSON Lines and every check says which line is wrong. The benchmark scores Presidio
with the same `score()` so both systems meet the same matching rule:

* a predicted span matches a gold span when both have the same label and their character
  intersection-over-union is at least `MIN_IOU` (0.5): "Mr John Smith" for gold "John Smith"
  matches, "Smith" alone for gold "John Smith" does not;
* matching is one to one (each gold span is found at most once, best overlap first);
* labels are compared as they are: a date of birth labelled DATE is a miss for DATE_OF_BIRTH.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.detect.labels import LABELS

MIN_IOU = 0.5
MATCHING = "same label, character IoU >= 0.5, one to one"


class GoldFileError(Exception):
    """The gold file cannot be scored; the message names the line and the reason, one line."""


@dataclass(frozen=True)
class GoldItem:
    """One labelled text: `line` is its line in the gold file (1-based)."""

    line: int
    text: str
    spans: tuple[tuple[int, int, str], ...]
    source: str = ""


@dataclass(frozen=True)
class Predicted:
    """A span some detector proposed, in the shape `score()` needs."""

    start: int
    end: int
    label: str
    score: float = 1.0
    reason: str = ""


@dataclass
class LabelScore:
    """Counts for one label; precision, recall and F2 follow from them."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f2(self) -> float:
        """F-beta with beta 2: recall weighs four times precision (a missed name is a breach)."""
        p, r = self.precision, self.recall
        return 5 * p * r / (4 * p + r) if p + r else 0.0

    def as_json(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f2": round(self.f2, 4),
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
        }


@dataclass
class Evaluation:
    """Per-label scores plus the misses and false positives themselves."""

    labels: dict[str, LabelScore] = field(default_factory=dict)
    misses: list[dict[str, object]] = field(default_factory=list)
    false_positives: list[dict[str, object]] = field(default_factory=list)
    items: int = 0
    characters: int = 0

    def overall(self) -> LabelScore:
        """Micro-average over every label scored."""
        total = LabelScore()
        for s in self.labels.values():
            total.gold += s.gold
            total.predicted += s.predicted
            total.matched += s.matched
        return total

    def as_json(self) -> dict[str, object]:
        return {
            "items": self.items,
            "characters": self.characters,
            "matching": MATCHING,
            "labels": {lab: s.as_json() for lab, s in sorted(self.labels.items())},
            "overall": self.overall().as_json(),
            "misses": self.misses,
            "false_positives": self.false_positives,
        }


def _iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


def score(
    items: Sequence[GoldItem],
    predictions: Sequence[Sequence[Predicted]],
    labels: Iterable[str] | None = None,
) -> Evaluation:
    """Score `predictions[i]` against `items[i]`; only `labels` when given (gold and predicted)."""
    keep = set(labels) if labels is not None else None
    out = Evaluation(items=len(items), characters=sum(len(i.text) for i in items))

    def stats(label: str) -> LabelScore:
        return out.labels.setdefault(label, LabelScore())

    for item, preds in zip(items, predictions, strict=True):
        gold = [g for g in item.spans if keep is None or g[2] in keep]
        mine = [p for p in preds if keep is None or p.label in keep]
        # Best overlaps first, so one sloppy span cannot take a gold span from an exact one.
        pairs = sorted(
            (
                (_iou((p.start, p.end), (g[0], g[1])), pi, gi)
                for pi, p in enumerate(mine)
                for gi, g in enumerate(gold)
                if p.label == g[2]
            ),
            reverse=True,
        )
        used_p: set[int] = set()
        used_g: set[int] = set()
        for iou, pi, gi in pairs:
            if iou < MIN_IOU:
                break
            if pi in used_p or gi in used_g:
                continue
            used_p.add(pi)
            used_g.add(gi)
        for gi, (start, end, label) in enumerate(gold):
            stats(label).gold += 1
            if gi in used_g:
                stats(label).matched += 1
            else:
                out.misses.append(
                    {"line": item.line, "start": start, "end": end, "label": label,
                     "text": item.text[start:end]}
                )  # fmt: skip
        for pi, p in enumerate(mine):
            stats(p.label).predicted += 1
            if pi not in used_p:
                out.false_positives.append(
                    {"line": item.line, "start": p.start, "end": p.end, "label": p.label,
                     "text": item.text[p.start : p.end], "score": round(p.score, 3),
                     "reason": p.reason}
                )  # fmt: skip
    return out


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _parse_spans(raw: object, text: str, where: str) -> tuple[tuple[int, int, str], ...]:
    if not isinstance(raw, list):
        raise GoldFileError(f"{where}: 'spans' must be a list")
    out: list[tuple[int, int, str]] = []
    for n, span in enumerate(raw, 1):
        at = f"{where}: span {n}"
        if not isinstance(span, dict):
            raise GoldFileError(f"{at}: must be an object with start, end and label")
        start, end, label = _int(span.get("start")), _int(span.get("end")), span.get("label")
        if start is None or end is None:
            raise GoldFileError(f"{at}: 'start' and 'end' must be whole numbers")
        if not 0 <= start < end <= len(text):
            raise GoldFileError(
                f"{at}: offsets {start}-{end} outside the text (0-{len(text)}) or empty"
            )
        if label not in LABELS:
            raise GoldFileError(f"{at}: unknown label {label!r} (labels: {', '.join(LABELS)})")
        said = span.get("text")
        if said is not None and said != text[start:end]:
            raise GoldFileError(f"{at}: its 'text' does not match the text at {start}-{end}")
        out.append((start, end, label))
    return tuple(out)


def _file_text(value: object, base: Path, where: str) -> str:
    """What `reviewer text FILE` prints for a `{"file": ...}` line (path relative to the gold)."""
    if not isinstance(value, str) or not value:
        raise GoldFileError(f"{where}: 'file' must be a path")
    from reviewer.detect.files import DetectFileError, extract_file
    from reviewer.ingest.types import OK

    path = base / value
    if not path.is_file():
        raise GoldFileError(f"{where}: file not found: {value}")
    try:
        extraction = extract_file(path)
    except DetectFileError as exc:
        raise GoldFileError(f"{where}: {value}: {exc}") from exc
    if extraction.status != OK:
        raise GoldFileError(f"{where}: {value}: {extraction.status}: {extraction.message}")
    return extraction.text or ""


def parse_gold_line(line: str, number: int, base: Path) -> GoldItem:
    """One line of a gold file; raises `GoldFileError` naming `number` on anything wrong."""
    where = f"line {number}"
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise GoldFileError(f"{where}: not valid JSON ({exc.msg}, column {exc.colno})") from exc
    if not isinstance(obj, dict):
        raise GoldFileError(f"{where}: must be a JSON object")
    if ("text" in obj) == ("file" in obj):
        raise GoldFileError(f"{where}: needs exactly one of 'text' or 'file'")
    if "text" in obj:
        text = obj["text"]
        if not isinstance(text, str):
            raise GoldFileError(f"{where}: 'text' must be a string")
    else:
        text = _file_text(obj["file"], base, where)
    if "spans" not in obj:
        raise GoldFileError(f"{where}: 'spans' is missing (use [] for a text with none)")
    source = obj.get("source") or obj.get("file") or ""
    return GoldItem(number, text, _parse_spans(obj["spans"], text, where), str(source))


def load_gold(path: Path) -> list[GoldItem]:
    """Every labelled item of a gold JSONL file; `{"file": ...}` paths are relative to it."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise GoldFileError(f"cannot read the file ({exc.strerror or type(exc).__name__})") from exc
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise GoldFileError(f"line {line}: not UTF-8 text") from exc
    items = [
        parse_gold_line(line, n, path.parent)
        for n, line in enumerate(content.splitlines(), 1)
        if line.strip()
    ]
    if not items:
        raise GoldFileError("no labelled items (one JSON object a line)")
    return items


Detector = Callable[[list[str]], list[list[Predicted]]]


def our_detector(min_score: float) -> Detector:
    """Our pipeline as a `Detector`: every span scoring at least `min_score`."""

    def run(texts: list[str]) -> list[list[Predicted]]:
        from reviewer.detect.pipeline import detect_texts

        return [
            [Predicted(s.start, s.end, s.label, s.score, s.reason) for s in spans]
            for spans in detect_texts(texts, min_score=min_score)
        ]

    return run


def evaluate(
    items: Sequence[GoldItem], detector: Detector, labels: Iterable[str] | None = None
) -> Evaluation:
    """Run `detector` over the items' texts and score it."""
    return score(items, detector([i.text for i in items]), labels)


def format_table(result: Evaluation) -> str:
    """A plain-text report: one row per label, then every miss and false positive."""
    rows = [f"{'label':<18}{'gold':>6}{'pred':>6}{'P':>7}{'R':>7}{'F2':>7}"]
    for lab, s in [*sorted(result.labels.items()), ("(all)", result.overall())]:
        rows.append(
            f"{lab:<18}{s.gold:>6}{s.predicted:>6}{s.precision:>7.2f}{s.recall:>7.2f}{s.f2:>7.2f}"
        )
    rows.append(f"\n{result.items} item(s), {result.characters:,} characters; match: {MATCHING}")
    for title, entries in (("misses", result.misses), ("false positives", result.false_positives)):
        rows.append(f"\n{title} ({len(entries)}):")
        rows.extend(
            f"  line {e['line']} {e['start']}-{e['end']} {e['label']}: "
            f"{json.dumps(e['text'], ensure_ascii=False)}"
            for e in entries
        )
    return "\n".join(rows)
