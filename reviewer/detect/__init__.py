"""Personal-data detection: spaCy NER plus validated UK identifiers, addresses and lexicons.

Everything here is Qt-free and works on plain text; `reviewer.detect.entities` stores results
and reviewers' corrections. The spaCy model loads only in `build_pipeline()`, on first use.
"""

from __future__ import annotations

from reviewer.detect.files import DetectFileError, detect_file
from reviewer.detect.labels import LABEL_COLOURS, LABELS
from reviewer.detect.pipeline import build_pipeline, detect_text, detect_texts, pipeline_version
from reviewer.detect.span import Span

__all__ = [
    "LABELS",
    "LABEL_COLOURS",
    "DetectFileError",
    "Span",
    "build_pipeline",
    "detect_file",
    "detect_text",
    "detect_texts",
    "pipeline_version",
]
