"""The PySide6 workstation. No business rules here.

Everything it does can be scripted from `reviewer` without the GUI.
"""

from __future__ import annotations

from ui._none_guard import pin_none

pin_none()
