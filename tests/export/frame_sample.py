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
