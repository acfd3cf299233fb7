"""File → Export transfer…: where the bag goes, its bag-info fields, what stops it, progress.

The problems come from `reviewer.export.transfer.list_problems`; the bag is written by
`export_transfer` in a background task (cancel leaves nothing behind). Bag-info fields are
remembered between runs; a double-click on a problem asks the window to open its record.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models import Store
from ui import settings
from ui.export.problems_table_model import RECORD_ID_ROLE, ProblemsTableModel
from ui.tasks import Task, TaskManager

BAG_FIELDS = (
    ("source_organization", "Source-Organization", "e.g. Crown Prosecution Service"),
    ("consignment_series", "Consignment-Series", "e.g. CPS 12"),
    ("contact_name", "Contact-Name", "who TNA should ask"),
    ("contact_email", "Contact-Email", "name@department.gov.uk"),
)


def _folder_problem(out: Path) -> str | None:
    """Why the bag cannot go to `out`, checked before anything starts (the export's own rule)."""
    from reviewer.export.bag import BagError, check_target

    try:
        check_target(out)
    except BagError as exc:
        return str(exc)
    except OSError:
        return "the folder cannot be read"
    if not out.parent.is_dir():
        return "the folder that should hold the bag does not exist"
    return None


def _refused(problems: list[Any]) -> tuple[str, list[Any]]:
    return ("refused", problems)


class ExportDialog(QDialog):
    """`record_requested(id)` when the reviewer double-clicks a problem naming a record."""

    record_requested = Signal(int)
    finished_export = Signal(object)  # ExportSummary

    def __init__(
        self, store: Store, collection: str, tasks: TaskManager, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(f"Export transfer — {collection}")
        self.store, self.collection, self.tasks = store, collection, tasks
        self.task: Task | None = None
        self.summary: Any = None
        self.readiness: Any = None  # the last check (reviewer.export.readiness.Readiness)
        self._clock: Any = None  # ui.progress_text.ProgressClock while a task runs
        self.folder = QLineEdit()
        self.folder.setPlaceholderText("a new, empty folder for the bag")
        default = Path(settings.load_text("export/parent", str(Path.home())))
        self.folder.setText(str(default / f"{collection}-transfer-{date.today():%Y%m%d}"))
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._choose_folder)
        where = QHBoxLayout()
        where.addWidget(self.folder, 1)
        where.addWidget(browse)
        form = QFormLayout()
        form.addRow("Bag folder", where)
        self.fields: dict[str, QLineEdit] = {}
        for key, tdr_key, hint in BAG_FIELDS:
            edit = QLineEdit(settings.load_text(f"export/bag/{key}"))
            edit.setPlaceholderText(hint)
            self.fields[key] = edit
            form.addRow(tdr_key, edit)
        self.model = ProblemsTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("exportProblems")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.resizeSection(0, 260)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._open_record)
        self.verdict = QLabel("Checking the collection…")
        self.verdict.setObjectName("exportVerdict")
        self.verdict.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.hide()
        self.check_btn = QPushButton("Check again")
        self.export_btn = QPushButton("Export")
        self.export_btn.setDefault(True)
        self.cancel_btn = QPushButton("Close")
        self.report_btn = QPushButton("Verification report…")
        self.report_btn.setToolTip("How each redacted copy was checked against its original")
        self.report_btn.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_btn)
        buttons.addWidget(self.report_btn)
        buttons.addStretch(1)
        buttons.addWidget(self.export_btn)
        buttons.addWidget(self.cancel_btn)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(
                "What stops the transfer, then each record left out and why "
                "(double-click a row to open its record):"
            )
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(self.verdict)
        layout.addWidget(self.bar)
        layout.addLayout(buttons)
        self.check_btn.clicked.connect(self.check)
        self.export_btn.clicked.connect(self.export)
        self.cancel_btn.clicked.connect(self._cancel_or_close)
        self.report_btn.clicked.connect(self.show_verification)
        self.resize(860, 560)
        self._set_busy(False)
        self.export_btn.setEnabled(False)

    # checking
    def check(self) -> None:
        """Every record refused or left out and why, in a worker (`reviewer.export.readiness`,
        the same check as `reviewer export transfer --check`)."""
        from reviewer.export.readiness import check

        store, name, info = self.store, self.collection, self.bag_info()
        self.verdict.setText("Checking the collection…")
        self.export_btn.setEnabled(False)
        self._start(lambda _p: check(store, name, info), self._checked, "checking the transfer")

    def _checked(self, readiness: Any) -> None:
        from reviewer.export.readiness import as_problems

        self.readiness = readiness
        self.model.set_problems(as_problems(readiness))
        self.export_btn.setEnabled(readiness.ready)
        text = readiness.sentence()
        if readiness.missing_bag_info:
            text += " Missing from bag-info.txt: " + ", ".join(readiness.missing_bag_info) + "."
        note = readiness.formula_note()  # the core's words: names a spreadsheet would run
        if note:
            text += "\n" + note
        self.verdict.setText(text)

    def _show_problems(self, problems: list[Any]) -> None:
        self.model.set_problems(problems)
        self.export_btn.setEnabled(not problems)
        if problems:
            n = len(problems)
            self.verdict.setText(
                f"{n} problem{'s' if n > 1 else ''} stop{'' if n > 1 else 's'} the transfer. "
                "Fix them (double-click opens the record), then Check again."
            )

    # exporting
    def bag_info(self) -> Any:
        from reviewer.export.bag import BagInfo

        values = {key: edit.text().strip() for key, edit in self.fields.items()}
        for key, value in values.items():
            settings.save_text(f"export/bag/{key}", value)
        return BagInfo(internal_sender_identifier=self.collection, **values)

    def export(self) -> None:
        from reviewer.export.transfer import TransferRefused, export_transfer

        text = self.folder.text().strip()
        if not text:
            self.verdict.setText("Choose a folder for the bag first.")
            return
        out, info, store, name = Path(text), self.bag_info(), self.store, self.collection
        problem = _folder_problem(out)
        if problem:
            self.verdict.setText(f"Not exported: {problem}. Choose another folder.")
            return
        settings.save_text("export/parent", str(out.parent))

        def work(progress: Task) -> Any:
            try:
                return export_transfer(store, name, out, progress, info)
            except TransferRefused as exc:
                return _refused(exc.problems)

        self.verdict.setText("Exporting…")
        self.bar.setRange(0, 0)
        self._start(work, self._exported, "exporting the transfer")

    def _exported(self, result: Any) -> None:
        if isinstance(result, tuple) and result and result[0] == "refused":
            self._show_problems(result[1])
            return
        self.summary = result
        mb = result.payload_bytes / 1_000_000
        copies = result.redacted_copies
        # Rows of metadata.csv: a record opened with redactions is a closed original and an
        # open copy, so count records, which add up to the total.
        text = (
            f"Transfer written to {result.out_dir}: {result.records} record(s): "
            f"{result.open - copies} open, {copies} open with redactions (the original closed, "
            f"a redacted copy opened), {result.closed - copies} closed; {mb:.1f} MB."
        )
        if result.missing_bag_info:
            text += " Missing from bag-info.txt: " + ", ".join(result.missing_bag_info) + "."
        note = result.formula_note()  # the core's words: cells a spreadsheet would run
        if note:
            text += "\n" + note
        self.verdict.setText(text)
        self.model.set_problems([])
        self.export_btn.setEnabled(False)
        self.report_btn.setVisible(bool(getattr(result, "verification_report", "")))
        self.finished_export.emit(result)

    def show_verification(self) -> QDialog | None:
        """Open the exported bag's redaction verification report."""
        if self.summary is None:
            return None
        from ui.export.verification_dialog import VerificationDialog

        dialog = VerificationDialog(Path(self.summary.out_dir), self)
        dialog.open()
        return dialog

    # plumbing
    def _start(self, fn: Any, on_done: Any, name: str) -> None:
        if self.task is not None:
            self.task.cancel()  # a check still running gives way to the export
        self._set_busy(True)
        started: list[Task] = []

        def ended() -> None:
            # Ends arrive on the GUI thread after `run` returned; only the newest task frees
            # the dialog (an earlier check ending must not hide a running export's Cancel).
            if self._newest(started):
                self._set_busy(False)

        def cancelled() -> None:
            if self._newest(started):
                self.verdict.setText("Cancelled: nothing was written.")

        self.task = self.tasks.run(
            fn,
            name=name,
            on_done=on_done,
            on_failed=self.verdict.setText,
            on_progress=self._progress,
            on_cancelled=cancelled,
            on_ended=ended,
        )
        started.append(self.task)

    def _newest(self, started: list[Task]) -> bool:
        return bool(started) and self.task is started[0]

    def _progress(self, done: int, total: int | None, message: str) -> None:
        from ui.progress_text import ProgressClock

        if self._clock is None:
            self._clock = ProgressClock()
        if total and done > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        self.verdict.setText("Exporting: " + self._clock.text(done, total, message))

    def _set_busy(self, busy: bool) -> None:
        self._clock = None
        if not busy:
            self.task = None
        self.bar.setVisible(busy)
        self.check_btn.setEnabled(not busy)
        self.cancel_btn.setText("Cancel" if busy else "Close")
        if busy:
            self.export_btn.setEnabled(False)

    def _cancel_or_close(self) -> None:
        if self.task is not None:
            self.task.cancel()
        else:
            self.reject()

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Folder to put the bag in")
        if chosen:
            name = f"{self.collection}-transfer-{date.today():%Y%m%d}"
            self.folder.setText(str(Path(chosen) / name))

    def _open_record(self, index: QModelIndex) -> None:
        rid = index.data(RECORD_ID_ROLE)
        if rid is not None:
            self.record_requested.emit(int(rid))

    def reject(self) -> None:
        if self.task is not None:
            self.task.cancel()
        super().reject()
