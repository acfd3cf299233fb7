"""spaCy's NER runs on one BLAS thread per process unless the user says otherwise."""

from __future__ import annotations

import os
import subprocess
import sys


def _threads_seen(env: dict[str, str]) -> str:
    code = "import reviewer, os; print(os.environ['OPENBLAS_NUM_THREADS'])"
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def test_one_blas_thread_by_default_and_the_users_choice_kept() -> None:
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    assert _threads_seen(env) == "1"
    assert _threads_seen({**env, "OPENBLAS_NUM_THREADS": "4"}) == "4"
