"""The .docx page, grid, styles and footers: GB/T 9704 as Word and WPS understand it.

Every measure comes from export/geometry.py, converted to Word's units here (twips = 1/20 pt). Fonts are
named as the official templates name them; no theme fonts anywhere (WPS lists a theme font as missing).
"""

from __future__ import annotations

import math

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor, Twips

from export import geometry as g
from export.fonts import OFFICIAL
from export.linebreak import NO_END, NO_START


def tw(pt: float) -> int:
    """Points -> twips, rounded."""
    return round(pt * 20)


FONT = {role: names[0] for role, names in OFFICIAL.items()}  # 方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312, 宋体
# Word's grid: whole twips. 225 mm / 22 = 579.8 twips; 580 would let only 21 lines fit, 579 (28.95 pt, the
# value of the common templates) fits 22.
LINE_PITCH_TW = int(g.LINE_PITCH * 20)
# One cell of the .docx: Tianbao's 15.79 pt cell in whole twips (316, 15.8 pt). Tianbao's own paragraphs do not
# snap to Word's grid (LibreOffice 7.4 spreads every character over two cells when the grid's pitch is under the
# font size): their full-width characters are set this much tight instead, so each takes one cell (Word, WPS
# and LibreOffice all count the letter spacing of a line's last character); digits and Latin keep their
# natural width, as in Tianbao. A cell 0.1 pt narrower than Tianbao's would add 2.4 pt to every line holding
# half-width text, which then takes one character more than Tianbao's (bench/bench_docx_fidelity.py).
CELL_TW = tw(g.CELL)
TIGHTEN_TW = CELL_TW - tw(g.BODY_SIZE)  # -4
# The 版心 of the .docx is 28 of those cells wide: 8848 twips, 0.2 pt (0.07 mm) wider than 156 mm, so that a
# line of 28 full-width characters fits exactly. The left margin is GB/T 9704's; the right one gives the rest.
TEXT_WIDTH_TW = g.CELLS_PER_LINE * CELL_TW
RIGHT_MARGIN_TW = tw(g.PAGE_WIDTH) - tw(g.MARGIN_LEFT) - TEXT_WIDTH_TW
# Character pitch = default font size + charSpace/4096 pt: the largest pitch that still fits 28 cells (Word's
# 页面设置 shows 每行 28 字, 跨度 15.8 磅).
CHAR_SPACE = math.floor((TEXT_WIDTH_TW / 20 / g.CELLS_PER_LINE - g.BODY_SIZE) * 4096)  # -820
# LibreOffice narrows the body to a whole number of its grid cells, which it keeps in 1/100 mm (15.79 pt: 6 twips
# short of 28 of ours), and sets the last character of every run without its letter spacing (0.2 pt more at each
# change to bold or to digits; ECMA-376 §17.3.2.35 puts the spacing "after each character in this run"). The
# grid's paragraphs reach 13 twips (0.65 pt) past the right margin to make up for both; in Word and WPS, which
# have neither habit, a line then has 0.65 pt to spare over Tianbao's (it had 2.4 pt with 15.7 pt cells).
# -12 to -15 measure best (LibreOffice rounds to 1/100 mm); -13 also for its own reading of the file.
GRID_RIGHT_TW = -13
RED = RGBColor(0xFF, 0x00, 0x00)

