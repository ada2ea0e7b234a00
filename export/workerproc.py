"""The preview's worker process itself: runs the jobs export/worker.py sends until its stdin ends.

Messages both ways are a length (8 bytes, little-endian), a job number (8 bytes), then a pickle: in, the
function and its arguments; out, (True, value) or (False, exception). A thread takes the jobs off the pipe
as they arrive, so the window never waits to hand one over; they run one at a time, in order. When the
window's process ends, however it ends, the pipe ends with it and the worker leaves at once.
"""

from __future__ import annotations

import os
import pickle
import queue
import signal
import sys
import threading

from export.worker import FRAME, _read_exact, header


def serve(nice: int = 0) -> None:
    """Run jobs until stdin ends; then leave at once (the worker holds nothing that needs saving)."""
    if nice and hasattr(os, "nice"):  # Windows has no nice: the worker is not lowered there
        try:
            os.nice(nice)
        except OSError:
            pass
    # Ctrl+C in the terminal that started the window reaches the worker too: the window decides, the worker
    # leaves with it (its stdin ends) instead of printing a KeyboardInterrupt and being restarted.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    jobs_in = os.fdopen(_binary(os.dup(0)), "rb")
    answers = os.fdopen(_binary(os.dup(1)), "wb")
    # What the jobs print goes to stderr (or nowhere, in a windowed build without one): stdout is the answers'
    # pipe and a stray line would garble it.
    try:
        os.dup2(2, 1)
    except OSError:
        _to_devnull(1, os.O_WRONLY)
    _to_devnull(0, os.O_RDONLY)
    jobs: queue.SimpleQueue = queue.SimpleQueue()
    threading.Thread(target=_take, args=(jobs_in, jobs), name="tianbao-jobs-in", daemon=True).start()
    while (body := jobs.get()) is not None:
        job = FRAME.unpack_from(body)[0]
        try:
            fn, args = pickle.loads(memoryview(body)[FRAME.size:])
            del body
            reply = (True, fn(*args))
        except Exception as e:  # noqa: BLE001 - the window reports it; the worker goes on
            reply = (False, e)
        try:
            data = pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as e:  # noqa: BLE001 - an answer that cannot be pickled is still an answer
            data = pickle.dumps((False, RuntimeError(f"{e.__class__.__name__}: {e}")))
        try:
            answers.write(header(job, data))
            answers.write(data)
            answers.flush()
        except OSError:
            break  # the window is gone
    sys.stderr.flush()
    os._exit(0)


def _binary(fd: int) -> int:
    """On Windows a descriptor may translate line ends (text mode): the pickles must cross byte for byte."""
    if sys.platform == "win32":
        import msvcrt

        msvcrt.setmode(fd, os.O_BINARY)
    return fd


def _to_devnull(fd: int, mode: int) -> None:
    null = os.open(os.devnull, mode)
    os.dup2(null, fd)
    os.close(null)


def _take(pipe, jobs: queue.SimpleQueue) -> None:
    try:
        while True:
            head = _read_exact(pipe, FRAME.size)
            jobs.put(_read_exact(pipe, FRAME.unpack(head)[0]))
    except (EOFError, OSError):
        # The window stopped the worker or is gone: what is queued or running is no longer wanted, and every
        # file the worker writes (font caches) is written whole or not at all.
        os._exit(0)
    jobs.put(None)
