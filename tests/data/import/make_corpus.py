"""Write the import corpus: .docx files made the way Word and WPS users make them, and the expected reports.

Run from the repository root: `.venv/bin/python tests/data/import/make_corpus.py`. Each case writes NAME.docx
(python-docx's blank document plus raw WordprocessingML: automatic numbering, numbering through styles, text
boxes in mc:AlternateContent, tables, revisions, headers/footers, comments, a 红头 and a 版记) and NAME.json,
the structure a careful reader would take from it, as a tianbao.report exchange file (written by hand here,
never by the importer). make_binary.sh turns some of them into .doc/.wps with LibreOffice.
All wording is our own.
"""

from __future__ import annotations

import datetime as _dt
import sys
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

import docx  # noqa: E402
from docx.oxml import parse_xml  # noqa: E402

from models.exchange import dump_file  # noqa: E402
from models.report import HEADING, NONE, YISHI, Attachment, Item, Letterhead, Record, Report, Section  # noqa: E402

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:v="urn:schemas-microsoft-com:vml"')
REV = 'w:author="审核人" w:date="2026-11-20T09:00:00Z"'


# -- WordprocessingML pieces -------------------------------------------------------------------------------

def run(text: str, red: bool = False, size: int | None = None, extra: str = "") -> str:
    props = ""
    if red:
        props += '<w:color w:val="FF0000"/>'
    if size:
        props += f'<w:sz w:val="{size * 2}"/><w:szCs w:val="{size * 2}"/>'
    props += extra
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def p(*runs: str, style: str | None = None, num: tuple[int, int] | None = None, jc: str | None = None,
      mark_deleted: bool = False) -> str:
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num:
        ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    if jc:
        ppr += f'<w:jc w:val="{jc}"/>'
    if mark_deleted:
        ppr += f'<w:rPr><w:del w:id="90" {REV}/></w:rPr>'
    body = "".join(r if r.startswith("<") else run(r) for r in runs)
    return f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{body}</w:p>"


def table(rows: list[list[str]], borders: bool = True) -> str:
    """Rows of cells; a cell is a paragraph's text or ready-made <w:p> XML."""
    b = ('<w:tblBorders><w:top w:val="single" w:sz="8"/><w:bottom w:val="single" w:sz="8"/>'
         '<w:insideH w:val="single" w:sz="4"/></w:tblBorders>') if borders else ""
    out = f'<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/>{b}</w:tblPr><w:tblGrid>'
    out += "".join('<w:gridCol w:w="4400"/>' for _ in rows[0]) + "</w:tblGrid>"
    for r in rows:
        out += "<w:tr>" + "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="4400" w:type="dxa"/></w:tcPr>{c if c.startswith("<") else p(c)}</w:tc>'
            for c in r) + "</w:tr>"
    return out + "</w:tbl>"


def textbox(paragraphs: list[str], box_id: int) -> str:
    """A floating text box as Word 2010+ writes it: wps shape in mc:Choice, the same text as VML in Fallback."""
    content = "<w:txbxContent>" + "".join(paragraphs) + "</w:txbxContent>"
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="2" behindDoc="0" '
        'locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="5600000" cy="900000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
        f'<wp:docPr id="{box_id}" name="文本框 {box_id}"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5600000" cy="900000"/>'
        '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>'
        f'<wps:txbx>{content}</wps:txbx><wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" '
        'bIns="0" anchor="t"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor>'
        '</w:drawing></mc:Choice><mc:Fallback><w:pict>'
        '<v:shape id="box" type="#_x0000_t202" style="width:441pt;height:71pt" stroked="f">'
        f'<v:textbox inset="0,0,0,0">{content}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>'
    )


def ins(text: str) -> str:
    return f'<w:ins w:id="91" {REV}>{run(text)}</w:ins>'


def dele(text: str) -> str:
    return f'<w:del w:id="92" {REV}><w:r><w:delText xml:space="preserve">{escape(text)}</w:delText></w:r></w:del>'


def hidden(text: str) -> str:
    return run(text, extra="<w:vanish/>")


def lvl(ilvl: int, fmt: str, text: str, start: int = 1, restart: int | None = None, pstyle: str | None = None) -> str:
    r = f'<w:lvlRestart w:val="{restart}"/>' if restart is not None else ""
    ps = f'<w:pStyle w:val="{pstyle}"/>' if pstyle else ""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{r}{ps}'
            f'<w:suff w:val="nothing"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>')


def abstract(aid: int, *levels: str) -> str:
    return f'<w:abstractNum w:abstractNumId="{aid}"><w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>'


def num(num_id: int, aid: int, overrides: dict[int, int] | None = None) -> str:
    ov = "".join(f'<w:lvlOverride w:ilvl="{k}"><w:startOverride w:val="{v}"/></w:lvlOverride>'
                 for k, v in (overrides or {}).items())
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{aid}"/>{ov}</w:num>'


CN_LEVELS = (lvl(0, "chineseCounting", "%1、"), lvl(1, "chineseCounting", "（%2）"), lvl(2, "decimal", "%3."))


