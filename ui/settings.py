"""Window settings live in an INI file under the config folder, so tests can point it elsewhere."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from models.paths import config_dir


def make_settings() -> QSettings:
    folder = config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat)
