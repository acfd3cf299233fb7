"""The field-by-field comparison shown after the checker submits (never before)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

Index = QModelIndex | QPersistentModelIndex

COL_FIELD = 0
COL_FIRST = 1
COL_CHECKER = 2
COL_AGREES = 3
HEADERS = ("Field", "First reviewer", "Your decision", "Agree")
AGREES_ROLE = Qt.ItemDataRole.UserRole + 1
DISAGREE_BG = QColor("#f8d7da")


class ComparisonTableModel(QAbstractTableModel):
    """Rows are `reviewer.qa.compare.FieldDiff`."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.label, row.first, row.checker, "Yes" if row.agrees else "No")[col]
        if role == AGREES_ROLE:
            return row.agrees
        if role == Qt.ItemDataRole.BackgroundRole and not row.agrees:
            return DISAGREE_BG
        return None
