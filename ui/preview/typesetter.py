"""One background typesetting service: each burst of edits is laid out once, in a worker process.

The preview shows the PDF and the 检查 panel takes the typesetting facts from the same run. A
process, not a thread: Qt's layout of hundreds of item cards calls back into Python, and each
call would wait for a typesetting thread to let go of the interpreter lock (seconds in all).
"""

from __future__ import annotations

import atexit
import pickle
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ui.debounce import Debouncer

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

# The worker is another process, so typesetting never holds up typing: a job starts on the next turn of
# the event loop (a burst of signals from one edit is one job), and edits made while it runs are laid
# out together right after it. Measured (bench/run.py): the 600 ms wait was most of the preview's lag.
DEBOUNCE_MS = 0
MAX_WAIT_MS = 2500  # the preview and 检查 still follow a typist who never pauses

# The worker yields the processor to the window: while both want it (the worker loading fonts as the window is
# built, typesetting while the author types) the window gets about three quarters of it; on a free core this
# changes nothing. Measured on a shared 2-CPU VM: 5 and 10 start the window alike; 10 also slows the worker
# against other programs.
WORKER_NICE = 5

_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.RLock()  # the pool is made by the warm-up thread or by the window, whichever is first


def _executor() -> ProcessPoolExecutor:
    """The one worker process of this program, started on first use and shared by every window."""
    global _pool
    with _pool_lock:
        if _pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            from export.lifeline import start_worker

            # spawn: a forked copy of a process running Qt threads is not safe (and Windows has no fork).
            # start_worker lowers the worker's priority and makes it leave if this process dies uncleanly.
            _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=start_worker, initargs=(WORKER_NICE,))
            atexit.register(_discard_pool, wait=True)
        return _pool


def _discard_pool(wait: bool = False) -> None:
    """Stop the worker; at exit wait for it, so its semaphores are released and nothing is reported leaked."""
    global _pool
    with _pool_lock:
        if _pool is not None:
            _pool.shutdown(wait=wait, cancel_futures=True)
        _pool = None


def _prepare() -> None:
    from export import preview_job

    _executor().submit(preview_job, "prepare")


def warm_up(background: bool = True) -> None:
    """Start the worker before it is needed, so the first preview does not wait for its start-up: it
    imports the layout and reportlab and loads the fonts while the window is being built.

    In the background: starting a process (its pipes, the resource tracker, the executor's thread) took
    ~25 ms of the window's start-up; a thread does it while the window's modules are imported."""
    if background:
        threading.Thread(target=_prepare, name="tianbao-warm-up", daemon=True).start()
    else:
        _prepare()


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
        from concurrent.futures.process import BrokenProcessPool

        from export import preview_job

        signals = self._signals
        try:
            future = _executor().submit(preview_job, "render_pages", run, list(indices))
        except (BrokenProcessPool, RuntimeError):
            return  # the next typesetting run restarts the worker and draws what is shown

        def finished(f: Future) -> None:
            try:
                outcome = f.result()
            except Exception:  # noqa: BLE001 - the next run redraws; a failure here is not worth a message
                return
            if not isinstance(outcome, str):
                signals.pages.emit(outcome)

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
        from concurrent.futures.process import BrokenProcessPool

        from export import preview_job

        self._timer.cancel()
        # Pickled here, on the UI thread between edits: the job never sees a half-made change (and a
        # pickle is several times faster than the deep copy it replaces, and is what the worker needs).
        blob, self._pending = pickle.dumps(self._pending, protocol=pickle.HIGHEST_PROTOCOL), None
        if blob == self._last_blob:
            return  # the text is what the last run laid out (e.g. reportChanged after the edit's own run)
        self._last_blob = blob
        self._busy = True
        self._generation += 1
        self.started.emit()
        generation, signals = self._generation, self._signals
        visible = list(self.visible())
        try:
            future = _executor().submit(preview_job, "typeset_for_preview", blob, visible)
        except (BrokenProcessPool, RuntimeError):
            _discard_pool()
            future = _executor().submit(preview_job, "typeset_for_preview", blob, visible)

        def finished(f: Future) -> None:  # runs on the executor's thread; signals cross to the UI thread
            try:
                outcome = f.result()
            except BrokenProcessPool:
                _discard_pool()
                signals.failed.emit(generation, "排版进程意外退出，已重新启动，请稍候")
                return
            except Exception as e:  # noqa: BLE001 - a bug in the worker must reach the user as a message
                signals.failed.emit(generation, f"内部错误：{e.__class__.__name__}: {e}")
                return
            if isinstance(outcome, str):
                signals.failed.emit(generation, outcome)
            else:
                signals.done.emit(generation, outcome)

        future.add_done_callback(finished)

    def _finish(self) -> None:
        self._busy = False
        if self._pending is not None and not self._timer.isActive():
            self._start()

    def _on_done(self, generation: int, result) -> None:
        if generation == self._generation:
            # Newer than what is shown, even if more edits are queued: a steady typist still sees progress.
            self.ready.emit(result)
        self._finish()

    def _on_failed(self, generation: int, message: str) -> None:
        self._last_blob = None  # the same text is tried again on the next edit
        if generation == self._generation:
            self.failed.emit(message)
        self._finish()
