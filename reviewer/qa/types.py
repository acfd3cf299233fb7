"""The values QA works with: a decision as compared, redaction marks, and what was drawn."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

DECISION_TYPES = ("open", "open with redactions", "closed")


@dataclass(frozen=True)
class Mark:
    """One redaction: a box on a page (PDF points) and/or a character span of the text."""

    page: int | None = None
    rect: tuple[float, float, float, float] | None = None
    start: int | None = None
    end: int | None = None
    label: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "page": self.page,
            "rect": list(self.rect) if self.rect else None,
            "start": self.start,
            "end": self.end,
            "label": self.label,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Mark:
        rect = data.get("rect")
        return cls(
            page=data.get("page"),
            rect=(float(rect[0]), float(rect[1]), float(rect[2]), float(rect[3])) if rect else None,
            start=data.get("start"),
            end=data.get("end"),
            label=str(data.get("label") or ""),
        )


def _date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


@dataclass(frozen=True)
class QaDecision:
    """The parts of a sensitivity decision QA compares (and the dates needed to save it)."""

    closure_status: str | None
    redacted: bool = False
    exemptions: tuple[tuple[str, int], ...] = ()
    title_closed: bool = False
    title_alternate: str = ""
    description_closed: bool = False
    description_alternate: str = ""
    closure_start_date: date | None = None
    foi_schedule_date: date | None = None
    redactions: tuple[Mark, ...] = field(default=())

    @property
    def decision_type(self) -> str:
        """open | open with redactions | closed (the stratum a decision falls in)."""
        if self.closure_status == "Closed":
            return "open with redactions" if self.redacted else "closed"
        return "open"

    def to_json(self) -> dict[str, Any]:
        return {
            "closure_status": self.closure_status,
            "redacted": self.redacted,
            "exemptions": [[c, p] for c, p in self.exemptions],
            "title_closed": self.title_closed,
            "title_alternate": self.title_alternate,
            "description_closed": self.description_closed,
            "description_alternate": self.description_alternate,
            "closure_start_date": self.closure_start_date.isoformat()
            if self.closure_start_date
            else None,
            "foi_schedule_date": self.foi_schedule_date.isoformat()
            if self.foi_schedule_date
            else None,
            "redactions": [m.to_json() for m in self.redactions],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> QaDecision:
        """From `to_json` output or a decisions snapshot (an audit event's `after`)."""
        return cls(
            closure_status=data.get("closure_status"),
            redacted=bool(data.get("redacted", False)),
            exemptions=tuple((str(c), int(p)) for c, p in data.get("exemptions") or ()),
            title_closed=bool(data.get("title_closed", False)),
            title_alternate=str(data.get("title_alternate") or ""),
            description_closed=bool(data.get("description_closed", False)),
            description_alternate=str(data.get("description_alternate") or ""),
            closure_start_date=_date(data.get("closure_start_date")),
            foi_schedule_date=_date(data.get("foi_schedule_date")),
            redactions=tuple(Mark.from_json(m) for m in data.get("redactions") or ()),
        )


@dataclass(frozen=True)
class Reviewed:
    """A record's decision by one person (first reviewer or checker) as QA found it."""

    record_id: int
    person: str
    decision: QaDecision
    at: datetime | None = None


@dataclass(frozen=True)
class SampleItem:
    record_id: int
    path: str
    stratum: str
    first_reviewer: str


@dataclass(frozen=True)
class SampleView:
    """A drawn sample: `seed` and the parameters draw it again identically."""

    id: int
    collection_id: int
    seed: int
    rate: float | None
    size: int | None
    reviewer: str | None
    stratify: tuple[str, ...]
    population: int
    batch_id: int | None
    items: tuple[SampleItem, ...]
    created_at: datetime | None = None
