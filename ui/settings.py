"""Per-user settings (QSettings): the reviewer's identity and role, window layout, last collection.

Tests point QSettings at a temporary folder with `use_settings_folder`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "records-reviewer"
APPLICATION = "Records Reviewer"
ROLES = ("appraiser", "sensitivity", "qa")


@dataclass(frozen=True)
class Identity:
    """Who is reviewing; stamped on every decision."""

    name: str
    role: str

    def label(self) -> str:
        return f"{self.name} ({self.role})"


def use_settings_folder(folder: Path) -> None:
    """Keep settings as INI files under `folder` (tests, portable installs)."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


def settings() -> QSettings:
    return QSettings(
        QSettings.defaultFormat(), QSettings.Scope.UserScope, ORGANISATION, APPLICATION
    )


def load_identity() -> Identity | None:
    s = settings()
    name = str(s.value("identity/name", "") or "").strip()
    role = str(s.value("identity/role", "") or "")
    if not name or role not in ROLES:
        return None
    return Identity(name, role)


def save_identity(identity: Identity) -> None:
    s = settings()
    s.setValue("identity/name", identity.name)
    s.setValue("identity/role", identity.role)
    s.sync()


def save_bytes(key: str, value: QByteArray) -> None:
    s = settings()
    s.setValue(key, value)
    s.sync()


def load_bytes(key: str) -> QByteArray | None:
    value = settings().value(key)
    return value if isinstance(value, QByteArray) else None


def save_text(key: str, value: str) -> None:
    s = settings()
    s.setValue(key, value)
    s.sync()


def load_text(key: str, default: str = "") -> str:
    return str(settings().value(key, default) or default)
