"""Report -> .docx for Word and WPS: the report's structure as styled paragraphs on the GB/T 9704 grid.

Word lays the text out itself, so this writer maps the report to styles (docx_styles) and the layout's
decisions (title breaks, signature and date position) to paragraph properties; the official frame
(版头, 主送, 附件说明, attachments, 版记) is written from the Report's own fields.
"""

from __future__ import annotations

import io

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, Twips

from export import geometry as g
from export.backends.docx_styles import FONT, LINE_PITCH_TW, PARAGRAPH_STYLES, RED, new_document, put, set_fonts, tw
from export.backends.pdf import ExportResult, write_file
from export.layout import Layout, layout_report
from export.paragraphs import build_paragraphs
from models.report import format_date

STYLE_OF_KIND = {"body": "TBBody", "heading1": "TBHeading1", "heading2": "TBHeading2"}
ROLE_OF_STYLE = {sid: spec[1] for sid, spec in PARAGRAPH_STYLES.items()}
FRAME_FIELDS = ("recipient", "attachments.", "letterhead.", "record.")
TITLE_SLACK = 1.0  # pt beyond the widest title line: less than any character, so Word breaks where we did


def _is_frame(para) -> bool:
    """A paragraph printed from the frame's fields (once the layout has them): written here from the Report."""
    fields = {c.field for c in para.chars if c.field}
    return bool(fields) and all(f.startswith(FRAME_FIELDS) for f in fields)


def _ppr(paragraph):
    return paragraph._p.get_or_add_pPr()


def _indent(paragraph, *, left: float = 0.0, right: float = 0.0, first: float = 0.0) -> None:
    """Indents in pt, also in grid characters (Word and WPS prefer those when the grid is on)."""
    ind = OxmlElement("w:ind")
    for name, value in (("left", left), ("right", right)):
        if value:
            ind.set(qn(f"w:{name}"), str(tw(value)))
            ind.set(qn(f"w:{name}Chars"), str(round(value / g.CELL * 100)))
    if first > 0:
        ind.set(qn("w:firstLine"), str(tw(first)))
        ind.set(qn("w:firstLineChars"), str(round(first / g.CELL * 100)))
    elif first < 0:
        ind.set(qn("w:hanging"), str(tw(-first)))
        ind.set(qn("w:hangingChars"), str(round(-first / g.CELL * 100)))
    put(_ppr(paragraph), ind)


