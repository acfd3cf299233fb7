"""From the index to a `SurveySummary`: every figure is one SQL aggregate over the rows on disk."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from reviewer.survey import index
from reviewer.survey.rules import TRANSFER_AGE_YEARS, disallowed_puids
from reviewer.survey.summary import (
    Duplicates,
    DuplicateSet,
    Flagged,
    FolderRow,
    FormatRow,
    SurveySummary,
    Totals,
    YearRow,
)
from reviewer.survey.walk import FOLDER_LINK, LINK, LOOP, SPECIAL, display

EXAMPLES = 20
DUPLICATE_SETS = 50
_F = f"kind = '{index.FILE}'"
_ITEMS = f"kind IN ('{index.FILE}', '{index.MEMBER}')"
_YEAR = "CAST(strftime('%Y', mtime, 'unixepoch', 'localtime') AS INTEGER)"


def rel_path(conn: sqlite3.Connection, root: Path, node_id: int) -> str:
    """A row's path relative to the surveyed folder, '/'-separated; members as `ARCHIVE/INNER`."""
    kind, raw, parent = conn.execute(
        "SELECT kind, path, parent_id FROM node WHERE id = ?", (node_id,)
    ).fetchone()
    if kind in (index.MEMBER, index.MEMBER_FOLDER):
        while True:
            up_kind, up_parent = conn.execute(
                "SELECT kind, parent_id FROM node WHERE id = ?", (parent,)
            ).fetchone()
            if up_kind == index.FILE:
                break
            parent = up_parent
        return f"{rel_path(conn, root, parent)}/{bytes(raw).decode('utf-8', 'replace')}"
    rel = os.path.relpath(os.fsdecode(bytes(raw)), root)
    return display(rel).replace(os.sep, "/")


def _flag(
    conn: sqlite3.Connection, root: Path, key: str, label: str, where: str, params: tuple[str, ...]
) -> Flagged:
    count, size = conn.execute(
        f"SELECT COUNT(*), COALESCE(SUM(size), 0) FROM node WHERE {where}", params
    ).fetchone()
    ids = conn.execute(
        f"SELECT id FROM node WHERE {where} ORDER BY id LIMIT ?",
        (*params, EXAMPLES),
    ).fetchall()
    return Flagged(key, label, int(count), int(size), [rel_path(conn, root, i) for (i,) in ids])


def _years(conn: sqlite3.Connection, shift: int) -> list[YearRow]:
    rows = conn.execute(
        f"SELECT {_YEAR} + ? AS y, COUNT(*), COALESCE(SUM(size), 0) FROM node "
        f"WHERE {_F} AND mtime IS NOT NULL GROUP BY y ORDER BY y",
        (shift,),
    ).fetchall()
    return [YearRow(int(y), int(n), int(b)) for y, n, b in rows if y is not None]


def _duplicates(conn: sqlite3.Connection, root: Path) -> Duplicates:
    groups = (
        f"SELECT sha256, MAX(size) AS size, COUNT(*) AS n FROM node WHERE {_F} "
        "AND sha256 IS NOT NULL AND size > 0 GROUP BY sha256 HAVING COUNT(*) > 1"
    )
    sets, files, reclaim = conn.execute(
        f"SELECT COUNT(*), COALESCE(SUM(n), 0), COALESCE(SUM((n - 1) * size), 0) FROM ({groups})"
    ).fetchone()
    largest = []
    for digest, size, n in conn.execute(
        f"{groups} ORDER BY (n - 1) * size DESC, sha256 LIMIT ?", (DUPLICATE_SETS,)
    ).fetchall():
        ids = conn.execute(
            f"SELECT id FROM node WHERE {_F} AND sha256 = ? ORDER BY id LIMIT ?",
            (digest, EXAMPLES),
        ).fetchall()
        paths = [rel_path(conn, root, i) for (i,) in ids]
        largest.append(DuplicateSet(digest, int(size), int(n), int((n - 1) * size), paths))
    return Duplicates(int(sets), int(files), int(reclaim), largest)


