"""A long session's signal emits never exhaust True's reference count (PySide6 6.12 bug)."""

import subprocess
import sys

from tests.conftest import ROOT

SESSION = """
import ui
from PySide6.QtCore import QObject, Signal
class Editor(QObject):
    edited = Signal()
    saved = Signal(str)
e = Editor()
e.edited.connect(lambda: None)
e.saved.connect(lambda t: None)
for _ in range(20000):  # a day of typing emits far more than the ~400 references True starts with
    e.edited.emit()
    e.saved.emit("10:42:07")
print("done")
"""


def test_many_emits_do_not_abort_the_interpreter():
    out = subprocess.run([sys.executable, "-c", SESSION], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr[-500:]
    assert out.stdout.strip() == "done"
    assert "Fatal Python error" not in out.stderr
