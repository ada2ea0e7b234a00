"""PDF bytes -> page images with PDFium (pypdfium2); shared by the preview and printing.

PDFium rather than QtPdf: QtPdf ships only as PySide6_Pdf 6.12.0 (pinned to the broken 6.12.0 release) or
inside PySide6-Addons, while pypdfium2 is a small BSD-licensed wheel for every platform and Python.
"""

from __future__ import annotations

import atexit
import weakref

from PySide6.QtCore import QObject
from PySide6.QtGui import QImage

POINTS_PER_INCH = 72.0
_OPEN: weakref.WeakSet = weakref.WeakSet()  # documents still open, closed quietly at exit


def _close_all() -> None:
    """Close what is still open before PDFium's own exit handler would, which names each one on stderr."""
    for doc in list(_OPEN):
        doc.close()


class PdfPages(QObject):
    """Holds one rendered PDF in memory and renders its pages at any resolution."""

    def __init__(self, data: bytes, parent: QObject | None = None):
        super().__init__(parent)
        import pypdfium2 as pdfium  # on the first page shown, not at start-up (~20 ms)

        if not getattr(_close_all, "registered", False):
            atexit.register(_close_all)  # after pypdfium2's own handler, so it runs before it
            _close_all.registered = True  # type: ignore[attr-defined]
        self._bytes = bytes(data)  # PDFium reads from this buffer for as long as the document lives
        self.document = pdfium.PdfDocument(self._bytes)
        _OPEN.add(self.document)
        self._sizes = [self.document.get_page_size(i) for i in range(len(self.document))]

    def page_count(self) -> int:
        return len(self._sizes)

    def page_size_pt(self, index: int) -> tuple[float, float]:
        return self._sizes[index]

    def render(self, index: int, dpi: float) -> QImage:
        """Page ``index`` (0-based) as an image at ``dpi`` dots per inch."""
        page = self.document[index]
        try:
            bitmap = page.render(scale=dpi / POINTS_PER_INCH, prefer_bgrx=True)
            # BGRx bytes are QImage's RGB32 on little-endian machines; copy before PDFium frees them.
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB32)
            return image.copy()
        finally:
            page.close()