def _risks(conn: sqlite3.Connection, root: Path) -> list[Flagged]:
    refused = tuple(disallowed_puids())
    marks = ", ".join("?" for _ in refused)
    return [
        _flag(conn, root, "unidentified", "Unidentified format",
              f"{_F} AND puid IS NULL AND status = 'Done'", ()),
        _flag(conn, root, "disallowed", "Format TNA's TDR refuses",
              f"{_ITEMS} AND puid IN ({marks})", refused),
        _flag(conn, root, "password_protected", "Password-protected",
              f"{_ITEMS} AND protected = 1", ()),
        _flag(conn, root, "zero_byte", "Zero-byte file", f"{_F} AND size = 0", ()),
        _flag(conn, root, "extension_mismatch", "Extension does not match format",
              f"{_F} AND mismatch = 1", ()),
        _flag(conn, root, "long_path", "Path over 260 characters (too long for Windows)",
              f"kind IN ('{index.FILE}', '{index.FOLDER}') AND long_path = 1", ()),
        _flag(conn, root, "unreadable", "File could not be read",
              f"{_F} AND status IN ('Access denied', 'Error', 'Not found')", ()),
    ]  # fmt: skip


def _rot(conn: sqlite3.Connection, root: Path) -> list[Flagged]:
    return [
        _flag(conn, root, "temp", "Temporary files", f"{_F} AND rot = 'temp'", ()),
        _flag(conn, root, "system", "System files", f"{_F} AND rot = 'system'", ()),
        _flag(conn, root, "empty_folder", "Empty folders",
              f"kind = '{index.FOLDER}' AND children = 0 AND status = 'Done'", ()),
    ]  # fmt: skip


def _problems(conn: sqlite3.Connection, root: Path) -> list[Flagged]:
    return [
        _flag(conn, root, "unreadable_folder", "Folder could not be opened",
              f"kind = '{index.FOLDER}' AND status != 'Done'", ()),
        _flag(conn, root, "link", "Link not followed",
              f"kind IN ('{LINK}', '{FOLDER_LINK}')", ()),
        _flag(conn, root, "loop", "Folder loop (reached twice)", f"kind = '{LOOP}'", ()),
        _flag(conn, root, "special", "Device or pipe", f"kind = '{SPECIAL}'", ()),
    ]  # fmt: skip


def _formats(conn: sqlite3.Connection) -> list[FormatRow]:
    rows = conn.execute(
        f"SELECT COALESCE(puid, ''), COALESCE(format_name, ''), COALESCE(format_version, ''),"
        f" SUM(kind = '{index.FILE}'), COALESCE(SUM(CASE WHEN kind = '{index.FILE}' THEN size END), 0),"  # noqa: E501
        f" SUM(kind = '{index.MEMBER}') FROM node WHERE {_ITEMS} AND status = 'Done'"
        " GROUP BY 1, 2, 3 ORDER BY 4 DESC, 5 DESC"
    ).fetchall()
    return [
        FormatRow(p, n or p or "Unidentified", v, int(f), int(b), int(m))
        for p, n, v, f, b, m in rows
    ]


def _reasons(conn: sqlite3.Connection) -> dict[str, int]:
    refused = disallowed_puids()
    out: dict[str, int] = {}
    for puid, n in conn.execute(
        f"SELECT puid, COUNT(*) FROM node WHERE {_ITEMS} AND puid IS NOT NULL GROUP BY puid"
    ):
        if puid in refused:
            out[refused[puid]] = out.get(refused[puid], 0) + int(n)
    return out


def summarise(conn: sqlite3.Connection, root: Path) -> SurveySummary:
    """Compute the whole summary from the index."""
    counts = conn.execute(
        f"SELECT SUM(kind = '{index.FOLDER}'), SUM({_F}), "
        f"COALESCE(SUM(CASE WHEN {_F} THEN size END), 0), SUM(kind = '{index.MEMBER}'), "
        f"COALESCE(SUM(CASE WHEN kind = '{index.MEMBER}' THEN size END), 0), "
        f"SUM({_F} AND puid IS NOT NULL) FROM node"
    ).fetchone()
    folder_rows = conn.execute(
        f"SELECT top, COUNT(*), COALESCE(SUM(size), 0) FROM node WHERE {_F} "
        "GROUP BY top ORDER BY 3 DESC, 1"
    ).fetchall()
    due = _years(conn, TRANSFER_AGE_YEARS)
    this_year = datetime.now().year
    return SurveySummary(
        root=str(root),
        generated=datetime.now().astimezone().isoformat(timespec="seconds"),
        totals=Totals(*(int(v or 0) for v in counts)),
        by_format=_formats(conn),
        by_folder=[FolderRow(t, int(n), int(b)) for t, n, b in folder_rows],
        age_by_year=_years(conn, 0),
        due_by_year=due,
        overdue_files=sum(r.files for r in due if r.year <= this_year),
        duplicates=_duplicates(conn, root),
        risks=_risks(conn, root),
        rot=_rot(conn, root),
        problems=_problems(conn, root),
        disallowed_by_reason=_reasons(conn),
    )
