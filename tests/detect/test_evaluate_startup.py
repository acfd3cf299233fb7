"""What `reviewer detect` imports: only what the command needs, so one small file takes < 2 s."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import sys
from reviewer.cli import main
main(["detect", sys.argv[1]])
print("LOADED", " ".join(sorted(m for m in sys.modules if m.split(".")[0] in {names})))
"""


def loaded(path: Path, *names: str) -> set[str]:
    """The top-level packages among `names` that a `reviewer detect` run imported."""
    code = PROBE.replace("{names}", repr(set(names)))
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
    ).stdout
    line = next(x for x in out.splitlines() if x.startswith("LOADED"))
    return {m.split(".")[0] for m in line.split()[1:]}


@pytest.mark.skipif(
    importlib.util.find_spec("presidio_analyzer") is None, reason="no spaCy plugin installed"
)
def test_detect_does_not_import_other_packages_spacy_plugins(tmp_path: Path) -> None:
    # Presidio declares a spaCy factory entry point; spaCy imported all of it (0.5-1.8 s) on
    # every pipeline build although our pipeline uses none.
    from spacy import util

    small = tmp_path / "memo.txt"
    small.write_text("Contact Jane Hartley on 020 7946 0018.\n", encoding="utf-8")
    assert loaded(small, "presidio_analyzer", "spacy") == {"spacy"}
    assert util.registry._entry_point_factories.entry_points  # left as it was in this process


def test_detect_does_not_import_the_store(tmp_path: Path) -> None:
    # `reviewer detect` never opens a store: SQLAlchemy and the models (~0.4 s idle, seconds
    # under load) must not be imported by it, nor any other command's modules.
    small = tmp_path / "memo.txt"
    small.write_text("Contact Jane Hartley on 020 7946 0018.\n", encoding="utf-8")
    assert loaded(small, "sqlalchemy", "models", "fitz") == set()


@pytest.mark.usefixtures("nlp")
def test_files_detected_together_give_each_file_its_own_spans(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `reviewer detect` reads every file first and detects the texts in one batch (faster);
    # each file's spans and offsets must be what the file alone gives, in file order.
    from reviewer.cli import main

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Contact Jane Hartley on 020 7946 0018.\n", encoding="utf-8")
    b.write_text("Minutes.\n\nDr Priya Raman (priya.raman@example.gov.uk) chaired.\n", "utf-8")
    (tmp_path / "c.bin").write_bytes(b"\x00\x01")

    def run(*files: Path) -> list[str]:
        assert main(["detect", *map(str, files)]) == 0
        return capsys.readouterr().out.splitlines()

    alone = run(a) + run(b)
    together = run(a, tmp_path / "c.bin", b)
    assert together == alone
    assert {json.loads(line)["file"] for line in together} == {str(a), str(b)}
