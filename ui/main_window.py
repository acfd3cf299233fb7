"""The review workstation: queue on the left, the record in the centre, decisions on the right.

Layout, showing records and navigation live here; saving goes through `ui.edits`, long work
through `ui.tasks`, and every rule comes from `reviewer`.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
from typing import Any

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QWidget,
)

from models import Store
from reviewer.decisions import validate_sensitivity
from reviewer.decisions.criteria import load_criteria
from reviewer.decisions.exemptions import load_exemptions
from reviewer.queue import QueueSnapshot, load_queue
from reviewer.workview import (
    RecordMarks,
    load_marks,
    load_suggestions,
    with_marks,
    with_suggestions,
)
from ui import record_facts_actions, settings
from ui.command_keys import CommandKeys
from ui.decisions.appraisal_panel import AppraisalPanel
from ui.decisions.history_panel import HistoryPanel
from ui.decisions.sensitivity_panel import SensitivityPanel
from ui.edits import Edits
from ui.highlights.highlights_panel import HighlightsPanel
from ui.queue.queue_panel import QueuePanel
from ui.queue.ranking import QueueRanking
from ui.record_edits import RecordEditsMixin
from ui.record_state import RecordState, load_record_state, render
from ui.shortcuts import SHORTCUTS, menu_text
from ui.tasks import Task, TaskManager
from ui.viewer.marks import Mark
from ui.viewer.viewer_panel import ViewerPanel
from ui.widgets.panel_tabs import PanelTabs
from ui.widgets.screen_fit import fit_to_screen

log = logging.getLogger(__name__)


class MainWindow(RecordEditsMixin, QMainWindow):
    """Signals `collection_loaded` (queue filled); for the record on screen, `first_page_shown`
    (the visible PDF page's highlights drawn), `highlights_shown` (every highlight listed and
    drawn) and `record_shown` (criteria suggestions too: the record is fully shown)."""

    collection_loaded = Signal(str)
    first_page_shown = Signal(int)
    highlights_shown = Signal(int)
    record_shown = Signal(int)
    refreshed = Signal(int)  # the current record redrawn after a save

    def __init__(
        self, store: Store, identity: settings.Identity, tasks: TaskManager | None = None
    ) -> None:
        super().__init__()
        self.store = store
        self.identity = identity
        self.tasks = tasks or TaskManager(self)
        self.edits = Edits(store, self)
        self.collection: QueueSnapshot | None = None
        self.state: RecordState | None = None
        self._current_span: str | None = None
        self.export_dialog: Any = None
        self.ingest_dialog: Any = None
        self._progress_clock: Any = None  # a ui.progress_text.ProgressClock while work reports
        self.survey_windows: list[Any] = []
        self._generation = 0  # bumps when the record changes; late worker results are dropped
        self.setWindowTitle("Records Reviewer")
        self.setObjectName("mainWindow")
        self.queue = QueuePanel()
        self.viewer = ViewerPanel()
        self.highlights = HighlightsPanel()
        self.appraisal = AppraisalPanel()
        self.sensitivity = SensitivityPanel()
        self.history = HistoryPanel()
        self.decision_tabs = PanelTabs()
        self.decision_tabs.setObjectName("decisionTabs")
        self.decision_tabs.addTab(self.appraisal, "Appraisal")
        self.decision_tabs.addTab(self.sensitivity, "Sensitivity")
        self.decision_tabs.addTab(self.history, "History")
        self.centre = QSplitter(Qt.Orientation.Horizontal)
        self.centre.setObjectName("centreSplitter")
        self.centre.addWidget(self.viewer)
        self.centre.addWidget(self.highlights)
        self.centre.setStretchFactor(0, 4)
        self.centre.setStretchFactor(1, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        for w in (self.queue, self.centre, self.decision_tabs):
            self.splitter.addWidget(w)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 2)
        # Panes may be narrower than their contents' wish (they clip or scroll), so the window
        # fits a 1366x768 laptop; first-run shares suit that screen, the reviewer's are kept.
        for pane, least in (
            (self.queue, 220),
            (self.viewer, 400),
            (self.highlights, 200),
            (self.decision_tabs, 300),
        ):
            pane.setMinimumWidth(least)
        # The queue's names are what a reviewer scans: it gets the width the viewer can spare.
        self.splitter.setSizes([380, 640, 345])
        self.centre.setSizes([430, 210])
        self.setCentralWidget(self.splitter)
        self._status_bar()
        self._menus()
        self._bind_shortcuts()
        self._command_keys = CommandKeys(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self._command_keys)
        self._connect()
        self.ranking = QueueRanking(
            self.queue,
            store,
            self.tasks,
            current=lambda: None if self.collection is None else self.collection.collection_name,
            actor=lambda: self.identity.name,
            status=self.status,
        )
        self.edits.saved.connect(self.ranking.decision_saved)
        self._load_reference_data()
        self._restore_layout()

    # construction
    def _status_bar(self) -> None:
        bar = self.statusBar()
        self.who = QLabel(f"Reviewer: {self.identity.label()}")
        self.who.setObjectName("identity")
        self.where = QLabel("")
        self.task_label = QLabel("")
        self.task_bar = QProgressBar()
        self.task_bar.setMaximumWidth(180)
        self.task_bar.setTextVisible(False)
        self.task_cancel = QPushButton("Cancel")
        self.task_cancel.setObjectName("cancelTask")
        for w in (self.task_label, self.task_bar, self.task_cancel):
            w.hide()
        bar.addWidget(self.who)
        bar.addWidget(self.where, 1)
        bar.addPermanentWidget(self.task_label)
        bar.addPermanentWidget(self.task_bar)
        bar.addPermanentWidget(self.task_cancel)
        self.task_cancel.clicked.connect(self.tasks.cancel_all)

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        from ui import ingest_actions

        file_menu.addAction(
            menu_text("Ingest a folder…", "open_folder"), lambda: ingest_actions.ingest_folder(self)
        )
        file_menu.addAction(
            menu_text("Ingest files…", "add_files"), lambda: ingest_actions.ingest_files(self)
        )
        file_menu.addAction(
            "Ingest a folder with a metadata file…",
            lambda: ingest_actions.ingest_with_metadata(self),
        )
        file_menu.addAction("Scan for personal data", lambda: ingest_actions.scan(self))
        file_menu.addAction(
            menu_text("Open collection…", "open_collection"),
            lambda: ingest_actions.choose_collection(self),
        )
        file_menu.addAction(menu_text("Reload the queue", "reload"), self.reload_queue)
        file_menu.addSeparator()
        from ui import survey_actions
        from ui.export import actions as export_actions

        file_menu.addAction(
            menu_text("Export transfer…", "export"), lambda: export_actions.open_export_dialog(self)
        )
        file_menu.addAction("Appraisal report…", lambda: export_actions.appraisal_report(self))
        file_menu.addSeparator()
        file_menu.addAction("Change reviewer…", self.change_identity)
        file_menu.addSeparator()
        file_menu.addAction(menu_text("Quit", "quit"), self.close)
        edit = self.menuBar().addMenu("&Edit")
        undo = self.edits.stack.createUndoAction(self, "Undo")
        redo = self.edits.stack.createRedoAction(self, "Redo")
        edit.addAction(undo)
        edit.addAction(redo)
        edit.addSeparator()
        from ui import propagate_actions

        edit.addAction(
            menu_text("Apply decision to copies and attachments…", "propagate"),
            lambda: propagate_actions.propagate_current(self),
        )
        from ui import folder_actions

        edit.addAction(
            "Appraise this record's folder…", lambda: folder_actions.appraise_folder(self)
        )
        qa = self.menuBar().addMenu("&Quality check")
        qa.addAction(menu_text("Blind second review…", "blind_review"), self.open_blind_review)
        tools = self.menuBar().addMenu("&Tools")
        tools.addAction("Survey a folder…", lambda: survey_actions.survey_folder(self))
        tools.addAction("Open survey…", lambda: survey_actions.open_survey(self))
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(
            menu_text("How to work (each role's day)", "workflow_help"), self.show_help
        )
        help_menu.addAction(menu_text("Keyboard shortcuts", "help"), self.show_shortcuts)

    def _bind_shortcuts(self) -> None:
        handlers: dict[str, Any] = {
            "next_record": lambda: self.step_record(1),
            "prev_record": lambda: self.step_record(-1),
            "next_span": lambda: self.step_span(1),
            "prev_span": lambda: self.step_span(-1),
            "next_page": lambda: self.viewer.step_page(1),
            "prev_page": lambda: self.viewer.step_page(-1),
            "find": self._focus_find,
            "find_next": lambda: self.viewer.find_step(1),
            "find_prev": lambda: self.viewer.find_step(-1),
            "focus_queue": self.queue.text.setFocus,
            "back_to_queue": self.queue.table.setFocus,
            "queue_order": self.queue.cycle_order,
            "zoom_in": lambda: self.viewer.zoom(1.2),
            "zoom_out": lambda: self.viewer.zoom(1 / 1.2),
            "fit_width": self.viewer.fit_width,
            "outcome_select": lambda: self.set_outcome("select"),
            "outcome_retain": lambda: self.set_outcome("retain"),
            "outcome_destroy": lambda: self.set_outcome("destroy"),
            "outcome_defer": lambda: self.set_outcome("defer"),
            "rationale": self._focus_rationale,
            "closure_open": lambda: self.set_closure("open"),
            "closure_redacted": lambda: self.set_closure("redacted"),
            "closure_closed": lambda: self.set_closure("closed"),
            "exemptions": self.focus_exemptions,
            "dismiss": self.highlights.dismiss_current,
            "restore": self.highlights.restore_current,
            "mark": self.mark_selection_menu,
            "redact": self.redact_current,
            "undo": self.undo,
            "redo": self.redo,
            "help": self.show_shortcuts,
        }
        from ui import ingest_actions, propagate_actions

        handlers["propagate"] = lambda: propagate_actions.propagate_current(self)
        handlers["blind_review"] = self.open_blind_review
        handlers["workflow_help"] = self.show_help
        from ui.export import actions as export_actions

        handlers["export"] = lambda: export_actions.open_export_dialog(self)
        handlers["open_folder"] = lambda: ingest_actions.ingest_folder(self)
        handlers["add_files"] = lambda: ingest_actions.ingest_files(self)
        handlers["open_collection"] = lambda: ingest_actions.choose_collection(self)
        handlers["reload"] = self.reload_queue
        handlers["quit"] = self.close
        self.shortcuts: dict[str, QShortcut] = {}
        for sc in SHORTCUTS:
            for i, key in enumerate(sc.keys):
                handler = (
                    functools.partial(self.toggle_criterion, i)
                    if sc.name == "criterion"
                    else handlers[sc.name]
                )
                qs = QShortcut(QKeySequence(key), self)
                qs.setContext(Qt.ShortcutContext.WindowShortcut)
                qs.activated.connect(handler)
                self.shortcuts[f"{sc.name}:{key}"] = qs

    def _connect(self) -> None:
        self.queue.record_chosen.connect(self.show_record)
        self.highlights.span_chosen.connect(self.go_to_span)
        self.highlights.labels_hidden.connect(self.viewer.set_hidden_labels)
        self.highlights.dismiss_requested.connect(self.dismiss_entity)
        self.highlights.restore_requested.connect(self.restore_entity)
        self.highlights.redact_requested.connect(self.redact_entity)
        self.highlights.low_confidence_toggled.connect(lambda _on: self._show_marks())
        self.viewer.mark_clicked.connect(self.go_to_span)
        self.viewer.area_drawn.connect(self.area_menu)
        self.viewer.media.played.connect(self._media_played)
        self.viewer.text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.viewer.text.customContextMenuRequested.connect(lambda _p: self.mark_selection_menu())
        self.viewer.detail.linkActivated.connect(self._open_link)
        self.viewer.message_header.link_activated.connect(self._open_link)
        self.appraisal.changed.connect(self.save_appraisal)
        self.sensitivity.changed.connect(self.save_sensitivity)
        record_facts_actions.wire(self)
        self.edits.saved.connect(self._after_save)
        self.refreshed.connect(lambda _rid: self._show_history())
        self.edits.refused.connect(self._refused)
        self.tasks.busy_changed.connect(self._busy)

    def _load_reference_data(self) -> None:
        exemptions = list(load_exemptions())
        self.sensitivity.set_exemptions(exemptions)
        self.sensitivity.validate = validate_sensitivity

    # layout memory
    def _restore_layout(self) -> None:
        geometry = settings.load_bytes("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1500, 900)
        fit_to_screen(self)
        for splitter in (self.splitter, self.centre):
            state = settings.load_bytes(f"window/{splitter.objectName()}")
            if state is not None:
                splitter.restoreState(state)
        tab = settings.load_text("window/decisionTab", "")
        self.decision_tabs.setCurrentIndex(int(tab) if tab.isdigit() else self._role_tab())

    def _role_tab(self) -> int:
        """The tab of the reviewer's own work: appraisal for an appraiser, else sensitivity
        (a sensitivity reviewer or a QA checker)."""
        return 0 if self.identity.role == "appraiser" else 1

    def save_layout(self) -> None:
        settings.save_bytes("window/geometry", QByteArray(self.saveGeometry()))
        for splitter in (self.splitter, self.centre):
            settings.save_bytes(f"window/{splitter.objectName()}", QByteArray(splitter.saveState()))
        settings.save_text("window/decisionTab", str(self.decision_tabs.currentIndex()))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush_edits()
        self._generation += 1  # results still on their way are for a closed window
        self.save_layout()
        self.tasks.shutdown()
        self.viewer.pdf.close_document()
        super().closeEvent(event)

    # collections
    def open_collection(self, name: str, select_record: int | None = None) -> None:
        """Load the queue in the background; the first (or given) record is shown when it lands.

        Another collection than the one on screen: its filters, record and decision go at once,
        so nothing of the old one is shown while the new one loads."""
        if self.collection is None or self.collection.collection_name != name:
            self.collection = None
            self.queue.clear_filters()
            self.queue.set_rows(())
            self.show_record(-1)
        self.where.setText(f"Opening collection '{name}'…")
        store = self.store

        def work(_progress: Task) -> QueueSnapshot:
            with store.session() as session:
                return load_queue(session, name)

        self.tasks.run(
            work,
            name="opening the collection",
            on_done=lambda snap: self._collection_ready(snap, select_record),
            on_failed=lambda msg: self.where.setText(f"Could not open '{name}': {msg}"),
        )

    def _collection_ready(self, snap: QueueSnapshot, select_record: int | None) -> None:
        self.collection = snap
        settings.save_text("collection/last", snap.collection_name)
        self.appraisal.set_criteria(list(load_criteria(snap.kind)))
        from ui.decisions.exemptions_table_model import relevant_codes

        self.sensitivity.set_exemptions(list(load_exemptions()), relevant_codes(snap.kind))
        self.queue.set_rows(snap.rows)
        self.where.setText(
            f"Collection: {snap.collection_name} ({snap.kind}) · {len(snap.rows):,} records"
        )
        self.setWindowTitle(f"{snap.collection_name} — Records Reviewer")
        if not (select_record is not None and self.queue.select_record(select_record)):
            self.queue.select_row(0)
        self.queue.table.setFocus()  # keyboard first: J/K and the letters act at once
        self.ranking.collection_loaded()
        self.collection_loaded.emit(snap.collection_name)

    def reload_queue(self) -> None:
        if self.collection is not None:
            self.open_collection(self.collection.collection_name, self.queue.current_record())

    # records
    def show_record(self, record_id: int) -> None:
        """Show the record at once; its highlights follow from workers, the visible page first."""
        self.flush_edits()
        self._generation += 1
        if record_id < 0:
            self.state = None
            self._current_span = None
            self.viewer.show_record(None)
            self.viewer.set_marks([])
            self.highlights.set_spans([], scanned=True)
            self.highlights.summary.setText("No record open")
            self.appraisal.clear()
            self.sensitivity.clear()
            self.history.clear()
            return
        kind = self.collection.kind if self.collection else "case"
        with self.store.session() as session:
            self.state = load_record_state(session, record_id, kind, with_marks=False)
        state = self.state
        if state is None:
            return
        self.viewer.show_record(state.content, state.data)
        self._show_marks()
        self._show_decision()
        self.highlights.summary.setText("Looking for highlights…")
        page = self.viewer.pdf.current_page() + 1 if self.viewer.showing_pdf() else None
        self._load_marks(page)

    def _load_marks(self, page: int | None) -> None:
        """Spans of 1-based `page` (then the rest), or all spans when `page` is None."""
        if self.state is None:
            return
        store, content, generation = self.store, self.state.content, self._generation

        def work(_progress: Task) -> RecordMarks:
            with store.session() as session:
                return load_marks(session, content, page)

        self.tasks.run(
            work,
            name="loading highlights",
            on_done=lambda marks: self._marks_ready(marks, generation),
            on_failed=lambda msg: self._marks_failed(msg, generation),
        )

    def _marks_failed(self, message: str, generation: int) -> None:
        if generation == self._generation and self.state is not None:
            self.highlights.summary.setText("Highlights could not be loaded.")
            self.status(message)
            self.record_shown.emit(self.state.content.record_id)

    def _marks_ready(self, marks: RecordMarks, generation: int) -> None:
        if generation != self._generation or self.state is None:
            return  # the reviewer has moved on
        self.state = render(with_marks(self.state.view, marks))
        if marks.words is not None:  # word boxes made in the background: selection and find
            self.viewer.content = self.state.content
        if marks.page is not None:
            spans = self.highlights.visible(self.state.span_marks)
            self.viewer.set_marks([*spans, *self.state.redaction_marks])
            self.first_page_shown.emit(marks.record_id)
            self._load_marks(None)
            return
        self._show_marks()
        if not self.viewer.showing_pdf():
            self.first_page_shown.emit(marks.record_id)
        self.highlights_shown.emit(marks.record_id)
        self._load_suggestions(generation)

    def _load_suggestions(self, generation: int) -> None:
        if self.state is None:
            return
        content = self.state.content
        kind = self.collection.kind if self.collection else "case"
        self.tasks.run(
            lambda _p: load_suggestions(content, kind),
            name="suggesting criteria",
            on_done=lambda found: self._suggestions_ready(found, generation),
            on_failed=lambda msg: self._marks_failed(msg, generation),
        )

    def _suggestions_ready(self, suggested: tuple[str, ...], generation: int) -> None:
        if generation != self._generation or self.state is None:
            return
        # the marks do not change with the suggestions: the same ones stay drawn
        self.state = dataclasses.replace(
            self.state, view=with_suggestions(self.state.view, suggested)
        )
        self.appraisal.model.set_state(self.appraisal.model.ticked(), suggested)
        self.record_shown.emit(self.state.content.record_id)

    def _show_marks(self) -> None:
        state = self.state
        if state is None:
            return
        self.highlights.set_spans(
            state.span_marks,
            scanned=state.scanned,
            no_text=not state.content.text.strip(),
        )
        spans = self.highlights.visible(state.span_marks)
        self.viewer.set_marks([*spans, *state.redaction_marks])
        self.viewer.set_hidden_labels(self.highlights.model.hidden_labels())
        self._current_span = None

    def _show_decision(self, *, redraw: bool = False) -> None:
        """`redraw`: the same record after a save, where a choice the rules refused stays."""
        self._show_history()
        state = self.state
        if state is None or state.decision is None:
            self.appraisal.setEnabled(False)
            self.sensitivity.setEnabled(False)
            return
        d = state.decision
        self.appraisal.setEnabled(True)
        self.sensitivity.setEnabled(self.sensitivity.validate is not None)
        a_stamp = _stamp(
            d.appraised_by,
            d.appraised_role,
            d.appraised_at,
            d.appraisal_inherited,
            d.inherited_scope,
        )
        s_stamp = _stamp(
            d.reviewed_by,
            d.reviewed_role,
            d.reviewed_at,
            d.sensitivity_inherited,
            d.inherited_scope,
        )
        self.appraisal.load(
            d.appraisal,
            d.criteria,
            state.suggested,
            d.rationale,
            a_stamp,
            state.holds,
            keep_unsaved=redraw,
        )
        self.sensitivity.set_record_dates(getattr(d, "record_date", None), state.content.modified)
        self.sensitivity.load(d, s_stamp, keep_unsaved=redraw)
        record_facts_actions.show(self, d)

    def _show_history(self) -> None:
        """The History tab from the view; also after a save that kept unsaved panel text."""
        if self.state is None:
            self.history.clear()
        else:
            self.history.show_lines(self.state.view.history)

    def step_record(self, delta: int) -> None:
        self.queue.step(delta)

    def reveal_record(self, record_id: int) -> None:
        """Show a record in the queue, clearing the filters if they hide it."""
        if not self.queue.select_record(record_id):
            self.queue.clear_filters()
            self.queue.select_record(record_id)
        self.raise_()
        self.activateWindow()

    def open_blind_review(self) -> Any:
        from ui.qa.qa_window import open_blind_review

        return open_blind_review(self)

    def _open_link(self, link: str) -> None:
        if link.startswith("rec:"):
            self.queue.select_record(int(link[4:]))

    # highlights
    def mark_by_key(self, key: str) -> Mark | None:
        if self.state is None:
            return None
        return next(
            (m for m in [*self.state.span_marks, *self.state.redaction_marks] if m.key == key), None
        )

    def go_to_span(self, key: str) -> None:
        mark = self.mark_by_key(key)
        if mark is None:
            return
        self._current_span = key
        self.viewer.show_mark(mark)
        self.highlights.select_key(key)

    def step_span(self, delta: int) -> None:
        keys = self.highlights.live_keys()
        if not keys:
            return
        if self._current_span in keys:
            i = (keys.index(self._current_span) + delta) % len(keys)
        else:
            i = 0 if delta > 0 else len(keys) - 1
        self.go_to_span(keys[i])

    # misc
    def _focus_find(self) -> None:
        self.viewer.find_box.setFocus()
        self.viewer.find_box.selectAll()

    def _focus_rationale(self) -> None:
        self.decision_tabs.setCurrentWidget(self.appraisal)
        self.appraisal.rationale.setFocus()

    def show_shortcuts(self) -> None:
        from ui.dialogs.shortcuts_dialog import ShortcutsDialog

        self.shortcuts_dialog = ShortcutsDialog(self)
        fit_to_screen(self.shortcuts_dialog)
        self.shortcuts_dialog.show()

    def show_help(self) -> None:
        from ui.dialogs.help_dialog import HelpDialog

        self.help_dialog = HelpDialog(self)
        fit_to_screen(self.help_dialog)
        self.help_dialog.show()

    def change_identity(self) -> None:
        from ui.dialogs.identity_dialog import IdentityDialog

        dialog = IdentityDialog(self.identity, self)
        if dialog.exec():
            role_before = self.identity.role
            self.identity = dialog.identity()
            settings.save_identity(self.identity)
            if self.identity.role != role_before:
                self.decision_tabs.setCurrentIndex(self._role_tab())
            self.who.setText(f"Reviewer: {self.identity.label()}")

    def _busy(self, busy: bool) -> None:
        """Progress shows once long work reports; it hides when every task has ended."""
        if not busy:
            self._progress_clock = None
            for w in (self.task_label, self.task_bar, self.task_cancel):
                w.hide()

    def report_progress(self, done: int, total: int | None, message: str) -> None:
        """Counts and time left; the bar moves (busy) until the first item is done."""
        from ui.progress_text import ProgressClock

        for w in (self.task_label, self.task_bar, self.task_cancel):
            w.show()
        if self._progress_clock is None:
            self._progress_clock = ProgressClock()
        self.task_label.setText(self._progress_clock.text(done, total, message))
        if total and done > 0:
            self.task_bar.setRange(0, total)
            self.task_bar.setValue(done)
        else:
            self.task_bar.setRange(0, 0)

    def _media_played(self, seconds: float) -> None:
        """A recording cannot be scanned: who played it, in the history, is the record of its
        review (`reviewer.viewings`). A refusal (another person's name in team mode) is one line."""
        content = self.viewer.content
        if content is None:
            return
        from reviewer.viewings import record_played

        rid, name, role = content.record_id, self.identity.name, self.identity.role
        if self.edits.run(lambda s: record_played(s, rid, name, role, seconds), rid) is not None:
            self.status(f"Noted in the history that {name} played this recording")

    def as_parent(self) -> QWidget:
        return self

    def status(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)


def _stamp(by: str, role: str, at: Any, inherited: bool, scope: str) -> str:
    if inherited:
        return f"Inherited from {scope}" if scope else "Inherited"
    if not by or at is None:
        return "Not decided yet"
    return f"Saved by {by} ({role}), {at.astimezone().strftime('%d %b %Y %H:%M')}"
