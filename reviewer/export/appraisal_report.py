"""The appraisal report: a PDF of a collection's outcomes for the department and TNA.

Counts per outcome, every record selected for permanent preservation with its criteria and
rationale, the legal holds in force, and who decided what and when. Laid out with PyMuPDF's Story
(HTML and CSS), written owner-only and atomically.
"""

from __future__ import annotations

import html
import io
import os
import tempfile
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.records import Record
from models.session import Store
from reviewer.decisions.criteria import load_criteria
from reviewer.decisions.holds import active_holds_for, list_holds
from reviewer.decisions.markers import record_markers
from reviewer.decisions.store import all_decisions
from reviewer.decisions.types import APPRAISALS
from reviewer.ingest.extract.pdf import module as fitz
from reviewer.records_view import collection_by_name

UNDECIDED = "undecided"
OUTCOME_TITLES = {
    "select": "Selected for permanent preservation",
    "retain": "Retained in department (s.3(4) PRA 1958)",
    "destroy": "Destroy at end of retention",
    "defer": "Decision deferred",
    UNDECIDED: "Not yet appraised",
}
CSS = """
* {font-family: sans-serif; font-size: 9pt;}
h1 {font-size: 16pt; margin-bottom: 4pt;} h2 {font-size: 12pt; margin-top: 12pt;}
table {border-collapse: collapse; width: 100%;}
th, td {border: 0.5pt solid #888; padding: 2pt; text-align: left; vertical-align: top;}
th {background-color: #e8e8e8;}
"""


@dataclass(frozen=True)
class SelectedLine:
    path: str
    criteria: tuple[str, ...]
    rationale: str
    decided_by: str
    decided_at: datetime | None
    closure_status: str | None


@dataclass(frozen=True)
class HoldLine:
    name: str
    reason: str
    scope: str
    created_by: str
    created_at: datetime
    records_held: int


@dataclass(frozen=True)
class AppraisalReport:
    """Everything the report shows, as plain values (testable without reading the PDF)."""

    collection: str
    generated_at: datetime
    counts: dict[str, int]
    selected: tuple[SelectedLine, ...]
    holds: tuple[HoldLine, ...]
    deciders: dict[str, int]
    # (path, marker) for each conflict, e.g. "held: destroy suspended" (reviewer.decisions.markers)
    conflicts: tuple[tuple[str, str], ...] = ()
    # (path, "code: years; ...", justification) for closure periods outside the usual ones
    justified_periods: tuple[tuple[str, str, str], ...] = ()


def build_report(session: Session, collection_name: str) -> AppraisalReport:
    """Gather the report's figures from the store."""
    collection = collection_by_name(session, collection_name)
    views = all_decisions(session, collection.id)
    stmt = select(Record.id, Record.path).where(Record.collection_id == collection.id)
    paths: dict[int, str] = {rid: path for rid, path in session.execute(stmt)}
    titles = {c.id: c.title for c in load_criteria(collection.kind)}
    counts: Counter[str] = Counter({k: 0 for k in (*APPRAISALS, UNDECIDED)})
    deciders: Counter[str] = Counter()
    selected: list[SelectedLine] = []
    for rid, view in sorted(views.items(), key=lambda kv: paths.get(kv[0], "")):
        counts[view.appraisal or UNDECIDED] += 1
        if view.appraised_by:
            deciders[f"{view.appraised_by} ({view.appraised_role})"] += 1
        if view.appraisal == "select":
            selected.append(
                SelectedLine(
                    paths.get(rid, f"record {rid}"),
                    tuple(titles.get(c, c) for c in view.criteria),
                    view.rationale,
                    view.appraised_by,
                    view.appraised_at,
                    view.closure_status,
                )
            )
    held = active_holds_for(session, collection.id)
    holds = tuple(
        HoldLine(
            h.name,
            h.reason,
            h.scope,
            h.created_by,
            h.created_at,
            sum(1 for hs in held.values() if any(x.id == h.id for x in hs)),
        )
        for h in list_holds(session, collection.id, include_lifted=False)
    )
    markers = record_markers(session, collection.id)
    conflicts = tuple(
        (paths.get(rid, f"record {rid}"), str(m))
        for rid in sorted(markers, key=lambda r: paths.get(r, ""))
        for m in markers[rid]
    )
    justified = tuple(
        (
            paths.get(rid, f"record {rid}"),
            "; ".join(f"{c}: {p} years" for c, p in view.exemptions),
            view.period_justification,
        )
        for rid, view in sorted(views.items(), key=lambda kv: paths.get(kv[0], ""))
        if view.period_justification and view.closure_status == "Closed"
    )
    return AppraisalReport(
        collection_name,
        datetime.now(UTC),
        dict(counts),
        tuple(selected),
        holds,
        dict(deciders),
        conflicts,
        justified,
    )


