"""Safety limits for reading containers, so a hostile archive cannot exhaust memory."""

from __future__ import annotations

from dataclasses import dataclass

MIB = 1 << 20


@dataclass(frozen=True)
class Limits:
    """Bounds on what one extraction may decompress.

    `max_ratio` applies only to members larger than `ratio_floor_bytes`: small, highly
    compressible files (blank spreadsheets, padded text) are common and harmless.
    """

    max_member_bytes: int = 512 * MIB
    max_total_bytes: int = 2048 * MIB
    max_ratio: float = 200.0
    ratio_floor_bytes: int = 1 * MIB
    max_members: int = 10_000
