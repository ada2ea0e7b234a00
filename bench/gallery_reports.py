"""Realistic reports for the visual gallery: every template filled, long titles, edge cases of the layout."""

from __future__ import annotations

import datetime as dt

from models.report import HEADING, NONE, YISHI, Item, Report, Section
from models.templates import load_templates

DATE = dt.date(2026, 11, 26)

SHUZHI = {
    "preamble": "根据区委统一安排，现将本人2026年度履行岗位职责、落实党风廉政建设责任和廉洁自律情况报告如下，"
                "请予评议。",
    "sections": [
        ("履职尽责情况", "一年来，在区委的坚强领导下，我紧紧围绕全区中心工作，认真履行分管领域工作职责。", [
            ("坚持政治引领，理论武装持续深化", "严格落实“第一议题”制度，全年参加区委理论学习中心组学习12次，"
             "围绕学习贯彻党的二十届四中全会精神撰写心得体会3篇，到分管单位讲专题党课4次。坚持把学习成果转化为"
             "推动工作的具体举措，牵头制定《关于加强基层党组织标准化规范化建设的实施意见》。"),
            ("聚焦主责主业，重点任务扎实推进", "牵头推进“项目攻坚年”活动，全区新签约亿元以上项目27个，完成固定资产"
             "投资156.8亿元，同比增长12.5%；规上工业增加值增长8.3%，高于全市平均水平1.2个百分点。统筹推进城市更新，"
             "完成老旧小区改造43个、惠及居民1.26万户。"),
            ("践行群众路线，民生实事落地见效", "坚持每月到信访接待室接访群众，全年接待来访群众186人次，"
             "办结率达到98.9%。推动12件民生实事全部按期完成，新增普惠性幼儿园学位2400个。"),
        ]),
        ("廉洁自律情况", "", [
            ("严守政治纪律和政治规矩", "始终在思想上政治上行动上同党中央保持高度一致，严格执行重大事项请示报告制度，"
             "全年向区委书面报告个人有关事项2次。"),
            ("严格落实中央八项规定及其实施细则精神", "带头反对“四风”，公务接待、公务用车严格按标准执行，"
             "没有收受礼品礼金、违规操办婚丧喜庆事宜等问题。"),
            ("管好亲属和身边工作人员", "经常提醒配偶子女和身边工作人员遵纪守法，没有利用职务影响为亲属谋取私利的情况。"),
        ]),
        ("存在的不足", "", [
            ("理论学习的深度还不够", "对新理论新思想的学习还存在“学用脱节”的问题，运用理论指导实践、"
             "推动工作的能力有待进一步提升。"),
            ("抓落实的力度有待加强", "对部分重点工作跟踪问效不够及时，存在“重部署、轻督查”的现象。"),
        ]),
        ("今后努力方向", "", [
            ("持续加强理论武装", "坚持读原著、学原文、悟原理，切实做到学思用贯通、知信行统一。"),
            ("持续提升履职能力", "围绕全区发展大局，聚焦招商引资、城市更新、民生保障等重点工作，"
             "以钉钉子精神抓好各项任务落实。"),
            ("持续筑牢廉洁防线", "时刻绷紧廉洁自律这根弦，自觉接受组织和群众监督，始终保持共产党人清正廉洁的政治本色。"),
        ]),
    ],
    "closing": "以上报告，请予审议。",
}

