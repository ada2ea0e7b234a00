"""Autosave: commit at most one second after typing stops, at once when asked; never lose an edit."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from models.store import StoreError
from ui.debounce import Debouncer

DELAY_MS = 1000
MAX_WAIT_MS = 3000  # steady typing with no pause still reaches the disk this often
RETRY_MS = 5000  # after a failed save, try again this often even without new typing


class Autosaver(QObject):
    """Debounces saves; a StoreError keeps the edit pending so the next change or flush retries."""

    saved = Signal(str)  # HH:MM:SS
    failed = Signal(str)  # the StoreError's Chinese message

    def __init__(self, save: Callable[[], None], parent: QObject | None = None, delay_ms: int = DELAY_MS,
                 max_wait_ms: int = MAX_WAIT_MS):
        super().__init__(parent)
        self._save = save
        self._dirty = False
        self.delay_ms = delay_ms
        self.retry_ms = RETRY_MS
        self.timer = Debouncer(delay_ms, max_wait_ms, self)
        self.timer.timeout.connect(self.flush)

    @property
    def dirty(self) -> bool:
        return self._dirty

    def schedule(self) -> None:
        """Something changed: save once typing has paused."""
        self._dirty = True
        self.timer.poke()

    def discard(self) -> None:
        """Forget pending work (the report it belonged to is gone)."""
        self._dirty = False
        self.timer.cancel()

    def flush(self, force: bool = False) -> bool:
        """Save now if anything is pending (or ``force``); True when everything is on disk."""
        self.timer.cancel()
        if not (self._dirty or force):
            return True
        try:
            self._save()
        except StoreError as e:
            self._dirty = True
            self.timer.poke(self.retry_ms)
            self.failed.emit(str(e))
            return False
        self._dirty = False
        self.saved.emit(_dt.datetime.now().strftime("%H:%M:%S"))
        return True
