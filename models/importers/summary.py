"""What an import understood, in the official's words: for the window, the 粘贴导入 dialog and the CLI."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ParseSummary:
    """What the parser recognised; str() is the one-line summary, lines() the longer one for the window."""

    sections: int = 0
    items: int = 0
    title: bool = False
    closing: bool = False
    signature: bool = False
    date: bool = False
    date_text: str = ""  # the date as written, before normalisation
    untitled_section: bool = False  # no 一、 headings: the items were put in one section with an empty heading
    notes: list[str] = field(default_factory=list)  # things the parser was unsure of
    recipient: str = ""
    letterhead: bool = False
    record: bool = False
    attachments: int = 0
    auto_numbers: int = 0  # Word automatic numbers turned into text before recognising the structure
    unplaced: list[str] = field(default_factory=list)  # what had no field of its own, and where it went
    source: str = ""  # 文本, Word 文档 (.docx), Word 97-2003 文档 (.doc) …
    closing_text: str = ""

    def found(self) -> list[str]:
        return [name for ok, name in ((self.title, "标题"), (self.recipient, "主送"), (self.letterhead, "版头"),
                                      (self.closing, "结束语"), (self.signature, "署名"), (self.date, "日期"),
                                      (self.attachments, f"附件 {self.attachments} 个"), (self.record, "版记"))
                if ok]

    def text(self) -> str:
        parts = [f"识别到 {self.sections} 个部分、{self.items} 条"]
        extra = self.found()
        if extra:
            parts.append("以及" + "、".join(extra))
        line = "，".join(parts)
        if self.notes or self.unplaced:
            line += "；" + "；".join(self.notes + self.unplaced)
        return line

    def lines(self) -> list[str]:
        """The summary as short lines: counts, what became which field, what was unsure, what was not placed."""
        out = [f"{self.sections} 部分 / {self.items} 条" + (f"（来自{self.source}）" if self.source else "")]
        if self.auto_numbers:
            out.append(f"Word 自动编号 {self.auto_numbers} 处已按显示的编号识别")
        if self.recipient:
            out.append(f"主送：{self.recipient}")
        if self.closing_text:
            out.append(f"结束语：{self.closing_text}")
        found = [n for n in self.found() if n != "主送"]
        if found:
            out.append("识别出：" + "、".join(found))
        if not self.title:
            out.append("未识别出标题：请在“基本信息”中填写")
        out += self.notes
        out += ["未能归位：" + u for u in self.unplaced]
        return out

    __str__ = text


def describe(report) -> ParseSummary:
    """A summary of an already structured report (the 粘贴导入 dialog keeps only the report)."""
    s = ParseSummary(sections=len(report.sections), items=sum(len(x.items) for x in report.sections),
                     title=bool(report.title), closing=bool(report.closing), signature=bool(report.signature),
                     date=report.date is not None, recipient=report.recipient,
                     letterhead=report.letterhead is not None, record=report.record is not None,
                     attachments=len(report.attachments), source="粘贴的文字")
    return s
