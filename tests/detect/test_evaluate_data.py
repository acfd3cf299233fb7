"""The real-document evaluation set: every span's offsets match its text, and dev and test
share no source document (so tuning on dev says nothing about test)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewer.detect.evaluate import load_gold

REAL = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "detection" / "real"


def document(source: str) -> str:
    """The document a passage was cut from (corpus file or judgment), without its place in it."""
    return source.split(",")[0].split(" (")[0]


@pytest.mark.parametrize("split", ["dev", "test"])
def test_offsets_match_the_labelled_text(split: str) -> None:
    items = load_gold(REAL / f"{split}.jsonl")  # raises on any span whose text does not match
    rows = [json.loads(line) for line in (REAL / f"{split}.jsonl").open(encoding="utf-8")]
    assert len(items) >= 30
    assert all(row["source"] and row["spans"] is not None for row in rows)
    assert all(len(row["text"]) >= 500 for row in rows)
    for row in rows:
        for span in row["spans"]:
            assert row["text"][span["start"] : span["end"]] == span["text"]


def test_dev_and_test_share_no_document() -> None:
    sources = {
        split: {
            document(json.loads(line)["source"])
            for line in (REAL / f"{split}.jsonl").open(encoding="utf-8")
        }
        for split in ("dev", "test")
    }
    assert not sources["dev"] & sources["test"]
    assert len(sources["dev"]) + len(sources["test"]) >= 40
