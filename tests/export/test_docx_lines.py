"""The .docx read back with python-docx and broken line by line as Word counts (ECMA-376: every character as
wide as its font plus its run's letter spacing; kinsoku with our 避头尾 sets): each line ends where Tianbao's
ends. Independent of docx_lines.py's own code: widths come from the file's runs and styles."""

from __future__ import annotations

import docx
import pytest
from docx.oxml.ns import qn

from export import geometry as g
from export.backends.docx import export_docx
from export.fonts import get_fontset
from export.layout import Measurer
from export.linebreak import break_paragraph, make_units
from export.paragraphs import Char
from models.report import YISHI, Item, Report, Section
from tests.export.handover import framed_report
from tests.export.sample import sample_report

GRID = {"公文正文": "body", "公文一级标题": "heading1", "公文二级标题": "heading2"}


def _punct_report() -> Report:
    """Marks side by side, digits, Latin: lines Tianbao fills by squeezing adjacent marks, or leaves short."""
    body = ("会上指出：“要把‘小切口’做成‘大文章’——这是我们的‘必答题’。”群众反映的问题集中在“停车难”“入学难”"
            "“看病难”等方面……对此，我们做了哪些工作？详见门户网站（www.gov.cn）及“学习强国”平台。全年召开会议36次，"
            "印发文件（含《实施方案》《考核办法》）15件，2.0版系统于2026年3月上线运行，覆盖Windows、Linux等平台，"
            "调用量达到1,250,000次（同比增长37.8%）。他强调：“对违反规定的，要‘零容忍’！”——这句话掷地有声。")
    return Report(title="关于标点符号使用情况的报告", preamble=body + body[::-1].replace("“", "”"),
                  sections=[Section(heading="主要做法", numbering=YISHI, run_on=True,
                                    items=[Item(lead="坚持“一把手”抓“第一责任”", body=body)])],
                  signature="某某区统计局")


def _style_spacing(d, name: str) -> int:
    el = d.styles[name].element.rPr.find(qn("w:spacing"))
    return int(el.get(qn("w:val"))) if el is not None else 0


def _word_lines(d, measurer: Measurer, last_spacing: bool = True) -> list[tuple[str, list[str]]]:
    """(paragraph text, its lines) for every grid paragraph, broken greedily at Word's widths; without
    ``last_spacing``, a line's last character is measured without its letter spacing (a renderer may)."""
    width = (d.sections[0].page_width - d.sections[0].left_margin - d.sections[0].right_margin) / 635
    out = []
    for p in d.paragraphs:
        role = GRID.get(p.style.name)
        if role is None or not p.text:
            continue
        base = _style_spacing(d, p.style.name)
        ind = p.style.element.pPr.find(qn("w:ind"))
        first = int(ind.get(qn("w:firstLine"), "0"))
        avail = width - int(ind.get(qn("w:right"), "0"))
        chars, widths, spacings = [], [], []
        for r in p.runs:
            el = r._r.rPr.find(qn("w:spacing")) if r._r.rPr is not None else None
            spacing = int(el.get(qn("w:val"))) if el is not None else base
            for ch in r.text:
                atom = measurer.atom(ch, role, g.BODY_SIZE, False, None, 0)
                chars.append(Char(ch, role, False, None, 0))
                widths.append((g.BODY_SIZE * 20 if atom.cell else atom.width * 20) + spacing)
                spacings.append(0 if last_spacing else spacing)
        atoms = measurer.atoms(chars)
        lines, start, line_start, used = [], 0, 0, 0.0
        for s, e in make_units(atoms):
            w = sum(widths[s:e])
            room = avail - (first if not lines else 0)
            if used + w - spacings[e - 1] > room and s > line_start:
                lines.append("".join(c.ch for c in chars[line_start:s]))
                line_start, used = s, 0.0
            used += w
            start = e
        lines.append("".join(c.ch for c in chars[line_start:start]))
        out.append((p.text, lines))
    return out


def _tianbao_lines(text: str, role: str, measurer: Measurer) -> list[str]:
    atoms = measurer.atoms([Char(ch, role, False, None, 0) for ch in text])
    return ["".join(text[k] for k in ln.indices)
            for ln in break_paragraph(atoms, g.BLOCK_WIDTH - g.INDENT_CELLS * g.CELL, g.BLOCK_WIDTH)]


@pytest.mark.parametrize("last_spacing", [True, False], ids=["ecma", "last-unspaced"])
@pytest.mark.parametrize("report", [sample_report(), framed_report(), _punct_report()],
                         ids=["congyan_2026", "framed", "punct"])
def test_word_ends_every_line_where_tianbao_does(tmp_path, report, last_spacing):
    """As ECMA-376 counts (every character's spacing), and as a renderer might that leaves it off the line's end."""
    path = tmp_path / "报告.docx"
    export_docx(report, path)
    measurer = Measurer(get_fontset())
    d = docx.Document(str(path))
    paragraphs = _word_lines(d, measurer, last_spacing)
    assert len(paragraphs) >= 3
    roles = {p.text: GRID[p.style.name] for p in d.paragraphs if p.style.name in GRID}
    for text, lines in paragraphs:
        assert lines == _tianbao_lines(text, roles[text], measurer), text
