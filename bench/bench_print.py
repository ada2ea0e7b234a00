"""打印: what the printer receives, as text (ui/preview/painter.py) against the old 300-dpi pictures.

Run: QT_QPA_PLATFORM=offscreen python bench/bench_print.py   (prints pages, seconds and bytes of each)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter
    from PySide6.QtPrintSupport import QPrinter

    from bench.sample_report import sample_report
    from export.backends.pdf import render_pdf_bytes
    from ui.app import make_app
    from ui.preview.pdf_pages import PdfPages
    from ui.preview.printing import make_printer, print_layout

    app = make_app()
    data, result = render_pdf_bytes(sample_report())
    out = Path(tempfile.mkdtemp(prefix="tianbao-print-"))

    def printer_to(name: str) -> QPrinter:
        printer = make_printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out / name))
        return printer

    start = time.perf_counter()
    pages = print_layout(result.layout, printer_to("text.pdf"))
    text_s = time.perf_counter() - start

    start = time.perf_counter()
    images = PdfPages(data)
    printer = printer_to("pictures.pdf")
    painter = QPainter(printer)
    for n in range(images.page_count()):
        if n:
            printer.newPage()
        painter.drawImage(QRectF(painter.viewport()), images.render(n, 300))
    painter.end()
    picture_s = time.perf_counter() - start
    for label, name, secs in (("text (now)", "text.pdf", text_s), ("300-dpi pictures (before)", "pictures.pdf", picture_s)):
        size = (out / name).stat().st_size
        print(f"{label:28s} {pages} pages  {secs:6.2f} s  {size / 1024:8.0f} KB")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
