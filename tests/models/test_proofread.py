"""The proofreader: every planted slip of a test report found with its class; clean reports of every
kind give no finding at all; rules load from data; user rules and ignores; fixes apply."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from models.checks import Finding, apply_fix, run_checks
from models.exchange import load_file
from models.fields import get_field, item_field, iter_fields
from models.proofread import CLASSES, proofread
from models.proofread.rules import RuleError, builtin_formulations, builtin_rules, parse_rule
from models.proofread.settings import (
    CONFUSABLE_KIND,
    FORMULATION_KIND,
    Ignore,
    Settings,
    SettingsFileError,
    UserRule,
    dump_settings,
    load_settings,
)
from models.report import HEADING, NONE, YISHI, Item, Report, Section
from tests.data.proofread.seeded import SLIPS

DATA = Path(__file__).resolve().parent.parent / "data" / "proofread"
CLEAN = sorted(DATA.glob("clean_*.json"))


def _place(sentence: str, marker: str) -> tuple[int, int]:
    left, _, slipped = marker.rpartition("|")
    i = sentence.index(left + slipped) + len(left)
    return i, i + len(slipped)


def seeded_report() -> tuple[Report, list[tuple[str, str, int, int, str]]]:
    """The planted sentences, three to an item, plus numbering and consistency slips set up in structure."""
    expected: list[tuple[str, str, int, int, str]] = []  # (class, field, start, end, what)
    items: list[Item] = []
    for n in range(0, len(SLIPS), 3):
        body = ""
        for cls, sentence, marker in SLIPS[n:n + 3]:
            s, e = _place(sentence, marker)
            expected.append((cls, item_field(0, len(items), "body"), len(body) + s, len(body) + e, sentence))
            body += sentence
        items.append(Item(lead=f"抓好第{len(items) + 1}方面工作。", body=body))
    report = Report(kind="congyan", title="关于2026年度履行全面从严治党主体责任情况的报告", date=dt.date(2027, 1, 10),
                    signature="中共青川县审计局党组", sections=[Section("工作开展情况", YISHI, items=items)])

    def plant(cls: str, si: int, ii: int, name: str, marker: str) -> None:
        text = get_field(report, item_field(si, ii, name))
        s, e = _place(text, marker)
        expected.append((cls, item_field(si, ii, name), s, e, text))

    # 编号: levels, lonely 一是, 首先 without 其次, mixed styles, skipped and repeated numbers, hand-typed number
    report.sections.append(Section("存在的问题", HEADING, items=[
        Item("理论学习不够深入。", "（1）学习不够系统。\n1.学用结合不紧。"),
        Item("责任落实不够有力。", "对分管领域督促不够。\n（二）压力传导层层递减。"),
        Item("监督检查不够严格。", "一是检查覆盖面不广。"),
        Item("作风建设还有差距。", "首先，深入基层调研不够。对群众诉求回应不及时。"),
    ]))
    report.sections.append(Section("整改措施", YISHI, items=[
        Item("强化监督。", "一是严格日常监督；二是用好谈心谈话；第三，抓好专项检查。"),
        Item("严肃问责。", "一是压实责任；二是严格追责；四是强化通报。"),
        Item("健全制度。", "一是完善议事规则；二是规范资金管理；二是健全内控机制。"),
        Item("一是加强培训。", "每年组织全员培训两次。"),
        Item("改进作风。", "第一，带头调研；第二，带头解决问题。"),
    ]))
    plant("编号", 1, 0, "body", "1.")
    plant("编号", 1, 1, "body", "（二）")
    plant("编号", 1, 2, "body", "一是")
    plant("编号", 1, 3, "body", "首先")
    plant("编号", 2, 0, "body", "第三")
    plant("编号", 2, 1, "body", "四是")
    plant("编号", 2, 2, "body", "完善议事规则；二是规范资金管理；|二是")
    plant("编号", 2, 3, "lead", "一是")
    plant("编号", 2, 4, "body", "第一")
    report.sections.insert(3, Section("下一步打算", YISHI, items=[Item("持续强化理论武装。", "坚持每月集中学习一次。")]))
    plant("编号", 3, 0, "lead", "持续强化理论武装。")

    # 前后一致: a year copied from last year, 今年 in a report written the next year, a repeated sentence,
    # one unit named two ways, one figure given two ways
    report.sections.append(Section("其他情况", NONE, items=[
        Item("", "2025年1-10月，全县审计系统完成审计项目18个。今年以来，共开展警示教育4次。"),
        Item("", "县农业农村局配合开展了高标准农田项目审计。全年查处违规违纪问题线索21件，已全部办结。"),
        Item("", "县农村农业局按要求完成了问题整改。对查处违规违纪问题线索23件的情况进行了通报。"),
        Item("", "全年查处违规违纪问题线索21件，已全部办结。"),
    ]))
    plant("前后一致", 4, 0, "body", "2025年")
    plant("前后一致", 4, 0, "body", "今年以来")
    plant("前后一致", 4, 2, "body", "农村农业局")
    plant("前后一致", 4, 2, "body", "问题线索|23件")
    plant("前后一致", 4, 3, "body", "全年查处违规违纪问题线索21件，已全部办结")
    return report, expected


def test_every_planted_slip_is_found_with_its_class():
    report, expected = seeded_report()
    assert len(expected) >= 60
    findings = run_checks(report)
    missed = []
    for cls, field, start, end, _sentence in expected:
        hits = [f for f in findings if f.field == field and f.start < end and start < f.end]
        if not any(f.category == cls for f in hits):
            text = get_field(report, field)
            missed.append((cls, text[max(0, start - 8):end + 8], [(f.category, f.message) for f in hits]))
    assert not missed, "\n".join(map(str, missed))
    assert {cls for cls, *_ in expected} == set(CLASSES)


def test_title_ends_without_a_mark():
    report = Report(title="关于2026年度工作情况的报告。", date=dt.date(2026, 12, 1), signature="王建国")
    found = [f for f in run_checks(report) if f.rule == "bd28"]
    assert [(f.field, f.text, f.fix, f.category) for f in found] == [("title", "。", "", "标点")]
    assert apply_fix(report, found[0]) and report.title == "关于2026年度工作情况的报告"


def test_title_year_and_date_disagree():
    report = Report(title="2025年度述职述廉报告", date=dt.date(2026, 11, 20), signature="王建国")
    found = [f for f in run_checks(report) if f.category == "前后一致"]
    assert [(f.field, f.text) for f in found] == [("title", "2025年")]
    report.date = dt.date(2026, 1, 15)  # a year's report written early the next year is right
    assert not [f for f in run_checks(report) if f.category == "前后一致"]


@pytest.mark.parametrize("path", CLEAN, ids=[p.stem for p in CLEAN])
def test_clean_reports_give_no_finding(path):
    report = load_file(path)
    assert report.char_count() > 800
    assert [f.describe() for f in run_checks(report)] == []


def _plain(*bodies: str, title: str = "2026年工作总结", year: int = 2026, signature: str = "临江市审计局") -> Report:
    """A report of one section without numbering, one item a body."""
    return Report(title=title, date=dt.date(year, 12, 1), signature=signature,
                  sections=[Section("工作情况", NONE, items=[Item("", b) for b in bodies])])


def test_clean_sentences_that_look_like_slips():
    """Right usages next to the rules' words: none may be flagged."""
    body = ("报名截止日期为11月30日。截止到10月底，已全部完成。为了了解群众诉求，开展走访。对对照检查材料进行了修改。"
            "建立应急反应机制，认真办理群众反映的问题。制订年度学习计划。及时起用优秀年轻干部，启用新的办公系统。"
            "这是工作所必需的经费。以至于出现新情况时也能从容应对。较2025年增长5%。2023年以来，累计建成项目12个。"
            "近10年来，全县面貌发生了巨大变化。党风廉政建设和反腐败工作取得新成效。新时代中国特色社会主义取得伟大成就。"
            "学习《中共中央关于进一步全面深化改革、推进中国式现代化的决定》。5%～10%的增幅保持稳定。"
            "会议时间为9：30。参会人员约50人。一二个问题还需研究。要研究研究再决定。坚持以习近平同志为核心的党中央集中统一领导。"
            "实现中华民族伟大复兴。目的的实现需要各方配合。就就业问题进行调研。"
            "尤其一线干部要带头。在这一方面做了大量工作。深入学习贯彻党的二十大和二十届三中全会精神。"
            "学习党的十九大、二十大精神。自觉维护党中央权威和集中统一领导。推进县域治理体系和治理能力现代化。"
            "全面加强政治建设、思想建设、组织建设、作风建设、纪律建设。报名截止前提交材料。约谈干部20人左右。"
            "做出了突出成绩。这是一篇写的好文章的范例。不了了之的问题坚决不允许出现。会议时间：12月18日；会议地点：三楼。"
            "落实主要要求。所有有关单位参加。需要要点清楚。化学反应速度。")
    assert [f.describe() for f in run_checks(_plain(body))] == []


