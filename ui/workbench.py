"""What an action module may use of the main window: the few things it needs, named here.

Menu actions (`ui/*_actions.py`, `ui/export/actions.py`) take a `Workbench` instead of importing
`ui.main_window`, so the window imports them and nothing imports the window back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QWidget

    from models import Store
    from reviewer.queue import QueueSnapshot
    from ui.settings import Identity
    from ui.tasks import TaskManager


class Workbench(Protocol):
    """The main window as its actions see it (it is also their dialogs' parent widget)."""

    store: Store
    identity: Identity
    collection: QueueSnapshot | None
    tasks: TaskManager
    where: QLabel
    survey_windows: list[Any]
    export_dialog: Any
    ingest_dialog: Any

    def as_parent(self) -> QWidget:
        """The window as the parent widget of a dialog or message box."""
        ...

    def status(self, text: str) -> None: ...
    def open_collection(self, name: str, select_record: int | None = None) -> None: ...
    def reload_queue(self) -> None: ...
    def report_progress(self, done: int, total: int | None, message: str) -> None: ...
    def reveal_record(self, record_id: int) -> None: ...
