"""The QA report as a PDF: headline figures, charts drawn with PyMuPDF shapes, disagreements.

Charts: agreement on closure status per reviewer, agreement per FOI exemption, and overturns
per day. No plotting library: bars are rectangles, so the file is small and needs no fonts.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from reviewer.qa.disagreements import disagreement_rows, write_private
from reviewer.qa.report import QaReport

A4 = (595.0, 842.0)
MARGIN = 50.0
BAR = (0.20, 0.42, 0.69)
GOOD = (0.20, 0.60, 0.35)
BAD = (0.80, 0.25, 0.20)
GREY = (0.6, 0.6, 0.6)
BLACK = (0.0, 0.0, 0.0)


def _pymupdf() -> Any:
    """PyMuPDF, imported late so the CLI and window start fast (and typed loosely)."""
    import pymupdf

    return pymupdf


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1%}"


def _num(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _text(page: Any, x: float, y: float, text: str, size: float = 9, bold: bool = False) -> None:
    page.insert_text((x, y), text, fontsize=size, fontname="hebo" if bold else "helv", color=BLACK)


def _fit(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def bar_chart(
    page: Any, top: float, title: str, items: Sequence[tuple[str, float | None, str]]
) -> float:
    """Horizontal bars (0 to 100%) labelled left, annotated right; returns the y below the chart."""
    pymupdf = _pymupdf()

    _text(page, MARGIN, top, title, 11, bold=True)
    y = top + 12
    left, width = MARGIN + 130, A4[0] - 2 * MARGIN - 130 - 110
    if not items:
        _text(page, MARGIN, y + 10, "No second reviews yet.")
        return y + 24
    shape = page.new_shape()
    for label, value, note in items:
        shape.draw_rect(pymupdf.Rect(left, y, left + width, y + 12))
        shape.finish(color=GREY, width=0.5)
        if value is not None:
            shape.draw_rect(pymupdf.Rect(left, y, left + width * max(0.0, min(1.0, value)), y + 12))
            shape.finish(color=None, fill=BAR)
        _text(page, MARGIN, y + 9, _fit(label, 24), 8)
        _text(page, left + width + 6, y + 9, f"{_pct(value)}  {note}", 8)
        y += 16
    shape.commit()
    return y + 12


def column_chart(page: Any, top: float, title: str, points: Sequence[tuple[str, int]]) -> float:
    """Vertical bars per date (overturns per day); returns the y below the chart."""
    pymupdf = _pymupdf()

    _text(page, MARGIN, top, title, 11, bold=True)
    if not points:
        _text(page, MARGIN, top + 22, "No overturned decisions.")
        return top + 36
    height, base = 90.0, top + 110
    width = A4[0] - 2 * MARGIN
    peak = max(n for _, n in points)
    step = min(width / len(points), 40.0)
    shape = page.new_shape()
    shape.draw_line((MARGIN, base), (MARGIN + width, base))
    shape.finish(color=GREY, width=0.5)
    for i, (day, n) in enumerate(points):
        h = height * n / peak
        x = MARGIN + i * step + step * 0.15
        shape.draw_rect(pymupdf.Rect(x, base - h, x + step * 0.7, base))
        shape.finish(color=None, fill=BAD)
        _text(page, x, base - h - 3, str(n), 7)
        if len(points) <= 12 or i % max(1, len(points) // 12) == 0:
            _text(page, x, base + 10, day[5:], 7)
    shape.commit()
    return base + 28


def _summary(page: Any, report: QaReport) -> float:
    f = report.figures
    _text(page, MARGIN, 60, "Quality check of sensitivity review", 16, bold=True)
    _text(page, MARGIN, 78, f"Collection: {report.collection}    Produced: {date.today()}", 9)
    colour = GOOD if report.recommendation == "accept" else BAD
    lines = [
        f"Sample size: {f.sample_size}    Second-reviewed: {f.reviewed}",
        f"Agreement on closure status: {_pct(f.agreement)}    Cohen's kappa: {_num(f.kappa)}",
        f"All fields agree: {_pct(f.full_agreement)}    Disagreements: {f.disagreements} "
        f"(overturned {f.overturned}, upheld {f.upheld}, pending {f.pending})",
        f"Estimated error rate: {_pct(f.error_rate)}   95% Wilson interval: "
        + (
            f"{_pct(f.error_interval[0])} to {_pct(f.error_interval[1])}"
            if f.error_interval
            else "n/a"
        ),
    ]
    y = 100.0
    for line in lines:
        _text(page, MARGIN, y, line, 10)
        y += 15
    page.insert_text(
        (MARGIN, y + 4),
        f"Recommendation: {report.recommendation.upper()} (threshold {report.threshold:.1%})",
        fontsize=12,
        fontname="hebo",
        color=colour,
    )
    y += 20
    _text(page, MARGIN, y, _fit(report.reason, 110), 8)
    return y + 30


def _disagreement_pages(doc: Any, report: QaReport) -> None:
    rows = disagreement_rows(report.reviews)
    if not rows:
        return
    page = doc.new_page(width=A4[0], height=A4[1])
    _text(page, MARGIN, 60, "Disagreements", 13, bold=True)
    y = 82.0
    cols = (
        (MARGIN, "Record", 40),
        (MARGIN + 170, "Field", 20),
        (MARGIN + 270, "First", 18),
        (MARGIN + 370, "Checker", 22),
        (MARGIN + 450, "Outcome", 12),
    )
    for x, head, _ in cols:
        _text(page, x, y, head, 8, bold=True)
    y += 14
    for row in rows:
        if y > A4[1] - MARGIN:
            page = doc.new_page(width=A4[0], height=A4[1])
            y = 60.0
        values = (
            f"{row['record_id']} {row['path']}",
            row["field"],
            row["first"],
            row["checker_value"],
            row["outcome"],
        )
        for (x, _, limit), value in zip(cols, values, strict=True):
            _text(page, x, y, _fit(value, limit), 7)
        y += 11


def write_report_pdf(report: QaReport, path: Path) -> None:
    """Write the QA report PDF (owner-only: reviewer names and record paths are inside)."""
    pymupdf = _pymupdf()

    doc = pymupdf.open()
    page = doc.new_page(width=A4[0], height=A4[1])
    y = _summary(page, report)
    reviewers = [
        (name, f.agreement, f"kappa {_num(f.kappa)}, n={f.reviewed}")
        for name, f in sorted(report.per_reviewer.items())
    ]
    y = bar_chart(page, y, "Agreement on closure status per reviewer", reviewers)
    exemptions = [
        (
            f"FOI {code}",
            e["agreement"],
            f"kappa {_num(e['kappa'])}, cited {e['first']}/{e['checker']}",
        )
        for code, e in report.per_exemption.items()
    ]
    if y + 16 * len(exemptions) + 40 > A4[1] - 160:
        page = doc.new_page(width=A4[0], height=A4[1])
        y = 60.0
    y = bar_chart(page, y, "Agreement per FOI exemption (cited or not)", exemptions)
    if y > A4[1] - 170:
        page = doc.new_page(width=A4[0], height=A4[1])
        y = 60.0
    column_chart(page, y, "Overturned decisions per day", report.overturns_over_time)
    _disagreement_pages(doc, report)
    doc.set_metadata({"title": f"QA report: {report.collection}", "creator": "Records Reviewer"})
    data = doc.tobytes(garbage=3, deflate=True)
    doc.close()
    write_private(path, data)
