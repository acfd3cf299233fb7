"""Which labels a reviewer sees without asking, in the core and through `reviewer entities`."""

from __future__ import annotations

import json

import pytest
from spacy.language import Language

from models import Store
from reviewer.cli import main
from reviewer.detect.labels import DEFAULT_SHOWN, LABELS, parse_labels, shown_by_default
from reviewer.detect.span import Span
from tests.detect.conftest import add_record


def test_organisations_places_and_dates_are_hidden_by_default() -> None:
    assert set(LABELS) - DEFAULT_SHOWN == {"ORG", "LOCATION", "DATE"}
    org = Span(0, 11, "ORG", "HM Treasury", 0.75, "spaCy NER ORG")
    person = Span(0, 8, "PERSON", "Ann Lee", 0.85, "name rule: first_name")
    possible = Span(0, 8, "PERSON", "Ann Lee", 0.45, "spaCy NER PERSON")
    assert shown_by_default(person) and not shown_by_default(org)
    assert not shown_by_default(possible)
    assert shown_by_default(org, frozenset({"ORG"}))


def test_parse_labels() -> None:
    assert parse_labels("org, person") == {"ORG", "PERSON"}
    assert parse_labels("all") == set(LABELS)
    with pytest.raises(ValueError, match="unknown label 'NAME'"):
        parse_labels("PERSON,NAME")


def test_entities_lists_the_default_labels_unless_asked(
    db_url_of: str, store: Store, nlp: Language, capsys: pytest.CaptureFixture[str]
) -> None:
    add_record(store, "c", "a.txt", ["Ann Lee of HM Treasury wrote on 4 May 2001."])
    assert main(["--db", db_url_of, "scan", "--collection", "c", "--jobs", "1"]) == 0
    capsys.readouterr()
    assert main(["--db", db_url_of, "entities", "--collection", "c"]) == 0
    labels = {r["label"] for r in json.loads(capsys.readouterr().out)}
    assert "PERSON" in labels and not labels & {"ORG", "DATE"}
    assert main(["--db", db_url_of, "entities", "--collection", "c", "--labels", "all"]) == 0
    assert {"PERSON", "ORG", "DATE"} <= {r["label"] for r in json.loads(capsys.readouterr().out)}
    assert main(["--db", db_url_of, "entities", "--collection", "c", "--labels", "ORG"]) == 0
    assert {r["label"] for r in json.loads(capsys.readouterr().out)} == {"ORG"}
    assert main(["--db", db_url_of, "entities", "--collection", "c", "--labels", "NAME"]) == 2
    err = capsys.readouterr().err
    assert "unknown label 'NAME'" in err and "Traceback" not in err