def test_clean_sentences_near_the_newer_rules():
    """Grades, place names, words that meet, the past and well-grouped figures: none may be flagged."""
    body = ("全县三、四级公路总里程达到1200公里。开展耕地地力提升行动。按时召开党组织组织生活会。坚持学习学习强国平台内容。"
            "原县国土资源局的档案已移交。2017年，县国土资源局完成了确权颁证。党的十九大以来，全县面貌发生深刻变化。"
            "所做的很多工作得到群众认可。完成投资12345万元，同比增长8.5%。使用Windows 10 系统办公。"
            "各地地方政府积极推进。实在在于坚持。全部暑期活动安排妥当。不做为难群众的事。否则任何人不得擅自处置。开展期中评估。对2025年度未按期完工的3个项目挂牌督办。从县到乡以至村组都建立了台账。写作好文章需要积累。问题高发领域。防止举措失当。1—6月份，全县实现增长。协调县自然资源局和县市场监督管理局开展工作。"
            "一是加强学习，二是严格管理。\n一是再学习，二是再落实。")
    assert [f.describe() for f in run_checks(_plain(body, signature="王  伟"))] == []
    byline = _plain(body, title="2026年度个人述职报告\n青川县财政局副局长\u3000刘建国", signature="刘建国")
    byline.sections[0].heading = "坚持稳中求进\u3000狠抓工作落实"
    assert [f.describe() for f in run_checks(byline)] == []


