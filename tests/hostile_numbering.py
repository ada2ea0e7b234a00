"""Crafted .docx numbering, styles and nesting: what a hostile author can put in numbering.xml and styles.xml.

name -> bytes, written on demand (nothing binary committed). Cases in ``HARMLESS`` may import (their numbers
are shown as digits); every other case must be refused with one Chinese sentence.
"""

from __future__ import annotations

from tests.hostile_files import CONTENT_TYPES, W, document_xml, docx_bytes

_DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships '
    'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" '
    'Target="numbering.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
    'Target="styles.xml"/></Relationships>')
_TYPED = CONTENT_TYPES.replace("</Types>", (
    '<Override PartName="/word/numbering.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
    '<Override PartName="/word/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>'))
_STYLES = f'<?xml version="1.0"?><w:styles {W}></w:styles>'
_NUM1 = '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'

HARMLESS = {"roman-1e18.docx", "letters-1e12.docx", "counting-1e18.docx", "digital-negative.docx",
            "fullwidth-negative.docx", "start-5000-digits.docx", "override-5000-digits.docx",
            "override-unicode-digit.docx", "ilvl-huge.docx", "numstylelink-self.docx", "stylelink-cycle.docx",
            "basedon-cycle-5000.docx", "tables-80-deep.docx"}


def numbered(n: int, text: str = "工作") -> str:
    return "".join('<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
                   f'<w:r><w:t>{text}</w:t></w:r></w:p>' for _ in range(n))


def lvl(start: str = "1", fmt: str = "decimal", text: str = "%1、", ilvl: str = "0") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl>')


def numbering_xml(level: str, extra: str = "", nums: str = _NUM1) -> str:
    return (f'<?xml version="1.0"?><w:numbering {W}><w:abstractNum w:abstractNumId="0">{extra}{level}'
            f'</w:abstractNum>{nums}</w:numbering>')


def _override(value: str) -> str:
    return (f'<w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">'
            f'<w:startOverride w:val="{value}"/></w:lvlOverride></w:num>')


