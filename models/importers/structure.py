"""Recognise a report's structure in a document's lines (.txt, .docx, .doc/.wps, the clipboard) without losing
a character. The official frame (版头, 版记, 附件, 主送) is taken off first by frame.py.

Decisions (see also the helper report for issue 4):
- 一是/二是 items -> numbering "yishi", numbers stripped; run_on when the items ran on inside one paragraph.
- （一）（二） items -> numbering "heading", numbers stripped.
- 一要, 第一， 1. 1、 （1） items -> numbering "none" with the numbers KEPT in the text: the layout can only
  generate 一是 and （一）, and silently turning 一要 into 一是 would change the author's words.
- a section without any numbered items -> numbering "none", one item (empty lead) per paragraph.
- the lead phrase runs from after the number to the first 。！？ inclusive, so export reproduces the text.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import re
from pathlib import Path

from models.importers import frame
from models.importers.furniture import drop_page_numbers
from models.importers.headings import CN as _CN
from models.importers.headings import HEADING_RE, PART_RE, cn_to_int, split_sections
from models.importers.lines import ADDED_STOP, Line, plain_lines
from models.importers.sources import ParseError, decode_bytes
from models.importers.summary import ParseSummary
from models.report import (
    HEADING,
    NONE,
    YISHI,
    Attachment,
    Item,
    Report,
    Section,
    chinese_number,
    item_number,
    section_number,
)
from models.templates import guess_kind

__all__ = ["ParseError", "ParseSummary", "decode_bytes", "parse_text", "read_file", "report_text", "cn_to_int"]

_CN_DIGITS = {ch: i for i, ch in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "O": 0, "０": 0}
_SENTENCE_END = "。！？" + ADDED_STOP
_BREAK_BEFORE_ITEM = "。；！？：;:!?" + ADDED_STOP  # an inline item may start after these

_CLOSING_RE = re.compile(r"(特此|专此|以上报告|以上汇报|以上对照|以上是|以上就是|以上意见|以上请示|以上材料|以上发言|妥否|当否|"
                         r"请审阅|请审示|请批示|此致|谢谢大家|谢谢[！!。]?$|谢谢各位|现予(报告|汇报)|谨此|此报。?$|"
                         r".{0,24}(特此|专此)(报告|汇报|请示|说明|通报)[。！]?$|.{0,30}为盼[。！]?$|"
                         r".{0,24}(请予审议|请审议|批评指正|请指正|请审定|请批示|请审阅|评议|请审查|请审核|请予批准)[。！]?$|"
                         r".{0,16}[请望](领导|各位领导|上级)?(审议|审阅|审定|审示|审批|审核|批示|阅示|批准|指正|备案)[。！]?$)")
_TITLE_ENDINGS = re.compile(r"(报告|总结|情况|意见|方案|通知|请示|汇报|材料|发言|讲话|述职|计划|要点|说明|提纲|[）)])$")

# Item markers by kind; the group is the number. Only the kinds in _STYLE have their numbers stripped.
_MARKERS: dict[str, re.Pattern[str]] = {
    "shi": re.compile(rf"([{_CN}]{{1,3}})是"),
    "yao": re.compile(rf"([{_CN}]{{1,3}})要"),
    "di": re.compile(rf"第([{_CN}]{{1,3}})(?=[，,、：:是])"),
    "paren": re.compile(rf"[（(]([{_CN}]{{1,3}})[）)]"),
    "arabic": re.compile(r"(\d{1,2})(?:[.．、)）](?!\d))"),
    "paren_arabic": re.compile(r"[（(](\d{1,2})[）)]"),
    "circled": re.compile(r"([\u2460-\u2473\u2474-\u2487])"),  # ①…⑳ and ⑴…⒇
}
_INLINE_KINDS = ("shi", "yao", "di")  # may run on inside a paragraph, after a sentence (一是…，二是… too)
_INLINE_LISTS = ("paren", "arabic", "paren_arabic", "circled")  # （一）…。（二）… and 1、…；2、… in one paragraph
_STYLE = {"shi": YISHI, "paren": HEADING}  # all other kinds: NONE, number kept in the text

_DATE_RES = (
    re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"),
    re.compile(r"(\d{4})\s*([./\-])\s*(\d{1,2})\s*\2\s*(\d{1,2})"),
    re.compile(r"([〇零○O０一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月\s*([一二三四五六七八九十]{1,3})\s*日"),
)


def _num(kind: str, text: str) -> int:
    if kind == "circled":
        return ord(text) - (0x2460 if ord(text) < 0x2474 else 0x2474) + 1
    return int(text) if kind in ("arabic", "paren_arabic") else cn_to_int(text)


def parse_date(text: str) -> tuple[_dt.date | None, int]:
    """(date, start) for a date ending ``text`` (2026年11月26日, 二〇二六年十一月二十六日, 2026.11.26, …)."""
    text = text.rstrip()
    for rx in _DATE_RES:
        for m in rx.finditer(text):
            if m.end() != len(text):
                continue
            g = [x for x in m.groups() if x not in ("-", ".", "/")]
            try:
                if g[0].isdigit():  # Arabic digits, half- or full-width
                    y, mo, d = int(g[0]), int(g[1]), int(g[2])
                else:
                    y = int("".join(str(_CN_DIGITS[ch]) for ch in g[0]))
                    mo, d = cn_to_int(g[1]), cn_to_int(g[2])
                return _dt.date(y, mo, d), m.start()
            except (ValueError, KeyError):
                continue
    return None, -1


def _is_structural(line: str) -> bool:
    return bool(HEADING_RE.match(line) or PART_RE.match(line)) or any(rx.match(line) for rx in _MARKERS.values())


def _title_like(line: str, commas: bool = False) -> bool:
    """A line that can be (part of) a title; ``commas``: a centred line or one above a 副标题 may hold ，."""
    return (
        0 < len(line) <= 64
        and line[-1] not in "。！？；：，、,.;:!?"
        and not any(ch in line for ch in ("。；" if commas else "。，；"))
        and not _is_structural(line)
        and parse_date(line)[0] is None
    )


_ORGANISATION = re.compile(r".{0,18}(委|部|局|厅|办|处|室|科|组|会|院|所|站|队|中心|公司|政府|党组|支部|党委|办公室)")
_DATE_LIKE = re.compile(r"\d\s*[年月日.\-/]")


def _signature_like(line: str) -> bool:
    """A short line that could sign the report: no sentence punctuation, no date, no number."""
    return (len(line) <= 25 and line[-1] not in "。！？；：，、,.;:!?" and "，" not in line
            and not re.match(r"附\s*件", line)
            and not _DATE_LIKE.search(line) and not _is_structural(line) and not _CLOSING_RE.match(line))


def _take_ending(lines: list[str], summary: ParseSummary,
                 cells: frozenset[str] = frozenset()) -> tuple[str, _dt.date | None, str]:
    """Pop (signature, date, closing) off the end of ``lines``; a table's last cell (``cells``: lines only found
    in table cells) is not a signature line above a date outside the table."""
    signature, date, closing = "", None, ""
    if lines:
        d, start = parse_date(lines[-1])
        before = lines[-1][:start] if d else ""
        if before and not before[-1].isspace():  # 截至2026年11月26日 is text, not a signature and a date
            d = None
        before = before.strip()
        if d and (not before or (len(before) <= 25 and before[-1] not in "。！？；：，")):
            summary.date_text = lines[-1][start:].strip()
            below = lines.pop() in cells
            date = d
            sig = [before] if before else []
            while lines and len(sig) < 2 and _signature_like(lines[-1]) and (below or lines[-1] not in cells):
                sig.insert(0, lines.pop())
            signature = "\n".join(sig)
        elif len(lines) > 1 and _signature_like(lines[-1]) and _ORGANISATION.fullmatch(lines[-1]):
            signature = lines.pop()  # without a date, only an organisation's name
    if len(lines) > 2 and re.fullmatch(r"敬礼[！!]?", lines[-1]) and lines[-2].startswith("此致"):
        closing = lines.pop(-2) + "\n" + lines.pop()  # 此致 / 敬礼！ on two lines
    elif lines and len(lines[-1]) <= 40 and _CLOSING_RE.match(lines[-1]) and len(lines) > 1:
        closing = lines.pop()
    elif lines and lines[-1][-1:] in _SENTENCE_END:  # 特此报告。 at the end of the last paragraph
        last = lines[-1]
        cut = max((i for i, ch in enumerate(last[:-1]) if ch in _SENTENCE_END), default=-1)
        tail = last[cut + 1:].strip()
        if cut >= 0 and len(tail) <= 40 and _CLOSING_RE.match(tail):
            lines[-1], closing = last[:cut + 1], tail
    return signature, date, closing


_NAME_LINE = re.compile(r"(述职人|报告人|汇报人|发言人)?[:：]?\s*.{2,24}?[\s\u3000]+[\u4e00-\u9fff]{2,4}"
                        r"|(述职人|报告人|汇报人|发言人)[:：]\s*[\u4e00-\u9fff]{2,4}")
_BRACKETED = re.compile(r"[（(][^（）()]{2,24}[）)]")  # （征求意见稿） or （2026年11月26日） under a title


def _take_title(lines: list[str], centered: frozenset[str] = frozenset()) -> str:
    """The title, over up to four paragraphs: a 副标题 (——在…上的讲话) and a 述职 name line are part of it."""
    subtitle = len(lines) > 1 and lines[1].startswith(("——", "—", "--"))
    if len(lines) < 2 or not _title_like(lines[0], commas=subtitle or lines[0] in centered):
        return ""
    run = 1
    while run < min(len(lines) - 1, 4) and _title_like(lines[run], commas=lines[run] in centered):
        run += 1
    if run > 1 and frame.is_recipient(lines[run]):  # every title-like line above the 主送 or 称谓
        title = lines[:run]
        del lines[:run]
        return "\n".join(title)
    title = [lines.pop(0)]
    if len(lines) >= 2 and _NAME_LINE.fullmatch(lines[0]) and _title_like(lines[0]):
        title.append(lines.pop(0))  # 述职 or 讲话: the speaker's post and name under the title
    elif (len(lines) >= 2 and not _TITLE_ENDINGS.search(title[0]) and _title_like(lines[0])
            and _TITLE_ENDINGS.search(lines[0])):
        title.append(lines.pop(0))
    while len(lines) >= 2 and len(title) < 4 and _title_like(lines[0], commas=lines[0] in centered) and (
            lines[0].startswith(("——", "—", "--")) or _BRACKETED.fullmatch(lines[0])
            or (title[0] in centered and lines[0] in centered)):
        title.append(lines.pop(0))
    return "\n".join(title)


def parse_text(text: str) -> tuple[Report, ParseSummary]:
    """Structure plain report text; every character is kept somewhere, numbers become generated ones."""
    return parse_lines(plain_lines(text))


def parse_lines(source: list[Line]) -> tuple[Report, ParseSummary]:
    """Structure a document's paragraphs: frame first (版头, 版记, 附件), then title, 主送, body, ending."""
    summary = ParseSummary()
    entries = [Line(part.strip(), ln.red, ln.size, ln.center, ln.in_table, ln.numbered, bold=ln.bold)
               for ln in source for part in ln.text.split("\n") if part.strip()]
    entries = drop_page_numbers(entries, summary.notes)
    bold = {}  # paragraph -> the bold sentence opening it, a lead without a number
    for ln in source:
        first, lead = ln.text.split("\n", 1)[0].strip(), ln.bold_lead.strip()
        if lead and lead[-1] in _SENTENCE_END + "：:" and first.startswith(lead) and len(first) > len(lead):
            bold[first] = lead
    summary.auto_numbers = sum(1 for ln in entries if ln.numbered)
    report = Report()
    report.letterhead = frame.take_letterhead(entries, summary.notes)
    lines = [ln.text for ln in entries]
    report.record = frame.take_record(lines, summary.notes)
    report.attachments, extra = frame.take_attachments(lines, summary.notes)
    if extra:  # 附注 such as （此件公开发布）: no field of its own; kept, in order, as a last attachment
        report.attachments.append(Attachment(title="", body="\n".join(extra)))
        summary.unplaced.append("日期后的“" + "”“".join(extra) + "”放在最后一个附件中")
    cells = frozenset(ln.text for ln in entries if ln.in_table) - {ln.text for ln in entries if not ln.in_table}
    report.signature, report.date, report.closing = _take_ending(lines, summary, cells)
    report.title = _take_title(lines, frozenset(ln.text for ln in entries if ln.center))
    report.recipient = frame.take_recipient(lines)
    if not report.closing and report.recipient and len(lines) > 1 and len(lines[-1]) <= 200:
        # a speech ends by calling its audience again: 同志们，让我们……！
        called = [c for c in re.split(r"[、，,\s]+", report.recipient) if c]
        if lines[-1][-1:] in "！!。" and any(lines[-1].startswith((c + "，", c + ",", c + "！")) for c in called):
            report.closing = lines.pop()
    in_tables = sum(1 for text in lines if text in cells)
    if in_tables:  # a report here has no tables: say so, or the official finds 指标 / 目标 / 完成 as lines later
        summary.notes.append(f"文中表格的 {in_tables} 个单元格已按顺序逐段导入（报告正文不排表格），请核对")
    chunks = split_sections(lines, summary.notes, frozenset(ln.text for ln in entries if ln.bold and not ln.in_table))
    report.preamble = "\n".join(chunks[0][1])
    for n, (heading, paras) in enumerate(chunks[1:], 1):
        report.sections.append(_build_section(heading, paras, summary.notes, f"第{chinese_number(n)}部分", bold))
    if not report.sections and lines:
        if _find_marker(lines, None, 1, 0, 0) is not None:  # items without section headings: one untitled section
            section = _build_section("", lines, summary.notes, "正文")
            report.preamble, section.intro = section.intro, ""
            report.sections.append(section)
            summary.untitled_section = True
            summary.notes.append("未找到“一、”“二、”形式的部分标题，各条放在一个无标题的部分中")
        else:
            summary.notes.append("未找到“一、”“二、”形式的部分标题，正文都放在开头语中")
    _restore_stops(report)
    report.kind = guess_kind(report)
    summary.sections = len(report.sections)
    summary.items = sum(len(s.items) for s in report.sections)
    summary.title, summary.closing, summary.closing_text = bool(report.title), bool(report.closing), report.closing
    summary.signature, summary.date = bool(report.signature), report.date is not None
    summary.recipient, summary.letterhead = report.recipient, report.letterhead is not None
    summary.record, summary.attachments = report.record is not None, len(report.attachments)
    return report, summary


