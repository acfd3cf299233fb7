"""Qt table model over a collection's queue rows (`reviewer.queue.QueueRow`).

Sorting happens here, on the Python list with a key, because a proxy comparing 100,000 rows
through `data()` would call into Python millions of times.
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
HEADERS = ("Record", "Format", "Pages", "Status", "PD", "Appraisal", "Closure", "By")

RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

_SORT_KEYS: dict[int, Callable[[QueueRow], Any]] = {
    COL_PATH: lambda r: r.path.lower(),
    COL_FORMAT: lambda r: r.format.lower(),
    COL_PAGES: lambda r: r.pages or 0,
    COL_STATUS: lambda r: r.status,
    COL_PERSONAL: lambda r: r.has_personal_data,
    COL_APPRAISAL: lambda r: r.appraisal or "",
    COL_CLOSURE: lambda r: r.closure or "",
    COL_REVIEWER: lambda r: r.reviewer.lower(),
}
_PROBLEM = QColor("#a33b2b")


def _display(row: QueueRow, col: int) -> str:
    if col == COL_PATH:
        return row.path
    if col == COL_FORMAT:
        return row.format
    if col == COL_PAGES:
        return "" if row.pages is None else str(row.pages)
    if col == COL_STATUS:
        return row.status
    if col == COL_PERSONAL:
        return "●" if row.has_personal_data else ""
    if col == COL_APPRAISAL:
        return row.appraisal or ""
    if col == COL_CLOSURE:
        return row.closure or ""
    return row.reviewer


class QueueTableModel(QAbstractTableModel):
    """Read-only rows; `update_row` refreshes one record after a decision is saved."""

    def __init__(self, rows: Sequence[QueueRow] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[QueueRow] = list(rows)
        self._pos: dict[int, int] = {r.id: i for i, r in enumerate(self._rows)}

    def set_rows(self, rows: Sequence[QueueRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._pos = {r.id: i for i, r in enumerate(self._rows)}
        self.endResetModel()

    def rows(self) -> list[QueueRow]:
        return self._rows

    def row_of(self, record_id: int) -> int | None:
        return self._pos.get(record_id)

    def record_at(self, row: int) -> QueueRow:
        return self._rows[row]

    def update_row(self, record_id: int, **changes: Any) -> None:
        """Replace fields of one record's row (e.g. `appraisal="select"`)."""
        pos = self._pos.get(record_id)
        if pos is None:
            return
        self._rows[pos] = dataclasses.replace(self._rows[pos], **changes)
        self.dataChanged.emit(self.index(pos, 0), self.index(pos, len(HEADERS) - 1))

    # Qt model interface
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.ToolTipRole and col == COL_PERSONAL:
                return "has personal data" if row.has_personal_data else "no personal data found"
            return _display(row, col)
        if role == RECORD_ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_STATUS and row.status != "ok":
            return QBrush(_PROBLEM)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_PAGES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
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

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = _SORT_KEYS.get(column)
        if key is None:
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [self._rows[i.row()].id for i in old]
        self._rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self._pos = {r.id: i for i, r in enumerate(self._rows)}
        self.changePersistentIndexList(
            old,
            [self.index(self._pos[rid], i.column()) for rid, i in zip(old_ids, old, strict=True)],
        )
        self.layoutChanged.emit()
