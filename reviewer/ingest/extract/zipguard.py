"""Bomb checks on zip central directories, for archives and for DOCX/XLSX packages alike.

Python's zipfile never yields more than a member's declared size (it stops there and fails the
CRC), so judging the declared sizes bounds what a library can decompress from these bytes.
"""

from __future__ import annotations

import zipfile

from reviewer.ingest.extract.limits import MIB, Limits


def member_problem(info: zipfile.ZipInfo, limits: Limits) -> str | None:
    """Why one member must not be decompressed, or None when it is safe."""
    size = info.file_size
    if size > limits.max_member_bytes:
        return f"member too large to extract safely ({_mib(size)} uncompressed)"
    if size > limits.ratio_floor_bytes:
        ratio = size / max(info.compress_size, 1)
        if ratio > limits.max_ratio:
            return f"compression ratio {ratio:.0f}:1 looks like a zip bomb: not extracted"
    return None


def package_problem(archive: zipfile.ZipFile, limits: Limits) -> str | None:
    """Why a DOCX/XLSX package must not be opened at all, or None."""
    infos = archive.infolist()
    if len(infos) > limits.max_members:
        return f"package has {len(infos)} parts, more than the limit of {limits.max_members}"
    total = 0
    for info in infos:
        problem = member_problem(info, limits)
        if problem:
            return f"package part refused: {problem}"
        total += info.file_size
    if total > limits.max_total_bytes:
        return f"package too large to open safely ({_mib(total)} uncompressed)"
    return None


def _mib(size: int) -> str:
    return f"{size / MIB:.0f} MiB" if size >= MIB else f"{size} bytes"
