"""The other areas' APIs the GUI calls, looked up once so a build without one still opens.

Only lookups live here: no rules. A missing area leaves its panel disabled with a note.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def optional(module: str, name: str) -> Any:
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


def load_criteria(kind: str) -> list[Any]:
    func = optional("reviewer.decisions.criteria", "load_criteria")
    return list(func(kind)) if func else []


def suggest_criteria(text: str, kind: str) -> list[str]:
    func = optional("reviewer.decisions.criteria", "suggest_criteria")
    return list(func(text, kind)) if func else []


def load_exemptions() -> list[Any]:
    func = optional("reviewer.decisions.exemptions", "load_exemptions")
    return list(func()) if func else []


def validate_sensitivity() -> Callable[..., list[str]] | None:
    func: Callable[..., list[str]] | None = optional("reviewer.decisions", "validate_sensitivity")
    return func


def entities_module() -> Any:
    try:
        return importlib.import_module("reviewer.detect.entities")
    except ImportError:
        return None


def decisions_module() -> Any:
    try:
        return importlib.import_module("reviewer.decisions")
    except ImportError:
        return None


def redactions_module() -> Any:
    try:
        return importlib.import_module("reviewer.decisions.redactions")
    except ImportError:
        return None
