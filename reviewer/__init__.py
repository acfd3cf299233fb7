"""Records Reviewer's domain core: ingest, detection, criteria, closure rules, QA, export, CLI.

Importing it sets `OPENBLAS_NUM_THREADS` to 1 unless the user has set it. spaCy's NER (numpy's
OpenBLAS) otherwise starts a thread per core for matrices far too small to share: detection
ran 14-16% slower with them, on two cores, and `--jobs N` workers fought over the cores. It
must be set before numpy loads, and spawned workers inherit it.
"""

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
