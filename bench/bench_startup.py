"""Cold start of the window: process start to the window shown with the last report open; prints figures.

Run: QT_QPA_PLATFORM=offscreen python bench/bench_startup.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import time, sys
t0 = time.perf_counter()
sys.path.insert(0, {root!r})
from PySide6.QtCore import QTimer
import ui.app as app_mod
orig = app_mod.make_app
def make_app(argv=None):
    app = orig(argv)
    def shown():
        from PySide6.QtWidgets import QApplication
        w = next(w for w in QApplication.topLevelWidgets() if w.isVisible() and hasattr(w, "editor"))
        print(f"{{time.perf_counter() - t0:.3f}}", flush=True)
        w.close()
    QTimer.singleShot(0, shown)
    return app
app_mod.make_app = make_app
if __name__ == "__main__":
    app_mod.run({db!r})
"""


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="tianbao-start-"))
    env = dict(os.environ, TIANBAO_DATA_DIR=str(tmp / "data"), TIANBAO_CONFIG_DIR=str(tmp / "config"))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from bench.sample_report import sample_report
    from models.store import Store

    db = tmp / "start.db"
    store = Store(db)
    store.create(sample_report())
    store.close()
    script = tmp / "start.py"
    script.write_text(CHILD.format(root=str(ROOT), db=str(db)), encoding="utf-8")
    times = []
    for _ in range(3):
        out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, cwd=ROOT)
        times.append(float(out.stdout.strip().splitlines()[0]))
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print("cold start to window shown with the sample report: " + ", ".join(f"{t:.2f} s" for t in times))
    return 0


if __name__ == "__main__":
    sys.exit(main())
