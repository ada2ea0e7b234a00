"""Layout -> QPainter: the positioned glyphs, rules and colours drawn as text, for printing.

The printer gets text and lines from the same font files the PDF embeds, placed where the Layout put
them (1 unit = 1 pt, origin at the page's top-left), instead of a 300-dpi picture of each page.
Fake bold (a light Song standing in for 小标宋) is the text itself plus its outline stroked on top, so
the text still extracts once; a character no font has gets the thin box the PDF draws.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGlyphRun,
    QPainter,
    QPainterPath,
    QPen,
    QRawFont,
)

from export import geometry as g
from export.layout import Glyph, Layout, Line, Page

_RAW: dict[tuple[str, int], QRawFont | None] = {}
_FILES: dict[str, list[str]] = {}


def raw_font(path: str, index: int, family: str = "") -> QRawFont | None:
    """The face at ``index`` of a font file, through Qt's font database.

    Loaded by file name (not from bytes), so Qt's PDF and print engines know the file and embed the
    font as text; a QRawFont made from bytes would be drawn as outlines.
    """
    key = (path, index)
    if key not in _RAW:
        _RAW[key] = _load(path, index, family) if path else None
    return _RAW[key]


def _load(path: str, index: int, family: str) -> QRawFont | None:
    families = _FILES.get(path)
    if families is None:
        fid = QFontDatabase.addApplicationFont(path)
        families = _FILES[path] = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
    if not families:
        return None
    name = family if family in families else families[min(index, len(families) - 1)]
    font = QFont(name)
    font.setPixelSize(16)
    raw = QRawFont.fromFont(font)
    return raw if raw.isValid() else None


def _color(rgb) -> QColor:
    return QColor(Qt.GlobalColor.black) if rgb is None else QColor.fromRgbF(*rgb)


def _runs(glyphs: list[Glyph]):
    """Consecutive glyphs of one font, size, weight and colour: one QGlyphRun each."""
    run: list[Glyph] = []
    for gl in glyphs:
        if run and (gl.font, gl.size, gl.fake_bold, gl.color, gl.missing) != (
                run[0].font, run[0].size, run[0].fake_bold, run[0].color, run[0].missing):
            yield run
            run = []
        run.append(gl)
    if run:
        yield run


class LayoutPainter:
    """Draws pages of one Layout on any QPainter whose coordinates are points from the page's top-left."""

    def __init__(self, layout: Layout):
        self.layout = layout
        self.fonts = {name: raw_font(getattr(face, "path", ""), getattr(face, "index", 0), getattr(face, "family", ""))
                      for name, face in layout.fonts.items()}

    def draw_page(self, painter: QPainter, page: Page) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for line in page.lines:
            self._draw_line(painter, line)
        for rule in page.rules:
            pen = QPen(_color(rule.color), rule.width)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(pen)
            y = g.PAGE_HEIGHT - rule.y
            painter.drawLine(QPointF(rule.x0, y), QPointF(rule.x1, y))
        painter.restore()

    def _draw_line(self, painter: QPainter, line: Line) -> None:
        y = g.PAGE_HEIGHT - line.y_baseline
        for run in _runs(line.glyphs):
            first = run[0]
            color = _color(first.color)
            if first.missing:
                painter.setPen(QPen(color, 0.3))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                for gl in run:
                    top = y - g.EM_ASCENT * gl.size
                    painter.drawRect(QRectF(gl.x, top, gl.width, gl.size))
                continue
            raw = self.fonts.get(first.font)
            if raw is None:
                self._draw_with_qfont(painter, run, y, color)
                continue
            raw.setPixelSize(first.size)
            text = "".join(gl.char for gl in run)
            indexes = raw.glyphIndexesForString(text)
            if len(indexes) != len(run):  # surrogate pairs: one glyph per character
                indexes = [raw.glyphIndexesForString(gl.char)[0] for gl in run]
            glyph_run = QGlyphRun()
            glyph_run.setRawFont(raw)
            glyph_run.setGlyphIndexes(indexes)
            glyph_run.setPositions([QPointF(gl.x - first.x, 0.0) for gl in run])
            painter.setPen(QPen(color))
            painter.drawGlyphRun(QPointF(first.x, y), glyph_run)
            if first.fake_bold:
                self._embolden(painter, raw, indexes, run, y, color)

    def _embolden(self, painter, raw: QRawFont, indexes, run: list[Glyph], y: float, color: QColor) -> None:
        """The outline stroked, as the PDF's fill-and-stroke text mode does (half the pen falls outside)."""
        outline = QPainterPath()
        for index, gl in zip(indexes, run, strict=False):
            outline.addPath(raw.pathForGlyph(index).translated(gl.x, y))
        pen = QPen(color, g.FAKE_BOLD_STROKE_PER_PT * g.BODY_SIZE)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.strokePath(outline, pen)

    def _draw_with_qfont(self, painter: QPainter, run: list[Glyph], y: float, color: QColor) -> None:
        """A face without a file (reportlab's built-in Song): the nearest installed serif face, per glyph."""
        font = QFont()
        font.setStyleHint(QFont.StyleHint.Serif)
        font.setFamilies(["Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "AR PL SungtiL GB", "serif"])
        font.setPixelSize(max(1, round(run[0].size)))
        font.setBold(run[0].fake_bold)
        painter.setFont(font)
        painter.setPen(QPen(color))
        for gl in run:
            painter.drawText(QPointF(gl.x, y), gl.char)
