"""Issue 13 rough edges of the keyboard: menu shortcuts in one-line fields, menus by keyboard, zoom, title."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from tests.ui.conftest import new_report
from ui.actions import MENUS


class ClaimsEmacsKeys(QObject):
    """What QLineEdit does under the X11 keyboard scheme of Linux desktops: Ctrl+E is 'end of line'.

    The offscreen platform uses the Windows scheme, so the test puts the Linux behaviour back.
    """

    def eventFilter(self, obj, event):  # noqa: N802
        if event.type() == QEvent.Type.ShortcutOverride and event.modifiers() == Qt.KeyboardModifier.ControlModifier \
                and event.key() in (Qt.Key.Key_E, Qt.Key.Key_F, Qt.Key.Key_N, Qt.Key.Key_P):
            event.accept()
            return True
        return False


def test_ctrl_e_exports_from_a_one_line_field(qtbot, window):
    new_report(qtbot, window, "congyan")
    window.editor.setCurrentIndex(1)
    heading = window.editor.currentWidget().heading
    claim = ClaimsEmacsKeys(heading)
    heading.installEventFilter(claim)
    heading.setFocus()
    qtbot.waitUntil(heading.hasFocus)
    heading.setCursorPosition(0)
    window.dialogs.confirm_answer = True
    qtbot.keyClick(heading, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    # The export flow ran as far as asking where to save (the fake answers None: no file).
    assert getattr(window.dialogs, "suggested", "").endswith(".pdf")
    assert heading.cursorPosition() == 0  # the field did not take it as "end of line"


def test_ctrl_n_and_ctrl_f_from_the_signature_field(qtbot, window):
    new_report(qtbot, window, "congyan")
    sig = window.editor.info.signature
    claim = ClaimsEmacsKeys(sig)
    sig.installEventFilter(claim)
    sig.setFocus()
    qtbot.waitUntil(sig.hasFocus)
    qtbot.keyClick(sig, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.report_list.search


def test_menus_have_mnemonics_and_the_named_entries_shortcuts():
    assert all("(&" in title for title in MENUS)
    entries = {e[0]: e for entries in MENUS.values() for e in entries if e}
    for key in ("copy", "history", "trash", "restore_backup", "remove_section"):
        assert entries[key][2], key
    shortcuts = [e[2] for e in entries.values() if e[2]]
    assert len(shortcuts) == len(set(shortcuts))


@pytest.mark.qt_log_ignore(r"This plugin does not support (raise|grabbing|propagateSizeHints)")  # offscreen popups
def test_f10_and_alt_open_the_file_menu(qtbot, window):
    new_report(qtbot, window, "congyan")
    title = window.editor.info.title
    title.setFocus()
    qtbot.waitUntil(title.hasFocus)
    qtbot.keyClick(title, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert menu.title().startswith("文件")
    menu.close()
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    if window.keys.own_alt:
        sig = window.editor.info.signature
        sig.setFocus()
        qtbot.waitUntil(sig.hasFocus)
        qtbot.keyPress(sig, Qt.Key.Key_Alt, Qt.KeyboardModifier.AltModifier)
        qtbot.keyRelease(sig, Qt.Key.Key_Alt, Qt.KeyboardModifier.NoModifier)
        qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
        QApplication.activePopupWidget().close()


def test_window_title_names_the_program_once(qtbot, window):
    from ui.app import make_app

    app = make_app()
    new_report(qtbot, window, "congyan")
    shown = window.windowTitle()
    name = QGuiApplication.applicationDisplayName()
    if not shown.endswith(name):  # what Qt's platform windows do with the display name
        shown += " — " + name
    assert shown.count("天报") == 1, shown
    assert app is QApplication.instance()


def test_editor_text_zoom_is_remembered(qtbot, window, open_window):
    new_report(qtbot, window, "congyan")
    before = window.editor.info.signature.font().pointSizeF()
    body_before = window.editor.info.title.font().pointSizeF()
    sig = window.editor.info.signature
    sig.setFocus()
    qtbot.waitUntil(sig.hasFocus)
    qtbot.keyClick(sig, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(sig, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert sig.font().pointSizeF() > before * 1.2
    assert window.editor.info.title.font().pointSizeF() > body_before * 1.2
    assert window.editor.info.title.font().bold()
    window.close()
    again = open_window()
    assert again.editor.info.signature.font().pointSizeF() > before * 1.2
    qtbot.keyClick(again.editor.info.signature, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert abs(again.editor.info.signature.font().pointSizeF() - before) < 0.01


def test_deleting_a_report_says_where_it_went(qtbot, window):
    new_report(qtbot, window, "congyan")
    window.delete_report()
    assert "回收站" in window.statusBar().currentMessage()


def test_f1_lists_the_shortcuts_from_the_menus_themselves(qtbot, window):
    window.show()
    qtbot.waitExposed(window)
    window.menu_actions["shortcuts"].trigger()
    title, text = window.dialogs.asked[-1]
    assert title == "快捷键一览"
    assert "导出PDF：Ctrl+E" in text and "上移条目：Alt+↑" in text and "部分前移：Ctrl+Shift+PgUp" in text
    assert "重做：Ctrl+Shift+Z 或 Ctrl+Y" in text and "Ctrl+Return" not in text
    assert window.menu_actions["shortcuts"].shortcut().toString() == "F1"


def test_menus_and_f1_name_keys_alike_with_qt_in_chinese(qtbot, window):
    """With Qt's own Chinese loaded (as the program runs), menus said Ctrl+回车, Alt+上方向, Ctrl+Shift+退格 and
    F1 Ctrl+Enter, Alt+↑: both now name the keys as on the keycaps."""
    from PySide6.QtCore import QLocale

    from ui.actions import shortcut_text
    from ui.app import setup_chinese

    app = QApplication.instance()
    before = QLocale()
    setup_chinese(app)
    try:
        assert app.translate("QLineEdit", "&Undo") != "&Undo"  # Qt's Chinese is there, and still reached
        text = shortcut_text()
        native = QKeySequence.SequenceFormat.NativeText
        shown = 0
        for act in window.menu_actions.values():
            keys = act.shortcut().toString(native)
            assert not any(w in keys for w in ("回车", "退格", "方向")), keys
            if keys and f"{act.text().rstrip('…')}：{keys}" in text:
                shown += 1
        assert shown >= 10 and "上移条目：Alt+↑" in text
        # Shortcuts made now (a window opened with Qt in Chinese) are still the keys written: Ctrl+Enter (keypad)
        # stays apart from Ctrl+Return, or the one action had the same key twice and Qt fired neither.
        from PySide6.QtWidgets import QMainWindow

        from ui.actions import build_menus

        other = QMainWindow()
        qtbot.addWidget(other)
        for act in build_menus(other).values():
            keys = [k.toString() for k in act.shortcuts()]
            assert len(keys) == len(set(keys)), keys
    finally:
        for name in ("_tianbao_keys", "_tianbao_translator"):
            if getattr(app, name, None) is not None:
                app.removeTranslator(getattr(app, name))
            setattr(app, name, None)
        QLocale.setDefault(before)


def test_the_compiled_key_names_are_those_of_their_source(tmp_path):
    """resources/i18n/keys_zh_CN.qm is compiled from the .ts beside it, with the lrelease PySide6 ships."""
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    folder = Path(__file__).resolve().parents[2] / "resources" / "i18n"
    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent / "pyside6-lrelease")
    if not Path(lrelease).exists():
        pytest.skip("pyside6-lrelease is not installed")
    out = tmp_path / "keys.qm"
    subprocess.run([lrelease, str(folder / "keys_zh_CN.ts"), "-qm", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == (folder / "keys_zh_CN.qm").read_bytes()