# style id -> (name, font role, size pt, bold, alignment, first-line indent cells, keep with next)
PARAGRAPH_STYLES = {
    "TBTitle": ("公文标题", "title", g.SIZES["title"], False, WD_ALIGN_PARAGRAPH.CENTER, 0, True),
    "TBBody": ("公文正文", "body", g.BODY_SIZE, False, WD_ALIGN_PARAGRAPH.JUSTIFY, g.INDENT_CELLS, False),
    "TBHeading1": ("公文一级标题", "heading1", g.BODY_SIZE, False, WD_ALIGN_PARAGRAPH.JUSTIFY, g.INDENT_CELLS, True),
    "TBHeading2": ("公文二级标题", "heading2", g.BODY_SIZE, False, WD_ALIGN_PARAGRAPH.JUSTIFY, g.INDENT_CELLS, True),
    "TBRecipient": ("主送机关", "body", g.BODY_SIZE, False, WD_ALIGN_PARAGRAPH.JUSTIFY, 0, False),
    "TBSignature": ("署名", "body", g.BODY_SIZE, False, WD_ALIGN_PARAGRAPH.RIGHT, 0, True),
    "TBDate": ("成文日期", "body", g.BODY_SIZE, False, WD_ALIGN_PARAGRAPH.RIGHT, 0, False),
    "TBAttachNote": ("附件说明", "body", g.BODY_SIZE, False, WD_ALIGN_PARAGRAPH.JUSTIFY, 0, False),
    "TBAttachLabel": ("附件标注", "heading1", g.BODY_SIZE, False, WD_ALIGN_PARAGRAPH.LEFT, 0, True),
    "TBMark": ("发文机关标志", "title", g.SIZES["title"], False, WD_ALIGN_PARAGRAPH.CENTER, 0, True),
    "TBNumber": ("发文字号", "body", g.BODY_SIZE, False, WD_ALIGN_PARAGRAPH.LEFT, 0, True),
    "TBNotice": ("份号密级", "heading1", g.BODY_SIZE, False, WD_ALIGN_PARAGRAPH.LEFT, 0, True),
    "TBRecord": ("版记", "body", g.RECORD_SIZE, False, WD_ALIGN_PARAGRAPH.JUSTIFY, 0, False),
    "TBPageNumber": ("页码", "pagenum", g.SIZES["pagenum"], False, WD_ALIGN_PARAGRAPH.RIGHT, 0, False),
}
NATURAL = {"TBTitle", "TBMark", "TBPageNumber", "TBRecord"}  # not on the 28-cell grid: natural spacing


# Child order the schema prescribes (Word refuses a file whose pPr or rPr children are out of order).
_ORDER = {
    "pPr": ("pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs "
            "suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
            "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection "
            "textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange").split(),
    "rPr": ("rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid "
            "vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl "
            "cs em lang eastAsianLayout specVanish oMath").split(),
}


def put(parent, el):
    """Insert ``el`` into a pPr or rPr where the schema wants it, replacing one of the same kind."""
    order = _ORDER[parent.tag.rsplit("}", 1)[-1]]
    name = el.tag.rsplit("}", 1)[-1]
    old = parent.find(el.tag)
    if old is not None:
        parent.replace(old, el)
        return el
    later = set(order[order.index(name) + 1:])
    for k, child in enumerate(parent):
        if child.tag.rsplit("}", 1)[-1] in later:
            parent.insert(k, el)
            return el
    parent.append(el)
    return el


