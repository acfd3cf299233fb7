"""Long work says how far it is and how long is left."""

from __future__ import annotations

from ui.progress_text import ProgressClock, time_left


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_counts_then_time_left_once_the_rate_is_known() -> None:
    clock = FakeClock()
    progress = ProgressClock(clock)
    clock.now = 30.0  # warm-up: the model loads before the first record
    assert progress.text(0, 1000, "Scanning") == "Scanning · 0 of 1,000"
    assert progress.text(10, 1000, "Scanning") == "Scanning · 10 of 1,000"
    clock.now = 40.0  # 100 more in 10 s: 10 a second, 890 left: 89 s
    assert progress.text(110, 1000, "Scanning") == "Scanning · 110 of 1,000 · about 1 min left"


def test_no_total_shows_the_count() -> None:
    assert ProgressClock().text(42, None) == "42 done"


def test_time_left_rounds() -> None:
    assert time_left(3) == "about 5 s"
    assert time_left(42) == "about 40 s"
    assert time_left(150) == "about 2 min"
    assert time_left(4800) == "about 1 h 20 min"
