"""The official-document frame in the .docx, written from the Report's fields (GB/T 9704 §7.2, §7.3.4, §8):
版头 (份号/密级/紧急程度, red 发文机关标志, 发文字号 and 签发人, red rule), 附件说明, attachment pages, 版记.

Each function takes the document writer of export/backends/docx.py (``w``: w.r the report, w.para, w.run).
"""

from __future__ import annotations

import copy
import math

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, Twips

from export import geometry as g
from export.backends.docx_styles import LINE_PITCH_TW, RED, indent, ppr, put, tw
from models.report import format_date

# The red rule is the 发文字号 paragraph's bottom border: Word and WPS add its gap and width to that paragraph's
# height, which Tianbao's page does not have (the rule lies in the white between grid lines). The title's space
# before gives it back, or everything after the rule sits 4.4 mm lower and a full first page spills over.
RULE_SPACE_PT = round(g.RED_RULE_GAP)
RULE_EXTRA_TW = tw(RULE_SPACE_PT + g.RED_RULE_WIDTH)


def letterhead(w) -> bool:
    """The 版头, when the report has one; True if written (the title then keeps two lines from the rule)."""
    lh = w.r.letterhead
    if lh is None or not (lh.mark.strip() or lh.number.strip()):
        return False
    used = 0
    for text in (lh.copy_no, lh.secrecy, lh.urgency):
        if text.strip():
            w.para("TBNotice", text.strip())
            used += 1
    mark = "".join(lh.mark.split())
    # one line, a cell of room to spare: Word and WPS must not wrap it at a rounding difference
    size = min((g.MARK_MAX_HEIGHT / g.EM_ASCENT), (g.BLOCK_WIDTH - g.CELL) / max(len(mark), 1))
    size = math.floor(size * 2) / 2
    p = w.para("TBMark")
    pf = p.paragraph_format
    pf.space_before = Pt(max(0.0, g.MARK_TOP - used * g.LINE_PITCH))
    pf.line_spacing = Pt(size)
    r = w.run(p, mark, "title", False, "TBMark")
    r.font.size = Pt(size)
    r.font.color.rgb = RED
    signers = [s for s in lh.signers if s.strip()]
    rows = _signer_rows(w) if signers else []
    below = rows and _number_below_signers(w)  # too long to share the last 签发人 line: a line of its own
    for i, row in enumerate((rows + [[]]) if below else (rows or [[]])):
        p = w.para("TBNumber")
        if i == 0:
            p.paragraph_format.space_before = Twips(g.MARK_GAP_LINES * LINE_PITCH_TW)
        if not signers:  # downward documents: the 发文字号 centred
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            w.run(p, lh.number, "body", False, "TBNumber")
            continue
        # 签发人 as Tianbao sets them (GB/T 9704 §7.2.4): two names a line, the label on the first, later
        # lines' names under the first's, the 发文字号 on the last line; left tab stops where its line has them.
        indent(p, left=g.NUMBER_INSET_CELLS * g.CELL)
        w.run(p, lh.number if i == len(rows) - (0 if below else 1) else "", "body", False, "TBNumber")
        for k, (x, text, role) in enumerate(row):
            if k and row[k - 1][2] == "body":  # the first name right after 签发人：
                w.run(p, text, role, False, "TBNumber")
                continue
            p.paragraph_format.tab_stops.add_tab_stop(Twips(tw(x - g.BLOCK_LEFT)), WD_TAB_ALIGNMENT.LEFT)
            w.run(p, "\t" + text, role, False, "TBNumber")
    bdr = parse_xml(f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="{round(g.RED_RULE_WIDTH * 8)}" '
                    f'w:space="{RULE_SPACE_PT}" w:color="FF0000"/></w:pBdr>')
    put(ppr(p), bdr)
    return True


def _number_below_signers(w) -> bool:
    """True when Tianbao's layout set the 发文字号 on a line under the last 签发人 line (export/frame.py)."""
    lines = w.layout.pages[0].lines if w.layout.pages else []
    number = [ln.y_baseline for ln in lines if ln.kind == "number"]
    signer = [ln.y_baseline for ln in lines if ln.kind == "signer"]
    return bool(number and signer) and number[0] < min(signer) - 1


def _signer_rows(w) -> list[list[tuple[float, str, str]]]:
    """Per 签发人 line of Tianbao's layout: (x, text, font role) of the label and of each name."""
    lines = [ln for ln in (w.layout.pages[0].lines if w.layout.pages else []) if ln.kind == "signer"]
    rows = []
    for ln in lines:
        row: list[list] = []
        for gl in ln.glyphs:
            if not row or gl.field != row[-1][3]:
                row.append([gl.x, "", "body" if gl.field is None else "heading2", gl.field])
            row[-1][1] += gl.char
        rows.append([(x, text, role) for x, text, role, _field in row])
    return rows


