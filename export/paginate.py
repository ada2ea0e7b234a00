"""Pagination: title lines, body lines on the 22-line grid, signature and date, page numbers."""

from __future__ import annotations

from export import geometry as g
from export.incremental import lay_paragraphs
from export.layout import Line, Measurer, Page, glyphs_for, source_spans
from export.linebreak import Atom, iter_lines, justify, squeeze_pairs
from export.paragraphs import Char, Paragraph
from export.titlebreak import balance
from models.report import format_date


def _natural(m: Measurer, atoms: list[Atom], x0: float):
    """Glyphs at natural spacing (no justification), adjacent marks squeezed, starting at x0."""
    idx = list(range(len(atoms)))
    left, right = squeeze_pairs(atoms, idx)
    set_line = justify(atoms, idx, 1e9, True, left | right, right)
    return glyphs_for(atoms, idx, set_line.xs, set_line.widths, x0, set_line.shifted)


def _extent(atoms: list[Atom]) -> float:
    """Width of a line set at natural spacing, as _natural sets it."""
    if not atoms:
        return 0.0
    left, right = squeeze_pairs(atoms, list(range(len(atoms))))
    total = sum(a.width / 2 if k in left or k in right else a.pitch for k, a in enumerate(atoms))
    last = len(atoms) - 1
    return total - (atoms[last].tracking if atoms[last].cell and last not in left | right else 0.0)


def title_lines(m: Measurer, title: list[Paragraph]) -> list[Line]:
    """Centred, balanced title lines, ~35 pt apart, the first em box top on the top of the 版心."""
    lines: list[Line] = []
    for para in title:
        atoms = m.atoms(para.chars)
        for start, end in balance(atoms, g.BLOCK_WIDTH):
            part = atoms[start:end]
            # centre what prints: the blank half of a leading “（ or a trailing ”） is not part of the line
            lead = part[0].width / 2 if part[0].squeeze == "R" else 0.0
            trail = part[-1].width / 2 if part[-1].squeeze in ("L", "P") else 0.0
            width = _extent(part)
            x0 = g.BLOCK_LEFT + (g.BLOCK_WIDTH - (width - lead - trail)) / 2 - lead
            x0 = max(g.BLOCK_LEFT, min(x0, g.BLOCK_RIGHT - width))
            glyphs = _natural(m, part, x0)
            lines.append(Line("title", "title", g.title_baseline(len(lines)), x0, glyphs, source_spans(glyphs)))
    return lines


class _Pager:
    """Places body lines on grid lines, page after page."""

    def __init__(self, first_line: int) -> None:
        self.pages: list[Page] = [Page(1)]
        self.g = first_line

    def new_page(self) -> None:
        self.pages.append(Page(len(self.pages) + 1))
        self.g = 0

    def room(self) -> int:
        return g.LINES_PER_PAGE - self.g

    def place(self, line: Line) -> None:
        if self.g >= g.LINES_PER_PAGE:
            self.new_page()
        line.grid = self.g
        line.y_baseline = g.grid_baseline(self.g)
        self.pages[-1].lines.append(line)
        self.g += 1


def body_lines(m: Measurer, index: int, para: Paragraph) -> list[Line]:
    atoms = m.paragraph_atoms(para)
    para.chars = []  # the atoms carry all the glyphs need
    indent = g.INDENT_CELLS * g.CELL
    out = []
    # Lines are turned into glyphs as they are set: a very long paragraph's index and offset lists are
    # let go line by line rather than all held until its end (12 MB less at 1,000 pages of run-on text).
    for n, sl in enumerate(iter_lines(atoms, g.BLOCK_WIDTH - indent, g.BLOCK_WIDTH)):
        x0 = g.BLOCK_LEFT + (indent if n == 0 else 0.0)
        glyphs = glyphs_for(atoms, sl.indices, sl.xs, sl.widths, x0, sl.shifted)
        out.append(Line(para.kind if para.kind != "title" else "body", para.kind, 0.0, x0, glyphs,
                        source_spans(glyphs), sl.last, index))
    if out:
        out[-1].is_last_of_paragraph = True
    return out


def _text_atoms(m: Measurer, path: str, text: str) -> list[list[Atom]]:
    """One atom list per line of a short field (signature), control characters dropped."""
    from export.paragraphs import _Builder

    b = _Builder()
    b.start("body")
    b.text(path, text, "body")
    b.end()
    return [m.atoms(p.chars) for p in b.paragraphs]