def build(name: str, body: list[str], numbering: list[str] = (), styles: list[str] = (), header: str = "",
          footer: str = "", comment: str = "") -> None:
    d = docx.Document()
    if header:
        d.sections[0].header.paragraphs[0].text = header
    if footer:
        d.sections[0].footer.paragraphs[0].text = footer
    root = d.element.body
    sect = root[-1]
    for child in list(root):
        if child is not sect:
            root.remove(child)
    for xml in body:
        for el in parse_xml(f"<w:body {NS}>{xml}</w:body>"):
            sect.addprevious(el)
    numbering_el = d.part.numbering_part.element
    for child in list(numbering_el):
        numbering_el.remove(child)
    items = [parse_xml(f"<w:x {NS}>{x}</w:x>")[0] for x in numbering]
    for el in [e for e in items if e.tag.endswith("abstractNum")] + [e for e in items if e.tag.endswith("}num")]:
        numbering_el.append(el)
    for x in styles:
        d.styles.element.append(parse_xml(x.replace("<w:style ", f"<w:style {NS} ", 1)))
    if comment:
        first = d.paragraphs[min(2, len(d.paragraphs) - 1)]
        d.add_comment(first.runs, text=comment, author="审核人")
    d.core_properties.author = "天报测试"
    d.core_properties.created = _dt.datetime(2026, 11, 20)
    d.save(HERE / f"{name}.docx")
    _fix_zip_times(HERE / f"{name}.docx")