def attachment_note(w) -> None:
    """附件：1.名称 … one line after the body, 2 cells in; wrapped names align with the name's first character."""
    names = [" ".join(a.title.split()) for a in w.r.attachments if a.title.strip()]
    label = "附件："
    for n, name in enumerate(names):
        number = f"{n + 1}." if len(names) > 1 else ""
        p = w.para("TBAttachNote", (label if n == 0 else "") + number + name)
        if n == 0:
            p.paragraph_format.space_before = Twips(g.ATTACHMENT_NOTE_GAP_LINES * LINE_PITCH_TW)
        hang = len(number) / 2 * g.CELL + (len(label) * g.CELL if n == 0 else 0)
        indent(p, left=(g.INDENT_CELLS + len(label)) * g.CELL + len(number) / 2 * g.CELL, first=-hang)


def attachments(w) -> None:
    """Each attachment from a new page: 附件N (黑体) on the first line, its title centred on the third (broken
    where Tianbao breaks it, TITLE_PITCH apart), its body from the grid line Tianbao starts it on."""
    from export.paragraphs import _Builder

    shown = [(k, a) for k, a in enumerate(w.r.attachments) if a.title.strip() or a.body.strip()]
    laid: dict[str, list] = {}  # each attachment's title lines, found in one pass (a scan per title was quadratic)
    for page in w.layout.pages:
        for ln in page.lines:
            if ln.kind == "attachment_title":
                for f in dict.fromkeys(f for f, _a, _b in ln.source):
                    laid.setdefault(f, []).append(ln)
    for n, (k, att) in enumerate(shown):
        label = w.para("TBAttachLabel", f"附件{n + 1}" if len(shown) > 1 else "附件")
        label.paragraph_format.page_break_before = True
        b = _Builder()
        b.start("title")
        b.text(f"attachments.{k}.title", " ".join(att.title.split()), "title")
        b.start("body")
        b.text(f"attachments.{k}.body", att.body, "body")
        b.end()
        for para in b.paragraphs:
            if para.kind == "body":
                w.grid_para("TBBody", para.chars)
                continue
            mine = laid.get(f"attachments.{k}.title", [])
            p = w.para("TBTitle")
            w.title_lines(p, para.chars, mine)
            count = max(len(mine), 1)
            p.paragraph_format.space_before = Twips((g.ATTACHMENT_TITLE_LINE - 1) * LINE_PITCH_TW)
            after = g.body_start_line(count) * LINE_PITCH_TW - count * tw(g.TITLE_PITCH)
            p.paragraph_format.space_after = Twips(max(after, 0))


def _even_page_section(w) -> None:
    """End the text's section here and start the 版记's on the next even page (Word's own parity rule)."""
    body = w.doc.element.body
    final = body.find(qn("w:sectPr"))
    mine = copy.deepcopy(final)
    for old in mine.findall(qn("w:type")):
        mine.remove(old)
    end = w.para("TBRecord")  # the text's section ends with this empty paragraph, 1 pt high
    end.paragraph_format.line_spacing = Pt(1)
    put(ppr(end), mine)
    kind = parse_xml(f'<w:type {nsdecls("w")} w:val="evenPage"/>')
    refs = [k for k, el in enumerate(final) if el.tag in (qn("w:headerReference"), qn("w:footerReference"))]
    final.insert(refs[-1] + 1 if refs else 0, kind)


