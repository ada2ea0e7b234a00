"""Start the window: one QApplication, a CJK UI font, the store opened or a clear error."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

DISPLAY_NAME = "天报 报告填报助手"
PREFERRED_FONTS = (
    "Microsoft YaHei UI", "Microsoft YaHei", "微软雅黑", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC",
    "Source Han Sans SC", "Source Han Sans CN", "思源黑体", "WenQuanYi Micro Hei", "文泉驿微米黑",
)
# Serif, brush and monospace faces read poorly as UI text; use them only if nothing else exists.
LAST_RESORT_WORDS = ("Mono", "Kai", "楷", "Sung", "Song", "宋", "FangSong", "仿宋", "Ming")


def choose_ui_font() -> str | None:
    """The installed family that shows Simplified Chinese best in menus and forms, or None."""
    families = QFontDatabase.families()
    present = set(families)
    for name in PREFERRED_FONTS:
        if name in present:
            return name
    chinese = [f for f in families if QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(f)]
    plain = [f for f in chinese if not any(w.lower() in f.lower() for w in LAST_RESORT_WORDS)]
    return (plain or chinese or [None])[0]


def setup_font(app: QApplication) -> None:
    family = choose_ui_font()
    if family is None:
        return
    font = QFont(app.font())
    font.setFamilies([family])
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)


def setup_chinese(app: QApplication) -> None:
    """Qt's own texts in Chinese too: file and print dialogs, 是/否 buttons, the 撤销/粘贴 menu of text fields."""
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    if getattr(app, "_tianbao_keys", None) is not None:
        return
    translator = QTranslator(app)
    if translator.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
        app._tianbao_translator = translator
    # Keys named as on the keycaps (Enter, Delete, ↑) in menus, as 快捷键一览 names them; a compiled table asked
    # before Qt's own (a Python translator was asked for every text, ~750 times before the window was shown).
    keys = QTranslator(app)
    if keys.load(str(Path(__file__).resolve().parent.parent / "resources" / "i18n" / "keys_zh_CN.qm")):
        app.installTranslator(keys)
    app._tianbao_keys = keys


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Tianbao")
    # Qt appends the display name to every window title that does not already end with it: the
    # window's titles end with this very name, so it is shown once.
    app.setApplicationDisplayName(DISPLAY_NAME)
    app.setDesktopFileName("tianbao")  # the .desktop entry the Linux packages install
    icon = Path(__file__).resolve().parent.parent / "resources" / "icons" / "tianbao.png"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    setup_font(app)
    setup_chinese(app)
    return app


def run(db_path: str | None, dialogs=None) -> int:
    """Open the window on ``db_path`` (None: the default database); returns the exit code."""
    from export.worker import warm_up

    warm_up()  # the typesetting process starts first (main.py has started it already): it loads the layout and
    # fonts while the window is built
    # Until the window is painted, no cyclic garbage collection: nearly everything made before then (modules, Qt
    # types, the window) lives on, and ~80 collections found nothing to free (~10 ms of the start-up).
    gc.disable()
    window = None
    try:
        from models.paths import default_db
        from ui.dialogs.base import Dialogs
        from ui.dialogs.open_errors import open_with_recovery
        from ui.main_window import MainWindow

        app = make_app()
        dialogs = dialogs or Dialogs()
        # Damaged, newer, locked elsewhere: the user chooses (backup, other file, read-only, quit).
        store = open_with_recovery(db_path or default_db(), ask=dialogs.choose)
        if store is None:
            return 1
        window = MainWindow(store, dialogs=dialogs)
        window.show()
    finally:
        if window is None:  # no window to paint (refused database, an error): collect as usual again
            gc.enable()
    window.after_paint.add(gc.enable)
    # Packaging checks start the window and close it again (tests/packaging, bench/bench_bundle.py).
    quit_after = os.environ.get("TIANBAO_QUIT_AFTER_MS", "")
    if quit_after.isdigit():
        QTimer.singleShot(int(quit_after), window.close)
    code = app.exec()
    gc.enable()  # also when the window was closed before its first paint
    store.close()
    return code
