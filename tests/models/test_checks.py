"""Checks: each kind with texts that must and must not be flagged, fixes, summary, and the sample's findings."""

from __future__ import annotations

import datetime as dt
import json
import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.checks import (
    KIND_LABELS,
    KINDS,
    Finding,
    apply_all_fixes,
    apply_fix,
    check_field,
    place_name,
    run_checks,
    summary,
    utf16_range,
)
from models.facts import CharPlace, FallbackPlace, ParagraphEnd, TypesetFacts
from models.fields import get_field
from models.importers.structure import read_file
from models.report import HEADING, NONE, YISHI, Attachment, Item, Letterhead, Report, Section
from tests.conftest import SAMPLE


def _report(body: str = "正文。", *, lead: str = "要点。", numbering: str = YISHI, **kw) -> Report:
    """A complete report (nothing empty) with one item whose body is ``body``."""
    base = dict(title="关于工作的报告", signature="示范县委组织部", date=dt.date(2026, 11, 26))
    base.update(kw)
    return Report(sections=[Section(heading="情况", numbering=numbering, items=[Item(lead=lead, body=body)])], **base)


def _kinds(report: Report, kind: str, facts: TypesetFacts | None = None) -> list[Finding]:
    return [f for f in run_checks(report, facts) if f.kind == kind]


def _flagged(text: str, kind: str) -> list[str]:
    return [f.text for f in _kinds(_report(text), kind)]


# --- the sample ---------------------------------------------------------------------------------

def test_sample_placeholders_are_exactly_its_x_and_stars():
    report, _ = read_file(SAMPLE)
    found = _kinds(report, "placeholder")
    expected = []
    # every X standing alone and every *** in the whole sample, by position in its field
    for si, s in enumerate(report.sections):
        for ii, it in enumerate(s.items):
            for m in re.finditer(r"(?<![A-Za-z])X(?![A-Za-z])|\*\*\*", it.body):
                expected.append((f"sections.{si}.items.{ii}.body", m.start(), m.end()))
    assert len(expected) >= 12
    assert [(f.field, f.start, f.end) for f in found] == expected
    assert {f.text for f in found} == {"X", "***"}


def test_sample_findings_and_speed():
    report, _ = read_file(SAMPLE)
    findings = run_checks(report)
    kinds = {f.kind for f in findings}
    assert kinds == {"placeholder", "halfwidth_punct", "empty", "proofread"}
    punct = [f for f in findings if f.kind == "halfwidth_punct"]
    assert [(f.text, f.fix) for f in punct] == [(",", "，")]  # 强化政治教育跟踪问效,确保精准培训
    # the three slips written into the sample: 截止6月底 (截至), 坚持不懈的抓好 (地), 督导做的不够 (得)
    proof = [(f.category, f.rule, f.text, f.fix) for f in findings if f.kind == "proofread"]
    assert proof == [("易混词", "yh001", "截止", "截至"), ("易混词", "yh028", "的", "地"), ("易混词", "yh029", "的", "得")]
    assert summary(findings) == "还有 12 处待填写，2 处内容空缺，1 处标点问题，3 处校对问题"
    run_checks(report)
    t = time.perf_counter()
    for _ in range(10):
        run_checks(report)
    assert (time.perf_counter() - t) / 10 < 0.020


# --- placeholders -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, flagged", [
    ("举办各类班次X个。", ["X"]),
    ("培训干部X余人。", ["X"]),
    ("调整X批次，增长X.X%。", ["X", "X.X"]),
    ("培训近X人，约x名。", ["X", "x"]),
    ("选派XX名干部。", ["XX"]),
    ("共Ｘ人，×次。", ["Ｘ", "×"]),
    ("×××同志、XXX局。", ["×××", "XXX"]),
    ("依托***旧址和＊＊＊基地。", ["***", "＊＊＊"]),
    ("某某同志待补充，数据待核实，时间待定。TODO", ["某某", "待补充", "待核实", "待定", "TODO"]),
    ("填写【】和【 】，□□□，以及____。", ["【】", "【 】", "□□□", "____"]),
    ("第X批，某×局。", ["X", "×"]),
    ("中共××区委组织部", ["××"]),
])
def test_placeholders_flagged(text, flagged):
    assert _flagged(text, "placeholder") == flagged


