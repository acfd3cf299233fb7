"""The current record's view is built in the core from the store: frozen, complete, Qt-free."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from models import Store
from reviewer.decisions import Actor, create_hold, save_appraisal
from reviewer.decisions.redactions import add_redaction
from reviewer.detect.entities import scan_collection
from reviewer.ingest.pipeline import ingest_paths
from reviewer.queue import load_queue
from reviewer.workview import (
    RecordContent,
    RecordWorkView,
    load_content,
    load_decided,
    load_marks,
    load_work_view,
    with_decided,
    with_marks,
)

ROOT = Path(__file__).resolve().parents[2]
LETTER = (
    "Witness statement of Sarah Kendrick\n"
    "My phone is 07700 900123. Email: sarah.kendrick@example.com\n"
    "On 3 March 2004 I saw the defendant outside the Crown Court. This case concerns murder."
)
ACTOR = Actor("Test Reviewer", "appraiser")


@pytest.fixture(scope="module")
def built(
    tmp_path_factory: pytest.TempPathFactory, make_session_db_url: Callable[[str], str]
) -> tuple[str, int]:
    """The sample store, built once: its URL and the record's id."""
    from models import open_store

    url = make_session_db_url("workview")
    store = open_store(url)
    rid = _sample(store, tmp_path_factory.mktemp("workview"))
    store.dispose()
    return url, rid


@pytest.fixture
def sample(
    built: tuple[str, int], copy_db_url: Callable[[str], str]
) -> Iterator[tuple[Store, str, int]]:
    """A copy of the sample store for one test: (store, its URL, the record's id)."""
    from models import open_store

    url = copy_db_url(built[0])
    store = open_store(url)
    yield store, url, built[1]
    store.dispose()


def _sample(store: Store, tmp_path: Path) -> int:
    """A two-page PDF, scanned, appraised, held, with one span redacted: its record id."""
    import pymupdf

    folder = tmp_path / "evidence"
    folder.mkdir()
    doc = pymupdf.open()  # type: ignore[no-untyped-call]
    for text in (LETTER, "Page two mentions Sarah Kendrick again."):
        doc.new_page().insert_text((72, 90), text, fontsize=11)
    doc.save(str(folder / "statement.pdf"))  # type: ignore[no-untyped-call]
    doc.close()  # type: ignore[no-untyped-call]
    ingest_paths(store, [folder], "wv", kind="case")
    scan_collection(store, "wv")
    with store.session() as session:
        snap = load_queue(session, "wv")
        rid = snap.rows[0].id
        save_appraisal(session, rid, ACTOR, "select", (), "a witness statement")
        create_hold(session, snap.collection_id, ACTOR, "Kendrick inquiry", keywords=["Kendrick"])
        session.commit()
    with store.session() as session:
        phone = next(
            s for s in load_marks(session, _content(session, rid)).spans if s.label == "PHONE"
        )
        add_redaction(session, rid, ACTOR, entity_id=phone.entity_id)
        session.commit()
    return rid


def _content(session: Session, rid: int) -> RecordContent:
    content = load_content(session, rid)
    assert content is not None
    return content


def _frozen(value: object) -> None:
    field = dataclasses.fields(value)[0].name  # type: ignore[arg-type]
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(value, field, None)


def test_a_records_view_is_frozen_and_complete(sample: tuple[Store, str, int]) -> None:
    store, _url, rid = sample
    with store.session() as session:
        view = load_work_view(session, rid, "case")
    assert isinstance(view, RecordWorkView)
    assert view.content.record_id == rid
    assert view.content.kind == "pdf" and len(view.content.page_texts) == 2
    assert view.data is None  # the PDF is read from the evidence folder, not kept in the view
    labels = {s.label for s in view.spans}
    assert {"PHONE", "EMAIL"} <= labels
    phone = next(s for s in view.spans if s.label == "PHONE")
    assert phone.text == "07700 900123" and phone.page == 0 and phone.rects
    assert not phone.dismissed and 0 < phone.score <= 1
    assert view.content.text[phone.start : phone.end] == phone.text
    (red,) = view.redactions
    assert red.entity_id == phone.entity_id and red.page == 0 and red.rects
    assert view.decision is not None and view.decision.appraisal == "select"
    assert view.decision.rationale == "a witness statement"
    assert view.holds == ("Kendrick inquiry",)
    assert isinstance(view.suggested, tuple)
    assert view.scanned
    # Frozen through and through: no lists to append to, no attribute to set.
    for part in (view, view.content, phone, red):
        _frozen(part)
    assert isinstance(view.spans, tuple) and isinstance(view.redactions, tuple)


def test_an_edit_comes_back_as_a_new_view(sample: tuple[Store, str, int]) -> None:
    store, _url, rid = sample
    with store.session() as session:
        quick = load_work_view(session, rid, "case", with_marks=False)
        full = load_work_view(session, rid, "case")
    assert quick is not None and full is not None
    assert quick.spans == () and quick.redactions == () and quick.suggested == ()
    assert quick.decision == full.decision  # the decision is in the quick part
    with store.session() as session:
        marked = with_marks(quick, load_marks(session, quick.content))
    assert marked.spans == full.spans and marked.redactions == full.redactions
    assert quick.spans == ()  # the old view is unchanged
    with store.session() as session:
        save_appraisal(session, rid, ACTOR, "retain", (), "kept by the department")
        session.commit()
        decided = with_decided(marked, load_decided(session, rid))
    assert decided.decision is not None and decided.decision.appraisal == "retain"
    assert marked.decision is not None and marked.decision.appraisal == "select"
    assert decided.spans is marked.spans


def test_a_missing_record_has_no_view(store: Store) -> None:
    with store.session() as session:
        assert load_work_view(session, 999_999, "case") is None


def test_building_a_view_imports_no_qt(sample: tuple[Store, str, int]) -> None:
    _store, db_url, rid = sample
    script = (
        "import sys\n"
        "from models import open_store\n"
        "from reviewer.workview import load_work_view\n"
        f"store = open_store({db_url!r})\n"
        "with store.session() as s:\n"
        f"    view = load_work_view(s, {rid}, 'case')\n"
        "store.dispose()\n"
        "assert view is not None and view.spans\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'ui'))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
