"""`python -m reviewer.cli`: the same as the `reviewer` command."""

from __future__ import annotations

import sys

from reviewer.cli import main

sys.exit(main())