def test_a_name_placeholder_is_not_called_a_number():
    [f] = [f for f in run_checks(Report(signature="中共××区委组织部")) if f.kind == "placeholder"]
    assert f.message == "“××”待填写"


@pytest.mark.parametrize("text", [
    "用Excel统计，拍X光片，GDP增长，Windows XP系统。",
    "屏幕1920×1080，面积3×4米，长×宽×高，X射线检查，iPhone X。",
    "X型结构，MAX值，XML格式，Xbox游戏，TEXT文件。",
    "某单位，某同志，有待定夺，尚待定论。",
])
def test_placeholders_not_flagged(text):
    assert _flagged(text, "placeholder") == []


# --- half-width punctuation ---------------------------------------------------------------------

@pytest.mark.parametrize("text, fixed", [
    ("强化政治教育跟踪问效,确保精准培训", "强化政治教育跟踪问效，确保精准培训"),
    ("主要有:一是;二是?好!", "主要有：一是；二是？好！"),
    ('落实"一岗双责"和"两个维护"', "落实“一岗双责”和“两个维护”"),
    ("国内生产总值(GDP)增长", "国内生产总值（GDP）增长"),
    ("(1)加强学习", "（1）加强学习"),
    ("工作完成.下一步", "工作完成。下一步"),
    ("他说'好'", "他说‘好’"),
    ("增长5%,位居第一", "增长5%，位居第一"),
    ("“已有”和\"新的\"", "“已有”和“新的”"),
])
def test_halfwidth_fixed(text, fixed):
    report = _report(text)
    n = apply_all_fixes(report, "halfwidth_punct")
    assert n > 0
    assert report.sections[0].items[0].body == fixed
    assert _flagged(fixed, "halfwidth_punct") == []


@pytest.mark.parametrize("text", [
    "增长12.5%，比例3:2，共1,000人。",
    "网址http://www.gov.cn/a?b=1，版本2.0。",
    "The GDP (gross domestic product) grew, don't worry.",
    "等等...",
    "中文后面是 English, with commas.",
])
def test_halfwidth_not_flagged(text):
    assert _flagged(text, "halfwidth_punct") == []


def test_single_fix_and_stale_fix():
    report = _report('落实"一岗双责","两个维护"')
    first = _kinds(report, "halfwidth_punct")
    assert [f.fix for f in first] == ["“", "”", "，", "“", "”"]
    assert apply_fix(report, first[0])
    # the remaining quotes still pair correctly after one was fixed
    assert [f.fix for f in _kinds(report, "halfwidth_punct")] == ["”", "，", "“", "”"]
    assert not apply_fix(report, first[0])  # already applied: the text there changed
    assert not apply_fix(report, Finding("empty", "warning", "title", 0, 0, "x"))


# --- unpaired marks -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, count", [
    ("落实“一岗双责，督促", 1),
    ("制定《意见（试行）》和《办法", 1),
    ("村（社区两委", 1),
    ("多了一个）和”以及》", 3),
    ("“好”（好）《好》【好】“外‘内’外”", 0),
])
def test_unpaired(text, count):
    assert len(_flagged(text, "unpaired")) == count


# --- empty --------------------------------------------------------------------------------------

def test_empty_things():
    report = Report(sections=[
        Section(heading="", items=[Item(lead="", body="有正文。"), Item(lead="有要点。", body=""), Item()]),
        Section(heading="空部分"),
        Section(heading="普通", numbering=NONE, items=[Item(lead="", body="段落。")]),
    ])
    found = [(f.field, f.severity) for f in _kinds(report, "empty")]
    assert found == [
        ("title", "warning"),
        ("sections.0.heading", "warning"),
        ("sections.0.items.0.lead", "warning"),
        ("sections.0.items.1.body", "info"),
        ("sections.0.items.2.body", "warning"),
        ("sections.1.heading", "warning"),
        ("signature", "warning"),
        ("date", "info"),  # 写在落款处 unticked: left out on purpose, a note
    ]
    assert _kinds(_report(), "empty") == []
    report.letterhead = Letterhead(mark="示范区农业农村局文件")  # a 公文 must carry its 成文日期
    assert [f.severity for f in _kinds(report, "empty") if f.field == "date"] == ["warning"]


