"""Work around a PySide6 6.12 bug: every Python-side Signal.emit() drops a reference to True.

SignalInstance.emit() returns Py_True without taking a reference. On Python 3.12+ True is
immortal and nothing happens; on 3.11 (Debian 12, Kylin, UOS) True's count runs down with every
emit and the interpreter aborts ("bool_dealloc: deallocating True or False") after a few hundred
edits — mid-session, not only at exit. When a probe shows the bug, True and False are given the
immortality 3.12 gives them: a reference count so large no session can exhaust it.
"""

from __future__ import annotations

import ctypes
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
    # Give back what the probe itself took.
    for _ in range(max(lost, 0)):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    return lost >= PROBE_EMITS


def guard_bool_refcounts() -> bool:
    """Apply the workaround if this PySide6 needs it; returns whether it did. Idempotent."""
    if sys.version_info >= (3, 12) or sys.getrefcount(True) > IMMORTAL_REFS // 2:
        return False
    if not emit_leaks_true():
        return False
    for obj in (True, False):
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(obj)).value += IMMORTAL_REFS
    return True
