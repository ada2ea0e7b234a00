"""Start-up work the first screen does not need, run once the window has been painted.

The window is shown with the open report's text first; checking it (the first check compiles the
proofreader's rules, ~50 ms) waits until the user sees the window, and is done before the user could
read the 检查 panel.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer

# A window that is never painted (built but not shown, e.g. in a test) still runs its deferred work.
FALLBACK_MS = 400


class AfterFirstPaint(QObject):
    """``add(fn)``: run ``fn`` on the event loop's next turn after the window's first paint."""

    def __init__(self, window):
        super().__init__(window)
        self._window = window
        self._jobs: list[Callable[[], None]] = []
        self._done = False
        self.cancelled = False
        window.installEventFilter(self)
        self._fallback = QTimer(self)
        self._fallback.setSingleShot(True)
        self._fallback.setInterval(FALLBACK_MS)
        self._fallback.timeout.connect(self._run)

    def add(self, fn: Callable[[], None]) -> None:
        if self.cancelled:
            return
        if self._done:
            QTimer.singleShot(0, fn)
            return
        self._jobs.append(fn)
        if not self._fallback.isActive():
            self._fallback.start()

    def cancel(self) -> None:
        """The window closes: what was deferred is no longer wanted (its store may be closed next)."""
        self._jobs = []
        self._done = self.cancelled = True
        self._fallback.stop()
        self._window.removeEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if obj is self._window and event.type() in (QEvent.Type.Paint, QEvent.Type.UpdateRequest):
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self._run)  # after this paint has reached the screen
        return False

    def _run(self) -> None:
        if self._done:
            return
        self._done = True
        self._fallback.stop()
        self._window.removeEventFilter(self)
        jobs, self._jobs = self._jobs, []
        for fn in jobs:
            fn()


def preload_pdfium() -> None:
    """The preview's first page is rendered with PDFium: import it (~20 ms) while the worker lays that page out,
    not when the page arrives."""
    import pypdfium2  # noqa: F401
