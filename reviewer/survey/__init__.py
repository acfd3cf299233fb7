"""Survey of a folder tree: what is held, how old, in what formats, duplicated or at risk.

Everything a GUI survey view needs is here, Qt-free: run `survey(root, out_dir, jobs, progress)`
in a worker, or `load_summary(out_dir)` to show a survey already made.
"""

from __future__ import annotations

from reviewer.survey.run import survey
from reviewer.survey.summary import SurveySummary, load_summary

__all__ = ["SurveySummary", "load_summary", "survey"]
