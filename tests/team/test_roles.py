"""Roles enforced by the store: each person logs in as themselves (PostgreSQL only).

Logins are made members of the groups with the statements docs/team.md shows
(`reviewer.team.roles`), then connect and try what their role may and may not do.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import create_engine, func, select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from models import Store, open_store
from models.audit import AuditEvent
from models.qa import QaBatch, QaBatchRecord, QaReview
from reviewer.audit import append_event, verify
from reviewer.decisions import Actor, save_appraisal
from reviewer.team.roles import grant_sql, group_sql, login_sql, team_role
from tests.conftest import TEST_SERVER
from tests.team.conftest import add_collection, postgres_only

pytestmark = postgres_only
_n = itertools.count(1)


def _admin(db_url: str, statements: list[str], *, ignore_existing: bool = False) -> None:
    engine = create_engine(db_url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        for sql in statements:
            try:
                conn.execute(text(sql))
            except DBAPIError as exc:
                if not (ignore_existing and "already exists" in str(exc)):
                    raise
    engine.dispose()


@pytest.fixture
def team(store: Store, db_url: str) -> Iterator[dict[str, object]]:
    """A QA batch being checked, one checker's review of it, and a reviewer and checker login."""
    rids = add_collection(store, count=2)
    with store.session() as s:
        batch = QaBatch(collection_id=1, name="b1", split_by="count", status="in review")
        s.add(batch)
        s.flush()
        s.add(QaBatchRecord(batch_id=batch.id, record_id=rids[0]))
        s.add(
            QaReview(
                collection_id=1,
                record_id=rids[0],
                checker="checker",
                first_decision={"closure_status": "Open"},
                checker_decision={"closure_status": "Closed"},
                agrees=False,
            )
        )
    _admin(db_url, group_sql(), ignore_existing=True)
    _admin(db_url, grant_sql(str(make_url(db_url).database)))
    tag = f"{os.getpid()}_{next(_n)}"
    logins = {"reviewer": f"rr_rev_{tag}", "checker": f"rr_chk_{tag}", "admin": f"rr_adm_{tag}"}
    _admin(db_url, login_sql(logins["reviewer"], "records_reviewer"))
    _admin(db_url, login_sql(logins["checker"], "records_checker"))
    _admin(db_url, login_sql(logins["admin"], "records_admin"))
    stores = {
        role: open_store(make_url(db_url).set(username=login).render_as_string(False))
        for role, login in logins.items()
    }
    yield {"rids": rids, "batch": batch.id, "logins": logins, "url": db_url, **stores}
    for opened in stores.values():
        opened.dispose()
    _admin(TEST_SERVER, [f'DROP ROLE "{login}"' for login in logins.values()])


def _fails(login_store: Store, action: Callable[[Session], object], *needles: str) -> None:
    def attempt() -> None:
        with login_store.session() as s:
            action(s)
            s.flush()

    with pytest.raises(DBAPIError) as caught:
        attempt()
    assert any(n in str(caught.value) for n in needles), str(caught.value)


def test_each_login_has_its_team_role(team: dict[str, object], store: Store) -> None:
    with team["reviewer"].session() as s:  # type: ignore[attr-defined]
        assert team_role(s) == "reviewer"
    with team["checker"].session() as s:  # type: ignore[attr-defined]
        assert team_role(s) == "checker"
    with store.session() as s:
        assert team_role(s) == "admin"  # the test server's superuser


def test_reviewer_decides_but_cannot_countersign_or_act_as_qa(team: dict[str, object]) -> None:
    rev: Store = team["reviewer"]  # type: ignore[assignment]
    login = team["logins"]["reviewer"]  # type: ignore[index]
    rid = team["rids"][1]  # type: ignore[index]
    with rev.session() as s:
        save_appraisal(s, rid, Actor(login, "appraiser"), "select", [], "")
    batch = team["batch"]
    _fails(
        rev,
        lambda s: s.execute(
            update(QaBatch).where(QaBatch.id == batch).values(countersigned_by=login)
        ),
        "cannot countersign",
    )
    _fails(
        rev,
        lambda s: append_event(
            s, actor=login, role="qa", kind="qa_countersign", target="x", before=None, after=None
        ),
        "cannot act in the qa role",
    )
    _fails(
        rev,
        lambda s: s.execute(update(AuditEvent).values(actor="someone else")),
        "permission denied",
    )
    with rev.session() as s:
        assert verify(s).ok


