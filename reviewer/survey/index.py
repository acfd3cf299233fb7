"""The survey's on-disk index: one SQLite file in the output folder, so memory stays bounded.

Every folder, file and container member found is a row; aggregates are computed by SQL at the
end. The index is also the checkpoint: walking and inspecting commit in small transactions, and
re-running the same survey picks up the folders and files not yet done.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

INDEX_NAME = "survey-state.sqlite"
SCHEMA_VERSION = "1"

# Row kinds.
FOLDER = "folder"
FILE = "file"
MEMBER = "member"
MEMBER_FOLDER = "member_folder"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS node (
    id INTEGER PRIMARY KEY,
    parent_id INTEGER,
    kind TEXT NOT NULL,
    path TEXT NOT NULL,
    name TEXT NOT NULL,
    top TEXT NOT NULL DEFAULT '',
    size INTEGER,
    mtime REAL,
    status TEXT NOT NULL DEFAULT 'Done',
    note TEXT NOT NULL DEFAULT '',
    ident TEXT,
    children INTEGER NOT NULL DEFAULT 0,
    long_path INTEGER NOT NULL DEFAULT 0,
    rot TEXT,
    done INTEGER NOT NULL DEFAULT 0,
    sha256 TEXT,
    puid TEXT,
    format_name TEXT,
    format_version TEXT,
    mime TEXT,
    method TEXT,
    mismatch INTEGER NOT NULL DEFAULT 0,
    container INTEGER NOT NULL DEFAULT 0,
    protected INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS pending (folder_id INTEGER PRIMARY KEY);
CREATE INDEX IF NOT EXISTS node_todo ON node (kind, done);
CREATE INDEX IF NOT EXISTS node_ident ON node (ident);
"""


def open_index(out_dir: Path) -> sqlite3.Connection:
    """Open (creating if new) the index in `out_dir`, owner-only: it holds file names."""
    out_dir.mkdir(parents=True, exist_ok=True)
    os.chmod(out_dir, 0o700)
    path = out_dir / INDEX_NAME
    new = not path.exists()
    conn = sqlite3.connect(path, isolation_level=None)
    if new:
        os.chmod(path, 0o600)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA cache_size=-16000")  # 16 MB page cache at most
    conn.executescript(_SCHEMA)
    return conn


def get_meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))


def reset(conn: sqlite3.Connection) -> None:
    """Forget a previous survey (of another root) kept in the same folder."""
    conn.execute("BEGIN")
    for table in ("meta", "node", "pending"):
        conn.execute(f"DELETE FROM {table}")
    conn.execute("COMMIT")
