"""Detection on text: labels, offsets, scores, guards against false positives."""

from __future__ import annotations

from spacy.language import Language

from reviewer.detect import LABEL_COLOURS, LABELS, detect_text, detect_texts
from reviewer.detect.pipeline import chunk_text

STATEMENT = (
    "WITNESS STATEMENT\n"
    "Statement of: Sarah JONES   DOB: 12/03/1985\n"
    "Address: Flat 3, Rose Court, 45 Mill Lane, Bradford BD1 2AB\n"
    "Tel: 07700 900123   Email: s.jones@example.com\n"
    "NI number: JE 12 34 56 A   NHS No: 943 476 5919\n"
    "I was spoken to by DC 4521 Patel at Leeds Crown Court. Mohammed Khan was charged under "
    "s.18 Offences Against the Person Act 1861 (case 43XY1234519). Khan drove YK19 ABC.\n"
)


def by_label(text: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for s in detect_text(text):
        out.setdefault(s.label, set()).add(s.text)
    return out


def test_labels_are_the_fixed_set(nlp: Language) -> None:
    assert set(LABEL_COLOURS) == set(LABELS)
    assert len(LABELS) == 21
    assert nlp.pipe_names[0] == "ner"
    assert "parser" not in nlp.pipe_names


def test_statement_finds_identifiers_and_names(nlp: Language) -> None:
    found = by_label(STATEMENT)
    assert found["NINO"] == {"JE 12 34 56 A"}
    assert found["NHS_NUMBER"] == {"943 476 5919"}
    assert found["PHONE"] == {"07700 900123"}
    assert found["EMAIL"] == {"s.jones@example.com"}
    assert found["DATE_OF_BIRTH"] == {"12/03/1985"}
    assert found["ADDRESS"] == {"Flat 3, Rose Court, 45 Mill Lane, Bradford BD1 2AB"}
    assert "BD1 2AB" in found["POSTCODE"]
    assert found["VEHICLE_REG"] == {"YK19 ABC"}
    assert {"Sarah JONES", "Mohammed Khan", "Patel", "Khan"} <= found["PERSON"]


def test_offsets_slice_the_text(nlp: Language) -> None:
    for span in detect_text(STATEMENT):
        assert STATEMENT[span.start : span.end] == span.text
        assert 0.0 <= span.score <= 1.0
        assert span.reason


def test_statutes_courts_cases_and_collar_numbers_are_not_people(nlp: Language) -> None:
    people = {s.text for s in detect_text(STATEMENT) if s.label == "PERSON"}
    for text in people:
        assert "Act" not in text
        assert "Court" not in text
        assert not any(c.isdigit() for c in text)
    orgs = {s.text for s in detect_text(STATEMENT) if s.label == "ORG"}
    assert "Leeds Crown Court" in orgs


def test_bare_ten_digits_are_low_confidence_nhs(nlp: Language) -> None:
    bare = [s for s in detect_text("Reference 9434765919 was quoted.") if s.label == "NHS_NUMBER"]
    assert bare
    assert all(s.score < 0.5 for s in bare)
    ctx = [s for s in detect_text("NHS number 9434765919.") if s.label == "NHS_NUMBER"]
    assert ctx
    assert ctx[0].score >= 0.9
    assert "context" in ctx[0].reason


def test_hmrc_example_nino_is_rejected(nlp: Language) -> None:
    assert not [s for s in detect_text("NI number QQ 12 34 56 C") if s.label == "NINO"]


def test_special_category_lexicon(nlp: Language) -> None:
    spans = detect_text("She disclosed she was raped and has been diagnosed with depression.")
    reasons = {s.text: s.reason for s in spans if s.label == "SPECIAL_CATEGORY"}
    assert "sexual_offence_victim" in reasons["raped"]
    assert "health" in reasons["depression"]


def test_long_text_chunks_keep_offsets(nlp: Language) -> None:
    filler = "Nothing of note happened on the estate that day.\n" * 1300
    text = filler + "Call 07700 900456 now.\n" + filler
    assert len(chunk_text(text)) > 1
    phones = [s for s in detect_text(text) if s.label == "PHONE"]
    assert [text[s.start : s.end] for s in phones] == ["07700 900456"]


def test_batches_match_single_calls(nlp: Language) -> None:
    texts = [STATEMENT, "Email a@example.com", ""]
    assert detect_texts(texts) == [detect_text(t) for t in texts]
