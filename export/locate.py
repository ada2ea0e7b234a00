"""Click-to-edit: which field and character range a point on a page prints.

The preview runs in another process, so it ships a compact line map rather than the layout.
"""

from __future__ import annotations

from typing import NamedTuple

from export import geometry as g
from export.layout import Layout


class MapLine(NamedTuple):
    bottom: float  # pt from the page bottom: the glyph box of the line's size
    top: float
    x_start: float
    source: tuple[tuple[str, int, int], ...]  # (field path, start, end) spans
    glyphs: tuple[tuple[float, float, str, int], ...]  # (x, x + width, field, offset) of printed source text


LineMap = list[list[MapLine]]  # one list per page


def line_map(layout: Layout, only=None) -> LineMap:
    """The part of the layout click-to-edit needs, small enough to pass between processes.

    With ``only`` (0-based page numbers), other pages get an empty list (the preview ships the pages
    it shows)."""
    pages = []
    for n, page in enumerate(layout.pages):
        lines = []
        if only is not None and n not in only:
            pages.append(lines)
            continue
        for line in page.lines:
            if not line.source:
                continue
            bottom = line.y_baseline - (1 - g.EM_ASCENT) * line.size
            glyphs = tuple((gl.x, gl.x + max(gl.width, 1.0), gl.field, gl.offset)
                           for gl in line.glyphs if gl.field is not None)
            lines.append(MapLine(bottom, bottom + line.size, line.x_start, tuple(line.source), glyphs))
        pages.append(lines)
    return pages


def locate(layout: Layout | LineMap, page: int, x: float, y_top: float) -> tuple[str, int, int] | None:
    """(field path, start, end) of the line span under (x, y from the page top); y_top in pt."""
    pages = line_map(layout) if isinstance(layout, Layout) else layout
    if not 1 <= page <= len(pages):
        return None
    y = g.PAGE_HEIGHT - y_top
    best, best_d = None, None
    for line in pages[page - 1]:
        d = 0.0 if line.bottom <= y <= line.top else min(abs(y - line.bottom), abs(y - line.top))
        if d > g.LINE_PITCH / 2:
            continue
        if best_d is None or d < best_d:
            best, best_d = line, d
    if best is None:
        return None
    for x0, x1, fld, offset in best.glyphs:
        if x0 <= x < x1:
            for path, start, end in best.source:
                if path == fld and start <= offset < end:
                    return path, start, end
    return best.source[0] if x < best.x_start else best.source[-1]


def locate_cursor(layout: Layout | LineMap, page: int, x: float, y_top: float) -> tuple[str, int, int] | None:
    """(field path, position, position): where a click puts the text cursor, between two characters.

    A click on the right half of a character puts the cursor after it, as in a word processor; beside
    a line, at the start or end of what the line prints. Nothing is selected, so typing inserts.
    """
    pages = line_map(layout) if isinstance(layout, Layout) else layout
    place = locate(pages, page, x, y_top)
    if place is None:
        return None
    y = g.PAGE_HEIGHT - y_top
    line = min((ln for ln in pages[page - 1] if place in ln.source),
               key=lambda ln: 0.0 if ln.bottom <= y <= ln.top else min(abs(y - ln.bottom), abs(y - ln.top)))
    path, start, end = place
    for x0, x1, fld, offset in line.glyphs:
        if fld == path and start <= offset < end and x0 <= x < x1:
            pos = offset + 1 if x >= (x0 + x1) / 2 else offset
            return path, pos, pos
    pos = start if x < line.x_start else end
    return path, pos, pos