def _e(text: object) -> str:
    return html.escape(str(text))


def _when(value: datetime | None) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if value else ""


def _table(headers: list[str], rows: list[list[object]]) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def report_html(report: AppraisalReport) -> str:
    total = sum(report.counts.values())
    parts = [
        f"<h1>Appraisal report: {_e(report.collection)}</h1>",
        f"<p>{total} records. Generated {_when(report.generated_at)} by Records Reviewer.</p>",
        "<h2>Outcomes</h2>",
        _table(
            ["Outcome", "Records"],
            [[OUTCOME_TITLES[k], report.counts.get(k, 0)] for k in OUTCOME_TITLES],
        ),
        "<h2>Records selected for permanent preservation</h2>",
        _table(
            ["Record", "Criteria", "Rationale", "Decided by", "When", "Sensitivity"],
            [
                [
                    s.path,
                    "; ".join(s.criteria),
                    s.rationale,
                    s.decided_by,
                    _when(s.decided_at),
                    s.closure_status or "not reviewed",
                ]
                for s in report.selected
            ]
            or [["None selected", "", "", "", "", ""]],
        ),
        "<h2>Legal holds in force</h2>",
        _table(
            ["Hold", "Reason", "Applies to", "Records held", "Placed by", "When"],
            [
                [h.name, h.reason, h.scope, h.records_held, h.created_by, _when(h.created_at)]
                for h in report.holds
            ]
            or [["No hold in force", "", "", "", "", ""]],
        ),
        "<h2>Conflicts</h2>",
        _table(
            ["Record", "Conflict"],
            [[path, marker] for path, marker in report.conflicts] or [["None", ""]],
        ),
        "<h2>Closure periods outside the usual, with their justification</h2>",
        _table(
            ["Record", "Exemptions", "Justification"],
            [list(j) for j in report.justified_periods] or [["None", "", ""]],
        ),
        "<h2>Who decided</h2>",
        _table(
            ["Appraiser (role)", "Records decided"],
            [[k, v] for k, v in sorted(report.deciders.items())] or [["Nobody yet", 0]],
        ),
    ]
    return "".join(parts)


def render_report(report: AppraisalReport) -> bytes:
    """The report as PDF bytes (A4, as many pages as needed)."""
    pymupdf = fitz()
    buf = io.BytesIO()
    writer = pymupdf.DocumentWriter(buf)
    page = pymupdf.paper_rect("a4")
    where = pymupdf.Rect(page.x0 + 40, page.y0 + 40, page.x1 - 40, page.y1 - 40)
    story = pymupdf.Story(html=report_html(report), user_css=CSS)
    more = 1
    while more:
        device = writer.begin_page(page)
        more, _ = story.place(where)
        story.draw(device)
        writer.end_page()
    writer.close()
    doc = pymupdf.open(stream=buf.getvalue(), filetype="pdf")
    doc.set_metadata(
        {"title": f"Appraisal report: {report.collection}", "creator": "Records Reviewer"}
    )
    return bytes(doc.tobytes(garbage=3, deflate=True))


def write_appraisal_report(store: Store, collection_name: str, out_file: Path) -> AppraisalReport:
    """Write the report owner-only, replacing `out_file` only once it is complete."""
    with store.session() as session:
        report = build_report(session, collection_name)
    data = render_report(report)
    out_file = out_file.resolve()
    fd, tmp = tempfile.mkstemp(prefix=f".{out_file.name}.", dir=out_file.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o600)
        os.replace(tmp, out_file)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return report
