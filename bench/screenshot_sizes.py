"""The window as first started on a screen of the given size: screenshots of each kind of tab, and the widths
of the list, the editor and the side panel, with any tab that would scroll sideways; prints the PNG paths.

Run: xvfb-run -s "-screen 0 1024x768x24" python bench/screenshot_sizes.py [OUT_DIR]   (then 1366x768, 1920x1080)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str]) -> int:
    from bench.screenshot import shot_folders

    out, tmp = shot_folders(argv if len(argv) > 1 else [argv[0], "/tmp/tianbao-sizes"])

    from bench.sample_report import sample_report
    from bench.screenshot_frame import unit_report
    from models.store import Store
    from ui.app import make_app
    from ui.main_window import MainWindow

    app = make_app()
    store = Store(tmp / "shot.db")
    personal, unit = store.create(sample_report()), store.create(unit_report())
    window = MainWindow(store)
    window.show()
    free = window.screen().availableGeometry()
    tag = f"{free.width() + free.x()}x{free.height() + free.y()}"

    def settle(until=None, seconds: float = 20) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            app.processEvents()
            if until is None or until():
                break
            time.sleep(0.02)
        for _ in range(5):
            app.processEvents()

    def typeset() -> None:
        settle(lambda: window.docs.preview.result is not None and window.docs.typesetter.idle())

    paths = []

    def shoot(name: str) -> None:
        tab = window.editor.currentWidget()
        sideways = tab.horizontalScrollBar().maximum() if hasattr(tab, "horizontalScrollBar") else 0
        print(f"{tag} {name}: list {window.report_list.width()} editor {window.editor.width()} "
              f"panel {window.docs.checks_dock.width()} sideways {sideways}")
        paths.append(out / f"sizes-{tag}-{name}.png")
        window.grab().save(str(paths[-1]))

    window.open_report(personal)
    window.show_checks()
    typeset()
    window.editor.setCurrentIndex(0)
    settle()
    shoot("info")
    window.editor.setCurrentIndex(2)
    settle()
    shoot("section")
    window.show_preview()
    typeset()
    shoot("preview")
    window.open_report(unit)
    window.show_checks()
    typeset()
    window.editor.setCurrentWidget(window.editor.frame)
    settle()
    shoot("frame")
    bar = window.editor.frame.verticalScrollBar()
    bar.setValue(bar.maximum())
    settle()
    shoot("frame-end")
    window.autosave.flush()
    window.close()
    store.close()
    for p in paths:
        print(p)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
