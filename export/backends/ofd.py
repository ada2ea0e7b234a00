"""Layout -> OFD (GB/T 33190-2016): the PDF's positioned glyphs, rules and colours, written as OFD XML.

Same drawing as export/backends/pdf.py: one TextObject per run of glyphs of one font, size, weight and
colour, each glyph placed by DeltaX; fake bold is fill plus stroke (as the PDF's render mode 2); a
character no font has is written invisibly (it still reads back) with a thin box around its place.
Fonts are embedded as TrueType subsets. Units are millimetres, y downwards from the top of the page.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import io
import zipfile
from xml.sax.saxutils import escape, quoteattr

from export import geometry as g
from export.backends.ofd_fonts import subset_font
from export.backends.pdf import ExportResult, write_file
from export.layout import Glyph, Layout, layout_report
from export.xmltext import xml_safe

NS = "http://www.ofdspec.org/2016"
MM_PER_PT = 25.4 / 72.0
CREATOR = "Tianbao"
HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'


def mm(pt: float) -> str:
    return f"{pt * MM_PER_PT:.3f}".rstrip("0").rstrip(".") or "0"


def _down(y_pt: float) -> float:
    """PDF y (up from the bottom) -> OFD y (down from the top), still in pt."""
    return g.PAGE_HEIGHT - y_pt


def _rgb(color) -> str:
    return " ".join(str(round(c * 255)) for c in (color or (0.0, 0.0, 0.0)))


def _runs(glyphs: list[Glyph]):
    """Consecutive glyphs one TextObject can carry: same font, size, weight, colour and visibility."""
    run: list[Glyph] = []
    for gl in glyphs:
        key = (gl.font, gl.size, gl.fake_bold, gl.color, gl.missing)
        if run and key != (run[0].font, run[0].size, run[0].fake_bold, run[0].color, run[0].missing):
            yield run
            run = []
        run.append(gl)
    if run:
        yield run


class _Ids:
    def __init__(self) -> None:
        self.n = 0

    def __call__(self) -> int:
        self.n += 1
        return self.n


def _text_object(run: list[Glyph], baseline: float, font_id: int, ids: _Ids) -> str:
    first, last = run[0], run[-1]
    size = first.size
    top = _down(baseline) - size  # box: a full em above the baseline, 0.2 em below it
    box = f"{mm(first.x)} {mm(top)} {mm(last.x + last.width - first.x)} {mm(size * 1.2)}"
    attrs = f'ID="{ids()}" Boundary="{box}" Font="{font_id}" Size="{mm(size)}"'
    if first.missing:
        attrs += ' Fill="false"'
    elif first.fake_bold:
        attrs += f' Stroke="true" LineWidth="{mm(g.FAKE_BOLD_STROKE_PER_PT * g.BODY_SIZE)}"'
    colour = ""
    if first.color is not None:
        colour = f'<ofd:FillColor Value="{_rgb(first.color)}"/>'
        if first.fake_bold:
            colour += f'<ofd:StrokeColor Value="{_rgb(first.color)}"/>'
    deltas = " ".join(mm(b.x - a.x) for a, b in zip(run, run[1:], strict=False))
    delta = f' DeltaX="{deltas}"' if deltas else ""
    text = escape("".join(gl.char for gl in run))
    return (f"<ofd:TextObject {attrs}>{colour}<ofd:TextCode X=\"0\" Y=\"{mm(size)}\"{delta}>{text}"
            "</ofd:TextCode></ofd:TextObject>")


def _path(ids: _Ids, x0: float, y0: float, x1: float, y1: float, width: float, color, *, fill: bool = False) -> str:
    """A stroked line or rectangle, coordinates in pt (OFD orientation), relative to a boundary around it."""
    left, top = min(x0, x1) - width, min(y0, y1) - width
    w, h = abs(x1 - x0) + 2 * width, abs(y1 - y0) + 2 * width
    a, b, c, d = x0 - left, y0 - top, x1 - left, y1 - top
    data = f"M {mm(a)} {mm(b)} L {mm(c)} {mm(b)} L {mm(c)} {mm(d)} L {mm(a)} {mm(d)} C" if y0 != y1 else \
        f"M {mm(a)} {mm(b)} L {mm(c)} {mm(d)}"
    return (f'<ofd:PathObject ID="{ids()}" Boundary="{mm(left)} {mm(top)} {mm(w)} {mm(h)}" LineWidth="{mm(width)}" '
            f'Stroke="true" Fill="{"true" if fill else "false"}"><ofd:StrokeColor Value="{_rgb(color)}"/>'
            f"<ofd:AbbreviatedData>{data}</ofd:AbbreviatedData></ofd:PathObject>")


def _page_xml(page, font_ids: dict[str, int], ids: _Ids) -> str:
    objects = []
    for line in page.lines:
        for run in _runs(line.glyphs):
            if run[0].font in font_ids:
                objects.append(_text_object(run, line.y_baseline, font_ids[run[0].font], ids))
        for gl in line.glyphs:
            if gl.missing:
                bottom = line.y_baseline - (1 - g.EM_ASCENT) * gl.size
                objects.append(_path(ids, gl.x, _down(bottom + gl.size), gl.x + gl.width, _down(bottom), 0.3, None))
    for rule in page.rules:
        objects.append(_path(ids, rule.x0, _down(rule.y), rule.x1, _down(rule.y), rule.width, rule.color))
    return (f'{HEAD}<ofd:Page xmlns:ofd="{NS}"><ofd:Content><ofd:Layer ID="{ids()}">'
            + "".join(objects) + "</ofd:Layer></ofd:Content></ofd:Page>")


def _fonts(layout: Layout, ids: _Ids) -> tuple[dict[str, int], str, dict[str, bytes]]:
    """(rl_name -> font ID, PublicRes.xml, files by name): every face drawn from, subset to its characters."""
    used: dict[str, set[str]] = {}
    for page in layout.pages:
        for line in page.lines:
            for gl in line.glyphs:
                used.setdefault(gl.font, set()).add(gl.char)
    font_ids, entries, files = {}, [], {}
    for name, chars in used.items():
        face = layout.fonts.get(name)
        if face is None:
            continue
        fid = ids()
        font_ids[name] = fid
        family = getattr(face, "family", name)
        if getattr(face, "path", ""):
            fname = f"font_{fid}.ttf"
            files[fname] = subset_font(face.path, face.index, chars)
            entries.append(f'<ofd:Font ID="{fid}" FontName={quoteattr(family)} FamilyName={quoteattr(family)}>'
                           f"<ofd:FontFile>{fname}</ofd:FontFile></ofd:Font>")
        else:  # the built-in Song of PDF readers: OFD readers substitute their own 宋体
            entries.append(f'<ofd:Font ID="{fid}" FontName="宋体" FamilyName="宋体"/>')
    res = (f'{HEAD}<ofd:Res xmlns:ofd="{NS}" BaseLoc="Res"><ofd:Fonts>' + "".join(entries)
           + "</ofd:Fonts></ofd:Res>")
    return font_ids, res, files


def draw(layout: Layout, title: str, author: str, *, created: _dt.date | None = None) -> bytes:
    """The OFD package as bytes."""
    ids = _Ids()
    font_ids, public_res, font_files = _fonts(layout, ids)
    pages = [_page_xml(page, font_ids, ids) for page in layout.pages]
    page_ids = [ids() for _ in pages]
    created = created or _dt.date.today()
    doc_id = hashlib.md5(f"{title}\n{author}\n{created}".encode()).hexdigest()  # noqa: S324 - an ID, not security
    ofd_xml = (f'{HEAD}<ofd:OFD xmlns:ofd="{NS}" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo>'
               f"<ofd:DocID>{doc_id}</ofd:DocID><ofd:Title>{escape(title)}</ofd:Title>"
               f"<ofd:Author>{escape(author)}</ofd:Author><ofd:CreationDate>{created.isoformat()}</ofd:CreationDate>"
               f"<ofd:Creator>{CREATOR}</ofd:Creator></ofd:DocInfo>"
               "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
    page_list = "".join(f'<ofd:Page ID="{pid}" BaseLoc="Pages/Page_{k}/Content.xml"/>'
                        for k, pid in enumerate(page_ids))
    document = (f'{HEAD}<ofd:Document xmlns:ofd="{NS}"><ofd:CommonData><ofd:MaxUnitID>{ids.n}</ofd:MaxUnitID>'
                f"<ofd:PageArea><ofd:PhysicalBox>0 0 {mm(g.PAGE_WIDTH)} {mm(g.PAGE_HEIGHT)}</ofd:PhysicalBox>"
                "</ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>"
                f"<ofd:Pages>{page_list}</ofd:Pages></ofd:Document>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("OFD.xml", ofd_xml)
        z.writestr("Doc_0/Document.xml", document)
        z.writestr("Doc_0/PublicRes.xml", public_res)
        for name, data in font_files.items():
            z.writestr(f"Doc_0/Res/{name}", data)
        for k, xml in enumerate(pages):
            z.writestr(f"Doc_0/Pages/Page_{k}/Content.xml", xml)
    return buf.getvalue()


def render_ofd_bytes(report, *, fonts=None, created: _dt.date | None = None,
                     taoda: bool = False) -> tuple[bytes, ExportResult]:
    from export.errors import ExportError

    report = xml_safe(report)  # controls and noncharacters would make the XML unreadable (laid out the same)
    layout = layout_report(report, fonts, taoda=taoda)
    title = " ".join(report.title.split()) or "报告"
    author = " ".join(report.signature.split())
    from fontTools.ttLib import TTLibError

    try:
        data = draw(layout, title, author, created=created)
    except (OSError, TTLibError) as e:  # a font file changed, vanished or is damaged since it was indexed
        names = "、".join(sorted({getattr(f, "family", n) for n, f in layout.fonts.items()}))
        raise ExportError(f"读取或嵌入字体时出错（{names}）：{e}。请重新扫描字体后再试") from e
    return data, ExportResult(len(layout.pages), list(layout.warnings), list(layout.missing), layout)


def export_ofd(report, path, *, fonts=None, taoda: bool = False) -> ExportResult:
    """Lay out, write OFD atomically: the same pages as the PDF."""
    data, result = render_ofd_bytes(report, fonts=fonts, taoda=taoda)
    write_file(data, path, "OFD")
    return result
