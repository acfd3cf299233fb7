"""What the survey flags: TNA's refused formats and names, temporary and system files, long paths.

TNA's lists ship in `resources/tna/puids/` (MIT, from the TDR metadata schema) so a user's
copy needs no network and no `/work/shared`.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import resources

WINDOWS_MAX_PATH = 260
TRANSFER_AGE_YEARS = 20  # the 20-year rule: records are transferred by the time they are 20

# Formats that hold archives we open to list members (DROID's TYPE "Container").
ARCHIVE_PUIDS = frozenset({"x-fmt/263"})
# PRONOM's own identifiers for password-protected Office documents.
PROTECTED_PUIDS = frozenset({"fmt/494", "fmt/754", "fmt/755"})

_TEMP_PREFIXES = ("~$", ".~lock.", "~wr", "~wrl")
_TEMP_SUFFIXES = (".tmp", ".temp", ".~tmp", ".swp", ".crdownload", ".part", "#")
_SYSTEM_NAMES = frozenset({"thumbs.db", "desktop.ini", ".ds_store", "ehthumbs.db", "icon\r"})
_SYSTEM_PREFIXES = ("._",)  # macOS AppleDouble resource forks


def _puid_dir() -> Path:
    return Path(resources.__file__).parent / "tna" / "puids"


@cache
def disallowed_puids() -> dict[str, str]:
    """PUID -> TNA's reason for refusing it in a transfer (active entries with a real PUID)."""
    entries = json.loads((_puid_dir() / "disallowed-puids.json").read_text(encoding="utf-8"))
    return {
        str(e["puid"]): str(e["reason"])
        for e in entries
        if e.get("active") and str(e.get("puid", "")).count("/") == 1
    }


@cache
def excluded_names() -> tuple[tuple[str, bool], ...]:
    """TNA's excluded file names as (name, case_insensitive) pairs."""
    entries = json.loads((_puid_dir() / "excluded-filenames.json").read_text(encoding="utf-8"))
    return tuple((str(e["pattern"]), bool(e.get("caseInsensitive"))) for e in entries)


def is_excluded_name(name: str) -> bool:
    """True for names TDR drops from a transfer (`thumbs.db`, `desktop.ini`, `.DS_Store`)."""
    for pattern, insensitive in excluded_names():
        if (name.lower() == pattern.lower()) if insensitive else (name == pattern):
            return True
    return False


def rot_kind(name: str) -> str | None:
    """'system' or 'temp' when a file name marks redundant, obsolete or trivial content."""
    lower = name.lower()
    if lower in _SYSTEM_NAMES or lower.startswith(_SYSTEM_PREFIXES) or is_excluded_name(name):
        return "system"
    if lower.startswith(_TEMP_PREFIXES) or lower.endswith(_TEMP_SUFFIXES):
        return "temp"
    return None


def transfer_due_year(modified_year: int) -> int:
    """Year by which a record last modified in `modified_year` is due for transfer."""
    return modified_year + TRANSFER_AGE_YEARS
