"""One background typesetting service: each burst of edits is laid out once, in a worker process.

The preview shows the PDF and the 检查 panel takes the typesetting facts from the same run. A
process, not a thread: Qt's layout of hundreds of item cards calls back into Python, and each
call would wait for a typesetting thread to let go of the interpreter lock (seconds in all).
"""

from __future__ import annotations

import pickle
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from export.worker import WorkerBroken, _discard_pool, _executor
from ui.debounce import Debouncer

if TYPE_CHECKING:
    from export.worker import Answer

# The worker is another process, so typesetting never holds up typing: a job starts on the next turn of
# the event loop (a burst of signals from one edit is one job), and edits made while it runs are laid
# out together right after it. Measured (bench/run.py): the 600 ms wait was most of the preview's lag.
DEBOUNCE_MS = 0
MAX_WAIT_MS = 2500  # the preview and 检查 still follow a typist who never pauses

WORKER_RESTARTED = "排版进程意外退出，已重新启动，请稍候"
MAX_RESTARTS = 2

_prefetched: dict[bytes, Answer] = {}  # the report the window opens with, typeset before the window exists


def prefetch(report) -> None:
    """Send the report the window is about to open to the worker now, while the window is still being built
    (~50 ms before its first typesetting run would start): the first Typesetter run of the very same text takes
    this job's answer instead of sending another."""
    from export import preview_job

    blob = pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL)
    try:
        future = _executor().submit(preview_job, "typeset_for_preview", blob, [0])
    except (RuntimeError, OSError):
        return  # only a head start: the window's own first run starts the worker again, or says what is wrong
    _prefetched.clear()
    _prefetched[blob] = future


def _send(signal, *args) -> None:
    """Emit from the worker's answering thread: the window may have closed meanwhile, deleting its signals."""
    try:
        signal.emit(*args)
    except RuntimeError:  # "Signal source has been deleted": nobody is left to tell
        pass


class _Signals(QObject):
    done = Signal(int, object)
    failed = Signal(int, str)
    pages = Signal(object)


class Typesetter(QObject):
    """schedule(report) after edits; ready(PreviewResult) when done, failed(message) if it could not be."""

    ready = Signal(object)
    failed = Signal(str)
    started = Signal()
    pagesReady = Signal(object)  # PagesResult: pages drawn on request (scrolled into view)

    def __init__(self, parent: QObject | None = None, debounce_ms: int = DEBOUNCE_MS):
        super().__init__(parent)
        self._pending = None
        self._busy = False
        self._generation = 0
        # No parent: a finishing job keeps its carrier alive even if the window is gone by then.
        self._signals = _Signals()
        self._signals.done.connect(self._on_done)
        self._signals.failed.connect(self._on_failed)
        self._signals.pages.connect(self.pagesReady)
        self.visible = lambda: [0]  # 0-based pages to draw with each run (the preview sets this)
        self._last_blob: bytes | None = None
        self._running = None  # the report of the run under way
        self._restarts = 0  # worker restarts since the last good run (a report that kills it is not retried forever)
        self._timer = Debouncer(debounce_ms, MAX_WAIT_MS, self)
        self._timer.timeout.connect(self._start)

    def schedule(self, report) -> None:
        """Typeset ``report`` soon; it is copied when the job starts, so a burst of edits costs one copy."""
        self._pending = report
        self._timer.poke()

    def run_now(self, report) -> None:
        self._pending = report
        self._last_blob = None  # typeset even if the text is the same (another report was shown)
        self._timer.cancel()
        self._start()

    def render(self, run: int, indices: list[int]) -> None:
        """Draw more pages of the layout ``run`` in the worker; pagesReady answers."""
        from export import preview_job

        signals = self._signals
        try:
            future = _executor().submit(preview_job, "render_pages", run, list(indices))
        except (RuntimeError, OSError):
            return  # the next typesetting run restarts the worker and draws what is shown

        def finished(f: Answer) -> None:
            try:
                outcome = f.result()
            except Exception:  # noqa: BLE001 - the next run redraws; a failure here is not worth a message
                return
            if not isinstance(outcome, str):
                _send(signals.pages, outcome)

        future.add_done_callback(finished)

    def shutdown(self) -> None:
        """Drop pending work; a running job's answer is then ignored."""
        self._pending = None
        self._timer.cancel()
        self._generation += 1

    def idle(self) -> bool:
        return not self._busy and self._pending is None and not self._timer.isActive()

    def _start(self) -> None:
        if self._busy or self._pending is None:
            return  # _finish starts the next one
        from export import preview_job

        self._timer.cancel()
        # Pickled here, on the UI thread between edits: the job never sees a half-made change (and a
        # pickle is several times faster than the deep copy it replaces, and is what the worker needs).
        self._running = self._pending  # typeset again if the worker dies on it (_on_failed)
        blob, self._pending = pickle.dumps(self._pending, protocol=pickle.HIGHEST_PROTOCOL), None
        if blob == self._last_blob:
            return  # the text is what the last run laid out (e.g. reportChanged after the edit's own run)
        self._last_blob = blob
        self._busy = True
        self._generation += 1
        self.started.emit()
        generation, signals = self._generation, self._signals
        visible = list(self.visible())
        # The same text as prefetched: its answer (page 1 drawn; the preview asks for any other page it shows).
        future = _prefetched.pop(blob, None)
        _prefetched.clear()
        if future is None:
            try:
                future = _executor().submit(preview_job, "typeset_for_preview", blob, visible)
            except (RuntimeError, OSError):
                _discard_pool()
                try:
                    future = _executor().submit(preview_job, "typeset_for_preview", blob, visible)
                except (RuntimeError, OSError) as e:  # the worker cannot be started at all (a broken install)
                    _discard_pool()
                    self._on_failed(generation, f"无法启动排版进程（{e.__class__.__name__}: {e}），预览暂不可用；"
                                                "导出PDF不受影响")
                    return

        def finished(f: Answer) -> None:  # runs on the executor's thread; signals cross to the UI thread
            try:
                outcome = f.result()
            except WorkerBroken:  # the next job starts a new worker (export.worker._executor)
                _send(signals.failed, generation, WORKER_RESTARTED)
                return
            except Exception as e:  # noqa: BLE001 - a bug in the worker must reach the user as a message
                _send(signals.failed, generation, f"内部错误：{e.__class__.__name__}: {e}")
                return
            if isinstance(outcome, str):
                _send(signals.failed, generation, outcome)
            else:
                _send(signals.done, generation, outcome)

        future.add_done_callback(finished)

    def _finish(self) -> None:
        self._busy = False
        if self._pending is not None and not self._timer.isActive():
            self._start()

    def _on_done(self, generation: int, result) -> None:
        self._restarts = 0
        if generation == self._generation:
            # Newer than what is shown, even if more edits are queued: a steady typist still sees progress.
            self.ready.emit(result)
        self._finish()

    def _on_failed(self, generation: int, message: str) -> None:
        self._last_blob = None  # the same text is tried again on the next edit
        if generation == self._generation:
            self.failed.emit(message)
            if message == WORKER_RESTARTED and self._pending is None and self._restarts < MAX_RESTARTS:
                self._restarts += 1  # the new worker typesets the same text at once, not after the next edit
                self._pending = self._running
        self._finish()
