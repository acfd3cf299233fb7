"""Compiled bytecode for every installed module before a benchmark, as a user's machine has it.

Python writes a module's compiled bytecode the first time it imports it, so a user compiles
PyMuPDF's or spaCy's source once, on first use. Where `PYTHONDONTWRITEBYTECODE` is set (this
development machine, many CI images) nothing is written and every process compiles its
imports again: about 0.5 s in each ingest worker's start-up for PyMuPDF alone, which no user
pays after the first run. `compileall` writes the bytecode whatever that variable says, and
only checks what is already compiled, so benchmarks measure the steady state.
"""

from __future__ import annotations

import compileall
import sysconfig
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def compile_installed() -> float:
    """Compile the virtual environment's packages and the project's own; the seconds it took."""
    started = time.perf_counter()
    paths = sysconfig.get_paths()
    for folder in sorted({paths["purelib"], paths["platlib"]}):
        compileall.compile_dir(folder, quiet=2, workers=0)
    for package in ("reviewer", "models", "ui", "benchmarks"):
        compileall.compile_dir(REPO / package, quiet=2, workers=0)
    return time.perf_counter() - started
