"""After an import the window says what it understood, and one click undoes the whole import."""

from pathlib import Path

from tests.ui.conftest import new_report

CORPUS = Path(__file__).resolve().parents[1] / "data" / "import"


def test_import_shows_what_became_what_and_undo_moves_it_to_the_trash(qtbot, window, dialogs):
    dialogs.open_path = str(CORPUS / "letterhead_97.doc")
    window.import_file()
    report = window.current_report()
    assert report.letterhead.mark == "中共某某县某某局党组文件" and report.recipient == "中共某某县委"
    label = window.docs.notice.label
    assert label.isVisible()
    assert "3 部分 / 6 条" in label.text() and "版头" in label.text() and "版记" in label.text()
    assert "撤销导入" in label.text()
    label.linkActivated.emit("details")
    assert "主送：中共某某县委" in dialogs.asked[-1][1]
    label.linkActivated.emit("undo")
    assert window.current_report() is None and window.report_list.ids() == []
    assert [r.id for r in window.store.list_reports(deleted=True)] == [report.id]  # in the 回收站, restorable
    assert not label.isVisible()
    assert "已撤销导入" in window.statusBar().currentMessage()


def test_undo_offer_goes_away_when_another_report_is_opened(qtbot, window, dialogs):
    first = new_report(qtbot, window)
    dialogs.open_path = str(CORPUS / "auto_numbering.docx")
    window.import_file()
    assert window.docs.notice.label.isVisible()
    window.open_report(first.id)
    assert not window.docs.notice.label.isVisible()


def test_a_whole_document_pasted_into_one_body_offers_paste_import(qtbot, window, dialogs):
    new_report(qtbot, window)
    window.editor.setCurrentIndex(1)
    body = window.editor.currentWidget().card_for(0).body
    offer = window.docs.paste_offer.label
    assert not offer.isVisible()
    text = "一、主要做法\n一是抓学习。学原文。\n二是抓落实。\n二、存在问题\n（一）学习不深。\n（二）调研不够。"
    body.setPlainText(text)
    qtbot.waitUntil(offer.isVisible)
    offer.linkActivated.emit("paste")
    assert dialogs.paste_prefilled == text
    report = window.current_report()
    assert [s.heading for s in report.sections] == ["主要做法", "存在问题"]
    assert "2 部分 / 4 条" in window.docs.notice.label.text()
    assert len(window.report_list.ids()) == 2  # the original report is kept as it was


def test_undo_offer_goes_with_the_first_edit_or_an_export(qtbot, window, dialogs, tmp_path):
    dialogs.open_path = str(CORPUS / "auto_numbering.docx")
    window.import_file()
    label = window.docs.notice.label
    assert label.isVisible()
    window.editor.info.signature.setText("中共某某县某某局")  # work on it begins: 撤销导入 would trash it
    assert not label.isVisible()

    dialogs.open_path = str(CORPUS / "auto_numbering.docx")
    window.import_file()
    assert label.isVisible()
    dialogs.save_path = str(tmp_path / "out.pdf")
    window.export_pdf()
    assert window.docs.export_link.isVisible() and not label.isVisible()


def test_the_ctrl_z_hint_goes_once_the_removal_is_undone(qtbot, window):
    from tests.ui.conftest import new_report as fresh

    report = fresh(qtbot, window)
    window.editor.remove_item(report.sections[0], 0)
    assert "Ctrl+Z" in window.statusBar().currentMessage()
    window.undo()
    assert window.statusBar().currentMessage() == ""
