"""The side list of a record's personal-data spans: label, then distinct text with a count.

Top-level rows are labels (checkable: the per-label toggle, with the legend colour); under each,
one row per distinct text with its count ("HARTIGAN x12"), dismissed occurrences in a struck-out
row of their own. A plain two-level QAbstractItemModel over lists: a 300-page record's 12,000
spans become a few hundred rows without a Qt object per span.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPixmap

from reviewer.detect.labels import display_name
from ui.viewer.marks import Mark

Index = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # Mark.key of the row's current occurrence
LABEL_ROLE = Qt.ItemDataRole.UserRole + 2  # the label of a label row or text row
ENTITY_ID_ROLE = Qt.ItemDataRole.UserRole + 3  # entity id of the current occurrence
DISMISSED_ROLE = Qt.ItemDataRole.UserRole + 4
COUNT_ROLE = Qt.ItemDataRole.UserRole + 5
_GREY = QColor("#8a8f98")
TIMES = "\u00d7"  # the multiplication sign of "HARTIGAN x12"


def swatch(colour: str) -> QIcon:
    pix = QPixmap(12, 12)
    pix.fill(QColor(colour))
    return QIcon(pix)


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:37] + "…"


@dataclass
class TextRow:
    """One distinct text under a label; `current` is the occurrence last shown."""

    text: str
    dismissed: bool
    marks: list[Mark] = field(default_factory=list)
    current: int = 0

    def mark(self) -> Mark:
        return self.marks[self.current % len(self.marks)]

    def pages(self) -> str:
        pages = sorted({m.page + 1 for m in self.marks if m.page is not None})
        if not pages:
            return ""
        shown = ", ".join(str(p) for p in pages[:12])
        return f"page{'s' if len(pages) > 1 else ''} {shown}{'…' if len(pages) > 12 else ''}"


@dataclass
class LabelRow:
    label: str
    colour: str
    icon: QIcon
    rows: list[TextRow]
    live: int


class SpansTreeModel(QAbstractItemModel):
    """Emits `toggled(label, visible)` when a label's check box changes."""

    toggled = Signal(str, bool)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hidden: set[str] = set()
        self._groups: list[LabelRow] = []
        self._where: dict[str, tuple[int, int, int]] = {}  # key -> (group, row, occurrence)

    def hidden_labels(self) -> set[str]:
        return set(self._hidden)

    def set_spans(self, marks: Sequence[Mark]) -> None:
        by_label: dict[str, dict[tuple[str, bool], TextRow]] = {}
        colours: dict[str, str] = {}
        for m in sorted(marks, key=lambda m: (m.start or 0, m.key)):
            norm = " ".join((m.text or m.label).split()).casefold()
            rows = by_label.setdefault(m.label, {})
            colours.setdefault(m.label, m.colour)
            row = rows.get((norm, m.dismissed))
            if row is None:
                row = rows[(norm, m.dismissed)] = TextRow(m.text or m.label, m.dismissed)
            row.marks.append(m)
        groups = []
        for label, rows in by_label.items():
            ordered = sorted(rows.values(), key=lambda r: (r.dismissed, -len(r.marks), r.text))
            live = sum(len(r.marks) for r in ordered if not r.dismissed)
            groups.append(LabelRow(label, colours[label], swatch(colours[label]), ordered, live))
        groups.sort(key=lambda g: (-g.live, g.label))
        self.beginResetModel()
        self._groups = groups
        self._where = {
            m.key: (g, r, o)
            for g, group in enumerate(groups)
            for r, row in enumerate(group.rows)
            for o, m in enumerate(row.marks)
        }
        self.endResetModel()

    def label_row(self, label: str) -> int:
        return next((i for i, g in enumerate(self._groups) if g.label == label), -1)

    def index_of_key(self, key: str) -> QModelIndex:
        """The text row holding occurrence `key`, which becomes that row's current one."""
        where = self._where.get(key)
        if where is None:
            return QModelIndex()
        g, r, o = where
        self._groups[g].rows[r].current = o
        return self.index(r, 0, self.index(g, 0))

    def advance(self, index: Index, step: int = 1) -> str | None:
        """Move a text row to its next occurrence; the key to show."""
        row = self._text_row(index)
        if row is None:
            return None
        row.current = (row.current + step) % len(row.marks)
        self.dataChanged.emit(index, index)
        return row.mark().key

    def _text_row(self, index: Index) -> TextRow | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._groups[index.internalId() - 1].rows[index.row()]

    # Qt model interface
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self._groups) else QModelIndex()
        if parent.internalId() != 0:
            return QModelIndex()
        group = parent.row()
        if group >= len(self._groups) or row >= len(self._groups[group].rows):
            return QModelIndex()
        return self.createIndex(row, 0, group + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()].rows)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._label_data(self._groups[index.row()], role)
        group = self._groups[index.internalId() - 1]
        row = group.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            n = len(row.marks)
            return _snippet(row.text) + (f"  {TIMES}{n}" if n > 1 else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            where = row.pages()
            n = len(row.marks)
            state = "dismissed: not personal data" if row.dismissed else "click again for the next"
            return f"{n} occurrence{'s' if n > 1 else ''}{', ' + where if where else ''} — {state}"
        if role == KEY_ROLE:
            return row.mark().key
        if role == LABEL_ROLE:
            return group.label
        if role == ENTITY_ID_ROLE:
            return row.mark().entity_id
        if role == DISMISSED_ROLE:
            return row.dismissed
        if role == COUNT_ROLE:
            return len(row.marks)
        if role == Qt.ItemDataRole.FontRole and row.dismissed:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and row.dismissed:
            return _GREY
        return None

    def _label_data(self, group: LabelRow, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{display_name(group.label)}  ({group.live})"
        if role == Qt.ItemDataRole.DecorationRole:
            return group.icon
        if role == Qt.ItemDataRole.CheckStateRole:
            hidden = group.label in self._hidden
            return Qt.CheckState.Unchecked if hidden else Qt.CheckState.Checked
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{group.live} {display_name(group.label)} highlight(s); untick to hide them"
        if role == LABEL_ROLE:
            return group.label
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.internalId() == 0 else base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.internalId() != 0:
            return False
        if role != Qt.ItemDataRole.CheckStateRole:
            return False
        label = self._groups[index.row()].label
        visible = Qt.CheckState(value) == Qt.CheckState.Checked
        if visible:
            self._hidden.discard(label)
        else:
            self._hidden.add(label)
        self.dataChanged.emit(index, index, [role])
        self.toggled.emit(label, visible)
        return True

    def set_label_visible(self, label: str, visible: bool) -> None:
        row = self.label_row(label)
        if row >= 0:
            state = Qt.CheckState.Checked if visible else Qt.CheckState.Unchecked
            self.setData(self.index(row, 0), state.value, Qt.ItemDataRole.CheckStateRole)