def _fix_zip_times(path: Path) -> None:
    """Same bytes on every run: the zip entries get one fixed time instead of now."""
    import zipfile

    with zipfile.ZipFile(path) as z:
        entries = [(info.filename, z.read(info.filename)) for info in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            z.writestr(zipfile.ZipInfo(name, date_time=(2026, 11, 20, 0, 0, 0)), data,
                       compress_type=zipfile.ZIP_DEFLATED)


def expect(name: str, report: Report) -> None:
    dump_file(report, HERE / f"{name}.json")


def items(*pairs: tuple[str, str]) -> list[Item]:
    return [Item(lead=a, body=b) for a, b in pairs]


# -- the cases ---------------------------------------------------------------------------------------------

def auto_numbering() -> None:
    """A 述职述廉报告 from a unit template: every 一、 and （一） is Word's automatic numbering."""
    h, i = (1, 0), (1, 1)
    body = [
        p("2026年度述职述廉报告", jc="center"),
        p("各位领导、同志们："),
        p("按照区委统一安排，现将本人一年来履行岗位职责和廉洁自律情况报告如下。"),
        p("履行岗位职责情况", num=h),
        p("加强理论武装", num=i),
        p("坚持每月集中学习两次，全年撰写学习体会六篇，带头讲专题党课一次。"),
        p("推动重点工作落实", num=i),
        p("牵头完成年度八项重点任务，其中三项提前一个月完成。"),
        p("落实全面从严治党责任情况", num=h),
        p("压实主体责任", num=i),
        p("与分管科室负责人逐一签订责任书，每季度听取一次工作汇报。"),
        p("抓好日常监督。对苗头性问题及时提醒谈话，全年开展谈心谈话二十余人次。", num=i),
        p("存在的不足和下步打算", num=h),
        p("回顾一年工作，仍有一些不足。"),
        p("调查研究不够深入。深入基层次数偏少，掌握情况不够全面。", num=i),
        p("创新意识有待增强。下一步将主动对标先进地区，改进工作方法。", num=i),
        p("以上报告，请予审议。"),
        p("张某某", jc="right"),
        p("2026年12月2日", jc="right"),
    ]
    build("auto_numbering", body, numbering=[abstract(1, *CN_LEVELS), num(1, 1)], header="内部资料", footer="— 1 —")
    expect("auto_numbering", Report(
        kind="shuzhi", title="2026年度述职述廉报告", recipient="各位领导、同志们",
        preamble="按照区委统一安排，现将本人一年来履行岗位职责和廉洁自律情况报告如下。",
        sections=[
            Section("履行岗位职责情况", HEADING, items=items(
                ("加强理论武装", "坚持每月集中学习两次，全年撰写学习体会六篇，带头讲专题党课一次。"),
                ("推动重点工作落实", "牵头完成年度八项重点任务，其中三项提前一个月完成。"))),
            Section("落实全面从严治党责任情况", HEADING, items=items(
                ("压实主体责任", "与分管科室负责人逐一签订责任书，每季度听取一次工作汇报。"),
                ("抓好日常监督。", "对苗头性问题及时提醒谈话，全年开展谈心谈话二十余人次。"))),
            Section("存在的不足和下步打算", HEADING, intro="回顾一年工作，仍有一些不足。", items=items(
                ("调查研究不够深入。", "深入基层次数偏少，掌握情况不够全面。"),
                ("创新意识有待增强。", "下一步将主动对标先进地区，改进工作方法。"))),
        ],
        closing="以上报告，请予审议。", signature="张某某", date=_dt.date(2026, 12, 2)))


def style_numbering() -> None:
    """Numbering attached to paragraph styles (one style inherits it through basedOn), 十一 not needed."""
    styles = [
        '<w:style w:type="paragraph" w:styleId="CNHead1"><w:name w:val="一级标题"/><w:basedOn w:val="Normal"/>'
        '<w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:style>',
        '<w:style w:type="paragraph" w:styleId="CNHead2Base"><w:name w:val="二级标题基础"/><w:basedOn w:val="Normal"/>'
        '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="5"/></w:numPr></w:pPr></w:style>',
        '<w:style w:type="paragraph" w:styleId="CNHead2"><w:name w:val="二级标题"/>'
        '<w:basedOn w:val="CNHead2Base"/><w:rPr><w:rFonts w:eastAsia="楷体"/></w:rPr></w:style>',
        '<w:style w:type="paragraph" w:styleId="CNList"><w:name w:val="问题列表"/><w:basedOn w:val="Normal"/>'
        '<w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="5"/></w:numPr></w:pPr></w:style>',
    ]
    levels = (lvl(0, "chineseCountingThousand", "%1、", pstyle="CNHead1"),
              lvl(1, "chineseCountingThousand", "（%2）", pstyle="CNHead2"),
              lvl(2, "decimal", "%3)"))
    body = [
        p("某某街道2026年工作总结"),
        p("今年以来，街道党工委、办事处紧扣年度目标任务，各项工作取得新进展。"),
        p("主要工作成效", style="CNHead1"),
        p("民生实事全面完成。十件民生实事全部按期办结，群众满意率明显提高。", style="CNHead2"),
        p("基层治理不断加强。网格员队伍实现全覆盖，矛盾纠纷就地化解率达到九成以上。", style="CNHead2"),
        p("平安建设扎实推进。全年未发生较大安全事故。", style="CNHead2"),
        p("存在的问题", style="CNHead1"),
        p("老旧小区改造进度不均衡。", style="CNList"),
        p("部分社区服务设施陈旧。", style="CNList"),
        p("这段文字用了编号样式，但段落关掉了编号。", style="CNList", num=(0, 0)),
        p("下步工作打算", style="CNHead1"),
        p("明年重点做好三方面工作：一是抓项目建设；二是抓民生保障；三是抓队伍作风。"),
        p("某某街道办事处"),
        p("2026年12月10日"),
    ]
    build("style_numbering", body, numbering=[abstract(5, *levels), num(5, 5)], styles=styles)
    expect("style_numbering", Report(
        kind="blank", title="某某街道2026年工作总结",
        preamble="今年以来，街道党工委、办事处紧扣年度目标任务，各项工作取得新进展。",
        sections=[
            Section("主要工作成效", HEADING, items=items(
                ("民生实事全面完成。", "十件民生实事全部按期办结，群众满意率明显提高。"),
                ("基层治理不断加强。", "网格员队伍实现全覆盖，矛盾纠纷就地化解率达到九成以上。"),
                ("平安建设扎实推进。", "全年未发生较大安全事故。"))),
            Section("存在的问题", NONE, items=items(
                ("1)老旧小区改造进度不均衡。", ""),
                ("2)部分社区服务设施陈旧。", "这段文字用了编号样式，但段落关掉了编号。"))),
            Section("下步工作打算", YISHI, run_on=True, intro="明年重点做好三方面工作：", items=items(
                ("抓项目建设；", ""), ("抓民生保障；", ""), ("抓队伍作风。", ""))),
        ],
        signature="某某街道办事处", date=_dt.date(2026, 12, 10)))


def restart_override() -> None:
    """Two w:num on one abstract numbering continue each other; a startOverride restarts the sub-items."""
    body = [
        p("关于2026年度机关作风建设情况的报告"),
        p("机关党委："),
        p("现将今年机关作风建设情况报告如下：", num=None),
        p("主要做法", num=(11, 0)),
        p("健全制度。修订考勤、请销假等制度五项。", num=(11, 1)),
        p("强化督查。每月开展一次明察暗访，通报结果。", num=(11, 1)),
        p("取得成效", num=(12, 0)),
        p("办事效率提高。群众办事平均用时缩短三分之一。", num=(12, 1)),
        p("服务态度改善。全年未收到服务态度方面的投诉。", num=(12, 1)),
        p("三、下步打算"),
        p("完善长效机制。把行之有效的做法固定下来。", num=(13, 1)),
        p("加强教育引导。", num=(13, 1)),
        p("常态化开展警示教育，引导干部守纪律、讲规矩。"),
        p("特此报告。"),
        p("某某局机关党支部"),
        p("2026年11月28日"),
    ]
    numbering = [abstract(10, *CN_LEVELS), num(11, 10), num(12, 10), num(13, 10, {1: 1})]
    build("restart_override", body, numbering=numbering)
    expect("restart_override", Report(
        title="关于2026年度机关作风建设情况的报告", recipient="机关党委", preamble="现将今年机关作风建设情况报告如下：",
        sections=[
            Section("主要做法", HEADING, items=items(("健全制度。", "修订考勤、请销假等制度五项。"),
                                                 ("强化督查。", "每月开展一次明察暗访，通报结果。"))),
            Section("取得成效", HEADING, items=items(("办事效率提高。", "群众办事平均用时缩短三分之一。"),
                                                 ("服务态度改善。", "全年未收到服务态度方面的投诉。"))),
            Section("下步打算", HEADING, items=items(("完善长效机制。", "把行之有效的做法固定下来。"),
                                                 ("加强教育引导。", "常态化开展警示教育，引导干部守纪律、讲规矩。"))),
        ],
        closing="特此报告。", signature="某某局机关党支部", date=_dt.date(2026, 11, 28)))


def _letterhead_body(box: bool) -> list[str]:
    mark = p(run("中共某某县某某局党组文件", red=True, size=36), jc="center")
    top = [p("000012"), p("特急")]
    if box:
        top.append(p(textbox([mark], 7)))
    else:
        top.append(mark)
    rule = '<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="18" w:color="FF0000"/></w:pBdr></w:pPr></w:p>'
    return top + [
        table([["某党组〔2026〕12号", p("签发人：王某某", jc="right")]], borders=False),
        rule,
        p("中共某某县某某局党组", jc="center"),
        p("关于2026年度落实全面从严治党主体责任情况的报告", jc="center"),
        p("中共某某县委："),
        p("2026年，局党组坚持把全面从严治党摆在突出位置，现将有关情况报告如下："),
        p("一、主要工作情况"),
        p("（一）扛牢政治责任。党组会议专题研究全面从严治党工作四次。"),
        p("（二）加强纪律教育。组织观看警示教育片两次，开展廉政谈话三十余人次。"),
        p("二、存在的问题"),
        p("一是个别支部落实“三会一课”不够规范；二是廉政风险排查不够深入。"),
        p("三、下步工作措施"),
        p("（一）压紧压实责任。层层签订责任书。"),
        p("（二）强化监督执纪。用好监督执纪第一种形态。"),
        p("特此报告。"),
        p("中共某某县某某局党组", jc="right"),
        p("2026年12月8日", jc="right"),
        table([["抄送：县纪委监委，县委组织部。"], ["某某县某某局办公室", p("2026年12月8日印发", jc="right")]]),
    ]


def _letterhead_expected() -> Report:
    return Report(
        letterhead=Letterhead(mark="中共某某县某某局党组文件", number="某党组〔2026〕12号", signers=["王某某"],
                              copy_no="000012", urgency="特急"),
        title="中共某某县某某局党组\n关于2026年度落实全面从严治党主体责任情况的报告", recipient="中共某某县委",
        preamble="2026年，局党组坚持把全面从严治党摆在突出位置，现将有关情况报告如下：",
        sections=[
            Section("主要工作情况", HEADING, items=items(
                ("扛牢政治责任。", "党组会议专题研究全面从严治党工作四次。"),
                ("加强纪律教育。", "组织观看警示教育片两次，开展廉政谈话三十余人次。"))),
            Section("存在的问题", YISHI, run_on=True, items=items(
                ("个别支部落实“三会一课”不够规范；", ""), ("廉政风险排查不够深入。", ""))),
            Section("下步工作措施", HEADING, items=items(
                ("压紧压实责任。", "层层签订责任书。"), ("强化监督执纪。", "用好监督执纪第一种形态。"))),
        ],
        closing="特此报告。", signature="中共某某县某某局党组", date=_dt.date(2026, 12, 8),
        record=Record(cc="县纪委监委，县委组织部。", issuer="某某县某某局办公室", date=_dt.date(2026, 12, 8)))


def letterhead() -> None:
    """A 红头 (份号, 紧急程度, red 发文机关标志, 发文字号 and 签发人 in a table, red rule) and a 版记 table."""
    build("letterhead", _letterhead_body(box=False), header="某某县某某局", footer="第 1 页")
    expect("letterhead", _letterhead_expected())


def textbox_letterhead() -> None:
    """The same document with the 发文机关标志 in a text box: mc:Choice and mc:Fallback both hold the text."""
    build("textbox_letterhead", _letterhead_body(box=True))
    expect("textbox_letterhead", _letterhead_expected())


def tables() -> None:
    """A data table inside a section and the signature block in a borderless table."""
    body = [
        p("某某镇2026年度经济社会发展情况报告"),
        p("一、主要指标完成情况"),
        p("全年主要指标完成情况见下表。"),
        table([["指标", "目标", "完成"], ["新增就业", "1200人", "1350人"], ["新建道路", "8公里", "9.5公里"]]),
        p("各项指标均超额完成。"),
        p("二、重点工作推进情况"),
        p("一是产业项目加快落地。新签约项目六个。"),
        p("二是人居环境持续改善。完成村庄整治十二个。"),
        table([["某某镇人民政府"], ["2026年12月5日"]], borders=False),
    ]
    build("tables", body)
    expect("tables", Report(
        title="某某镇2026年度经济社会发展情况报告",
        sections=[
            Section("主要指标完成情况", NONE, items=[Item(body=t) for t in (
                "全年主要指标完成情况见下表。", "指标", "目标", "完成", "新增就业", "1200人", "1350人", "新建道路",
                "8公里", "9.5公里", "各项指标均超额完成。")]),
            Section("重点工作推进情况", YISHI, items=items(("产业项目加快落地。", "新签约项目六个。"),
                                                   ("人居环境持续改善。", "完成村庄整治十二个。"))),
        ],
        signature="某某镇人民政府", date=_dt.date(2026, 12, 5)))


def revisions() -> None:
    """Tracked changes (insertions kept, deletions and a deleted paragraph mark applied), hidden text,
    a comment, header and footer: only what prints stays."""
    body = [
        p("2026年度民主生活会个人对照检查材料"),
        p("根据会议安排，本人认真查摆问题，剖析根源，现对照检查如下。", hidden("（此句待定）")),
        p("一、存在的主要问题"),
        p(run("一是理论学习"), ins("不够系统"), dele("有待加强"), run("。满足于读原文，思考不深。")),
        p(run("二是调查研究"), mark_deleted=True),
        p(run("不够深入。到基层调研次数偏少。")),
        p(run("三是"), dele("工作"), ins("担当"), run("作风不够硬。遇到难题有时等待观望。")),
        p("二、整改措施"),
        p("一是系统学习。制定个人学习计划。"),
        p("二是改进调研。每季度到基层调研不少于两次。"),
        p("以上对照检查，请各位同志批评指正。"),
        p("李某某"),
        p("2026年12月15日"),
    ]
    build("revisions", body, header="民主生活会材料（页眉）", footer="第一页", comment="这里再具体一些")
    expect("revisions", Report(
        title="2026年度民主生活会个人对照检查材料",
        preamble="根据会议安排，本人认真查摆问题，剖析根源，现对照检查如下。",
        sections=[
            Section("存在的主要问题", YISHI, items=items(
                ("理论学习不够系统。", "满足于读原文，思考不深。"), ("调查研究不够深入。", "到基层调研次数偏少。"),
                ("担当作风不够硬。", "遇到难题有时等待观望。"))),
            Section("整改措施", YISHI, items=items(("系统学习。", "制定个人学习计划。"),
                                              ("改进调研。", "每季度到基层调研不少于两次。"))),
        ],
        closing="以上对照检查，请各位同志批评指正。", signature="李某某", date=_dt.date(2026, 12, 15)))


def closing_inline() -> None:
    """特此报告。 typed at the end of the last paragraph, run-on 一是 items, the opening in a content control."""
    body = [
        p("关于2026年度意识形态工作责任制落实情况的报告"),
        p("县委："),
        '<w:sdt><w:sdtPr><w:alias w:val="开头"/></w:sdtPr><w:sdtContent>'
        + p("今年以来，我局认真落实意识形态工作责任制，现将有关情况报告如下。") + "</w:sdtContent></w:sdt>",
        p("一、主要做法"),
        p("主要抓了三个方面：一是落实主体责任，党组每半年专题研究一次；二是加强阵地管理，规范网站和公众号审核；"
          "三是开展教育培训，全年举办培训班两期。"),
        p("二、下步打算"),
        p("一是持续压实责任。二是加强队伍建设。三是完善工作机制。确保各项任务落到实处。特此报告。"),
        p("某某县某某局  2026年11月30日"),
    ]
    build("closing_inline", body)
    expect("closing_inline", Report(
        title="关于2026年度意识形态工作责任制落实情况的报告", recipient="县委",
        preamble="今年以来，我局认真落实意识形态工作责任制，现将有关情况报告如下。",
        sections=[
            Section("主要做法", YISHI, run_on=True, intro="主要抓了三个方面：", items=items(
                ("落实主体责任，党组每半年专题研究一次；", ""), ("加强阵地管理，规范网站和公众号审核；", ""),
                ("开展教育培训，全年举办培训班两期。", ""))),
            Section("下步打算", YISHI, run_on=True, items=items(
                ("持续压实责任。", ""), ("加强队伍建设。", ""), ("完善工作机制。", "确保各项任务落到实处。"))),
        ],
        closing="特此报告。", signature="某某县某某局", date=_dt.date(2026, 11, 30)))


def attachments() -> None:
    """附件说明 after the body, two 附件 pages after the date, and a 版记 in plain paragraphs."""
    page = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
    body = [
        p("关于2026年度干部教育培训工作情况的报告"),
        p("市委组织部："),
        p("现将我局2026年度干部教育培训工作情况报告如下。"),
        p("一、基本情况"),
        p("全年举办各类培训班九期，培训干部六百余人次。"),
        p("二、主要做法"),
        p("（一）突出政治训练。把党的创新理论作为必修课。"),
        p("（二）注重实践锻炼。选派年轻干部到基层一线挂职。"),
        p("特此报告。"),
        p("附件：1.2026年度干部教育培训工作台账"),
        p("2.2027年度干部教育培训计划"),
        p("中共某某市某某局委员会"),
        p("2026年12月9日"),
        page,
        p("附件1"),
        p("2026年度干部教育培训工作台账", jc="center"),
        table([["班次", "人数"], ["新任职干部培训班", "80"]]),
        page,
        p("附件2"),
        p("2027年度干部教育培训计划", jc="center"),
        p("计划举办培训班十期，重点培训基层一线干部。"),
        p("抄送：市委组织部干部教育科。"),
        p("某某市某某局办公室    2026年12月9日印发"),
    ]
    build("attachments", body)
    expect("attachments", Report(
        title="关于2026年度干部教育培训工作情况的报告", recipient="市委组织部",
        preamble="现将我局2026年度干部教育培训工作情况报告如下。",
        sections=[
            Section("基本情况", NONE, items=[Item(body="全年举办各类培训班九期，培训干部六百余人次。")]),
            Section("主要做法", HEADING, items=items(("突出政治训练。", "把党的创新理论作为必修课。"),
                                                 ("注重实践锻炼。", "选派年轻干部到基层一线挂职。"))),
        ],
        closing="特此报告。", signature="中共某某市某某局委员会", date=_dt.date(2026, 12, 9),
        attachments=[Attachment("2026年度干部教育培训工作台账", "班次\n人数\n新任职干部培训班\n80"),
                     Attachment("2027年度干部教育培训计划", "计划举办培训班十期，重点培训基层一线干部。")],
        record=Record(cc="市委组织部干部教育科。", issuer="某某市某某局办公室", date=_dt.date(2026, 12, 9))))


def deep_levels() -> None:
    """Three automatic levels (一、 （一） 1.) with a bullet list: numbers under items stay in their body."""
    levels = CN_LEVELS
    bullets = abstract(30, lvl(0, "bullet", "\uf0b7"))
    body = [
        p("2026年度安全生产工作总结"),
        p("全年安全生产形势总体平稳。"),
        p("工作开展情况", num=(21, 0)),
        p("开展隐患排查", num=(21, 1)),
        p("全年检查企业一百二十家次。", num=(21, 2)),
        p("整改隐患三百余处。", num=(21, 2)),
        p("加强宣传教育", num=(21, 1)),
        p("开展安全生产月活动。", num=(21, 2)),
        p("主要经验", num=(21, 0)),
        p("领导重视是前提。", num=(31, 0)),
        p("全员参与是基础。", num=(31, 0)),
        p("某某区应急管理局"),
        p("2026年12月12日"),
    ]
    build("deep_levels", body, numbering=[abstract(20, *levels), bullets, num(21, 20), num(31, 30)])
    expect("deep_levels", Report(
        title="2026年度安全生产工作总结", preamble="全年安全生产形势总体平稳。",
        sections=[
            Section("工作开展情况", HEADING, items=items(("开展隐患排查", "1.全年检查企业一百二十家次。\n2.整改隐患三百余处。"),
                                                   ("加强宣传教育", "1.开展安全生产月活动。"))),
            Section("主要经验", NONE, items=[Item(body="领导重视是前提。"), Item(body="全员参与是基础。")]),
        ],
        signature="某某区应急管理局", date=_dt.date(2026, 12, 12)))


def plain_text_letterhead() -> None:
    """A .txt (GB18030, as Notepad on a Chinese Windows saves) with a typed 红头 and 版记."""
    text = "\r\n".join([
        "某某县某某局文件", "某局发〔2026〕5号", "", "关于2026年度平安建设工作情况的报告", "", "县委政法委：",
        "现将我局平安建设工作情况报告如下。", "一、主要工作", "一是加强矛盾排查。全年排查矛盾纠纷四十余起。",
        "二是强化宣传引导。发放宣传资料三千份。", "二、下步打算", "持续抓好各项措施落实。", "特此报告。", "",
        "某某县某某局", "2026年12月1日", "", "抄送：县委办公室。", "某某县某某局办公室  2026年12月1日印发", ""])
    (HERE / "plain_text_letterhead.txt").write_bytes(text.encode("gb18030"))
    expect("plain_text_letterhead", Report(
        letterhead=Letterhead(mark="某某县某某局文件", number="某局发〔2026〕5号"),
        title="关于2026年度平安建设工作情况的报告", recipient="县委政法委", preamble="现将我局平安建设工作情况报告如下。",
        sections=[
            Section("主要工作", YISHI, items=items(("加强矛盾排查。", "全年排查矛盾纠纷四十余起。"),
                                              ("强化宣传引导。", "发放宣传资料三千份。"))),
            Section("下步打算", NONE, items=[Item(body="持续抓好各项措施落实。")]),
        ],
        closing="特此报告。", signature="某某县某某局", date=_dt.date(2026, 12, 1),
        record=Record(cc="县委办公室。", issuer="某某县某某局办公室", date=_dt.date(2026, 12, 1))))


def joint_letterhead() -> None:
    """Two issuers in a table beside 文件, 密级, a date in Chinese numerals, 批评指正 closing, no 签发人."""
    mark_table = table([[p(run("中共某某县委组织部", red=True, size=28)), p(run("文件", red=True, size=36))],
                        [p(run("某某县人力资源和社会保障局", red=True, size=28)), ""]], borders=False)
    body = [
        p("机密★1年"),
        mark_table,
        p("某组发〔2026〕21号", jc="center"),
        p("关于2026年度干部人事档案专项审核工作情况的报告", jc="center"),
        p("市委组织部："),
        p("按照市委组织部统一部署，我县认真开展干部人事档案专项审核工作，现将有关情况报告如下。"),
        p("一、工作开展情况"),
        p("（一）精心组织部署。成立工作专班，制定实施方案。"),
        p("（二）严格审核把关。逐卷逐页审核档案一千二百余卷。"),
        p("二、发现的问题及整改情况"),
        p("审核中发现的问题已全部整改到位。"),
        p("以上报告如有不妥，请批评指正。"),
        p("中共某某县委组织部　　某某县人力资源和社会保障局"),
        p("二〇二六年十二月三日"),
    ]
    build("joint_letterhead", body)
    expect("joint_letterhead", Report(
        letterhead=Letterhead(mark="中共某某县委组织部\n文件\n某某县人力资源和社会保障局", number="某组发〔2026〕21号",
                              secrecy="机密★1年"),
        title="关于2026年度干部人事档案专项审核工作情况的报告", recipient="市委组织部",
        preamble="按照市委组织部统一部署，我县认真开展干部人事档案专项审核工作，现将有关情况报告如下。",
        sections=[
            Section("工作开展情况", HEADING, items=items(("精心组织部署。", "成立工作专班，制定实施方案。"),
                                                   ("严格审核把关。", "逐卷逐页审核档案一千二百余卷。"))),
            Section("发现的问题及整改情况", NONE, items=[Item(body="审核中发现的问题已全部整改到位。")]),
        ],
        closing="以上报告如有不妥，请批评指正。", signature="中共某某县委组织部　　某某县人力资源和社会保障局",
        date=_dt.date(2026, 12, 3)))


def heading_styles() -> None:
    """Word's own 标题 1/标题 2 linked to a multilevel list (lvl pStyle, style numPr without ilvl),
    eleven sections (十一、), a hyperlink, a simple field, a w:sym."""
    styles_numbered = [
        '<w:style w:type="paragraph" w:styleId="CNTitle1"><w:name w:val="公文一级"/><w:basedOn w:val="Heading1"/>'
        '<w:pPr><w:numPr><w:numId w:val="40"/></w:numPr></w:pPr></w:style>',
        '<w:style w:type="paragraph" w:styleId="CNTitle2"><w:name w:val="公文二级"/><w:basedOn w:val="Heading2"/>'
        '<w:pPr><w:numPr><w:numId w:val="40"/></w:numPr></w:pPr></w:style>',
    ]
    levels = (lvl(0, "chineseCountingThousand", "%1、", pstyle="CNTitle1"),
              lvl(1, "chineseCountingThousand", "（%2）", pstyle="CNTitle2"))
    names = ["组织建设", "队伍建设", "作风建设", "制度建设", "业务工作", "安全生产", "信访维稳", "乡村振兴",
             "民生保障", "生态环境", "其他工作"]
    body = [p("某某乡2026年度工作总结"), p("2026年，全乡上下团结一心，圆满完成各项目标任务。")]
    expected = []
    for n, name in enumerate(names, 1):
        body.append(p(name, style="CNTitle1"))
        if n == 1:
            body.append(p(run("加强班子建设。班子成员参加"),
                          '<w:hyperlink w:anchor="x"><w:r><w:t>集中学习</w:t></w:r></w:hyperlink>',
                          '<w:fldSimple w:instr=" QUOTE 24 "><w:r><w:t>24</w:t></w:r></w:fldSimple>',
                          run("次。"), style="CNTitle2"))
            body.append(p(run("发展党员三名"), '<w:r><w:sym w:font="宋体" w:char="FF0C"/></w:r>',
                          run("转正党员两名。"), style="CNTitle2"))
            expected.append(Section(name, HEADING, items=items(("加强班子建设。", "班子成员参加集中学习24次。"),
                                                             ("发展党员三名，转正党员两名。", ""))))
        else:
            body.append(p(f"{name}工作有序推进。"))
            expected.append(Section(name, NONE, items=[Item(body=f"{name}工作有序推进。")]))
    body += [p("某某乡人民政府"), p("2026年12月20日")]
    build("heading_styles", body, numbering=[abstract(40, *levels), num(40, 40)], styles=styles_numbered)
    expect("heading_styles", Report(title="某某乡2026年度工作总结", preamble="2026年，全乡上下团结一心，圆满完成各项目标任务。",
                                    sections=expected, signature="某某乡人民政府", date=_dt.date(2026, 12, 20)))


def inline_box() -> None:
    """A text box anchored after text in an item, and one whose VML fallback alone is written (older Word)."""
    vml = ('<w:r><w:pict><v:shape id="t1" type="#_x0000_t202" style="width:300pt;height:40pt">'
           '<v:textbox><w:txbxContent>' + p("（图表说明：全年走访企业八十家。）") +
           '</w:txbxContent></v:textbox></v:shape></w:pict></w:r>')
    body = [
        p("关于2026年度优化营商环境工作情况的报告"),
        p("区政府："),
        p("一、主要做法"),
        p(run("一是开展走访服务。"), textbox([p("全年走访企业八十家。")], 11)),
        p("二是压缩审批时限。平均审批时限压缩一半。"),
        p(vml),
        p("二、下步打算"),
        p("持续优化服务，打造一流营商环境。"),
        p("特此报告。"),
        p("某某区发展和改革局"),
        p("2026年12月18日"),
    ]
    build("inline_box", body)
    expect("inline_box", Report(
        title="关于2026年度优化营商环境工作情况的报告", recipient="区政府",
        sections=[
            Section("主要做法", YISHI, items=items(("开展走访服务。", "全年走访企业八十家。"),
                                              ("压缩审批时限。", "平均审批时限压缩一半。\n（图表说明：全年走访企业八十家。）"))),
            Section("下步打算", NONE, items=[Item(body="持续优化服务，打造一流营商环境。")]),
        ],
        closing="特此报告。", signature="某某区发展和改革局", date=_dt.date(2026, 12, 18)))


def revised_numbering() -> None:
    """Tracked changes on numbered paragraphs: one deleted whole (its number goes too), one whose paragraph mark
    was deleted (it joins the next paragraph, which keeps its number), an inserted numbered paragraph."""
    h, i = (51, 0), (51, 1)
    body = [
        p("2026年度意识形态工作自查报告"),
        p("主要工作", num=h),
        p(dele("这一段在修订中整段删除。"), num=h, mark_deleted=True),
        p("抓好理论学习。全年集中学习十二次。", num=i),
        p(ins("加强阵地管理。网站和公众号实行三审制。"), num=i),
        p("存在问题", num=h),
        p(run("学习不够深入，"), num=i, mark_deleted=True),
        p("联系实际不够。", num=i),
        p("调研不够。到基层次数偏少。", num=i),
        p("某某局党组"),
        p("2026年12月16日"),
    ]
    build("revised_numbering", body, numbering=[abstract(50, *CN_LEVELS), num(51, 50)])
    expect("revised_numbering", Report(
        title="2026年度意识形态工作自查报告",
        sections=[
            Section("主要工作", HEADING, items=items(("抓好理论学习。", "全年集中学习十二次。"),
                                                 ("加强阵地管理。", "网站和公众号实行三审制。"))),
            Section("存在问题", HEADING, items=items(("学习不够深入，联系实际不够。", ""),
                                                 ("调研不够。", "到基层次数偏少。"))),
        ],
        signature="某某局党组", date=_dt.date(2026, 12, 16)))


def wordart_letterhead() -> None:
    """A 红头 made with old (VML) WordArt, as Word 2003 templates did: the text is an attribute, not a run."""
    art = ('<w:r><w:pict><v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" '
           'xmlns:o="urn:schemas-microsoft-com:office:office" path="m@7,l@8,m@5,21600l@6,21600e"/>'
           '<v:shape id="WordArt1" type="#_x0000_t136" style="width:420pt;height:60pt" fillcolor="red" '
           'stroked="f"><v:textpath style="font-family:&quot;方正小标宋简体&quot;" string="某某市某某区教育局文件"/>'
           '</v:shape></w:pict></w:r>')
    body = [
        p(art),
        p("区教发〔2026〕30号", jc="center"),
        p("关于2026年秋季学期开学工作情况的报告", jc="center"),
        p("区人民政府："),
        p("一、基本情况"),
        p("全区各级各类学校按时开学，秩序井然。"),
        p("二、主要措施"),
        p("一是排查校舍安全。二是落实开学第一课。三是做好家校沟通。"),
        p("特此报告。"),
        p("某某市某某区教育局"),
        p("2026年9月10日"),
    ]
    build("wordart_letterhead", body)
    expect("wordart_letterhead", Report(
        letterhead=Letterhead(mark="某某市某某区教育局文件", number="区教发〔2026〕30号"),
        title="关于2026年秋季学期开学工作情况的报告", recipient="区人民政府",
        sections=[
            Section("基本情况", NONE, items=[Item(body="全区各级各类学校按时开学，秩序井然。")]),
            Section("主要措施", YISHI, run_on=True, items=items(("排查校舍安全。", ""), ("落实开学第一课。", ""),
                                                           ("做好家校沟通。", ""))),
        ],
        closing="特此报告。", signature="某某市某某区教育局", date=_dt.date(2026, 9, 10)))


CASES = [auto_numbering, style_numbering, restart_override, letterhead, textbox_letterhead, tables, revisions,
         closing_inline, attachments, deep_levels, plain_text_letterhead, joint_letterhead, heading_styles, inline_box,
         revised_numbering, wordart_letterhead]

if __name__ == "__main__":
    for case in CASES:
        case()
        print(case.__name__)
