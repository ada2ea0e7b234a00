"""The question before 导出PDF / 打印: what is still open first, font substitutions folded into one line."""

from __future__ import annotations

import pytest

from export.layout import layout_report
from tests.ui.conftest import OFFSCREEN_NOISE
from tests.ui.test_document_actions import _sample


def test_export_question_is_short_and_names_its_buttons(qtbot, window, dialogs):
    report = _sample(window)
    dialogs.confirm_answer = False
    assert window.docs.export_pdf() is None
    asked = dialogs.last_confirm
    assert asked["text"].startswith("还有 12 处待填写")
    assert asked["text"].endswith("仍要导出PDF吗？")
    assert (asked["yes"], asked["no"]) == ("导出PDF", "返回修改")
    # Which places: 显示详情… lists them as 检查 names them.
    assert "显示详情" in asked["text"]
    places = asked["details"].split("\n\n")[0].splitlines()
    assert len(places) >= 12 and all("：" in p for p in places) and places[0].startswith("第一部分第1条")
    subs = layout_report(report).substitutions
    if subs:  # a PC without the official fonts: one line in the question, the list behind 显示详情
        assert "已用相近字体代替" in asked["text"]
        assert "点“显示详情…”查看" in asked["text"]  # the button's own words (ui/dialogs/base.py set_details)
        assert all(s not in asked["text"] and s in asked["details"] for s in subs)


def test_print_job_is_named_after_the_report(qtbot, window, dialogs):
    _sample(window)
    names = []
    dialogs.print_setup = lambda parent, printer: names.append(printer.docName()) and False
    window.docs.print_report()
    assert names == ["关于履行全面从严治党责任情况的报告"]


def test_first_export_suggests_the_documents_folder(qtbot, window, dialogs, tmp_path, monkeypatch):
    from pathlib import Path

    from PySide6.QtCore import QStandardPaths

    monkeypatch.setenv("HOME", str(tmp_path / "user"))
    (tmp_path / "user" / "Documents").mkdir(parents=True)
    _sample(window)
    dialogs.confirm_answer = True
    dialogs.save_path = None  # the author cancels the save dialog
    assert window.docs.export_pdf() is None
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert Path(dialogs.suggested) == Path(documents) / "关于履行全面从严治党责任情况的报告.pdf"


def test_export_link_stays_short_for_a_long_title(qtbot, window, dialogs, tmp_path):
    from ui.document_actions import default_pdf_name

    report = _sample(window)
    report.title = "关于2026年度某某县财政局党组履行全面从严治党主体责任和监督责任情况及2027年工作打算（R&D）的报告"
    target = tmp_path / default_pdf_name(report)
    dialogs.confirm_answer = True
    dialogs.save_path = str(target)
    assert window.docs.export_pdf() == target
    link = window.docs.export_link
    assert "打开所在文件夹" in link.text() and "R&amp;D" in link.text()  # shown as text, not markup
    assert link.sizeHint().width() < 700  # leaves the link on screen at 1366 px
    assert link.toolTip() == str(target)


def test_printing_says_it_happened(qtbot, window, dialogs, tmp_path):
    _sample(window)
    dialogs.confirm_answer = True
    dialogs.print_path = str(tmp_path / "printed.pdf")
    assert window.docs.print_report() == 5
    assert window.statusBar().currentMessage().startswith("已发送 5 页到打印机")


# Qt's own word for the failure we report (one marker replaces conftest's, so its pattern is repeated).
@pytest.mark.qt_log_ignore(r"QPainter::begin\(\): Returned false", OFFSCREEN_NOISE)
def test_printer_that_cannot_start_is_reported(qtbot, window, dialogs, tmp_path):
    _sample(window)
    dialogs.confirm_answer = True
    dialogs.print_path = str(tmp_path / "no-such-folder" / "printed.pdf")  # the print job cannot open its file
    assert window.docs.print_report() == 0
    assert dialogs.errors and "无法开始打印" in dialogs.errors[-1]


def test_the_same_findings_are_asked_once_per_report_not_on_each_format(qtbot, window, dialogs, tmp_path):
    _sample(window)
    dialogs.confirm_answer = True
    dialogs.save_path = str(tmp_path / "a.pdf")
    assert window.docs.export_pdf() is not None
    asked = len(dialogs.asked)
    dialogs.save_path = str(tmp_path / "a.docx")
    assert window.docs.export_as(".docx") is not None
    assert len(dialogs.asked) == asked  # answered already: not asked again for Word
    assert "（已确认）" in window.statusBar().currentMessage()
    report = window.current_report()
    report.sections[0].items[1].body = report.sections[0].items[1].body.replace("X", "3", 1)  # one place filled
    window.editor.set_report(report)
    dialogs.save_path = str(tmp_path / "b.pdf")
    assert window.docs.export_pdf() is not None
    assert len(dialogs.asked) == asked + 1 and "仍要导出PDF吗" in dialogs.asked[-1][1]
