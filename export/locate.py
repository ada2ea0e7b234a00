"""Click-to-edit: which field and character range a point on a page prints."""

from __future__ import annotations

from export import geometry as g
from export.layout import Layout


def locate(layout: Layout, page: int, x: float, y_top: float) -> tuple[str, int, int] | None:
    """(field path, start, end) of the line span under (x, y from the page top); y_top in pt."""
    if not 1 <= page <= len(layout.pages):
        return None
    y = g.PAGE_HEIGHT - y_top
    best, best_d = None, None
    for line in layout.pages[page - 1].lines:
        if not line.source:
            continue
        size = line.size
        bottom = line.y_baseline - (1 - g.EM_ASCENT) * size
        top = bottom + size
        d = 0.0 if bottom <= y <= top else min(abs(y - bottom), abs(y - top))
        if d > g.LINE_PITCH / 2:
            continue
        if best_d is None or d < best_d:
            best, best_d = line, d
    if best is None:
        return None
    for gl in best.glyphs:
        if gl.field is not None and gl.x <= x < gl.x + max(gl.width, 1.0):
            for path, start, end in best.source:
                if path == gl.field and start <= gl.offset < end:
                    return path, start, end
    path, start, end = best.source[0] if x < best.x_start else best.source[-1]
    return path, start, end
