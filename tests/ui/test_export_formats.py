"""导出Word文档… and 导出OFD… in the 文件 menu: the same question, default name, file and 打开所在文件夹 as 导出PDF."""

from __future__ import annotations

import zipfile

import docx

from tests.export.handover import plain_report


def _menu_action(window, text):
    for menu_action in window.menuBar().actions():
        for act in menu_action.menu().actions():
            if act.text() == text:
                return act
    raise AssertionError(text)


def test_menu_offers_the_three_formats(window):
    window.add_report(plain_report())
    for text in ("导出PDF…", "导出Word文档…", "导出OFD…"):
        assert _menu_action(window, text).isEnabled()
    assert _menu_action(window, "导出PDF…").shortcut().toString() == "Ctrl+E"


def test_export_word_and_ofd_from_the_menu(qtbot, window, dialogs, tmp_path):
    window.add_report(plain_report())
    window.settings.setValue("export/folder", str(tmp_path))
    dialogs.confirm_answer = True
    seen = []

    def save_path(parent, title, suggested, pattern):
        seen.append((title, suggested, pattern))
        return suggested[: suggested.rindex(".")]  # typed without the extension: it is added

    dialogs.get_save_path = save_path
    _menu_action(window, "导出Word文档…").trigger()
    _menu_action(window, "导出OFD…").trigger()
    title = "关于2026年度机关党建工作情况的报告"
    assert seen == [("导出Word文档", str(tmp_path / f"{title}.docx"), "Word 文档 (*.docx)"),
                    ("导出OFD", str(tmp_path / f"{title}.ofd"), "OFD 文件 (*.ofd)")]
    assert docx.Document(str(tmp_path / f"{title}.docx")).paragraphs[0].text == title
    with zipfile.ZipFile(tmp_path / f"{title}.ofd") as z:
        assert "Doc_0/Document.xml" in z.namelist()
    link = window.docs.export_link
    assert link.isVisible() and "打开所在文件夹" in link.text() and ".ofd" in link.toolTip()


def test_export_word_asks_about_open_places_first(window, dialogs, tmp_path):
    report = plain_report()
    report.preamble += "XX"  # a placeholder still to fill
    window.add_report(report)
    dialogs.confirm_answer = False
    dialogs.save_path = str(tmp_path / "x.docx")
    assert window.docs.export_as(".docx") is None
    assert "仍要导出Word文档吗" in dialogs.asked[-1][1]
    assert not (tmp_path / "x.docx").exists()
