"""Safety limits for reading containers, so a hostile archive cannot exhaust memory."""

from __future__ import annotations

from dataclasses import dataclass

MIB = 1 << 20


@dataclass(frozen=True)
class Limits:
    """Bounds on what one extraction may decompress.

    `max_ratio` applies to every member, however small (`ratio_floor_bytes` is 0): a zip of
    a thousand 1 MiB members at 1,000:1 each is a gigabyte from one megabyte. Ingest also
    gives each top-level file one budget for all its nested expansion (`worker.Budget`), of
    which `max_total_bytes` and `max_members` here are what is left for this extraction.
    """

    max_member_bytes: int = 256 * MIB
    max_total_bytes: int = 512 * MIB
    max_ratio: float = 200.0
    ratio_floor_bytes: int = 0
    max_members: int = 10_000
