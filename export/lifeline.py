"""The preview's worker process leaves by itself when the window's process is gone.

A window killed or crashed never shuts its worker pool down, and the worker waits on its job queue
forever: the pipe never reaches end-of-file, because the worker holds its write end too. So the worker
watches its parent instead. multiprocessing gives a spawned child a sentinel of its parent (a pipe on
Linux that reaches end-of-file when the parent dies, the parent's process handle on Windows); a daemon
thread blocks on it, costing nothing while the window lives. When the worker goes, the resource tracker
(on Linux) sees its last writer close and leaves too.
"""

from __future__ import annotations

import os
import threading

# A worker whose parent died leaves with this status (nothing to save: the worker holds no user data).
ORPHAN_EXIT = 3


def start_worker(nice: int = 0) -> None:
    """The preview worker's initializer: yield the processor by ``nice`` and watch the parent."""
    if nice and hasattr(os, "nice"):  # Windows has no nice: the worker is not lowered there
        os.nice(nice)
    watch_parent()


def watch_parent() -> threading.Thread | None:
    """Exit this process as soon as the process that started it is gone; None if it has no such parent."""
    import multiprocessing

    parent = multiprocessing.parent_process()
    sentinel = getattr(parent, "sentinel", None)
    if sentinel is None:
        return None  # not a multiprocessing child (e.g. called in the window's own process)
    thread = threading.Thread(target=_wait_and_leave, args=(sentinel,), name="tianbao-parent-watch",
                              daemon=True)
    thread.start()
    return thread


def _wait_and_leave(sentinel) -> None:
    from multiprocessing.connection import wait

    try:
        wait([sentinel])
    except OSError:
        pass  # the sentinel itself is gone: the parent is too
    # os._exit, not sys.exit: the main thread is blocked on the job queue and would never see an exception.
    os._exit(ORPHAN_EXIT)
