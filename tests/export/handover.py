"""Reports for the .docx and OFD tests, in our own words: every numbering style, a run-on section, a frame."""

from __future__ import annotations

import datetime as dt

from models.report import HEADING, NONE, YISHI, Attachment, Item, Letterhead, Record, Report, Section

_LONG = ("围绕年度目标任务，逐项建立工作台账，明确责任单位和完成时限，每月调度一次进展情况，"
         "对滞后事项及时督促整改，确保各项任务按期保质完成。")


def plain_report() -> Report:
    """A personal report without the frame: what the .txt/.docx importer reads back field for field."""
    return Report(
        kind="blank",
        title="关于2026年度机关党建工作情况的报告",
        preamble="按照区委工作安排，现将本单位2026年度机关党建工作情况报告如下。" + _LONG,
        sections=[
            Section(heading="主要工作", numbering=YISHI, run_on=True, intro="一年来，我们坚持以党建引领业务工作。",
                    items=[Item(lead="加强理论学习。", body="全年组织集中学习12次，" + _LONG),
                           Item(lead="严格组织生活。", body="按期召开支部委员会和党员大会，" + _LONG)]),
            Section(heading="存在问题", numbering=YISHI, run_on=False,
                    items=[Item(lead="学用结合还不够紧密。", body="有的同志满足于读原文、记笔记，" + _LONG),
                           Item(lead="制度执行还有差距。", body="个别制度落实不够经常，" + _LONG)]),
            Section(heading="下步打算", numbering=HEADING,
                    items=[Item(lead="抓实政治建设。", body="把政治标准放在首位，" + _LONG),
                           Item(lead="抓牢作风建设。", body="持续整治形式主义、官僚主义，" + _LONG)]),
        ],
        closing="特此报告。",
        signature="中共某某区某某局机关委员会",
        date=dt.date(2026, 11, 26),
    )


def framed_report() -> Report:
    """A unit's 报告 with the whole frame: 版头 with 签发人, 主送, two attachments, 版记."""
    r = plain_report()
    r.sections.append(Section(heading="其他事项", numbering=NONE, items=[Item(body="无。")]))
    r.recipient = "区委组织部"
    r.letterhead = Letterhead(mark="中共某某区某某局委员会文件", number="某局党〔2026〕12号", signers=["张某某"])
    r.attachments = [Attachment(title="2026年度学习计划完成情况表", body="第一季度完成4次。\n第二季度完成3次。"),
                     Attachment(title="2027年度工作要点", body="继续抓好理论学习。")]
    r.record = Record(cc="区纪委监委", issuer="中共某某区某某局委员会办公室", date=dt.date(2026, 12, 8))
    return r
