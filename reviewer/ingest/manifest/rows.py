"""A manifest as plain rows: which file each row describes and every key/value it gives."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

# Column names (compared without case, spaces, '_' or '-') that say which file a row is about,
# best first: a path beats a bare file name, which may be ambiguous.
PATH_COLUMNS = (
    "filepath",
    "relativepath",
    "path",
    "fullpath",
    "fileref",
    "location",
    "url",
    "fileurl",
    "serverrelativeurl",
    "filename",
    "file",
    "documentname",
    "leafname",
    "name",
)
_DRIVE = re.compile(r"^[A-Za-z]:$")


class ManifestError(ValueError):
    """The manifest as a whole cannot be used (unreadable, no path column); one line, no data."""


@dataclass(frozen=True)
class ManifestRow:
    """One described file: `targets` are the ways the row names it (path, then alternatives)."""

    line: int  # 1-based line (CSV), row (XLSX) or element position (XML) for messages
    targets: tuple[str, ...]
    items: tuple[tuple[str, str], ...]


@dataclass
class Manifest:
    """Rows read from one manifest, and the rows that could not be used, with the reason."""

    kind: str  # csv | xlsx | sharepoint | sidecar
    rows: list[ManifestRow] = field(default_factory=list)
    bad_rows: list[tuple[int, str]] = field(default_factory=list)


def column_key(name: str) -> str:
    return re.sub(r"[\s_\-.]+", "", name).lower()


def path_column(headers: list[str]) -> int:
    """The index of the column naming the file; `ManifestError` when there is none."""
    keys = [column_key(h) for h in headers]
    for wanted in PATH_COLUMNS:
        if wanted in keys:
            return keys.index(wanted)
    raise ManifestError(
        "no column names the files (expected one such as 'path', 'file path' or 'file name')"
    )


def path_parts(target: str) -> tuple[str, ...]:
    """A path, URL or Windows path as lower-case components, without drive, host or dots."""
    text = target.strip()
    if "://" in text:
        text = urlsplit(text).path
    if "%" in text:
        text = unquote(text)
    parts = [p for p in text.replace("\\", "/").split("/") if p and p != "."]
    if parts and _DRIVE.match(parts[0]):
        parts = parts[1:]
    return tuple(p.lower() for p in parts)


def rows_from_table(kind: str, headers: list[str], body: list[tuple[int, list[str]]]) -> Manifest:
    """Rows of a CSV or sheet: every column kept as key/value; short or pathless rows are bad."""
    manifest = Manifest(kind)
    where = path_column(headers)
    names = [h.strip() or f"column {i}" for i, h in enumerate(headers, 1)]
    for line, cells in body:
        if not any(c.strip() for c in cells):
            continue  # blank lines are layout, not rows
        if len(cells) != len(headers):
            manifest.bad_rows.append(
                (line, f"has {len(cells)} cells where the header has {len(headers)}")
            )
            continue
        target = cells[where].strip()
        if not path_parts(target):
            manifest.bad_rows.append((line, f"no file named in column '{names[where]}'"))
            continue
        manifest.rows.append(ManifestRow(line, (target,), tuple(zip(names, cells, strict=True))))
    return manifest
