"""The PySide6 workstation. No business rules here: everything it does can be scripted from `reviewer`."""

from __future__ import annotations

from ui._none_guard import pin_none

pin_none()
