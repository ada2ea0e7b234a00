"""Live print preview: the real exported PDF, re-rendered off the UI thread as the author types."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from ui.preview.pdf_pages import POINTS_PER_INCH, PdfPages

PAGE_GAP = 16
CACHE_PAGES = 12
MARK_COLOUR = QColor(255, 140, 0, 70)  # findings of 检查 on the page: a light orange wash


class PageStrip(QWidget):
    """Pages stacked vertically; only visible pages are rendered, a few are cached."""

    clicked = Signal(int, float, float)  # page number (1-based), x and y in pt from the page's top-left

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.pages: PdfPages | None = None
        self.lines = None  # the layout's line map (export.locate), for marking findings
        self.marks: dict[str, list[tuple[int, int]]] = {}  # field path -> character ranges to mark
        self.dpi = 60.0
        self._cache: OrderedDict[tuple[int, float], QImage] = OrderedDict()
        self.setAutoFillBackground(True)
        pal = self.palette()
        pal.setColor(self.backgroundRole(), QColor("#8a8f98"))
        self.setPalette(pal)

    def set_pages(self, pages: PdfPages | None) -> None:
        self.pages = pages
        self._cache.clear()
        self._resize()

    def set_dpi(self, dpi: float) -> None:
        dpi = max(20.0, min(200.0, dpi))
        if abs(dpi - self.dpi) < 0.5:
            return
        self.dpi = dpi
        self._cache.clear()
        self._resize()

    def fit_dpi(self, width_px: int) -> float:
        """The resolution at which the widest page fills ``width_px``."""
        if self.pages is None or self.pages.page_count() == 0:
            return self.dpi
        widest = max(self.pages.page_size_pt(i)[0] for i in range(self.pages.page_count()))
        return (width_px - 2 * PAGE_GAP) * POINTS_PER_INCH / widest

    def _page_px(self, i: int) -> QSize:
        assert self.pages is not None
        w, h = self.pages.page_size_pt(i)
        return QSize(round(w * self.dpi / POINTS_PER_INCH), round(h * self.dpi / POINTS_PER_INCH))

    def _page_rects(self) -> list[QRect]:
        if self.pages is None:
            return []
        rects, y = [], PAGE_GAP
        for i in range(self.pages.page_count()):
            s = self._page_px(i)
            rects.append(QRect(max(PAGE_GAP, (self.width() - s.width()) // 2), y, s.width(), s.height()))
            y += s.height() + PAGE_GAP
        return rects

    def _resize(self) -> None:
        rects = self._page_rects()
        height = rects[-1].bottom() + PAGE_GAP if rects else 0
        width = max((r.width() for r in rects), default=0) + 2 * PAGE_GAP
        self.setMinimumSize(width, height)
        self.update()

    def _image(self, i: int) -> QImage:
        key = (i, self.dpi)
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        assert self.pages is not None
        img = self.pages.render(i, self.dpi * self.devicePixelRatioF())
        img.setDevicePixelRatio(self.devicePixelRatioF())
        self._cache[key] = img
        while len(self._cache) > CACHE_PAGES:
            self._cache.popitem(last=False)
        return img

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        for i, rect in enumerate(self._page_rects()):
            if not rect.intersects(event.rect()):
                continue
            painter.fillRect(rect.translated(2, 3), QColor(0, 0, 0, 60))
            painter.fillRect(rect, Qt.GlobalColor.white)
            painter.drawImage(rect, self._image(i))
            if self.marks and self.lines is not None and i < len(self.lines):
                self._paint_marks(painter, i, rect)
        painter.end()

    def _paint_marks(self, painter: QPainter, i: int, rect: QRect) -> None:
        """A light highlight under every printed character a 检查 finding covers."""
        assert self.pages is not None
        scale = self.dpi / POINTS_PER_INCH
        height = self.pages.page_size_pt(i)[1]
        for line in self.lines[i]:
            for x0, x1, fld, offset in line.glyphs:
                ranges = self.marks.get(fld)
                if ranges and any(s <= offset < e for s, e in ranges):
                    painter.fillRect(QRect(rect.x() + round(x0 * scale), rect.y() + round((height - line.top) * scale),
                                           max(1, round((x1 - x0) * scale)), max(1, round((line.top - line.bottom) * scale))),
                                     MARK_COLOUR)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos: QPoint = event.position().toPoint()
        for i, rect in enumerate(self._page_rects()):
            if rect.contains(pos):
                scale = POINTS_PER_INCH / self.dpi
                self.clicked.emit(i + 1, (pos.x() - rect.x()) * scale, (pos.y() - rect.y()) * scale)
                return
        super().mousePressEvent(event)


class PreviewPanel(QWidget):
    """Shows the report as it will print; click a line to edit it."""

    locate = Signal(str, int, int)  # field path and cursor position (start == end) of the click

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.result = None
        self.strip = PageStrip()
        self.strip.clicked.connect(self._on_click)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.strip)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.status = QLabel(self.tr("预览尚未生成"))
        self.status.setStyleSheet("color: #666;")
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.fit_width = True  # follow the panel's width until the author zooms by hand
        self.scroll.viewport().installEventFilter(self)
        zoom_out = QPushButton("－")
        zoom_in = QPushButton("＋")
        fit = QPushButton(self.tr("适合宽度"))
        for b, factor, tip in ((zoom_out, 1 / 1.2, self.tr("缩小")), (zoom_in, 1.2, self.tr("放大"))):
            b.setFixedWidth(28)
            b.setToolTip(tip)
            b.clicked.connect(lambda _=False, f=factor: self._zoom(f))
        fit.clicked.connect(self._fit)
        fit.setToolTip(self.tr("页面随面板宽度缩放"))
        self.strip.setToolTip(self.tr("单击页面上的一行，即跳到这行文字处修改"))
        self.zoom_label = QLabel()  # 100% is the page's real size on this screen
        self.zoom_label.setStyleSheet("color: #666;")
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.zoom_label)
        bar.addWidget(fit)
        bar.addWidget(zoom_out)
        bar.addWidget(zoom_in)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)
        self.setFocusProxy(self.scroll)  # F8: PgDown and the arrows scroll the pages

    def _zoom(self, factor: float) -> None:
        self.fit_width = False
        self.strip.set_dpi(self.strip.dpi * factor)
        self._show_zoom()

    def _show_zoom(self) -> None:
        self.zoom_label.setText(f"{round(self.strip.dpi / self.logicalDpiX() * 100)}%")

    def _fit(self) -> None:
        self.fit_width = True
        self._apply_fit()

    def _apply_fit(self) -> None:
        if self.fit_width:
            self.strip.set_dpi(self.strip.fit_dpi(self.scroll.viewport().width()))
            self._show_zoom()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if obj is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._apply_fit()
        return False

    def show_busy(self) -> None:
        self.status.setText(self.tr("正在排版…"))

    def show_failure(self, message: str) -> None:
        self.status.setText(self.tr("预览失败：") + message)

    def show_result(self, result) -> None:
        """Show a PreviewResult (export/preview.py)."""
        self.result = result
        old = self.strip.pages
        self.strip.set_pages(PdfPages(result.data, self))
        self._apply_fit()
        if old is not None:
            old.deleteLater()
        self.strip.lines = getattr(result, "lines", None)
        self.status.setText(self.tr("共 %n 页", "", result.pages))

    def set_marks(self, findings) -> None:
        """Mark these findings on the pages (an empty list clears the marks)."""
        marks: dict[str, list[tuple[int, int]]] = {}
        for f in findings:
            if f.field and f.end > f.start:
                marks.setdefault(f.field, []).append((f.start, f.end))
        if marks != self.strip.marks:
            self.strip.marks = marks
            self.strip.update()

    def _on_click(self, page: int, x: float, y_top: float) -> None:
        if self.result is None:
            return
        from export.locate import locate_cursor

        place = locate_cursor(self.result.lines, page, x, y_top)
        if place is not None:
            self.locate.emit(*place)
