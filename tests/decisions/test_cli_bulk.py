"""Deciding for many records from the command line: propagation after a look, folder decisions."""

from __future__ import annotations

import json

import pytest

from reviewer.decisions import Actor, get_decision, save_appraisal
from tests.decisions.factory import Fixture
from tests.decisions.test_cli import COLL, run

WHO = ["--reviewer", "Ann Appraiser", "--role", "appraiser"]


def test_propagate_shows_first_and_applies_only_when_asked(
    fx: Fixture, capsys: pytest.CaptureFixture[str]
) -> None:
    with fx.store.session() as s:
        save_appraisal(
            s,
            fx.ids["case1/statement.pdf"],
            Actor("Ann Appraiser", "appraiser"),
            "select",
            ["homicide"],
            "murder trial",
        )
    args = ["decisions", "propagate", "--collection", COLL, "--path", "case1/statement.pdf", *WHO]
    code, out, _err = run(fx, capsys, *args)
    assert code == 0
    preview = json.loads(out)
    assert [(p["path"], p["relation"]) for p in preview] == [
        ("case2/statement_copy.pdf", "duplicate")
    ]
    copy = fx.ids["case2/statement_copy.pdf"]
    with fx.store.session() as s:
        assert get_decision(s, copy).appraisal is None
    code, out, _err = run(fx, capsys, *args, "--apply")
    assert code == 0
    assert json.loads(out)["applied"] == [copy]
    with fx.store.session() as s:
        assert get_decision(s, copy).appraisal == "select"


def test_folder_decision_is_inherited_by_its_records(
    fx: Fixture, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(
        fx,
        capsys,
        "decisions",
        "folder",
        "--collection",
        COLL,
        "--folder",
        "case1",
        *WHO,
        "--appraisal",
        "retain",
        "--rationale",
        "kept by the department",
    )
    assert code == 0, err
    with fx.store.session() as s:
        assert get_decision(s, fx.ids["case1/sub/memo.docx"]).appraisal == "retain"
        assert get_decision(s, fx.ids["case2/mail.eml"]).appraisal is None
    code, _out, err = run(
        fx, capsys, "decisions", "folder", "--collection", COLL, "--folder", "case1", *WHO
    )
    assert code == 2
    assert "--appraisal" in err