@pytest.mark.parametrize("first, second, slipped", [
    ("全年召开党组会议24次，研究重大事项36项。", "全年共召开党组会议26次，其中专题研究党建工作8次。", "26次"),
    ("县纪委监委派驻第三纪检监察组全程监督。", "县纪委监委派驻第3纪检监察组参与调研。", "第3纪检"),
    ("副局长张晓明同志分管党建工作。", "张小明同志牵头抓好整改。", "张小明"),
    ("青石镇全面完成年度任务，青石镇党委班子团结有力。", "清石镇部分村“两委”干部年龄偏大。", "清石镇"),
    ("全县312个村全部建立村务监督委员会。", "全县321个村中，仍有一半以上的村集体收入偏低。", "321个"),
    ("主动向局党组书记陈立新同志汇报工作。", "按照陈力新同志的要求抓好整改。", "陈力新"),
    ("党组书记、局长张建明带头履行第一责任人职责。", "由党组书记张建民牵头推进。", "张建民"),
    ("全年新建高标准农田5.6万亩。", "在今年新建6.5万亩高标准农田的基础上，明年再新建3万亩。", "6.5万亩"),
    ("覆盖全县18个乡镇卫生院和236个村卫生室。", "部分设备老化，16个乡镇卫生院中仍有6个未达标。", "16个乡镇卫生院"),
    ("对县委第三巡察组反馈的16个问题逐项建立台账，已全部整改完成。", "截至目前，县委巡察反馈问题中尚有2项仍在整改之中。",
     "尚有2项仍在整改"),
    ("建设柳河镇卫生院。", "流河镇等偏远乡镇人才引不进。", "流河镇"),
    ("局党组书记、局长王建国带头履职。", "局党组书记王建军先后带队督导8次。", "王建军"),
    ("一年来，泉溪县委办公室工作取得成效。", "泉西县委办公室工作虽然取得了一定成绩。", "泉西县"),
    ("集团所属8家子公司开展专项审计。", "所属7家子公司中有3家未配备专职内审人员。", "7家子公司"),
    ("全县“三公”经费同比下降7.6%。", "带头过紧日子，全县“三公”经费同比下降6.7%。", "6.7%"),
    ("全年检查生产经营单位1380家次。", "截至2025年11月底，辖区未发生较大及以上生产安全事故。", "2025年"),
    ("查摆问题23个，已全部完成整改。", "查摆的23个问题中尚有3个未完成整改。", "尚有3个未完成整改"),
])
def test_the_same_figure_or_name_written_two_ways(first, second, slipped):
    found = [(f.field, f.text, f.category) for f in run_checks(_plain(first, second))]
    assert found == [(item_field(0, 1, "body"), slipped, "前后一致")]


