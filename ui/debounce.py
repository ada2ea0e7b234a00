"""One debounce for every "after typing" job: fire once edits pause, and at least every so often while they don't."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal


class Debouncer(QObject):
    """``timeout`` fires delay_ms after the last poke(), or max_wait_ms after the first unanswered one.

    A plain restarting timer would wait forever on a typist who never pauses; the second timer is
    started by the first poke and not restarted by later ones.
    """

    timeout = Signal()

    def __init__(self, delay_ms: int, max_wait_ms: int, parent: QObject | None = None):
        super().__init__(parent)
        self.delay_ms = delay_ms
        self.delay = QTimer(self, singleShot=True, interval=delay_ms)
        self.max_wait = QTimer(self, singleShot=True, interval=max_wait_ms)
        self.delay.timeout.connect(self._fire)
        self.max_wait.timeout.connect(self._fire)

    def poke(self, delay_ms: int | None = None) -> None:
        self.delay.start(self.delay_ms if delay_ms is None else delay_ms)
        if not self.max_wait.isActive():
            self.max_wait.start()

    def cancel(self) -> None:
        self.delay.stop()
        self.max_wait.stop()

    def isActive(self) -> bool:  # noqa: N802 - reads like the QTimer it replaces
        return self.delay.isActive() or self.max_wait.isActive()

    def _fire(self) -> None:
        self.cancel()
        self.timeout.emit()