def _rows(rec) -> list[tuple[str, str, int]]:
    """(kind, text, lines) of the 版记's rows: 抄送 (may wrap), then 印发机关 and 印发日期 on one line."""
    rows = []
    per_line = int((g.BLOCK_WIDTH - 2 * (g.RECORD_INSET / g.RECORD_SIZE) * g.RECORD_SIZE) // g.RECORD_SIZE)
    if rec.cc.strip():
        cc = rec.cc.strip()
        text = "抄送：" + cc  # as typed, as Tianbao prints it (the checks ask for the final 。: frame_checks.py)
        rows.append(("cc", text, max(1, math.ceil((len(text) - 3) / (per_line - 3)))))
    if rec.issuer.strip() or rec.date:
        rows.append(("issue", rec.issuer.strip() + "\t" + (format_date(rec.date) + "印发" if rec.date else ""), 1))
    return rows


def _spacer(w, height_tw: int, *, new_page: bool):
    """An empty paragraph exactly ``height_tw`` high: it pushes the 版记 down to the foot of the 版心."""
    p = w.para("TBRecord")
    p.paragraph_format.line_spacing = Twips(max(height_tw, 20))
    p.paragraph_format.page_break_before = new_page
    return p


def record(w) -> None:
    """版记 at the foot of the 版心 of the last, even page: a table ruled above, between and below, pushed down
    by an empty paragraph of the exact height left (a floating table would do in Word, but LibreOffice does not
    float a table as wide as the 版心)."""
    rec = w.r.record
    if rec is None or not (rec.cc.strip() or rec.issuer.strip() or rec.date):
        return
    rows = _rows(rec)
    rows_tw = [lines * LINE_PITCH_TW for _kind, _text, lines in rows]  # one grid line a row, as in the PDF
    room = tw(g.BLOCK_HEIGHT) - sum(rows_tw) - 60  # 3 pt: the rules' width, the document's last (1 pt) paragraph
    end, used = _end(w.layout)
    if not _layout_has_frame(w.r, w.layout):  # where the text ends is Word's to know: let Word find an even page
        _even_page_section(w)
        _spacer(w, room, new_page=False)
    elif end % 2:  # text ends on an odd page: the 版记 on the back of the sheet
        _spacer(w, room, new_page=True)
    elif room - used * LINE_PITCH_TW >= 0:  # on the text's even page, at its foot
        _spacer(w, room - used * LINE_PITCH_TW, new_page=False)
    else:  # no room left on an even page: a blank page, then the 版记 on the next even one
        _even_page_section(w)
        _spacer(w, room, new_page=False)
    width = tw(g.BLOCK_WIDTH)
    inset = (g.RECORD_INSET / g.RECORD_SIZE) * g.RECORD_SIZE
    outer, inner = round(g.RECORD_THICK * 8), round(g.RECORD_THIN * 8)
    tbl = parse_xml(
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="{width}" w:type="dxa"/>'
        f'<w:tblBorders><w:top w:val="single" w:sz="{outer}" w:space="0" w:color="000000"/>'
        f'<w:bottom w:val="single" w:sz="{outer}" w:space="0" w:color="000000"/>'
        f'<w:insideH w:val="single" w:sz="{inner}" w:space="0" w:color="000000"/></w:tblBorders>'
        f'<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>'
        f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr>'
        f'<w:tblGrid><w:gridCol w:w="{width}"/></w:tblGrid></w:tbl>')
    for (kind, text, _lines), height in zip(rows, rows_tw, strict=True):
        tr = parse_xml(f'<w:tr {nsdecls("w")}><w:trPr><w:cantSplit/><w:trHeight w:val="{height}" w:hRule="exact"/>'
                       f'</w:trPr><w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr></w:tc></w:tr>')
        tbl.append(tr)
        p = w.para("TBRecord")
        tr[-1].append(p._p)  # moved from the body into the cell
        w.run(p, text, "body", False, "TBRecord")
        p.paragraph_format.keep_with_next = kind == "cc"  # the two rows never part
        if kind == "cc":  # wrapped lines align after 抄送：
            indent(p, left=inset + 3 * g.RECORD_SIZE, right=inset, first=-3 * g.RECORD_SIZE)
        else:
            indent(p, left=inset)
            p.paragraph_format.tab_stops.add_tab_stop(Twips(width - tw(inset)), WD_TAB_ALIGNMENT.RIGHT)
    body = w.doc.element.body
    body.insert(len(body) - 1, tbl)
    last = w.para("TBRecord")  # a document ends in a paragraph; this one takes 1 pt
    last.paragraph_format.line_spacing = Pt(1)
    last.add_run("").font.size = Pt(1)


def _layout_has_frame(report, layout) -> bool:
    """Does Tianbao's layout hold every frame part this .docx prints before the 版记? Only then do its pages
    say where the text ends."""
    fields = {f.split(".")[0] for page in layout.pages for ln in page.lines for f, _a, _b in ln.source}
    wanted = set()
    if report.letterhead is not None and (report.letterhead.mark.strip() or report.letterhead.number.strip()):
        wanted.add("letterhead")
    if report.recipient.strip():
        wanted.add("recipient")
    if any(a.title.strip() or a.body.strip() for a in report.attachments):
        wanted.add("attachments")
    return wanted <= fields


def _end(layout) -> tuple[int, int]:
    """(page Tianbao's text ends on, grid lines used on it); the 版记, once the layout draws it, does not count."""
    last, used = 1, 0
    for page in layout.pages:
        for ln in page.lines:
            if ln.kind != "pagenum" and not all(f.startswith("record.") for f, _a, _b in ln.source or [("", 0, 0)]):
                if page.number != last:
                    last, used = page.number, 0
                used = max(used, (ln.grid if ln.grid is not None else -1) + 1)
    return last, used