def test_a_section_that_would_print_as_a_bare_heading_is_named_once():
    report = _report()
    report.sections += [Section(heading="存在问题", items=[Item(), Item(lead=" ", body="\n")]),
                        Section(heading="下步打算"),
                        Section(heading="", items=[Item()]),
                        Section(heading="有开头段", intro="针对上述问题，我们将：", items=[Item()])]
    found = [(f.field, f.message) for f in _kinds(report, "empty")]
    bare = "只有标题没有内容，打印出来只有标题一行，请补写内容或删除本部分"
    assert found == [
        ("sections.1.heading", "“存在问题”" + bare),  # its two blank items are this one finding, not two more
        ("sections.2.heading", "“下步打算”" + bare),  # named as printed: the place alone (第三部分) is a count
        ("sections.3.heading", "这一部分没有标题也没有内容，不会打印"),
        ("sections.4.items.0.body", "这一条是空的"),  # the section prints its 开头段: only the item is empty
    ]
    assert [f.place for f in _kinds(report, "empty")][:2] == ["第二部分标题", "第三部分标题"]
    assert summary(run_checks(report)).startswith("还有 4 处内容空缺")


# --- numbering typed by hand --------------------------------------------------------------------

def test_hand_numbering_in_numbered_fields():
    report = _report("二是又一条。", lead="一是加强学习。")
    report.sections[0].heading = "一、情况"
    report.sections.append(Section(heading="分条", numbering=HEADING,
                                   items=[Item(lead="（一）加强学习", body="一是学原文。二是悟原理。")]))
    found = [(f.field, f.text, f.fix) for f in _kinds(report, "hand_numbering")]
    assert found == [
        ("sections.0.heading", "一、", ""),
        ("sections.0.items.0.lead", "一是", ""),
        ("sections.0.items.0.body", "二是", None),  # the next item typed into this one: split, don't delete
        ("sections.1.items.0.lead", "（一）", ""),
    ]
    assert apply_all_fixes(report, "hand_numbering") == 3
    assert (report.sections[0].heading, report.sections[0].items[0].lead) == ("情况", "加强学习。")
    assert report.sections[1].items[0].lead == "加强学习"


def test_body_starting_with_number_when_lead_empty():
    report = _report("一是加强学习。", lead="")
    assert [f.field for f in _kinds(report, "hand_numbering")] == ["sections.0.items.0.body"]


@pytest.mark.parametrize("text, flagged", [
    ("一是学习。二是调研。四是落实。", ["四是"]),
    ("一要快；二要好；二要省。", ["二要"]),
    ("（一）甲。（二）乙。（四）丁。", ["（四）"]),
    ("一是学习。二是调研。三是落实。", []),
    ("统一是前提。二是说法。第一责任人。", []),
    ("三是单独出现。", []),
    ("如下：1.甲；2.乙；4.丁。", ["4."]),
    ("（1）甲。（2）乙。（2）丙。", ["（2）"]),
    ("增长1.5倍。2.5亿元。", []),
])
def test_skipped_sequences(text, flagged):
    report = _report(text, numbering=NONE, lead="")
    assert [f.text for f in _kinds(report, "hand_numbering")] == flagged


def test_sequence_across_items_of_a_none_section():
    report = Report(sections=[Section(heading="要求", numbering=NONE, items=[
        Item(lead="一要提高认识。"), Item(lead="二要强化措施。"), Item(lead="四要狠抓落实。")])])
    found = _kinds(report, "hand_numbering")
    assert [(f.field, f.text) for f in found] == [("sections.0.items.2.lead", "四要")]
    assert "三要" in found[0].message


# --- facts: fonts, 孤字, pages -------------------------------------------------------------------

def test_facts_checks():
    report = _report("正文有𠮷和镕。")
    report.page_limit = 4
    facts = TypesetFacts(
        pages=5,
        paragraph_ends=[ParagraphEnd("sections.0.items.0.body", 5, 7, 2, 1),
                        ParagraphEnd("preamble", 0, 10, 10, 1), ParagraphEnd("title", 0, 1, 1, 1)],
        missing=[CharPlace("𠮷", "sections.0.items.0.body", 3)],
        fallbacks=[FallbackPlace("镕", "sections.0.items.0.body", 5, font="AR PL SungtiL GB")],
    )
    found = [f for f in run_checks(report, facts) if f.kind != "proofread"]  # one item numbered 一是: bh08
    by_kind = {f.kind: f for f in found}
    assert set(by_kind) == {"font_missing", "font_fallback", "orphan", "too_long"}
    assert by_kind["font_missing"].severity == "error" and "U+20BB7" in by_kind["font_missing"].message
    assert "AR PL SungtiL GB" in by_kind["font_fallback"].message
    assert (by_kind["orphan"].start, by_kind["orphan"].end) == (5, 7)
    assert "5 页" in by_kind["too_long"].message and by_kind["too_long"].field == ""
    assert found[0].kind == "too_long"  # whole-report findings come first
    assert summary(found) == "还有 1 个字无法打印，页数超出限制"
    assert [f for f in run_checks(report, None) if f.kind != "proofread"] == []  # no facts: no font/孤字/page
    report.closing = "好。"  # a two-character paragraph is short, not a 孤字
    tiny = TypesetFacts(pages=1, paragraph_ends=[ParagraphEnd("closing", 0, 2, 2, 1)])
    assert _kinds(report, "orphan", tiny) == []
    report.page_limit = 5
    assert _kinds(report, "too_long", facts) == []


