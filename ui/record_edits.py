"""The window's changes to the current record: decisions, dismissals, manual marks, redactions.

Each is saved at once through `ui.edits.Edits` as an undoable step calling `reviewer` APIs.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QMenu

from reviewer import decisions as dec
from reviewer.decisions import redactions as red
from reviewer.detect import entities as ents
from reviewer.detect.labels import display_name, shown_by_default
from reviewer.workview import load_decided, load_marks, with_decided, with_marks
from ui.decisions.sensitivity_panel import SENSITIVITY_FIELDS
from ui.record_state import render

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QTabWidget

    from models import Store
    from reviewer.queue import QueueSnapshot
    from reviewer.workview import Decided, RecordMarks
    from ui.decisions.appraisal_panel import AppraisalPanel
    from ui.decisions.sensitivity_panel import SensitivityPanel
    from ui.edits import Edits
    from ui.highlights.highlights_panel import HighlightsPanel
    from ui.queue.queue_panel import QueuePanel
    from ui.record_state import RecordState
    from ui.settings import Identity
    from ui.tasks import TaskManager
    from ui.viewer.marks import Mark
    from ui.viewer.viewer_panel import ViewerPanel

Rect = tuple[float, float, float, float]


def _step(call: Callable[..., None], *args: Any, **kwargs: Any) -> Callable[[Any], bool]:
    """An edit step for a core call that returns nothing (True: it was done)."""

    def step(session: Any) -> bool:
        call(session, *args, **kwargs)
        return True

    return step


class RecordEditsMixin:
    """Mixed into `MainWindow`; `self` is the window (what it uses is declared here)."""

    if TYPE_CHECKING:
        store: Store
        identity: Identity
        state: RecordState | None
        collection: QueueSnapshot | None
        edits: Edits
        tasks: TaskManager
        queue: QueuePanel
        viewer: ViewerPanel
        highlights: HighlightsPanel
        appraisal: AppraisalPanel
        sensitivity: SensitivityPanel
        decision_tabs: QTabWidget
        refreshed: SignalInstance
        _generation: int
        _refresh_seq: int
        _current_span: str | None

        def status(self, text: str) -> None: ...
        def _show_marks(self) -> None: ...
        def _show_decision(self, *, redraw: bool = False) -> None: ...
        def go_to_span(self, key: str) -> None: ...
        def mark_by_key(self, key: str) -> Mark | None: ...

    def _actor(self) -> Any:
        from reviewer.decisions import Actor

        return Actor(self.identity.name, self.identity.role)

    def _record_id(self) -> int | None:
        return self.state.content.record_id if self.state is not None else None

    def flush_edits(self) -> None:
        """Save text still waiting for its typing pause, before the record changes."""
        self.appraisal.flush()
        self.sensitivity.flush()

    # decisions
    def save_appraisal(self, outcome: Any, criteria: Any, rationale: str) -> None:
        rid, state = self._record_id(), self.state
        if rid is None or state is None or state.decision is None:
            return
        if outcome is None:
            self.appraisal.show_problems(["choose an outcome (S, R, X or D) to save"])
            return
        actor, before = self._actor(), state.decision

        def do(s: Any) -> Any:
            return dec.save_appraisal(s, rid, actor, outcome, tuple(criteria), rationale)

        def undo(s: Any) -> Any:
            if before.appraisal is None or before.appraisal_inherited:
                return dec.clear_decision(s, rid, actor, "appraisal")
            return dec.save_appraisal(
                s, rid, actor, before.appraisal, before.criteria, before.rationale
            )

        self.edits.apply(f"appraise record {rid} as {outcome}", rid, do, undo)

    def save_sensitivity(self, fields: dict[str, Any]) -> None:
        rid, state = self._record_id(), self.state
        if rid is None or state is None or state.decision is None:
            return
        actor, before = self._actor(), state.decision
        old = {k: getattr(before, k) for k in SENSITIVITY_FIELDS if hasattr(before, k)}

        def do(s: Any) -> Any:
            return dec.save_sensitivity(s, rid, actor, **fields)

        def undo(s: Any) -> Any:
            if before.closure_status is None or before.sensitivity_inherited:
                return dec.clear_decision(s, rid, actor, "sensitivity")
            return dec.save_sensitivity(s, rid, actor, **old)

        self.edits.apply(f"sensitivity of record {rid}", rid, do, undo)

    def set_outcome(self, outcome: str) -> None:
        self.decision_tabs.setCurrentWidget(self.appraisal)
        self.appraisal.set_outcome(outcome)

    def toggle_criterion(self, row: int) -> None:
        self.decision_tabs.setCurrentWidget(self.appraisal)
        self.appraisal.toggle_criterion(row)

    def set_closure(self, status: str) -> None:
        self.decision_tabs.setCurrentWidget(self.sensitivity)
        self.sensitivity.set_status(status)

    def focus_exemptions(self) -> None:
        """E: the FOI exemption list, its current row ready for Space to tick."""
        self.decision_tabs.setCurrentWidget(self.sensitivity)
        self.sensitivity.focus_exemptions()

    # personal data
    def dismiss_entity(self, entity_id: int, scope: str) -> None:
        rid = self._record_id()
        if rid is None:
            return
        who, role = self.identity.name, self.identity.role
        self.edits.apply(
            "dismiss highlight",
            rid,
            _step(ents.dismiss_entity, entity_id, scope, who, role=role),
            _step(ents.restore_entity, entity_id, who, role=role),
        )

    def restore_entity(self, entity_id: int) -> None:
        rid = self._record_id()
        if rid is None:
            return
        who, role = self.identity.name, self.identity.role
        self.edits.apply(
            "restore highlight",
            rid,
            _step(ents.restore_entity, entity_id, who, role=role),
            _step(ents.dismiss_entity, entity_id, "once", who, role=role),
        )

    def add_manual(self, start: int, end: int, label: str) -> None:
        rid = self._record_id()
        if rid is None or end <= start:
            return
        who, role = self.identity.name, self.identity.role
        made: dict[str, int] = {}

        def do(s: Any) -> Any:
            view = ents.add_manual_entity(s, rid, start, end, label, who, role=role)
            made["id"] = view.id
            return view

        def undo(s: Any) -> bool:
            ents.remove_manual_entity(s, made["id"], who, role=role)
            return True

        self.edits.apply(f"mark {label}", rid, do, undo)

    def _redact(self, text: str, **where: Any) -> None:
        rid = self._record_id()
        if rid is None:
            return
        actor = self._actor()
        made: dict[str, int] = {}

        def do(s: Any) -> Any:
            view = red.add_redaction(s, rid, actor, **where)
            made["id"] = view.id
            return view

        def undo(s: Any) -> bool:
            red.remove_redaction(s, made["id"], actor)
            return True

        self.edits.apply(text, rid, do, undo)

    def redact_entity(self, entity_id: int) -> None:
        self._redact("redact highlight", entity_id=entity_id)

    def redact_current(self) -> None:
        """B: redact the selected text if any, else the current highlight."""
        selected = self.viewer.selection_range()
        if selected is not None:
            self._redact("redact selection", start=selected[0], end=selected[1])
            return
        current = self.highlights.current_entity()
        if current is not None and not current[1]:
            self.redact_entity(current[0])

    def mark_selection_menu(self) -> None:
        selected = self.viewer.selection_range()
        if selected is None:
            self.status("Select text in the record first, then press M to mark it.")
            return
        self._range_menu(selected, None)

    def area_menu(self, page: int, rect: Rect) -> None:
        """After a rectangle is drawn on a PDF page: mark the words in it, or redact the area."""
        words = self.viewer.range_for_area(page, rect)
        self._range_menu(words, (page, rect))

    def _range_menu(self, words: tuple[int, int] | None, area: tuple[int, Rect] | None) -> None:
        if words is not None and self.state is not None:
            from reviewer.detect.trim import trim_span

            words = trim_span(self.state.content.text, *words)
        menu = QMenu(self.viewer)
        if words is not None:
            # One level, the first label active: M then Enter marks a person; arrows pick another.
            menu.addSection("Mark as personal data")
            from ui.viewer.marks import label_colours

            for label in label_colours() or ("PERSON",):
                action = menu.addAction(
                    display_name(label),
                    functools.partial(self.add_manual, words[0], words[1], label),
                )
                if menu.activeAction() is None:
                    menu.setActiveAction(action)
            menu.addSeparator()
            menu.addAction(
                "Redact this text",
                lambda: self._redact("redact text", start=words[0], end=words[1]),
            )
        if area is not None:
            page, rect = area
            menu.addAction(
                "Redact this area", lambda: self._redact("redact area", page=page + 1, rect=rect)
            )
        if area is not None:
            menu.aboutToHide.connect(self.viewer.pdf.canvas.clear_pending_area)
        self._last_menu = menu
        menu.popup(QCursor.pos())

    # undo/redo and refresh
    def undo(self) -> None:
        self.flush_edits()
        self.edits.stack.undo()

    def redo(self) -> None:
        self.edits.stack.redo()

    def _after_save(self, record_id: int) -> None:
        if self.state is None or self.state.content.record_id != record_id:
            self.queue.select_record(record_id)
        self._refresh_current()

    def _refresh_current(self) -> None:
        """Reload the saved record's decision and marks in a worker, then redraw them."""
        if self.state is None:
            return
        store, content, generation = self.store, self.state.content, self._generation
        rid = content.record_id
        # Refreshes run on a pool and may finish out of order: only the newest may redraw.
        self._refresh_seq = getattr(self, "_refresh_seq", 0) + 1
        seq = self._refresh_seq

        def work(_progress: Any) -> Any:
            with store.session() as session:
                return load_decided(session, rid), load_marks(session, content)

        self.tasks.run(
            work,
            name="refreshing the record",
            on_done=lambda fresh: self._refreshed(fresh[0], fresh[1], generation, seq),
            on_failed=self.status,
        )

    def _refreshed(
        self, decided: Decided, marks: RecordMarks, generation: int, seq: int = 0
    ) -> None:
        if seq and seq != getattr(self, "_refresh_seq", seq):
            return  # an older read than a refresh still on its way (e.g. a save, then undo)

        rid = decided.record_id
        d = decided.decision
        if d is not None:
            closure = d.closure_status
            if closure == "Closed" and d.redacted:
                closure = "Open (redacted)"
            by = (
                d.reviewed_by
                if d.reviewed_at and (not d.appraised_at or d.reviewed_at >= d.appraised_at)
                else d.appraised_by
            )
            self.queue.model.update_row(
                rid, appraisal=d.appraisal, closure=closure, reviewer=by or ""
            )
        # The core's rule for the dot (`reviewer.queue`): a live span shown by default, so an
        # organisation, place or date alone gives none, whatever the highlights pane shows.
        self.queue.model.update_row(
            rid,
            has_personal_data=any(not s.dismissed and shown_by_default(s) for s in marks.spans),
        )
        self.queue.refresh_counts()
        if generation != self._generation or self.state is None:
            return  # the reviewer moved on; the queue row is up to date
        current = self._current_span
        self.state = render(with_marks(with_decided(self.state.view, decided), marks))
        if marks.words is not None:  # word boxes made by this read: selection and find
            self.viewer.content = self.state.content
        self._show_marks()
        if not (self.appraisal.pending() or self.sensitivity.pending()):
            # never over text typed since (its own save follows), nor a refused choice
            self._show_decision(redraw=True)
        if current and self.mark_by_key(current):
            self.go_to_span(current)
        self.status("Saved")
        self.refreshed.emit(rid)

    def _refused(self, problems: list[str]) -> None:
        if self.decision_tabs.currentWidget() is self.sensitivity:
            self.sensitivity.show_problems(problems)
        else:
            self.appraisal.show_problems(problems)
        self.status("Not saved: " + "; ".join(problems))
