"""Print the Layout itself 1:1 on A4: text and lines, never a picture, never scaled to fit."""

from __future__ import annotations

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from export.layout import Layout
from ui.preview.painter import LayoutPainter

POINTS_PER_INCH = 72.0


def make_printer(*, two_sided: bool = False) -> QPrinter:
    """A 1:1 A4 printer; ``two_sided`` asks for printing on both sides, turning the sheet on its long edge
    (the blank page before a 版记 page is part of the job), otherwise the printer's own default."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide if two_sided else QPrinter.DuplexMode.DuplexAuto)
    printer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    )
    printer.setFullPage(True)
    printer.setDocName("Tianbao")
    return printer


def page_order(printer: QPrinter, pages: int) -> list[int]:
    """1-based page numbers in the order they go to the printer: the chosen range, and the copies the
    printer cannot make itself (printing to a PDF file, some drivers), collated or not as chosen."""
    first, last = 1, pages
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = max(1, printer.fromPage()), min(pages, printer.toPage() or pages)
    numbers = list(range(first, last + 1))
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    if printer.collateCopies():
        return numbers * copies
    return [n for n in numbers for _ in range(copies)]


def print_layout(layout: Layout, printer: QPrinter) -> int:
    """Draw the chosen pages at full-page size; returns pages sent (0 if the printer could not start)."""
    order = page_order(printer, len(layout.pages))
    if not order:
        return 0
    drawer = LayoutPainter(layout)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    scale = printer.resolution() / POINTS_PER_INCH  # device units per point: the page is drawn 1:1
    try:
        for k, n in enumerate(order):
            if k:
                printer.newPage()
            painter.resetTransform()
            painter.scale(scale, scale)
            drawer.draw_page(painter, layout.pages[n - 1])
    finally:
        painter.end()
    return len(order)
