"""A second import corpus: documents as officials type them that the first corpus did not cover.

Run from the repository root: `.venv/bin/python tests/data/import/make_corpus2.py`. Same pieces as
make_corpus.py (python-docx's blank document plus raw WordprocessingML); the expected reports are written by
hand. Covered here: titles over two or three paragraphs with a 副标题 (——在…上的讲话), a 述职 name line,
称谓 such as 各位领导、同志们：, headings typed in bold body text and 标题 1 with automatic numbering, items as
（一） sub-headings, 一是 run on, 1. 2. 3. (full- and half-width stops), 第一，第二，, ①②③, bold lead sentences
without numbers, 一. and 二． after a Chinese numeral, full-width spaces as indents, empty paragraphs between
everything, soft line breaks, layout tables, two-line signatures, dates as 二〇二六年十一月二十六日 and
2026.11.26, several attachments, WPS-made files (eastAsia fonts only, WPS namespaces), tracked changes,
comments and footnotes. make_binary.sh turns some of them into .doc. All wording is our own.
"""

from __future__ import annotations

import datetime as _dt
import re
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[2]))

from make_corpus import abstract, build, dele, expect, ins, items, lvl, num, p, run, table  # noqa: E402

from models.report import HEADING, NONE, YISHI, Attachment, Item, Report, Section  # noqa: E402

E = ""  # an empty paragraph, as officials press Enter twice
IND = "\u3000\u3000"  # two full-width spaces typed as the first-line indent


def bold(text: str) -> str:
    return run(text, extra="<w:b/>")


def wps_run(text: str, b: bool = False) -> str:
    """A run as WPS 文字 writes it: the East Asian font only, a hint, and its size in half-points."""
    props = '<w:rFonts w:hint="eastAsia" w:eastAsia="仿宋_GB2312"/>' + ("<w:b/>" if b else "")
    return run(text, extra=props + '<w:sz w:val="32"/>')


def br() -> str:
    return "<w:r><w:br/></w:r>"


def blank() -> str:
    return p()


def speech_subtitle() -> None:
    """A 讲话: title over two paragraphs and a 副标题, 同志们：, bold typed headings, 一是 run on, 第一，…,
    bold lead sentences without numbers, 谢谢大家！ and no signature."""
    body = [
        p("坚持稳中求进　狠抓工作落实", jc="center"),
        p("奋力开创全县农业农村工作新局面", jc="center"),
        p("——在全县农村工作会议上的讲话", jc="center"),
        blank(),
        p("同志们："),
        p(IND + "这次会议的主要任务是，总结今年工作，部署明年任务。下面，我讲三点意见。"),
        blank(),
        p(bold(IND + "一、充分肯定今年取得的成绩")),
        p(IND + "今年以来，全县农业农村工作稳中有进。一是粮食生产再获丰收，总产量创历史新高；"
          "二是农民收入稳步增长，增速高于城镇居民；三是农村面貌明显改善，新建改建农村公路一百二十公里。"),
        blank(),
        p(bold(IND + "二、准确把握明年工作要求")),
        p(IND + "第一，要稳住农业基本盘。坚决守住耕地红线。"),
        p(IND + "第二，要守住不发生规模性返贫底线。健全防止返贫监测帮扶机制。"),
        p(IND + "第三，要抓好乡村建设。因地制宜推进村庄规划。"),
        blank(),
        p(bold(IND + "三、切实加强组织领导")),
        p(bold(IND + "压实工作责任。"), run("各乡镇党委书记要当好一线总指挥。")),
        p(bold(IND + "强化要素保障。"), run("财政资金优先保障农业农村投入。")),
        p(bold(IND + "改进工作作风。"), run("多到田间地头，少在会议室里。")),
        blank(),
        p(IND + "谢谢大家！"),
    ]
    build("speech_subtitle", body)
    expect("speech_subtitle", Report(
        title="坚持稳中求进　狠抓工作落实\n奋力开创全县农业农村工作新局面\n——在全县农村工作会议上的讲话",
        recipient="同志们", preamble="这次会议的主要任务是，总结今年工作，部署明年任务。下面，我讲三点意见。",
        sections=[
            Section("充分肯定今年取得的成绩", YISHI, run_on=True, intro="今年以来，全县农业农村工作稳中有进。", items=items(
                ("粮食生产再获丰收，总产量创历史新高；", ""), ("农民收入稳步增长，增速高于城镇居民；", ""),
                ("农村面貌明显改善，新建改建农村公路一百二十公里。", ""))),
            Section("准确把握明年工作要求", NONE, items=items(
                ("第一，要稳住农业基本盘。", "坚决守住耕地红线。"),
                ("第二，要守住不发生规模性返贫底线。", "健全防止返贫监测帮扶机制。"),
                ("第三，要抓好乡村建设。", "因地制宜推进村庄规划。"))),
            Section("切实加强组织领导", NONE, items=items(
                ("压实工作责任。", "各乡镇党委书记要当好一线总指挥。"),
                ("强化要素保障。", "财政资金优先保障农业农村投入。"),
                ("改进工作作风。", "多到田间地头，少在会议室里。"))),
        ],
        closing="谢谢大家！"))


