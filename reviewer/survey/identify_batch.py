"""Siegfried over a batch of files in one call: several times faster per file than one by one.

Converts Siegfried's per-file result into the project's `Identification`, the same shape as
`reviewer.ingest.identify.identify_path` returns, falling back to it file by file on failure.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reviewer.ingest.identify import _method, _scanner, identify_path
from reviewer.ingest.types import Identification


def identification_from(entry: dict[str, Any]) -> Identification:
    """Siegfried's per-file result (from `identify_many`) as an `Identification`."""
    matches = entry.get("matches") or []
    if not matches:
        return Identification(warning=str(entry.get("errors") or ""))
    match = matches[0]
    puid = match.get("id") or None
    basis = str(match.get("basis") or "")
    warning = str(match.get("warning") or "")
    if puid is None or puid == "UNKNOWN":
        return Identification(warning=warning or "no format match", basis=basis or None)
    return Identification(
        puid=puid,
        format_name=match.get("format") or None,
        format_version=match.get("version") or None,
        mime=match.get("mime") or None,
        method=_method(basis, puid),
        basis=basis or None,
        extension_mismatch="extension mismatch" in warning,
        warning=warning,
    )


def identify_files(paths: list[str]) -> list[Identification]:
    """Identify files in order; never raises for bad content."""
    try:
        files = _scanner().identify_many(paths)["files"]
        if len(files) == len(paths):
            return [identification_from(dict(f)) for f in files]
    except Exception:
        pass
    return [identify_path(Path(p)) for p in paths]
