"""report.html: self-contained, well-formed, with its charts, and every name escaped."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

from reviewer.cli import main
from reviewer.cli.survey_cmd import _describe
from reviewer.survey import load_summary, survey

VOID = {"meta", "br", "hr", "img", "input", "link", "rect", "line"}


class _Checker(HTMLParser):
    """Checks that every opened element is closed in order and collects tag names."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.errors: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(tag)


def test_report_is_well_formed_with_charts_and_escaped_names(tree: Path, tmp_path: Path) -> None:
    (tree / "Cases" / "<i>bold<i> & co.txt").write_text("markup in a name\n")
    (tree / "Cases" / "<i>bold<i> & co (2).txt").write_text("markup in a name\n")
    survey(tree, tmp_path / "out", jobs=1)
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    checker = _Checker()
    checker.feed(html)
    checker.close()
    assert checker.errors == []
    assert checker.stack == []
    assert checker.tags.count("svg") >= 6
    assert checker.tags.count("table") >= 5
    assert "<i>bold<i>" not in html
    assert "&lt;i&gt;bold&lt;i&gt; &amp; co.txt" in html
    assert not any(name in ("src", "href") for name, _ in checker.attrs)  # nothing external
    assert 'class="sortable"' in html
    assert "addEventListener" in html


def test_cli_survey_writes_the_three_outputs(tree: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    assert main(["survey", str(tree), "--out", str(out), "--jobs", "1"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["files"] == 12
    assert result["risks"]["zero_byte"] == 1
    lines = _describe(load_summary(out))
    assert "2 duplicate sets, 1.1 KB reclaimable" in lines
    assert "Zero-byte file: 1" in lines
    for name in ("droid.csv", "summary.json", "report.html"):
        assert (out / name).is_file()
        assert (out / name).stat().st_mode & 0o077 == 0  # file names can be personal data


def test_cli_rejects_a_missing_folder_or_an_output_inside_it(tree: Path, tmp_path: Path) -> None:
    assert main(["survey", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")]) == 2
    assert main(["survey", str(tree), "--out", str(tree / "out")]) == 2
    assert not (tree / "out").exists()
