"""复制为新报告 can be cancelled, moves the year in title and preamble, and marks carried text as 沿用."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog

from models.checks import run_checks
from models.report import Attachment, Item, Letterhead, Record
from models.store import Store
from tests.ui.conftest import new_report, type_text
from ui.dialogs.base import Dialogs
from ui.dialogs.carry_forward import carry_forward
from ui.dialogs.carry_forward_dialog import CarryForwardDialog


def _press_escape_in_dialog(seen: list) -> None:
    dlg = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()), None)
    if dlg is None:
        QTimer.singleShot(20, lambda: _press_escape_in_dialog(seen))
        return
    seen.append(dlg)
    QTest.keyClick(dlg, Qt.Key.Key_Escape)


def _last_years_report(qtbot, window):
    old = new_report(qtbot, window, "congyan")
    old.title = "关于2025年度履职情况的报告"
    old.preamble = "2025年以来，我们按照要求开展工作。"
    old.sections[0].items = [Item("去年履职一。", "去年的正文。")]
    old.sections[2].items = [Item("措施一。", "明年的打算。")]
    window.editor.set_report(old)
    window.save_now()
    return old


def test_escape_makes_no_copy(qtbot, window):
    _last_years_report(qtbot, window)
    before = len(window.store.list_reports())
    window.dialogs = Dialogs()  # the real question
    seen: list = []
    QTimer.singleShot(0, lambda: _press_escape_in_dialog(seen))
    window.copy_report()
    assert seen and len(window.store.list_reports()) == before


def test_dialog_offers_the_year_and_the_plans(qtbot, window):
    old = _last_years_report(qtbot, window)
    dlg = CarryForwardDialog(old, window)
    qtbot.addWidget(dlg)
    assert "2025年→2026年" in dlg.move_year.text() and dlg.move_year.isChecked()
    assert "下步措施" in dlg.use_plans.text() and not dlg.use_plans.isChecked()
    opts = dlg.options()
    assert opts.move_year and not opts.use_plans


def test_year_moves_in_title_and_preamble_only_when_asked(qtbot, window):
    old = _last_years_report(qtbot, window)
    moved = carry_forward(old, False, True)
    assert moved.title == "关于2026年度履职情况的报告" and moved.preamble.startswith("2026年以来")
    kept = carry_forward(old, False, False)
    assert kept.title == old.title and kept.preamble == old.preamble


def test_the_copy_of_an_official_document_gets_a_number_and_dates_to_fill_in(qtbot, window):
    old = _last_years_report(qtbot, window)
    old.letterhead = Letterhead(mark="中共滨海区财政局党组文件", number="滨财党组〔2026〕5号", signers=["张三"])
    old.record = Record(cc="区纪委监委", issuer="中共滨海区财政局党组办公室", date=_dt.date(2026, 12, 3))
    old.attachments = [Attachment("2025年度落实主体责任任务清单", "一、强化政治建设。")]
    old.date = _dt.date(2026, 12, 3)
    dlg = CarryForwardDialog(old, window)
    qtbot.addWidget(dlg)
    assert "2025年→2026年" in dlg.move_year.text() and "2026年→2027年" in dlg.move_year.text()
    new = carry_forward(old, False, True)
    # A serial number is never issued twice: the copy's is an X that 检查 lists as still to fill in.
    assert new.letterhead.number == "滨财党组〔2027〕X号" and new.letterhead.mark == old.letterhead.mark
    assert new.date is None and new.record.date is None and new.record.issuer == old.record.issuer
    assert new.attachments[0].title == "2026年度落实主体责任任务清单"
    assert any(f.field == "letterhead.number" for f in run_checks(new) if f.kind == "placeholder")
    kept = carry_forward(old, False, False)
    assert kept.letterhead.number == "滨财党组〔2026〕X号" and kept.attachments[0].title == old.attachments[0].title
    assert old.letterhead.number == "滨财党组〔2026〕5号" and old.record.date == _dt.date(2026, 12, 3)


def test_carried_text_is_listed_until_edited_and_the_mark_is_stored(qtbot, window, db_path):
    old = _last_years_report(qtbot, window)
    window.report_list.select(old.id)
    window.copy_report()
    new = window.current_report()
    assert new.id != old.id
    carried = [f.field for f in run_checks(new) if f.kind == "carried"]
    assert "sections.0.items.0.body" in carried and "preamble" in carried
    assert "title" not in carried and "sections.0.heading" not in carried
    window.editor.setCurrentIndex(1)
    card = window.editor.currentWidget().card_for(0)
    card.body.setFocus()
    card.body.moveCursor(card.body.textCursor().MoveOperation.End)
    type_text(qtbot, card.body, "今年又有新进展。")
    window.save_now()
    carried = [f.field for f in run_checks(new) if f.kind == "carried"]
    assert "sections.0.items.0.body" not in carried and "sections.0.items.0.lead" in carried
    window.close()
    store = Store(db_path)
    try:
        again = store.load(new.id)
        assert "sections.0.items.0.lead" in [f.field for f in run_checks(again) if f.kind == "carried"]
        assert not [f for f in run_checks(store.load(old.id)) if f.kind == "carried"]
    finally:
        store.close()


def test_carried_fields_are_tinted_until_edited(qtbot, window):
    from PySide6.QtGui import QPalette

    from ui.editor.carried_marks import MARK

    old = _last_years_report(qtbot, window)
    window.report_list.select(old.id)
    window.copy_report()
    window.editor.setCurrentIndex(1)
    card = window.editor.currentWidget().card_for(0)
    qtbot.waitUntil(lambda: card.body.palette().color(QPalette.ColorRole.Base) == MARK)
    assert window.editor.info.preamble.palette().color(QPalette.ColorRole.Base) == MARK
    assert window.editor.info.signature.palette().color(QPalette.ColorRole.Base) != MARK
    card.body.setFocus()
    with qtbot.waitSignal(window.reportChanged, timeout=5000):
        type_text(qtbot, card.body, "改")
    assert card.body.palette().color(QPalette.ColorRole.Base) != MARK
    assert card.lead.palette().color(QPalette.ColorRole.Base) == MARK