def _restore_stops(value) -> None:
    """An added 。 (lines.ADDED_STOP) left anywhere but at the end of a lead is printed text: 。 again."""
    for f in dataclasses.fields(value):
        v = getattr(value, f.name)
        if isinstance(v, str) and ADDED_STOP in v:
            setattr(value, f.name, v.replace(ADDED_STOP, "。"))
        elif isinstance(v, list):
            for x in v:
                if dataclasses.is_dataclass(x):
                    _restore_stops(x)
        elif dataclasses.is_dataclass(v):
            _restore_stops(v)


def _find_marker(paras: list[str], kind: str | None, n: int, pi: int, pos: int) -> tuple[str, int, int, int] | None:
    """The next marker numbered ``n`` at or after (pi, pos): (kind, paragraph, start, end of number)."""
    kinds = (kind,) if kind else tuple(_MARKERS)
    for p in range(pi, len(paras)):
        text = paras[p]
        start = pos if p == pi else 0
        for i in range(start, len(text)):
            if i > 0 and text[i - 1] not in _BREAK_BEFORE_ITEM and text[i - 1] not in "，,":
                continue
            for k in kinds:
                if i > 0 and (k not in _INLINE_KINDS and k not in _INLINE_LISTS
                              or text[i - 1] in "，," and k not in ("shi", "yao")):
                    continue
                m = _MARKERS[k].match(text, i)
                if m and _num(k, m.group(1)) == n:
                    return k, p, i, m.end()
    return None


