"""Hand freed heap back to the system once a burst of work is over (the preview's worker, the window)."""

from __future__ import annotations

import sys


def trim_heap() -> None:
    """glibc keeps the heap a run freed; malloc_trim returns it (Linux only, well under 1 ms)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim): nothing to do
        pass