def test_a_large_figure_in_full_among_figures_in_wan():
    report = _plain("发放低保金356.2万元、临时救助金48.5万元。", "为80周岁以上老年人发放高龄津贴426000元。")
    found = [(f.field, f.text, f.category, f.fix) for f in run_checks(report)]
    assert found == [(item_field(0, 1, "body"), "426000元", "数字", "42.6万元")]


def test_different_people_and_figures_compared_are_not_one_name_written_two_ways():
    body = ("副局长张晓明同志分管党建工作，张晓东同志分管业务工作。城镇居民收入增长9.6%，农村居民收入增长6.9%。投资12.5万元、8.6万元，人均收入23580元。全年召开党组会议24次，较上年增加2次。"
            "2025年召开党组会议22次。第三季度完成投资12亿元，第四季度完成投资15亿元。"
            "参加县委理论学习中心组学习14次，主持局党组理论学习中心组学习12次。局长张建明、副局长张建民分工负责。"
            "巡察反馈问题12个，已全部整改到位。民主生活会查摆的5个问题中尚有2个正在整改。工作26年来，从未懈怠。"
            "在26年的工作中积累了经验。三大产业全产业链产值达到68.5亿元，同比增长9.6%。"
            "农村居民人均可支配收入2.41万元，同比增长6.9%。全县14个行政村。力争到2027年全县12个行政村达标。"
            "巡察反馈的8个问题已全部整改到位，其余2个持续推进。民主生活会查摆问题中还有1个正在整改。"
            "储备村级后备力量48名，其中35周岁以下的32名、大专及以上学历的27名。计划总投资80万元，其中争取资金50万元、自筹30万元，力争收入突破45万元。"
            "受理信访件120件，办结118件，办结率98.3%。由2栋增加到4栋，增加了1倍。每月一次，研究三次全会精神。"
            "局长刘建华、副局长刘建新分工负责。城乡居民养老保险参保31.2万人，失业保险参保3.12万人。"
            "践行社会主义核心价值观二十四个字。学习“关于”的用法。6月30日完成。2月28日召开会议。批评和自我批评。")
    assert [f.describe() for f in run_checks(_plain(body))] == []


def test_percent_signs_mixed_are_seen_when_one_field_changes():
    """The per-field cache must not hide a report-wide check: one ％ typed among %s is flagged at once."""
    report = _plain("全年增长5%。", "上半年增长3%。", "下半年增长6%。")
    assert [f for f in run_checks(report) if f.category == "数字"] == []
    report.sections[0].items[1].body = "上半年增长3％。"
    found = [(f.field, f.text, f.fix) for f in run_checks(report) if f.category == "数字"]
    assert found == [(item_field(0, 1, "body"), "％", "%")]


def test_a_lead_ending_with_a_mark_among_leads_without():
    leads = ["抓好理论学习", "抓好作风建设", "抓好廉政建设", "抓好队伍建设。", "抓好制度建设"]
    report = Report(title="2026年工作总结", date=dt.date(2026, 12, 1), signature="临江市审计局",
                    sections=[Section("工作情况", HEADING, items=[Item(lead, "按计划推进。") for lead in leads])])
    found = [(f.field, f.text, f.fix) for f in run_checks(report) if f.category == "标点"]
    assert found == [(item_field(0, 3, "lead"), "。", "")]
    for item in report.sections[0].items:
        item.lead = item.lead.rstrip("。") + "。"
    assert [f for f in run_checks(report) if f.category == "标点"] == []


