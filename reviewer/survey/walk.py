"""Listing the tree into the index, folder by folder, resumable and never following links.

Each folder's entries are written in the same transaction that removes the folder from the
`pending` queue, so an interrupted walk resumes exactly where it stopped. Links are never
followed; a folder reached twice (a junction or bind-mount loop) is reported, not re-entered.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from reviewer.progress import Cancelled, Progress
from reviewer.survey import index
from reviewer.survey.rules import WINDOWS_MAX_PATH, rot_kind

FOLDERS_PER_TRANSACTION = 128

# Entries the walk lists but does not open (reported in the summary). DROID's CSV has a row for
# every entry of a folder, so these are rows too, with DROID's status "Not done".
LINK = "link"
FOLDER_LINK = "folder_link"
LOOP = "loop"
SPECIAL = "special"
NOT_OPENED = (LINK, FOLDER_LINK, LOOP, SPECIAL)


def display(name: str) -> str:
    """A name safe to store and print: undecodable bytes become U+FFFD, as DROID shows them."""
    return os.fsencode(name).decode("utf-8", errors="replace")


def _identity(entry_path: str, st: os.stat_result) -> str | None:
    if not st.st_ino:  # Windows scandir leaves the file id to a real stat call
        st = os.stat(entry_path, follow_symlinks=False)
    return f"{st.st_dev}:{st.st_ino}" if st.st_ino else None


def _is_dir(entry: os.DirEntry[str]) -> bool:
    """Whether a link points to a folder (False when it points nowhere)."""
    try:
        return entry.is_dir(follow_symlinks=True)
    except OSError:
        return False


def _insert(conn: sqlite3.Connection, **row: object) -> int:
    cols = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    cur = conn.execute(f"INSERT INTO node ({cols}) VALUES ({marks})", tuple(row.values()))
    return int(cur.lastrowid or 0)


def start(conn: sqlite3.Connection, root: Path) -> None:
    """Put the root folder in the index and the queue (once)."""
    if conn.execute("SELECT 1 FROM node LIMIT 1").fetchone():
        return
    st = root.stat()
    conn.execute("BEGIN")
    fid = _insert(
        conn,
        parent_id=None,
        kind=index.FOLDER,
        path=os.fsencode(root),
        name=display(root.name or str(root)),
        mtime=st.st_mtime,
        ident=_identity(str(root), st),
        long_path=int(len(str(root)) > WINDOWS_MAX_PATH),
    )
    conn.execute("INSERT INTO pending (folder_id) VALUES (?)", (fid,))
    conn.execute("COMMIT")


def _scan_folder(conn: sqlite3.Connection, fid: int, path: str, top: str, is_root: bool) -> int:
    """Index one folder's entries; returns how many rows were added."""
    try:
        with os.scandir(path) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        status = "Access denied" if isinstance(exc, PermissionError) else "Error"
        note = f"cannot open folder: {exc.strerror or type(exc).__name__}"
        conn.execute("UPDATE node SET status = ?, note = ? WHERE id = ?", (status, note, fid))
        return 0
    for entry in entries:
        name = display(entry.name)
        child_top = name if is_root else top
        common = {
            "parent_id": fid,
            "path": os.fsencode(entry.path),
            "name": name,
            "long_path": int(len(display(entry.path)) > WINDOWS_MAX_PATH),
        }
        try:
            if entry.is_symlink():
                to_folder = _is_dir(entry)
                _insert(
                    conn,
                    kind=FOLDER_LINK if to_folder else LINK,
                    top=child_top,
                    status="Not done",
                    mtime=entry.stat(follow_symlinks=False).st_mtime,
                    note="link not followed",
                    **common,
                )
            elif entry.is_dir(follow_symlinks=False):
                st = entry.stat(follow_symlinks=False)
                ident = _identity(entry.path, st)
                seen = (
                    ident
                    and conn.execute(
                        "SELECT 1 FROM node WHERE ident = ? AND kind = ?", (ident, index.FOLDER)
                    ).fetchone()
                )
                if seen:
                    _insert(
                        conn, kind=LOOP, top=child_top, status="Not done", mtime=st.st_mtime,
                        note="folder loop", **common,
                    )  # fmt: skip
                    continue
                child = _insert(
                    conn, kind=index.FOLDER, top=child_top, mtime=st.st_mtime, ident=ident, **common
                )
                conn.execute("INSERT INTO pending (folder_id) VALUES (?)", (child,))
            elif entry.is_file(follow_symlinks=False):
                st = entry.stat(follow_symlinks=False)
                _insert(
                    conn,
                    kind=index.FILE,
                    top="" if is_root else top,
                    size=st.st_size,
                    mtime=st.st_mtime,
                    rot=rot_kind(name),
                    **common,
                )
            else:
                _insert(
                    conn, kind=SPECIAL, top=child_top, status="Not done", note="device or pipe",
                    **common,
                )  # fmt: skip
        except OSError as exc:
            status = "Access denied" if isinstance(exc, PermissionError) else "Error"
            _insert(
                conn,
                kind=index.FILE,
                top=child_top,
                status=status,
                done=1,
                note=f"cannot read entry: {exc.strerror or type(exc).__name__}",
                **common,
            )
    conn.execute("UPDATE node SET children = ? WHERE id = ?", (len(entries), fid))
    return len(entries)


def walk(conn: sqlite3.Connection, root: Path, progress: Progress) -> int:
    """List the whole tree under `root` into the index; returns the number of rows."""
    start(conn, root)
    found = int(conn.execute("SELECT COUNT(*) FROM node").fetchone()[0])
    while True:
        if progress.is_cancelled():
            raise Cancelled()
        batch = conn.execute(
            "SELECT p.folder_id, n.path, n.top, n.parent_id IS NULL FROM pending p "
            "JOIN node n ON n.id = p.folder_id ORDER BY p.folder_id LIMIT ?",
            (FOLDERS_PER_TRANSACTION,),
        ).fetchall()
        if not batch:
            return found
        conn.execute("BEGIN")
        for fid, raw_path, top, is_root in batch:
            found += _scan_folder(conn, fid, os.fsdecode(raw_path), top, bool(is_root))
            conn.execute("DELETE FROM pending WHERE folder_id = ?", (fid,))
        conn.execute("COMMIT")
        progress.set_progress(found, None, f"Listing: {found:,} entries found")
