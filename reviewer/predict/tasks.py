"""The two things predictive review learns: which records will be closed, which will be selected."""

from __future__ import annotations

from dataclasses import dataclass

from reviewer.decisions.types import DecisionView


@dataclass(frozen=True)
class Task:
    """A yes/no question a reviewer's decision answers for a record."""

    name: str  # stored and used on the command line
    order: str  # the queue order it serves
    title: str  # for people

    def label(self, view: DecisionView) -> bool | None:
        """True/False once the record's decision answers the question, else None (unreviewed)."""
        if self.name == "sensitivity":
            if view.closure_status is None:
                return None
            return view.closure_status == "Closed" or view.redacted
        if view.appraisal is None or view.appraisal == "defer":
            return None
        return view.appraisal == "select"


SENSITIVITY = Task("sensitivity", "likely-sensitive", "Most likely sensitive first")
APPRAISAL = Task("appraisal", "likely-selected", "Most likely selected first")
TASKS = {t.name: t for t in (SENSITIVITY, APPRAISAL)}
BY_ORDER = {t.order: t for t in (SENSITIVITY, APPRAISAL)}
