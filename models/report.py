"""The report as plain dataclasses; numbers are derived from position, never stored."""

from __future__ import annotations

import dataclasses
import datetime as _dt
from dataclasses import dataclass, field

# Numbering styles of a section's items.
YISHI = "yishi"  # 一是……二是……, the lead phrase set bold
HEADING = "heading"  # （一）（二） sub-headings with body paragraphs under them
NONE = "none"  # plain paragraphs
NUMBERING_STYLES = (YISHI, HEADING, NONE)

_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """Write 1..99 the way documents count: 一, 十, 十一, 二十, 二十一."""
    if n <= 0:
        raise ValueError(n)
    if n < 10:
        return _DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        head = "" if tens == 1 else _DIGITS[tens]
        return head + "十" + (_DIGITS[ones] if ones else "")
    return str(n)


def section_number(index: int) -> str:
    """一、 二、 … for the section at 0-based ``index``."""
    return chinese_number(index + 1) + "、"


def item_number(numbering: str, index: int) -> str:
    """The generated number of the item at 0-based ``index``: 一是, （一）, or ''."""
    if numbering == YISHI:
        return chinese_number(index + 1) + "是"
    if numbering == HEADING:
        return "（" + chinese_number(index + 1) + "）"
    return ""


def format_date(d: _dt.date | None) -> str:
    """GB/T 9704 date: Arabic numerals, full year, no leading zeros."""
    if d is None:
        return ""
    return f"{d.year}年{d.month}月{d.day}日"


def now_iso() -> str:
    return _dt.datetime.now().astimezone().isoformat(timespec="seconds")


@dataclass
class Item:
    lead: str = ""
    body: str = ""
    id: int | None = None

    def char_count(self) -> int:
        return count_chars(self.lead) + count_chars(self.body)


@dataclass
class Section:
    heading: str = ""
    numbering: str = YISHI
    run_on: bool = False  # yishi only: all items in one paragraph, as in the sample
    intro: str = ""
    items: list[Item] = field(default_factory=list)
    id: int | None = None

    def char_count(self) -> int:
        return count_chars(self.heading) + count_chars(self.intro) + sum(
            i.char_count() for i in self.items
        )


@dataclass
class Attachment:
    """An attachment printed from a new page after the signature (GB/T 9704 §7.3.4, §8)."""

    title: str = ""
    body: str = ""
    id: int | None = None

    def char_count(self) -> int:
        return count_chars(self.title) + count_chars(self.body)


@dataclass
class Letterhead:
    """The 版头 of a unit's document: 发文机关标志, 发文字号, 签发人 and the lines above them."""

    mark: str = ""  # 发文机关标志, e.g. 中共XX区XX局党组文件
    number: str = ""  # 发文字号, e.g. XX党组〔2026〕12号
    signers: list[str] = field(default_factory=list)  # 签发人 (upward documents)
    copy_no: str = ""  # 份号, 6 Arabic digits
    secrecy: str = ""  # 密级和保密期限
    urgency: str = ""  # 紧急程度


@dataclass
class Record:
    """The 版记 at the foot of the last even page: 抄送, 印发机关, 印发日期."""

    cc: str = ""
    issuer: str = ""
    date: _dt.date | None = None


@dataclass
class Report:
    kind: str = "blank"
    title: str = ""  # a newline is a forced title line break
    preamble: str = ""
    sections: list[Section] = field(default_factory=list)
    closing: str = ""
    signature: str = ""
    date: _dt.date | None = None
    page_limit: int | None = None  # the author's own limit, for the checks
    recipient: str = ""  # 主送机关 or 称谓; the layout adds the trailing ：
    attachments: list[Attachment] = field(default_factory=list)
    letterhead: Letterhead | None = None
    record: Record | None = None
    seal: bool = False  # signature and date laid out for a seal (§7.3.5.1)
    # 沿用: field path -> the text 复制为新报告 carried over from the old report; see models/carried.py.
    carried: dict[str, str] = field(default_factory=dict)
    created: str = ""
    updated: str = ""
    id: int | None = None

    def char_count(self) -> int:
        return (
            count_chars(self.title)
            + count_chars(self.preamble)
            + sum(s.char_count() for s in self.sections)
            + count_chars(self.closing)
            + count_chars(self.signature)
            + count_chars(self.recipient)
            + sum(a.char_count() for a in self.attachments)
        )

    def uses_frame(self) -> bool:
        """It already has a 版头, 版记, seal or 附件: what would be printed of the official-document frame."""
        return bool(self.letterhead is not None or self.record is not None or self.attachments or self.seal)

    def copy(self) -> Report:
        """A deep copy without database ids, to be stored as a new report."""
        new = dataclasses.replace(
            self,
            sections=[
                dataclasses.replace(s, id=None, items=[dataclasses.replace(i, id=None) for i in s.items])
                for s in self.sections
            ],
            attachments=[dataclasses.replace(a, id=None) for a in self.attachments],
            letterhead=dataclasses.replace(self.letterhead, signers=list(self.letterhead.signers))
            if self.letterhead else None,
            record=dataclasses.replace(self.record) if self.record else None,
            carried=dict(self.carried),
            id=None,
            created="",
            updated="",
        )
        return new

    def content_equal(self, other: Report) -> bool:
        """True when both hold the same text and structure, ignoring ids and times."""
        return _content(self) == _content(other)


def _content(r: Report) -> tuple:
    return (
        r.kind, r.title, r.preamble, r.closing, r.signature, r.date, r.page_limit,
        tuple(
            (s.heading, s.numbering, s.run_on, s.intro, tuple((i.lead, i.body) for i in s.items))
            for s in r.sections
        ),
        r.recipient, tuple((a.title, a.body) for a in r.attachments),
        dataclasses.astuple(r.letterhead) if r.letterhead else None,
        dataclasses.astuple(r.record) if r.record else None, r.seal,
    )


def count_chars(text: str) -> int:
    """Characters an official would count: everything but whitespace."""
    # str.split() splits on exactly the characters str.isspace() accepts, in C: ~50x faster.
    return sum(map(len, text.split()))


def warm_up_report() -> Report:
    """A few words of each kind of field, for warming up a process: the layout, the checks and the proofreader's
    rules are ready before the first real report (ui/startup.py, ui/check_runner.py, export/preview.py)."""
    report = Report(title="关于2026年工作情况的报告", preamble="现将有关情况报告如下：", signature="某某单位",
                    date=_dt.date(2026, 1, 1))
    report.sections.append(Section(heading="工作情况", items=[Item("抓落实", "全年完成任务12项，同比增长5.6%。")]))
    return report