def test_checkers_review_is_hidden_from_reviewers_until_the_check_is_complete(
    team: dict[str, object],
) -> None:
    rev: Store = team["reviewer"]  # type: ignore[assignment]
    chk: Store = team["checker"]  # type: ignore[assignment]
    with rev.session() as s:
        assert s.scalars(select(QaReview)).all() == []
    with chk.session() as s:
        review = s.scalars(select(QaReview)).one()
        review.outcome = "overturn"
    with rev.session() as s:
        assert [r.outcome for r in s.scalars(select(QaReview))] == ["overturn"]
    rid = team["rids"][1]  # type: ignore[index]
    _fails(
        rev,
        lambda s: s.add(
            QaReview(
                collection_id=1, record_id=rid, checker="me", first_decision={}, checker_decision={}
            )
        ),
        "permission denied",  # no grant to reviewers
    )
    # Even if someone grants it, row-level security still refuses a reviewer's second review.
    _admin(team["url"], ["GRANT INSERT ON qa_reviews TO records_reviewer"])  # type: ignore[list-item]
    _fails(
        rev,
        lambda s: s.add(
            QaReview(
                collection_id=1, record_id=rid, checker="me", first_decision={}, checker_decision={}
            )
        ),
        "row-level security",
    )
    login = team["logins"]["checker"]  # type: ignore[index]
    _fails(
        chk,
        lambda s: append_event(
            s, actor=login, role="sensitivity", kind="x", target="x", before=None, after=None
        ),
        "qa role only",
    )
    with chk.session() as s:
        s.execute(update(QaBatch).values(countersigned_by=login, status="accepted"))


def test_the_team_may_add_word_boxes_but_never_change_page_text(team: dict[str, object]) -> None:
    from models.records import RecordPage

    rid = team["rids"][0]  # type: ignore[index]
    for role in ("reviewer", "checker"):
        login_store: Store = team[role]  # type: ignore[assignment]
        page = (RecordPage.record_id == rid, RecordPage.page_no == 1)
        with login_store.session() as s:  # what a first scan or view does
            s.execute(update(RecordPage).where(*page).values(words=bytes(24)))
        _fails(
            login_store,
            lambda s, page=page: s.execute(update(RecordPage).where(*page).values(text="altered")),
            "permission denied",
        )


# Every write a reviewer or checker login must never make, tried with plain SQL.
FORBIDDEN = [
    "DELETE FROM decisions",
    "DELETE FROM holds",
    "DELETE FROM detection_terms",
    "DELETE FROM audit_events",
    "UPDATE audit_events SET actor = 'x'",
    "TRUNCATE audit_events",
    "UPDATE audit_anchor SET event_count = 0",
    "DELETE FROM audit_anchor",
    "UPDATE records SET sha256 = 'x'",
    "UPDATE records SET path = 'x'",
    "DELETE FROM records",
    "INSERT INTO records (collection_id, path, name, size, extension_mismatch, status, message, "
    "needs_ocr, ingested_at, updated_at) VALUES (1, 'p', 'p', 0, false, 'ok', '', false, now(), "
    "now())",
    "UPDATE collections SET name = 'x'",
    "UPDATE record_pages SET text = 'x'",
    "TRUNCATE holds",
    # A playing lets an unscannable recording go Open: added through the tool, never altered.
    "UPDATE media_viewings SET reached_seconds = 3600",
    "DELETE FROM media_viewings",
]


def _plain_sql(login_store: Store, sql: str) -> None:
    with login_store.engine.begin() as conn:
        conn.execute(text(sql))


