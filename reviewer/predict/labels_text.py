"""Detected labels named for people in reasons ("personal data: person's name")."""

from __future__ import annotations

import importlib


def label_phrase(label: str) -> str:
    """`person` -> 'detected: Person' using the detector's own display names where it has them."""
    upper = label.upper()
    try:
        labels = importlib.import_module("reviewer.detect.labels")
        name = getattr(labels, "display_name", None)
        if callable(name):
            return f"detected: {name(upper)}"
    except ImportError:
        pass
    return "detected: " + upper.replace("_", " ").capitalize()