DUIZHAO = {
    "preamble": "按照区委关于召开2026年度民主生活会的通知要求，本人认真学习规定篇目，广泛征求意见建议，"
                "深入开展谈心谈话，紧扣会议主题，对照“四个带头”深入查摆问题，剖析思想根源，明确整改方向。"
                "现将有关情况报告如下：",
    "sections": [
        ("存在问题", HEADING, "", [
            ("在带头强化政治忠诚方面", "对党的创新理论的学习还不够系统深入，满足于读文件、记笔记，"
             "联系实际思考不够，有时存在以干代学、以会代学的情况。对标“两个维护”的要求，在贯彻落实上级决策部署时，"
             "有时存在“等一等、看一看”的心态，创造性落实的举措还不多。"),
            ("在带头敢于担当作为方面", "面对信访积案、历史遗留问题等“硬骨头”，有时存在畏难情绪，"
             "习惯于按部就班、照章办事，主动破题的闯劲不足。去年以来，分管领域有3件群众反映强烈的问题办理周期超过60天。"),
            ("在带头严守纪律规矩方面", "对分管领域干部的日常教育管理监督还不够严格，"
             "“红红脸、出出汗”的批评用得不多，对苗头性、倾向性问题提醒不够及时。"),
        ]),
        ("原因剖析", YISHI, "", [
            ("理论学习不够深入", "没有把理论学习摆在应有的位置，学用结合不紧，导致政治判断力、政治领悟力、政治执行力不够强。"),
            ("宗旨意识有所淡化", "深入基层、深入群众的次数减少，对群众急难愁盼问题感受不深、研究不透。"),
            ("纪律意识有所松懈", "认为自己长期在机关工作，不会出什么问题，自我要求有所放松。"),
        ]),
        ("整改措施", YISHI, "", [
            ("在加强理论武装上下功夫", "制定个人学习计划，每月至少完成1次专题研讨，确保学深悟透、融会贯通。"),
            ("在践行初心使命上下功夫", "每季度到联系点调研不少于2次，建立问题清单、责任清单、时限清单，"
             "推动群众反映问题“件件有着落、事事有回音”。"),
            ("在严守纪律规矩上下功夫", "自觉把纪律和规矩挺在前面，带头落实中央八项规定精神，做到慎独慎微、防微杜渐。"),
        ]),
    ],
    "closing": "",
}

ZONGJIE = {
    "preamble": "2026年，在区委、区政府的坚强领导下，我局坚持以习近平新时代中国特色社会主义思想为指导，"
                "全面贯彻党的二十大和二十届历次全会精神，紧扣年度目标任务，各项工作取得新进展新成效。现将全年工作总结如下：",
    "sections": [
        ("主要工作及成效", HEADING, "", [
            ("经济运行稳中向好", "全年实现地区生产总值（GDP）486.3亿元，同比增长6.1%；一般公共预算收入32.7亿元，"
             "增长5.4%。“专精特新”企业新增18家，总数达到65家。\n数字经济核心产业增加值占比提高到9.8%，"
             "建成5G基站1260个，实现重点区域全覆盖。"),
            ("改革创新纵深推进", "深化“放管服”改革，政务服务事项“一网通办”率达到99.2%，企业开办时间压缩至0.5个工作日。"
             "在全市营商环境评价中位列第3名，较上年提升2个位次。"),
            ("民生福祉持续改善", "城镇新增就业1.32万人，城镇登记失业率控制在3.5%以内。新改扩建中小学5所，"
             "新增学位4500个；家庭医生签约服务覆盖率达到78%。"),
        ]),
        ("存在的问题和不足", YISHI, "", [
            ("经济增长动能仍需增强", "新兴产业规模偏小，龙头企业带动作用不够明显。"),
            ("公共服务供给不够均衡", "城乡之间教育、医疗资源配置还有差距。"),
        ]),
        ("明年工作打算", YISHI, "2027年，我们将重点抓好以下工作：", [
            ("着力扩大有效投资", "全年力争实施重点项目120个，完成投资200亿元以上。"),
            ("着力优化营商环境", "持续深化“高效办成一件事”改革，打造市场化、法治化、国际化一流营商环境。"),
            ("着力保障改善民生", "办好十件民生实事，让人民群众获得感、幸福感、安全感更加充实、更有保障、更可持续。"),
        ]),
    ],
    "closing": "特此报告。",
}