def set_fonts(rpr, name: str) -> None:
    """One face for Chinese, Latin and digits alike; theme attributes removed."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = put(rpr, OxmlElement("w:rFonts"))
    for attr in list(fonts.attrib):
        if attr.endswith("Theme"):
            del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)
    fonts.set(qn("w:hint"), "eastAsia")


def ppr(paragraph):
    return paragraph._p.get_or_add_pPr()


def indent(paragraph, *, left: float = 0.0, right: float = 0.0, first: float = 0.0) -> None:
    """Indents in pt, written in twips only: Word's "characters" (leftChars…) are not the grid's 15.79 pt cells."""
    ind = OxmlElement("w:ind")
    for name, value in (("left", left), ("right", right)):
        if value:
            ind.set(qn(f"w:{name}"), str(tw(value)))
    if first > 0:
        ind.set(qn("w:firstLine"), str(tw(first)))
    elif first < 0:
        ind.set(qn("w:hanging"), str(tw(-first)))
    put(ppr(paragraph), ind)

def _on_off(parent, tag: str, on: bool) -> None:
    el = parent.find(qn(tag))
    if el is None:
        el = put(parent, OxmlElement(tag))
    el.set(qn("w:val"), "1" if on else "0")


def _strip_theme_fonts(styles_el) -> None:
    for fonts in styles_el.iter(qn("w:rFonts")):
        for attr in list(fonts.attrib):
            if attr.endswith("Theme"):
                del fonts.attrib[attr]


def _defaults(doc) -> None:
    """docDefaults and Normal: 仿宋_GB2312 3号 (the grid's base size), no auto spacing between Chinese and Latin,
    no right-indent adjustment by the grid, no widow control (the pagination is Tianbao's)."""
    styles_el = doc.styles.element
    _strip_theme_fonts(styles_el)
    rpr = styles_el.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr, FONT["body"])
    for tag in ("w:sz", "w:szCs"):
        el = rpr.find(qn(tag))
        if el is None:
            el = put(rpr, OxmlElement(tag))
        el.set(qn("w:val"), str(round(g.BODY_SIZE * 2)))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = put(rpr, OxmlElement("w:lang"))
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    normal = doc.styles["Normal"]
    normal.font.size = Pt(g.BODY_SIZE)
    set_fonts(normal.element.get_or_add_rPr(), FONT["body"])
    ppr = normal.element.get_or_add_pPr()
    # overflowPunct off: a closing mark is never hung into the margin; the character before it moves down
    # with it, as Tianbao does (geometry.COMPRESS_PUNCTUATION).
    for tag, on in (("w:widowControl", False), ("w:overflowPunct", False), ("w:snapToGrid", False),
                    ("w:adjustRightInd", False), ("w:autoSpaceDE", False), ("w:autoSpaceDN", False)):
        _on_off(ppr, tag, on)
    pf = normal.paragraph_format
    pf.space_before = pf.space_after = Pt(0)
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Twips(LINE_PITCH_TW)


def _add_styles(doc) -> None:
    for sid, (name, role, size, bold, align, indent, keep) in PARAGRAPH_STYLES.items():
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.style_id = sid
        style.base_style = doc.styles["Normal"]
        style.quick_style = True
        style.font.size = Pt(size)
        style.font.bold = bold
        set_fonts(style.element.get_or_add_rPr(), FONT[role])
        pf = style.paragraph_format
        pf.alignment = align
        pf.keep_with_next = keep
        if sid not in NATURAL:
            ind = OxmlElement("w:ind")  # in twips: "2 characters" would be 2 × 16 pt, not 2 cells
            ind.set(qn("w:right"), str(GRID_RIGHT_TW))
            if indent:
                ind.set(qn("w:firstLine"), str(indent * CELL_TW))
            put(style.element.get_or_add_pPr(), ind)
        spacing = OxmlElement("w:spacing")
        spacing.set(qn("w:val"), "0" if sid in NATURAL else str(TIGHTEN_TW))
        put(style.element.get_or_add_rPr(), spacing)
        if sid == "TBTitle":
            pf.line_spacing = Pt(g.TITLE_PITCH)
        elif sid == "TBRecord":
            pf.line_spacing = Twips(LINE_PITCH_TW)  # one grid line a row, as Tianbao's PDF sets the 版记
        elif sid == "TBPageNumber":
            pf.line_spacing = Pt(g.SIZES["pagenum"])


def _settings(doc) -> None:
    """Separate odd and even footers; Chinese line-breaking rules on; punctuation as the grid sets it."""
    doc.settings.odd_and_even_pages_header_footer = True
    spacing = doc.settings.element.find(qn("w:characterSpacingControl"))
    if spacing is not None:
        spacing.set(qn("w:val"), "doNotCompress")
        # 避头尾 as Tianbao applies it (export/linebreak.py), not Word's shorter built-in Chinese lists (which let
        # a line start with 》 」 … or ——): Word's 中文版式 "自定义" first and last characters.
        for tag, chars in (("w:noLineBreaksBefore", NO_START), ("w:noLineBreaksAfter", NO_END)):
            el = OxmlElement(tag)
            el.set(qn("w:lang"), "zh-CN")
            el.set(qn("w:val"), "".join(sorted(chars)))
            spacing.addnext(el)  # after: noLineBreaksAfter, then noLineBreaksBefore, as the schema orders them


def _page(section) -> None:
    """A4, 37/28/26/35 mm margins, footer distance that puts the page number 7 mm under the 版心, the grid."""
    section.page_width = Twips(tw(g.PAGE_WIDTH))
    section.page_height = Twips(tw(g.PAGE_HEIGHT))
    section.top_margin = Twips(tw(g.MARGIN_TOP))
    section.bottom_margin = Twips(tw(g.BLOCK_BOTTOM))
    section.left_margin = Twips(tw(g.MARGIN_LEFT))
    section.right_margin = Twips(RIGHT_MARGIN_TW)
    section.header_distance = Twips(tw(15 * g.MM))
    # The footer's line is exactly one page-number size high: its bottom edge is the em box's bottom.
    section.footer_distance = Twips(tw(g.BLOCK_BOTTOM - g.PAGENUM_GAP - g.SIZES["pagenum"]))
    sect = section._sectPr
    for old in sect.findall(qn("w:docGrid")):
        sect.remove(old)
    grid = OxmlElement("w:docGrid")
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), str(LINE_PITCH_TW))
    grid.set(qn("w:charSpace"), str(CHAR_SPACE))
    sect.append(grid)


