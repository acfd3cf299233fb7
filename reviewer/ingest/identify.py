"""PRONOM format identification with Siegfried (pygfried), in-process.

Siegfried reads the file itself (read-only). Members of containers and attachments, and files
whose names Siegfried cannot take (below), are identified from a private temporary copy in
the process's 0700 scratch folder (`reviewer.scratch`), never next to the evidence.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from reviewer import scratch
from reviewer.ingest.types import Identification

_local = threading.local()


def scanner() -> Any:
    scanner = getattr(_local, "scanner", None)
    if scanner is None:
        import pygfried

        scanner = pygfried.Scanner()
        _local.scanner = scanner
    return scanner


def _method(basis: str, puid: str | None) -> str | None:
    """DROID's METHOD column from Siegfried's free-text basis."""
    if not puid or puid == "UNKNOWN":
        return None
    if "container" in basis:
        return "Container"
    if "byte match" in basis:
        return "Signature"
    if "extension match" in basis:
        return "Extension"
    return "Signature" if basis else None


def from_entry(entry: Any) -> Identification:
    """Siegfried's answer for one file (from `identify` or `identify_many`) as plain values."""
    matches = entry.get("matches") or []
    if not matches:
        return Identification(warning=str(entry.get("errors") or ""))
    match: dict[str, Any] = matches[0]
    puid = match.get("id") or None
    warning = str(match.get("warning") or "")
    basis = str(match.get("basis") or "")
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


def _takes_name(path: Path) -> bool:
    """Siegfried takes UTF-8 names only: a name with bytes that are not UTF-8 (an old Latin-1
    share, kept by Python as surrogates) makes pygfried raise before it reads a byte."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def identify_path(path: Path) -> Identification:
    """Identify one file on disk; never raises for bad content (an unidentified result instead)."""
    if not _takes_name(path):
        return _identify_copy(path.name, lambda out: _copy_file(path, out))
    try:
        result = scanner().identify(str(path), detailed=True)
    except Exception as exc:  # pygfried raises GoError/EmptySourceError on unreadable input
        return Identification(warning=f"identification failed: {type(exc).__name__}")
    files = result.get("files") or []
    return from_entry(files[0]) if files else Identification()


def identify_paths(paths: Sequence[Path]) -> list[Identification]:
    """Identify files in order with one Siegfried call (about half the cost per file).

    A file Siegfried could not read in the batch, or a batch call that fails, is identified
    on its own, so one bad file gets the same answer as with `identify_path`.
    """
    if not all(map(_takes_name, paths)):  # one such name fails the whole call: set apart
        named = iter(identify_paths([p for p in paths if _takes_name(p)]))
        return [next(named) if _takes_name(p) else identify_path(p) for p in paths]
    if len(paths) < 2:
        return [identify_path(p) for p in paths]
    try:
        files = scanner().identify_many([str(p) for p in paths], workers=1)["files"]
    except Exception:
        files = []
    if len(files) != len(paths):
        return [identify_path(p) for p in paths]
    return [
        identify_path(path) if entry.get("errors") else from_entry(entry)
        for path, entry in zip(paths, files, strict=True)
    ]


def identify_bytes(data: bytes, name: str) -> Identification:
    """Identify bytes that are not a file of their own (a zip member, an attachment)."""
    return _identify_copy(name, lambda out: out.write(data))


def _copy_file(path: Path, out: Any) -> None:
    with path.open("rb") as source:  # read-only: the evidence is never touched
        shutil.copyfileobj(source, out, 1 << 20)


def _identify_copy(name: str, write: Callable[[Any], object]) -> Identification:
    """Identify a private temporary file that `write` fills, named with `name`'s extension
    (Siegfried's extension matching needs it) when that extension is itself storable."""
    suffix = Path(name).suffix[:16]
    if not _takes_name(Path(suffix)):
        suffix = ""
    try:
        fd, tmp = scratch.new_file(suffix)
    except OSError as exc:
        return Identification(warning=f"identification failed: {type(exc).__name__}")
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
        return identify_path(Path(tmp))
    except OSError as exc:
        return Identification(warning=f"identification failed: {type(exc).__name__}")
    finally:
        Path(tmp).unlink(missing_ok=True)


def extension_key(name: str) -> str:
    """The part of a name Siegfried's extension matching looks at, lower-cased."""
    dot = name.rfind(".")
    return name[dot + 1 :].lower() if dot > max(name.rfind("/"), name.rfind("\\")) else ""


Key = tuple[bytes, str]  # (SHA-256 digest, extension)


class KnownFormats:
    """Answers already had, by SHA-256 and file extension, so exact copies skip Siegfried.

    Siegfried's answer depends only on the bytes and the name's extension, so a copy of
    bytes already identified under the same extension gets the same answer without reading
    it again (attachments sent many times over, duplicated files on a drive). Bounded: the
    oldest answers are forgotten first. A failure to read is about that attempt, not the
    bytes, so it is not remembered. Ingest uses this as it is; the survey's `Identifier`
    spreads Siegfried over Go threads and keeps compact answers.
    """

    def __init__(self, size: int = 50_000) -> None:
        self.size = size
        self._known: OrderedDict[Key, Identification] = OrderedDict()

    @staticmethod
    def key(sha256: str, name: str) -> Key:
        return bytes.fromhex(sha256), extension_key(name)

    def identify(self, items: Sequence[tuple[str, str | Path]]) -> list[Identification]:
        """Identification of each (SHA-256 hex, path), in order; each unseen content once."""
        keys = [self.key(sha, str(path)) for sha, path in items]
        found: dict[Key, Identification] = {}
        todo: dict[Key, Path] = {}
        for key, (_sha, path) in zip(keys, items, strict=True):
            if key in found or key in todo:
                continue
            known = self._known.get(key)
            if known is None:
                todo[key] = Path(path)
            else:
                self._known.move_to_end(key)
                found[key] = known
        for key, answer in zip(todo, self._fresh(list(todo.values())), strict=True):
            found[key] = self._remember(key, answer)
        return [found[key] for key in keys]

    def data(self, data: bytes, name: str, sha256: str) -> Identification:
        """`identify_bytes`, remembered by content."""
        key = self.key(sha256, name)
        found = self._known.get(key)
        return found if found is not None else self._remember(key, identify_bytes(data, name))

    def _fresh(self, paths: list[Path]) -> list[Identification]:
        """Siegfried's answers for files whose content has not been seen (one call)."""
        return identify_paths(paths)

    def _remember(self, key: Key, answer: Identification) -> Identification:
        if key[0] and not answer.warning.startswith("identification failed"):
            self._known[key] = answer
            while len(self._known) > self.size:
                self._known.popitem(last=False)
        return answer
