"""What a progress bar says on long work: the count and, once it can be judged, the time left.

Qt-free so it is tested with plain numbers; `ProgressClock` is started when the work starts.
"""

from __future__ import annotations

import time
from collections.abc import Callable


def time_left(seconds: float) -> str:
    """A rounded, honest estimate: "about 40 s", "about 3 min", "about 1 h 20 min"."""
    if seconds < 60:
        return f"about {max(5, round(seconds / 5) * 5)} s"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"about {minutes} min"
    return f"about {minutes // 60} h {minutes % 60:02d} min"


class ProgressClock:
    """Counts and time left for one piece of long work (the rate is measured since `start`)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._started = clock()
        self._first_done: tuple[float, int] | None = None

    def text(self, done: int, total: int | None, message: str = "") -> str:
        parts = [message] if message else []
        if total:
            parts.append(f"{done:,} of {total:,}")
            left = self.seconds_left(done, total)
            if left is not None:
                parts.append(time_left(left) + " left")
        elif done:
            parts.append(f"{done:,} done")
        return " · ".join(parts)

    def seconds_left(self, done: int, total: int) -> float | None:
        """None until the rate can be judged (two counts, a few seconds apart)."""
        now = self._clock()
        if done <= 0:
            return None
        if self._first_done is None:
            self._first_done = (now, done)  # warm-up (a model loading) is not the rate
            return None
        since, at = self._first_done
        if done <= at or now - since < 2.0:
            return None
        rate = (done - at) / (now - since)
        return max(total - done, 0) / rate
