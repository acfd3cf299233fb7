"""Export metadata where the reviewer works: the viewer's pane and the queue's filter."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from models import Store
from reviewer.ingest.pipeline import ingest_paths
from reviewer.queue import load_queue


def _ingested(store: Store, tmp_path: Path) -> None:
    root = tmp_path / "export"
    root.mkdir()
    (root / "a.txt").write_text("first")
    (root / "b.txt").write_text("second")
    (root / "metadata.csv").write_text("Path,Reference,Title\na.txt,URN-77,Charging advice\n")
    ingest_paths(store, [root], "c")


def test_queue_filter_finds_records_by_their_metadata(store: Store, tmp_path: Path) -> None:
    from ui.queue.queue_proxy import QueueFilter

    _ingested(store, tmp_path)
    with store.session() as session:
        rows = load_queue(session, "c").rows
    shown = [r.path for r in rows if QueueFilter(text="urn-77").accepts(r)]
    assert shown == ["a.txt"]
    assert [r.path for r in rows if QueueFilter(text="b.txt").accepts(r)] == ["b.txt"]


def test_viewer_shows_the_metadata_pane_only_when_described(
    store: Store, tmp_path: Path, qtbot: Any
) -> None:
    from reviewer.workview.content import load_content
    from ui.viewer.metadata_table_model import COL_KEY, COL_SOURCE, COL_VALUE
    from ui.viewer.viewer_panel import ViewerPanel

    _ingested(store, tmp_path)
    with store.session() as session:
        ids = {r.path: r.id for r in load_queue(session, "c").rows}
        described = load_content(session, ids["a.txt"])
        plain = load_content(session, ids["b.txt"])
    panel = ViewerPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.show_record(described)
    pane = panel.metadata_pane
    assert pane.isVisible()
    model = pane.model
    assert model.rowCount() == 3
    assert model.data(model.index(1, COL_KEY)) == "Reference"
    assert model.data(model.index(1, COL_VALUE)) == "URN-77"
    assert model.data(model.index(1, COL_SOURCE)) == "metadata.csv (line 2)"
    panel.show_record(plain)
    assert not pane.isVisible()