CONGYAN = {
    "preamble": "2026年以来，区委认真落实全面从严治党主体责任，坚持把党的政治建设摆在首位，"
                "推动管党治党向纵深发展。现将有关情况报告如下：",
    "sections": [
        ("履职情况", YISHI, "", [
            ("扛牢政治责任", "区委常委会先后18次专题研究全面从严治党工作，制定年度责任清单，明确任务42项。"),
            ("强化日常监督", "全年开展谈话提醒312人次，处置问题线索86件，立案53件。"),
        ]),
        ("存在问题", YISHI, "", [
            ("压力传导存在层层递减", "个别基层党组织对全面从严治党认识不到位，存在“上热中温下冷”现象。"),
        ]),
        ("下步措施", YISHI, "", [
            ("压紧压实责任链条", "健全完善“四责协同”机制，推动责任落实到每个支部、每名党员。"),
        ]),
    ],
    "closing": "特此报告。",
}

PUNCT_TEXT = (
    "据《2026年国民经济和社会发展统计公报》显示，全区GDP增长12.5%，高于预期目标（8%左右）。"
    "有关负责同志指出：“要把‘小切口’做成‘大文章’——这是我们的‘必答题’。”"
    "群众反映的问题主要集中在“停车难”“入学难”“看病难”等方面……对此，我们做了哪些工作？"
    "一是建立台账；二是明确时限；三是跟踪问效！详见区政府门户网站（www.gov.cn）及“学习强国”平台。"
    "全年召开会议36次，印发文件（含《实施方案》《考核办法》）15件，2.0版系统于2026年3月上线运行，"
    "覆盖Windows、Linux、macOS等平台，API调用量达到1,250,000次（同比增长37.8%）。"
    "他强调：“对违反规定的，要‘零容忍’！”——这句话掷地有声……"
    "各单位要认真对照《中国共产党纪律处分条例》（2023年修订）第三十条、第三十一条的规定，"
    "逐项自查（见附件1、附件2）；自查报告于12月31日前报送区纪委监委（联系电话：0571-12345678）。"
)

NONE_PARAS = (
    "今年以来，我办紧紧围绕区委中心工作，充分发挥参谋助手、综合协调、督促检查、服务保障作用，各项工作有序推进。",
    "在文稿起草方面，全年起草各类文稿210余篇、120余万字，做到了“文稿质量高、报送时效快”。",
    "在督查督办方面，建立重点工作“周调度、月通报、季考评”机制，全年督办事项156项，办结率达到97.4%。",
    "在服务保障方面，圆满完成各类重要会议和活动服务保障任务83场次，实现了“零差错、零投诉”。",
)


def _sections(spec, numbering=YISHI):
    out = []
    for row in spec:
        if len(row) == 3:
            heading, intro, items = row
            num = numbering
        else:
            heading, num, intro, items = row
        out.append(Section(heading=heading, numbering=num, intro=intro,
                           items=[Item(lead, body) for lead, body in items]))
    return out


def _from_template(kind: str, fill: dict, signature: str) -> Report:
    tpl = {t.kind: t for t in load_templates()}[kind]
    r = tpl.new_report()
    r.preamble = fill["preamble"]
    r.sections = _sections(fill["sections"])
    r.closing = fill.get("closing", "")
    r.signature = signature
    r.date = DATE
    return r


def template_reports() -> dict[str, Report]:
    out = {
        "shuzhi": _from_template("shuzhi", SHUZHI, "张某某"),
        "duizhao": _from_template("duizhao", DUIZHAO, "某某区委组织部\n王某某"),
        "zongjie": _from_template("zongjie", ZONGJIE, "某某区发展和改革局"),
        "congyan": _from_template("congyan", CONGYAN, "中共某某市某某区委员会"),
    }
    blank = {t.kind: t for t in load_templates()}["blank"].new_report()
    blank.title = "某某区委办公室2026年度工作情况"
    blank.preamble = ""
    blank.sections = [Section(heading="", numbering=NONE, items=[Item("", p) for p in NONE_PARAS]),
                      Section(heading="下一步打算", numbering=NONE,
                              items=[Item("持续提升文稿质量", "坚持高标准、严要求，着力提升文稿的思想性、针对性和可读性。"),
                                     Item("持续强化督查实效", "聚焦重点任务，强化跟踪问效。")])]
    blank.closing = "特此报告。"
    blank.signature = "中共某某市某某区委员会办公室"
    blank.date = DATE
    out["blank_none"] = blank
    return out


