"""The queue on the left: filters over a table of the collection's records."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.ingest.types import STATUSES
from reviewer.queue import QueueRow
from ui.queue.queue_proxy import ANY, UNDECIDED, QueueFilter, QueueProxy
from ui.queue.queue_table_model import (
    COL_APPRAISAL,
    COL_CLOSURE,
    COL_FORMAT,
    COL_PAGES,
    COL_PATH,
    COL_PERSONAL,
    COL_REVIEWER,
    COL_SCORE,
    COL_STATUS,
    RECORD_ID_ROLE,
    ROW_ROLE,
    QueueTableModel,
)

ORDER_CHOICES = (
    ("Order: file order", "file"),
    ("Order: most likely sensitive first", "likely-sensitive"),
    ("Order: most likely selected first", "likely-selected"),
)

APPRAISAL_CHOICES = (
    ("Any decision", ANY),
    ("Undecided", UNDECIDED),
    ("Select", "select"),
    ("Retain", "retain"),
    ("Destroy", "destroy"),
    ("Defer", "defer"),
)


class QueuePanel(QWidget):
    record_chosen = Signal(int)  # record id, or -1 when nothing is selected
    order_chosen = Signal(str)  # "file", "likely-sensitive" or "likely-selected"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queuePanel")
        self.model = QueueTableModel(parent=self)
        self.proxy = QueueProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("queueTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_PATH, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setWordWrap(False)
        # Names share their starts ("MG11 ..."): keep both ends, the full path is the tooltip.
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_PATH, QHeaderView.ResizeMode.Stretch)
        for col, width in (
            (COL_FORMAT, 110),
            (COL_PAGES, 48),
            (COL_STATUS, 58),
            (COL_PERSONAL, 28),
            (COL_APPRAISAL, 66),
            (COL_CLOSURE, 56),
            (COL_REVIEWER, 80),
            (COL_SCORE, 52),
        ):
            header.resizeSection(col, width)
        header.setStretchLastSection(False)
        # Left-aligned, a header too wide for its column loses its end, not both ends.
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        metrics = self.table.fontMetrics()  # the score whole, its header and sort arrow too
        header.resizeSection(COL_SCORE, max(52, metrics.horizontalAdvance("Likely") + 24))
        for col in (COL_FORMAT, COL_PAGES, COL_REVIEWER, COL_SCORE):
            self.table.setColumnHidden(col, True)
        self.order = QComboBox()
        self.order.setObjectName("queueOrder")
        self.order.setToolTip("Read in file order, or the likeliest first (learnt from decisions)")
        for text, value in ORDER_CHOICES:
            self.order.addItem(text, value)
        self.why = QLabel("")
        self.why.setObjectName("panelHint")
        # Two lines always: the score and its reasons are read whole, and the queue above does
        # not change height from one record to the next.
        self.why.setWordWrap(True)
        self.why.setFixedHeight(2 * self.why.fontMetrics().lineSpacing() + 2)
        self.text = QLineEdit()
        self.text.setPlaceholderText("Filter by name, folder or metadata (Ctrl+L)")
        self.text.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.addItem("Any status", ANY)
        for s in STATUSES:
            self.status.addItem(s, s)
        self.appraisal = QComboBox()
        for text, value in APPRAISAL_CHOICES:
            self.appraisal.addItem(text, value)
        self.personal = QComboBox()
        for text, value in (
            ("Personal data: any", ANY),
            ("With personal data", "yes"),
            ("Without personal data", "no"),
        ):
            self.personal.addItem(text, value)
        self.reviewer = QComboBox()
        self.reviewer.addItem("Any reviewer", ANY)
        self.count = QLabel("")
        self.count.setObjectName("panelHint")
        title = QLabel("Records")
        title.setObjectName("panelTitle")
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.text, 0, 0, 1, 2)
        grid.addWidget(self.status, 1, 0)
        grid.addWidget(self.appraisal, 1, 1)
        grid.addWidget(self.personal, 2, 0)
        grid.addWidget(self.reviewer, 2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(title)
        layout.addLayout(grid)
        layout.addWidget(self.order)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.why)
        layout.addWidget(self.count)
        for combo in (self.status, self.appraisal, self.personal, self.reviewer):
            combo.currentIndexChanged.connect(self._apply_filter)
        self.text.textChanged.connect(self._apply_filter)
        self.text.returnPressed.connect(self.table.setFocus)
        self.text.installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.order.currentIndexChanged.connect(
            lambda _i: self.order_chosen.emit(str(self.order.currentData()))
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down from the filter box goes to the records (Enter does too, Esc everywhere)."""
        if (
            watched is self.text
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
        ):
            self.table.setFocus()
            return True
        return super().eventFilter(watched, event)

    def set_rows(self, rows: tuple[QueueRow, ...]) -> None:
        self.model.set_rows(rows)
        self.model.sort(
            self.table.horizontalHeader().sortIndicatorSection(),
            self.table.horizontalHeader().sortIndicatorOrder(),
        )
        current = self.reviewer.currentData()
        self.reviewer.blockSignals(True)
        self.reviewer.clear()
        self.reviewer.addItem("Any reviewer", ANY)
        for name in sorted({r.reviewer for r in rows if r.reviewer}):
            self.reviewer.addItem(name, name)
        index = self.reviewer.findData(current)
        self.reviewer.setCurrentIndex(max(index, 0))
        self.reviewer.blockSignals(False)
        self._update_count()

    def _apply_filter(self) -> None:
        self.proxy.set_filter(
            QueueFilter(
                status=str(self.status.currentData()),
                appraisal=str(self.appraisal.currentData()),
                personal=str(self.personal.currentData()),
                reviewer=str(self.reviewer.currentData()),
                text=self.text.text().strip(),
            )
        )
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.total_count()
        decided = sum(1 for r in self.model.rows() if r.appraisal)
        self.count.setText(f"{shown:,} of {total:,} records shown · {decided:,} appraised")

    def cycle_order(self) -> None:
        """The next reading order (keyboard: the order box need not take the focus)."""
        self.order.setCurrentIndex((self.order.currentIndex() + 1) % self.order.count())

    def current_order(self) -> str:
        return str(self.order.currentData())

    def set_ranking(self, ranked: dict[int, tuple[int, float | None, tuple[str, ...]]]) -> None:
        """Show a likely-* order: scores in their column, rows in rank order (empty: file order)."""
        self.model.set_ranking(ranked)
        self.table.setColumnHidden(COL_SCORE, not ranked)
        # The score takes the Status column's place: on a 1366-pixel screen the pane has no room
        # for both beside readable names. A record's status stays in its tooltip, the status
        # filter and the record's header.
        self.table.setColumnHidden(COL_STATUS, bool(ranked))
        column = COL_SCORE if ranked else COL_PATH
        self.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        self._show_why()

    def _show_why(self) -> None:
        """The current record's score and the terms that weigh most, beside the queue."""
        row = self.table.currentIndex().data(ROW_ROLE)
        if row is None or row.score is None:
            self.why.setText("" if row is None or not row.reasons else row.reasons[0])
            self.why.setToolTip("")
            return
        reasons = "; ".join(row.reasons) or "no single term stands out"
        text = f"Likely {row.score:.2f} · {reasons}"
        width = max(self.why.width(), 200)
        self.why.setText(  # about two lines' worth; the tooltip has it all
            self.why.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, 2 * width - 60)
        )
        self.why.setToolTip(text)

    def _on_current(self, current: object, _previous: object) -> None:
        self._show_why()
        rid = self.table.currentIndex().data(RECORD_ID_ROLE)
        self.record_chosen.emit(int(rid) if rid is not None else -1)

    def current_record(self) -> int | None:
        rid = self.table.currentIndex().data(RECORD_ID_ROLE)
        return int(rid) if rid is not None else None

    def select_row(self, row: int) -> bool:
        if not 0 <= row < self.proxy.rowCount():
            return False
        index = self.proxy.index(row, COL_PATH)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def select_record(self, record_id: int) -> bool:
        row = self.model.row_of(record_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, COL_PATH))
        return index.isValid() and self.select_row(index.row())

    def step(self, delta: int) -> bool:
        """Move the selection by `delta` rows; False at either end."""
        row = self.table.currentIndex().row()
        return self.select_row(0 if row < 0 else row + delta)

    def clear_filters(self) -> None:
        for combo in (self.status, self.appraisal, self.personal, self.reviewer):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.text.blockSignals(True)
        self.text.clear()
        self.text.blockSignals(False)
        self._apply_filter()

    def refresh_counts(self) -> None:
        self._update_count()
