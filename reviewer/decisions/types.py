"""The decision API's value types: who acts, what a decision looks like, and why one was refused."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

APPRAISALS = ("select", "retain", "destroy", "defer")
ROLES = ("appraiser", "sensitivity", "qa")
CLOSURE_STATUSES = ("Open", "Closed")
# A folder's closure start taken from each record's date, or 31 December of its year.
CLOSURE_START_RULES = ("record_date", "year_end")


@dataclass(frozen=True)
class Actor:
    """The person making a change and the role they act in (appraiser|sensitivity|qa)."""

    name: str
    role: str


class DecisionError(Exception):
    """A decision was refused; `problems` are plain reasons for the reviewer (no personal data)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = list(problems)


@dataclass(frozen=True)
class DecisionView:
    """A record's effective decision: its own, else inherited part by part.

    The appraisal part and the sensitivity part are each taken from the nearest decision that has
    one: the record's own, a parent record's (email, container), or a folder's (longest path).
    `inherited_from` is the id of the source decision row when any part is inherited (None when
    both are the record's own); `inherited_scope` names it for people ("folder a/b/" or the parent
    record's path) and `inherited_record_id` is the parent record when the source is one.
    """

    record_id: int
    appraisal: str | None = None
    criteria: tuple[str, ...] = ()
    rationale: str = ""
    closure_status: str | None = None
    redacted: bool = False
    exemptions: tuple[tuple[str, int], ...] = ()
    closure_start_date: date | None = None
    foi_schedule_date: date | None = None
    title_closed: bool = False
    title_alternate: str = ""
    description_closed: bool = False
    description_alternate: str = ""
    decided_by: str = ""
    role: str = ""
    decided_at: datetime | None = None
    inherited_from: int | None = None
    # Beyond the agreed contract:
    inherited_scope: str = ""
    inherited_record_id: int | None = None
    appraisal_inherited: bool = False
    sensitivity_inherited: bool = False
    redact_labels: tuple[str, ...] = ()
    appraised_by: str = ""
    appraised_role: str = ""
    appraised_at: datetime | None = None
    reviewed_by: str = ""
    reviewed_role: str = ""
    reviewed_at: datetime | None = None
    record_date: date | None = None
    description: str = ""  # the record's own description (TDR `description`), never inherited
    closure_start_rule: str | None = None  # "record_date"|"year_end": start resolved per record
    transfer_due_year: int | None = None
    version: int = 0
    period_justification: str = ""  # why a period outside the exemption's usual ones is right
    looked_at_by: str = ""  # who looked at a record no scan could read (never inherited)

    @property
    def decided(self) -> bool:
        return self.appraisal is not None or self.closure_status is not None
