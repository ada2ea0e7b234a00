"""Autosave: commit at most one second after typing stops, at once when asked; never lose an edit."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from models.store import StoreError

DELAY_MS = 1000
RETRY_MS = 5000  # after a failed save, try again this often even without new typing


class Autosaver(QObject):
    """Debounces saves; a StoreError keeps the edit pending so the next change or flush retries."""

    saved = Signal(str)  # HH:MM:SS
    failed = Signal(str)  # the StoreError's Chinese message

    def __init__(self, save: Callable[[], None], parent: QObject | None = None, delay_ms: int = DELAY_MS):
        super().__init__(parent)
        self._save = save
        self._dirty = False
        self.delay_ms = delay_ms
        self.retry_ms = RETRY_MS
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.flush)

    @property
    def dirty(self) -> bool:
        return self._dirty

    def schedule(self) -> None:
        """Something changed: save once typing has paused."""
        self._dirty = True
        self.timer.start(self.delay_ms)

    def discard(self) -> None:
        """Forget pending work (the report it belonged to is gone)."""
        self._dirty = False
        self.timer.stop()

    def flush(self, force: bool = False) -> bool:
        """Save now if anything is pending (or ``force``); True when everything is on disk."""
        self.timer.stop()
        if not (self._dirty or force):
            return True
        try:
            self._save()
        except StoreError as e:
            self._dirty = True
            self.timer.start(self.retry_ms)
            self.failed.emit(str(e))
            return False
        self._dirty = False
        self.saved.emit(_dt.datetime.now().strftime("%H:%M:%S"))
        return True
