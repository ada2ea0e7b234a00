"""套打 in the 文件 menu, and printing an official document on both sides with its blank pages."""

from __future__ import annotations

import pdfplumber
import pypdf
from PySide6.QtPrintSupport import QPrinter

from tests.export.frame_sample import red, unit_report


def _taoda(window):
    return window.menu_actions["taoda"]


def test_taoda_is_a_check_box_in_the_file_menu(qtbot, window):
    act = _taoda(window)
    file_menu = window.menuBar().actions()[0].menu()
    assert act in file_menu.actions()
    assert act.text() == "套打（不印红色版头）" and act.isCheckable() and not act.isChecked()
    act.trigger()
    assert act.isChecked() and "套打" in window.statusBar().currentMessage()
    act.trigger()
    assert not act.isChecked()


def test_export_with_taoda_leaves_out_the_red_head(qtbot, window, dialogs, tmp_path):
    window.add_report(unit_report(attachments=1))
    plain, taoda = tmp_path / "红头.pdf", tmp_path / "套打.pdf"
    dialogs.save_path = str(plain)
    assert window.docs.export_pdf() == plain
    _taoda(window).trigger()
    dialogs.save_path = str(taoda)
    assert window.docs.export_pdf() == taoda
    with pdfplumber.open(plain) as a, pdfplumber.open(taoda) as b:
        assert any(red(c) for c in a.pages[0].chars) and not any(red(c) for c in b.pages[0].chars)
        assert len(a.pages) == len(b.pages)
        assert "青农党〔2026〕7号" in b.pages[0].extract_text()


def _requested_duplex(monkeypatch) -> list:
    """The duplex modes the window asks of a printer (Qt drops them when, as here, no printer can duplex)."""
    seen = []
    original = QPrinter.setDuplex

    def spy(printer, mode):
        seen.append(mode)
        original(printer, mode)

    monkeypatch.setattr(QPrinter, "setDuplex", spy)
    return seen


def test_print_sends_every_page_with_blank_ones_and_asks_for_long_edge_duplex(qtbot, window, dialogs, tmp_path,
                                                                             monkeypatch):
    report = unit_report(attachments=1)
    window.add_report(report)
    seen = _requested_duplex(monkeypatch)
    dialogs.print_path = str(tmp_path / "printed.pdf")
    from export.layout import layout_report

    pages = len(layout_report(report).pages)
    assert pages % 2 == 0
    assert window.docs.print_report() == pages
    assert len(pypdf.PdfReader(dialogs.print_path).pages) == pages
    assert seen == [QPrinter.DuplexMode.DuplexLongSide]


def test_a_personal_report_prints_with_the_printers_own_duplex_setting(qtbot, window, dialogs, monkeypatch):
    report = unit_report(attachments=0, letterhead=False, record=False)
    window.add_report(report)
    seen = _requested_duplex(monkeypatch)
    window.docs.print_report()
    assert seen == [QPrinter.DuplexMode.DuplexAuto]