def test_renamed_bodies_are_right_in_an_old_report():
    """国土资源局 was the name until the 2018 reform: a 2017 report may use it."""
    report = _plain("配合县国土资源局完成确权登记。", title="2017年工作总结", year=2017)
    assert [f.describe() for f in run_checks(report)] == []


def test_rules_are_data_with_reason_and_source():
    rules = builtin_rules()
    assert len(rules) >= 150
    assert {r.cls for r in rules} >= {"易混词", "规范提法", "标点", "数字"}
    for r in rules:
        assert r.reason and r.source, r.id
        assert r.suggest is None or r.suggest != r.find, r.id
    from models.proofread.since import dated_rules

    dated = dated_rules()
    assert len(dated) >= 10
    ids = {r.id for r in rules}
    for since, r in dated:
        assert 2000 < since < 2100 and r.reason and r.source and r.id not in ids, r.id
    forms = builtin_formulations()
    assert len(forms) >= 40 and all(len(f.form) >= 6 for f in forms)
    with pytest.raises(RuleError):
        parse_rule({"id": "x1", "class": "易混词", "find": "re:(?<=a|bc)x"}, "test")
    with pytest.raises(RuleError):
        parse_rule({"id": "x2", "class": "不存在的类", "find": "截止"}, "test")


def test_one_click_fix_only_where_one_answer_is_right():
    report = Report(title="报告", sections=[Section("一", NONE, items=[Item("", "截止目前，约300余人参加。")])])
    found = {f.rule: f for f in run_checks(report) if f.kind == "proofread"}
    assert found["yh001"].fix == "截至" and found["sz02"].fix is None
    assert found["yh001"].reason and "现代汉语词典" in found["yh001"].source
    assert apply_fix(report, found["yh001"])
    assert report.sections[0].items[0].body == "截至目前，约300余人参加。"
    assert not apply_fix(report, found["yh001"])  # stale: the text changed


def test_user_rules_and_ignores(tmp_path):
    report = Report(title="报告", sections=[Section("一", NONE, items=[Item("", "推进青川县乡村振兴五大行动计划，强化服务效能。其它工作同步推进。")])])
    settings = Settings([UserRule(FORMULATION_KIND, "乡村振兴五大行动计划"),
                         UserRule(CONFUSABLE_KIND, "服务效能", "服务效率", "本单位统一说“服务效率”")])
    report.sections[0].items[0].body = "推进青川县乡村振兴五大行动计划，强化服务效能。其它工作同步推进。乡村振兴五大计划行动稳步实施。"
    found = {f.rule: f for f in run_checks(report, None, settings) if f.kind == "proofread"}
    assert found["user1"].fix == "服务效率" and found["user1"].category == "易混词"
    assert found["userf1"].fix == "乡村振兴五大行动计划" and found["userf1"].text == "乡村振兴五大计划行动"
    assert "yh003" in found
    here = Ignore("yh003", "其它", "sections.0.items.0.body", report_id=7)
    settings.ignores.append(here)
    settings.report_id = 7
    assert "yh003" not in {f.rule for f in run_checks(report, None, settings)}
    settings.report_id = 8  # 忽略此处 holds for that report only
    assert "yh003" in {f.rule for f in run_checks(report, None, settings)}
    settings.ignores.append(Ignore("yh003", "其它"))  # 不再提示
    assert "yh003" not in {f.rule for f in run_checks(report, None, settings)}
    path = tmp_path / "本单位校对规则.json"
    dump_settings(settings, path)
    back = load_settings(path)
    assert [r.text for r in back.rules] == ["乡村振兴五大行动计划", "服务效能"]
    assert back.ignores == [Ignore("yh003", "其它")]  # 忽略此处 stays with its report


@pytest.mark.parametrize("content", [b"", b"\xff\xfe", b"[1, 2]", b'{"format": "tianbao.report"}',
                                     b'{"format": "tianbao.proofread", "version": 99}',
                                     b'{"format": "tianbao.proofread", "version": 1, "rules": [{"kind": "x", "text": "a"}]}'])
