"""How long a 500-item report takes to open in the window, and how typing and a move feel; prints figures.

Run: QT_QPA_PLATFORM=offscreen python bench/bench_ui.py [N_ITEMS] [--one-section]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str]) -> int:
    numbers = [a for a in argv[1:] if a.isdigit()]
    n = int(numbers[0]) if numbers else 500
    one_section = "--one-section" in argv
    tmp = Path(tempfile.mkdtemp(prefix="tianbao-bench-"))
    for var in ("TIANBAO_DATA_DIR", "TIANBAO_CONFIG_DIR", "TIANBAO_CACHE_DIR"):
        os.environ[var] = str(tmp / var.lower())

    from PySide6.QtWidgets import QApplication

    from bench.sample_report import big_report
    from models.store import Store
    from ui.app import make_app
    from ui.main_window import MainWindow

    app = make_app()
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (figures scale with it)")
    store = Store(tmp / "bench.db")
    big = big_report(n)
    if one_section:
        items = [it for s in big.sections for it in s.items]
        big.sections = big.sections[:1]
        big.sections[0].items = items
    small = big_report(3)
    t = time.perf_counter()
    big_id = store.create(big)
    small_id = store.create(small)
    print(f"store.create({n} items): {1000 * (time.perf_counter() - t):.0f} ms")
    window = MainWindow(store)
    window.resize(1400, 900)
    window.show()
    app.processEvents()

    def settle():
        for _ in range(3):
            app.processEvents()

    t = time.perf_counter()
    window.open_report(big_id)
    settle()
    print(f"open report, 基本信息 shown: {1000 * (time.perf_counter() - t):.0f} ms")
    for si in range(len(big.sections)):
        t = time.perf_counter()
        window.editor.setCurrentIndex(si + 1)
        app.processEvents()
        first = time.perf_counter() - t
        tab = window.editor.currentWidget()
        longest = 0.0
        while not tab.built:
            t1 = time.perf_counter()
            app.processEvents()
            longest = max(longest, time.perf_counter() - t1)
        total = time.perf_counter() - t
        print(f"section tab {si + 1} ({len(tab.section.items)} cards): first cards shown {1000 * first:.0f} ms, "
              f"all built {1000 * total:.0f} ms, longest event-loop stall {1000 * longest:.0f} ms")
    tab = window.editor.currentWidget()
    card = tab.card_for(0)
    card.lead.setFocus()
    t = time.perf_counter()
    for ch in "加强政治建设":
        card.lead.insert(ch)
        settle()
    print(f"typing a character in a lead: {1000 * (time.perf_counter() - t) / 6:.1f} ms")
    t = time.perf_counter()
    window.editor.move_item(tab.section, 0, len(tab.section.items) - 1)
    settle()
    print(f"move first item to the end (renumber all cards): {1000 * (time.perf_counter() - t):.0f} ms")
    t = time.perf_counter()
    window.undo()
    settle()
    print(f"undo that move: {1000 * (time.perf_counter() - t):.0f} ms")
    t = time.perf_counter()
    window.autosave.flush(force=True)
    print(f"save the whole report: {1000 * (time.perf_counter() - t):.0f} ms")
    t = time.perf_counter()
    window.open_report(small_id)
    settle()
    print(f"switch to a small report (saves, drops {n} cards): {1000 * (time.perf_counter() - t):.0f} ms")
    window.close()
    store.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
