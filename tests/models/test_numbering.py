"""Word automatic numbering counted as Word shows it: formats, restarts, overrides, styles."""

from __future__ import annotations

import pytest
from lxml import etree

from models.importers.numbering import Numbering, chinese_counting, format_number

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.mark.parametrize("n, fmt, text", [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCounting", "十一"),
    (20, "chineseCounting", "二十"), (21, "chineseCountingThousand", "二十一"), (105, "chineseCounting", "一百〇五"),
    (105, "chineseCountingThousand", "一百零五"), (3, "ideographTraditional", "丙"), (2, "decimalEnclosedParen", "⑵"),
    (3, "decimalEnclosedCircle", "③"), (4, "decimalEnclosedFullstop", "⒋"), (12, "chineseLegalSimplified", "拾贰"),
    (7, "decimal", "7"), (3, "decimalZero", "03"), (4, "upperRoman", "IV"), (28, "lowerLetter", "bb"),
    (12, "decimalFullWidth", "１２"), (2026, "ideographDigital", "二〇二六"), (5, "none", ""),
])
def test_number_formats(n, fmt, text):
    assert format_number(n, fmt) == text


def test_chinese_counting_of_hundreds_and_thousands():
    assert chinese_counting(100) == "一百" and chinese_counting(110) == "一百一十"
    assert chinese_counting(1001) == "一千〇一"


def _lvl(ilvl, fmt, text, start=1, extra=""):
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{extra}'
            f'<w:lvlText w:val="{text}"/></w:lvl>')


def _numbering(abstracts: str, nums: str) -> Numbering:
    root = etree.fromstring(f"<w:numbering {NS}>{abstracts}{nums}</w:numbering>")
    return Numbering(root)


def _p(num_id: int | None = None, ilvl: int | None = None, style: str | None = None):
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num_id is not None:
        ppr += "<w:numPr>" + (f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else "")
        ppr += f'<w:numId w:val="{num_id}"/></w:numPr>'
    return etree.fromstring(f"<w:p {NS}><w:pPr>{ppr}</w:pPr></w:p>")


LEVELS = (_lvl(0, "chineseCounting", "%1、") + _lvl(1, "chineseCounting", "（%2）")
          + _lvl(2, "decimal", "%1.%3", extra='<w:isLgl/>'))


def test_levels_restart_under_a_higher_level_and_legal_numbers():
    nb = _numbering(f'<w:abstractNum w:abstractNumId="1">{LEVELS}</w:abstractNum>',
                    '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')
    got = [nb.label(_p(1, lv)) for lv in (0, 1, 1, 2, 0, 1, 2)]
    assert got == ["一、", "（一）", "（二）", "1.1", "二、", "（一）", "2.1"]


def test_two_nums_on_one_abstract_continue_and_a_start_override_restarts():
    nb = _numbering(f'<w:abstractNum w:abstractNumId="1">{LEVELS}</w:abstractNum>',
                    '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
                    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
                    '<w:num w:numId="3"><w:abstractNumId w:val="1"/>'
                    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>')
    assert [nb.label(_p(1, 0)), nb.label(_p(2, 0)), nb.label(_p(1, 0))] == ["一、", "二、", "三、"]
    assert [nb.label(_p(3, 0)), nb.label(_p(3, 0))] == ["五、", "六、"]


def test_lvl_restart_zero_never_restarts():
    levels = _lvl(0, "decimal", "%1.") + _lvl(1, "chineseCounting", "（%2）", extra='<w:lvlRestart w:val="0"/>')
    nb = _numbering(f'<w:abstractNum w:abstractNumId="1">{levels}</w:abstractNum>',
                    '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')
    assert [nb.label(_p(1, lv)) for lv in (0, 1, 0, 1)] == ["1.", "（一）", "2.", "（二）"]


def test_numbering_through_styles_based_on_and_switched_off():
    styles = etree.fromstring(
        f'<w:styles {NS}>'
        '<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="H2"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/>'
        '</w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="H2b"><w:basedOn w:val="H2"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Link"><w:pPr><w:numPr><w:numId w:val="9"/></w:numPr></w:pPr></w:style>'
        '</w:styles>')
    numbering = etree.fromstring(
        f'<w:numbering {NS}><w:abstractNum w:abstractNumId="1">{LEVELS}</w:abstractNum>'
        '<w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="Link"/></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="9"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="7"><w:abstractNumId w:val="2"/></w:num></w:numbering>')
    nb = Numbering(numbering, styles)
    assert nb.label(_p(style="H1")) == "一、"
    assert nb.label(_p(style="H2b")) == "（一）"  # inherited through basedOn
    assert nb.label(_p(0, 0, style="H2b")) == ""  # numId 0 switches numbering off
    assert nb.label(_p(style="H2")) == "（二）"
    assert nb.label(_p(7, 0)) == "二、"  # numStyleLink: the list the numbering style names
    assert nb.label(_p(42, 0)) == ""  # a number that does not exist prints nothing


def test_damaged_numbers_in_numbering_xml_do_not_fail_the_document():
    nb = _numbering('<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="x"><w:start w:val="?"/>'
                    '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>',
                    '<w:num w:numId="1"><w:abstractNumId w:val="1"/>'
                    '<w:lvlOverride w:ilvl="y"><w:startOverride w:val="z"/></w:lvlOverride></w:num>')
    assert nb.label(_p(1, 0)) == "一、"


def test_a_number_format_inside_alternate_content():
    """Word 2010+ writes some formats as mc:AlternateContent: a named Choice is used, a custom one falls back."""
    mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    alt = ('<mc:AlternateContent {mc}><mc:Choice Requires="w14"><w:numFmt w:val="{choice}"/></mc:Choice>'
           '<mc:Fallback><w:numFmt w:val="{fallback}"/></mc:Fallback></mc:AlternateContent>')
    lvl0 = ('<w:lvl w:ilvl="0"><w:start w:val="1"/>' + alt.format(mc=mc, choice="chineseCounting", fallback="decimal")
            + '<w:lvlText w:val="%1、"/></w:lvl>')
    lvl1 = ('<w:lvl w:ilvl="1"><w:start w:val="1"/>' + alt.format(mc=mc, choice="custom", fallback="decimal")
            + '<w:lvlText w:val="%2."/></w:lvl>')
    nb = _numbering(f'<w:abstractNum w:abstractNumId="1">{lvl0}{lvl1}</w:abstractNum>',
                    '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')
    assert [nb.label(_p(1, lv)) for lv in (0, 1, 1)] == ["一、", "1.", "2."]
