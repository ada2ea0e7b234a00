"""One background typesetting service: each burst of edits is laid out once, in a worker process.

The preview shows the PDF and the 检查 panel takes the typesetting facts from the same run. A
process, not a thread: Qt's layout of hundreds of item cards calls back into Python, and each
call would wait for a typesetting thread to let go of the interpreter lock (seconds in all).
"""

from __future__ import annotations

import atexit
import copy
import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from PySide6.QtCore import QObject, Signal

from ui.debounce import Debouncer

DEBOUNCE_MS = 600
MAX_WAIT_MS = 2500  # the preview and 检查 still follow a typist who never pauses

_pool: ProcessPoolExecutor | None = None


def _executor() -> ProcessPoolExecutor:
    """The one worker process of this program, started on first use and shared by every window."""
    global _pool
    if _pool is None:
        # spawn: a forked copy of a process running Qt threads is not safe (and Windows has no fork).
        _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        atexit.register(_discard_pool, wait=True)
    return _pool


def _discard_pool(wait: bool = False) -> None:
    """Stop the worker; at exit wait for it, so its semaphores are released and nothing is reported leaked."""
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=wait, cancel_futures=True)
    _pool = None


def warm_up() -> None:
    """Start the worker before it is needed, so the first preview does not wait for its start-up."""
    from export.fonts import get_fontset

    _executor().submit(get_fontset)


class _Signals(QObject):
    done = Signal(int, object)
    failed = Signal(int, str)


class Typesetter(QObject):
    """schedule(report) after edits; ready(PreviewResult) when done, failed(message) if it could not be."""

    ready = Signal(object)
    failed = Signal(str)
    started = Signal()

    def __init__(self, parent: QObject | None = None, debounce_ms: int = DEBOUNCE_MS):
        super().__init__(parent)
        self._pending = None
        self._busy = False
        self._generation = 0
        # No parent: a finishing job keeps its carrier alive even if the window is gone by then.
        self._signals = _Signals()
        self._signals.done.connect(self._on_done)
        self._signals.failed.connect(self._on_failed)
        self._timer = Debouncer(debounce_ms, MAX_WAIT_MS, self)
        self._timer.timeout.connect(self._start)

    def schedule(self, report) -> None:
        """Typeset ``report`` soon; it is copied when the job starts, so a burst of edits costs one copy."""
        self._pending = report
        self._timer.poke()

    def run_now(self, report) -> None:
        self._pending = report
        self._timer.cancel()
        self._start()

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
        from export.preview import typeset_for_preview

        self._timer.cancel()
        self._busy = True
        self._generation += 1
        # Copied here, on the UI thread between edits: the job never sees a half-made change.
        report, self._pending = copy.deepcopy(self._pending), None
        self.started.emit()
        generation, signals = self._generation, self._signals
        try:
            future = _executor().submit(typeset_for_preview, report)
        except (BrokenProcessPool, RuntimeError):
            _discard_pool()
            future = _executor().submit(typeset_for_preview, report)

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
        if generation == self._generation:
            self.failed.emit(message)
        self._finish()
