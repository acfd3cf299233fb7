"""The Qt models: plain data() checks, filtering and sorting, and pytest-qt's model tester."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from reviewer.queue import QueueRow
from ui.decisions.criteria_table_model import CriteriaTableModel
from ui.decisions.exemptions_table_model import ExemptionsTableModel
from ui.highlights.spans_tree_model import SpansTreeModel
from ui.queue.queue_proxy import UNDECIDED, QueueFilter, QueueProxy
from ui.queue.queue_table_model import (
    COL_APPRAISAL,
    COL_PATH,
    COL_PERSONAL,
    RECORD_ID_ROLE,
    QueueTableModel,
)
from ui.viewer.marks import SPAN, Mark
from ui.viewer.sheet_table_model import SheetTableModel


def _rows() -> list[QueueRow]:
    return [
        QueueRow(1, None, "b/two.pdf", "two.pdf", "PDF", "ok", 2, 10, True, "select", None, "Ann"),
        QueueRow(2, None, "a/one.txt", "one.txt", "Text", "empty", None, 0, False),
        QueueRow(
            3,
            None,
            "c/three.docx",
            "three.docx",
            "DOCX",
            "ok",
            None,
            5,
            True,
            "destroy",
            "Open",
            "Bob",
        ),
    ]


def test_queue_model_data_sort_and_filter(qtmodeltester: Any) -> None:
    model = QueueTableModel(_rows())
    proxy = QueueProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    assert model.index(0, COL_PATH).data() == "b/two.pdf"
    assert model.index(0, COL_PERSONAL).data() == "●"
    proxy.sort(COL_PATH, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, COL_PATH).data() for r in range(3)] == [
        "a/one.txt",
        "b/two.pdf",
        "c/three.docx",
    ]
    proxy.set_filter(QueueFilter(personal="yes"))
    assert [proxy.index(r, 0).data(RECORD_ID_ROLE) for r in range(proxy.rowCount())] == [1, 3]
    proxy.set_filter(QueueFilter(appraisal=UNDECIDED))
    assert proxy.rowCount() == 1 and proxy.index(0, COL_APPRAISAL).data() == ""
    proxy.set_filter(QueueFilter(reviewer="Bob", status="ok"))
    assert proxy.index(0, COL_PATH).data() == "c/three.docx"
    model.update_row(2, appraisal="retain")
    assert model.index(model.row_of(2) or 0, COL_APPRAISAL).data() == "retain"


def test_spans_tree_groups_by_label_and_toggles(qtmodeltester: Any) -> None:
    model = SpansTreeModel()
    marks = [
        Mark("entity:1", SPAN, "PERSON", "#e6550d", 0, 5, None, (), False, 1, "Sarah"),
        Mark("entity:2", SPAN, "PERSON", "#e6550d", 10, 15, None, (), True, 2, "Kendr"),
        Mark("entity:3", SPAN, "PHONE", "#3182bd", 20, 31, None, (), False, 3, "07700 900123"),
    ]
    model.set_spans(marks)
    qtmodeltester.check(model)
    heads = [model.item(r).text() for r in range(model.rowCount())]
    assert heads == ["PERSON  (1)", "PHONE  (1)"]  # dismissed spans are listed but not counted
    toggled: list[tuple[str, bool]] = []
    model.toggled.connect(lambda label, on: toggled.append((label, on)))
    model.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert toggled == [("PHONE", False)] and model.hidden_labels() == {"PHONE"}


def test_criteria_and_exemption_models(qtmodeltester: Any) -> None:
    from reviewer.decisions.criteria import load_criteria
    from reviewer.decisions.exemptions import load_exemptions

    crit = CriteriaTableModel()
    crit.set_criteria(load_criteria("case"))
    first = load_criteria("case")[0]
    crit.set_state([], [first.id])
    qtmodeltester.check(crit)
    assert "suggested" in crit.index(0, 0).data()
    crit.toggle(0)
    assert crit.ticked() == (first.id,)
    ex = ExemptionsTableModel()
    ex.set_exemptions(load_exemptions())
    qtmodeltester.check(ex)
    row = ex.row_of("40(2)")
    ex.setData(ex.index(row, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert ex.ticked() == (("40(2)", 84),)
    ex.setData(ex.index(row, 2), "82")
    assert ex.ticked() == (("40(2)", 82),)


def test_sheet_model(qtmodeltester: Any) -> None:
    model = SheetTableModel()
    model.set_text("Name\tPhone\nA\t1\nB\t2")
    qtmodeltester.check(model)
    assert model.index(2, 1).data() == "2"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "B"
