"""检查 while the author types, on a thread of its own: the window keeps answering keys.

On a 143-page report the checks take ~100 ms of Python; run on the window's thread after each pause in typing
they stalled it that long (the target is 50 ms). Here they run on a snapshot of the report (a pickle, taken on
the window's thread between edits, so no half-made change is read) on one daemon thread; the interpreter lock is
handed back every few milliseconds, so keys and paints go on meanwhile. One run at a time: a request made while
one runs waits for it and replaces any request still waiting (only the newest text matters).
"""

from __future__ import annotations

import pickle
import threading

from PySide6.QtCore import QObject, Qt, Signal


class _Carrier(QObject):
    """Carries an answer from the thread to the window's thread (a queued signal)."""

    answered = Signal(int, object)


class BackgroundChecks(QObject):
    """``run(report, facts, settings)`` checks a snapshot on a thread; ``done(seq, findings)`` answers on the
    window's thread (``findings`` is None if the checks failed: the caller checks again on its own thread)."""

    done = Signal(int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._carrier = _Carrier()  # no parent: an answer after the panel is gone finds no one, harmlessly
        self._carrier.answered.connect(self._answered, Qt.ConnectionType.QueuedConnection)
        self._lock = threading.Lock()
        self._busy = False
        self._waiting: tuple[int, bytes] | None = None
        self._seq = 0

    def run(self, report, facts, settings) -> int:
        """Check a snapshot of ``report`` soon; returns the request's number (answers come in that order)."""
        self._seq += 1
        blob = pickle.dumps((report, facts, settings), protocol=pickle.HIGHEST_PROTOCOL)
        with self._lock:
            if self._busy:
                self._waiting = (self._seq, blob)
                return self._seq
            self._busy = True
        self._start(self._seq, blob)
        return self._seq

    def last_request(self) -> int:
        return self._seq

    def busy(self) -> bool:
        with self._lock:
            return self._busy

    def _start(self, seq: int, blob: bytes) -> None:
        threading.Thread(target=self._work, args=(seq, blob), name="tianbao-checks", daemon=True).start()

    def _work(self, seq: int, blob: bytes) -> None:
        try:
            from models.checks import run_checks

            findings = run_checks(*pickle.loads(blob))
        except Exception:  # noqa: BLE001 - answered with None: the window checks again itself and shows why
            findings = None
        try:
            self._carrier.answered.emit(seq, findings)
        except RuntimeError:  # the window is gone
            return
        with self._lock:
            nxt, self._waiting = self._waiting, None
            self._busy = nxt is not None
        if nxt is not None:
            self._start(*nxt)

    def _answered(self, seq: int, findings) -> None:
        self.done.emit(seq, findings)