def hostile_numbering() -> dict[str, bytes]:
    out: dict[str, bytes] = {}

    def d(name: str, body: str, numbering: str, styles: str = _STYLES, types: str = _TYPED) -> None:
        out[name] = docx_bytes(document_xml(body), content_types=types, extra={
            "word/numbering.xml": numbering, "word/styles.xml": styles, "word/_rels/document.xml.rels": _DOC_RELS})

    # numbers that would loop or allocate without end (10**18 in roman numerals, letters)
    d("roman-1e18.docx", numbered(5), numbering_xml(lvl(str(10 ** 18), "upperRoman")))
    d("letters-1e12.docx", numbered(5), numbering_xml(lvl(str(10 ** 12), "lowerLetter")))
    d("counting-1e18.docx", numbered(5), numbering_xml(lvl(str(10 ** 18), "chineseCounting")))
    d("digital-negative.docx", numbered(5), numbering_xml(lvl("-5", "ideographDigital")))
    d("fullwidth-negative.docx", numbered(5), numbering_xml(lvl("-5", "decimalFullWidth")))
    d("start-5000-digits.docx", numbered(5), numbering_xml(lvl("9" * 5000)))
    d("override-5000-digits.docx", numbered(5), numbering_xml(lvl(), nums=_override("9" * 5000)))
    d("override-unicode-digit.docx", numbered(5), numbering_xml(lvl(), nums=_override("²")))
    d("ilvl-huge.docx", numbered(5).replace('w:ilvl w:val="0"', 'w:ilvl w:val="' + "9" * 20 + '"'),
      numbering_xml(lvl(ilvl="9" * 20)))
    # level texts that multiply: 50,000 %1 or 60,000 characters, times 15,000 paragraphs
    d("lvltext-tokens.docx", numbered(15000), numbering_xml(lvl(text="%1" * 50_000)))
    d("lvltext-long.docx", numbered(15000), numbering_xml(lvl(text="字" * 60_000)))
    # links and cycles
    d("numstylelink-self.docx", numbered(5), numbering_xml(lvl(), extra='<w:numStyleLink w:val="S"/>'),
      styles=f'<?xml version="1.0"?><w:styles {W}><w:style w:type="numbering" w:styleId="S"><w:pPr><w:numPr>'
             '<w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>')
    d("stylelink-cycle.docx", numbered(5),
      f'<?xml version="1.0"?><w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:numStyleLink w:val="A"/>'
      '</w:abstractNum><w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="B"/></w:abstractNum>'
      f'{_NUM1}<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>',
      styles=f'<?xml version="1.0"?><w:styles {W}><w:style w:type="numbering" w:styleId="A"><w:pPr><w:numPr>'
             '<w:numId w:val="2"/></w:numPr></w:pPr></w:style><w:style w:type="numbering" w:styleId="B"><w:pPr>'
             '<w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>')
    cycle = "".join(f'<w:style w:type="paragraph" w:styleId="s{i}"><w:basedOn w:val="s{(i + 1) % 5000}"/></w:style>'
                    for i in range(5000))  # one basedOn cycle of 5,000 styles, each used once
    d("basedon-cycle-5000.docx", "".join(f'<w:p><w:pPr><w:pStyle w:val="s{i}"/></w:pPr><w:r><w:t>一是</w:t></w:r>'
                                         '</w:p>' for i in range(5000)),
      numbering_xml(lvl()), styles=f'<?xml version="1.0"?><w:styles {W}>{cycle}</w:styles>')
    # numbering and styles under a generic content type (parsed outside python-docx): entities
    xxe = (f'<?xml version="1.0"?><!DOCTYPE n [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:numbering {W}>'
           f'<w:abstractNum w:abstractNumId="0">{lvl(text="&x;%1")}</w:abstractNum>{_NUM1}</w:numbering>')
    d("xxe-numbering.docx", numbered(2), xxe, types=CONTENT_TYPES)
    d("xxe-styles.docx", numbered(2), numbering_xml(lvl()), styles=xxe.replace("w:numbering", "w:styles"),
      types=CONTENT_TYPES)
    laughs = ('<?xml version="1.0"?><!DOCTYPE n [<!ENTITY l0 "lollollollollollollollollollol">'
              + "".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
              + f']><w:numbering {W}><w:abstractNum w:abstractNumId="0">{lvl(text="&l9;")}</w:abstractNum>'
              f'{_NUM1}</w:numbering>')
    d("laughs-numbering.docx", numbered(2), laughs, types=CONTENT_TYPES)
    quadratic = ('<?xml version="1.0"?><!DOCTYPE n [<!ENTITY a "' + "A" * 50000 + f'">]><w:numbering {W}>'
                 f'<w:abstractNum w:abstractNumId="0">{lvl(text="&a;" * 600)}</w:abstractNum>{_NUM1}</w:numbering>')
    d("quadratic-blowup-numbering.docx", numbered(2), quadratic, types=CONTENT_TYPES)
    # 60,000 paragraphs whose marks are deleted: all join into one (quadratic without a cap)
    para = ('<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr><w:r><w:t>' + "字" * 100
            + "</w:t></w:r></w:p>")
    out["deleted-marks.docx"] = docx_bytes(document_xml(para * 60_000))
    # nesting
    x = "<w:p><w:r><w:t>一是</w:t></w:r></w:p>"
    for _ in range(80):
        x = f"<w:tbl><w:tr><w:tc>{x}</w:tc></w:tr></w:tbl>"
    out["tables-80-deep.docx"] = docx_bytes(document_xml(x))
    x = "<w:t>框</w:t>"
    for _ in range(60):
        x = ('<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>'
             f'<w:p>{x}</w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>')
    out["textboxes-60-deep.docx"] = docx_bytes(document_xml("<w:p>" + x + "</w:p>"))
    x = "<w:t>框</w:t>"
    for _ in range(2000):
        x = f"<w:r>{x}</w:r>"
    out["runs-2000-deep.docx"] = docx_bytes(document_xml("<w:p>" + x + "</w:p>"))
    return out
