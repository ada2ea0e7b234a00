"""Give back memory the window no longer needs, once a burst of work is over (start-up, a preview run)."""

from __future__ import annotations

import linecache
import sys


def release_memory() -> None:
    """Drop the source lines cached by PySide's import hook and hand freed heap back to the system.

    shiboken's import hook reads the source of every module imported after PySide6 (``inspect.getsource``, to
    see whether it uses PySide6), and linecache keeps it all: ~4.5 MB of text, ~10 MB in lines, for the ~270
    modules of the window. A traceback reads its lines again when it needs them. glibc keeps the freed heap
    of a run otherwise (trimming: Linux only, ~1 ms)."""
    linecache.clearcache()
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim): nothing to do
        pass