def _page_field(paragraph) -> None:
    """— PAGE — : a real field, so Word and WPS number the pages themselves."""
    def run(text=None, fld=None, instr=None):
        r = paragraph.add_run(text or "")
        if fld:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), fld)
            r._r.append(el)
        if instr:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = instr
            r._r.append(el)
        return r

    run(f"{g.PAGENUM_DASH} ")
    run(fld="begin")
    run(instr=" PAGE ")
    run(fld="separate")
    run("1")
    run(fld="end")
    run(f" {g.PAGENUM_DASH}")


def _footers(section) -> None:
    """Odd pages: right, one character in; even pages: left, one character in (4号 宋体)."""
    inset = Twips(tw(g.PAGENUM_INSET))
    for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT), (section.even_page_footer,
                                                                         WD_ALIGN_PARAGRAPH.LEFT)):
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]
        p.style = "页码"
        p.alignment = align
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            p.paragraph_format.right_indent = inset
        else:
            p.paragraph_format.left_indent = inset
        _page_field(p)


# Fonts the document names, each with the face Word and WPS should substitute on a PC that lacks it
# (w:altName): Windows ships 仿宋, 楷体, 黑体 and 宋体; 方正小标宋 has no free stand-in, 宋体 is the closest.
ALT_NAMES = {"仿宋_GB2312": "仿宋", "方正小标宋简体": "宋体", "黑体": "SimHei", "楷体_GB2312": "楷体", "宋体": "SimSun"}


def _font_table(doc) -> None:
    """fontTable.xml lists our fonts (GB2312 charset, substitutes), not the template's Calibri and Cambria."""
    fonts = "".join(f'<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="86"/>'
                    f'<w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>' for name, alt in ALT_NAMES.items())
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w='
           f'"http://schemas.openxmlformats.org/wordprocessingml/2006/main">{fonts}</w:fonts>')
    for part in doc.part.package.iter_parts():
        if str(part.partname) == "/word/fontTable.xml":
            part._blob = xml.encode("utf-8")


def new_document():
    """An empty document with the page, grid, styles and footers of a GB/T 9704 report."""
    doc = Document()
    _defaults(doc)
    _add_styles(doc)
    _settings(doc)
    _font_table(doc)
    section = doc.sections[0]
    _page(section)
    _footers(section)
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):  # the template's empty first paragraph
        body.remove(p)
    return doc
