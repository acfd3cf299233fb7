"""`reviewer detect evaluate`: the matching rule, the gold-file checks and the command itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.detect.evaluate import (
    GoldFileError,
    GoldItem,
    Predicted,
    load_gold,
    score,
)

TEXT = "Contact John Smith (tel: 020 7946 0018) at HM Treasury."
JOHN = (8, 18, "PERSON")
PHONE = (25, 38, "PHONE")


def item(*spans: tuple[int, int, str]) -> GoldItem:
    return GoldItem(1, TEXT, tuple(spans))


def test_exact_and_overlapping_spans_match_one_to_one() -> None:
    # "Contact John Smith" overlaps gold "John Smith" with IoU 10/18 >= 0.5; a second
    # prediction of the same name cannot take the same gold span.
    result = score([item(JOHN, PHONE)], [[Predicted(0, 18, "PERSON"), Predicted(8, 18, "PERSON"),
                                          Predicted(25, 38, "PHONE")]])  # fmt: skip
    person = result.labels["PERSON"]
    assert (person.gold, person.predicted, person.matched) == (1, 2, 1)
    assert [fp["text"] for fp in result.false_positives] == ["Contact John Smith"]
    assert result.labels["PHONE"].f2 == 1.0
    assert result.misses == []


def test_small_overlap_and_wrong_label_are_misses() -> None:
    # "Smith" alone is IoU 5/10 = 0.5 (a match); "John" is 4/10 (not); a PHONE labelled DATE is
    # a miss for PHONE and a false positive for DATE.
    assert score([item(JOHN)], [[Predicted(13, 18, "PERSON")]]).labels["PERSON"].matched == 1
    result = score([item(JOHN, PHONE)], [[Predicted(8, 12, "PERSON"), Predicted(25, 38, "DATE")]])
    assert {(m["label"], m["text"]) for m in result.misses} == {
        ("PERSON", "John Smith"),
        ("PHONE", "020 7946 0018"),
    }
    assert result.labels["DATE"].precision == 0.0
    assert result.labels["PHONE"].recall == 0.0


def test_f2_weighs_recall() -> None:
    # P = 0.5, R = 1.0 -> F2 = 5 * 0.5 / (2 + 1) = 0.833...
    result = score([item(JOHN)], [[Predicted(8, 18, "PERSON"), Predicted(43, 54, "PERSON")]])
    assert result.labels["PERSON"].f2 == pytest.approx(5 * 0.5 / 3)


def test_labels_restrict_gold_and_predictions() -> None:
    result = score([item(JOHN, PHONE)], [[Predicted(43, 54, "ORG")]], labels={"PERSON"})
    assert set(result.labels) == {"PERSON"}
    assert result.false_positives == []


def write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


GOOD = json.dumps({"text": TEXT, "spans": [{"start": 8, "end": 18, "label": "PERSON"}]})


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "line 2: not valid JSON"),
        ("[1, 2]", "line 2: must be a JSON object"),
        ('{"spans": []}', "line 2: needs exactly one of 'text' or 'file'"),
        ('{"text": "a", "file": "b", "spans": []}', "line 2: needs exactly one"),
        ('{"text": "abc"}', "line 2: 'spans' is missing"),
        ('{"text": "abc", "spans": {}}', "line 2: 'spans' must be a list"),
        ('{"text": "abc", "spans": [{"start": 0, "end": 9, "label": "PERSON"}]}', "outside"),
        ('{"text": "abc", "spans": [{"start": 2, "end": 2, "label": "PERSON"}]}', "or empty"),
        ('{"text": "abc", "spans": [{"start": "0", "end": 2, "label": "PERSON"}]}', "whole num"),
        ('{"text": "abc", "spans": [{"start": 0, "end": 2, "label": "NAME"}]}', "unknown label"),
        ('{"text": 5, "spans": []}', "'text' must be a string"),
        ('{"file": "missing.txt", "spans": []}', "line 2: file not found: missing.txt"),
    ],
)
def test_bad_lines_name_their_line(tmp_path: Path, line: str, reason: str) -> None:
    with pytest.raises(GoldFileError, match=None) as err:
        load_gold(write(tmp_path, GOOD, line))
    assert reason in str(err.value)
    assert "\n" not in str(err.value)


def test_span_text_must_match_its_offsets(tmp_path: Path) -> None:
    """The checker for the evaluation set: a span's own `text` is compared with the offsets."""
    ok = {"text": TEXT, "spans": [{"start": 8, "end": 18, "label": "PERSON", "text": "John Smith"}]}
    assert load_gold(write(tmp_path, json.dumps(ok)))[0].spans == (JOHN,)
    ok["spans"][0]["text"] = "ohn Smith "  # type: ignore[index]
    with pytest.raises(GoldFileError, match="line 1: span 1: its 'text' does not match"):
        load_gold(write(tmp_path, json.dumps(ok)))


