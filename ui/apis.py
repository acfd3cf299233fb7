"""The core APIs the GUI calls, imported on first use so the window opens fast.

Only lookups live here: no rules. Imports are lazy (spaCy and PyMuPDF load behind them) but
never optional: a broken core module must fail loudly, not leave a panel quietly empty.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def load_criteria(kind: str) -> list[Any]:
    from reviewer.decisions.criteria import load_criteria as load

    return list(load(kind))


def suggest_criteria(text: str, kind: str) -> list[str]:
    from reviewer.decisions.criteria import suggest_criteria as suggest

    return list(suggest(text, kind))


def load_exemptions() -> list[Any]:
    from reviewer.decisions.exemptions import load_exemptions as load

    return list(load())


def validate_sensitivity() -> Callable[..., list[str]] | None:
    from reviewer.decisions import validate_sensitivity as validate

    return validate


def entities_module() -> Any:
    return importlib.import_module("reviewer.detect.entities")


def decisions_module() -> Any:
    return importlib.import_module("reviewer.decisions")


def redactions_module() -> Any:
    return importlib.import_module("reviewer.decisions.redactions")
