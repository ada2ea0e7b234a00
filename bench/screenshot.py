"""Screenshots of the window filled with the real sample report; prints the PNG paths.

Run: QT_QPA_PLATFORM=offscreen python bench/screenshot.py [OUT_DIR]   (or under Xvfb with DISPLAY set)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "docs"
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="tianbao-shot-"))
    # Never touch the real user folders: settings and data go to a temp folder.
    for var in ("TIANBAO_DATA_DIR", "TIANBAO_CONFIG_DIR", "TIANBAO_CACHE_DIR"):
        os.environ.setdefault(var, str(tmp / var.lower()))

    from PySide6.QtWidgets import QApplication

    from bench.sample_report import sample_report
    from models.store import Store
    from ui.app import make_app
    from ui.main_window import MainWindow

    app = make_app()
    store = Store(tmp / "shot.db")
    old = sample_report()
    old.title = "关于2025年度履行全面从严治党责任情况的报告"
    store.create(old)
    store.create(sample_report())
    window = MainWindow(store)
    window.resize(1400, 900)
    window.show()
    window.splitter.setSizes([300, 1100])

    def settle():
        for _ in range(5):
            app.processEvents()

    def typeset():
        """Wait for the background typesetter, so the preview and 检查 panels show real results."""
        import time

        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            app.processEvents()
            if window.docs.preview.result is not None and window.docs.typesetter.idle():
                break
            time.sleep(0.02)
        settle()

    settle()
    paths = []
    window.editor.setCurrentIndex(0)
    settle()
    paths.append(out / "screenshot-info.png")
    window.grab().save(str(paths[-1]))
    window.editor.setCurrentIndex(1)
    settle()
    tab = window.editor.currentWidget()
    tab.cards.cards()[1].lead.setFocus()
    typeset()
    window.show_preview()
    settle()
    paths.append(out / "screenshot.png")
    window.grab().save(str(paths[-1]))
    window.show_checks()
    settle()
    paths.append(out / "screenshot-checks.png")
    window.grab().save(str(paths[-1]))
    window.autosave.flush()
    window.close()
    store.close()
    QApplication.processEvents()
    for p in paths:
        print(p)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
