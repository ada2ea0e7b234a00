"""The 公文格式 tab and the 主送/称谓 field: filled like a person would, autosaved to the real file, reopened."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QApplication

from models.store import Store
from tests.ui.conftest import new_report, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


def stored(db_path, rid):
    s = Store(db_path, readonly=True)
    try:
        return s.load(rid)
    finally:
        s.close()


def labels(w):
    return [w.editor.tabText(i) for i in range(w.editor.count())]


def retype(qtbot, widget, text):
    widget.setFocus()
    widget.selectAll()
    type_text(qtbot, widget, text)


def test_unit_report_fills_the_frame_autosaves_and_reloads(qtbot, window, open_window, db_path):
    report = new_report(qtbot, window, "congyan_unit")
    editor = window.editor
    assert labels(window)[:3] == ["基本信息", "公文格式", "一、履行主体责任情况"]
    switch = editor.info.frame_switch
    assert switch.isChecked() and not switch.isEnabled()  # a unit's report always has the frame
    editor.setCurrentIndex(1)
    frame = editor.frame
    assert editor.currentWidget() is frame and frame.letterhead_box.isChecked()
    assert frame.mark.text() == "中共XX区XX局党组文件"
    assert frame.number.text() == f"XX党组〔{dt.date.today().year}〕X号"

    retype(qtbot, editor.info.recipient, "中共示范区委")
    retype(qtbot, frame.mark, "中共示范区农业农村局党组文件")
    retype(qtbot, frame.number, "示农党组")
    qtbot.mouseClick(frame.bracket, LEFT)  # 〔this year〕 at the cursor
    type_text(qtbot, frame.number, "12号")
    assert frame.number.text() == f"示农党组〔{dt.date.today().year}〕12号"
    retype(qtbot, frame.number, "示农党组〔2026〕12号")
    retype(qtbot, frame.signer_list.rows[0].name, "王明")
    qtbot.mouseClick(frame.signer_list.add_button, LEFT)
    assert QApplication.focusWidget() is frame.signer_list.rows[1].name  # the new row takes the keyboard
    type_text(qtbot, frame.signer_list.rows[1].name, "李华")
    qtbot.mouseClick(frame.signer_list.rows[1].up_button, LEFT)
    assert report.letterhead.signers == ["李华", "王明"]
    retype(qtbot, frame.copy_no, "000012")
    retype(qtbot, frame.urgency.lineEdit(), "特急")
    assert report.letterhead.urgency == "特急"
    frame.seal.setChecked(False)
    qtbot.mouseClick(frame.seal, LEFT, pos=QPoint(8, frame.seal.height() // 2))  # on the box itself
    assert report.seal

    # Two attachments, typed, then reordered with the card's own button, then the move undone.
    for _ in range(2):
        qtbot.mouseClick(frame.attachment_list.add_button, LEFT)
    cards = frame.attachment_list.ordered()
    assert [c.number.text() for c in cards] == ["附件1", "附件2"]
    assert QApplication.focusWidget() is cards[1].title
    type_text(qtbot, cards[0].title, "履行主体责任任务清单")
    cards[0].body.setFocus()
    type_text(qtbot, cards[0].body, "一、党组书记履行第一责任人职责")
    type_text(qtbot, cards[1].title, "问题整改台账")
    qtbot.mouseClick(cards[0].down_button, LEFT)
    assert [a.title for a in report.attachments] == ["问题整改台账", "履行主体责任任务清单"]
    assert [c.title.text() for c in frame.attachment_list.ordered()] == ["问题整改台账", "履行主体责任任务清单"]
    assert [c.number.text() for c in frame.attachment_list.ordered()] == ["附件1", "附件2"]
    window.undo()
    assert [a.title for a in report.attachments] == ["履行主体责任任务清单", "问题整改台账"]
    window.redo()
    window.undo()
    assert report.attachments[0].body == "一、党组书记履行第一责任人职责"

    # 版记: 抄送, 印发机关, 印发日期.
    retype(qtbot, frame.cc, "区纪委监委，区委组织部。")
    retype(qtbot, frame.issuer, "中共示范区农业农村局办公室")
    frame.has_issue_date.setChecked(True)
    frame.issue_date.setDate(QDate(2026, 12, 8))
    assert frame.issue_date_text.text() == "打印为 2026年12月8日印发"

    def on_disk():
        r = stored(db_path, report.id)
        return (r.recipient, r.letterhead, r.record, r.seal, [(a.title, a.body) for a in r.attachments])

    expected = (report.recipient, report.letterhead, report.record, True,
                [("履行主体责任任务清单", "一、党组书记履行第一责任人职责"), ("问题整改台账", "")])
    qtbot.waitUntil(lambda: on_disk() == expected, timeout=4000)  # autosave, no Ctrl+S
    r = stored(db_path, report.id)
    assert r.letterhead.signers == ["李华", "王明"] and r.letterhead.number == "示农党组〔2026〕12号"
    assert r.record.date == dt.date(2026, 12, 8) and r.recipient == "中共示范区委"

    # A second window on the same file shows everything again.
    window.close()
    again = open_window()
    again.open_report(report.id)
    f = again.editor.frame
    assert again.editor.tabText(1) == "公文格式"
    assert again.editor.info.recipient.text() == "中共示范区委"
    assert [row.name.text() for row in f.signer_list.rows] == ["李华", "王明"]
    assert [c.title.text() for c in f.attachment_list.ordered()] == ["履行主体责任任务清单", "问题整改台账"]
    assert f.cc.text() == "区纪委监委，区委组织部。" and f.seal.isChecked() and f.urgency.currentText() == "特急"
    assert f.issue_date.date() == QDate(2026, 12, 8) and f.has_issue_date.isChecked()


def test_personal_report_hides_the_frame_behind_the_switch(qtbot, window, db_path):
    report = new_report(qtbot, window, "shuzhi")
    editor = window.editor
    assert "公文格式" not in labels(window)
    assert editor.info.recipient.text() == "各位领导、同志们"
    switch = editor.info.frame_switch
    assert not switch.isChecked() and switch.isEnabled()
    qtbot.mouseClick(switch, LEFT, pos=QPoint(8, switch.height() // 2))
    assert labels(window)[1] == "公文格式" and editor.currentWidget() is editor.frame
    assert labels(window)[2] == "一、履职尽责情况"
    # Nothing used yet: the switch turns it off again; the sections follow 基本信息 again.
    switch.setChecked(False)
    assert "公文格式" not in labels(window) and labels(window)[1] == "一、履职尽责情况"
    switch.setChecked(True)
    qtbot.mouseClick(editor.frame.attachment_list.add_button, LEFT)
    assert len(report.attachments) == 1
    assert switch.isChecked() and not switch.isEnabled()  # an attachment is printed: the tab stays
    window.undo()
    assert report.attachments == [] and switch.isEnabled()
    # Ticking the 版头 is undoable too; unticking keeps the text for ticking again.
    editor.frame.letterhead_box.setChecked(True)
    assert report.letterhead is not None and report.letterhead.signers == [""]
    retype(qtbot, editor.frame.mark, "示范区农业农村局文件")
    editor.frame.letterhead_box.setChecked(False)
    assert report.letterhead is None and editor.frame.mark.text() == "示范区农业农村局文件"
    editor.frame.letterhead_box.setChecked(True)
    assert report.letterhead.mark == "示范区农业农村局文件"
    window.undo()
    assert report.letterhead is None
    window.undo()
    assert report.letterhead.mark == "示范区农业农村局文件"
    qtbot.waitUntil(lambda: stored(db_path, report.id).letterhead is not None, timeout=4000)


def test_findings_in_frame_fields_lead_to_their_widgets_and_fix(qtbot, window):
    report = new_report(qtbot, window, "congyan_unit")
    editor = window.editor
    editor.setCurrentIndex(0)
    report.letterhead.number = "示农党组[2026]05号"
    report.letterhead.signers = []
    report.recipient = "中共示范区委："
    editor.set_report(report)  # text changed by code: widgets catch up
    assert editor.frame.number.text() == "示农党组[2026]05号" and editor.info.recipient.text() == "中共示范区委："
    window.select_field("letterhead.number", 4, 10)
    assert editor.currentWidget() is editor.frame and QApplication.focusWidget() is editor.frame.number
    assert editor.frame.number.selectedText() == "[2026]"
    window.select_field("letterhead.signers.0", 0, 0)  # none yet: the add button takes the keyboard
    assert QApplication.focusWidget() is editor.frame.signer_list.add_button
    window.select_field("recipient", 6, 7)
    assert editor.currentWidget() is editor.info and editor.info.recipient.selectedText() == "："
    qtbot.mouseClick(editor.frame.attachment_list.add_button, LEFT)
    type_text(qtbot, QApplication.focusWidget(), "任务清单")
    window.select_field("attachments.0.body", 0, 0)
    assert QApplication.focusWidget() is editor.frame.attachment_list.ordered()[0].body
    window.select_field("record.date", 0, 11)  # a click on the 印发日期 line in the preview: none yet
    assert QApplication.focusWidget() is editor.frame.has_issue_date
    editor.frame.has_issue_date.setChecked(True)
    window.select_field("record.date", 0, 11)
    assert QApplication.focusWidget() is editor.frame.issue_date
    window.select_field("letterhead.urgency", 0, 0)
    assert QApplication.focusWidget() is editor.frame.urgency  # its line edit's focus is the box's
    # The 检查 panel's fixes reach the frame widgets.
    checks = window.docs.checks
    checks.report = report
    checks.refresh()
    fixable = [f for f in checks.findings if f.kind == "frame" and f.fix is not None]
    assert {f.field for f in fixable} >= {"letterhead.number", "recipient"}
    assert "版头发文字号：年份“[2026]”应写作“〔2026〕”（六角括号，阿拉伯数字）" in [f.describe() for f in fixable]
    for f in [f for f in fixable if f.field == "recipient"]:
        window.docs.fix_one(f)
    assert report.recipient == "中共示范区委" and editor.info.recipient.text() == "中共示范区委"
    window.docs.fix_all("frame")
    assert editor.frame.number.text() == "示农党组〔2026〕5号"


def test_tab_walks_the_frame_in_the_order_shown(qtbot, window):
    report = new_report(qtbot, window, "congyan_unit")
    editor = window.editor
    editor.setCurrentWidget(editor.frame)
    frame = editor.frame
    qtbot.mouseClick(frame.signer_list.add_button, LEFT)  # a row made later still comes after the first
    qtbot.mouseClick(frame.attachment_list.add_button, LEFT)
    assert len(report.letterhead.signers) == 2 and len(report.attachments) == 1
    frame.mark.setFocus()
    seen = []
    for _ in range(8):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    card = frame.attachment_list.ordered()[0]
    assert seen == [frame.number, frame.signer_list.rows[0].name, frame.signer_list.rows[1].name, frame.copy_no,
                    frame.secrecy, frame.urgency, frame.seal, card.title]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is frame.seal


def test_read_only_frame_changes_nothing(qtbot, db_path, dialogs):
    from models.opening import open_readonly
    from models.templates import load_templates
    from ui.main_window import MainWindow
    from ui.settings import make_settings

    store = Store(db_path)
    report = next(t for t in load_templates() if t.kind == "congyan_unit").new_report()
    rid = store.create(report)
    store.close()
    ro = open_readonly(db_path, "只读")
    w = MainWindow(ro, make_settings(), dialogs)
    qtbot.addWidget(w)
    w.show()
    w.open_report(rid)
    frame = w.editor.frame
    assert w.editor.tabText(1) == "公文格式"
    assert frame.mark.isReadOnly() and frame.cc.isReadOnly() and not frame.seal.isEnabled()
    assert not frame.signer_list.add_button.isVisible() and not frame.attachment_list.add_button.isVisible()
    frame.letterhead_box.setChecked(False)  # the box goes back: view only
    assert frame.letterhead_box.isChecked() and w.current_report().letterhead is not None
    assert not w.editor.info.frame_switch.isEnabled() and w.editor.info.recipient.isReadOnly()
    w.close()
    ro.close()


def test_ctrl_z_undoes_typing_first_then_the_added_signer_or_attachment(qtbot, window):
    report = new_report(qtbot, window, "congyan_unit")
    frame = window.editor.frame
    window.editor.setCurrentWidget(frame)
    for button, field, count in (
        (frame.signer_list.add_button, lambda: frame.signer_list.rows[1].name, lambda: len(report.letterhead.signers)),
        (frame.attachment_list.add_button, lambda: frame.attachment_list.ordered()[0].title,
         lambda: len(report.attachments)),
    ):
        before = count()
        qtbot.mouseClick(button, LEFT)
        w = field()
        assert QApplication.focusWidget() is w
        type_text(qtbot, w, "新内容")
        qtbot.keyClick(w, Qt.Key.Key_Z, CTRL)
        assert count() == before + 1 and w.text() == ""  # the typing, not the add
        qtbot.keyClick(w, Qt.Key.Key_Z, CTRL)
        assert count() == before


def test_ctrl_z_in_an_older_field_undoes_the_newer_add(qtbot, window):
    """Typing in 签发人 1, then adding 签发人 2: Ctrl+Z back in the first row removes the added row, as for items."""
    report = new_report(qtbot, window, "congyan_unit")
    frame = window.editor.frame
    window.editor.setCurrentWidget(frame)
    first = frame.signer_list.rows[0].name
    retype(qtbot, first, "王明")
    qtbot.mouseClick(frame.signer_list.add_button, LEFT)
    assert report.letterhead.signers == ["王明", ""]
    first = frame.signer_list.rows[0].name
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Z, CTRL)
    assert report.letterhead.signers == ["王明"]


def test_item_shortcuts_work_on_attachments_and_signers(qtbot, window):
    """Ctrl+Enter, Alt+Up/Down and Ctrl+Shift+Delete act on the 附件 card or 签发人 row holding the keyboard."""
    alt, shift = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ShiftModifier
    report = new_report(qtbot, window, "congyan_unit")
    frame = window.editor.frame
    window.editor.setCurrentWidget(frame)
    qtbot.mouseClick(frame.attachment_list.add_button, LEFT)
    type_text(qtbot, QApplication.focusWidget(), "甲")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)  # a new card below, keyboard in it
    type_text(qtbot, QApplication.focusWidget(), "乙")
    assert [a.title for a in report.attachments] == ["甲", "乙"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up, alt)
    assert [a.title for a in report.attachments] == ["乙", "甲"]
    assert QApplication.focusWidget() is frame.attachment_list.ordered()[0].title
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Delete, CTRL | shift)
    assert [a.title for a in report.attachments] == ["甲"]
    name = frame.signer_list.rows[0].name
    retype(qtbot, name, "王明")
    qtbot.keyClick(name, Qt.Key.Key_Return, CTRL)
    type_text(qtbot, QApplication.focusWidget(), "李华")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up, alt)
    assert report.letterhead.signers == ["李华", "王明"]
    frame.mark.setFocus()  # not on a card or row: the shortcut says where to click instead
    qtbot.keyClick(frame.mark, Qt.Key.Key_Up, alt)
    assert report.letterhead.signers == ["李华", "王明"] and "条目" in window.statusBar().currentMessage()


def test_every_printed_span_leads_to_its_widget(qtbot, window):
    """Click-to-edit from the preview: each (field, start, end) the layout prints selects text in the editor.

    With the frame on the page (export/, issue 8) this walks the 版头, 主送, 附件 and 版记 lines too.
    """
    from bench.screenshot_frame import unit_report
    from export.layout import layout_report
    from export.locate import line_map

    window.open_report(window.store.create(unit_report()))
    spans = [s for page in line_map(layout_report(window.current_report())) for line in page for s in line.source]
    assert len(spans) > 10
    for path, start, end in spans:
        window.select_field(path, start, end)
        w = QApplication.focusWidget()
        assert w is not None and window.editor.isAncestorOf(w), path
    # The frame is on the page (版头, 主送, 附件 pages, 版记), and each of its printed lines leads to its field.
    seen = {path.split(".")[0] for path, _s, _e in spans}
    assert {"letterhead", "record", "attachments", "recipient"} <= seen, seen


def test_filled_frame_shows_in_the_preview(qtbot, window):
    """Type the frame into the form, open 打印预览: the typeset pages carry 版头, 主送, 附件 and 版记."""


    report = new_report(qtbot, window, "congyan_unit")
    editor = window.editor
    retype(qtbot, editor.info.recipient, "中共示范区委")
    editor.setCurrentIndex(1)
    frame = editor.frame
    retype(qtbot, frame.mark, "中共示范区农业农村局党组文件")
    retype(qtbot, frame.number, "示农党组〔2026〕12号")
    retype(qtbot, frame.signer_list.rows[0].name, "王明")
    qtbot.mouseClick(frame.attachment_list.add_button, LEFT)
    type_text(qtbot, frame.attachment_list.ordered()[0].title, "问题整改台账")
    window.show_preview()
    preview = window.docs.preview
    # The preview draws only the pages on screen: ask for all of them, as scrolling through would.
    qtbot.waitUntil(lambda: preview.result is not None and window.docs.typesetter.idle()
                    and "问题整改台账" in str(window.current_report().attachments), timeout=20000)

    def all_text() -> str:
        res = preview.result
        missing = [i for i, pid in enumerate(res.page_ids) if pid not in preview.strip.docs]
        if missing:
            preview.needPages.emit(res.run, missing)
            return ""
        return "".join(_pdf_text(preview.strip.docs[pid]._bytes) for pid in res.page_ids)

    qtbot.waitUntil(lambda: "附件：问题整改台账" in all_text(), timeout=20000)
    text = all_text()
    assert "中共示范区农业农村局党组文件" in text and "示农党组〔2026〕12号" in text and "王明" in text
    assert "中共示范区委：" in text and "附件：问题整改台账" in text and "抄送：区纪委监委。" in text
    assert preview.result.pages % 2 == 0  # the 版记 ends the document on an even page
    assert report.letterhead.signers[0] == "王明"


def _pdf_text(data: bytes) -> str:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "".join((p.extract_text() or "") for p in pdf.pages).replace("\n", "").replace(" ", "")


def test_the_bracket_button_puts_a_written_years_brackets_right(qtbot, window):
    new_report(qtbot, window, "congyan_unit")
    editor = window.editor
    editor.setCurrentIndex(1)
    frame = editor.frame
    retype(qtbot, frame.number, "县委[2026]12号")
    qtbot.mouseClick(frame.bracket, LEFT)
    assert frame.number.text() == "县委〔2026〕12号"  # not a second year at the cursor
    assert editor.report.letterhead.number == "县委〔2026〕12号"
    frame.number.undo()
    assert frame.number.text() == "县委[2026]12号"
    retype(qtbot, frame.number, "县委（２０２６）12号")
    qtbot.mouseClick(frame.bracket, LEFT)
    assert frame.number.text() == "县委〔2026〕12号"
    qtbot.mouseClick(frame.bracket, LEFT)  # already right: nothing changes
    assert frame.number.text() == "县委〔2026〕12号"


def test_enter_after_an_attachment_title_goes_on_to_its_body(qtbot, window):
    report = new_report(qtbot, window, "congyan_unit")
    frame = window.editor.frame
    window.editor.setCurrentWidget(frame)
    qtbot.mouseClick(frame.attachment_list.add_button, LEFT)
    type_text(qtbot, QApplication.focusWidget(), "任务清单")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    type_text(qtbot, QApplication.focusWidget(), "一、强化政治建设。")
    assert (report.attachments[0].title, report.attachments[0].body) == ("任务清单", "一、强化政治建设。")
