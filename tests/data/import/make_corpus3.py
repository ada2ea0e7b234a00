"""A third import corpus, written blind to the importer: kinds of files the first two corpora did not hold.

Run from the repository root: `.venv/bin/python tests/data/import/make_corpus3.py`. Same pieces as
make_corpus.py and make_corpus2.py; the expected reports are written by hand, as a careful reader takes the
document. Covered here: 第一部分/第二部分 headings, headings as bold paragraphs without numbers and in 标题 1
without numbers, Word's automatic numbering as 一. and 1. (a tab after the number), items whose bold lead
ends with ：, page numbers typed as text (- 1 -, 第3页 共3页) in plain text copied out of a printed file, a
.txt in GB18030 with a character outside GBK, a .txt in UTF-8 with a BOM and CRLF line ends and tabs as
indents, page breaks, a PAGE field in the footer, tracked changes and comments in a 发言提纲, a title in a text
box, the unit and date in a text box, a table just above the signature, a bold table header row, a line
break inside the title and after a heading, full-width spaces before a date, 2026 年 1 月 5 日 and 2026.1.5,
an 附件 line above a signature sharing the date's line. The last three cases were written after the fixes
the others led to, as a held-out check. make_binary3.sh turns many of them into .doc and one into .wps.
All wording is our own.
"""

from __future__ import annotations

import datetime as _dt
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[2]))

from make_corpus import CN_LEVELS, abstract, build, dele, expect, ins, items, lvl, num, p, run, table, textbox  # noqa: E402
from make_corpus2 import IND, _wps_package, blank, bold, br, wps_run  # noqa: E402

from models.report import HEADING, NONE, YISHI, Attachment, Item, Report, Section  # noqa: E402

PAGE_BREAK = '<w:r><w:br w:type="page"/></w:r>'
PAGE_FOOTER = ('<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">— </w:t></w:r>'
               '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText>'
               '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
               '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p>')


