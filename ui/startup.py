"""Start-up work the first screen does not need, run once the window has been painted.

The window is shown with the open report's text first; checking it (the first check compiles the
proofreader's rules, ~50 ms) waits until the user sees the window, and is done before the user could
read the 检查 panel.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal

# A window that is never painted (built but not shown, e.g. in a test) still runs its deferred work.
FALLBACK_MS = 400
FIRST_PAGE_WAIT_MS = 1500  # the checks' warm-up waits at most this long for the preview's first page


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


class _Ready(QObject):
    done = Signal()


def warm_checks(then: Callable[[], None]) -> None:
    """Import the checks and compile the proofreader's rules (~65 ms, once) on a thread, then call ``then`` on the
    window's thread. The interpreter lock is handed back every few milliseconds, so the window keeps answering
    (and paints the preview's first page) meanwhile; the check itself then takes ~2 ms."""
    ready = _Ready()
    ready.done.connect(then, Qt.ConnectionType.QueuedConnection)

    def work() -> None:
        try:
            from models.checks import run_checks
            from models.report import warm_up_report

            run_checks(warm_up_report(), None, None)  # a few words of each kind of field: every rule set is compiled
        except Exception:  # noqa: BLE001 - only a warm-up: the real check reports what is wrong
            pass
        try:
            ready.done.emit()
        except RuntimeError:  # the window was closed meanwhile and its objects deleted: nobody to tell
            pass

    warm_checks.pending = ready  # type: ignore[attr-defined] - kept alive until it has answered
    threading.Thread(target=work, name="tianbao-warm-checks", daemon=True).start()


def after_first_page(preview, typesetter, fn: Callable[[], None], limit_ms: int = FIRST_PAGE_WAIT_MS) -> None:
    """Run ``fn`` once the preview's first page is on screen: at once if the preview is hidden or shows a page
    already, else when the typesetter answers (or fails), after ``limit_ms`` at most. The checks' warm-up
    shares the interpreter lock with the window's thread: started together, it held the first page back by
    ~100 ms (bench/run.py --startup: 220 → 130 ms)."""
    if not preview.isVisible() or preview.result is not None:
        fn()
        return
    timer = QTimer(preview)
    timer.setSingleShot(True)
    fired = []

    def once(*_args) -> None:
        if fired:
            return
        fired.append(True)
        timer.stop()
        for signal in (typesetter.ready, typesetter.failed):
            try:
                signal.disconnect(once)
            except (RuntimeError, TypeError):
                pass
        QTimer.singleShot(0, fn)  # after the page's own paint

    typesetter.ready.connect(once)
    typesetter.failed.connect(once)
    timer.timeout.connect(once)
    timer.start(limit_ms)
