"""Video and audio evidence: technical metadata, thumbnails, 'needs viewing', damage reported."""

from __future__ import annotations

from pathlib import Path

from models import Store
from reviewer.ingest.extract import extract, sniff
from reviewer.ingest.extract.media import NEEDS_VIEWING, thumbnails
from reviewer.ingest.pipeline import ingest_paths
from reviewer.ingest.types import Identification
from reviewer.records_view import list_records
from tests.holdings.clips import make_clip


def test_a_clip_is_sniffed_as_media_whatever_its_name() -> None:
    data = make_clip(1.0)
    assert sniff.detect_kind(data, "clip.mp4", Identification()) == sniff.MEDIA
    assert sniff.detect_kind(data, "evidence.bin", Identification()) == sniff.MEDIA


def test_technical_metadata_and_needs_viewing() -> None:
    result = extract(
        make_clip(2.0, created="2004-08-15T10:30:00.000000Z"), "bwv.mp4", Identification()
    )
    assert result.status == "empty"
    assert result.message.startswith("video (0:00:02, ") and result.message.endswith(NEEDS_VIEWING)
    found = dict(result.metadata)
    assert found["duration"] == "0:00:02"
    assert found["video 1 resolution"] == "160x120"
    assert found["video 1 frame rate"] == "10"
    assert "MPEG-4" in found["video 1 codec"]
    assert found["audio 1 sample rate"] == "16000 Hz"
    assert found["creation_time"].startswith("2004-08-15T10:30:00")


def test_thumbnail_strip() -> None:
    strip = thumbnails(make_clip(2.0), count=4, width=80)
    assert len(strip) == 4 and all(png.startswith(b"\x89PNG") for png in strip)


def test_an_unplayable_video_is_corrupt_and_the_batch_goes_on(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    clip = make_clip(2.0)
    (folder / "cut.mp4").write_bytes(clip[: len(clip) // 3])
    (folder / "noise.avi").write_bytes(b"RIFF\x00\x10\x00\x00AVI LIST" + b"\x07" * 3000)
    (folder / "good.mp4").write_bytes(clip)
    ingest_paths(store, [folder], "c")
    with store.session() as session:
        rows = {r.path: r for r in list_records(session, "c")}
    for bad in ("cut.mp4", "noise.avi"):
        assert rows[bad].status == "corrupt", rows[bad].message
        assert rows[bad].message.startswith("damaged or unplayable recording")
    good = rows["good.mp4"]
    assert good.status == "empty" and good.message.endswith(NEEDS_VIEWING)
    assert good.metadata["video 1 resolution"] == "160x120"
