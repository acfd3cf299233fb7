"""Work around a shiboken6 6.12 reference-count bug on Python 3.11.

Every PySide6 call that returns None (setData, setText, ...) drops one reference to `None`
without taking one, so after some tens of thousands of calls CPython 3.11 aborts with
"none_dealloc: deallocating None". Python 3.12+ makes None immortal, so there it is harmless.
Until PySide6 is fixed we give None a very large reference count once, at import.
"""

from __future__ import annotations

import ctypes
import sys

_PINNED = 1 << 40


def pin_none() -> None:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    refcount = ctypes.c_ssize_t.from_address(id(None))
    if refcount.value < _PINNED:
        refcount.value += _PINNED
