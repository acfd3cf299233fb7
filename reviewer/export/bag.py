"""The BagIt bag: staged beside the target, validated, then moved into place in one rename.

Layout follows TDR's own export: the files under `data/`, SHA-256 manifests, `bag-info.txt` with
TDR's keys, and the metadata riding as tag files in the bag root (`metadata.csv` with TNA's
headers, `file-ffid.csv` with the format identification). Everything is owner-only: the bag holds
personal data.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata as dist
from pathlib import Path

import bagit

from reviewer import scratch

FFID_HEADERS = (
    "Filepath",
    "Extension",
    "PUID",
    "FormatName",
    "ExtensionMismatch",
    "FFID-Software",
    "FFID-SoftwareVersion",
    "Method",
)


class BagError(Exception):
    """The bag could not be written or did not validate; nothing was left at the target."""


@dataclass(frozen=True)
class BagInfo:
    """TDR's `bag-info.txt` keys; empty values are left out."""

    source_organization: str = ""
    consignment_series: str = ""
    contact_name: str = ""
    contact_email: str = ""
    internal_sender_identifier: str = ""

    def as_dict(self) -> dict[str, str]:
        try:
            version = dist.version("records-reviewer")
        except dist.PackageNotFoundError:
            version = "unknown"
        pairs = {
            "Source-Organization": self.source_organization,
            "Consignment-Series": self.consignment_series,
            "Contact-Name": self.contact_name,
            "Contact-Email": self.contact_email,
            "Internal-Sender-Identifier": self.internal_sender_identifier,
            "Consignment-Type": "standard",
            "Consignment-Export-Datetime": datetime.now(UTC).isoformat(timespec="seconds"),
            "Bag-Creator": f"Records Reviewer {version}",
        }
        return {k: v for k, v in pairs.items() if v}

    def missing(self) -> list[str]:
        """TDR keys a receiving archive will ask for that were not given."""
        d = self.as_dict()
        keys = ("Source-Organization", "Consignment-Series", "Contact-Name", "Contact-Email")
        return [k for k in keys if k not in d]


@dataclass(frozen=True)
class FfidRow:
    filepath: str
    puid: str
    format_name: str
    extension_mismatch: bool
    method: str


def ffid_csv(rows: Sequence[FfidRow]) -> bytes:
    """Format identification per file, as TDR's `file-ffid.csv` tag file."""
    try:
        version = dist.version("pygfried")
    except dist.PackageNotFoundError:
        version = ""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(FFID_HEADERS)
    for r in rows:
        ext = Path(r.filepath).suffix.lstrip(".")
        mismatch = "true" if r.extension_mismatch else "false"
        writer.writerow(
            [
                f"data/{r.filepath}",
                ext,
                r.puid,
                r.format_name,
                mismatch,
                "pygfried",
                version,
                r.method,
            ]
        )
    return buf.getvalue().encode("utf-8")


def _owner_only(root: Path) -> None:
    root.chmod(0o700)
    for dirpath, dirnames, filenames in os.walk(root):
        for d in dirnames:
            (Path(dirpath) / d).chmod(0o700)
        for f in filenames:
            (Path(dirpath) / f).chmod(0o600)


@contextmanager
def staging(target: Path) -> Iterator[Path]:
    """A private folder beside `target`, removed unless the bag was moved into place."""
    parent = target.resolve().parent
    if not parent.is_dir():
        raise BagError("the folder that should hold the bag does not exist")
    sweep_partials(parent)
    stage = Path(tempfile.mkdtemp(prefix=f".{target.name}.partial-{os.getpid()}-", dir=parent))
    try:
        yield stage
    finally:
        shutil.rmtree(stage, ignore_errors=True)


_PARTIAL = re.compile(r"^\..+\.partial-(?:(\d+)-)?[^/]*$")


def sweep_partials(parent: Path) -> list[str]:
    """Remove bags left half-made in `parent` by an export that was killed (they hold copies
    of originals); a partial whose export is still running is left alone. Returns names."""
    removed: list[str] = []
    try:
        entries = list(os.scandir(parent))
    except OSError:
        return removed
    for entry in entries:
        match = _PARTIAL.match(entry.name)
        if not match or not entry.is_dir(follow_symlinks=False):
            continue
        pid = match.group(1)
        if pid is not None and scratch.alive(int(pid)):
            continue
        shutil.rmtree(entry.path, ignore_errors=True)
        removed.append(entry.name)
    return removed


def check_target(target: Path) -> None:
    """Refuse a target that holds anything: a bag is never merged into other files."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise BagError("the output folder already exists and is not empty")


def write_payload(stage: Path, relpath: str, data: bytes, mtime: float | None = None) -> None:
    """One payload file at its bag path (before `make_bag` moves it under `data/`)."""
    dest = stage.joinpath(*relpath.split("/"))
    if stage.resolve() not in dest.resolve().parents:
        raise BagError("a record path points outside the bag")
    dest.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    if mtime is not None:
        os.utime(dest, (mtime, mtime))


def finish_bag(
    stage: Path, target: Path, info: BagInfo, tag_files: Mapping[str, bytes]
) -> bagit.Bag:
    """Bag the staged payload, add tag files, validate, and rename into `target`."""
    check_target(target)
    try:
        bagit.make_bag(str(stage), bag_info=info.as_dict(), checksums=["sha256"])
        for name, data in tag_files.items():
            (stage / name).write_bytes(data)
        bag = bagit.Bag(str(stage))
        bag.save(manifests=False)  # rewrites tagmanifest-sha256.txt to cover the tag files
        _owner_only(stage)
        bagit.Bag(str(stage)).validate()
    except (bagit.BagError, OSError) as exc:
        raise BagError(f"the bag could not be completed: {exc}") from exc
    if target.exists():
        target.rmdir()
    stage.rename(target)
    return bagit.Bag(str(target))
