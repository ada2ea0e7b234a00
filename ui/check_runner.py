"""检查 while the author types, in the typesetting worker's process: the window keeps answering keys.

On a 143-page report the checks take ~100 ms of Python. Run on the window's thread after each pause in typing
they stalled it that long; run on a thread of the window's process they still stalled it 100–240 ms (they share
the interpreter lock with painting the preview). The worker is another process: the window only pickles a
snapshot of the report (taken between edits, so no half-made change is read) and shows the answer. One
request at a time: a request made while one is out waits and replaces any request still waiting (only the
newest text matters); the worker runs it after the typesetting jobs before it.
"""

from __future__ import annotations

import pickle
import threading

from PySide6.QtCore import QObject, Qt, Signal


class _Carrier(QObject):
    """Carries an answer from the worker's reading thread to the window's thread (a queued signal)."""

    answered = Signal(int, object)


class BackgroundChecks(QObject):
    """``run(report, facts, settings)`` checks a snapshot in the worker; ``done(seq, findings)`` answers on the
    window's thread (``findings`` is None if the worker could not: the caller checks on its own thread)."""

    done = Signal(int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._carrier = _Carrier()  # no parent: an answer after the panel is gone finds no one, harmlessly
        self._carrier.answered.connect(self._answered, Qt.ConnectionType.QueuedConnection)
        self._lock = threading.Lock()
        self._busy = False
        self._waiting: tuple[int, bytes] | None = None
        self._seq = 0
        self._last_blob: bytes | None = None  # the newest snapshot asked for: the same again is not checked twice

    def run(self, report, facts, settings) -> int:
        """Check a snapshot of ``report`` soon; returns the request's number (answers come in that order), or 0
        when this very snapshot was the last one sent (its answer is on its way, or shown)."""
        blob = pickle.dumps((report, facts, settings), protocol=pickle.HIGHEST_PROTOCOL)
        with self._lock:
            if blob == self._last_blob:
                return 0  # the newest request (sent or waiting) is this very snapshot
            self._seq += 1
            self._last_blob = blob
            if self._busy:
                self._waiting = (self._seq, blob)
                return self._seq
            self._busy = True
        self._send(self._seq, blob)
        return self._seq

    def forget(self) -> None:
        """A check was made on the window's thread: a request still waiting is older than it (not sent), and the
        next snapshot is checked even if it is the same as the last one sent."""
        with self._lock:
            self._waiting = None
            self._last_blob = None

    def warm(self) -> None:
        """Have the worker import the checks and compile the proofreader's rules now (~0.8 s there, once), so the
        first check while typing is not a cold one; the answer is not wanted."""
        from export import preview_job
        from export.worker import _executor
        from models.report import warm_up_report

        try:
            _executor().submit(preview_job, "check_report", pickle.dumps((warm_up_report(), None, None)))
        except (RuntimeError, OSError):
            pass  # no worker: the window checks itself

    def last_request(self) -> int:
        return self._seq

    def busy(self) -> bool:
        with self._lock:
            return self._busy

    def _send(self, seq: int, blob: bytes) -> None:
        from export import preview_job
        from export.worker import _executor

        try:
            answer = _executor().submit(preview_job, "check_report", blob)
        except (RuntimeError, OSError):  # no worker can be started: the window checks itself
            self._finished(seq, None)
            return
        answer.add_done_callback(lambda a: self._finished(seq, _outcome(a)))

    def _finished(self, seq: int, findings) -> None:
        """On the worker's reading thread (or here): hand the answer over, then send what waited. With no answer
        (the worker died) nothing more is sent from here: the window checks itself, and restarting the worker
        is the typesetter's business."""
        try:
            self._carrier.answered.emit(seq, findings)
        except RuntimeError:  # the window is gone: start nothing more
            return
        with self._lock:
            nxt, self._waiting = (None if findings is None else self._waiting), None
            self._busy = nxt is not None
            if findings is None:
                self._last_blob = None
        if nxt is not None:
            self._send(*nxt)

    def _answered(self, seq: int, findings) -> None:
        self.done.emit(seq, findings)


def _outcome(answer):
    try:
        findings = answer.result()
    except Exception:  # noqa: BLE001 - the worker died or failed: answered with None, the window checks itself
        return None
    return findings if isinstance(findings, list) else None