class _Writer:
    def __init__(self, report, layout: Layout) -> None:
        self.r = report
        self.layout = layout
        self.doc = new_document()

    def para(self, style: str, text: str = "", *, role: str | None = None, bold: bool = False):
        p = self.doc.add_paragraph(style=PARAGRAPH_STYLES[style][0])
        if text:
            self.run(p, text, role or ROLE_OF_STYLE[style], bold, style)
        return p

    def run(self, p, text: str, role: str, bold: bool, style: str):
        r = p.add_run(text)
        if role != ROLE_OF_STYLE[style]:
            set_fonts(r._r.get_or_add_rPr(), FONT[role])
        if bold:
            r.bold = True
        return r

    def chars(self, p, chars, style: str) -> None:
        """Runs of equal role and weight: bold lead phrases are bold runs, a （一） in a body paragraph is 楷体."""
        start = 0
        for k in range(1, len(chars) + 1):
            if k == len(chars) or (chars[k].role, chars[k].bold) != (chars[start].role, chars[start].bold):
                self.run(p, "".join(c.ch for c in chars[start:k]), chars[start].role, chars[start].bold, style)
                start = k

    # -- 版头 -------------------------------------------------------------------------

    def letterhead(self) -> bool:
        lh = self.r.letterhead
        if lh is None or not (lh.mark.strip() or lh.number.strip()):
            return False
        used = 0
        for text in (lh.copy_no, lh.secrecy, lh.urgency):
            if text.strip():
                self.para("TBNotice", text.strip())
                used += 1
        mark = "".join(lh.mark.split())
        size = min(g.MARK_MAX_SIZE, g.BLOCK_WIDTH / max(len(mark), 1))
        size = int(size * 2) / 2
        p = self.para("TBMark")
        pf = p.paragraph_format
        pf.space_before = Pt(max(0.0, g.MARK_TOP_GAP - used * g.LINE_PITCH))
        pf.line_spacing = Pt(size)
        r = self.run(p, mark, "title", False, "TBMark")
        r.font.size = Pt(size)
        r.font.color.rgb = RED
        signers = [s for s in lh.signers if s.strip()]
        tab = g.BLOCK_WIDTH - g.NUMBER_INSET_CELLS * g.CELL
        lines = [(("" if i < len(signers) - 1 else lh.number), s) for i, s in enumerate(signers)] or [(lh.number, "")]
        for i, (number, signer) in enumerate(lines):
            p = self.para("TBNumber")
            if i == 0:
                p.paragraph_format.space_before = Twips(g.NUMBER_GAP_LINES * LINE_PITCH_TW)
            if not signers:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                self.run(p, number, "body", False, "TBNumber")
                continue
            _indent(p, left=g.NUMBER_INSET_CELLS * g.CELL)
            p.paragraph_format.tab_stops.add_tab_stop(Twips(tw(tab)), WD_TAB_ALIGNMENT.RIGHT)
            self.run(p, number + "\t签发人：", "body", False, "TBNumber")
            self.run(p, signer, "heading2", False, "TBNumber")
        bdr = parse_xml(f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="{round(g.RED_RULE_WIDTH * 8)}" '
                        f'w:space="{round(g.RED_RULE_GAP)}" w:color="FF0000"/></w:pBdr>')
        put(_ppr(p), bdr)
        return True

    # -- title, 主送, body ------------------------------------------------------------

    def title(self, paragraphs, after_letterhead: bool) -> None:
        laid = [ln for ln in self.layout.pages[0].lines if ln.kind == "title"] if self.layout.pages else []
        count = 0
        first = None
        for para in paragraphs:
            text = "".join(c.ch for c in para.chars)
            mine, got = [], ""
            while laid and len(got) < len(text):
                mine.append(laid.pop(0))
                got += mine[-1].text
            p = self.para("TBTitle")
            first = first or p
            self._title_lines(p, para.chars, mine)
            count += max(len(mine), 1)
        if first is None:
            return
        if after_letterhead:
            first.paragraph_format.space_before = Twips(g.TITLE_AFTER_RULE_LINES * LINE_PITCH_TW)
        # the body starts on the grid line Tianbao starts it on: title lines + white = whole grid lines
        after = g.body_start_line(count) * LINE_PITCH_TW - count * tw(g.TITLE_PITCH)
        p.paragraph_format.space_after = Twips(max(after, 0))

    def _title_lines(self, p, chars, lines) -> None:
        """One forced title line; where Tianbao breaks it further, narrow the paragraph symmetrically so
        Word breaks at the same characters (the text stays one line for editing and import), or, when the
        lines are too uneven for that, insert a line break."""
        text = "".join(c.ch for c in chars)
        widths = [ln.x_end - ln.x_start for ln in lines]
        if len(lines) > 1:
            avail = max(widths) + TITLE_SLACK
            fits = all(w + nxt.glyphs[0].width > avail for w, nxt in zip(widths, lines[1:], strict=False))
            if fits and avail < g.BLOCK_WIDTH:
                side = (g.BLOCK_WIDTH - avail) / 2
                _indent(p, left=side, right=side)
                self.run(p, text, "title", False, "TBTitle")
                return
            pos = 0
            for k, ln in enumerate(lines):
                r = self.run(p, text[pos:pos + len(ln.text)], "title", False, "TBTitle")
                pos += len(ln.text)
                if k < len(lines) - 1:
                    r.add_break()
            return
        self.run(p, text, "title", False, "TBTitle")

    def recipient(self) -> None:
        text = " ".join(self.r.recipient.split())
        if text:
            self.para("TBRecipient", text if text.endswith(("：", ":")) else text + "：")

    def body(self, paragraphs) -> None:
        for para in paragraphs:
            style = STYLE_OF_KIND.get(para.kind, "TBBody")
            self.chars(self.para(style), para.chars, style)

    def attachment_note(self) -> None:
        names = [" ".join(a.title.split()) for a in self.r.attachments if a.title.strip()]
        label = "附件："
        for n, name in enumerate(names):
            number = f"{n + 1}." if len(names) > 1 else ""
            text = (label if n == 0 else "") + number + name
            p = self.para("TBAttachNote", text)
            if n == 0:
                p.paragraph_format.space_before = Twips(g.ATTACH_NOTE_GAP_LINES * LINE_PITCH_TW)
            hang = len(number) / 2 * g.CELL + (len(label) * g.CELL if n == 0 else 0)
            _indent(p, left=(g.INDENT_CELLS + len(label)) * g.CELL + len(number) / 2 * g.CELL, first=-hang)

    # -- signature, date, attachments, 版记 ------------------------------------------------

    def signature(self) -> None:
        """Where Tianbao's layout puts them (§7.3.5): right indent for the signature, left indent for the date."""
        lines = [ln for page in self.layout.pages for ln in page.lines if ln.kind in ("signature", "date")]
        for k, ln in enumerate(lines):
            if ln.kind == "signature":
                p = self.para("TBSignature", ln.text)
                _indent(p, right=round((g.BLOCK_RIGHT - ln.x_end) / g.CELL, 1) * g.CELL)
            else:
                p = self.para("TBDate", ln.text)
                _indent(p, left=round((ln.x_start - g.BLOCK_LEFT) / g.CELL, 1) * g.CELL)
            if k == 0:
                p.paragraph_format.space_before = Twips(g.SIGNATURE_GAP_LINES * LINE_PITCH_TW)

    def attachments(self) -> None:
        shown = [a for a in self.r.attachments if a.title.strip() or a.body.strip()]
        for n, att in enumerate(shown):
            label = self.para("TBAttachLabel", f"附件{n + 1}" if len(shown) > 1 else "附件")
            label.paragraph_format.page_break_before = True
            if att.title.strip():
                p = self.para("TBTitle", " ".join(att.title.split()))
                p.paragraph_format.space_before = Twips(LINE_PITCH_TW)
                p.paragraph_format.space_after = Twips(LINE_PITCH_TW)
            for text in att.body.splitlines():
                if text.strip():
                    self.para("TBBody", text.strip(" \t\u3000"))

    def record(self) -> None:
        """版记 in a table at the foot of the 版心 of the last even page: ruled above, between and below."""
        rec = self.r.record
        if rec is None or not (rec.cc.strip() or rec.issuer.strip() or rec.date):
            return
        if self._text_end_page() % 2:
            self.para("TBRecord").paragraph_format.page_break_before = True
        width = tw(g.BLOCK_WIDTH)
        outer, inner = round(g.RECORD_RULE_OUTER * 8), round(g.RECORD_RULE_INNER * 8)
        rows = []
        if rec.cc.strip():
            rows.append(("cc", rec.cc.strip()))
        if rec.issuer.strip() or rec.date:
            rows.append(("issue", rec.issuer.strip()))
        tbl = parse_xml(
            f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblpPr w:leftFromText="0" w:rightFromText="0" '
            f'w:vertAnchor="margin" w:horzAnchor="margin" w:tblpYSpec="bottom"/><w:tblW w:w="{width}" w:type="dxa"/>'
            f'<w:tblBorders><w:top w:val="single" w:sz="{outer}" w:space="0" w:color="000000"/>'
            f'<w:bottom w:val="single" w:sz="{outer}" w:space="0" w:color="000000"/>'
            f'<w:insideH w:val="single" w:sz="{inner}" w:space="0" w:color="000000"/></w:tblBorders>'
            f'<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/>'
            f'</w:tblCellMar></w:tblPr><w:tblGrid><w:gridCol w:w="{width}"/></w:tblGrid></w:tbl>')
        inset = g.RECORD_INSET_CELLS * g.RECORD_SIZE
        for kind, text in rows:
            tr = parse_xml(f'<w:tr {nsdecls("w")}><w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
                           f'</w:tc></w:tr>')
            tbl.append(tr)
            p = self.doc.add_paragraph(style=PARAGRAPH_STYLES["TBRecord"][0])
            tr[0].append(p._p)
            if kind == "cc":
                cc = text if text.endswith("。") else text + "。"
                self.run(p, "抄送：" + cc, "body", False, "TBRecord")
                ind = OxmlElement("w:ind")
                ind.set(qn("w:left"), str(tw(inset + 3 * g.RECORD_SIZE)))
                ind.set(qn("w:right"), str(tw(inset)))
                ind.set(qn("w:hanging"), str(tw(3 * g.RECORD_SIZE)))
                put(_ppr(p), ind)
            else:
                p.paragraph_format.left_indent = Twips(tw(inset))
                p.paragraph_format.tab_stops.add_tab_stop(Twips(width - tw(inset)), WD_TAB_ALIGNMENT.RIGHT)
                date = format_date(rec.date) + "印发" if rec.date else ""
                self.run(p, text + "\t" + date, "body", False, "TBRecord")
        body = self.doc.element.body
        body.insert(len(body) - 1, tbl)
        end = self.para("TBRecord")  # a document ends in a paragraph; this one takes no room
        end.paragraph_format.line_spacing = Pt(1)
        end.add_run("").font.size = Pt(1)

    def _text_end_page(self) -> int:
        """The page Tianbao's text ends on (the 版记, once the layout draws it, does not count)."""
        last = 1
        for page in self.layout.pages:
            for ln in page.lines:
                if ln.kind != "pagenum" and not all(f.startswith("record.") for f, _a, _b in ln.source or [("", 0, 0)]):
                    last = page.number
        return last


