"""The survey's charts, as SVG, built from a `SurveySummary`: one source for the HTML report
and the GUI's survey view, so both show the same pictures."""

from __future__ import annotations

from datetime import datetime

from reviewer.survey.charts import ALERT, BAR, hbar, human_bytes, vbar
from reviewer.survey.summary import SurveySummary

TOP = 12


def format_label(puid: str, name: str, version: str) -> str:
    label = f"{name} {version}".strip()
    return f"{label} ({puid})" if puid else label


def formats_chart(s: SurveySummary) -> str:
    rows = [(format_label(f.puid, f.name, f.version), f.files) for f in s.by_format[:TOP]]
    return hbar("Files by format", rows)


def folders_chart(s: SurveySummary) -> str:
    rows = [(f.folder or "(files at top level)", f.bytes) for f in s.by_folder[:TOP]]
    return hbar("Size by top-level folder", rows, fmt=human_bytes)


def ages_chart(s: SurveySummary) -> str:
    return vbar("Files by year last modified", [(r.year, r.files) for r in s.age_by_year])


def due_chart(s: SurveySummary) -> str:
    this_year = datetime.now().year
    return vbar(
        "Files by year due for transfer (20-year rule; red: due now or overdue)",
        [(r.year, r.files) for r in s.due_by_year],
        highlight=lambda year: year <= this_year,
    )


def risks_chart(s: SurveySummary) -> str:
    groups = [*s.risks, *s.rot]
    return hbar(
        "Formats at risk and clean-up candidates (items)",
        [(g.label, g.count) for g in groups],
        colors=[ALERT if i < len(s.risks) else BAR for i in range(len(groups))],
    )


def duplicates_chart(s: SurveySummary) -> str:
    return hbar(
        "Space taken by duplicate copies",
        [
            ("Whole tree", s.totals.bytes),
            ("Reclaimable by removing copies", s.duplicates.reclaimable_bytes),
        ],
        fmt=human_bytes,
        colors=[BAR, ALERT],
    )


def headline(s: SurveySummary) -> list[tuple[str, str]]:
    """The key figures shown as cards: (label, value)."""
    t, dup = s.totals, s.duplicates
    return [
        ("files", f"{t.files:,}"),
        ("folders", f"{t.folders:,}"),
        ("total size", human_bytes(t.bytes)),
        ("archive members", f"{t.members:,}"),
        ("identified", f"{t.identified / t.files:.0%}" if t.files else "n/a"),
        ("duplicate copies", f"{dup.files - dup.sets:,}"),
        ("due for transfer now", f"{s.overdue_files:,}"),
    ]
