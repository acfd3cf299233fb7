"""`droid.csv`: the index as a DROID profile export, with DROID's headers and value formats.

Follows DROID's own output: every value quoted; folder URIs end in '/', folder SIZE empty;
`file:/` URIs percent-encoded; archive members as `zip:file:///ARCHIVE!/INNER` with an empty
FILE_PATH; LAST_MODIFIED as local `YYYY-MM-DDTHH:MM:SS`; EXTENSION_MISMATCH `true`/`false`.
Every entry of a folder is a row, as in DROID; links (never followed), folder loops, devices
and pipes have DROID's status "Not done". Rows are streamed from the index, so the file can be
any size.
"""

from __future__ import annotations

import csv
import os
import sqlite3
from datetime import datetime
from pathlib import Path, PureWindowsPath
from urllib.parse import quote_from_bytes

from reviewer.survey import index
from reviewer.survey.walk import FOLDER_LINK, LOOP, NOT_OPENED, display

HEADERS = (
    "ID",
    "PARENT_ID",
    "URI",
    "FILE_PATH",
    "NAME",
    "METHOD",
    "STATUS",
    "SIZE",
    "TYPE",
    "EXT",
    "LAST_MODIFIED",
    "EXTENSION_MISMATCH",
    "SHA256_HASH",
    "FORMAT_COUNT",
    "PUID",
    "MIME_TYPE",
    "FORMAT_NAME",
    "FORMAT_VERSION",
)
CSV_NAME = "droid.csv"
_KINDS = (index.FOLDER, index.FILE, index.MEMBER, index.MEMBER_FOLDER, *NOT_OPENED)
_FOLDERS = frozenset({index.FOLDER, index.MEMBER_FOLDER, FOLDER_LINK, LOOP})
_MEMBERS = frozenset({index.MEMBER, index.MEMBER_FOLDER})


_URI_SAFE = "/:@!$&'()*+,;=~"  # legal in a URI path: Java (DROID) leaves them as they are


def _uri_path(path: str) -> str:
    """Absolute path percent-encoded as DROID does (UTF-8 bytes), always starting with '/'."""
    posix = PureWindowsPath(path).as_posix() if os.name == "nt" else path
    raw = posix.encode("utf-8") if os.name == "nt" else os.fsencode(posix)
    quoted = quote_from_bytes(raw, safe=_URI_SAFE)
    return quoted if quoted.startswith("/") else "/" + quoted


def file_uri(path: str, folder: bool = False) -> str:
    """DROID's `file:/...` URI (one slash after the scheme), '/'-terminated for folders."""
    uri = "file:" + _uri_path(path)
    return uri + "/" if folder and not uri.endswith("/") else uri


def zip_uri(path: str) -> str:
    """Prefix of the URIs of an archive's members, as DROID writes them: `zip:file:///...`."""
    return "zip:file://" + _uri_path(path)


def last_modified(mtime: float | None) -> str:
    if mtime is None:
        return ""
    try:
        return datetime.fromtimestamp(mtime).strftime("%Y-%m-%dT%H:%M:%S")
    except (OverflowError, OSError, ValueError):
        return ""


def extension(name: str) -> str:
    """DROID's EXT: what follows the last dot of the name, lower-cased ("" for `.profile`)."""
    dot = name.rfind(".")
    return name[dot + 1 :].lower() if 0 < dot < len(name) - 1 else ""


def write_droid_csv(conn: sqlite3.Connection, out_dir: Path) -> Path:
    """Write `droid.csv` (owner-only: it names files) and return its path."""
    target = out_dir / CSV_NAME
    partial = out_dir / (CSV_NAME + ".partial")
    zip_base: dict[int, str] = {}  # archive or member-folder id -> archive's zip: URI prefix
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with open(fd, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_ALL, lineterminator="\n")
        writer.writerow(HEADERS)
        rows = conn.execute(
            "SELECT id, parent_id, kind, path, name, size, mtime, status, container, method,"
            " mismatch, sha256, puid, mime, format_name, format_version FROM node"
            f" WHERE kind IN ({', '.join('?' for _ in _KINDS)}) ORDER BY id",
            _KINDS,
        )
        writer.writerows(_row(row, zip_base) for row in rows)
    partial.replace(target)
    return target


def _row(row: tuple[object, ...], zip_base: dict[int, str]) -> list[str]:
    (nid, parent, kind, raw, name, size, mtime, status, container,
     method, mismatch, sha, puid, mime, fmt, version) = row  # fmt: skip
    assert isinstance(nid, int)
    assert isinstance(raw, bytes)
    assert isinstance(name, str)
    folder = kind in _FOLDERS
    if kind in _MEMBERS:
        assert isinstance(parent, int)
        base = zip_base[parent]
        inner = raw.decode("utf-8", "replace")
        uri, file_path = f"{base}!/{inner}" + ("/" if folder else ""), ""
        if folder:
            zip_base[nid] = base
    else:
        fs_path = os.fsdecode(raw)
        uri, file_path = file_uri(fs_path, folder), display(fs_path)
        if container:
            zip_base[nid] = zip_uri(fs_path)
    if folder:
        kind_name, size_text, ext, count = "Folder", "", "", ""
    else:
        kind_name = "Container" if container else "File"
        size_text = "" if size is None else str(size)
        ext, count = extension(name), "1" if puid else "0"
    return [
        str(nid),
        "" if parent is None else str(parent),
        uri,
        file_path,
        name,
        "" if folder else str(method or ""),
        str(status),
        size_text,
        kind_name,
        ext,
        last_modified(mtime if isinstance(mtime, float | int) else None),
        "true" if mismatch else "false",
        str(sha or ""),
        count,
        str(puid or ""),
        str(mime or ""),
        str(fmt or ""),
        str(version or ""),
    ]
