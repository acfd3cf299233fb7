"""The checker's window: an empty sample cannot be submitted; the record shows as a page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import select


class EmptyFlow:
    """A sample with no records (all of them removed, or drawn from an empty collection)."""

    checker = "Carol"
    record_ids: tuple[int, ...] = ()

    def __len__(self) -> int:
        return 0

    @staticmethod
    def exemption_codes() -> list[str]:
        return ["40(2)"]

    @staticmethod
    def suggested_period(_code: str) -> int | None:
        return None


def _first_reviewed_and_sampled(ui_store: Any) -> Any:
    """Every record decided Open by Alice, a QA sample of 3 drawn, Carol's blind flow over it."""
    from models.records import Record
    from reviewer.decisions.save import save_sensitivity
    from reviewer.decisions.store import collection_id_of
    from reviewer.decisions.types import Actor
    from reviewer.qa.flow import BlindReviewFlow
    from reviewer.qa.sampling import draw_sample
    from tests.ui.conftest import COLLECTION

    with ui_store.session() as s:
        for rid in s.scalars(select(Record.id)):
            save_sensitivity(s, rid, Actor("Alice", "sensitivity"), closure_status="Open")
        draw_sample(s, collection_id_of(s, COLLECTION), size=3, seed=1)
        s.commit()
    return BlindReviewFlow(ui_store, COLLECTION, "Carol")


def test_empty_sample_disables_submit_and_never_raises(qtbot: Any) -> None:
    from ui.qa.blind_review_widget import BlindReviewWidget

    widget = BlindReviewWidget(EmptyFlow())
    qtbot.addWidget(widget)
    widget.show()
    assert not widget.submit_button.isEnabled()
    assert "sample is empty" in widget.heading.full_text()
    widget.submit()  # e.g. a shortcut: nothing happens, no IndexError
    qtbot.mouseClick(widget.submit_button, Qt.MouseButton.LeftButton)
    assert widget.review_id is None


def test_blind_review_shows_the_pdf_page_with_highlights(ui_store: Any, qtbot: Any) -> None:
    from ui.qa.blind_review_widget import BlindReviewWidget

    flow = _first_reviewed_and_sampled(ui_store)
    widget = BlindReviewWidget(flow)
    qtbot.addWidget(widget)
    widget.show()
    pdf_index = next(i for i in range(len(flow)) if flow.record(i).path.endswith("a_statement.pdf"))
    widget.show_record(pdf_index)
    assert widget.viewer.showing_pdf()
    assert widget.viewer.pdf.page_count() == 2
    drawn = [m for marks in widget.viewer.pdf.canvas._marks.values() for m in marks]
    assert any(m.label == "PHONE" for m in drawn)
    assert all(m.kind != "redaction" for m in drawn)


def test_nothing_of_the_first_decision_shows_while_the_checker_judges(
    ui_store: Any, make_window: Any, qtbot: Any, message_boxes: list[str]
) -> None:
    """The main window (queue closures, panels, history) is hidden during the blind review,
    the core's blind view empties the queue rows of records still to judge, and both come
    back once the checker has submitted / closed the review."""
    from models.records import Record
    from reviewer.decisions.save import save_sensitivity
    from reviewer.decisions.store import collection_id_of
    from reviewer.decisions.types import Actor
    from reviewer.qa.flow import BlindReviewFlow
    from reviewer.qa.sampling import draw_sample
    from reviewer.qa.types import QaDecision
    from reviewer.queue import load_queue
    from tests.ui.conftest import COLLECTION
    from ui.qa.qa_window import open_blind_review

    with ui_store.session() as s:
        for rid in s.scalars(select(Record.id)):
            save_sensitivity(s, rid, Actor("Alice", "sensitivity"), closure_status="Open")
        draw_sample(s, collection_id_of(s, COLLECTION), size=3, seed=1)
    flow = BlindReviewFlow(ui_store, COLLECTION, "Carol")
    blind = flow.blind()
    assert blind.hidden == frozenset(flow.record_ids)
    with ui_store.session() as s:
        snapshot = load_queue(s, COLLECTION)
    shown = {r.id: r for r in blind.queue(snapshot).rows}
    for rid in flow.record_ids:
        assert (shown[rid].closure, shown[rid].reviewer) == (None, "")
    plain = {r.id: r for r in snapshot.rows}
    assert {plain[rid].closure for rid in flow.record_ids} == {"Open"}  # what it would show
    assert blind.history(flow.record_ids[0], ["an event"]) == []
    flow.submit(flow.record_ids[0], QaDecision(closure_status="Open"))
    assert flow.record_ids[0] not in flow.blind().hidden  # judged: no longer hidden

    from ui.settings import Identity, save_identity

    save_identity(Identity("Carol", "qa"))
    win = make_window()
    qa = open_blind_review(win)
    assert message_boxes == []  # a QA checker is not warned about her role
    assert qa is not None
    qtbot.addWidget(qa)
    assert qa.isVisible()
    assert not win.isVisible()  # nothing behind the review shows a first decision
    qa.close()
    assert win.isVisible()


def test_the_blind_page_shows_personal_data_as_anyone_would_see_it(
    ui_store: Any, qtbot: Any
) -> None:
    """Seen in the real window: the checker's page highlighted organisations and dates the
    main window hides, and drew the first reviewer's dismissals as dismissed (a trace of the
    first review). It now shows what is shown by default, none of it as dismissed."""
    from models.entities import DetectedEntity
    from reviewer.detect.entities.corrections import dismiss_entity
    from reviewer.detect.labels import shown_by_default
    from ui.qa.blind_review_widget import BlindReviewWidget

    flow = _first_reviewed_and_sampled(ui_store)
    with ui_store.session() as s:
        spans = {
            rid: list(s.scalars(select(DetectedEntity).where(DetectedEntity.record_id == rid)))
            for rid in flow.record_ids
        }
        index, rid = next(
            (i, r)
            for i, r in enumerate(flow.record_ids)
            if any(shown_by_default(e) for e in spans[r])
            and any(not shown_by_default(e) for e in spans[r])
        )
        dismissed = next(e for e in spans[rid] if shown_by_default(e))
        dismiss_entity(s, dismissed.id, "record", "Alice")
        s.commit()
    widget = BlindReviewWidget(flow)
    qtbot.addWidget(widget)
    widget.show()
    widget.show_record(index)
    drawn = widget.viewer.marks()
    assert drawn, "the personal data is still shown"
    assert all(shown_by_default(m) for m in drawn)
    assert not any(m.dismissed for m in drawn)
    assert dismissed.id in {m.entity_id for m in drawn}
