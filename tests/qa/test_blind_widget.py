"""The blind review screen: the first decision stays hidden until the checker submits."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit

from reviewer.decisions.store import get_decision
from reviewer.qa.flow import BlindReviewFlow
from reviewer.qa.sampling import draw_sample
from tests.qa.conftest import add_collection, closed, decide
from ui.qa.blind_review_widget import BlindReviewWidget
from ui.qa.comparison_table_model import AGREES_ROLE, COL_CHECKER, COL_FIRST


def _visible_text(widget: Any) -> str:
    parts = [w.text() for w in widget.findChildren(QLabel) + widget.findChildren(QLineEdit)]
    parts += [w.toPlainText() for w in widget.findChildren(QPlainTextEdit)]
    return "\n".join(parts)


def test_hidden_then_compared_then_overturned(qtbot: Any, store: Any, qtmodeltester: Any) -> None:
    with store.session() as s:
        cid, ids = add_collection(s, "case", ["a/statement.txt"])
        decide(s, ids["a/statement.txt"], "Alice", "sensitivity", closed(("40(2)", 84)))
        draw_sample(s, cid, size=1, seed=1)
    widget = BlindReviewWidget(BlindReviewFlow(store, "case", "Carol"))
    qtbot.addWidget(widget)
    widget.show()

    # Before submitting: the record's text, no trace of the first decision.
    assert "Witness statement" in widget.text.toPlainText()
    assert "Alice" not in _visible_text(widget)
    assert widget.comparison.rowCount() == 0
    assert not widget.comparison_box.isVisible()
    assert widget.status.currentText() == ""

    # An incomplete decision is refused with the reason, still blind.
    qtbot.mouseClick(widget.submit_button, Qt.MouseButton.LeftButton)
    assert "closure status" in widget.problems.text()
    assert widget.comparison.rowCount() == 0

    widget.status.setCurrentText("Open")
    with qtbot.waitSignal(widget.submitted, timeout=5000):
        qtbot.mouseClick(widget.submit_button, Qt.MouseButton.LeftButton)
    assert widget.comparison_box.isVisible()
    assert not widget.form_box.isEnabled()
    model = widget.comparison
    qtmodeltester.check(model)
    first_row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert first_row == ["Closure status", "Closed", "Open", "No"]
    labels = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert "FOI 40(2)" in labels
    row = labels.index("FOI 40(2)")
    assert model.index(row, COL_FIRST).data() == "84 years"
    assert model.index(row, COL_CHECKER).data() == "not cited"
    assert model.index(row, 0).data(AGREES_ROLE) is False
    assert "disagree" in widget.verdict.text()

    # Overturn needs a note; with one, the record's decision becomes the checker's.
    qtbot.mouseClick(widget.overturn_button, Qt.MouseButton.LeftButton)
    assert "why" in widget.problems.text()
    qtbot.keyClicks(widget.note, "No personal data on the page")
    with qtbot.waitSignal(widget.outcome_recorded, timeout=5000):
        qtbot.mouseClick(widget.overturn_button, Qt.MouseButton.LeftButton)
    with store.session() as s:
        now = get_decision(s, ids["a/statement.txt"])
    assert now.closure_status == "Open"
    assert now.reviewed_by == "Carol"


def test_open_from_main_window_needs_a_sample(qtbot: Any, store: Any, monkeypatch: Any) -> None:
    from types import SimpleNamespace

    from PySide6.QtWidgets import QMainWindow, QMessageBox

    from ui.qa.qa_window import open_blind_review

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    with store.session() as s:
        cid, ids = add_collection(s, "case", ["x.txt"])
        decide(s, ids["x.txt"], "Alice", "sensitivity", closed(("40(2)", 84)))
    main = QMainWindow()  # stands in for ui.main_window.MainWindow's attributes
    qtbot.addWidget(main)
    main.store = store  # type: ignore[attr-defined]
    main.identity = SimpleNamespace(name="Carol", role="qa")  # type: ignore[attr-defined]
    main.collection = SimpleNamespace(collection_name="case")  # type: ignore[attr-defined]
    assert open_blind_review(main) is None
    assert any("sample" in m for m in shown)
    with store.session() as s:
        draw_sample(s, cid, size=1, seed=2)
    window = open_blind_review(main)
    assert window is not None
    assert "Carol" in window.windowTitle()
    assert window.review.comparison.rowCount() == 0
    assert window.review.flow.record_ids == [ids["x.txt"]]
