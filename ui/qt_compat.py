"""Work around PySide6 6.12 bugs: Signal.emit() drops a reference to True, calls returning None one to None.
Also: PySide6's import hook reads the source of every module imported after it (``unread_modules``).

SignalInstance.emit() returns Py_True without taking a reference. On Python 3.12+ True is
immortal and nothing happens; on 3.11 (Debian 12, Kylin, UOS) True's count runs down with every
emit and the interpreter aborts ("bool_dealloc: deallocating True or False") after a few hundred
edits — mid-session, not only at exit. When a probe shows the bug, True and False are given the
immortality 3.12 gives them: a reference count so large no session can exhaust it.

6.12.0 also returns None without a reference from nearly every call whose result is None
(QAction.menu(), parentWidget() of a window, activeModalWidget(), setObjectName()...): 20,000 of
them end the process with "none_dealloc". None gets the same guard. setup.cfg excludes 6.12.0;
the guard stays for whoever installs it anyway, and tests/ui/test_qt_refcounts.py catches the next
release that leaks.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

PROBE_EMITS = 8
IMMORTAL_REFS = 1 << 40  # ~10^12 emits; Python 3.12 uses a similar constant for immortal objects


class _Probe(QObject):
    ping = Signal()


def emit_leaks_true() -> bool:
    """True when Signal.emit() loses references to True on this PySide6 and Python."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(PROBE_EMITS):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    _give_back(True, lost)  # what the probe itself took
    return lost >= PROBE_EMITS


def call_leaks_none() -> bool:
    """True when a Qt call returning None loses a reference to None on this PySide6 and Python."""
    probe = _Probe()
    before = sys.getrefcount(None)
    for _ in range(PROBE_EMITS):
        probe.parent()
    lost = before - sys.getrefcount(None)
    _give_back(None, lost)
    return lost >= PROBE_EMITS


def guard_none_refcount() -> bool:
    """Apply the None workaround if this PySide6 needs it; returns whether it did. Idempotent."""
    if sys.version_info >= (3, 12) or sys.getrefcount(None) > IMMORTAL_REFS // 2:
        return False
    if not call_leaks_none():
        return False
    _immortal(None)
    return True


def guard_refcounts() -> list[str]:
    """Both workarounds; returns the names of the objects that needed one (empty on a sound PySide6)."""
    guarded = ["True", "False"] if guard_bool_refcounts() else []
    return guarded + (["None"] if guard_none_refcount() else [])


def guard_bool_refcounts() -> bool:
    """Apply the workaround if this PySide6 needs it; returns whether it did. Idempotent."""
    if sys.version_info >= (3, 12) or sys.getrefcount(True) > IMMORTAL_REFS // 2:
        return False
    if not emit_leaks_true():
        return False
    for obj in (True, False):
        _immortal(obj)
    return True


def _give_back(obj, lost: int) -> None:
    if lost > 0:
        import ctypes  # only on a PySide6 that leaks (~3 ms of start-up otherwise)

        for _ in range(lost):
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(obj))


def _immortal(obj) -> None:
    import ctypes

    # ob_refcnt is the first field of every CPython object.
    ctypes.c_ssize_t.from_address(id(obj)).value += IMMORTAL_REFS


def unread_modules() -> bool:
    """Stop PySide6's import hook from reading every module's source; returns whether it was there to stop.

    For ``from __feature__ import snake_case`` PySide6 wraps ``import``: after each module is imported it reads
    the module's whole source (``inspect.getsource``, which also scans ``sys.modules``) to see whether it mentions
    PySide6, and linecache keeps the lines. For the ~170 modules the window imports after PySide6 that was ~12 ms
    of its start-up and ~10 MB. Tianbao selects no feature, so every module is taken to use PySide6 with none
    selected (the answer the scan gives our own modules; for the others it changes nothing but a flag). A module
    that does import ``__feature__`` still gets its own selection: that import records it first."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _uses_pyside
    return True


def _uses_pyside(module) -> bool:
    return True
