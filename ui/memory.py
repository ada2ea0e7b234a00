"""Give back memory the window no longer needs, once a burst of work is over (start-up, a preview run)."""

from __future__ import annotations

import linecache


def drop_module_sources() -> None:
    """Drop the source lines cached by PySide's import hook: shiboken's hook reads the source of every module
    imported after PySide6 (``inspect.getsource``, to see whether it uses PySide6), and linecache keeps it
    all: ~4.5 MB of text, ~10 MB in lines, for the ~270 modules of the window. A traceback reads its lines
    again when it needs them."""
    linecache.clearcache()


def release_memory() -> None:
    """Drop the module sources and hand freed heap back to the system (glibc keeps the heap a run freed)."""
    from export.heap import trim_heap

    drop_module_sources()
    trim_heap()
