"""Start-up pieces: a CJK UI font, a clear refusal of a damaged database, big reports open quickly."""

from __future__ import annotations

import time

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from bench.sample_report import big_report, sample_report
from models.report import item_number
from models.store import Store
from ui.app import choose_ui_font, setup_font


def test_ui_font_writes_simplified_chinese(qapp):
    family = choose_ui_font()
    assert family is not None
    assert QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family)
    setup_font(qapp)
    assert QApplication.font().family() == family
    assert QApplication.font().pointSizeF() >= 10


def test_damaged_database_is_refused_before_the_window(db_path, monkeypatch):
    import ui.app

    db_path.write_bytes(b"this is not a database" * 100)
    shown = []
    monkeypatch.setattr(ui.app.QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    assert ui.app.run(str(db_path)) == 1
    assert "已损坏" in shown[0]
    assert db_path.read_bytes() == b"this is not a database" * 100


def test_sample_report_round_trips_through_the_window(qtbot, open_window, db_path):
    store = Store(db_path)
    rid = store.create(sample_report())
    store.close()
    w = open_window()
    assert w.current_report().id == rid
    assert w.editor.tabText(1) == "一、履职情况"
    w.editor.setCurrentIndex(1)
    tab = w.editor.currentWidget()
    assert tab.card_for(0).lead.text() == "突出管党治党主责主业。"
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
