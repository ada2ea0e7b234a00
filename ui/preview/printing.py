"""Print the exported PDF 1:1 on A4: never scaled to fit, so the GB/T 9704 margins survive."""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QRectF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from ui.preview.pdf_pages import PdfPages

PRINT_DPI = 300


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


def print_pdf(pages: PdfPages, printer: QPrinter) -> int:
    """Draw every page (or the printer's chosen range) at full-page size; returns pages printed."""
    first, last = 1, pages.page_count()
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = max(1, printer.fromPage()), min(last, printer.toPage() or last)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    printed = 0
    try:
        for n in range(first, last + 1):
            if printed:
                printer.newPage()
            image = pages.render(n - 1, PRINT_DPI)
            target = QRectF(painter.viewport())
            painter.drawImage(target, image)
            printed += 1
    finally:
        painter.end()
    return printed