@pytest.mark.parametrize("sql", FORBIDDEN)
@pytest.mark.parametrize("role", ["reviewer", "checker"])
def test_team_logins_cannot_make_forbidden_writes(
    team: dict[str, object], role: str, sql: str
) -> None:
    login_store: Store = team[role]  # type: ignore[assignment]
    with pytest.raises(DBAPIError) as caught:
        _plain_sql(login_store, sql)
    assert "permission denied" in str(caught.value) or "must be owner" in str(caught.value)


def test_reviewer_cannot_write_second_reviews_or_qa_samples(team: dict[str, object]) -> None:
    rev: Store = team["reviewer"]  # type: ignore[assignment]
    for sql in (
        "UPDATE qa_reviews SET outcome = 'overturn'",
        "DELETE FROM qa_reviews",
        "INSERT INTO qa_samples (collection_id) VALUES (1)",
    ):
        with pytest.raises(DBAPIError, match="permission denied"):
            _plain_sql(rev, sql)


def test_only_the_admin_deletes_holds(team: dict[str, object]) -> None:
    admin: Store = team["admin"]  # type: ignore[assignment]
    login = team["logins"]["admin"]  # type: ignore[index]
    from reviewer.decisions import create_hold

    with admin.session() as s:
        create_hold(s, 1, Actor(login, "appraiser"), "UCPI", keywords=["undercover"])
    _plain_sql(admin, "DELETE FROM holds WHERE name = 'UCPI'")  # allowed, and then ...
    with admin.session() as s:
        result = verify(s)
    assert not result.ok  # ... reported: a hold is lifted through the tool, never deleted
    assert [(p.table, p.change) for p in result.problems] == [("holds", "deleted")]


def test_team_login_cannot_sign_as_someone_else(team: dict[str, object]) -> None:
    from reviewer.team.identity import WrongPerson

    rev: Store = team["reviewer"]  # type: ignore[assignment]
    rid = team["rids"][1]  # type: ignore[index]
    with pytest.raises(WrongPerson, match="logged in as"), rev.session() as s:
        save_appraisal(s, rid, Actor("bjones", "appraiser"), "select", [], "")
    # The store refuses it too, whatever the code does.
    login = team["logins"]["reviewer"]  # type: ignore[index]
    with pytest.raises(DBAPIError, match="under its own name"), rev.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO audit_events (id, target, actor, role, at, kind, before, after, "
                "prev_hash, hash) VALUES (999, 'x', 'bjones', 'appraiser', now(), 'x', 'null', "
                "'null', '', '')"
            )
        )
    assert login != "bjones"


def test_a_reviewer_vouches_for_a_recording_only_in_their_own_name(
    team: dict[str, object],
) -> None:
    from reviewer.team.identity import WrongPerson
    from reviewer.viewings import record_played, unplayed

    rev: Store = team["reviewer"]  # type: ignore[assignment]
    rid = team["rids"][1]  # type: ignore[index]
    login = team["logins"]["reviewer"]  # type: ignore[index]
    with pytest.raises(WrongPerson, match="logged in as"), rev.session() as s:
        record_played(s, rid, "bjones", "sensitivity", 30.0)
    with rev.session() as s:
        assert unplayed(s, [rid]) == {rid}
        record_played(s, rid, login, "sensitivity", 30.0)
    with rev.session() as s:
        assert unplayed(s, [rid]) == set()
        assert verify(s).ok


def _cli(team: dict[str, object], role: str, *argv: str) -> int:
    from reviewer.cli import main

    url = make_url(str(team["url"])).set(username=team["logins"][role])  # type: ignore[index]
    return main(["--db", url.render_as_string(False), *argv])


def test_cli_refusals_are_one_line_naming_login_role_and_action(
    team: dict[str, object], capsys: pytest.CaptureFixture[str]
) -> None:
    admin: Store = team["admin"]  # type: ignore[assignment]
    login = team["logins"]["admin"]  # type: ignore[index]
    from reviewer.detect.entities.corrections import add_allow_term

    with admin.session() as s:
        add_allow_term(s, 1, "Acme Ltd", login)
    capsys.readouterr()
    assert _cli(team, "reviewer", "allow", "remove", "--collection", "team", "Acme Ltd") == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    rev = team["logins"]["reviewer"]  # type: ignore[index]
    assert f"login {rev}, reviewer" in err
    assert "DELETE on detection_terms" in err


