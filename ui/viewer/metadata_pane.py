"""The record's export metadata above the document, shown only when an export described it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.viewer.metadata_table_model import MetadataTableModel

MAX_HEIGHT = 150


class MetadataPane(QWidget):
    """A compact read-only table; hidden for records no manifest or sidecar describes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metadataPane")
        self.model = MetadataTableModel(self)
        self.label = QLabel("From the export's metadata")
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMaximumHeight(MAX_HEIGHT)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.table)
        self.setVisible(False)

    def set_items(self, items: tuple[tuple[str, str, str], ...]) -> None:
        self.model.set_items(items)
        self.setVisible(bool(items))
