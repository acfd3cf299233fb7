"""The FOI exemption checklist: tick a code, see its guidance, edit its closure period.

The exemptions usual for the collection's kind come first (from the editable
`resources/ui/relevant_exemptions.json`); the rest follow under an "Other exemptions" row.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

RELEVANT_FILE = (
    Path(__file__).resolve().parents[2] / "resources" / "ui" / "relevant_exemptions.json"
)
OTHER = None  # the "Other exemptions" separator row

Index = QModelIndex | QPersistentModelIndex

COL_CODE = 0
COL_TITLE = 1
COL_PERIOD = 2
HEADERS = ("Code", "Exemption", "Years")
CODE_ROLE = Qt.ItemDataRole.UserRole + 1


class ExemptionsTableModel(QAbstractTableModel):
    """Rows are `reviewer.decisions.exemptions.Exemption`; ticked codes keep their period."""

    edited = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._periods: dict[str, int] = {}  # ticked code -> years
        self._order: list[str] = []  # ticked codes in the order ticked (TDR keeps the order)

    def set_exemptions(self, rows: Sequence[Any], relevant: Sequence[str] = ()) -> None:
        """`relevant` codes first, in that order; the others after an "Other" row."""
        by_code = {r.code: r for r in rows}
        first = [by_code[c] for c in relevant if c in by_code]
        rest = [r for r in rows if r.code not in set(relevant)]
        self.beginResetModel()
        self._rows = [*first, OTHER, *rest] if first and rest else [*first, *rest]
        self.endResetModel()

    def separator_row(self) -> int:
        return next((i for i, r in enumerate(self._rows) if r is OTHER), -1)

    def set_ticked(self, exemptions: Sequence[tuple[str, int]]) -> None:
        self._periods = {code: int(years) for code, years in exemptions}
        self._order = [code for code, _ in exemptions]
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(HEADERS) - 1)
            )

    def ticked(self) -> tuple[tuple[str, int], ...]:
        return tuple((code, self._periods[code]) for code in self._order)

    def row_of(self, code: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r is not OTHER and r.code == code), -1)

    def toggle(self, row: int) -> None:
        ex = self._rows[row]
        if ex is OTHER:
            return
        if ex.code in self._periods:
            del self._periods[ex.code]
            self._order.remove(ex.code)
        else:
            self._periods[ex.code] = ex.suggested_period or 0
            self._order.append(ex.code)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))
        self.edited.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        ex = self._rows[index.row()]
        if ex is OTHER:
            return self._separator_data(index.column(), role)
        col, ticked = index.column(), ex.code in self._periods
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == COL_CODE:
                return ex.code
            if col == COL_TITLE:
                return ex.title
            if ticked:
                return (
                    self._periods[ex.code]
                    if role == Qt.ItemDataRole.EditRole
                    else str(self._periods[ex.code])
                )
            return f"({ex.suggested_period})" if ex.suggested_period else ""
        if role == Qt.ItemDataRole.CheckStateRole and col == COL_CODE:
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = ex.guidance
            if ex.suggested_period:
                tip += f"\nSuggested closure: {ex.suggested_period} years."
            if not ex.historical_ok:
                tip += f"\nNot for historical records: {ex.reason}"
            return tip
        if role == Qt.ItemDataRole.ForegroundRole and not ex.historical_ok:
            return QColor("#9a9a9a")
        if role == CODE_ROLE:
            return ex.code
        return None

    def _separator_data(self, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and col == COL_CODE:
            return "Other exemptions"  # the row spans every column
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#4b5563")
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor("#eef0f3")
        return None

    def set_suggested_periods(self, periods: dict[str, int]) -> None:
        """Replace the periods of ticked codes with suggested ones (codes not ticked are left)."""
        changed = False
        for code, years in periods.items():
            if code in self._periods and self._periods[code] != years:
                self._periods[code] = years
                changed = True
        if changed and self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(HEADERS) - 1)
            )

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self._rows[index.row()] is OTHER:
            return False
        ex = self._rows[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == COL_CODE:
            want = Qt.CheckState(value) == Qt.CheckState.Checked
            if want != (ex.code in self._periods):
                self.toggle(index.row())
            return True
        if (
            role == Qt.ItemDataRole.EditRole
            and index.column() == COL_PERIOD
            and ex.code in self._periods
        ):
            try:
                years = int(str(value).strip())
            except ValueError:
                return False
            self._periods[ex.code] = years
            self.dataChanged.emit(index, index)
            self.edited.emit()
            return True
        return False

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()] is OTHER:
            return Qt.ItemFlag.ItemIsEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == COL_CODE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == COL_PERIOD and self._rows[index.row()].code in self._periods:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None


def relevant_codes(kind: str) -> list[str]:
    """The exemptions usual for a collection kind, from the editable resource file."""
    import json

    try:
        table = json.loads(RELEVANT_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    codes = table.get(kind, [])
    return [str(c) for c in codes] if isinstance(codes, list) else []
