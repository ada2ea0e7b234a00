"""The 版记 (抄送, 印发机关 and 印发日期 between three rules) at the foot of the last page, which is made even
(GB/T 9704 §7.4, §7.5): a page is added when the text ends on an odd page, a blank page and the 版记 page (neither
numbered) when an even page has no room left."""

from __future__ import annotations

from export import geometry as g
from export.layout import Line, Rule
from export.paragraphs import Char, chars_of, generated


def place_record(frame, pager) -> None:
    """The 版记 at the foot of the last page, which must be even (§7.4, §7.5)."""
    rec = frame.report.record
    if rec is None:
        return
    from models.report import format_date

    size = g.RECORD_SIZE
    left, right = g.BLOCK_LEFT + g.RECORD_INSET, g.BLOCK_RIGHT - g.RECORD_INSET
    rows: list[list[Line]] = []
    cc = chars_of(rec.cc, "body", "record.cc")
    if cc:
        label = frame.atoms(generated(g.RECORD_CC_LABEL, "body"), size)
        x_text = left + frame.extent(label) + g.TRACKING["body"]
        part = frame.wrapped(frame.atoms(cc, size), x_text, right, size, "record_cc")
        part[0].glyphs[:0] = frame.natural(label, left, size)
        part[0].x_start = left
        rows.append(part)
    issuer = chars_of(rec.issuer, "body", "record.issuer")
    date_text = format_date(rec.date)
    if issuer or date_text:
        glyphs = frame.natural(frame.atoms(issuer, size), left, size) if issuer else []
        if date_text:
            date = frame.atoms([Char(ch, "body", False, "record.date", k) for k, ch in enumerate(date_text)]
                              + generated(g.RECORD_ISSUED, "body"), size)
            glyphs += frame.natural(date, right - frame.extent(date), size)
        rows.append([frame.line(glyphs, "body", "record_issue", 0.0)])
    if not rows:
        return
    count = sum(len(r) for r in rows)
    last = pager.pages[-1]
    if last.number % 2 == 1:
        pager.new_page()  # the back of the last sheet
    elif pager.g > 0 and pager.g + g.RECORD_GAP_LINES > g.LINES_PER_PAGE - count:
        pager.new_page()  # a blank page, then the 版记 page: neither is numbered (§7.5)
        frame.unnumbered.add(pager.pages[-1].number)
        pager.new_page()
        frame.unnumbered.add(pager.pages[-1].number)
    page = pager.pages[-1]
    top_line = g.LINES_PER_PAGE - count
    n = 0
    for r, part in enumerate(rows):
        if r == 0:
            page.rules.append(Rule(g.BLOCK_LEFT, g.BLOCK_RIGHT, g.line_top(top_line), g.RECORD_THICK))
        else:
            page.rules.append(Rule(g.BLOCK_LEFT, g.BLOCK_RIGHT, g.line_top(top_line + n), g.RECORD_THIN))
        for ln in part:
            row_top = g.line_top(top_line + n)
            ln.y_baseline = row_top - (g.LINE_PITCH - size) / 2 - g.EM_ASCENT * size
            page.lines.append(ln)
            n += 1
    page.rules.append(Rule(g.BLOCK_LEFT, g.BLOCK_RIGHT, g.BLOCK_BOTTOM + g.RECORD_THICK / 2, g.RECORD_THICK))
    pager.g = g.LINES_PER_PAGE