def edge_reports() -> dict[str, Report]:
    base = _from_template("congyan", CONGYAN, "某某区委组织部")
    out = {}

    def variant(title, signature="某某区委组织部", **kw):
        r = Report(kind="congyan", title=title, preamble=base.preamble, sections=base.sections,
                   closing="特此报告。", signature=signature, date=DATE, **kw)
        return r

    out["title2"] = variant("中共某某市某某区委员会关于2026年度履行全面从严治党主体责任情况的报告")
    out["title3"] = variant("中共某某市某某区委员会关于2026年度履行全面从严治党主体责任情况和下一步工作打算的报告",
                            signature="中共某某市某某区委员会办公室")
    out["title_forced"] = variant("中共某某市某某区委员会\n关于2026年度工作情况的报告")
    out["sig_short"] = variant("关于履行全面从严治党责任情况的报告", signature="张某某")
    out["punct"] = Report(kind="blank", title="关于“十四五”规划《实施方案》（2026—2030年）执行情况的报告",
                          preamble=PUNCT_TEXT,
                          sections=[Section(heading="主要做法（含“三张清单”）", numbering=YISHI, items=[
                              Item("坚持“一把手”抓“第一责任”", PUNCT_TEXT[:180]),
                              Item("建立《问题清单》", "完成率100%；满意率99.5%……"),
                          ])], closing="特此报告。", signature="某某区统计局", date=DATE)
    one = Report(kind="blank", title="关于2026年度个人有关事项的说明", preamble=NONE_PARAS[0] + NONE_PARAS[1],
                 sections=[Section(heading="有关情况", numbering=NONE, items=[Item("", NONE_PARAS[2])])],
                 closing="特此说明。", signature="李某某", date=DATE)
    out["one_page"] = one
    out["fallback"] = Report(
        kind="blank", title="关于2026年度朱镕基同志讲话精神学习情况的报告",
        preamble="本报告涉及“朱镕基”“𠮷野家”和“堃”“喆”“昇”等字，Windows 10系统、GDP增长12.5%。",
        sections=[Section(heading="2026年工作（含GDP指标）", numbering=HEADING,
                          items=[Item("第1项工作镕化", "正文内容𠮷字。")])],
        signature="某某区委", date=DATE)
    over = _from_template("shuzhi", SHUZHI, "张某某")
    over.page_limit = 2
    out["over_limit"] = over
    return out


def heading_at_bottom() -> Report:
    """A report whose second 一、 heading would land on the last grid line of page 1 (keep-with-next)."""
    import dataclasses

    from export.layout import layout_report

    filler = "坚持以人民为中心的发展思想，持续改善民生福祉，推动各项工作取得新成效。" * 20
    r = None
    for k in range(100, len(filler), 14):
        r = Report(kind="blank", title="关于某某工作情况的报告", preamble=filler[:k],
                   sections=[Section(heading="主要工作", numbering=YISHI, items=[Item("抓好落实", filler[:90])]),
                             Section(heading="下步打算", numbering=YISHI, items=[Item("持续用力", filler[:60])])],
                   closing="特此报告。", signature="某某区委组织部", date=DATE)
        lay = layout_report(dataclasses.replace(r, sections=r.sections[:1], closing="", signature="", date=None))
        body = [ln for ln in lay.pages[-1].lines if ln.kind == "body"]
        if len(lay.pages) == 1 and body and body[-1].grid == 20:
            return r
    return r
