"""`reviewer detect` start-up: spaCy without its command-line package (issue 13's < 2 s)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROBE = """
import sys
from reviewer.cli import main
main(["detect", sys.argv[1]])
heavy = ("spacy.cli", "typer", "weasel", "requests", "httpx")
print("LOADED", " ".join(sorted(m for m in sys.modules if m.split(".")[0] in heavy[1:]
                                   or m.startswith(heavy[0]))))
import spacy
import spacy.cli
from spacy.cli.info import info
print("LATER", spacy.cli.info is info, callable(spacy.cli.download), callable(spacy.info))
print("INFO", spacy.info()["spacy_version"] == spacy.__version__)
"""


def test_detect_does_not_import_spacys_command_line(tmp_path: Path) -> None:
    # spaCy's __init__ imports spacy.cli (typer, weasel, requests, httpx: ~0.3 s of CPU) only
    # for `spacy.info`; `reviewer detect` skips it, and a later `import spacy.cli` still works.
    small = tmp_path / "memo.txt"
    small.write_text("Contact Jane Hartley on 020 7946 0018.\n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(small)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert any('"Jane Hartley"' in line for line in out)
    assert "LOADED " in out  # nothing after the word
    assert "LATER True True True" in out
    assert "INFO True" in out