def test_not_utf8_and_empty_files(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_bytes(GOOD.encode() + b"\n" + b'{"text": "caf\xe9", "spans": []}\n')
    with pytest.raises(GoldFileError, match="line 2: not UTF-8"):
        load_gold(path)
    with pytest.raises(GoldFileError, match="no labelled items"):
        load_gold(write(tmp_path, "", "  "))


def test_file_lines_are_relative_to_the_gold_file(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "memo.txt").write_text(TEXT, encoding="utf-8")
    line = json.dumps({"file": "docs/memo.txt", "spans": [{"start": 8, "end": 18,
                                                            "label": "PERSON"}]})  # fmt: skip
    (items,) = load_gold(write(tmp_path, line))
    assert items.text[8:18] == "John Smith"
    assert items.source == "docs/memo.txt"


def test_cli_bad_file_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = write(tmp_path, GOOD, '{"text": "abc", "spans": [{"start": 0, "end": 2}]}')
    assert main(["detect", "evaluate", str(gold)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("reviewer: gold.jsonl: line 2: span 1: unknown label None")
    assert err.count("\n") == 1
    assert main(["detect", "evaluate", str(tmp_path / "none.jsonl")]) == 2
    assert main(["detect", "evaluate", str(gold), "--format", "jsonl"]) == 2
    assert main(["detect", "evaluate", str(gold), "--labels", "PERSON,NAMES"]) == 2
    assert main(["detect", str(gold), "--format", "table"]) == 2


@pytest.mark.usefixtures("nlp")
def test_cli_json_scores_our_detector(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = write(
        tmp_path,
        json.dumps({"text": TEXT, "spans": [{"start": 8, "end": 18, "label": "PERSON"},
                                            {"start": 25, "end": 38, "label": "PHONE"}]}),
        json.dumps({"text": "Nothing personal here.", "spans": []}),
    )  # fmt: skip
    assert main(["detect", "evaluate", str(gold), "--format", "json", "--labels", "PERSON"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out["labels"]) == {"PERSON"}
    assert out["labels"]["PERSON"]["gold"] == 1
    assert out["labels"]["PERSON"]["recall"] == 1.0
    assert out["min_score"] == 0.5
    assert out["items"] == 2
    assert {"misses", "false_positives", "overall"} <= set(out)
    assert main(["detect", "evaluate", str(gold)]) == 0
    table = capsys.readouterr().out
    assert table.splitlines()[0].split() == ["label", "gold", "pred", "P", "R", "F2"]
    assert "PHONE" in table


@pytest.mark.usefixtures("nlp")
def test_detect_prints_default_labels_unless_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    memo = tmp_path / "memo.txt"
    memo.write_text(TEXT, encoding="utf-8")

    def labels(*extra: str) -> set[str]:
        assert main(["detect", str(memo), *extra]) == 0
        return {json.loads(line)["label"] for line in capsys.readouterr().out.splitlines()}

    assert "ORG" in labels("--labels", "all")
    assert labels() == {"PERSON", "PHONE"}  # "HM Treasury" is detected but not shown
    assert labels("--labels", "org") == {"ORG"}
    assert main(["detect", str(memo), "--labels", "ORG,NAME"]) == 2
