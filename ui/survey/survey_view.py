"""`SurveyView`: a survey's charts and sortable tables, tab by tab, from a `SurveySummary`.

Charts are the very SVGs of the HTML report (`reviewer.survey.figures`), so the GUI and the
report never disagree. Running a survey is the caller's job (`reviewer.survey.survey` in a
`ui.tasks` worker); this view only shows a result, e.g. `load_summary(out_dir)`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QByteArray, QSortFilterProxyModel, Qt
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reviewer.survey import SurveySummary, figures
from ui.survey.survey_table_model import SORT_ROLE, SurveyTableModel

Chart = Callable[[SurveySummary], str]


def _chart_widget(svg: str) -> QSvgWidget:
    widget = QSvgWidget()
    widget.load(QByteArray(svg.encode("utf-8")))
    size = widget.renderer().defaultSize()
    widget.setFixedSize(size)
    return widget


def _table(model: SurveyTableModel) -> QTableView:
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class SurveyView(QWidget):
    """Headline figures above tabs: Formats, Folders, Age, Duplicates, Risks, Clean-up."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.tabs = QTabWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.tabs)
        self.models: dict[str, SurveyTableModel] = {}
        self.charts: dict[str, list[QSvgWidget]] = {}

    def set_summary(self, summary: SurveySummary) -> None:
        """Show a survey (replacing any shown before)."""
        self.tabs.clear()
        self.models.clear()
        self.charts.clear()
        self.headline.setText(" · ".join(f"<b>{v}</b> {k}" for k, v in figures.headline(summary)))
        s = summary
        self._tab("Formats", [figures.formats_chart], s, (
            ("PUID", "Format", "Version", "Files", "Size", "Archive members"),
            [(f.puid, f.name, f.version, f.files, f.bytes, f.members) for f in s.by_format],
            (4,),
        ))  # fmt: skip
        self._tab("Folders", [figures.folders_chart], s, (
            ("Top-level folder", "Files", "Size"),
            [(f.folder or "(files at top level)", f.files, f.bytes) for f in s.by_folder],
            (2,),
        ))  # fmt: skip
        self._tab("Age", [figures.ages_chart, figures.due_chart], s, (
            ("Year last modified", "Files", "Size", "Due for transfer"),
            # Years as written ("2026"): a number format would show "2,026".
            [(str(r.year), r.files, r.bytes, str(r.year + 20)) for r in s.age_by_year],
            (2,),
        ))  # fmt: skip
        self._tab("Duplicates", [figures.duplicates_chart], s, (
            ("SHA-256", "Copies", "Size each", "Reclaimable", "Paths"),
            [(d.sha256, d.count, d.size, d.reclaimable, "; ".join(d.paths))
             for d in s.duplicates.largest],
            (2, 3),
        ))  # fmt: skip
        self._tab("Risks", [figures.risks_chart], s, _flagged(s.risks))
        self._tab("Clean-up", [], s, _flagged([*s.rot, *s.problems]))

    def _tab(
        self,
        name: str,
        charts: Sequence[Chart],
        summary: SurveySummary,
        table: tuple[Sequence[str], Sequence[Sequence[str | int]], Sequence[int]],
    ) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        self.charts[name] = [_chart_widget(chart(summary)) for chart in charts]
        for widget in self.charts[name]:
            row.addWidget(widget, alignment=Qt.AlignmentFlag.AlignTop)
        row.addStretch(1)
        layout.addLayout(row)
        headers, rows, sizes = table
        model = SurveyTableModel(headers, rows, sizes, parent=page)
        self.models[name] = model
        layout.addWidget(_table(model), stretch=1)
        self.tabs.addTab(page, name)


def _flagged(groups: Sequence[Any]) -> tuple[Sequence[str], list[Sequence[str | int]], tuple[int]]:
    rows: list[Sequence[str | int]] = [
        (g.label, g.count, g.bytes, "; ".join(g.examples)) for g in groups
    ]
    return ("Check", "Items", "Size", "First paths"), rows, (2,)
