"""PDF bytes -> page images with QtPdf; shared by the preview and printing."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QSize
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument

POINTS_PER_INCH = 72.0


class PdfPages(QObject):
    """Holds one rendered PDF in memory and renders its pages at any resolution."""

    def __init__(self, data: bytes, parent: QObject | None = None):
        super().__init__(parent)
        self._bytes = QByteArray(data)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

    def page_count(self) -> int:
        return self.document.pageCount()

    def page_size_pt(self, index: int) -> tuple[float, float]:
        s = self.document.pagePointSize(index)
        return s.width(), s.height()

    def render(self, index: int, dpi: float) -> QImage:
        """Page ``index`` (0-based) as an image at ``dpi`` dots per inch."""
        w, h = self.page_size_pt(index)
        size = QSize(round(w * dpi / POINTS_PER_INCH), round(h * dpi / POINTS_PER_INCH))
        return self.document.render(index, size)
