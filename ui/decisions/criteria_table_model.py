"""The appraisal criteria of a collection's kind as a checkable list, with suggestions marked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

Index = QModelIndex | QPersistentModelIndex

COL_TICK = 0
CRITERION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SUGGESTED_ROLE = Qt.ItemDataRole.UserRole + 2
GUIDANCE_ROLE = Qt.ItemDataRole.UserRole + 3


class CriteriaTableModel(QAbstractTableModel):
    """One row per criterion: "N. title", ticked or not; suggested rows carry a note."""

    ticked_changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._criteria: list[Any] = []  # reviewer.decisions.criteria.Criterion
        self._ticked: set[str] = set()
        self._suggested: set[str] = set()

    def set_criteria(self, criteria: Sequence[Any]) -> None:
        self.beginResetModel()
        self._criteria = list(criteria)
        self._ticked, self._suggested = set(), set()
        self.endResetModel()

    def set_state(self, ticked: Sequence[str], suggested: Sequence[str]) -> None:
        self._ticked = set(ticked)
        self._suggested = set(suggested)
        if self._criteria:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._criteria) - 1, 0))

    def ticked(self) -> tuple[str, ...]:
        """Ticked ids in the table's order."""
        return tuple(c.id for c in self._criteria if c.id in self._ticked)

    def toggle(self, row: int) -> bool:
        if not 0 <= row < len(self._criteria):
            return False
        cid = self._criteria[row].id
        self._ticked ^= {cid}
        self.dataChanged.emit(self.index(row, 0), self.index(row, 0))
        self.ticked_changed.emit()
        return True

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._criteria)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._criteria):
            return None
        c = self._criteria[index.row()]
        suggested = c.id in self._suggested
        if role == Qt.ItemDataRole.DisplayRole:
            number = f"{index.row() + 1}. " if index.row() < 9 else "    "
            return f"{number}{c.title}" + ("   · suggested" if suggested else "")
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if c.id in self._ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            note = "\n\nSuggested: its keywords appear in this record." if suggested else ""
            return f"{c.guidance}{note}"
        if role == Qt.ItemDataRole.ForegroundRole and suggested and c.id not in self._ticked:
            return QColor("#8a5a00")
        if role == Qt.ItemDataRole.FontRole and c.id in self._ticked:
            font = QFont()
            font.setBold(True)
            return font
        if role == CRITERION_ID_ROLE:
            return c.id
        if role == SUGGESTED_ROLE:
            return suggested
        if role == GUIDANCE_ROLE:
            return c.guidance
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        want = (
            Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        )
        cid = self._criteria[index.row()].id
        if (cid in self._ticked) == want:
            return False
        return self.toggle(index.row())

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return "Criterion"
        return None
