"""Survey of a folder tree: what is held, how old, in what formats, duplicated or at risk.

Everything a GUI survey view needs is here, Qt-free: run `survey(root, out_dir, jobs, progress)`
in a worker, or `load_summary(out_dir)` to show a survey already made. The names are loaded on
first use, so the survey's small hashing process imports only `reviewer.survey.hashing`.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reviewer.survey.run import survey
    from reviewer.survey.summary import SurveySummary, load_summary

__all__ = ["SurveySummary", "load_summary", "survey"]
_HOMES = {"survey": "run", "SurveySummary": "summary", "load_summary": "summary"}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(f"reviewer.survey.{_HOMES[name]}"), name)
    raise AttributeError(f"module 'reviewer.survey' has no attribute {name!r}")