def build_document(report, layout: Layout | None = None):
    """The python-docx Document of the report (tests read it without a file)."""
    layout = layout if layout is not None else layout_report(report)
    title, paragraphs = build_paragraphs(report)
    w = _Writer(report, layout)
    framed = w.letterhead()
    w.title([p for p in title if p.chars], framed)
    w.recipient()
    w.body([p for p in paragraphs if not _is_frame(p)])
    w.attachment_note()
    w.signature()
    w.attachments()
    w.record()
    _properties(w.doc, report)
    return w.doc


def _properties(doc, report) -> None:
    props = doc.core_properties
    props.title = " ".join(report.title.split()) or "报告"
    props.author = " ".join(report.signature.split())
    props.comments = ""
    props.keywords = ""
    props.last_modified_by = "Tianbao"


def render_docx_bytes(report, *, fonts=None) -> tuple[bytes, ExportResult]:
    layout = layout_report(report, fonts)
    doc = build_document(report, layout)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue(), ExportResult(len(layout.pages), [], list(layout.missing), layout)


def export_docx(report, path, *, fonts=None) -> ExportResult:
    """Write the .docx atomically; the page count is Tianbao's own (Word's matches it on the grid)."""
    data, result = render_docx_bytes(report, fonts=fonts)
    write_file(data, path, "Word文档")
    return result

