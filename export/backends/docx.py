"""Report -> .docx for Word and WPS: the report's structure as styled paragraphs on the GB/T 9704 grid.

Word lays the text out itself, so this writer maps the report to styles (docx_styles) and the layout's
decisions (title breaks, signature and date position) to paragraph properties; the official frame
(版头, 主送, 附件说明, attachments, 版记) is written from the Report's own fields.
"""

from __future__ import annotations

import datetime as _dt
import io
import itertools

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Twips

from export import geometry as g
from export.backends import docx_frame as frame
from export.backends.docx_lines import added_stop, is_cell, line_spacings
from export.backends.docx_styles import (
    FONT,
    LINE_PITCH_TW,
    NATURAL,
    PARAGRAPH_STYLES,
    TIGHTEN_TW,
    indent,
    new_document,
    put,
    set_fonts,
    tw,
)
from export.backends.pdf import ExportResult, write_file
from export.fonts import get_fontset
from export.layout import Layout, Measurer, layout_report
from export.paragraphs import build_paragraphs
from export.xmltext import xml_safe
from models.importers.lines import ADDED_STOP_BOOKMARK

STYLE_OF_KIND = {"body": "TBBody", "heading1": "TBHeading1", "heading2": "TBHeading2"}
ROLE_OF_STYLE = {sid: spec[1] for sid, spec in PARAGRAPH_STYLES.items()}
FRAME_FIELDS = ("recipient", "attachments.", "letterhead.", "record.")
# Room beyond the widest title line, as a share of the narrowest character that starts a following line: enough
# for a renderer that measures 22 pt text a little wide (LibreOffice rounds it to whole pixels), too little
# for the next character, so the line breaks where Tianbao broke it.
TITLE_SLACK = 0.5


def _is_frame(para) -> bool:
    """A paragraph printed from the frame's fields (once the layout has them): written here from the Report."""
    fields = {c.field for c in para.chars if c.field}
    return bool(fields) and all(f.startswith(FRAME_FIELDS) for f in fields)


