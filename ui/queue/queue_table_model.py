"""Qt table model over a collection's queue rows (`reviewer.queue.QueueRow`).

Sorting and filtering both happen here, on plain Python lists: each column's sort key is
computed once per load (not once per comparison through `data()`), the filter is evaluated
once per change into a bytearray, and the shown rows are a list of positions. A 100,000-row
queue sorts or filters in tens of milliseconds; `QueueProxy` in front is a C++ identity proxy.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from reviewer.queue import QueueRow

Index = QModelIndex | QPersistentModelIndex

COL_PATH = 0
COL_FORMAT = 1
COL_PAGES = 2
COL_STATUS = 3
COL_PERSONAL = 4
COL_APPRAISAL = 5
COL_CLOSURE = 6
COL_REVIEWER = 7
COL_SCORE = 8  # predictive review's score; sorts by the ranking's order
HEADERS = ("Record", "Format", "Pages", "Status", "PD", "Appraisal", "Closure", "By", "Likely")

RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
# Conflicts on the record (reviewer.decisions.markers), e.g. ("held: destroy suspended: ...",)
MARKERS_ROLE = Qt.ItemDataRole.UserRole + 3
_MARKED = (COL_APPRAISAL, COL_CLOSURE)

_SORT_KEYS: dict[int, Callable[[QueueRow], Any]] = {
    COL_PATH: lambda r: r.path.lower(),
    COL_FORMAT: lambda r: r.format.lower(),
    COL_PAGES: lambda r: r.pages or 0,
    COL_STATUS: lambda r: r.status,
    COL_PERSONAL: lambda r: r.has_personal_data,
    COL_APPRAISAL: lambda r: r.appraisal_cell,
    COL_CLOSURE: lambda r: r.closure or "",
    COL_REVIEWER: lambda r: r.reviewer.lower(),
    COL_SCORE: lambda r: (r.rank is None, r.rank or 0, r.path.lower()),
}
_PROBLEM = QColor("#a33b2b")
_ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


COPY_MARK = "≡ "  # an exact copy of another record (a glyph every UI font has)
CHILD_MARK = "↳ "  # an attachment or an archive member of the record above it


def family_mark(row: QueueRow) -> str:
    """The queue's marker for a copy or a family member (both may be decided together)."""
    return (CHILD_MARK if row.parent_id is not None else "") + (
        COPY_MARK if row.duplicate_of is not None else ""
    )


def family_tip(row: QueueRow) -> str:
    notes = []
    if row.parent_id is not None:
        notes.append("attachment or member of another record (Ctrl+Shift+P applies to family)")
    if row.duplicate_of is not None:
        notes.append("exact copy of another record (same SHA-256)")
    return "\n".join(notes)


def _display(row: QueueRow, col: int) -> str:
    if col == COL_PATH:
        return family_mark(row) + (row.name or row.path)
    if col == COL_FORMAT:
        return row.format
    if col == COL_PAGES:
        return "" if row.pages is None else str(row.pages)
    if col == COL_STATUS:
        return row.status
    if col == COL_PERSONAL:
        return "●" if row.has_personal_data else ""
    if col == COL_APPRAISAL:
        return row.appraisal_cell
    if col == COL_CLOSURE:
        return row.closure or ""
    if col == COL_SCORE:
        return "" if row.score is None else f"{row.score:.2f}"
    return row.reviewer