def test_bad_rule_files_are_refused(tmp_path, content):
    path = tmp_path / "rules.json"
    path.write_bytes(content)
    with pytest.raises(SettingsFileError) as e:
        load_settings(path)
    assert "rules.json" in str(e.value)
    assert path.read_bytes() == content


def test_findings_carry_class_and_rule():
    report, _ = seeded_report()
    for f in run_checks(report):
        assert isinstance(f, Finding) and f.category and f.rule
        if f.kind == "proofread":
            assert f.category in CLASSES and f.reason and f.source
    assert all(s.cls in CLASSES for s in proofread(report))


@pytest.mark.parametrize("first, second", [
    ("局党组书记李军主持会议。", "局党组书记李军指出，要压实责任。"),
    ("党组书记、局长王强主持召开党组会。", "党组书记、局长王强带头讲党课。"),
    ("县委书记杨明明确要求。", "县委书记杨明鸣枪开赛。"),
    ("镇党委书记王建国主持。", "石桥村党委书记王建军参加。"),
    ("县财政局局长王建国出席。", "县审计局局长王建华出席。"),
    ("时任局长王建国主持。", "局长王建军同志到任后。"),
    ("新发展党员23名，其中女党员9名、少数民族党员6名、一线工人党员12名。", "处理党员干部25人，其中给予党纪处分18人、政务处分10人。"),
    ("全县共有行政村120个，其中脱贫村45个、深度贫困村12个、一般村75个。", "干部职工56人，其中党员42人，全年培训120人次。"),
    ("全年发现问题32个，已整改30个，其中立行立改25个，整改率93.8%。", "共检查企业80个，发现问题40个，整改率达95%。"),
    ("全县辖20个乡镇、236个行政村。", "全县18个乡镇中心学校全部达标。"),
    ("全县共有18个乡镇。", "全县有5个乡镇未完成整改。"),
    ("公司现有所属8家子公司和2家分公司。", "今年对所属3家子公司开展了巡察。"),
    ("2025年巡察反馈问题15个，已全部整改到位。", "今年巡察反馈问题中尚有2项正在整改。"),
    ("巡察反馈问题18个，已全部整改到位。", "巡察期间移交的信访件中尚有2件正在办结。"),
    ("城镇居民人均可支配收入增长6.9%。", "农村居民人均可支配收入增长9.6%。"),
    ("深化国企三项制度改革，完成改革任务15项。", "统筹推进四项监督，开展专项监督12项。"),
    ("按照20年一遇标准建设堤防。", "防洪标准从20年一遇提高到50年一遇。"),
    ("工业增加值增幅超过15%。", "预计可节约30%左右。"),
    ("开展《中国共产党纪律处分条例》专项学习。", "开展《民法典》示范宣讲。"),
    ("《准则》明确“领导干部必须严格执行中央八项规定”。", "广西壮族自治区人民政府办公厅印发通知。"),
    ("原国税、地税部门合并后，征管效率提升。", "同时侯家坪村完成改造，慰问侯家村困难群众。"),
    ("不能凭个人主意办事。", "坚持和平、发展、合作、共赢。"),
    ("2025年，全县经济运行平稳，较之上一年度有所回落。", "2025年相较于上一年度有所回落。"),
    ("与新提任干部谈话42人次、与年轻干部谈话68人次。", "引导广大教师做“四有”好老师。"),
    ("两项指标分别为15%、20%。", "查摆问题12个，已整改完成12个。"),
    ("全年召开党组会议21次；组织中心组集中学习12次。", "力争全年引进项目3个，完成固定资产投资10亿元以上。"),
    ("完成固定资产投资9.3亿元。", "2024年2月29日召开动员会。"),
    ("电话0871-1234567。", "截流蓄水工程开工。"),
    ("基金收入3.52亿元，支出3.31亿元，当期结余0.21亿元。", "新建高标准农田3.15万亩，完成市下达任务3万亩的105%。"),
    ("“十四五”时期，全县经济总量迈上新台阶。", "原县公安消防大队的营房移交地方。"),
])
def test_near_the_figure_and_name_checks_but_right(first, second):
    """A second reading of the consistency, arithmetic and name checks found these right sentences flagged."""
    report = _plain(first, second)
    assert [f.describe() for f in run_checks(report) if f.category in CLASSES] == []


