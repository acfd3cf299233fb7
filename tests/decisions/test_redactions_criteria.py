"""Redaction marks (offsets, boxes) and appraisal criteria suggestions."""

from __future__ import annotations

import pytest

from reviewer.audit import record_history, verify
from reviewer.decisions import Actor, DecisionError
from reviewer.decisions.criteria import load_criteria, suggest_criteria
from reviewer.decisions.redactions import add_redaction, list_redactions, remove_redaction
from tests.decisions.factory import Fixture

REVIEWER = Actor("Sam Sensitive", "sensitivity")


def test_text_span_maps_to_page_and_word_boxes(fx: Fixture) -> None:
    rid = fx.ids["case1/statement.pdf"]  # pages "Witness statement about a murder." and "Page 2"
    page1 = len("Witness statement about a murder.")
    with fx.store.session() as s:
        first = add_redaction(s, rid, REVIEWER, start=8, end=17, label="PERSON")
        second = add_redaction(s, rid, REVIEWER, start=page1 + 1 + 5, end=page1 + 1 + 6)
    assert first.page == 1
    assert first.rects == ((10.0, 700.0, 18.0, 712.0),)  # the word "statement"
    assert second.page == 2
    assert second.rects == ((10.0, 700.0, 18.0, 712.0),)  # "2", the second word of page 2


def test_box_redaction_and_removal_are_recorded(fx: Fixture) -> None:
    rid = fx.ids["case1/notes.txt"]
    with fx.store.session() as s:
        mark = add_redaction(s, rid, REVIEWER, page=1, rect=(10, 10, 50, 20), label="SIGNATURE")
        assert [r.id for r in list_redactions(s, rid)] == [mark.id]
        remove_redaction(s, mark.id, REVIEWER)
        assert list_redactions(s, rid) == []
        kinds = [e.kind for e in record_history(s, rid)]
        assert kinds == ["redaction_added", "redaction_removed"]
        assert verify(s).ok


@pytest.mark.parametrize(
    "kwargs",
    [
        {"start": 5, "end": 500},
        {"page": 1, "rect": (50, 10, 10, 20)},
        {"rect": (1, 1, 2, 2)},
        {},
    ],
)
def test_bad_redactions_refused(fx: Fixture, kwargs: dict[str, object]) -> None:
    with pytest.raises(DecisionError), fx.store.session() as s:
        add_redaction(s, fx.ids["case1/notes.txt"], REVIEWER, **kwargs)  # type: ignore[arg-type]


def test_criteria_tables_load() -> None:
    case = {c.id for c in load_criteria("case")}
    assert {"homicide", "precedent", "terrorism", "official_secrets", "life_sentence"} <= case
    assert {"board_minutes", "policy", "significant_project"} <= {
        c.id for c in load_criteria("corporate")
    }
    with pytest.raises(ValueError, match="unknown collection kind"):
        load_criteria("other")


def test_suggest_criteria_by_whole_keywords() -> None:
    text = "R v Smith: appeal against a life sentence for MURDER; referred by the CCRC."
    assert suggest_criteria(text, "case") == ["homicide", "precedent", "life_sentence"]
    assert suggest_criteria("Murderous intent, unappealing", "case") == []
    assert suggest_criteria("Minutes of the board meeting", "corporate") == ["board_minutes"]


def _naive(text: str, kind: str) -> list[str]:
    """The definition: a criterion is suggested when any keyword occurs as whole words."""
    import re

    def has(k: str) -> bool:
        return re.search(r"(?<!\w)" + re.escape(k) + r"(?!\w)", text, re.IGNORECASE) is not None

    return [c.id for c in load_criteria(kind) if any(has(k) for k in c.keywords)]


@pytest.mark.parametrize("kind", ["case", "corporate"])
def test_one_pattern_per_kind_agrees_with_keyword_by_keyword(kind: str) -> None:
    """Overlapping and nested keywords ("court of appeal" / "appeal") are all found."""
    import random

    keywords = [k for c in load_criteria(kind) for k in c.keywords]
    glue = [" ", ", ", "-", "x", "", ". ", "\n", "'s "]
    rnd = random.Random(7)
    for _ in range(300):
        parts = [rnd.choice([*keywords, "the", "court", "of", "law"]) for _ in range(4)]
        cut = rnd.choice(parts)
        parts.append(cut[: rnd.randint(1, len(cut))])
        text = "".join(p + rnd.choice(glue) for p in parts)
        text = text.upper() if rnd.random() < 0.2 else text
        assert suggest_criteria(text, kind) == _naive(text, kind), text