class QueueTableModel(QAbstractTableModel):
    """Read-only rows in the shown order; `update_row` refreshes one record after a save."""

    def __init__(self, rows: Sequence[QueueRow] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[QueueRow] = list(rows)
        self._pos: dict[int, int] = {r.id: i for i, r in enumerate(self._rows)}
        self._keys: dict[int, list[Any]] = {}
        self._order: list[int] = list(range(len(self._rows)))
        self._accept: bytearray | None = None  # None: every row shown
        self._view: list[int] = list(self._order)
        self._view_pos: dict[int, int] | None = None  # record id -> shown row, built on demand

    def set_rows(self, rows: Sequence[QueueRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._pos = {r.id: i for i, r in enumerate(self._rows)}
        self._keys.clear()
        self._order = list(range(len(self._rows)))
        self._accept = None
        self._view = list(self._order)
        self._view_pos = None
        self.endResetModel()

    def rows(self) -> list[QueueRow]:
        """Every row, shown or filtered out, in load order."""
        return self._rows

    def total_count(self) -> int:
        return len(self._rows)

    def row_of(self, record_id: int) -> int | None:
        """The shown row of a record, None when unknown or filtered out."""
        if self._view_pos is None:
            rows = self._rows
            self._view_pos = {rows[i].id: n for n, i in enumerate(self._view)}
        return self._view_pos.get(record_id)

    def record_at(self, row: int) -> QueueRow:
        return self._rows[self._view[row]]

    def update_row(self, record_id: int, **changes: Any) -> None:
        """Replace fields of one record's row (e.g. `appraisal="select"`); it stays where it is."""
        pos = self._pos.get(record_id)
        if pos is None:
            return
        self._rows[pos] = dataclasses.replace(self._rows[pos], **changes)
        self._keys.clear()
        shown = self.row_of(record_id)
        if shown is not None:
            self.dataChanged.emit(self.index(shown, 0), self.index(shown, len(HEADERS) - 1))

    def set_ranking(self, ranked: dict[int, tuple[int, float | None, tuple[str, ...]]]) -> None:
        """Give every row its rank, score and reasons (an empty dict clears them)."""
        for pos, row in enumerate(self._rows):
            rank, score, reasons = ranked.get(row.id, (None, None, ()))
            if (row.rank, row.score, row.reasons) != (rank, score, reasons):
                self._rows[pos] = dataclasses.replace(row, rank=rank, score=score, reasons=reasons)
        self._keys.clear()
        if self._view:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._view) - 1, len(HEADERS) - 1)
            )

    # ordering and filtering
    def _sort_keys(self, column: int) -> list[Any]:
        keys = self._keys.get(column)
        if keys is None:
            keys = list(map(_SORT_KEYS[column], self._rows))
            self._keys[column] = keys
        return keys

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in _SORT_KEYS:
            return
        keys = self._sort_keys(column)
        descending = order == Qt.SortOrder.DescendingOrder
        self._order = sorted(range(len(keys)), key=keys.__getitem__, reverse=descending)
        self._relayout()

    def set_accepted(self, accept: bytearray | None) -> None:
        """Which rows (by load position) are shown; None shows all. Used by the filter."""
        self._accept = accept
        self._relayout()

    def _relayout(self) -> None:
        """Rebuild the shown rows; persistent indexes (selection, current) follow their records."""
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [self._rows[self._view[i.row()]].id for i in old]
        accept = self._accept
        self._view = list(self._order) if accept is None else [i for i in self._order if accept[i]]
        self._view_pos = None
        new = []
        for rid, idx in zip(old_ids, old, strict=True):
            row = self.row_of(rid)
            new.append(QModelIndex() if row is None else self.index(row, idx.column()))
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    # Qt model interface
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._view)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._view):
            return None
        row = self._rows[self._view[index.row()]]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_PERSONAL:
                return "has personal data" if row.has_personal_data else "no personal data found"
            if col == COL_SCORE and row.reasons:
                return "Why: " + "; ".join(row.reasons)
            if col in _MARKED and row.markers:
                return "\n".join(row.markers)
            if col == COL_PATH:
                tips = [row.path, family_tip(row)]
                if row.status != "ok":  # the Status column is hidden in a likely-* order
                    tips.append(f"Status: {row.status}")
                return "\n".join(t for t in tips if t)
            return _display(row, col)
        if role == RECORD_ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        if role == MARKERS_ROLE:
            return row.markers
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_STATUS and row.status != "ok":
            return QBrush(_PROBLEM)
        if role == Qt.ItemDataRole.ForegroundRole and col in _MARKED and row.markers:
            return QBrush(_PROBLEM)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_PAGES, COL_SCORE):
            return _ALIGN_RIGHT
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