def test_a_years_report_plans_the_next_year():
    report = Report(title="2026年度工作总结", date=dt.date(2026, 12, 20), signature="某局",
                    sections=[Section("工作成效", items=[Item("抓学习。", "全年学习12次。")]),
                              Section("2026年工作打算", items=[Item("抓落实。", "继续推进。")])])
    assert [(f.field, f.text, f.fix) for f in run_checks(report) if f.rule == "yz16"] == [
        ("sections.1.heading", "2026年", "2027年")]
    report.sections[1].heading = "2027年工作打算"
    assert [f for f in run_checks(report) if f.rule == "yz16"] == []
    report.sections[1].items[0].body = "力争到2026年底，参保率稳定在97%以上。"  # last year's plan kept
    assert [(f.field, f.text) for f in run_checks(report) if f.rule == "yz16"] == [("sections.1.items.0.body", "2026年")]
    report.sections[1].items[0].body = "继续推进。"
    report.date = dt.date(2026, 7, 10)  # a mid-year report plans the rest of its own year
    report.sections[1].heading = "2026年下半年工作打算"
    assert [f for f in run_checks(report) if f.rule == "yz16"] == []


def test_a_count_said_in_the_intro_and_the_items_given():
    items = [Item(f"问题{n}。", "学习不够深入。") for n in range(4)]
    report = Report(title="2026年度对照检查材料", date=dt.date(2026, 12, 20), signature="某某",
                    sections=[Section("存在的问题", YISHI, intro="主要存在以下三个方面问题。", items=items)])
    assert [(f.field, f.text) for f in run_checks(report) if f.rule == "yz19"] == [("sections.0.intro", "三")]
    report.sections[0].items.pop()
    assert [f for f in run_checks(report) if f.rule == "yz19"] == []


def test_first_then_a_number_of_another_kind():
    """首先 answered by 第二是 (no 第一 anywhere in the report): 其次 is meant."""
    found = [(f.text, f.fix) for f in run_checks(_plain("主要有：首先，精简会议；第二是规范督查检查考核。"))]
    assert found == [("第二", "其次")]


def test_more_slips_phrased_otherwise():
    from tests.data.proofread.seeded import MORE

    items = [Item("", sentence) for _cls, sentence in MORE]
    report = Report(title="2026年度工作总结", date=dt.date(2026, 12, 10), signature="临江市审计局",
                    sections=[Section("情况", NONE, items=items)])
    findings = run_checks(report)
    missed = [sentence for n, (cls, sentence) in enumerate(MORE)
              if not any(f.field == item_field(0, n, "body") and f.category == cls for f in findings)]
    assert not missed


BLIND = Path(__file__).resolve().parent.parent / "data" / "proofread" / "blind"


def test_reports_seeded_by_someone_who_did_not_read_the_rules():
    """Eight corpora written without reading the rules (each slip keyed by field, text and class): found 65%,
    69%, 86%, 67%, 51%, 65%, 56% and 51% when first run, 73% to 100% after the rules they showed missing;
    the bar keeps the whole from sliding back."""
    found = total = 0
    for path in sorted(BLIND.glob("*_seeded_*.json")):
        if path.name.endswith(".key.json"):
            continue
        report = load_file(path)
        findings = run_checks(report)
        texts = dict(iter_fields(report))
        for key in json.loads(path.with_name(path.stem + ".key.json").read_text(encoding="utf-8")):
            text = texts[key["field"]]
            spans = [(m.start(), m.end()) for m in re.finditer(re.escape(key["text"]), text)]
            assert spans, key
            total += 1
            found += any(f.field == key["field"] and f.category == key["class"] and
                         any(f.start <= e and f.end >= s for s, e in spans) for f in findings)
    assert total > 200 and found / total >= 0.88, f"{found}/{total}"


@pytest.mark.parametrize("path", sorted(BLIND.glob("*_clean_*.json")), ids=lambda p: p.stem)
def test_blind_clean_reports_give_no_proofreading_finding(path):
    report = load_file(path)
    assert [f.describe() for f in run_checks(report) if f.category in CLASSES] == []