def shuzhi_name() -> None:
    """A 述职述廉报告 with a name line under the title, 各位领导、同志们：, 标题 1 / 标题 2 numbered through their
    styles, 1． 2． items, a two-line signature and a date in Chinese numerals."""
    styles = [
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
        '<w:pPr><w:keepNext/><w:numPr><w:numId w:val="3"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr>'
        '<w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:style>',
        '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>'
        '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr>'
        '</w:style>',
    ]
    levels = (lvl(0, "chineseCounting", "%1、", pstyle="Heading1"),
              lvl(1, "chineseCounting", "（%2）", pstyle="Heading2"))
    body = [
        p("2026年度述职述廉报告", jc="center"),
        p("某某区发展和改革局副局长　李某某", jc="center"),
        blank(),
        p("各位领导、同志们："),
        p(IND + "今年以来，我在局党组的领导下，认真履行分管领域工作职责。现将有关情况报告如下："),
        p("履行职责情况", style="Heading1"),
        p("抓项目谋划", style="Heading2"),
        p(IND + "全年谋划储备重点项目四十个，争取上级资金三亿元。"),
        p("抓营商环境", style="Heading2"),
        p(IND + "牵头梳理涉企事项清单，办理时限平均压缩一半。"),
        p("廉洁自律情况", style="Heading1"),
        p(IND + "严格遵守中央八项规定精神，未发生违规违纪问题。"),
        p("存在问题和努力方向", style="Heading1"),
        p(IND + "1．理论学习不够系统。今后每月安排固定时间自学。"),
        p(IND + "2．调查研究不够深入。今后每季度到基层调研不少于两次。"),
        p(IND + "3．统筹协调能力有待提高。"),
        p(IND + "以上述职，请各位领导和同志们评议。"),
        blank(),
        p("述职人：李某某", jc="right"),
        p("二〇二六年十二月十日", jc="right"),
    ]
    build("shuzhi_name", body, numbering=[abstract(3, *levels), num(3, 3)], styles=styles)
    expect("shuzhi_name", Report(
        kind="shuzhi", title="2026年度述职述廉报告\n某某区发展和改革局副局长　李某某", recipient="各位领导、同志们",
        preamble="今年以来，我在局党组的领导下，认真履行分管领域工作职责。现将有关情况报告如下：",
        sections=[
            Section("履行职责情况", HEADING, items=items(
                ("抓项目谋划", "全年谋划储备重点项目四十个，争取上级资金三亿元。"),
                ("抓营商环境", "牵头梳理涉企事项清单，办理时限平均压缩一半。"))),
            Section("廉洁自律情况", NONE, items=[Item(body="严格遵守中央八项规定精神，未发生违规违纪问题。")]),
            Section("存在问题和努力方向", NONE, items=items(
                ("1．理论学习不够系统。", "今后每月安排固定时间自学。"),
                ("2．调查研究不够深入。", "今后每季度到基层调研不少于两次。"),
                ("3．统筹协调能力有待提高。", ""))),
        ],
        closing="以上述职，请各位领导和同志们评议。", signature="述职人：李某某", date=_dt.date(2026, 12, 10)))


