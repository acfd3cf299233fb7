"""`SurveySummary`: the plain result of a survey, as written to `summary.json`.

The HTML report, the command line and the GUI's survey view all draw from this one object;
`load_summary(DIR)` reads it back without touching the tree again.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

SUMMARY_NAME = "summary.json"


@dataclass(frozen=True)
class Totals:
    folders: int = 0
    files: int = 0
    bytes: int = 0
    members: int = 0
    member_bytes: int = 0
    identified: int = 0


@dataclass(frozen=True)
class FormatRow:
    puid: str  # "" when unidentified
    name: str
    version: str
    files: int
    bytes: int
    members: int = 0


@dataclass(frozen=True)
class FolderRow:
    folder: str  # top-level folder name; "" for files directly in the surveyed folder
    files: int
    bytes: int


@dataclass(frozen=True)
class YearRow:
    year: int
    files: int
    bytes: int


@dataclass(frozen=True)
class DuplicateSet:
    sha256: str
    size: int
    count: int
    reclaimable: int
    paths: list[str]


@dataclass(frozen=True)
class Duplicates:
    sets: int = 0
    files: int = 0
    reclaimable_bytes: int = 0
    largest: list[DuplicateSet] = field(default_factory=list)


@dataclass(frozen=True)
class Flagged:
    """A group of flagged items: why, how many, how big, and the first few paths."""

    key: str
    label: str
    count: int
    bytes: int
    examples: list[str]


@dataclass(frozen=True)
class SurveySummary:
    root: str
    generated: str
    totals: Totals
    by_format: list[FormatRow]
    by_folder: list[FolderRow]
    age_by_year: list[YearRow]
    due_by_year: list[YearRow]
    overdue_files: int
    duplicates: Duplicates
    risks: list[Flagged]
    rot: list[Flagged]
    problems: list[Flagged]
    disallowed_by_reason: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SurveySummary:
        dup = data["duplicates"]
        return cls(
            root=data["root"],
            generated=data["generated"],
            totals=Totals(**data["totals"]),
            by_format=[FormatRow(**r) for r in data["by_format"]],
            by_folder=[FolderRow(**r) for r in data["by_folder"]],
            age_by_year=[YearRow(**r) for r in data["age_by_year"]],
            due_by_year=[YearRow(**r) for r in data["due_by_year"]],
            overdue_files=data["overdue_files"],
            duplicates=Duplicates(
                sets=dup["sets"],
                files=dup["files"],
                reclaimable_bytes=dup["reclaimable_bytes"],
                largest=[DuplicateSet(**s) for s in dup["largest"]],
            ),
            risks=[Flagged(**r) for r in data["risks"]],
            rot=[Flagged(**r) for r in data["rot"]],
            problems=[Flagged(**r) for r in data["problems"]],
            disallowed_by_reason=dict(data.get("disallowed_by_reason", {})),
        )


def load_summary(out_dir: Path) -> SurveySummary:
    """Read a finished survey's `summary.json` from its output folder."""
    data = json.loads((out_dir / SUMMARY_NAME).read_text(encoding="utf-8"))
    return SurveySummary.from_dict(data)
