"""The viewer plays recordings (frames, stepping, a strip) and notes who played them; OCR'd
scans are shown as pages with their confidence."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from models import Store
from reviewer.ingest.pipeline import ingest_paths
from reviewer.records_view import list_records
from reviewer.viewings import record_played, unplayed, viewings
from tests.holdings.clips import make_clip


def _ids(store: Store) -> dict[str, int]:
    with store.session() as session:
        return {r.path: r.id for r in list_records(session, "c")}


def test_viewings_record_who_played_what(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.mp4").write_bytes(make_clip(1.0))
    (folder / "b.mp4").write_bytes(make_clip(1.0, audio=False))
    ingest_paths(store, [folder], "c")
    ids = _ids(store)
    with store.session() as session:
        assert unplayed(session, ids.values()) == set(ids.values())
        record_played(session, ids["a.mp4"], "Ann Reviewer", "sensitivity", 0.5)
        session.commit()
    with store.session() as session:
        assert unplayed(session, ids.values()) == {ids["b.mp4"]}
        ((who, _when, reached),) = viewings(session, ids["a.mp4"])
    assert (who, reached) == ("Ann Reviewer", 0.5)


def test_media_view_plays_steps_and_reports_once(qtbot: Any) -> None:
    from ui.viewer.media_sound import NO_TRACK
    from ui.viewer.media_view import MediaView

    view = MediaView()
    qtbot.addWidget(view)
    assert view.open(make_clip(2.0))
    assert view.note.text() and view.note.text() != NO_TRACK  # it has a sound track
    assert view.strip.count() >= 6  # thumbnails, then the stretch
    with qtbot.waitSignal(view.played, timeout=2000):
        view.step_forward()
    first = view.position()
    view.step_forward()
    assert view.position() > first
    view.step_back()
    assert abs(view.position() - first) < 0.01
    view.seek(1.5)
    assert abs(view.position() - 1.5) < 0.11
    reported: list[float] = []
    view.played.connect(reported.append)
    view.toggle()
    qtbot.waitUntil(lambda: view.position() > 1.6, timeout=3000)
    view.toggle()
    assert reported == []  # the first playing only
    assert not view.open(b"RIFF\x00\x00\x00\x00AVI junk")


def test_viewer_shows_a_recording_and_the_window_notes_the_playing(
    store: Store, tmp_path: Path, qtbot: Any
) -> None:
    from ui.record_state import load_record_state
    from ui.viewer.viewer_panel import PAGE_MEDIA, ViewerPanel

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bwv.mp4").write_bytes(make_clip(1.0))
    ingest_paths(store, [folder], "c")
    record_id = _ids(store)["bwv.mp4"]
    with store.session() as session:
        state = load_record_state(session, record_id, "case", with_marks=False)
    assert state is not None and state.data is not None
    panel = ViewerPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.show_record(state.content, state.data)
    assert panel.stack.currentIndex() == PAGE_MEDIA
    assert panel.metadata_pane.isVisible()  # duration, codecs... from the file itself
    assert "needs viewing" in panel.detail.text()


def test_an_email_is_shown_as_a_message(qtbot: Any) -> None:
    from ui.viewer.message_header import MessageHeader, header_fields

    text = (
        "From: A <a@example.com>\nTo: B <b@example.com>\nDate: Thu, 4 Mar 2004\nSubject: Hi\n\nBody"
    )
    assert header_fields(text)["Subject"] == "Hi"
    assert header_fields("MBOX mailbox: 2 messages\n\n1. ...") == {}
    card = MessageHeader()
    qtbot.addWidget(card)
    card.show()
    assert card.show_message(text, [(7, "exhibits.txt")])
    assert card.values["From"].text() == "A <a@example.com>"
    assert 'href="rec:7"' in card.values["Attachments"].text()
    assert not card.form.isRowVisible(card.values["Cc"])
    with qtbot.waitSignal(card.link_activated) as got:
        card.values["Attachments"].linkActivated.emit("rec:7")
    assert got.args == ["rec:7"]
    assert not card.show_message("just a note", [])


def test_a_record_without_text_never_reads_as_clean(qtbot: Any) -> None:
    from ui.highlights.highlights_panel import NO_TEXT, HighlightsPanel

    panel = HighlightsPanel()
    qtbot.addWidget(panel)
    panel.set_spans([], scanned=True, no_text=True)
    assert panel.summary.text() == NO_TEXT
    panel.set_spans([], scanned=True)
    assert panel.summary.text() == "No personal data found in this record"
