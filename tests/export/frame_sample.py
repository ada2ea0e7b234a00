"""Unit reports with the official-document frame, written for the tests (invented units and text)."""

from __future__ import annotations

import datetime as dt

from models.report import YISHI, Attachment, Item, Letterhead, Record, Report, Section

MARK = "中共青溪县农业农村局党组文件"
NUMBER = "青农党〔2026〕7号"

_WORK = ("局党组把全面从严治党作为头等大事来抓，年初召开专题会议研究部署，逐级签订责任书，"
         "班子成员按照分工抓好分管领域的党风廉政建设，做到工作部署到哪里、监督检查就跟进到哪里。")
_STUDY = ("坚持第一议题制度，全年组织理论学习中心组学习十二次，开展专题研讨四次，"
          "围绕乡村振兴和粮食安全主题深入基层调研，形成调研报告六篇，推动学习成果转化为工作成效。")
_CHECK = ("聚焦惠农补贴资金发放、农田建设项目招投标等重点环节，开展专项检查三轮，"
          "发现并督促整改问题十九个，建立长效机制五项，对两名干部进行提醒谈话。")


def body_sections(items: int = 3) -> list[Section]:
    texts = [_WORK, _STUDY, _CHECK]
    leads = ["压实主体责任", "加强理论武装", "强化监督检查"]
    return [
        Section(heading="履行主体责任情况", numbering=YISHI, run_on=False,
                items=[Item(lead=leads[k % 3], body=texts[k % 3]) for k in range(items)]),
        Section(heading="下一步工作打算", numbering=YISHI, run_on=False,
                items=[Item(lead="持续深化作风建设", body=_STUDY)]),
    ]


def unit_report(*, attachments: int = 3, letterhead: bool = True, record: bool = True, seal: bool = False,
                items: int = 3, signers: int = 1, cc: str = "县纪委监委派驻第三纪检监察组。") -> Report:
    """A 党组 reporting up to the 县委: 版头, 主送, body, signature, attachments, 版记."""
    names = ["王建国", "李红梅", "赵志强"][:signers]
    atts = [
        Attachment(title="2026年度党风廉政建设责任清单落实情况统计表",
                   body="一、责任清单共列明任务四十二项，已全部完成。\n二、各股室按季度报送落实情况，局党组逐项审核。"),
        Attachment(title="专项检查发现问题及整改情况",
                   body="农田建设项目资料归档不及时的问题，已于九月底前完成整改，并建立项目档案管理台账。"),
        Attachment(title="下一步重点任务分工方案",
                   body="按照“谁主管、谁负责”的原则，把重点任务逐项分解到班子成员和股室，明确完成时限。"),
    ][:attachments]
    return Report(
        kind="unit",
        title="中共青溪县农业农村局党组\n关于2026年度履行全面从严治党主体责任情况的报告",
        recipient="县委",
        preamble="根据县委关于报告年度全面从严治党主体责任落实情况的通知要求，现将我局有关情况报告如下。",
        sections=body_sections(items),
        closing="特此报告。",
        signature="中共青溪县农业农村局党组",
        date=dt.date(2026, 12, 8),
        attachments=atts,
        letterhead=Letterhead(mark=MARK, number=NUMBER, signers=names, copy_no="000012", secrecy="",
                              urgency="") if letterhead else None,
        record=Record(cc=cc, issuer="青溪县农业农村局办公室", date=dt.date(2026, 12, 8)) if record else None,
        seal=seal,
    )


# ---- reading a frame PDF back (pdfplumber), in mm from the page's top-left corner as a ruler would ----

def render(report, *, taoda: bool = False):
    """(pdfplumber PDF, ExportResult) of ``report`` typeset in memory."""
    import io

    import pdfplumber

    from export.backends.pdf import render_pdf_bytes

    data, result = render_pdf_bytes(report, deterministic=True, taoda=taoda)
    return pdfplumber.open(io.BytesIO(data)), result


def mm(pt: float) -> float:
    from export import geometry as g

    return pt / g.MM


def em_top(ch) -> float:
    """mm from the page top to the top of the character's em box (baseline + 0.88 em)."""
    from export import geometry as g

    return mm(g.PAGE_HEIGHT - ch["matrix"][5] - g.EM_ASCENT * ch["size"])


def em_bottom(ch) -> float:
    from export import geometry as g

    return mm(g.PAGE_HEIGHT - ch["matrix"][5] + (1 - g.EM_ASCENT) * ch["size"])


def rows(page):
    """Text rows of a page, top to bottom: (baseline from the page top in mm, chars left to right)."""
    from export import geometry as g

    by: dict[float, list] = {}
    for ch in page.chars:
        by.setdefault(round(ch["matrix"][5], 1), []).append(ch)
    return [(mm(g.PAGE_HEIGHT - y), sorted(chars, key=lambda c: c["x0"])) for y, chars in
            sorted(by.items(), key=lambda kv: -kv[0])]


def row_with(page, text: str):
    """The chars of the first row whose text contains ``text``, as a list."""
    for _y, chars in rows(page):
        if text in "".join(c["text"] for c in chars):
            return chars
    raise AssertionError(f"{text!r} not on the page: {[''.join(c['text'] for c in r) for _y, r in rows(page)]}")


def span(chars, text: str):
    """The chars spelling ``text`` inside a row."""
    s = "".join(c["text"] for c in chars)
    k = s.index(text)
    return chars[k:k + len(text)]


def red(ch) -> bool:
    return tuple(round(v, 3) for v in (ch.get("non_stroking_color") or ())) == (1.0, 0.0, 0.0)


def numbered_pages(pdf) -> list[int]:
    """Pages carrying a — N — page number (14 pt dashes under the 版心)."""
    from export import geometry as g

    out = []
    for n, page in enumerate(pdf.pages, 1):
        foot = [c for c in page.chars if c["size"] == g.SIZES["pagenum"] and c["text"] == "\u2014"
                and mm(g.PAGE_HEIGHT - c["matrix"][5]) > 297 - 35]
        if foot:
            out.append(n)
    return out
