"""Pasting from Word or WPS keeps only the text: no fonts, colours or bold reach the report."""

import pytest
from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import new_report

WORD_HTML = (
    '<html><body><p class=MsoNormal style="font-family:仿宋_GB2312;color:red">'
    "<b>一是加强学习。</b><span style='font-size:16pt'>坚持“第一议题”制度。</span></p></body></html>"
)
TEXT = "一是加强学习。坚持“第一议题”制度。"


@pytest.fixture(autouse=True)
def _clear_clipboard(qapp):
    """The clipboard owns the mime data; clearing it while the app lives avoids a double free at exit."""
    yield
    QApplication.clipboard().clear()


def _clipboard(html: str, text: str) -> None:
    mime = QMimeData()
    mime.setHtml(html)
    mime.setText(text)
    QApplication.clipboard().setMimeData(mime)


def test_rich_text_from_word_is_pasted_as_plain_text(qtbot, window, db_path):
    report = new_report(qtbot, window)
    window.editor.setCurrentIndex(1)
    body = window.editor.currentWidget().card_for(0).body
    body.setFocus()
    _clipboard(WORD_HTML, TEXT)
    body.paste()
    assert body.toPlainText() == TEXT
    html = body.toHtml()
    assert "color" not in html and "font-weight:700" not in html and "仿宋_GB2312" not in html
    window.autosave.flush()
    assert window.store.load(report.id).sections[0].items[0].body == TEXT


def test_pasting_lines_into_a_lead_keeps_one_line(qtbot, window):
    new_report(qtbot, window)
    window.editor.setCurrentIndex(1)
    lead = window.editor.currentWidget().card_for(0).lead
    lead.setFocus()
    _clipboard("<p>加强政治建设。</p><p>第二段</p>", "加强政治建设。\n第二段")
    lead.paste()
    assert "\n" not in lead.text() and lead.text().startswith("加强政治建设。")


def test_a_lead_wider_than_its_box_shows_whole_on_hover(qtbot, window):
    new_report(qtbot, window)
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    window.editor.setCurrentIndex(1)
    lead = window.editor.currentWidget().card_for(0).lead
    qtbot.waitUntil(lambda: lead.width() > 150)
    lead.setText("加强政治建设。")
    assert lead.toolTip() == "引领句（导出时加粗）"  # it fits: the tip only says what the box is
    long = "坚持以习近平新时代中国特色社会主义思想为指导，持续深化党的创新理论武装，推动学习教育走深走实。"
    lead.setText(long)
    assert lead.toolTip() == "引领句（导出时加粗）\n" + long
    lead.resize(lead.fontMetrics().horizontalAdvance(long) + 40, lead.height())  # a window wide enough
    assert lead.toolTip() == "引领句（导出时加粗）"
    bigger = lead.font()
    bigger.setPointSizeF(bigger.pointSizeF() * 2)  # the editor zoomed in: the same box no longer holds it
    lead.setFont(bigger)
    assert lead.toolTip() == "引领句（导出时加粗）\n" + long


def test_a_long_lead_shows_its_beginning_when_the_report_opens(qtbot, window):
    from models.report import Item

    report = new_report(qtbot, window)
    long = "坚持以习近平新时代中国特色社会主义思想为指导，持续深化党的创新理论武装，推动学习教育走深走实。"
    report.sections[0].items = [Item(long, "正文。")]
    window.editor.set_report(report)
    window.editor.setCurrentIndex(1)
    lead = window.editor.currentWidget().card_for(0).lead
    assert lead.text() == long and lead.cursorPosition() == 0
