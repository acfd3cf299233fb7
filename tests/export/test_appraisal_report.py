"""The appraisal report PDF shows outcomes, selections with reasons, holds and deciders."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import pymupdf

from reviewer.decisions.holds import create_hold
from reviewer.export.appraisal_report import build_report, write_appraisal_report
from tests.export.conftest import APPRAISER, COLLECTION, Built


def test_report_figures_and_pdf(store: Any, built: Built, tmp_path: Path) -> None:
    with store.session() as s:
        from reviewer.records_view import collection_by_name

        cid = collection_by_name(s, COLLECTION).id
        create_hold(s, cid, APPRAISER, name="Undercover Policing Inquiry", reason="moratorium")
        report = build_report(s, COLLECTION)
    assert report.counts["select"] == 3
    assert report.counts["destroy"] == 1
    assert [line.path for line in report.selected] == [
        "case1/letter.pdf",
        "case1/notes.txt",
        "case1/statement.pdf",
    ]
    assert report.holds[0].records_held == 4
    out = tmp_path / "report.pdf"
    write_appraisal_report(store, COLLECTION, out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    text = " ".join(p.get_text() for p in pymupdf.open(out))
    for expected in (
        "Appraisal report",
        "Selected for permanent preservation",
        "Murder trial papers",
        "Undercover Policing Inquiry",
        "Ada Appraiser",
        "case1/statement.pdf",
    ):
        assert expected in " ".join(text.split()), expected