# --- Finding API --------------------------------------------------------------------------------

def test_finding_api():
    report, _ = read_file(SAMPLE)
    f = _kinds(report, "placeholder")[0]
    assert f.describe() == "第一部分第2条正文：“X件”中的“X”待填写数字"
    d = f.to_dict()
    assert d["place"] == "第一部分第2条正文" and d["field"] == "sections.0.items.1.body"
    assert json.loads(json.dumps(d, ensure_ascii=False)) == d
    assert set(d) == {"kind", "severity", "field", "start", "end", "message", "fix", "text", "place",
                      "category", "rule", "reason", "source"}
    assert d["category"] == "待填写" and d["rule"] == "placeholder"
    assert [place_name(p) for p in ("", "title", "date", "sections.1.heading", "sections.0.intro",
                                    "sections.2.items.0.lead")] == [
        "全文", "标题", "成文日期", "第二部分标题", "第一部分开头段", "第三部分第1条引领句"]
    assert all(sev in ("error", "warning", "info") for sev, _ in KINDS.values())
    assert set(KIND_LABELS) == set(KINDS)
    empty = _kinds(report, "empty")
    assert [f.describe() for f in empty] == ["标题：未填写", "署名：未填写",
                                            "成文日期：不写（如需写明日期，在基本信息中勾选“写在落款处”）"]
    assert summary([]) == ""


def test_check_field_matches_run_checks():
    report, _ = read_file(SAMPLE)
    path = "sections.0.items.2.body"
    text = report.sections[0].items[2].body
    whole = [f for f in run_checks(report) if f.field == path]
    assert check_field(path, text) == whole


_chunks = st.sampled_from(["X个", "近X人", "***", '"', "'", "(", ")", ",", ".", ":", "“", "”", "（", "）", "《", "》",
                           "一是", "二是", "四是", "（一）", "1.", "某某", "Excel", "12.5", " ", "\n", "工作", "。", "a"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_chunks, max_size=12).map("".join), min_size=1, max_size=4))
def test_findings_point_at_their_text_and_fixes_converge(bodies):
    report = Report(sections=[Section(heading="情况", items=[Item(lead=b[:3], body=b) for b in bodies])])
    for f in run_checks(report):
        text = get_field(report, f.field) if f.field else ""
        assert 0 <= f.start <= f.end <= len(text)
        assert text[f.start:f.end] == f.text
    for kind in ("halfwidth_punct", "hand_numbering"):
        apply_all_fixes(report, kind)
    assert [f for f in run_checks(report) if f.kind == "halfwidth_punct"] == []


def test_utf16_range_for_qt():
    text = "𠮷X个，𠮷𠮷XX名。"
    found = check_field("preamble", text)
    assert [(f.start, f.end) for f in found] == [(1, 2), (6, 8)]
    assert [utf16_range(text, f.start, f.end) for f in found] == [(2, 3), (9, 11)]
    assert text.encode("utf-16-le")[9 * 2:11 * 2].decode("utf-16-le") == "XX"


def test_hand_numbered_leads_are_reported_once():
    report = Report(sections=[Section(heading="情况", items=[
        Item(lead="一是甲。", body="正文。"), Item(lead="二是乙。", body="正文。"), Item(lead="四是丁。", body="正文。")])])
    found = _kinds(report, "hand_numbering")
    assert [(f.field, f.text, f.fix) for f in found] == [
        ("sections.0.items.0.lead", "一是", ""), ("sections.0.items.1.lead", "二是", ""),
        ("sections.0.items.2.lead", "四是", "")]


