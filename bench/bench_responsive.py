"""Typing into a ~200-page report while autosave, 检查 and preview run: event-loop stalls and memory.

Run: QT_QPA_PLATFORM=offscreen python bench/bench_responsive.py [N_ITEMS] [SECONDS]
Prints figures; the issue's targets are "typing never blocked" and peak memory under 400 MB.
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TYPE_EVERY_MS = 120  # a brisk typist with an input method commits a few characters a second
HEARTBEAT_MS = 10


def _rss_mb(pid: int) -> float:
    """Resident memory of another process (Linux /proc)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):  # its peak
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def main(argv: list[str]) -> int:
    n = int(argv[1]) if len(argv) > 1 else 500
    seconds = float(argv[2]) if len(argv) > 2 else 15.0
    tmp = Path(tempfile.mkdtemp(prefix="tianbao-bench-"))
    for var in ("TIANBAO_DATA_DIR", "TIANBAO_CONFIG_DIR"):
        os.environ[var] = str(tmp / var.lower())

    from PySide6.QtCore import QEventLoop, QTimer

    from bench.sample_report import big_report
    from export.layout import layout_report
    from models.store import Store
    from ui.app import make_app
    from ui.main_window import MainWindow

    app = make_app()
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    big = big_report(n)
    t = time.perf_counter()
    pages = len(layout_report(big).pages)
    print(f"report: {n} items, {big.char_count()} characters, {pages} pages (layout {time.perf_counter() - t:.2f} s)")
    store = Store(tmp / "bench.db")
    rid = store.create(big)
    window = MainWindow(store)
    window.resize(1400, 900)
    window.show()
    window.open_report(rid)
    window.show_preview()
    window.editor.setCurrentIndex(1)
    tab = window.editor.currentWidget()
    while not tab.built:
        app.processEvents()
    body = tab.card_for(0).body
    body.setFocus()

    stalls: list[float] = []
    keys: list[float] = []
    runs: list[float] = []
    started: list[float] = []
    last_beat = [time.perf_counter()]

    def beat():
        now = time.perf_counter()
        stalls.append(now - last_beat[0] - HEARTBEAT_MS / 1000)
        last_beat[0] = now

    def type_one():
        t0 = time.perf_counter()
        body.insertPlainText("改")
        keys.append(time.perf_counter() - t0)

    window.docs.typesetter.started.connect(lambda: started.append(time.perf_counter()))
    window.docs.typesetter.ready.connect(lambda *_: started and runs.append(time.perf_counter() - started[-1]))
    from export.worker import _executor
    heartbeat = QTimer(interval=HEARTBEAT_MS)
    heartbeat.timeout.connect(beat)
    typist = QTimer(interval=TYPE_EVERY_MS)
    typist.timeout.connect(type_one)
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    heartbeat.start()
    typist.start()
    loop.exec()
    typist.stop()
    heartbeat.stop()

    stalls_ms = sorted(1000 * s for s in stalls)
    print(f"typed {len(keys)} characters in {seconds:.0f} s; handling one: median {1000 * statistics.median(keys):.1f} ms, "
          f"max {1000 * max(keys):.1f} ms")
    print(f"event loop lateness (10 ms heartbeat): median {statistics.median(stalls_ms):.1f} ms, "
          f"95th {stalls_ms[int(0.95 * len(stalls_ms))]:.1f} ms, worst {stalls_ms[-1]:.0f} ms")
    if runs:
        print(f"background typesetting runs finished: {len(runs)}, each {statistics.median(runs):.1f} s (median)")
    else:
        print("background typesetting runs finished: 0")
    saved = store.load(rid).sections[0].items[0].body.count("改")
    print(f"characters on disk at the end: {saved} of {len(keys)} (autosave lags typing by at most 1 s)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker = _rss_mb(_executor().pid)
    print(f"peak memory (maxrss): window process {peak:.0f} MB, typesetting process now {worker:.0f} MB "
          f"(target < 400 MB each)")
    window.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