def _slice(paras: list[str], a: tuple[int, int], b: tuple[int, int]) -> str:
    """Text from (paragraph, offset) a up to b, paragraphs joined by newlines."""
    (pa, oa), (pb, ob) = a, b
    if pa == pb:
        return paras[pa][oa:ob].strip()
    parts = [paras[pa][oa:]] + paras[pa + 1:pb] + [paras[pb][:ob]]
    return "\n".join(p.strip() for p in parts if p.strip())


_KEPT_KINDS = ("arabic", "paren_arabic", "circled")  # numbers kept in the text: a list may go on from 3.


def _continued_list(paras: list[str]) -> tuple[str, int, int, int] | None:
    """A list numbered on from an earlier section (Word's automatic 3. 4. not restarted): its first marker,
    when the paragraph starting with it is followed by one starting with the next number."""
    for p, text in enumerate(paras):
        for k in _KEPT_KINDS:
            m = _MARKERS[k].match(text)
            if m and _num(k, m.group(1)) > 1:  # only the first numbered paragraph may go on from before
                nxt = _find_marker(paras, k, _num(k, m.group(1)) + 1, p, m.end())
                return (k, p, 0, m.end()) if nxt is not None and nxt[2] == 0 else None
    return None


def _build_section(heading: str, paras: list[str], notes: list[str], where: str,
                   bold: dict[str, str] | None = None) -> Section:
    first = _find_marker(paras, None, 1, 0, 0) or _continued_list(paras)
    if first is None:
        if paras:
            notes.append(f"{where}没有“一是”“（一）”等编号，按段落导入")
        bold = bold or {}
        return Section(heading=heading, numbering=NONE, items=[
            Item(lead=bold[p], body=p[len(bold[p]):].strip()) if p in bold else Item(body=p) for p in paras])
    kind = first[0]
    if kind not in _STYLE:
        number = paras[first[1]][first[2]:first[3]]
        notes.append(f"{where}的“{number}”等编号保留在文字中（程序只能自动生成“一是”和“（一）”）")
    style = _STYLE.get(kind, NONE)
    starts = [first]
    base = _num(kind, _MARKERS[kind].match(paras[first[1]], first[2]).group(1))  # 1, or 3 for a list going on
    while (nxt := _find_marker(paras, kind, base + len(starts), starts[-1][1], starts[-1][3])) is not None:
        starts.append(nxt)
    end = (len(paras) - 1, len(paras[-1]))
    intro = _slice(paras, (0, 0), (first[1], first[2]))
    items = []
    for i, (_, p, s, e) in enumerate(starts):
        stop = (starts[i + 1][1], starts[i + 1][2]) if i + 1 < len(starts) else (end[0], end[1])
        text = _slice(paras, (p, e if style != NONE else s), stop)
        lead = (bold or {}).get(paras[p], "")[e if style != NONE else 0:].strip() if s == 0 else ""
        if lead and text.startswith(lead):  # a bold lead phrase after the number, up to its 。 or ：
            items.append(Item(lead=lead.removesuffix(ADDED_STOP), body=text[len(lead):].strip()))
        else:
            items.append(_split_lead(text, style))
    run_on = kind in _INLINE_KINDS and any(s > 0 for _, _, s, _ in starts[1:])
    return Section(heading=heading, numbering=style, run_on=run_on, intro=intro, items=items)