def _wps_package(name: str) -> None:
    """Give a built .docx what WPS 文字 writes: its namespaces on the document root and a custom-data part."""
    path = HERE / f"{name}.docx"
    with zipfile.ZipFile(path) as z:
        entries = [(info.filename, z.read(info.filename)) for info in z.infolist()]
    out = []
    for fname, data in entries:
        if fname == "word/document.xml":
            data = data.replace(b"<w:document ", b'<w:document xmlns:wpsCustomData="http://www.wps.cn/officeDocument/'
                                b'2013/wpsCustomData" ', 1)
            data = data.replace(b'mc:Ignorable="w14 wp14"', b'mc:Ignorable="w14 wp14 wpsCustomData"', 1)
        out.append((fname, data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for fname, data in out:
            z.writestr(zipfile.ZipInfo(fname, date_time=(2026, 11, 20, 0, 0, 0)), data, compress_type=zipfile.ZIP_DEFLATED)


def _add_footnote(name: str, text: str) -> None:
    """Give a built .docx the footnotes part its w:footnoteReference w:id="1" points to (python-docx has none)."""
    path = HERE / f"{name}.docx"
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    notes = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {w}>'
             '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
             '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
             '</w:footnote><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>'
             f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote></w:footnotes>').encode()
    with zipfile.ZipFile(path) as z:
        entries = [(info.filename, z.read(info.filename)) for info in z.infolist()]
    out = []
    for fname, data in entries:
        if fname == "[Content_Types].xml":
            data = data.replace(b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                                b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')
        elif fname == "word/comments.xml":  # python-docx dates a comment now: one fixed date, the same bytes
            data = re.sub(rb'w:date="[^"]*"', b'w:date="2026-11-20T09:00:00Z"', data)
        elif fname == "word/_rels/document.xml.rels":
            data = data.replace(b"</Relationships>", b'<Relationship Id="rIdFn1" Type="http://schemas.openxmlformats'
                                b'.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                                b"</Relationships>")
        out.append((fname, data))
    out.append(("word/footnotes.xml", notes))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for fname, data in out:
            z.writestr(zipfile.ZipInfo(fname, date_time=(2026, 11, 20, 0, 0, 0)), data, compress_type=zipfile.ZIP_DEFLATED)


def wps_plain() -> None:
    """Made in WPS 文字: eastAsia fonts only, full-width indents, empty paragraphs between everything, 一. and
    二． after the numeral, 1、 items with soft line breaks, (1) items in half-width brackets, a date 2026.11.26."""
    w = wps_run
    body = [
        p(w("关于2026年度防汛抗旱工作情况的报告"), jc="center"), blank(),
        p(w("县防汛抗旱指挥部：")), blank(),
        p(w(IND + "按照县防指统一部署，我乡扎实做好今年防汛抗旱各项工作，现将有关情况报告如下。")), blank(),
        p(w(IND + "一.基本情况", b=True)), blank(),
        p(w(IND + "今年汛期我乡累计降雨八百毫米，较常年偏多两成，未发生人员伤亡。")), blank(),
        p(w(IND + "二．主要措施", b=True)), blank(),
        p(w(IND + "1、压实责任。"), br(), w("乡村两级防汛责任人全部落实到位，并在醒目位置公示。")), blank(),
        p(w(IND + "2、排查隐患。"), br(), w("汛前排查山塘水库十二座，整改隐患五处。")), blank(),
        p(w(IND + "3、强化值守。实行二十四小时值班和领导带班制度。")), blank(),
        p(w(IND + "三.存在的困难", b=True)), blank(),
        p(w(IND + "(1)部分山塘年久失修，存在安全隐患。")), blank(),
        p(w(IND + "(2)防汛物资储备不足。")), blank(),
        p(w(IND + "特此报告。")), blank(), blank(),
        p(w("某某乡人民政府"), jc="right"),
        p(w("2026.11.26"), jc="right"),
    ]
    build("wps_plain", body)
    _wps_package("wps_plain")
    expect("wps_plain", Report(
        title="关于2026年度防汛抗旱工作情况的报告", recipient="县防汛抗旱指挥部",
        preamble="按照县防指统一部署，我乡扎实做好今年防汛抗旱各项工作，现将有关情况报告如下。",
        sections=[
            Section("基本情况", NONE, items=[Item(body="今年汛期我乡累计降雨八百毫米，较常年偏多两成，未发生人员伤亡。")]),
            Section("主要措施", NONE, items=items(
                ("1、压实责任。", "乡村两级防汛责任人全部落实到位，并在醒目位置公示。"),
                ("2、排查隐患。", "汛前排查山塘水库十二座，整改隐患五处。"),
                ("3、强化值守。", "实行二十四小时值班和领导带班制度。"))),
            Section("存在的困难", NONE, items=items(
                ("(1)部分山塘年久失修，存在安全隐患。", ""), ("(2)防汛物资储备不足。", ""))),
        ],
        closing="特此报告。", signature="某某乡人民政府", date=_dt.date(2026, 11, 26)))


def mixed_numbering() -> None:
    """Typed 一、 headings; （一） items by automatic numbering restarted in each section (a new w:num with a
    startOverride, as 重新开始编号 writes it), in one section typed by hand; items ①②③; 2026年11月26日."""
    levels = (lvl(0, "chineseCounting", "（%1）"),)
    body = [
        p("某某社区2026年工作总结", jc="center"),
        blank(),
        p("一、工作开展情况"),
        p("今年社区围绕居民所需，重点做了以下工作。"),
        p("服务群众。", run("建成社区食堂一处，日均就餐老人六十余人。"), num=(21, 0)),
        p("化解矛盾。", run("调解邻里纠纷四十二起，调解成功率百分之九十五。"), num=(21, 0)),
        p("二、特色做法"),
        p("推行楼栋长制度。", run("每栋楼选出一名楼栋长，收集居民意见。"), num=(22, 0)),
        p("开设周末课堂。", run("邀请退休教师为辖区孩子辅导功课。"), num=(22, 0)),
        p("三、存在不足"),
        p("（一）活动场地偏小。现有活动室不足一百平方米。"),
        p("（二）志愿者队伍不稳定。"),
        p("四、明年打算"),
        p("①完成老旧小区加装电梯三部；"),
        p("②新建口袋公园一个；"),
        p("③开展邻里节活动。"),
        blank(),
        p("某某街道某某社区居民委员会"),
        p("2026年11月26日"),
    ]
    numbering = [abstract(20, *levels), num(21, 20), num(22, 20, {0: 1})]
    build("mixed_numbering", body, numbering=numbering)
    expect("mixed_numbering", Report(
        title="某某社区2026年工作总结",
        sections=[
            Section("工作开展情况", HEADING, intro="今年社区围绕居民所需，重点做了以下工作。", items=items(
                ("服务群众。", "建成社区食堂一处，日均就餐老人六十余人。"),
                ("化解矛盾。", "调解邻里纠纷四十二起，调解成功率百分之九十五。"))),
            Section("特色做法", HEADING, items=items(
                ("推行楼栋长制度。", "每栋楼选出一名楼栋长，收集居民意见。"),
                ("开设周末课堂。", "邀请退休教师为辖区孩子辅导功课。"))),
            Section("存在不足", HEADING, items=items(
                ("活动场地偏小。", "现有活动室不足一百平方米。"), ("志愿者队伍不稳定。", ""))),
            Section("明年打算", NONE, items=items(
                ("①完成老旧小区加装电梯三部；", ""), ("②新建口袋公园一个；", ""), ("③开展邻里节活动。", ""))),
        ],
        signature="某某街道某某社区居民委员会", date=_dt.date(2026, 11, 26)))


def attachments_many() -> None:
    """Three attachments listed under 附件： with full-width indents, a footnote, a comment, the signature of a
    unit and a person on two lines, 妥否，请批示。, three 附件 pages."""
    page = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
    footnote = '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'
    body = [
        p("关于申请2027年度农村饮水安全工程资金的请示", jc="center"),
        p("县财政局："),
        p(IND + "为巩固农村饮水安全成果", footnote, run("，我局拟实施农村供水保障工程，现将有关事项请示如下。")),
        p("一、项目概况"),
        p(IND + "工程涉及五个乡镇，新建水厂一座，改造管网六十公里，总投资二千四百万元。"),
        p("二、资金需求"),
        p(IND + "一是申请县级配套资金六百万元；二是申请提前下达部分资金二百万元。"),
        p(IND + "妥否，请批示。"),
        blank(),
        p(IND + "附件：1.农村供水保障工程项目清单"),
        p(IND + "\u3000\u3000\u30002.工程投资估算表"),
        p(IND + "\u3000\u3000\u30003.专家论证意见"),
        blank(),
        p("某某县水利局", jc="right"),
        p("2026年11月26日", jc="right"),
        p("（联系人：王某某，电话：1234567）"),
        page,
        p("附件1"),
        p("农村供水保障工程项目清单", jc="center"),
        p("一号水厂新建工程、五个乡镇管网改造工程。"),
        page,
        p("附件2"),
        p("工程投资估算表", jc="center"),
        table([["项目", "投资"], ["水厂", "1400万元"], ["管网", "1000万元"]]),
        page,
        p("附件3"),
        p("专家论证意见", jc="center"),
        p("专家组认为项目必要、方案可行。"),
    ]
    build("attachments_many", body, comment="资金数请再核一遍")
    _add_footnote("attachments_many", "据2025年全县农村饮水安全评估报告。")
    expect("attachments_many", Report(
        title="关于申请2027年度农村饮水安全工程资金的请示", recipient="县财政局",
        preamble="为巩固农村饮水安全成果，我局拟实施农村供水保障工程，现将有关事项请示如下。",
        sections=[
            Section("项目概况", NONE, items=[Item(body="工程涉及五个乡镇，新建水厂一座，改造管网六十公里，总投资二千四百万元。")]),
            Section("资金需求", YISHI, run_on=True, items=items(
                ("申请县级配套资金六百万元；", ""), ("申请提前下达部分资金二百万元。", ""))),
        ],
        closing="妥否，请批示。", signature="某某县水利局", date=_dt.date(2026, 11, 26),
        attachments=[Attachment("农村供水保障工程项目清单", "一号水厂新建工程、五个乡镇管网改造工程。"),
                     Attachment("工程投资估算表", "项目\n投资\n水厂\n1400万元\n管网\n1000万元"),
                     Attachment("专家论证意见", "专家组认为项目必要、方案可行。"),
                     Attachment("", "（联系人：王某某，电话：1234567）")]))


def layout_table() -> None:
    """Title and signature laid out in borderless tables, tracked changes in a heading and an item, a moved
    sentence, 一要 items, a two-line signature (unit and person) in one cell, a date with full-width digits."""
    move_from = ('<w:moveFrom w:id="71" w:author="审核人" w:date="2026-11-20T09:00:00Z">'
                 '<w:r><w:t>落实到人。</w:t></w:r></w:moveFrom>')
    move_to = ('<w:moveTo w:id="72" w:author="审核人" w:date="2026-11-20T09:00:00Z">'
               '<w:r><w:t>落实到人。</w:t></w:r></w:moveTo>')
    sign = [p("某某县市场监督管理局", jc="center"), p("局长：赵某某", jc="center"), p("２０２６年１２月３日", jc="center")]
    body = [
        table([[p("某某县市场监督管理局", jc="center")], [p("2026年度食品安全工作总结", jc="center")]], borders=False),
        blank(),
        p("一、", dele("工作"), ins("主要"), run("成效")),
        p("全年抽检食品二千批次，合格率百分之九十八。", move_from),
        p("二、下步打算"),
        p("一要加强日常监管。监管责任", move_to, run("发现问题及时处置。")),
        p("二要", ins("持续"), run("开展专项整治。重点整治校园周边食品安全。")),
        p("三要推进智慧监管。"),
        table([["", "".join(sign)]], borders=False),
    ]
    build("layout_table", body)
    expect("layout_table", Report(
        title="某某县市场监督管理局\n2026年度食品安全工作总结",
        sections=[
            Section("主要成效", NONE, items=[Item(body="全年抽检食品二千批次，合格率百分之九十八。")]),
            Section("下步打算", NONE, items=items(
                ("一要加强日常监管。", "监管责任落实到人。发现问题及时处置。"), ("二要持续开展专项整治。", "重点整治校园周边食品安全。"),
                ("三要推进智慧监管。", ""))),
        ],
        signature="某某县市场监督管理局\n局长：赵某某", date=_dt.date(2026, 12, 3)))


def closing_forms() -> None:
    """No 主送, a preamble of two paragraphs, headings followed by text on the same line, items 一是 each in
    its own paragraph and one with a soft break, the closing 以上报告如有不妥，请批评指正。 and 此致/敬礼."""
    body = [
        p("关于某某村2026年度集体经济发展情况的汇报", jc="center"),
        p("近年来，我村立足资源禀赋，积极探索集体经济发展新路子。"),
        p("现将有关情况汇报如下。"),
        p("一、发展现状。全村集体经营性收入达到八十万元，较上年增长两成。"),
        p("二、主要做法"),
        p("一是盘活闲置资产。", br(), run("将闲置校舍改造为农产品加工车间，年租金十万元。")),
        p("二是发展特色产业。成立合作社种植高山茶叶五百亩。"),
        p("三是强化服务创收。组建劳务队承接小型工程。"),
        p("三、下步打算"),
        p("继续做大茶叶产业，力争明年集体经营性收入突破百万元。"),
        p("以上汇报如有不妥，请批评指正。"),
        p("中共某某村支部委员会"),
        p("某某村村民委员会"),
        p("2026年12月1日"),
    ]
    build("closing_forms", body)
    expect("closing_forms", Report(
        title="关于某某村2026年度集体经济发展情况的汇报",
        preamble="近年来，我村立足资源禀赋，积极探索集体经济发展新路子。\n现将有关情况汇报如下。",
        sections=[
            Section("发展现状。", NONE, items=[Item(body="全村集体经营性收入达到八十万元，较上年增长两成。")]),
            Section("主要做法", YISHI, items=items(
                ("盘活闲置资产。", "将闲置校舍改造为农产品加工车间，年租金十万元。"),
                ("发展特色产业。", "成立合作社种植高山茶叶五百亩。"),
                ("强化服务创收。", "组建劳务队承接小型工程。"))),
            Section("下步打算", NONE, items=[Item(body="继续做大茶叶产业，力争明年集体经营性收入突破百万元。")]),
        ],
        closing="以上汇报如有不妥，请批评指正。", signature="中共某某村支部委员会\n某某村村民委员会",
        date=_dt.date(2026, 12, 1)))


def auto_arabic_restart() -> None:
    """Typed 一、 headings with 1. 2. 3. items by automatic numbering that restarts after each heading (the
    headings are level 0 of the same list, numbered by hand: the number format of level 0 is empty)."""
    levels = (lvl(0, "none", ""), lvl(1, "decimal", "%2."))
    body = [
        p("某某中学2026年安全工作自查报告", jc="center"),
        p("县教育局："),
        p("根据县教育局通知要求，我校对照清单开展了安全工作自查，现将自查情况报告如下："),
        p("一、自查情况", num=(30, 0)),
        p("安全制度健全，责任落实到岗到人。", num=(30, 1)),
        p("校园监控全覆盖，与公安联网。", num=(30, 1)),
        p("二、发现的问题", num=(30, 0)),
        p("部分消防器材过期。", num=(30, 1)),
        p("个别教师安全培训不到位。", num=(30, 1)),
        p("三、整改措施", num=(30, 0)),
        p("已更换全部过期消防器材。", num=(30, 1)),
        p("特此报告。"),
        p("某某县某某中学"),
        p("二〇二六年十一月二十六日"),
    ]
    build("auto_arabic_restart", body, numbering=[abstract(30, *levels), num(30, 30)])
    expect("auto_arabic_restart", Report(
        title="某某中学2026年安全工作自查报告", recipient="县教育局",
        preamble="根据县教育局通知要求，我校对照清单开展了安全工作自查，现将自查情况报告如下：",
        sections=[
            Section("自查情况", NONE, items=items(("1.安全制度健全，责任落实到岗到人。", ""),
                                              ("2.校园监控全覆盖，与公安联网。", ""))),
            Section("发现的问题", NONE, items=items(("1.部分消防器材过期。", ""), ("2.个别教师安全培训不到位。", ""))),
            Section("整改措施", NONE, items=items(("1.已更换全部过期消防器材。", ""))),
        ],
        closing="特此报告。", signature="某某县某某中学", date=_dt.date(2026, 11, 26)))


def fields_and_rare() -> None:
    """尊敬的… 称谓, a title broken by a soft line break, automatic numbers followed by Word's default tab,
    items （１）（２） in full-width digits, ①② by automatic numbering, the date as a DATE field inside a content
    control, a name in a rare character (CJK extension), 请领导审阅。 and 附件1： with a colon."""
    tab_levels = ('<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
                  '<w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>',
                  '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/>'
                  '<w:lvlText w:val="%2"/><w:lvlJc w:val="left"/></w:lvl>')
    date_field = ('<w:sdt><w:sdtPr><w:alias w:val="成文日期"/><w:date w:fullDate="2026-11-26T00:00:00Z">'
                  '<w:dateFormat w:val="yyyy年M月d日"/></w:date></w:sdtPr><w:sdtContent>'
                  '<w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                  '<w:r><w:instrText xml:space="preserve"> DATE \\@ "yyyy年M月d日" </w:instrText></w:r>'
                  '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2026年11月26日</w:t></w:r>'
                  '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:sdtContent></w:sdt>')
    page = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
    body = [
        p(run("关于某某村饮用水源地保护工作"), br(), run("情况的报告"), jc="center"),
        p("尊敬的各位领导："),
        p("受镇党委委托，现将我村饮用水源地保护工作情况报告如下。"),
        p("基本情况", num=(50, 0)),
        p("水源地位于村东山谷，供全村一千二百人饮水。"),
        p("主要做法", num=(50, 0)),
        p("划定保护范围，设立界桩十二个；", num=(50, 1)),
        p("清理保护区内养殖场两处；", num=(50, 1)),
        p("聘请护水员两名，每日巡查。", num=(50, 1)),
        p("下步打算", num=(50, 0)),
        p("（１）争取资金建设隔离网。"),
        p("（２）开展水质季度检测。"),
        p("请领导审阅。"),
        p("附件：某某村水源地保护范围示意图"),
        p("某某村党支部书记　陈𬀩", jc="right"),
        date_field,
        page,
        p("附件1："),
        p("某某村水源地保护范围示意图", jc="center"),
        p("（示意图略）"),
    ]
    build("fields_and_rare", body, numbering=[abstract(50, *tab_levels), num(50, 50)])
    expect("fields_and_rare", Report(
        title="关于某某村饮用水源地保护工作\n情况的报告", recipient="尊敬的各位领导",
        preamble="受镇党委委托，现将我村饮用水源地保护工作情况报告如下。",
        sections=[
            Section("基本情况", NONE, items=[Item(body="水源地位于村东山谷，供全村一千二百人饮水。")]),
            Section("主要做法", NONE, items=items(("①划定保护范围，设立界桩十二个；", ""), ("②清理保护区内养殖场两处；", ""),
                                              ("③聘请护水员两名，每日巡查。", ""))),
            Section("下步打算", NONE, items=items(("（１）争取资金建设隔离网。", ""), ("（２）开展水质季度检测。", ""))),
        ],
        closing="请领导审阅。", signature="某某村党支部书记　陈𬀩", date=_dt.date(2026, 11, 26),
        attachments=[Attachment("某某村水源地保护范围示意图", "（示意图略）")]))


def speech_dated() -> None:
    """A speech whose title block holds the speaker and the date in brackets, 谢谢！ as its end, items 1. 2.
    typed with a full-width space after the stop, and headings 一、 whose text runs on after a full stop."""
    body = [
        p("在全市教育工作会议上的讲话", jc="center"),
        p("某某市副市长　王某某", jc="center"),
        p("（2026年11月26日）", jc="center"),
        blank(),
        p("同志们："),
        p("今天召开全市教育工作会议，主要任务是总结成绩、分析形势、部署工作。"),
        p("一、今年教育工作成效明显。一年来，全市教育系统攻坚克难，办学条件持续改善。"),
        p("1.\u3000学前教育普惠发展。新增公办幼儿园学位三千个。"),
        p("2.\u3000义务教育优质均衡。新建改扩建中小学八所。"),
        p("二、明年重点抓好三项工作"),
        p("一是抓好教师队伍建设；二是抓好校园安全；三是抓好课后服务。"),
        p("谢谢！"),
    ]
    build("speech_dated", body)
    expect("speech_dated", Report(
        title="在全市教育工作会议上的讲话\n某某市副市长　王某某\n（2026年11月26日）", recipient="同志们",
        preamble="今天召开全市教育工作会议，主要任务是总结成绩、分析形势、部署工作。",
        sections=[
            Section("今年教育工作成效明显。", NONE, intro="一年来，全市教育系统攻坚克难，办学条件持续改善。", items=items(
                ("1.\u3000学前教育普惠发展。", "新增公办幼儿园学位三千个。"),
                ("2.\u3000义务教育优质均衡。", "新建改扩建中小学八所。"))),
            Section("明年重点抓好三项工作", YISHI, run_on=True, items=items(
                ("抓好教师队伍建设；", ""), ("抓好校园安全；", ""), ("抓好课后服务。", ""))),
        ],
        closing="谢谢！"))


def plain_text_gbk() -> None:
    """A .txt saved by Notepad in GBK: full-width indents, 一、 headings, （一） items over two paragraphs, a
    closing and the date in Chinese numerals on the signature's line."""
    text = "\r\n".join([
        "关于2026年度网格化服务管理工作的总结",
        "",
        "　　今年以来，我街道深化网格化服务管理，基层治理效能不断提升。",
        "　　一、主要成效",
        "　　（一）网格队伍更加健全",
        "　　全街道划分网格八十个，配齐专职网格员。",
        "　　（二）服务事项更加丰富",
        "　　网格员代办事项由十项增加到二十六项。",
        "　　二、下步打算",
        "　　一要优化网格设置。二要加强网格员培训。",
        "　　特此报告。",
        "",
        "　　　　　　　　　　　　某某街道办事处　　二〇二六年十二月一日",
        "",
    ])
    (HERE / "plain_text_gbk.txt").write_bytes(text.encode("gbk"))
    expect("plain_text_gbk", Report(
        title="关于2026年度网格化服务管理工作的总结",
        preamble="今年以来，我街道深化网格化服务管理，基层治理效能不断提升。",
        sections=[
            Section("主要成效", HEADING, items=items(("网格队伍更加健全", "全街道划分网格八十个，配齐专职网格员。"),
                                                 ("服务事项更加丰富", "网格员代办事项由十项增加到二十六项。"))),
            Section("下步打算", NONE, run_on=True, items=items(("一要优化网格设置。", ""), ("二要加强网格员培训。", ""))),
        ],
        closing="特此报告。", signature="某某街道办事处", date=_dt.date(2026, 12, 1)))


def continued_list() -> None:
    """（征求意见稿） under the title, no 主送; typed 一、 headings and 1. 2. items from one automatic list that the
    author never restarted, so Word prints 3. 4. in the second section; a 一、 heading ending in 。."""
    levels = (lvl(0, "decimal", "%1."),)
    body = [
        p("某某县2027年度优化营商环境工作要点"),
        p("（征求意见稿）"),
        p("为持续优化营商环境，激发市场主体活力，制定本要点。"),
        p("一、提升政务服务效能。"),
        p("推行“一件事一次办”，年内实现高频事项全覆盖。", num=(60, 0)),
        p("压缩工程建设项目审批时间，全流程不超过八十个工作日。", num=(60, 0)),
        p("二、强化要素保障。"),
        p("保障重点项目用地需求。", num=(60, 0)),
        p("拓宽企业融资渠道，组织银企对接活动四场以上。", num=(60, 0)),
        p("三、营造公平竞争环境。"),
        p("全面落实公平竞争审查制度，清理妨碍统一市场的政策措施。"),
        p("某某县优化营商环境工作领导小组办公室"),
        p("2026年12月15日"),
    ]
    build("continued_list", body, numbering=[abstract(60, *levels), num(60, 60)])
    expect("continued_list", Report(
        title="某某县2027年度优化营商环境工作要点\n（征求意见稿）",
        preamble="为持续优化营商环境，激发市场主体活力，制定本要点。",
        sections=[
            Section("提升政务服务效能。", NONE, items=items(
                ("1.推行“一件事一次办”，年内实现高频事项全覆盖。", ""),
                ("2.压缩工程建设项目审批时间，全流程不超过八十个工作日。", ""))),
            Section("强化要素保障。", NONE, items=items(
                ("3.保障重点项目用地需求。", ""), ("4.拓宽企业融资渠道，组织银企对接活动四场以上。", ""))),
            Section("营造公平竞争环境。", NONE, items=[Item(body="全面落实公平竞争审查制度，清理妨碍统一市场的政策措施。")]),
        ],
        signature="某某县优化营商环境工作领导小组办公室", date=_dt.date(2026, 12, 15)))


def shuzhi_text() -> None:
    """A 述职 pasted into Notepad (UTF-8 with BOM): the post and name under the title, no 称谓, 一是 in separate
    paragraphs, 以上述职，请予评议。, the name and the date in 2026-12-05 form."""
    text = "\n".join([
        "2026年度个人述职报告",
        "某某县财政局副局长　刘某某",
        "一年来，在局党组的正确领导下，我紧紧围绕全局中心工作，认真履职尽责。",
        "一、履职情况",
        "一是抓好预算管理。全面推行零基预算改革。",
        "二是抓好债务管控。全年化解存量债务二亿元。",
        "二、廉洁自律情况",
        "严格落实廉洁从政各项规定，不搞特殊化。",
        "三、努力方向",
        "（一）加强学习",
        "系统学习财政业务知识，提升专业能力。",
        "（二）改进作风",
        "经常深入基层，解决实际问题。",
        "以上述职，请予评议。",
        "刘某某",
        "2026-12-05",
    ])
    (HERE / "shuzhi_text.txt").write_bytes(b"\xef\xbb\xbf" + text.encode())
    expect("shuzhi_text", Report(
        kind="shuzhi", title="2026年度个人述职报告\n某某县财政局副局长　刘某某",
        preamble="一年来，在局党组的正确领导下，我紧紧围绕全局中心工作，认真履职尽责。",
        sections=[
            Section("履职情况", YISHI, items=items(("抓好预算管理。", "全面推行零基预算改革。"),
                                                ("抓好债务管控。", "全年化解存量债务二亿元。"))),
            Section("廉洁自律情况", NONE, items=[Item(body="严格落实廉洁从政各项规定，不搞特殊化。")]),
            Section("努力方向", HEADING, items=items(("加强学习", "系统学习财政业务知识，提升专业能力。"),
                                                 ("改进作风", "经常深入基层，解决实际问题。"))),
        ],
        closing="以上述职，请予评议。", signature="刘某某", date=_dt.date(2026, 12, 5)))


def work_report_speech() -> None:
    """A 政府工作报告 style speech: 各位代表： with no title, sections with an intro line before （一） items, and
    the end calling the audience again (各位代表，让我们……！)."""
    body = [
        p("各位代表："),
        p(IND + "现在，我代表镇人民政府向大会报告工作，请予审议。"),
        p(bold("一、2026年工作回顾")),
        p(IND + "一年来，我们主要做了以下工作："),
        p(bold("（一）经济运行稳中向好。"), run("全镇地区生产总值增长百分之六。")),
        p(bold("（二）民生保障更加有力。"), run("新增城镇就业四百人。")),
        p(bold("二、2027年工作安排")),
        p(IND + "做好明年工作，重点抓好以下几个方面："),
        p(bold("（一）全力扩大有效投资。"), run("确保完成固定资产投资五亿元。")),
        p(bold("（二）持续改善民生。"), run("办好十件民生实事。")),
        p(IND + "各位代表，新的一年，让我们团结一心、真抓实干，奋力谱写全镇高质量发展新篇章！"),
    ]
    build("work_report_speech", body)
    expect("work_report_speech", Report(
        recipient="各位代表", preamble="现在，我代表镇人民政府向大会报告工作，请予审议。",
        sections=[
            Section("2026年工作回顾", HEADING, intro="一年来，我们主要做了以下工作：", items=items(
                ("经济运行稳中向好。", "全镇地区生产总值增长百分之六。"), ("民生保障更加有力。", "新增城镇就业四百人。"))),
            Section("2027年工作安排", HEADING, intro="做好明年工作，重点抓好以下几个方面：", items=items(
                ("全力扩大有效投资。", "确保完成固定资产投资五亿元。"), ("持续改善民生。", "办好十件民生实事。"))),
        ],
        closing="各位代表，新的一年，让我们团结一心、真抓实干，奋力谱写全镇高质量发展新篇章！"))


def run_on_lists() -> None:
    """Items typed on in one paragraph: （一）…。（二）…, 1、…；2、…；3、…, and 一是…，二是…，三是… after commas;
    专此报告，请审阅。; the 附件 list under a bare 附件： line."""
    body = [
        p("关于2026年度某某乡农村人居环境整治情况的报告", jc="center"),
        p("县农业农村局："),
        p("一、工作开展情况"),
        p("（一）垃圾治理。全乡配备保洁员六十名。（二）污水治理。建成污水处理站三座。"),
        p("二、存在的主要问题"),
        p("主要有：1、资金投入不足；2、群众参与不够；3、长效机制不健全。"),
        p("三、下步工作打算"),
        p("一是要加强组织领导，二是要完善考核机制，三是要强化宣传引导。"),
        p("专此报告，请审阅。"),
        p("附件："),
        p("1.某某乡农村人居环境整治台账"),
        p("2.某某乡保洁员名册"),
        p("某某乡人民政府", jc="right"),
        p("2026年12月8日", jc="right"),
    ]
    build("run_on_lists", body)
    expect("run_on_lists", Report(
        title="关于2026年度某某乡农村人居环境整治情况的报告", recipient="县农业农村局",
        sections=[
            Section("工作开展情况", HEADING, items=items(("垃圾治理。", "全乡配备保洁员六十名。"),
                                                   ("污水治理。", "建成污水处理站三座。"))),
            Section("存在的主要问题", NONE, intro="主要有：", items=items(
                ("1、资金投入不足；", ""), ("2、群众参与不够；", ""), ("3、长效机制不健全。", ""))),
            Section("下步工作打算", YISHI, run_on=True, items=items(
                ("要加强组织领导，", ""), ("要完善考核机制，", ""), ("要强化宣传引导。", ""))),
        ],
        closing="专此报告，请审阅。", signature="某某乡人民政府", date=_dt.date(2026, 12, 8),
        attachments=[Attachment("某某乡农村人居环境整治台账"), Attachment("某某乡保洁员名册")]))


def attachment_lines_text() -> None:
    """A .txt saved as Notepad's 'Unicode' (UTF-16 with BOM): 附件1：名称 / 附件2：名称 one per line above the
    signature, 妥否，请批示。, a unit and a person signing on two lines, the date 2026年12月9日."""
    text = "\r\n".join([
        "关于调整2027年度部门预算的请示",
        "县财政局：",
        "因机构改革职能调整，我局2027年度部门预算需作相应调整，现请示如下。",
        "一、调整原因",
        "新增职能两项，相应增加工作经费。",
        "二、调整事项",
        "（一）增加业务经费三十万元。",
        "（二）减少会议费五万元。",
        "妥否，请批示。",
        "附件1：预算调整明细表",
        "附件2：新增职能说明",
        "某某县某某局",
        "局长：周某某",
        "2026年12月9日",
    ])
    (HERE / "attachment_lines_text.txt").write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    expect("attachment_lines_text", Report(
        title="关于调整2027年度部门预算的请示", recipient="县财政局",
        preamble="因机构改革职能调整，我局2027年度部门预算需作相应调整，现请示如下。",
        sections=[
            Section("调整原因", NONE, items=[Item(body="新增职能两项，相应增加工作经费。")]),
            Section("调整事项", HEADING, items=items(("增加业务经费三十万元。", ""), ("减少会议费五万元。", ""))),
        ],
        closing="妥否，请批示。", signature="某某县某某局\n局长：周某某", date=_dt.date(2026, 12, 9),
        attachments=[Attachment("预算调整明细表"), Attachment("新增职能说明")]))


def bold_colon_leads() -> None:
    """A 对照检查材料 made in WPS: typed bold headings, paragraphs opening with a bold phrase ending in ：
    (在政治建设方面：…), one opening with a bold sentence, the closing asking for criticism, a name and a date."""
    w = wps_run
    body = [
        p(w("2026年度民主生活会个人对照检查材料"), jc="center"),
        p(w("某某局党组成员　孙某某"), jc="center"),
        p(w(IND + "按照民主生活会的通知要求，我认真查摆问题、剖析根源，现对照检查如下。")),
        p(w(IND + "一、存在的问题", b=True)),
        p(w(IND + "在政治建设方面：", b=True), w("对党的创新理论学得不够深，有时满足于读原文、记笔记。")),
        p(w(IND + "在担当作为方面：", b=True), w("面对复杂矛盾，有时存在畏难情绪。")),
        p(w(IND + "在作风建设方面。", b=True), w("深入基层调研不够，听取群众意见不够经常。")),
        p(w(IND + "二、整改措施", b=True)),
        p(w(IND + "一是加强理论学习。每月至少精读一本理论著作。二是主动担当作为。带头领办难事。")),
        p(w(IND + "以上对照检查，请各位同志批评指正。")),
        p(w("孙某某"), jc="right"),
        p(w("2026年12月18日"), jc="right"),
    ]
    build("bold_colon_leads", body)
    _wps_package("bold_colon_leads")
    expect("bold_colon_leads", Report(
        kind="shenghuohui", title="2026年度民主生活会个人对照检查材料\n某某局党组成员　孙某某",
        preamble="按照民主生活会的通知要求，我认真查摆问题、剖析根源，现对照检查如下。",
        sections=[
            Section("存在的问题", NONE, items=items(
                ("在政治建设方面：", "对党的创新理论学得不够深，有时满足于读原文、记笔记。"),
                ("在担当作为方面：", "面对复杂矛盾，有时存在畏难情绪。"),
                ("在作风建设方面。", "深入基层调研不够，听取群众意见不够经常。"))),
            Section("整改措施", YISHI, run_on=True, items=items(
                ("加强理论学习。", "每月至少精读一本理论著作。"), ("主动担当作为。", "带头领办难事。"))),
        ],
        closing="以上对照检查，请各位同志批评指正。", signature="孙某某", date=_dt.date(2026, 12, 18)))


def speech_comma_title() -> None:
    """A speech as plain text (UTF-8, no BOM): a main title holding commas above its —— 副标题, 同志们，朋友们：,
    items 第一，第二，; and a second plain-text report whose one-line title is 58 characters long."""
    text = "\n".join([
        "坚定信心，真抓实干，奋力推动全区文化旅游高质量发展",
        "——在全区文化旅游发展大会上的讲话",
        "同志们，朋友们：",
        "今天，我们召开全区文化旅游发展大会，主要任务是动员全区上下加快建设文化旅游强区。",
        "一、认清形势，坚定发展信心",
        "第一，资源禀赋独特。全区拥有国家级文物保护单位五处。",
        "第二，市场需求旺盛。全年接待游客一千二百万人次。",
        "二、突出重点，狠抓工作落实",
        "要抓项目、抓品牌、抓服务，推动文旅产业提质增效。",
        "同志们，朋友们，让我们携起手来，共同开创全区文化旅游发展新局面！",
    ])
    (HERE / "speech_comma_title.txt").write_text(text + "\n", encoding="utf-8")
    expect("speech_comma_title", Report(
        title="坚定信心，真抓实干，奋力推动全区文化旅游高质量发展\n——在全区文化旅游发展大会上的讲话",
        recipient="同志们，朋友们", preamble="今天，我们召开全区文化旅游发展大会，主要任务是动员全区上下加快建设文化旅游强区。",
        sections=[
            Section("认清形势，坚定发展信心", NONE, items=items(
                ("第一，资源禀赋独特。", "全区拥有国家级文物保护单位五处。"),
                ("第二，市场需求旺盛。", "全年接待游客一千二百万人次。"))),
            Section("突出重点，狠抓工作落实", NONE, items=[Item(body="要抓项目、抓品牌、抓服务，推动文旅产业提质增效。")]),
        ],
        closing="同志们，朋友们，让我们携起手来，共同开创全区文化旅游发展新局面！"))
    text = "\n".join([
        "中共某某市某某区发展和改革局党组关于2026年度落实全面从严治党主体责任和党风廉政建设情况的报告",
        "区委：",
        "一、主要工作",
        "一是压实责任。二是强化监督。",
        "特此报告。",
        "中共某某市某某区发展和改革局党组",
        "2026年12月12日",
    ])
    (HERE / "long_title.txt").write_text(text + "\n", encoding="utf-8")
    expect("long_title", Report(
        title="中共某某市某某区发展和改革局党组关于2026年度落实全面从严治党主体责任和党风廉政建设情况的报告",
        recipient="区委",
        sections=[Section("主要工作", YISHI, run_on=True, items=items(("压实责任。", ""), ("强化监督。", "")))],
        closing="特此报告。", signature="中共某某市某某区发展和改革局党组", date=_dt.date(2026, 12, 12)))


def centred_title() -> None:
    """A 经验材料 whose title is two centred lines (the second no 报告/总结 ending), no 主送, （一） items with
    their text on the next paragraph, a closing-less end and the unit with the date on one line."""
    body = [
        p("党建引领聚合力", jc="center"),
        p("基层治理显实效", jc="center"),
        p("近年来，某某社区坚持以党建引领基层治理，探索形成了“一核多元”治理模式。"),
        p("一、主要做法"),
        p("（一）建强组织体系"),
        p("把党支部建在小区上，把党小组建在楼栋里。"),
        p("（二）整合多方力量"),
        p("组建由物业、业委会、志愿者参与的议事平台。"),
        p("二、取得成效"),
        p("居民满意度由百分之八十提高到百分之九十五。"),
        p("中共某某社区委员会　　2026年12月16日", jc="right"),
    ]
    build("centred_title", body)
    expect("centred_title", Report(
        title="党建引领聚合力\n基层治理显实效",
        preamble="近年来，某某社区坚持以党建引领基层治理，探索形成了“一核多元”治理模式。",
        sections=[
            Section("主要做法", HEADING, items=items(("建强组织体系", "把党支部建在小区上，把党小组建在楼栋里。"),
                                                 ("整合多方力量", "组建由物业、业委会、志愿者参与的议事平台。"))),
            Section("取得成效", NONE, items=[Item(body="居民满意度由百分之八十提高到百分之九十五。")]),
        ],
        signature="中共某某社区委员会", date=_dt.date(2026, 12, 16)))


CASES = [speech_subtitle, shuzhi_name, wps_plain, mixed_numbering, attachments_many, layout_table, closing_forms,
         auto_arabic_restart, fields_and_rare, speech_dated, plain_text_gbk,
         continued_list, shuzhi_text, work_report_speech, run_on_lists,
         attachment_lines_text, bold_colon_leads, speech_comma_title,
         centred_title]

if __name__ == "__main__":
    for case in CASES:
        case()
        print(case.__name__)
