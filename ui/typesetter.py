"""One background typesetting service: each burst of edits is laid out once, off the UI thread.

The preview shows the PDF and the 检查 panel takes the typesetting facts from the same run.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

DEBOUNCE_MS = 600


class _Signals(QObject):
    done = Signal(int, bytes, object, object)
    failed = Signal(int, str)


class _Job(QRunnable):
    """Typesets a private copy of the report so edits never race the renderer."""

    def __init__(self, generation: int, report, signals: _Signals):
        super().__init__()
        self.generation, self.report, self.signals = generation, report, signals

    def run(self) -> None:
        from export.errors import ExportError
        from export.facts import facts_from_result
        from export.pdf import render_pdf_bytes

        try:
            data, result = render_pdf_bytes(self.report)
            facts = facts_from_result(self.report, result)
        except ExportError as e:
            self.signals.failed.emit(self.generation, str(e))
            return
        self.signals.done.emit(self.generation, data, result, facts)


class Typesetter(QObject):
    """schedule(report) after edits; ready(pdf_bytes, ExportResult, TypesetFacts) when done."""

    ready = Signal(bytes, object, object)
    failed = Signal(str)
    started = Signal()

    def __init__(self, parent: QObject | None = None, debounce_ms: int = DEBOUNCE_MS):
        super().__init__(parent)
        self._pending = None
        self._busy = False
        self._generation = 0
        # No parent: a running job keeps its carrier alive even if the window is gone by then.
        self._signals = _Signals()
        self._signals.done.connect(self._on_done)
        self._signals.failed.connect(self._on_failed)
        self._timer = QTimer(self, singleShot=True, interval=debounce_ms)
        self._timer.timeout.connect(self._start)

    def schedule(self, report) -> None:
        self._pending = copy.deepcopy(report)
        self._timer.start()

    def run_now(self, report) -> None:
        self._pending = copy.deepcopy(report)
        self._timer.stop()
        self._start()

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Drop pending work and wait for a running job, so nothing outlives the window."""
        self._pending = None
        self._timer.stop()
        QThreadPool.globalInstance().waitForDone(timeout_ms)

    def idle(self) -> bool:
        return not self._busy and self._pending is None and not self._timer.isActive()

    def _start(self) -> None:
        if self._busy or self._pending is None:
            return  # _finish starts the next one
        self._busy = True
        self._generation += 1
        report, self._pending = self._pending, None
        self.started.emit()
        QThreadPool.globalInstance().start(_Job(self._generation, report, self._signals))

    def _finish(self) -> None:
        self._busy = False
        if self._pending is not None and not self._timer.isActive():
            self._start()

    def _on_done(self, generation: int, data: bytes, result, facts) -> None:
        self._busy = False
        if self._pending is None:  # only the newest text is worth showing
            self.ready.emit(data, result, facts)
        self._finish()

    def _on_failed(self, generation: int, message: str) -> None:
        self._busy = False
        self.failed.emit(message)
        self._finish()
