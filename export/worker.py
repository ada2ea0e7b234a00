"""The preview's worker process, which runs export/preview.py's jobs: started once, as early as the program
knows it will show the window.

No Qt here: main.py starts the worker before PySide6 is imported (~80 ms of imports the worker's own
start-up then overlaps), and the window's typesetter (ui/preview/typesetter.py) sends its jobs to it.
"""

from __future__ import annotations

import atexit
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

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
            # Its first job, whoever starts it: imports, fonts and a warm-up run, which ends by forgetting its own
            # layout, so it must not come after a real run (render_pages would then find no run to draw from).
            from export import preview_job

            _pool.submit(preview_job, "prepare")
        return _pool


def _discard_pool(wait: bool = False) -> None:
    """Stop the worker; at exit wait for it, so its semaphores are released and nothing is reported leaked."""
    global _pool
    with _pool_lock:
        if _pool is not None:
            _pool.shutdown(wait=wait, cancel_futures=True)
        _pool = None


def warm_up(background: bool = True) -> None:
    """Start the worker before it is needed, so the first preview does not wait for its start-up: it
    imports the layout and reportlab and loads the fonts while the window is being built.

    In the background: starting a process (its pipes, the resource tracker, the executor's thread) took
    ~25 ms of the window's start-up; a thread does it while the window's modules are imported."""
    if background:  # main.py calls it first, ui/app.py again: _executor() makes the one pool once
        threading.Thread(target=_executor, name="tianbao-warm-up", daemon=True).start()
    else:
        _executor()
