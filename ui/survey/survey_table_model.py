"""A read-only table of survey figures; numbers sort as numbers, sizes display as KB/MB/GB."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from reviewer.survey.charts import human_bytes

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class SurveyTableModel(QAbstractTableModel):
    """Rows of str/int cells; columns listed in `size_columns` hold byte counts."""

    def __init__(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str | int]] = (),
        size_columns: Sequence[int] = (),
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows = [list(r) for r in rows]
        self._sizes = set(size_columns)

    def set_rows(self, rows: Sequence[Sequence[str | int]]) -> None:
        self.beginResetModel()
        self._rows = [list(r) for r in rows]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        value = self._rows[index.row()][index.column()]
        if role == SORT_ROLE:
            return value
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if isinstance(value, int):
                return human_bytes(value) if index.column() in self._sizes else f"{value:,}"
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None
