"""What a `--jobs` worker process runs: detection on a batch of texts, results as plain tuples."""

from __future__ import annotations

from reviewer.detect.pipeline import build_pipeline, detect_texts

SpanTuple = tuple[int, int, str, float, str]


def warm_up() -> None:
    """Build the pipeline once when the worker starts, not inside the first batch."""
    build_pipeline()


def worker_ready() -> bool:
    """A task that returns once a worker process has started and loaded the pipeline."""
    return True


def detect_batch(texts: list[str]) -> list[list[SpanTuple]]:
    """Spans per text as `(start, end, label, score, reason)`, cheap to pickle."""
    return [
        [(s.start, s.end, s.label, s.score, s.reason) for s in spans]
        for spans in detect_texts(texts)
    ]