def _footer_page_field(name: str) -> None:
    """Replace the plain footer text python-docx wrote with a PAGE field, as Word's 页码 button does."""
    import re
    import zipfile

    path = HERE / f"{name}.docx"
    with zipfile.ZipFile(path) as z:
        entries = [(info.filename, z.read(info.filename)) for info in z.infolist()]
    out = []
    for fname, data in entries:
        if fname.startswith("word/footer"):
            data = re.sub(rb"<w:p>.*</w:p>|<w:p [^>]*>.*</w:p>", PAGE_FOOTER.encode(), data, count=1, flags=re.S)
        out.append((fname, data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for fname, data in out:
            z.writestr(zipfile.ZipInfo(fname, date_time=(2026, 11, 20, 0, 0, 0)), data, compress_type=zipfile.ZIP_DEFLATED)


def _fix_comment_date(name: str) -> None:
    """python-docx dates a comment now: one fixed date, the same bytes on every run."""
    import re
    import zipfile

    path = HERE / f"{name}.docx"
    with zipfile.ZipFile(path) as z:
        entries = [(info.filename, z.read(info.filename)) for info in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for fname, data in entries:
            if fname == "word/comments.xml":
                data = re.sub(rb'w:date="[^"]*"', b'w:date="2026-11-20T09:00:00Z"', data)
            z.writestr(zipfile.ZipInfo(fname, date_time=(2026, 11, 20, 0, 0, 0)), data, compress_type=zipfile.ZIP_DEFLATED)


def shuzhi_bold_yishi() -> None:
    """A 述职述廉报告: name line under the title, 称谓, bold typed headings, 一是 items run on in one paragraph
    with their lead phrases bold, then 一是 items one a paragraph, 述职人 and 2026年1月5日 right-aligned."""
    body = [
        p("2025年度述职述廉报告", jc="center"),
        p("某某镇党委副书记　王某某", jc="center"),
        blank(),
        p("各位领导、同志们："),
        p(IND + "2025年，我在镇党委的坚强领导下，认真履行岗位职责，现将有关情况报告如下。"),
        p(bold(IND + "一、履职尽责情况")),
        p(run(IND), bold("一是强化政治引领。"), run("坚持把学习贯彻党的创新理论作为首要任务，全年领学十二次。"),
          bold("二是抓实乡村振兴。"), run("牵头实施产业项目五个，带动农户增收。")),
        p(bold(IND + "二、廉洁自律情况")),
        p(IND + "严格遵守廉洁自律各项规定，管好身边工作人员，从未利用职务之便谋取私利。"),
        p(bold(IND + "三、存在的不足")),
        p(run(IND), bold("一是理论学习不够系统。"), run("满足于完成规定动作。")),
        p(run(IND), bold("二是调查研究不够深入。"), run("有时存在蜻蜓点水现象。")),
        p(IND + "以上报告，请各位领导和同志们评议。"),
        blank(),
        p("述职人：王某某", jc="right"),
        p("2026年1月5日", jc="right"),
    ]
    build("shuzhi_bold_yishi", body, footer="1")
    _footer_page_field("shuzhi_bold_yishi")
    expect("shuzhi_bold_yishi", Report(
        kind="shuzhi", title="2025年度述职述廉报告\n某某镇党委副书记　王某某", recipient="各位领导、同志们",
        preamble="2025年，我在镇党委的坚强领导下，认真履行岗位职责，现将有关情况报告如下。",
        sections=[
            Section("履职尽责情况", YISHI, run_on=True, items=items(
                ("强化政治引领。", "坚持把学习贯彻党的创新理论作为首要任务，全年领学十二次。"),
                ("抓实乡村振兴。", "牵头实施产业项目五个，带动农户增收。"))),
            Section("廉洁自律情况", NONE, items=[Item(body="严格遵守廉洁自律各项规定，管好身边工作人员，从未利用职务之便谋取私利。")]),
            Section("存在的不足", YISHI, items=items(("理论学习不够系统。", "满足于完成规定动作。"),
                                                ("调查研究不够深入。", "有时存在蜻蜓点水现象。"))),
        ],
        closing="以上报告，请各位领导和同志们评议。", signature="述职人：王某某", date=_dt.date(2026, 1, 5)))


def zeren_autonum_dot() -> None:
    """A 履行全面从严治党主体责任情况报告: the unit on its own line above a 关于 title, 主送, headings by Word's
    automatic numbering written 一. (lvlText %1.), （一） sub-headings numbered too, an 附件说明 in full-width
    1．, the unit and 二〇二六年一月五日, a header line and a PAGE field in the footer."""
    levels = (lvl(0, "chineseCounting", "%1."), lvl(1, "chineseCounting", "（%2）"))
    h, i = (7, 0), (7, 1)
    body = [
        p("中共某某县某某局党组", jc="center"),
        p("关于2025年度履行全面从严治党主体责任情况的报告", jc="center"),
        blank(),
        p("中共某某县委："),
        p(IND + "2025年，局党组坚决扛起全面从严治党主体责任，推动管党治党不断向纵深发展。现将有关情况报告如下。"),
        p("主要工作及成效", num=h),
        p("压紧压实责任链条", num=i),
        p(IND + "制定主体责任清单，党组书记带头履行第一责任人职责。"),
        p(IND + "班子成员落实“一岗双责”，全年听取分管科室汇报二十四次。"),
        p("强化日常监督管理", num=i),
        p(IND + "开展谈心谈话一百二十人次，及时提醒苗头性问题。"),
        p("存在的问题", num=h),
        p(IND + "对下属单位的监督还有薄弱环节，个别干部纪律意识不强。"),
        p("下一步工作打算", num=h),
        p(IND + "坚持严的基调不动摇，持续深化作风建设。"),
        blank(),
        p(IND + "附件：1．2025年度主体责任清单落实情况"),
        p(IND + "　　　2．2026年度党风廉政建设工作要点"),
        blank(),
        p("中共某某县某某局党组", jc="right"),
        p("二〇二六年一月五日", jc="right"),
    ]
    build("zeren_autonum_dot", body, numbering=[abstract(7, *levels), num(7, 7)], header="某某局党组",
          footer="1")
    _footer_page_field("zeren_autonum_dot")
    expect("zeren_autonum_dot", Report(
        title="中共某某县某某局党组\n关于2025年度履行全面从严治党主体责任情况的报告", recipient="中共某某县委",
        preamble="2025年，局党组坚决扛起全面从严治党主体责任，推动管党治党不断向纵深发展。现将有关情况报告如下。",
        sections=[
            Section("主要工作及成效", HEADING, items=items(
                ("压紧压实责任链条", "制定主体责任清单，党组书记带头履行第一责任人职责。\n"
                                  "班子成员落实“一岗双责”，全年听取分管科室汇报二十四次。"),
                ("强化日常监督管理", "开展谈心谈话一百二十人次，及时提醒苗头性问题。"))),
            Section("存在的问题", NONE, items=[Item(body="对下属单位的监督还有薄弱环节，个别干部纪律意识不强。")]),
            Section("下一步工作打算", NONE, items=[Item(body="坚持严的基调不动摇，持续深化作风建设。")]),
        ],
        signature="中共某某县某某局党组", date=_dt.date(2026, 1, 5),
        attachments=[Attachment("2025年度主体责任清单落实情况"), Attachment("2026年度党风廉政建设工作要点")]))


def duizhao_bold_headings() -> None:
    """A 对照检查材料 whose headings are bold paragraphs without numbers, a title over two lines, 1． items
    one a paragraph, plain paragraphs, （1） items, and the author's name and date at the end."""
    body = [
        p(bold("2025年度民主生活会"), jc="center"),
        p(bold("个人对照检查材料"), jc="center"),
        blank(),
        p(IND + "按照县委关于召开2025年度民主生活会的通知要求，我认真学习规定篇目，广泛征求意见，现将个人对照检查情况报告如下。"),
        p(bold(IND + "存在的主要问题")),
        p(IND + "1．政治理论学习有差距。对党的创新理论学得不够系统，用理论指导实践不够。"),
        p(IND + "2．担当作为有差距。面对信访积案等难题，有时等待观望。"),
        p(IND + "3．作风建设有差距。深入基层调研次数不够，听取群众意见不够经常。"),
        p(bold(IND + "问题产生的原因")),
        p(IND + "一方面，理想信念有所松懈，自我要求有所降低。"),
        p(IND + "另一方面，宗旨意识有所淡化，对群众的感情不够深。"),
        p(bold(IND + "下一步整改措施")),
        p(IND + "（1）坚持不懈加强理论武装。每周安排半天集中自学。"),
        p(IND + "（2）敢于担当破解难题。对信访积案实行领导包案。"),
        p(IND + "（3）持续改进工作作风。每月到联系村走访不少于两次。"),
        p(IND + "以上对照检查，请同志们批评帮助。"),
        blank(),
        p("张某某", jc="right"),
        p("2026年1月5日", jc="right"),
    ]
    build("duizhao_bold_headings", body)
    expect("duizhao_bold_headings", Report(
        kind="shenghuohui", title="2025年度民主生活会\n个人对照检查材料",
        preamble="按照县委关于召开2025年度民主生活会的通知要求，我认真学习规定篇目，广泛征求意见，现将个人对照检查情况报告如下。",
        sections=[
            Section("存在的主要问题", NONE, items=items(
                ("1．政治理论学习有差距。", "对党的创新理论学得不够系统，用理论指导实践不够。"),
                ("2．担当作为有差距。", "面对信访积案等难题，有时等待观望。"),
                ("3．作风建设有差距。", "深入基层调研次数不够，听取群众意见不够经常。"))),
            Section("问题产生的原因", NONE, items=[Item(body="一方面，理想信念有所松懈，自我要求有所降低。"),
                                              Item(body="另一方面，宗旨意识有所淡化，对群众的感情不够深。")]),
            Section("下一步整改措施", NONE, items=items(
                ("（1）坚持不懈加强理论武装。", "每周安排半天集中自学。"),
                ("（2）敢于担当破解难题。", "对信访积案实行领导包案。"),
                ("（3）持续改进工作作风。", "每月到联系村走访不少于两次。"))),
        ],
        closing="以上对照检查，请同志们批评帮助。", signature="张某某", date=_dt.date(2026, 1, 5)))


def tigang_colon_leads_wps() -> None:
    """A 民主生活会发言提纲 made in WPS: headings 一、 typed in bold, （1） items whose bold lead ends with ：,
    1. items whose bold lead ends with 。, a table of 整改 tasks, 发言人 and the date."""
    w = wps_run
    body = [
        p(w("在2025年度民主生活会上的发言提纲", b=True), jc="center"),
        p(w("某某局党组成员、副局长　赵某某"), jc="center"),
        p(w(IND + "根据会议安排，我围绕会议主题，联系思想和工作实际，作如下发言。")),
        p(w(IND + "一、查摆的问题", b=True)),
        p(w(IND + "（1）在学习贯彻方面：", b=True), w("学习时间保证不够，有时以干代学。")),
        p(w(IND + "（2）在履职尽责方面：", b=True), w("抓落实的韧劲不足，个别工作推进缓慢。")),
        p(w(IND + "（3）在廉洁自律方面：", b=True), w("对分管领域廉政风险点排查不够细。")),
        p(w(IND + "二、努力方向", b=True)),
        p(w(IND + "1.强化学习。", b=True), w("每月撰写一篇学习体会。")),
        p(w(IND + "2.狠抓落实。", b=True), w("建立重点工作台账，逐项对账销号。")),
        p(w(IND + "三、整改清单", b=True)),
        p(w(IND + "具体整改任务见下表。")),
        table([["问题", "措施", "时限"], ["学习不够", "每月自学", "长期坚持"]]),
        p(w("发言人：赵某某"), jc="right"),
        p(w("2026年1月5日"), jc="right"),
    ]
    build("tigang_colon_leads_wps", body)
    _wps_package("tigang_colon_leads_wps")
    expect("tigang_colon_leads_wps", Report(
        kind="shenghuohui", title="在2025年度民主生活会上的发言提纲\n某某局党组成员、副局长　赵某某",
        preamble="根据会议安排，我围绕会议主题，联系思想和工作实际，作如下发言。",
        sections=[
            Section("查摆的问题", NONE, items=items(
                ("（1）在学习贯彻方面：", "学习时间保证不够，有时以干代学。"),
                ("（2）在履职尽责方面：", "抓落实的韧劲不足，个别工作推进缓慢。"),
                ("（3）在廉洁自律方面：", "对分管领域廉政风险点排查不够细。"))),
            Section("努力方向", NONE, items=items(("1.强化学习。", "每月撰写一篇学习体会。"),
                                              ("2.狠抓落实。", "建立重点工作台账，逐项对账销号。"))),
            Section("整改清单", NONE, items=[Item(body=t) for t in (
                "具体整改任务见下表。", "问题", "措施", "时限", "学习不够", "每月自学", "长期坚持")]),
        ],
        signature="发言人：赵某某", date=_dt.date(2026, 1, 5)))


def zongjie_parts() -> None:
    """A 工作总结 in two parts headed 第一部分/第二部分 (full-width space after), （一） items with their text in
    the same paragraph, a soft line break inside one, a page break before the second part, empty paragraphs."""
    body = [
        p("某某街道2025年工作总结和2026年工作打算", jc="center"),
        blank(),
        p(IND + "2025年，街道党工委、办事处团结带领辖区干部群众，较好完成了全年目标任务。"),
        blank(),
        p("第一部分　2025年工作回顾"),
        p(IND + "（一）经济发展稳中有进。全年完成固定资产投资八亿元，同比增长百分之六。"),
        p(IND + "（二）城市管理持续加强。完成老旧小区改造九个，", br(), run("新增停车位六百个。")),
        p(IND + "（三）民生保障更加有力。新增就业岗位一千二百个。"),
        blank(),
        p(PAGE_BREAK),
        p("第二部分　2026年工作打算"),
        p(IND + "（一）聚焦项目建设。力争全年开工项目十个以上。"),
        p(IND + "（二）聚焦基层治理。深化网格化管理，推动矛盾纠纷就地化解。"),
        blank(),
        p("某某街道办事处", jc="right"),
        p("2026年1月5日", jc="right"),
    ]
    build("zongjie_parts", body)
    expect("zongjie_parts", Report(
        title="某某街道2025年工作总结和2026年工作打算",
        preamble="2025年，街道党工委、办事处团结带领辖区干部群众，较好完成了全年目标任务。",
        sections=[
            Section("2025年工作回顾", HEADING, items=items(
                ("经济发展稳中有进。", "全年完成固定资产投资八亿元，同比增长百分之六。"),
                ("城市管理持续加强。", "完成老旧小区改造九个，\n新增停车位六百个。"),
                ("民生保障更加有力。", "新增就业岗位一千二百个。"))),
            Section("2026年工作打算", HEADING, items=items(
                ("聚焦项目建设。", "力争全年开工项目十个以上。"),
                ("聚焦基层治理。", "深化网格化管理，推动矛盾纠纷就地化解。"))),
        ],
        signature="某某街道办事处", date=_dt.date(2026, 1, 5)))


def zongjie_pages_gb18030() -> None:
    """A 工作总结 as plain text in GB18030, copied out of a printed file: page numbers between the paragraphs
    (- 1 -, －2－, 第3页 共3页), 一. headings, 1. items, full-width indents, blank lines, a name with 䶮 (outside
    GBK), the unit and 二〇二六年一月五日."""
    text = "\r\n".join([
        "某某县林业局2025年工作总结",
        "",
        "　　2025年，我局紧紧围绕县委县政府中心工作，扎实推进林业各项工作。",
        "一. 主要工作",
        "　　1.抓好植树造林。全年完成人工造林一万二千亩。",
        "- 1 -",
        "　　2.抓好森林防火。全年未发生重大森林火灾，刘䶮同志被评为防火先进个人。",
        "　　3.抓好林长制落实。设立各级林长三百二十名。",
        "",
        "－2－",
        "",
        "二. 存在的问题",
        "　　基层护林队伍力量薄弱，设备老化。",
        "三. 明年打算",
        "　　继续推进国土绿化，加强森林资源保护。",
        "第3页 共3页",
        "　　　　　　　　　　　　　　　　某某县林业局",
        "　　　　　　　　　　　　　　　二〇二六年一月五日",
    ])
    (HERE / "zongjie_pages_gb18030.txt").write_bytes((text + "\r\n").encode("gb18030"))
    expect("zongjie_pages_gb18030", Report(
        title="某某县林业局2025年工作总结", preamble="2025年，我局紧紧围绕县委县政府中心工作，扎实推进林业各项工作。",
        sections=[
            Section("主要工作", NONE, items=items(
                ("1.抓好植树造林。", "全年完成人工造林一万二千亩。"),
                ("2.抓好森林防火。", "全年未发生重大森林火灾，刘䶮同志被评为防火先进个人。"),
                ("3.抓好林长制落实。", "设立各级林长三百二十名。"))),
            Section("存在的问题", NONE, items=[Item(body="基层护林队伍力量薄弱，设备老化。")]),
            Section("明年打算", NONE, items=[Item(body="继续推进国土绿化，加强森林资源保护。")]),
        ],
        signature="某某县林业局", date=_dt.date(2026, 1, 5)))


def shuzhi_bom_tabs() -> None:
    """A 述职报告 as UTF-8 text with a BOM, CRLF line ends and tabs as indents: a name line, （1） items,
    一要 items run on, 报告人： and a date with leading zeros."""
    text = "\r\n".join([
        "2025年度个人述职报告",
        "某某县人力资源和社会保障局局长　陈某某",
        "\t一年来，我始终坚持以人民为中心的发展思想，扎实做好人社各项工作。",
        "\t一、主要工作",
        "\t（1）稳就业。全年新增城镇就业三千二百人。",
        "\t（2）保民生。城乡居民养老保险参保率达到百分之九十八。",
        "\t（3）优服务。推行社保业务“一窗通办”。",
        "\t二、下步打算",
        "\t一要在稳岗扩岗上再用力。二要在技能培训上再提质。",
        "\t以上述职，请予评议。",
        "报告人：陈某某",
        "2026年01月05日",
    ])
    (HERE / "shuzhi_bom_tabs.txt").write_bytes(b"\xef\xbb\xbf" + (text + "\r\n").encode("utf-8"))
    expect("shuzhi_bom_tabs", Report(
        kind="shuzhi", title="2025年度个人述职报告\n某某县人力资源和社会保障局局长　陈某某",
        preamble="一年来，我始终坚持以人民为中心的发展思想，扎实做好人社各项工作。",
        sections=[
            Section("主要工作", NONE, items=items(("（1）稳就业。", "全年新增城镇就业三千二百人。"),
                                              ("（2）保民生。", "城乡居民养老保险参保率达到百分之九十八。"),
                                              ("（3）优服务。", "推行社保业务“一窗通办”。"))),
            Section("下步打算", NONE, run_on=True, items=items(("一要在稳岗扩岗上再用力。", ""),
                                                         ("二要在技能培训上再提质。", ""))),
        ],
        closing="以上述职，请予评议。", signature="报告人：陈某某", date=_dt.date(2026, 1, 5)))


def tigang_tracked() -> None:
    """A 发言提纲 under review: headings by Word's automatic 一、, 一是 items one a paragraph, one item inserted
    as a tracked change, words deleted, a comment, and the date typed after full-width spaces."""
    h = (8, 0)
    body = [
        p("在专题民主生活会上的发言提纲", jc="center"),
        p("学习贯彻情况", num=h),
        p(IND + "通过集中学习和个人自学，进一步坚定了理想信念。"),
        p("查摆的问题", num=h),
        p(run(IND + "一是学习不够深入。"), dele("有时"), run("满足于一般性学习。")),
        p(run(IND + "二是担当不够有力。"), run("遇到矛盾有畏难情绪。")),
        p(ins(IND + "三是服务不够主动。深入群众不够经常。")),
        p("整改措施", num=h),
        p(IND + "一是加强学习。每月读一本书。二是勇于担当。带头攻坚克难。"),
        p(IND + "以上发言，请批评指正。"),
        p("　　　　　　　　　　　　　　　　　　　　2026年1月5日"),
    ]
    build("tigang_tracked", body, numbering=[abstract(8, *CN_LEVELS), num(8, 8)],
          comment="请补充具体事例")
    _fix_comment_date("tigang_tracked")
    expect("tigang_tracked", Report(
        kind="shenghuohui", title="在专题民主生活会上的发言提纲",
        sections=[
            Section("学习贯彻情况", NONE, items=[Item(body="通过集中学习和个人自学，进一步坚定了理想信念。")]),
            Section("查摆的问题", YISHI, items=items(("学习不够深入。", "满足于一般性学习。"),
                                                ("担当不够有力。", "遇到矛盾有畏难情绪。"),
                                                ("服务不够主动。", "深入群众不够经常。"))),
            Section("整改措施", YISHI, run_on=True, items=items(("加强学习。", "每月读一本书。"),
                                                          ("勇于担当。", "带头攻坚克难。"))),
        ],
        closing="以上发言，请批评指正。", date=_dt.date(2026, 1, 5)))


def zongjie_autonum_items() -> None:
    """A 工作总结 whose items are Word's automatic 1. numbering with a bold lead and a soft line break, typed
    一、 headings, empty paragraphs everywhere, the unit and date in one borderless table row each."""
    levels = (lvl(0, "decimal", "%1."),)
    body = [
        p("某某县统计局2025年工作总结", jc="center"), blank(),
        p("一、工作开展情况"), blank(),
        p(bold("加强组织领导。"), run("成立由局长任组长的工作专班。"), num=(9, 0)),
        p(bold("提升数据质量。"), br(), run("开展统计执法检查，整改问题十八个。"), num=(9, 0)),
        p(bold("做好普查工作。"), run("圆满完成第五次全国经济普查。"), num=(9, 0)), blank(),
        p("二、下一步打算"), blank(),
        p(IND + "着力提升统计服务能力，为县委县政府决策提供参考。"), blank(),
        table([["某某县统计局"], ["2026年1月5日"]], borders=False),
    ]
    build("zongjie_autonum_items", body, numbering=[abstract(9, *levels), num(9, 9)])
    expect("zongjie_autonum_items", Report(
        title="某某县统计局2025年工作总结",
        sections=[
            Section("工作开展情况", NONE, items=items(("1.加强组织领导。", "成立由局长任组长的工作专班。"),
                                                ("2.提升数据质量。", "开展统计执法检查，整改问题十八个。"),
                                                ("3.做好普查工作。", "圆满完成第五次全国经济普查。"))),
            Section("下一步打算", NONE, items=[Item(body="着力提升统计服务能力，为县委县政府决策提供参考。")]),
        ],
        signature="某某县统计局", date=_dt.date(2026, 1, 5)))


def zeren_text_attach() -> None:
    """A 主体责任 report as GB18030 text: a title over two lines broken mid-phrase, 主送, 一是 run on with
    leads ending in 。, （一） items with text on the next line, an 附件 list of two, a two-line signature."""
    text = "\n".join([
        "关于2025年度落实党风廉政建设",
        "主体责任情况的报告",
        "县纪委监委：",
        "　　现将我镇2025年度落实党风廉政建设主体责任情况报告如下。",
        "　　一、履行主体责任情况",
        "　　（一）加强组织领导",
        "　　镇党委定期研究党风廉政建设工作，全年专题研究六次。",
        "　　（二）强化监督执纪",
        "　　一是开展专项整治。整治群众身边不正之风问题九个。二是用好第一种形态。提醒谈话二十人次。",
        "　　二、存在的不足",
        "　　部分村干部廉洁意识不强。",
        "　　附件：1.党风廉政建设责任书签订情况",
        "　　　　　2.廉政谈话记录",
        "",
        "中共某某镇委员会",
        "某某镇纪委",
        "2026年1月5日",
    ])
    (HERE / "zeren_text_attach.txt").write_bytes((text + "\n").encode("gb18030"))
    expect("zeren_text_attach", Report(
        title="关于2025年度落实党风廉政建设\n主体责任情况的报告", recipient="县纪委监委",
        preamble="现将我镇2025年度落实党风廉政建设主体责任情况报告如下。",
        sections=[
            Section("履行主体责任情况", HEADING, items=items(
                ("加强组织领导", "镇党委定期研究党风廉政建设工作，全年专题研究六次。"),
                ("强化监督执纪", "一是开展专项整治。整治群众身边不正之风问题九个。二是用好第一种形态。提醒谈话二十人次。"))),
            Section("存在的不足", NONE, items=[Item(body="部分村干部廉洁意识不强。")]),
        ],
        signature="中共某某镇委员会\n某某镇纪委", date=_dt.date(2026, 1, 5),
        attachments=[Attachment("党风廉政建设责任书签订情况"), Attachment("廉政谈话记录")]))


def title_box_report() -> None:
    """A 情况报告 whose title sits in a text box at the top (a unit template), 主送 below it, headings typed
    一、, （一） items typed with text on the same line ending in ：, the unit and date."""
    body = [
        p(textbox([p("关于2025年度意识形态工作责任制落实情况的报告", jc="center")], 31)),
        p("县委宣传部："),
        p(IND + "按照通知要求，现将我局落实意识形态工作责任制情况报告如下。"),
        p(IND + "一、主要做法"),
        p(IND + "（一）压实工作责任。局党组每半年专题研究一次意识形态工作。"),
        p(IND + "（二）加强阵地管理。对微信公众号实行三审三校制度。"),
        p(IND + "二、下步工作"),
        p(IND + "持续加强意识形态阵地建设和管理。"),
        p(IND + "特此报告。"),
        p("中共某某县某某局党组", jc="right"),
        p("2026年1月5日", jc="right"),
    ]
    build("title_box_report", body)
    expect("title_box_report", Report(
        title="关于2025年度意识形态工作责任制落实情况的报告", recipient="县委宣传部",
        preamble="按照通知要求，现将我局落实意识形态工作责任制情况报告如下。",
        sections=[
            Section("主要做法", HEADING, items=items(("压实工作责任。", "局党组每半年专题研究一次意识形态工作。"),
                                                 ("加强阵地管理。", "对微信公众号实行三审三校制度。"))),
            Section("下步工作", NONE, items=[Item(body="持续加强意识形态阵地建设和管理。")]),
        ],
        closing="特此报告。", signature="中共某某县某某局党组", date=_dt.date(2026, 1, 5)))


def shuzhi_outline_styles() -> None:
    """A 述职述廉报告 whose headings are Word's 标题 1 style with no number (bold by the style, not the runs),
    a bold header row in a table of figures, 一是 items one a paragraph, 述职人 and 二〇二六年一月五日."""
    body = [
        p("2025年度述职述廉报告", jc="center"),
        p("某某县审计局局长　孙某某", jc="center"),
        p("各位领导、同志们："),
        p(IND + "现将本人2025年度履职和廉洁自律情况报告如下。"),
        p("履职尽责情况", style="Heading1"),
        p(IND + "一是聚焦主责主业。全年完成审计项目三十个。"),
        p(IND + "二是推动成果运用。督促整改问题金额一点二亿元。"),
        table([[p(bold("项目")), p(bold("数量"))], ["审计项目", "30个"]]),
        p("廉洁自律情况", style="Heading1"),
        p(IND + "始终绷紧廉洁自律这根弦，自觉接受监督。"),
        p("存在的不足和努力方向", style="Heading1"),
        p(IND + "主要是创新意识还不够强。今后将进一步解放思想。"),
        p(IND + "以上述职，请评议。"),
        p("述职人：孙某某", jc="right"),
        p("二〇二六年一月五日", jc="right"),
    ]
    build("shuzhi_outline_styles", body)
    expect("shuzhi_outline_styles", Report(
        kind="shuzhi", title="2025年度述职述廉报告\n某某县审计局局长　孙某某", recipient="各位领导、同志们",
        preamble="现将本人2025年度履职和廉洁自律情况报告如下。",
        sections=[
            Section("履职尽责情况", YISHI, items=[
                Item("聚焦主责主业。", "全年完成审计项目三十个。"),
                Item("推动成果运用。", "督促整改问题金额一点二亿元。\n项目\n数量\n审计项目\n30个")]),
            Section("廉洁自律情况", NONE, items=[Item(body="始终绷紧廉洁自律这根弦，自觉接受监督。")]),
            Section("存在的不足和努力方向", NONE, items=[Item(body="主要是创新意识还不够强。今后将进一步解放思想。")]),
        ],
        closing="以上述职，请评议。", signature="述职人：孙某某", date=_dt.date(2026, 1, 5)))


def tigang_bom_text() -> None:
    """A 发言提纲 as UTF-8 text with a BOM, typed in WPS: a title with a date in brackets under it, 一、 headings,
    第一，第二， items, （一） items with their text on the same line, empty lines, 发言人 and 2026.1.5."""
    text = "\n".join([
        "在2025年度组织生活会上的发言提纲",
        "（2026年1月5日）",
        "",
        "一、对照检视情况",
        "",
        "第一，在政治功能方面。有时对政治理论学习重视不够。",
        "第二，在组织功能方面。参加支部活动不够积极。",
        "",
        "二、整改方向",
        "（一）加强理论学习。每天学习一小时。",
        "（二）积极参加组织生活。按时参加支部主题党日。",
        "",
        "发言人：钱某某",
        "2026.1.5",
    ])
    (HERE / "tigang_bom_text.txt").write_bytes(b"\xef\xbb\xbf" + (text + "\n").encode("utf-8"))
    expect("tigang_bom_text", Report(
        kind="shenghuohui", title="在2025年度组织生活会上的发言提纲\n（2026年1月5日）",
        sections=[
            Section("对照检视情况", NONE, items=items(("第一，在政治功能方面。", "有时对政治理论学习重视不够。"),
                                                ("第二，在组织功能方面。", "参加支部活动不够积极。"))),
            Section("整改方向", HEADING, items=items(("加强理论学习。", "每天学习一小时。"),
                                                 ("积极参加组织生活。", "按时参加支部主题党日。"))),
        ],
        signature="发言人：钱某某", date=_dt.date(2026, 1, 5)))


def zongjie_wps_sign_box() -> None:
    """A 工作总结 made in WPS: the title broken by a manual line break inside one paragraph, paragraphs holding
    only full-width spaces, bold typed headings, （一） sub-headings with their text on the next paragraph, and
    the unit and date in a text box anchored in the last paragraph."""
    w = wps_run
    body = [
        p(w("关于2025年度政务公开工作"), br(), w("情况的总结"), jc="center"),
        p(w(IND)),
        p(w(IND + "2025年，我局认真落实政务公开各项要求，现将工作情况总结如下。")),
        p(w(IND + "一、主要做法", b=True)),
        p(w(IND + "（一）完善制度机制")),
        p(w(IND + "修订政务公开工作规则，明确公开责任。")),
        p(w(IND + "（二）拓展公开渠道")),
        p(w(IND + "开设政策解读专栏，全年发布解读文章四十篇。")),
        p(w(IND)),
        p(w(IND + "二、存在的不足", b=True)),
        p(w(IND + "政策解读的通俗性还不够。")),
        p(w(IND), textbox([p(w("某某县某某局"), jc="right"), p(w("2026年1月5日"), jc="right")], 41)),
    ]
    build("zongjie_wps_sign_box", body)
    _wps_package("zongjie_wps_sign_box")
    expect("zongjie_wps_sign_box", Report(
        title="关于2025年度政务公开工作\n情况的总结", preamble="2025年，我局认真落实政务公开各项要求，现将工作情况总结如下。",
        sections=[
            Section("主要做法", HEADING, items=items(("完善制度机制", "修订政务公开工作规则，明确公开责任。"),
                                                 ("拓展公开渠道", "开设政策解读专栏，全年发布解读文章四十篇。"))),
            Section("存在的不足", NONE, items=[Item(body="政策解读的通俗性还不够。")]),
        ],
        signature="某某县某某局", date=_dt.date(2026, 1, 5)))


def zeren_autonum_bold_leads() -> None:
    """A 主体责任 report: headings 一、 and items 1. by Word's automatic numbering (a tab after the number, items
    restarting under each heading), each item's lead typed bold and ending in ：, a 主送, 特此报告。, the unit."""
    levels = ('<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="tab"/>'
              '<w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>',
              '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="tab"/>'
              '<w:lvlText w:val="%2."/><w:lvlJc w:val="left"/></w:lvl>')
    h, i = (12, 0), (12, 1)
    body = [
        p("关于2025年度落实全面从严治党主体责任情况的报告", jc="center"),
        p("县委："),
        p(IND + "现将有关情况报告如下。"),
        p("主要工作", num=h),
        p(bold("组织领导方面："), run("党组专题研究全面从严治党工作四次。"), num=i),
        p(bold("监督检查方面："), run("开展专项检查两轮，发现问题十一个。"), num=i),
        p("存在问题", num=h),
        p(bold("责任传导方面："), run("压力传导存在层层递减现象。"), num=i),
        p(IND + "特此报告。"),
        p("中共某某县某某局党组", jc="right"),
        p("2026年1月5日", jc="right"),
    ]
    build("zeren_autonum_bold_leads", body, numbering=[abstract(12, *levels), num(12, 12)])
    expect("zeren_autonum_bold_leads", Report(
        title="关于2025年度落实全面从严治党主体责任情况的报告", recipient="县委", preamble="现将有关情况报告如下。",
        sections=[
            Section("主要工作", NONE, items=items(("1.组织领导方面：", "党组专题研究全面从严治党工作四次。"),
                                              ("2.监督检查方面：", "开展专项检查两轮，发现问题十一个。"))),
            Section("存在问题", NONE, items=items(("1.责任传导方面：", "压力传导存在层层递减现象。"))),
        ],
        closing="特此报告。", signature="中共某某县某某局党组", date=_dt.date(2026, 1, 5)))


def duizhao_text_plain_headings() -> None:
    """A 对照检查材料 as UTF-8 text (no BOM): 一是 items run on whose clauses hold a ：, a signature of post and
    name 22 characters long, the date 二○二六年一月五日 written with ○."""
    text = "\n".join([
        "个人对照检查材料",
        "根据会议要求，结合思想和工作实际，我作如下对照检查。",
        "一、存在的问题",
        "一是理论学习方面：学习的系统性不够。二是担当作为方面：攻坚克难的劲头不足。",
        "二、原因分析",
        "主要是主观世界改造抓得不够紧。",
        "三、整改措施",
        "一是坚持读原著学原文。二是主动领办难题。",
        "以上对照检查，恳请同志们批评指正。",
        "某某县发展和改革局党组书记、局长　周某某",
        "二○二六年一月五日",
    ])
    (HERE / "duizhao_text_plain_headings.txt").write_text(text + "\n", encoding="utf-8")
    expect("duizhao_text_plain_headings", Report(
        kind="shenghuohui", title="个人对照检查材料", preamble="根据会议要求，结合思想和工作实际，我作如下对照检查。",
        sections=[
            Section("存在的问题", YISHI, run_on=True, items=items(
                ("理论学习方面：学习的系统性不够。", ""), ("担当作为方面：攻坚克难的劲头不足。", ""))),
            Section("原因分析", NONE, items=[Item(body="主要是主观世界改造抓得不够紧。")]),
            Section("整改措施", YISHI, run_on=True, items=items(("坚持读原著学原文。", ""), ("主动领办难题。", ""))),
        ],
        closing="以上对照检查，恳请同志们批评指正。", signature="某某县发展和改革局党组书记、局长　周某某",
        date=_dt.date(2026, 1, 5)))


def zongjie_heading_break() -> None:
    """A 工作总结 whose headings carry their first paragraph after a manual line break, （一） typed items with a
    bold lead ending in ：, a header, and the date with spaces inside (2026 年 1 月 5 日)."""
    body = [
        p("某某乡2025年度安全生产工作总结", jc="center"),
        p(IND + "一、工作开展情况", br(), run(IND + "全年组织安全生产大检查四次，排查隐患六十处。")),
        p(run(IND), bold("（一）企业监管："), run("对辖区二十家企业实行分级监管。")),
        p(run(IND), bold("（二）道路交通："), run("在重点路段增设警示标志三十块。")),
        p(IND + "二、下步打算", br(), run(IND + "持续抓好隐患排查整治。")),
        p("某某乡人民政府", jc="right"),
        p("2026 年 1 月 5 日", jc="right"),
    ]
    build("zongjie_heading_break", body, header="某某乡人民政府")
    expect("zongjie_heading_break", Report(
        title="某某乡2025年度安全生产工作总结",
        sections=[
            Section("工作开展情况", HEADING, intro="全年组织安全生产大检查四次，排查隐患六十处。", items=items(
                ("企业监管：", "对辖区二十家企业实行分级监管。"), ("道路交通：", "在重点路段增设警示标志三十块。"))),
            Section("下步打算", NONE, items=[Item(body="持续抓好隐患排查整治。")]),
        ],
        signature="某某乡人民政府", date=_dt.date(2026, 1, 5)))


def shuzhi_recipient_attach_doc() -> None:
    """A 述职述廉报告 sent up with a 主送, 一、 headings whose items are 1、 2、 with full-width digits, an 附件
    line of one attachment, the unit's name and the date on one line split by full-width spaces."""
    body = [
        p("关于本人2025年度述职述廉情况的报告", jc="center"),
        p("县委组织部："),
        p(IND + "根据通知要求，现将本人2025年度述职述廉情况报告如下。"),
        p(IND + "一、履职情况"),
        p(IND + "１、推进重点项目。全年推进重点项目十二个。"),
        p(IND + "２、改善营商环境。企业开办时间压缩到一天。"),
        p(IND + "二、廉洁自律情况"),
        p(IND + "严格执行廉洁从政有关规定。"),
        p(IND + "附件：个人有关事项报告表"),
        p("述职人：吴某某　　　　2026年1月5日", jc="right"),
    ]
    build("shuzhi_recipient_attach_doc", body)
    expect("shuzhi_recipient_attach_doc", Report(
        kind="shuzhi", title="关于本人2025年度述职述廉情况的报告", recipient="县委组织部",
        preamble="根据通知要求，现将本人2025年度述职述廉情况报告如下。",
        sections=[
            Section("履职情况", NONE, items=items(("１、推进重点项目。", "全年推进重点项目十二个。"),
                                              ("２、改善营商环境。", "企业开办时间压缩到一天。"))),
            Section("廉洁自律情况", NONE, items=[Item(body="严格执行廉洁从政有关规定。")]),
        ],
        signature="述职人：吴某某", date=_dt.date(2026, 1, 5), attachments=[Attachment("个人有关事项报告表")]))


CASES = [shuzhi_bold_yishi, zeren_autonum_dot, duizhao_bold_headings, tigang_colon_leads_wps, zongjie_parts,
         zongjie_pages_gb18030, shuzhi_bom_tabs, tigang_tracked, zongjie_autonum_items, zeren_text_attach,
         title_box_report, shuzhi_outline_styles, tigang_bom_text, zongjie_wps_sign_box, zeren_autonum_bold_leads,
         duizhao_text_plain_headings, zongjie_heading_break, shuzhi_recipient_attach_doc]

if __name__ == "__main__":
    for case in CASES:
        case()
        print(case.__name__)
