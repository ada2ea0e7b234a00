"""Pages that did not change between two layouts: the same id, and their drawn PDF kept.

A page is the same when it holds the very same lines at the same places: body lines are compared
by the identity of their glyph lists (export/incremental.py shares them between layouts when the
paragraph did not change), the few other lines (title, signature, date, page number) and the rules
by value. The previous layout's pages are kept while ids are given, so no identity is reused.
"""

from __future__ import annotations

from collections import OrderedDict

from export.errors import ExportError

DRAWN_PAGES = 16  # one-page PDFs kept (~120 KB each with their font subsets; the window keeps its own)

_ids: dict = {}  # page key -> (id, page): the last layout's pages
_next = [1]
_drawn: OrderedDict[int, bytes] = OrderedDict()


def _line_key(line) -> tuple:
    if line.paragraph >= 0:
        return (id(line.glyphs), line.y_baseline, line.x_start)
    return (line.kind, line.y_baseline,
            tuple((gl.char, gl.x, gl.font, gl.size, gl.fake_bold, gl.missing, gl.color) for gl in line.glyphs))


def page_key(page) -> tuple:
    return (page.number, tuple(_line_key(ln) for ln in page.lines), tuple(page.rules))


def page_ids(layout) -> list[int]:
    """One id per page; a page equal to one of the previous layout keeps that page's id."""
    global _ids
    fresh: dict = {}
    out = []
    for page in layout.pages:
        key = page_key(page)
        hit = _ids.get(key) or fresh.get(key)
        if hit is None:
            hit = (_next[0], page)
            _next[0] += 1
        fresh[key] = hit
        out.append(hit[0])
    _ids = fresh
    return out


def draw_page(layout, index: int, page_id: int, title: str) -> bytes:
    """Page ``index`` as a one-page PDF, exactly as the export draws it; kept by id."""
    data = _drawn.get(page_id)
    if data is not None:
        _drawn.move_to_end(page_id)
        return data
    from reportlab.pdfbase.ttfonts import TTFError

    from export.backends.pdf import draw
    from export.layout import Layout

    one = Layout([layout.pages[index]], layout.missing, layout.fallbacks, layout.substitutions,
                 layout.warnings, layout.builtin_only, layout.fonts)
    try:
        data = draw(one, title)
    except (TTFError, OSError) as e:
        names = "、".join(sorted({getattr(f, "family", n) for n, f in layout.fonts.items()}))
        raise ExportError(f"读取或嵌入字体时出错（{names}）：{e}。请重新扫描字体后再试") from e
    _drawn[page_id] = data
    while len(_drawn) > DRAWN_PAGES:
        _drawn.popitem(last=False)
    return data
