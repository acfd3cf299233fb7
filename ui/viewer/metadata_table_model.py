"""What a system export said about the record, as a table: field, value, where it came from."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
COL_KEY, COL_VALUE, COL_SOURCE = range(3)
HEADERS = ("Field", "Value", "From")


class MetadataTableModel(QAbstractTableModel):
    """(source, key, value) items in the order their sources gave them; read-only."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: tuple[tuple[str, str, str], ...] = ()

    def set_items(self, items: tuple[tuple[str, str, str], ...]) -> None:
        self.beginResetModel()
        self._items = items
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        source, key, value = self._items[index.row()]
        return (key, value, source)[index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return None
