"""Filtering of the queue by status, decision, personal data, reviewer and path text.

The filter is evaluated once per change over the source rows into a bytearray that the source
model applies itself (see `QueueTableModel.set_accepted`), so Qt never calls back into Python
per row. The proxy is a C++ identity proxy kept for a stable API in front of the model.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QIdentityProxyModel, Qt

from reviewer.queue import QueueRow
from ui.queue.queue_table_model import QueueTableModel

ANY = ""
UNDECIDED = "(undecided)"


@dataclass(frozen=True)
class QueueFilter:
    """Empty strings mean "any"."""

    status: str = ANY
    appraisal: str = ANY  # select|retain|destroy|defer|UNDECIDED
    personal: str = ANY  # "yes" | "no"
    reviewer: str = ANY
    text: str = ""

    def is_empty(self) -> bool:
        return not (self.status or self.appraisal or self.personal or self.reviewer or self.text)

    def accepts(self, row: QueueRow) -> bool:
        if self.status and row.status != self.status:
            return False
        if self.appraisal:
            wanted = None if self.appraisal == UNDECIDED else self.appraisal
            if row.appraisal != wanted:
                return False
        if self.personal and row.has_personal_data != (self.personal == "yes"):
            return False
        if self.reviewer and row.reviewer != self.reviewer:
            return False
        if not self.text:
            return True
        wanted = self.text.lower()
        # The path, or what the export's manifest said (a reference, a title, a date).
        return wanted in row.path.lower() or wanted in row.metadata.lower()

    def evaluate(self, rows: list[QueueRow]) -> bytearray | None:
        """One byte per row (1 = shown); None when the filter shows everything."""
        if self.is_empty():
            return None
        accepts = self.accepts
        return bytearray(map(accepts, rows))


class QueueProxy(QIdentityProxyModel):
    """The queue as views see it. A row whose decision changes stays visible until the filter
    changes, so a record never vanishes from under the reviewer while they work on it."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._filter = QueueFilter()

    def setSourceModel(self, model: Any) -> None:
        super().setSourceModel(model)
        model.modelReset.connect(self._recompute)
        self._recompute()

    def queue_model(self) -> QueueTableModel:
        model = self.sourceModel()
        assert isinstance(model, QueueTableModel)
        return model

    def current_filter(self) -> QueueFilter:
        return self._filter

    def set_filter(self, flt: QueueFilter) -> None:
        self._filter = flt
        self._recompute()

    def _recompute(self) -> None:
        model = self.sourceModel()
        if isinstance(model, QueueTableModel):
            accept = self._filter.evaluate(model.rows())
            if accept is not None or model.rowCount() != model.total_count():
                model.set_accepted(accept)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is done by the source model with precomputed keys."""
        self.queue_model().sort(column, order)