def test_cli_by_naming_someone_else_is_refused_and_default_is_the_login(
    team: dict[str, object], capsys: pytest.CaptureFixture[str]
) -> None:
    rev = team["logins"]["reviewer"]  # type: ignore[index]
    args = ("deny", "add", "Hartigan", "--collection", "team", "--label", "PERSON")
    assert _cli(team, "reviewer", *args, "--by", "bjones") == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert f"logged in as {rev}" in err
    assert _cli(team, "reviewer", *args) == 0
    with team["reviewer"].session() as s:  # type: ignore[attr-defined]
        actors = list(
            s.scalars(select(AuditEvent.actor).where(AuditEvent.kind == "deny_term_added"))
        )
    assert actors == [rev]


def test_qa_report_by_a_reviewer_never_writes(
    team: dict[str, object], capsys: pytest.CaptureFixture[str]
) -> None:
    with team["reviewer"].session() as s:  # type: ignore[attr-defined]
        before = s.scalar(select(func.count()).select_from(AuditEvent))
    assert _cli(team, "reviewer", "qa", "report", "--collection", "team", "--format", "json") == 0
    out = capsys.readouterr().out
    assert "head_hash" in out
    with team["reviewer"].session() as s:  # type: ignore[attr-defined]
        assert s.scalar(select(func.count()).select_from(AuditEvent)) == before


def test_reviewers_train_models_but_only_a_checker_draws_the_blind_sample(
    team: dict[str, object],
) -> None:
    """The workstation retrains as a reviewer saves, so a reviewer login adds model versions;
    but the random sample that measures the reviewers' recall is the checker's: a reviewer
    who could redraw it (or change a drawn one) could pick the estimate."""
    from models.predict import Prediction, PredictionModel, ReviewSample
    from reviewer.predict.remaining import draw
    from reviewer.predict.tasks import APPRAISAL
    from reviewer.predict.training import train

    rev: Store = team["reviewer"]  # type: ignore[assignment]
    chk: Store = team["checker"]  # type: ignore[assignment]
    with rev.session() as s:
        info = train(s, 1, APPRAISAL, actor="reviewer")
    assert info.version == 1
    _fails(rev, lambda s: draw(s, 1, APPRAISAL, size=1, seed=3), "permission denied")
    _fails(rev, lambda s: s.execute(update(Prediction).values(score=1.0)), "permission denied")
    _fails(rev, lambda s: s.execute(update(PredictionModel).values(version=9)), "permission denied")
    with chk.session() as s:
        sample = draw(s, 1, APPRAISAL, size=1, seed=3)
    _fails(
        rev,
        lambda s: s.execute(update(ReviewSample).values(record_ids=[])),
        "permission denied",
    )
    _fails(
        chk,
        lambda s: s.execute(update(ReviewSample).values(record_ids=[])),
        "permission denied",
    )
    with rev.session() as s:
        assert s.scalar(select(func.count()).select_from(ReviewSample)) == 1
        assert s.get(ReviewSample, sample.id) is not None


def test_only_the_administrator_takes_a_baseline(team: dict[str, object]) -> None:
    """A reviewer who edited a row by hand cannot then bless it: the tool refuses, and the
    store refuses an event in the administrator's role from a reviewer login."""
    from reviewer.audit.baseline import BASELINE_ROLE, BaselineRefused, take_baseline

    rev: Store = team["reviewer"]  # type: ignore[assignment]
    login = team["logins"]["reviewer"]  # type: ignore[index]
    with rev.session() as s, pytest.raises(BaselineRefused, match="only the administrator"):
        take_baseline(s, login, "looks fine to me")
    _fails(
        rev,
        lambda s: append_event(
            s,
            actor=login,
            role=BASELINE_ROLE,
            kind="rows",
            target="baseline",
            before=None,
            after={},
        ),
        "cannot act in the admin role",
    )
