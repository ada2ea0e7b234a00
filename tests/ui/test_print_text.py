"""打印 sends text, not pictures: printed to a PDF file through QPrinter and read back with pdfplumber."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from PySide6.QtPrintSupport import QPrinter

from export.backends.pdf import render_pdf_bytes
from export.layout import RED, Rule
from models.importers.structure import parse_text
from tests.conftest import SAMPLE
from ui.preview.printing import make_printer, page_order, print_layout

A4 = (595.28, 841.89)


@pytest.fixture(scope="module")
def exported():
    report, _ = parse_text(SAMPLE.read_text(encoding="utf-8"))
    report.title = "关于履行全面从严治党责任情况的报告"
    data, result = render_pdf_bytes(report)
    return data, result.layout


def _print(layout, path, first=0, last=0, copies=1):
    printer = make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    if first:
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(first, last)
    printer.setCopyCount(copies)
    return print_layout(layout, printer)


def _chars(page):
    return sorted(((c["text"], c["x0"], c["top"]) for c in page.chars if c["text"].strip()),
                  key=lambda c: (round(c[2]), c[1]))


def test_printed_pages_are_text_where_the_export_puts_it(qapp, exported, tmp_path):
    data, layout = exported
    out = tmp_path / "printed.pdf"
    assert _print(layout, out) == len(layout.pages) == 5
    assert out.stat().st_size < 1_000_000  # text and font subsets, not five 300-dpi pictures (3.4 MB)
    with pdfplumber.open(io.BytesIO(data)) as ref, pdfplumber.open(out) as got:
        assert len(got.pages) == len(ref.pages)
        for p_ref, p_got in zip(ref.pages, got.pages, strict=True):
            assert abs(p_got.width - A4[0]) < 0.5 and abs(p_got.height - A4[1]) < 0.5  # A4, no scaling
            assert not p_got.images
            a, b = _chars(p_ref), _chars(p_got)
            assert [c[0] for c in b] == [c[0] for c in a]  # the text extracts as exported
            worst = max(max(abs(x1 - x2), abs(t1 - t2)) for (_, x1, t1), (_, x2, t2) in zip(a, b, strict=True))
            assert worst < 0.5, worst
        assert "关于履行全面从严治党" in got.pages[0].extract_text().replace("\n", "")


def test_page_range_and_copies_are_honoured(qapp, exported, tmp_path):
    _data, layout = exported
    out = tmp_path / "range.pdf"
    assert _print(layout, out, 2, 3, copies=2) == 4
    with pdfplumber.open(out) as got:
        numbers = [p.extract_text().strip().splitlines()[-1] for p in got.pages]
    assert numbers == ["— 2 —", "— 3 —", "— 2 —", "— 3 —"]


def test_uncollated_copies(qapp):
    printer = make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setCopyCount(2)
    printer.setCollateCopies(False)
    assert page_order(printer, 2) == [1, 1, 2, 2]


def test_rules_and_colour_print(qapp, exported, tmp_path):
    _data, layout = exported
    page = layout.pages[0]
    page.rules.append(Rule(79.4, 515.9, 500.0, 1.0, RED))
    first = next(ln for ln in page.lines if ln.glyphs)
    first.glyphs[0].color = RED
    try:
        out = tmp_path / "frame.pdf"
        _print(layout, out, 1, 1)
        with pdfplumber.open(out) as got:
            p = got.pages[0]
            red = [o for o in p.lines + p.rects if o.get("stroking_color") in ((1, 0, 0), [1, 0, 0], (1.0, 0.0, 0.0))]
            assert red and abs(red[0]["top"] - (A4[1] - 500.0)) < 1.0
            char = next(c for c in p.chars if c["text"] == first.glyphs[0].char)
            assert tuple(char["non_stroking_color"]) in ((1, 0, 0), (1.0, 0.0, 0.0))
    finally:
        page.rules.pop()
        first.glyphs[0].color = None
