"""The GUI survey view shows the report's charts and sortable tables from a summary."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from reviewer.survey import load_summary, survey
from ui.survey.survey_table_model import SORT_ROLE, SurveyTableModel
from ui.survey.survey_view import SurveyView


def test_view_shows_charts_and_tables(qtbot, tree: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    survey(tree, tmp_path / "out", jobs=1)
    view = SurveyView()
    qtbot.addWidget(view)
    view.set_summary(load_summary(tmp_path / "out"))
    tabs = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert tabs == ["Formats", "Folders", "Age", "Duplicates", "Risks", "Clean-up"]
    assert len(view.charts["Age"]) == 2
    assert all(w.renderer().isValid() for ws in view.charts.values() for w in ws)
    assert "<b>12</b> files" in view.headline.text()
    risks = view.models["Risks"]
    labels = {risks.data(risks.index(r, 0)): r for r in range(risks.rowCount())}
    zero = labels["Zero-byte file"]
    assert risks.data(risks.index(zero, 1)) == "1"
    assert risks.data(risks.index(zero, 3)) == "Policy/empty.txt"


def test_table_model_sorts_numbers_as_numbers(qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = SurveyTableModel(("Name", "Size"), [("a", 900), ("b", 10_000)], size_columns=(1,))
    qtmodeltester.check(model)
    assert model.data(model.index(1, 1)) == "10.0 KB"
    assert model.data(model.index(1, 1), SORT_ROLE) == 10_000
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Size"
