"""Can the window open here? Answered before Qt starts, because Qt aborts the process (a core
dump, not a message) when it finds no display or its xcb plugin cannot load."""

from __future__ import annotations

import ctypes.util
import os
import sys
from collections.abc import Mapping

HEADLESS = "QT_QPA_PLATFORM=offscreen reviewer gui --screenshot shot.png"
# Libraries Qt's xcb plugin loads beyond the usual X11 ones, with the Debian package of each.
XCB_LIBRARIES = (
    ("xcb-cursor", "libxcb-cursor0"),
    ("xcb-icccm", "libxcb-icccm4"),
    ("xcb-image", "libxcb-image0"),
    ("xcb-keysyms", "libxcb-keysyms1"),
    ("xcb-render-util", "libxcb-render-util0"),
    ("xcb-randr", "libxcb-randr0"),
    ("xcb-shape", "libxcb-shape0"),
    ("xcb-xkb", "libxcb-xkb1"),
    ("xkbcommon-x11", "libxkbcommon-x11-0"),
    ("X11-xcb", "libx11-xcb1"),
)


def missing_xcb_packages() -> list[str]:
    """Debian packages whose libraries the xcb plugin needs and the loader cannot find."""
    return [pkg for lib, pkg in XCB_LIBRARIES if ctypes.util.find_library(lib) is None]


def display_problem(
    env: Mapping[str, str] | None = None, platform: str | None = None
) -> str | None:
    """One line saying why the window cannot open here and what to run instead; None if it can."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    qpa = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip()
    if not platform.startswith("linux") or (qpa and qpa not in ("xcb", "wayland")):
        return None  # Windows, macOS, offscreen/minimal/vnc: Qt needs no X server
    has_x, has_wayland = bool(env.get("DISPLAY")), bool(env.get("WAYLAND_DISPLAY"))
    if not (has_x or has_wayland) or (qpa == "xcb" and not has_x):
        return (
            "no display to open the window on (DISPLAY is not set);"
            f" without a screen run: {HEADLESS}"
        )
    display = env.get("DISPLAY", "")
    if has_x and not has_wayland and not _x_server_listening(display):
        return (
            f"no X server answers on DISPLAY={display}; start one or, without a screen,"
            f" run: {HEADLESS}"
        )
    if has_x and qpa != "wayland" and not has_wayland:
        missing = missing_xcb_packages()
        if missing:
            return (
                "the window cannot open: Qt's X11 plugin needs "
                + " ".join(missing)
                + f" (apt-get install them); without a screen run: {HEADLESS}"
            )
    return None


def _x_server_listening(display: str) -> bool:
    """A local display (":N") has its socket; remote ones (host:N, SSH forwarding) are trusted."""
    if not display.startswith(":"):
        return True
    number = display[1:].split(".")[0]
    return not number.isdigit() or os.path.exists(f"/tmp/.X11-unix/X{number}")