class _Writer:
    def __init__(self, report, layout: Layout, fonts=None) -> None:
        self.r = report
        self.layout = layout
        self.measurer = Measurer(fonts if fonts is not None else get_fontset())
        self.doc = new_document()
        self._end = None  # the body's sectPr, found once
        self._style_ids: dict[str, str] = {}
        self._bookmarks = 0

    def _new_paragraph(self, name: str):
        """doc.add_paragraph(style=name) in constant time: python-docx finds the body's end and the style by a
        scan on every call, so 20,000 paragraphs (19,000 attachments, a data file within the caps) took minutes."""
        from docx.text.paragraph import Paragraph

        if self._end is None:
            self._end = self.doc.element.body.find(qn("w:sectPr"))
        style_id = self._style_ids.get(name)
        if style_id is None:
            style_id = self._style_ids[name] = self.doc.styles[name].style_id
        el = OxmlElement("w:p")
        if self._end is not None:
            self._end.addprevious(el)  # where add_paragraph puts it: before the body's last sectPr
        else:
            self.doc.element.body.append(el)
        el.get_or_add_pPr().style = style_id
        return Paragraph(el, self.doc._body)

    def para(self, style: str, text: str = "", *, role: str | None = None, bold: bool = False):
        p = self._new_paragraph(PARAGRAPH_STYLES[style][0])
        if text:
            self.run(p, text, role or ROLE_OF_STYLE[style], bold, style)
        return p

    def run(self, p, text: str, role: str, bold: bool, style: str, extra: int = 0):
        """Runs of ``text``; on the grid's styles, half-width stretches (digits, Latin) get their natural spacing
        back: only full-width characters are set tight, as Tianbao gives only them the 15.79 pt cells, ``extra``
        twips tighter or looser where Tianbao's line needs it (docx_lines)."""
        pieces = [text] if style in NATURAL else ["".join(g) for _k, g in itertools.groupby(text, is_cell)]
        r = None
        for piece in pieces:
            r = p.add_run(piece)
            if role != ROLE_OF_STYLE[style]:
                set_fonts(r._r.get_or_add_rPr(), FONT[role])
            if bold:
                r.bold = True
            if style not in NATURAL and (extra or not is_cell(piece[0])):
                spacing = OxmlElement("w:spacing")
                spacing.set(qn("w:val"), str(TIGHTEN_TW + extra) if is_cell(piece[0]) else "0")
                put(r._r.get_or_add_rPr(), spacing)
        return r

    def chars(self, p, chars, style: str, extra: list[int] | None = None) -> None:
        """Runs of equal role and weight: bold lead phrases are bold runs, a （一） in a body paragraph is 楷体.
        A 。 added after a lead typed without one is a run of its own inside a hidden bookmark, so that an
        import gives the lead back as typed (models/importers/lines.py); it looks the same in Word and WPS."""
        extra = extra or [0] * len(chars)
        start = 0
        for k in range(1, len(chars) + 1):
            if k == len(chars) or (chars[k].role, chars[k].bold, added_stop(chars[k]), extra[k]) != \
                    (chars[start].role, chars[start].bold, added_stop(chars[start]), extra[start]):
                if added_stop(chars[start]):
                    self._bookmark(p, "Start")
                self.run(p, "".join(c.ch for c in chars[start:k]), chars[start].role, chars[start].bold, style,
                         extra[start])
                if added_stop(chars[start]):
                    self._bookmark(p, "End")
                start = k

    def _bookmark(self, p, which: str) -> None:
        el = OxmlElement(f"w:bookmark{which}")
        if which == "Start":
            self._bookmarks += 1
            el.set(qn("w:name"), f"{ADDED_STOP_BOOKMARK}{self._bookmarks}")
        el.set(qn("w:id"), str(self._bookmarks))
        p._p.append(el)

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
            self.title_lines(p, para.chars, mine)
            count += max(len(mine), 1)
        if first is None:
            return
        if after_letterhead:  # two empty grid lines under the red rule, less what its border adds (docx_frame)
            first.paragraph_format.space_before = Twips(g.HEAD_TITLE_GAP_LINES * LINE_PITCH_TW - frame.RULE_EXTRA_TW)
        # the body starts on the grid line Tianbao starts it on: title lines + white = whole grid lines
        after = g.body_start_line(count) * LINE_PITCH_TW - count * tw(g.TITLE_PITCH)
        p.paragraph_format.space_after = Twips(max(after, 0))

    def title_lines(self, p, chars, lines) -> None:
        """One forced title line; where Tianbao breaks it further, narrow the paragraph symmetrically so
        Word breaks at the same characters (the text stays one line for editing and import), or, when the
        lines are too uneven for that, insert a line break."""
        text = "".join(c.ch for c in chars)
        widths = [ln.x_end - ln.x_start for ln in lines]
        if len(lines) > 1:
            avail = max(widths) + TITLE_SLACK * min(ln.glyphs[0].width for ln in lines[1:])
            fits = all(w + nxt.glyphs[0].width > avail for w, nxt in zip(widths, lines[1:], strict=False))
            if fits and avail < g.BLOCK_WIDTH:
                side = (g.BLOCK_WIDTH - avail) / 2
                indent(p, left=side, right=side)
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
            self.grid_para(STYLE_OF_KIND.get(para.kind, "TBBody"), para.chars)

    def grid_para(self, style: str, chars):
        """A paragraph on the grid, its lines ending where Tianbao's do (docx_lines)."""
        extra = line_spacings(chars, self.measurer.atoms(chars), PARAGRAPH_STYLES[style][5])
        p = self.para(style)
        self.chars(p, chars, style, extra)
        return p

    # -- signature and date ----------------------------------------------------------------

    def signature(self) -> None:
        """Where Tianbao's layout puts them (§7.3.5), both by their right end: right-aligned with the right indent
        the layout leaves, so a receiver's wider substitute digits never push the date past the margin (a left
        indent did, by 11 mm)."""
        lines = [ln for page in self.layout.pages for ln in page.lines if ln.kind in ("signature", "date")]
        for k, ln in enumerate(lines):
            p = self.para("TBSignature" if ln.kind == "signature" else "TBDate", ln.text)
            indent(p, right=round((g.BLOCK_RIGHT - ln.x_end) / g.CELL, 1) * g.CELL)
            if k == 0:
                p.paragraph_format.space_before = Twips(g.SIGNATURE_GAP_LINES * LINE_PITCH_TW)



