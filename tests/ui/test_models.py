"""The Qt models: plain data() checks, filtering and sorting, and pytest-qt's model tester."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from reviewer.queue import QueueRow
from ui.decisions.criteria_table_model import CriteriaTableModel
from ui.decisions.exemptions_table_model import ExemptionsTableModel
from ui.highlights.spans_tree_model import TIMES, SpansTreeModel
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
    assert model.index(0, COL_PATH).data() == "two.pdf"
    assert model.index(0, COL_PATH).data(Qt.ItemDataRole.ToolTipRole) == "b/two.pdf"
    assert model.index(0, COL_PERSONAL).data() == "●"
    proxy.sort(COL_PATH, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, COL_PATH).data() for r in range(3)] == [
        "one.txt",
        "two.pdf",
        "three.docx",
    ]
    proxy.set_filter(QueueFilter(personal="yes"))
    assert [proxy.index(r, 0).data(RECORD_ID_ROLE) for r in range(proxy.rowCount())] == [1, 3]
    proxy.set_filter(QueueFilter(appraisal=UNDECIDED))
    assert proxy.rowCount() == 1
    assert proxy.index(0, COL_APPRAISAL).data() == ""
    proxy.set_filter(QueueFilter(reviewer="Bob", status="ok"))
    assert proxy.rowCount() == 1
    assert proxy.index(0, COL_PATH).data() == "three.docx"
    assert model.row_of(2) is None  # filtered out
    proxy.set_filter(QueueFilter())
    model.update_row(2, appraisal="retain")
    assert model.index(model.row_of(2) or 0, COL_APPRAISAL).data() == "retain"
    qtmodeltester.check(proxy)


def test_queue_selection_follows_its_record_through_sort_and_filter(qtbot: Any) -> None:
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtWidgets import QTableView

    model = QueueTableModel(_rows())
    proxy = QueueProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.selectionModel().setCurrentIndex(
        proxy.index(model.row_of(3) or 0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    proxy.sort(COL_PATH, Qt.SortOrder.DescendingOrder)
    assert view.currentIndex().data(RECORD_ID_ROLE) == 3
    assert view.currentIndex().row() == 0
    proxy.set_filter(QueueFilter(status="ok"))
    assert view.currentIndex().data(RECORD_ID_ROLE) == 3
    proxy.set_filter(QueueFilter(status="empty"))
    assert not view.currentIndex().isValid()
    assert proxy.rowCount() == 1


def test_spans_tree_groups_by_label_then_text_and_toggles(qtmodeltester: Any) -> None:
    model = SpansTreeModel()
    marks = [
        Mark("entity:1", SPAN, "PERSON", "#e6550d", 0, 8, 0, (), False, 1, "HARTIGAN"),
        Mark("entity:2", SPAN, "PERSON", "#e6550d", 10, 15, 1, (), True, 2, "Kendr"),
        Mark("entity:3", SPAN, "PHONE", "#3182bd", 20, 31, 1, (), False, 3, "07700 900123"),
        Mark("entity:4", SPAN, "PERSON", "#e6550d", 40, 48, 2, (), False, 4, "Hartigan"),
        Mark("entity:5", SPAN, "PERSON", "#e6550d", 50, 58, 4, (), False, 5, "HARTIGAN"),
    ]
    model.set_spans(marks)
    qtmodeltester.check(model)
    heads = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert heads == [
        "Person  (3)",
        "Phone number  (1)",
    ]  # dismissed spans are listed but not counted
    person = model.index(0, 0)
    texts = [model.index(r, 0, person).data() for r in range(model.rowCount(person))]
    assert texts == [f"HARTIGAN  {TIMES}3", "Kendr"]  # same text in any case is one row
    assert "pages 1, 3, 5" in model.index(0, 0, person).data(Qt.ItemDataRole.ToolTipRole)
    row = model.index(0, 0, person)
    assert [model.advance(row) for _ in range(3)] == ["entity:4", "entity:5", "entity:1"]
    assert model.index_of_key("entity:5") == row
    assert row.data(Qt.ItemDataRole.UserRole + 1) == "entity:5"  # key of the current occurrence
    toggled: list[tuple[str, bool]] = []
    model.toggled.connect(lambda label, on: toggled.append((label, on)))
    model.set_label_visible("PHONE", False)
    assert toggled == [("PHONE", False)]
    assert model.hidden_labels() == {"PHONE"}
    assert model.index(1, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked


def test_low_confidence_spans_hidden_until_asked(qtbot: Any) -> None:
    from ui.highlights.highlights_panel import HighlightsPanel

    panel = HighlightsPanel()
    qtbot.addWidget(panel)
    marks = [
        Mark("entity:1", SPAN, "PERSON", "#e6550d", 0, 5, 0, (), False, 1, "Sarah", 0.9),
        Mark("entity:2", SPAN, "PERSON", "#e6550d", 9, 13, 0, (), False, 2, "Park", 0.3),
    ]
    panel.set_spans(marks)
    assert panel.live_keys() == ["entity:1"]
    assert "1 low-confidence hidden" in panel.summary.text()
    panel.show_low.setChecked(True)
    panel.set_spans(marks)
    assert panel.live_keys() == ["entity:1", "entity:2"]


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


def test_exemptions_relevant_to_the_kind_come_first(qtmodeltester: Any) -> None:
    from reviewer.decisions.exemptions import load_exemptions
    from ui.decisions.exemptions_table_model import relevant_codes

    relevant = relevant_codes("case")
    assert relevant[:2] == ["40(2)", "38"]
    ex = ExemptionsTableModel()
    ex.set_exemptions(load_exemptions(), relevant)
    qtmodeltester.check(ex)
    codes = [ex.index(r, 0).data() for r in range(ex.rowCount())]
    sep = ex.separator_row()
    assert codes[:sep] == [c for c in relevant if c in codes]
    assert codes[sep] == "Other exemptions"
    assert not ex.flags(ex.index(sep, 0)) & Qt.ItemFlag.ItemIsUserCheckable
    assert ex.row_of("26") > sep


def test_organisations_places_and_dates_hidden_until_asked(qtbot: Any) -> None:
    from ui.highlights.highlights_panel import HighlightsPanel

    panel = HighlightsPanel()
    qtbot.addWidget(panel)
    marks = [
        Mark("entity:1", SPAN, "PERSON", "#e6550d", 0, 5, 0, (), False, 1, "Sarah", 0.9),
        Mark("entity:2", SPAN, "ORG", "#fd8d3c", 9, 20, 0, (), False, 2, "HM Treasury", 0.75),
        Mark("entity:3", SPAN, "DATE", "#969696", 30, 40, 0, (), False, 3, "1 May 2020", 0.85),
        Mark("entity:4", SPAN, "ORG", "#fd8d3c", 50, 53, 0, (), False, 4, "FCA", 0.4),
    ]
    panel.set_spans(marks)
    assert panel.live_keys() == ["entity:1"]
    assert "2 organisations, places or dates hidden" in panel.summary.text()
    redraws: list[bool] = []
    panel.low_confidence_toggled.connect(redraws.append)
    panel.show_other.click()
    assert redraws == [True]  # the main window redraws the record's marks on it
    panel.set_spans(marks)
    assert panel.live_keys() == ["entity:1", "entity:2", "entity:3"]  # "FCA" is low-confidence
    panel.show_low.setChecked(True)
    panel.set_spans(marks)
    assert panel.live_keys() == ["entity:1", "entity:2", "entity:3", "entity:4"]


def test_queue_marks_copies_and_family_members() -> None:
    from ui.queue.queue_table_model import CHILD_MARK, COPY_MARK

    rows = [
        QueueRow(1, None, "mail.eml", "mail.eml", "EML", "ok", None, 10, False),
        QueueRow(2, 1, "mail.eml/statement.pdf", "statement.pdf", "PDF", "ok", 1, 10, False),
        QueueRow(3, None, "copy/statement.pdf", "statement.pdf", "PDF", "ok", 1, 10, False,
                 duplicate_of=2),
    ]  # fmt: skip
    model = QueueTableModel(rows)
    names = [model.index(r, COL_PATH).data() for r in range(3)]
    tips = [model.index(r, COL_PATH).data(Qt.ItemDataRole.ToolTipRole) for r in range(3)]
    assert names[0] == "mail.eml"
    assert names[1] == CHILD_MARK + "statement.pdf"
    assert names[2] == COPY_MARK + "statement.pdf"
    assert "attachment" in tips[1]
    assert "exact copy" in tips[2]


def test_load_queue_knows_exact_copies(ui_store: Any, tmp_path: Any) -> None:
    from reviewer.ingest.pipeline import ingest_paths
    from reviewer.queue import load_queue

    folder = tmp_path / "copies"
    (folder / "a").mkdir(parents=True)
    (folder / "b").mkdir()
    for sub in ("a", "b"):
        (folder / sub / "note.txt").write_text("The same note.\n", encoding="utf-8")
    ingest_paths(ui_store, [folder], "copies", kind="case")
    with ui_store.session() as s:
        rows = load_queue(s, "copies").rows
    assert sum(1 for r in rows if r.duplicate_of is not None) == 1
