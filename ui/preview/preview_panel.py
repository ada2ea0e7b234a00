"""Live print preview: the real exported PDF, re-rendered off the UI thread as the author types."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from export.geometry import PAGE_HEIGHT, PAGE_WIDTH
from ui.preview.pdf_pages import POINTS_PER_INCH, PdfPages

PAGE_GAP = 16
CACHE_PAGES = 12
MARK_COLOUR = QColor(255, 140, 0, 70)  # findings of 检查 on the page: a light orange wash


class PageStrip(QWidget):
    """Pages stacked vertically; only pages on screen are drawn (by the worker) and rendered here.

    Each page arrives as a one-page PDF with an id; a page whose id did not change between two runs
    keeps its rendered picture, so typing re-renders only the page that changed."""

    clicked = Signal(int, float, float)  # page number (1-based), x and y in pt from the page's top-left
    needPages = Signal(list)  # 0-based pages on screen that the worker has not drawn yet

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.count = 0
        self.page_ids: list[int] = []
        self.docs: dict[int, PdfPages] = {}  # page id -> its one-page PDF
        self.lines = None  # the layout's line map per page (export.locate), for marking findings
        self.marks: dict[str, list[tuple[int, int]]] = {}  # field path -> character ranges to mark
        self.dpi = 60.0
        self._cache: OrderedDict[tuple[int, float], QImage] = OrderedDict()
        self._asked: set[int] = set()
        # Only pages on screen are rendered (PDFium, ~7 ms a page at 60 dpi), once per page id and zoom: a page
        # whose lines did not change keeps its id (export/pagecache.py), so typing re-renders one or two pages.
        self._shown: dict[int, QImage] = {}  # page index -> the picture last painted there
        self.painted: set[int] = set()  # ids of the pages painted with their own picture (benchmark)
        self.setAutoFillBackground(True)
        pal = self.palette()
        pal.setColor(self.backgroundRole(), QColor("#8a8f98"))
        self.setPalette(pal)

    def set_pages(self, count: int, page_ids: list[int], drawn: dict[int, bytes]) -> None:
        """A new run: ``count`` pages, their ids, and the one-page PDFs drawn with it (by page index)."""
        resized = count != self.count
        self.count, self.page_ids = count, list(page_ids)
        self._asked = set()
        self.add_drawn(drawn, repaint=False)
        live = set(self.page_ids)
        for pid in [p for p in self.docs if p not in live]:
            self.docs.pop(pid).deleteLater()
        self._shown = {i: img for i, img in self._shown.items() if i < count}
        for key in [k for k in self._cache if k[0] not in live]:
            del self._cache[key]
        if resized:
            self._resize()
        else:
            self.update()

    def add_drawn(self, drawn: dict[int, bytes], repaint: bool = True) -> None:
        for index, data in drawn.items():
            if 0 <= index < len(self.page_ids) and self.page_ids[index] not in self.docs:
                self.docs[self.page_ids[index]] = PdfPages(data, self)
        if repaint:
            self.update()

    def set_dpi(self, dpi: float) -> None:
        dpi = max(20.0, min(200.0, dpi))
        if abs(dpi - self.dpi) < 0.5:
            return
        self.dpi = dpi
        self._cache.clear()
        self._resize()

    def fit_dpi(self, width_px: int) -> float:
        """The resolution at which the page fills ``width_px``."""
        if self.count == 0:
            return self.dpi
        return (width_px - 2 * PAGE_GAP) * POINTS_PER_INCH / PAGE_WIDTH

    def _page_px(self) -> QSize:
        return QSize(round(PAGE_WIDTH * self.dpi / POINTS_PER_INCH), round(PAGE_HEIGHT * self.dpi / POINTS_PER_INCH))

    def _page_rects(self) -> list[QRect]:
        s = self._page_px()
        x = max(PAGE_GAP, (self.width() - s.width()) // 2)
        return [QRect(x, PAGE_GAP + i * (s.height() + PAGE_GAP), s.width(), s.height()) for i in range(self.count)]

    def visible_pages(self, margin: int = 1) -> list[int]:
        """0-based pages on screen, and ``margin`` pages either side."""
        if self.count == 0:
            return list(range(1 + margin))  # the first pages, before the panel knows its page count
        area = self.visibleRegion().boundingRect()
        if area.isEmpty():
            area = QRect(0, 0, max(self.width(), 1), max(self.parentWidget().height() if self.parentWidget() else 1, 1))
        step = self._page_px().height() + PAGE_GAP
        first = max(0, (area.top() - PAGE_GAP) // step - margin)
        last = min(self.count - 1, (area.bottom() - PAGE_GAP) // step + margin)
        return list(range(first, max(first, last) + 1))

    def page_at(self, y: int) -> int:
        """The 0-based page at height ``y`` of the strip (the nearest one in a gap between pages)."""
        step = self._page_px().height() + PAGE_GAP
        return min(max(0, (y - PAGE_GAP // 2) // max(step, 1)), max(self.count - 1, 0))

    def _resize(self) -> None:
        s = self._page_px()
        height = PAGE_GAP + self.count * (s.height() + PAGE_GAP) if self.count else 0
        width = (s.width() if self.count else 0) + 2 * PAGE_GAP
        self.setMinimumSize(width, height)
        self.update()

    def _image(self, i: int) -> tuple[QImage | None, bool]:
        """(picture to paint for page ``i``, whether it is the page's current one)."""
        pid = self.page_ids[i] if i < len(self.page_ids) else None
        key = (pid, self.dpi)
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key], True
        doc = self.docs.get(pid)
        if doc is None:
            return self._shown.get(i), False
        img = doc.render(0, self.dpi * self.devicePixelRatioF())
        img.setDevicePixelRatio(self.devicePixelRatioF())
        self._keep(key, img)
        return img, True

    def _keep(self, key: tuple[int, float], img: QImage) -> None:
        self._cache[key] = img
        while len(self._cache) > CACHE_PAGES:
            self._cache.popitem(last=False)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        missing = []
        self.painted = set()
        for i, rect in enumerate(self._page_rects()):
            if not rect.intersects(event.rect()):
                continue
            painter.fillRect(rect.translated(2, 3), QColor(0, 0, 0, 60))
            painter.fillRect(rect, Qt.GlobalColor.white)
            img, current = self._image(i)
            if img is not None:
                painter.drawImage(rect, img)
                if current:
                    self._shown[i] = img
                    self.painted.add(self.page_ids[i])
                if self.marks and self.lines is not None and i < len(self.lines) and self.lines[i]:
                    self._paint_marks(painter, i, rect)
            if not current and i < len(self.page_ids) and self.page_ids[i] not in self.docs and i not in self._asked:
                missing.append(i)
        painter.end()
        # The last picture of a page is kept only near the screen (a page scrolled back to is rendered again):
        # scrolling through a long report kept every page's picture (~1.3 MB each at a 500-pixel width).
        near = set(self.visible_pages(2))
        for i in [i for i in self._shown if i not in near]:
            del self._shown[i]
        if missing:
            self._asked.update(missing)
            self.needPages.emit(missing)

    def _paint_marks(self, painter: QPainter, i: int, rect: QRect) -> None:
        """A light highlight under every printed character a 检查 finding covers."""
        scale = self.dpi / POINTS_PER_INCH
        height = PAGE_HEIGHT
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
    needPages = Signal(int, list)  # run, 0-based pages to draw (scrolled into view)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.result = None
        self.strip = PageStrip()
        self.strip.clicked.connect(self._on_click)
        self.strip.needPages.connect(lambda pages: self.result is not None
                                     and self.needPages.emit(self.result.run, pages))
        self.scroll = QScrollArea()
        # Our own viewport: asking the scroll area for its own (a QWidget* of no known subclass) makes PySide
        # create every QWidget subclass to find its type, ~8 ms of the window's start-up.
        self._viewport = QWidget()
        self.scroll.setViewport(self._viewport)
        self.scroll.setWidget(self.strip)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.status = QLabel(self.tr("预览尚未生成"))
        self.status.setStyleSheet("color: #666;")
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.fit_width = True  # follow the panel's width until the author zooms by hand
        self._viewport.installEventFilter(self)
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
        self.scroll.verticalScrollBar().valueChanged.connect(lambda _v: self._show_page())

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
            self.strip.set_dpi(self.strip.fit_dpi(self._viewport.width()))
            self._show_zoom()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if obj is self._viewport and event.type() == QEvent.Type.Resize:
            self._apply_fit()
        return False

    def show_busy(self) -> None:
        self.status.setText(self.tr("正在排版…"))

    def show_failure(self, message: str) -> None:
        self.status.setText(self.tr("预览失败：") + message)

    def show_result(self, result) -> None:
        """Show a PreviewResult (export/preview.py): its pages on screen are drawn in it."""
        self.result = result
        self.strip.set_pages(result.pages, result.page_ids, result.drawn)
        self._apply_fit()
        self.strip.lines = result.lines
        self._show_page()

    def current_page(self) -> int:
        """The 1-based page being read: the one a quarter down the view (page 1 at the top, the next one once
        it has come well into view)."""
        return self.strip.page_at(self.scroll.verticalScrollBar().value() + self._viewport.height() // 4) + 1

    def _show_page(self) -> None:
        """第 3 / 12 页 as the pages scroll by (共 1 页 for a one-page report)."""
        if self.result is None:
            return
        total = self.result.pages
        self.status.setText(self.tr("共 %n 页", "", total) if total <= 1 else
                            self.tr("第 %1 / %2 页").replace("%1", str(self.current_page())).replace("%2", str(total)))

    def set_marks(self, findings) -> None:
        """Mark these findings on the pages (an empty list clears the marks)."""
        marks: dict[str, list[tuple[int, int]]] = {}
        for f in findings:
            if f.field and f.end > f.start:
                marks.setdefault(f.field, []).append((f.start, f.end))
        if marks != self.strip.marks:
            self.strip.marks = marks
            self.strip.update()

    def add_pages(self, answer) -> None:
        """Pages drawn on request (a PagesResult) for the run shown."""
        if self.result is None or answer.run != self.result.run:
            return
        for index, lines in answer.lines.items():
            self.result.lines[index] = lines
        self.strip.add_drawn(answer.drawn)

    def visible_pages(self) -> list[int]:
        return self.strip.visible_pages()

    def _on_click(self, page: int, x: float, y_top: float) -> None:
        if self.result is None:
            return
        from export.locate import locate_cursor

        place = locate_cursor(self.result.lines, page, x, y_top)
        if place is not None:
            self.locate.emit(*place)