def build_document(report, layout: Layout | None = None, fonts=None):
    """The python-docx Document of the report (tests read it without a file)."""
    layout = layout if layout is not None else layout_report(report, fonts)
    title, paragraphs = build_paragraphs(report)
    w = _Writer(report, layout, fonts)
    framed = frame.letterhead(w)
    w.title([p for p in title if p.chars], framed)
    w.recipient()
    w.body([p for p in paragraphs if not _is_frame(p)])
    frame.attachment_note(w)
    w.signature()
    frame.attachments(w)
    frame.record(w)
    _properties(w.doc, report, len(w.layout.pages))
    return w.doc


def _properties(doc, report, pages: int) -> None:
    props = doc.core_properties
    props.title = " ".join(report.title.split())[:255] or "报告"  # the package allows 255 characters
    props.author = " ".join(report.signature.split())[:255]
    props.comments = ""
    props.keywords = ""
    props.last_modified_by = "Tianbao"
    props.subject = props.category = ""
    props.created = props.modified = _dt.datetime.now().replace(microsecond=0)  # the template's are from 2013
    props.revision = 1
    _package_leftovers(doc, pages)


def _package_leftovers(doc, pages: int) -> None:
    """What python-docx's template leaves that a receiver would see: a blank thumbnail as the file's preview,
    "Microsoft Macintosh Word" as the program that made it, and Japanese as the East Asian theme language (Word
    falls back to the theme's Japanese fonts for Chinese text in a font it does not have)."""
    from models import APP_VERSION

    pkg = doc.part.package
    for rid, rel in list(pkg.rels.items()):
        if rel.reltype.endswith("/metadata/thumbnail"):
            pkg.rels.pop(rid)
    settings = doc.settings.element
    for el in settings.findall(qn("w:savePreviewPicture")):
        settings.remove(el)
    lang = settings.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")
    for part in pkg.iter_parts():
        if str(part.partname) == "/docProps/app.xml" and hasattr(part, "_blob"):  # a plain part: its bytes
            part._blob = (part.blob.replace(b"Microsoft Macintosh Word", f"天报 报告填报助手 {APP_VERSION}".encode())
                          .replace(b"<AppVersion>14.0000</AppVersion>", b"")
                          .replace(b"<Pages>1</Pages>", f"<Pages>{pages}</Pages>".encode()))


def render_docx_bytes(report, *, fonts=None, taoda: bool = False) -> tuple[bytes, ExportResult]:
    if taoda:
        from export.errors import ExportError

        raise ExportError("套打用于打印到印好红色版头的公文纸上，只能导出PDF或OFD、或直接打印；导出Word文档前请取消“套打”")
    report = xml_safe(report)  # controls and noncharacters: lxml refuses them (laid out the same)
    layout = layout_report(report, fonts)
    doc = build_document(report, layout, fonts)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue(), ExportResult(len(layout.pages), [], list(layout.missing), layout)


def export_docx(report, path, *, fonts=None, taoda: bool = False) -> ExportResult:
    """Write the .docx atomically; the page count is Tianbao's own (Word's matches it on the grid)."""
    data, result = render_docx_bytes(report, fonts=fonts, taoda=taoda)
    write_file(data, path, "Word文档")
    return result