def _split_lead(text: str, style: str) -> Item:
    """Lead phrase up to the first sentence end of the item's first paragraph; the rest is the body."""
    first, _, rest = text.partition("\n")
    cut = next((i for i, ch in enumerate(first) if ch in _SENTENCE_END), -1)
    if cut >= 0:
        body = (first[cut + 1:].strip() + "\n" + rest).strip()
        return Item(lead=first[:cut + (first[cut] != ADDED_STOP)], body=body)  # an added 。 is not the lead's
    if rest and style == HEADING:  # a sub-heading line without a full stop; elsewhere the layout would add 。
        return Item(lead=first, body=rest.strip())
    if not rest and first.endswith(("；", ";")) and first.count("；") + first.count(";") == 1:
        return Item(lead=first, body="")  # 一是加强学习；二是…: each short clause is its own lead
    if not rest and first.endswith(("，", ",")) and first.count("，") + first.count(",") == 1 and "；" not in first:
        return Item(lead=first, body="")  # 一是加强领导，二是…
    return Item(lead="", body=text)


def read_file(path: str | Path) -> tuple[Report, str]:
    """(report, summary line) from a .txt, .docx, .doc or .wps file."""
    from models.importers.dispatch import read_document

    report, summary = read_document(path)
    return report, summary.text()


def report_text(report: Report) -> str:
    """The report as plain text with generated numbers: what parse_text reads back into the same report."""
    out = [report.title, report.preamble]
    for si, s in enumerate(report.sections):
        out.append(section_number(si) + s.heading)
        out.append(s.intro)
        items = [item_number(s.numbering, ii) + it.lead + it.body for ii, it in enumerate(s.items)]
        if s.numbering == HEADING:
            items = [item_number(s.numbering, ii) + it.lead + "\n" + it.body for ii, it in enumerate(s.items)]
        out.extend(["".join(items)] if s.run_on else items)
    out += [report.closing, report.signature]
    if report.date:
        out.append(f"{report.date.year}年{report.date.month}月{report.date.day}日")
    return "\n".join(p for p in out if p) + "\n"

