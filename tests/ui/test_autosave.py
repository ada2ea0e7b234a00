"""Autosave: on disk within about a second of typing, at once on Ctrl+S, and never losing text on errors."""

from __future__ import annotations

import re
import sqlite3
import time

from PySide6.QtCore import Qt

from models.store import Store
from tests.ui.conftest import new_report, type_text

CTRL = Qt.KeyboardModifier.ControlModifier


def stored(db_path, rid):
    s = Store(db_path, readonly=True)
    try:
        return s.load(rid)
    finally:
        s.close()


def test_autosave_after_typing_stops(qtbot, window, db_path):
    report = new_report(qtbot, window)
    window.editor.setCurrentIndex(1)
    lead = window.editor.currentWidget().cards.cards()[0].lead
    lead.setFocus()
    start = time.monotonic()
    type_text(qtbot, lead, "扛牢管党治党政治责任。")
    assert window.autosave.dirty
    qtbot.waitUntil(lambda: stored(db_path, report.id).sections[0].items[0].lead == "扛牢管党治党政治责任。",
                    timeout=3000)
    assert time.monotonic() - start < 2.0
    assert window.save_label.text().startswith("已自动保存")


def test_focus_change_saves_at_once(qtbot, window, db_path):
    report = new_report(qtbot, window)
    info = window.editor.info
    info.signature.setFocus()
    type_text(qtbot, info.signature, "某区委组织部")
    assert window.autosave.timer.isActive()
    info.preamble.setFocus()
    assert not window.autosave.dirty
    assert stored(db_path, report.id).signature == "某区委组织部"


def test_ctrl_s_commits_and_says_so(qtbot, window, db_path):
    report = new_report(qtbot, window)
    info = window.editor.info
    info.closing.setFocus()
    type_text(qtbot, info.closing, "以上报告，请予审议。")
    qtbot.keyClick(info.closing, Qt.Key.Key_S, CTRL)
    assert re.fullmatch(r"已保存 \d\d:\d\d:\d\d", window.statusBar().currentMessage())
    assert stored(db_path, report.id).closing == "以上报告，请予审议。"


def test_tab_switch_and_report_switch_save(qtbot, window, db_path):
    first = new_report(qtbot, window)
    second = new_report(qtbot, window, "shuzhi")
    info = window.editor.info
    info.signature.setFocus()
    type_text(qtbot, info.signature, "张三")
    window.editor.setCurrentIndex(2)
    assert stored(db_path, second.id).signature == "张三"
    window.editor.currentWidget().heading.setText("廉洁自律")
    window.open_report(first.id)
    assert stored(db_path, second.id).sections[1].heading == "廉洁自律"
    assert window.current_report().id == first.id


def test_save_error_keeps_text_and_retries(qtbot, window, db_path):
    report = new_report(qtbot, window)
    window.store.db.execute("PRAGMA busy_timeout=50")
    other = sqlite3.connect(db_path)
    other.execute("BEGIN EXCLUSIVE")
    info = window.editor.info
    info.signature.setFocus()
    type_text(qtbot, info.signature, "李四")
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=3000)
    assert "占用" in window.banner.text()
    assert info.signature.text() == "李四" and window.autosave.dirty
    other.rollback()
    other.close()
    type_text(qtbot, info.signature, "同志")
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=3000)
    assert stored(db_path, report.id).signature == "李四同志"


def test_failed_save_retries_without_new_typing(qtbot, window, db_path):
    report = new_report(qtbot, window)
    window.autosave.retry_ms = 100
    window.store.db.execute("PRAGMA busy_timeout=50")
    other = sqlite3.connect(db_path)
    other.execute("BEGIN EXCLUSIVE")
    info = window.editor.info
    info.signature.setFocus()
    type_text(qtbot, info.signature, "王五")
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=3000)
    other.rollback()
    other.close()
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=3000)
    assert stored(db_path, report.id).signature == "王五"


def test_steady_typing_without_pauses_is_still_saved(qtbot):
    """A typist who never pauses for the whole debounce still reaches the disk every max_wait_ms."""
    from PySide6.QtCore import QTimer

    from ui.editor.autosave import Autosaver

    saves = []
    saver = Autosaver(lambda: saves.append(1), delay_ms=200, max_wait_ms=300)
    typist = QTimer(interval=50)  # a keystroke every 50 ms: the 200 ms debounce never runs out
    typist.timeout.connect(saver.schedule)
    typist.start()
    qtbot.waitUntil(lambda: len(saves) >= 3, timeout=3000)
    typist.stop()
    qtbot.waitUntil(lambda: not saver.dirty, timeout=1000)  # and the last keystrokes once typing stops
