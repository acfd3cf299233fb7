"""Where the editable pattern and lexicon files live, and a fingerprint of their content.

Files come from `resources/detect/`; a user can point `$REVIEWER_DETECT_DIR` at a folder holding
edited copies (any file missing there falls back to the shipped one). The fingerprint goes into
the pipeline version, so editing a lexicon invalidates the scan cache.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import resources

SHIPPED_DIR = Path(resources.__file__).resolve().parent / "detect"
RESOURCE_FILES = (
    "identifiers.jsonl",
    "person_patterns.jsonl",
    "first_names.txt",
    "not_names.txt",
    "special_category.jsonl",
    "common_words.txt",
    "english_words.txt",
    "places.txt",
    "form_labels.txt",
)


def resource_path(name: str) -> Path:
    """The user's copy of `name` if `$REVIEWER_DETECT_DIR` has one, else the shipped file."""
    override = os.environ.get("REVIEWER_DETECT_DIR")
    if override:
        candidate = Path(override) / name
        if candidate.is_file():
            return candidate
    return SHIPPED_DIR / name


def read_jsonl(name: str) -> list[dict[str, Any]]:
    """Rows of a JSONL resource; blank lines and lines starting with `#` are skipped."""
    rows: list[dict[str, Any]] = []
    with resource_path(name).open(encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{name} line {line_no}: not valid JSON ({exc.msg})") from exc
    return rows


def read_lines(name: str) -> list[str]:
    """Non-blank, non-comment lines of a text resource."""
    text = resource_path(name).read_text(encoding="utf-8")
    return [s for line in text.splitlines() if (s := line.strip()) and not s.startswith("#")]


def fingerprint() -> str:
    """Short hash of every resource file in use."""
    digest = hashlib.sha256()
    for name in RESOURCE_FILES:
        path = resource_path(name)
        digest.update(name.encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