def signature_lines(m: Measurer, report) -> list[Line]:
    """§7.3.5.2: signature right-aligned 2 cells in; the date starts 2 cells right of the signature."""
    sig = _text_atoms(m, "signature", report.signature)
    date_text = format_date(report.date)
    date = m.atoms([Char(ch, "body", False, "date", k) for k, ch in enumerate(date_text)])
    right = g.BLOCK_RIGHT - g.SIGNATURE_RIGHT_CELLS * g.CELL
    sig_w = max((_extent(a) for a in sig), default=0.0)
    sig_right = right
    date_x = sig_right - sig_w + g.DATE_OFFSET_CELLS * g.CELL
    if not sig:
        date_x = right - _extent(date)
    elif date and date_x + _extent(date) > right + g.FIT_EPSILON:
        date_x = right - _extent(date)
        sig_right = date_x - g.DATE_OFFSET_CELLS * g.CELL + sig_w
    lines = []
    for atoms in sig:
        x0 = sig_right - _extent(atoms)
        glyphs = _natural(m, atoms, x0)
        lines.append(Line("body", "signature", 0.0, x0, glyphs, source_spans(glyphs)))
    if date:
        glyphs = _natural(m, date, date_x)
        lines.append(Line("body", "date", 0.0, date_x, glyphs, source_spans(glyphs)))
    return lines


def folio_line(m: Measurer, number: int) -> Line:
    """— N — at 14 pt, 7 mm under the 版心: odd pages right, even pages left, one character in."""
    text = f"{g.PAGENUM_DASH} {number} {g.PAGENUM_DASH}"
    atoms = m.atoms([Char(ch, "pagenum", False, None, 0) for ch in text])
    for a in atoms:
        if a.space:  # STSong-Light's space is 0.2 em: "—1—" would read as one dash-number-dash blob
            a.width = g.PAGENUM_SPACE * g.SIZES["pagenum"]
    width = _extent(atoms)
    x0 = g.BLOCK_RIGHT - g.PAGENUM_INSET - width if number % 2 else g.BLOCK_LEFT + g.PAGENUM_INSET
    glyphs = _natural(m, atoms, x0)
    return Line("pagenum", "pagenum", g.pagenum_baseline(), x0, glyphs, [])


def _keep_need(laid: list[list[Line]], paragraphs: list[Paragraph], index: int) -> int:
    """Lines that must share a page with paragraph ``index`` (a heading): itself, any headings right after
    it (一、 then （一）), and the first line of the text they head."""
    need = 0
    k = index
    while k < len(paragraphs) and paragraphs[k].keep_with_next:
        need += len(laid[k])
        k += 1
    return need + (1 if k < len(paragraphs) and laid[k] else 0)


def paginate(report, title: list[Paragraph], paragraphs: list[Paragraph], m: Measurer, frame=None) -> list[Page]:
    tlines = title_lines(m, title)
    if len(tlines) > g.max_title_lines():  # drawn below the page's edge, it would print nothing
        from export.errors import ExportError

        raise ExportError(f"标题有 {len(tlines)} 行，超过一页（最多 {g.max_title_lines()} 行），无法排版；"
                          "请缩短标题，把其余文字移到开头语或正文中")
    pager = _Pager(g.body_start_line(len(tlines)))
    pager.pages[0].lines.extend(tlines)
    if frame is not None:  # export/frame.py: 版头 above the title, 主送 under it
        frame.open(pager, tlines)
    laid = lay_paragraphs(m, paragraphs, body_lines)  # unchanged paragraphs keep their lines
    for index, (para, lines) in enumerate(zip(paragraphs, laid, strict=True)):
        if para.keep_with_next and index + 1 < len(paragraphs):
            need = _keep_need(laid, paragraphs, index)
            if pager.room() < need and pager.g > 0 and need <= g.LINES_PER_PAGE:
                pager.new_page()
        for line in lines:
            pager.place(line)
    if frame is not None:  # 附件说明, signature (for a seal), 附件 pages, 版记
        frame.close(pager, signature_lines(m, report), _place_signature)
    else:
        _place_signature(pager, signature_lines(m, report))
    for page in pager.pages:
        if frame is None or frame.numbered(page):
            page.lines.append(folio_line(m, page.number))
    return pager.pages


def _place_signature(pager: _Pager, lines: list[Line], gap: int = g.SIGNATURE_GAP_LINES) -> None:
    """One empty grid line (``gap``), then signature and date together; never alone on a page."""
    if not lines:
        return
    need = gap + len(lines)
    if pager.room() < need:
        page = pager.pages[-1]
        body = page.body_lines()
        pager.new_page()
        if body and len(lines) < g.LINES_PER_PAGE - 1:
            # carry the last body line over so the signature does not stand alone, and the headings
            # right above it with it, so no heading is left at the foot of the page
            count = 1
            while count < len(body) - 1 and body[-count - 1].kind in ("heading1", "heading2") \
                    and count + need < g.LINES_PER_PAGE:
                count += 1
            for moved in body[-count:]:
                page.lines.remove(moved)
                pager.place(moved)
    if pager.g > 0:
        pager.g += gap
    for line in lines:
        pager.place(line)