def test_stale_facts_are_ignored():
    report = _report("正文有镕。")
    facts = TypesetFacts(
        pages=1,
        paragraph_ends=[ParagraphEnd("sections.3.items.0.body", 0, 2, 2, 1),
                        ParagraphEnd("sections.0.items.0.body", 40, 42, 2, 1)],
        missing=[CharPlace("𠮷", "sections.0.items.0.body", 3), CharPlace("𠮷", "sections.5.intro", 0)],
        fallbacks=[FallbackPlace("镕", "sections.0.items.0.body", 3, font="X")],
    )
    assert [f.kind for f in run_checks(report, facts) if f.kind != "proofread"] == ["font_fallback"]


def test_findings_in_the_official_frame_name_their_place():
    from models.checks import place_name

    assert place_name("letterhead.mark") == "版头发文机关标志"
    assert place_name("letterhead.signers.0") == "版头签发人"
    assert place_name("attachments.1.body") == "附件2正文"
    assert place_name("record.cc") == "版记抄送"
    assert place_name("recipient") == "主送机关"
    assert place_name("record.date") == "版记印发日期" and place_name("letterhead.copy_no") == "版头份号"


def test_a_hand_typed_number_gets_one_piece_of_advice():
    # “1、” is a number the program writes itself: delete it, not “change 、 to .” as well.
    report = Report(sections=[Section(heading="情况", items=[Item(lead="1、加强学习。", body="认真学习，开展研讨,形成共识。")])])
    found = run_checks(report)
    lead = [(f.kind, f.text, f.fix) for f in found if f.field == "sections.0.items.0.lead" and f.end - f.start <= 2]
    assert lead == [("hand_numbering", "1、", "")]
    # Elsewhere the punctuation check still speaks: the half-width comma in the body.
    assert any(f.field == "sections.0.items.0.body" and f.text == "," for f in found)


def test_two_blanks_in_one_field_say_which_is_which():
    from models.textchecks import placeholders

    messages = [h.message for h in placeholders("中共XX区XX局党组文件")]
    assert len(set(messages)) == 2 and all("中的“XX”待填写" in m for m in messages)
    assert messages[0].startswith("“中共XX区") and messages[1].startswith("“XX区XX局")
    assert [h.message for h in placeholders("XX XX")] == ["“XX XX”中的“XX”待填写（第1处）",
                                                         "“XX XX”中的“XX”待填写（第2处）"]
    assert [h.message for h in placeholders("标题XX")] == ["“XX”待填写"]  # one blank: as short as before


def test_a_paragraph_of_running_text_ends_with_its_mark():
    report = Report(closing="特此报告", preamble="现将有关情况报告如下：", sections=[Section(heading="情况", items=[
        Item(lead="抓落实。", body="坚持严的主基调不动摇，狠抓落实\n全年开展集中学习十二次。\n（一）短行")])],
        attachments=[Attachment("清单", "一、强化政治建设，推进工作")])
    found = [(f.field, f.start, f.fix, f.message) for f in run_checks(report) if f.kind == "missing_stop"]
    assert found == [("sections.0.items.0.body", 15, "。", "“摇，狠抓落实”段末缺少句号"),
                     ("closing", 4, "。", "“特此报告”段末缺少句号")]
    apply_all_fixes(report, "missing_stop")
    assert report.closing == "特此报告。" and report.sections[0].items[0].body.startswith("坚持严的主基调不动摇，狠抓落实。\n")


def test_an_item_left_inside_the_one_before_is_pointed_at():
    """一是, 二是, 四是 in a document: 四是 is not taken for the next item (三是 is missing), so it stays in the
    body of 二是; 检查 says so at that line. （1） under （一） is the next level, not an item."""
    report = Report(sections=[
        Section(heading="工作", items=[Item("抓学习。", "学习十二次。"),
                                      Item("抓监督。", "开展监督检查。\n四是深化作风建设。查处问题3件。")]),
        Section(heading="措施", numbering=HEADING, items=[Item("交通建设。", "完成投资。\n（1）国省干线：完成投资。\n（三）农村公路。")])])
    found = [(f.field, f.text) for f in run_checks(report) if f.kind == "hand_numbering"]
    assert found == [("sections.0.items.1.body", "四是"), ("sections.1.items.0.body", "（三）")]
