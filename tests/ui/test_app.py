"""Start-up pieces: a CJK UI font, a clear refusal of a damaged database, big reports open quickly."""

from __future__ import annotations

import time

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from bench.sample_report import big_report, sample_report
from models.lock import DatabaseLock
from models.opening import open_readonly
from models.report import item_number
from models.store import Store
from ui.app import choose_ui_font, run, setup_font
from ui.main_window import MainWindow
from ui.settings import make_settings


def test_ui_font_writes_simplified_chinese(qapp):
    family = choose_ui_font()
    assert family is not None
    assert QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family)
    setup_font(qapp)
    assert QApplication.font().family() == family
    assert QApplication.font().pointSizeF() >= 10


def test_damaged_database_is_refused_before_the_window(db_path, dialogs):
    db_path.write_bytes(b"this is not a database" * 100)
    assert run(str(db_path), dialogs) == 1
    assert "已损坏" in dialogs.asked[0][1]
    assert db_path.read_bytes() == b"this is not a database" * 100


def test_database_open_elsewhere_offers_read_only(qtbot, db_path, dialogs):
    Store(db_path).close()
    held = DatabaseLock(db_path)
    held.acquire()
    try:
        dialogs.choice = "quit"
        assert run(str(db_path), dialogs) == 1
        assert "另一个天报窗口" in dialogs.asked[-1][1]
    finally:
        held.release()


def test_read_only_store_shows_why_and_edits_nothing(qtbot, db_path, dialogs):
    store = Store(db_path)
    rid = store.create(sample_report())
    store.close()
    ro = open_readonly(db_path, "报告库所在的文件夹是只读的，只能查看和导出，不能修改。")
    w = MainWindow(ro, make_settings(), dialogs)
    qtbot.addWidget(w)
    w.show()
    assert w.current_report().id == rid
    assert w.banner.isVisible() and "只读" in w.banner.text()
    assert w.editor.info.title.isReadOnly()
    w.editor.setCurrentIndex(1)
    tab = w.editor.currentWidget()
    assert tab.card_for(0).lead.isReadOnly() and tab.heading.isReadOnly()
    w.editor.add_item_here()
    w.new_report()
    assert len(w.current_report().sections[0].items) == 6 and dialogs.asked == []
    w.close()
    ro.close()


def test_sample_report_round_trips_through_the_window(qtbot, open_window, db_path):
    store = Store(db_path)
    rid = store.create(sample_report())
    store.close()
    w = open_window()
    assert w.current_report().id == rid
    assert w.editor.tabText(1) == "一、履职情况"
    w.editor.setCurrentIndex(1)
    tab = w.editor.currentWidget()
    assert tab.card_for(0).lead.text() == "扛牢管党治党政治责任。"
    assert tab.numbering.currentIndex() == 1  # 连排成一段
    w.close()
    store = Store(db_path)
    assert store.load(rid).content_equal(sample_report())
    store.close()


def test_500_items_open_and_reach_the_last_one(qtbot, open_window, db_path):
    store = Store(db_path)
    rid = store.create(big_report(500))
    store.close()
    t = time.perf_counter()
    w = open_window()
    assert w.current_report().id == rid
    w.select_field("sections.2.items.167.lead", 0, 2)
    assert time.perf_counter() - t < 10
    tab = w.editor.currentWidget()
    assert tab.card_for(167).number.text() == item_number("yishi", 167)
    qtbot.waitUntil(lambda: tab.built, timeout=10000)
    assert len(tab.cards.cards()) == 168
