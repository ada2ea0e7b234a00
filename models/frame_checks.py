"""Checks of the official-document frame (GB/T 9704 §7.2, §7.3.2, §7.3.4, §7.4): 发文字号, 签发人, 主送, 附件, 抄送.

The layout writes the fixed words itself (the colon after the 主送 line, 附件N, 抄送：), so the author
typing them is a slip too. Each check yields (kind, field path, Hit); models/checks.py makes the Findings,
so this module needs nothing from it (no circle).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from models.fields import attachment_field
from models.report import Report, chinese_number
from models.textchecks import Hit

FRAME = "frame"
KINDS = {FRAME: ("warning", "处公文格式问题")}
LABELS = {FRAME: "公文格式"}

_LETTERHEAD_NAMES = {"mark": "发文机关标志", "number": "发文字号", "copy_no": "份号", "secrecy": "密级和保密期限",
                     "urgency": "紧急程度", "signers": "签发人"}
_RECORD_NAMES = {"cc": "抄送", "issuer": "印发机关", "date": "印发日期"}
_ATTACHMENT_NAMES = {"title": "标题", "body": "正文"}

# A year between brackets that are not the standard's 〔 〕 (U+3014/3015): [2026] 【2026】 (2026) ［2026］ ﹝2026﹞ …
_YEAR_RE = re.compile(r"(?P<open>[\[【(（［﹝〖{｛〔<《])\s*(?P<year>[0-9０-９]{4})\s*(?P<close>[\]】)）］﹞〗}｝〕>》])")
_WIDE_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_SERIAL_RE = re.compile(r"〕(?P<di>第?)(?P<zeros>0*)(?P<n>[0-9]+)(?P<hao>号?)\s*$")
_TRAILING_MARKS = "。．.，,；;：:、"
_MENTION_RE = re.compile(r"附件(?P<n>[0-9０-９]+|[一二三四五六七八九十]+)?(?:[：:]?\s*)(?:[《“\"](?P<name>[^》”\"\n]{1,60})[》”\"])?")
_HAND_NUMBER_RE = re.compile(r"^\s*附件\s*[0-9０-９一二三四五六七八九十]*\s*[：:．.、]?\s*")


def place_name(parts: tuple) -> str | None:
    """Words for a frame field path (letterhead.number -> 版头发文字号), or None for other paths."""
    head = parts[0]
    if head == "recipient":
        return "主送机关"
    if head == "letterhead" and len(parts) >= 2:
        name = _LETTERHEAD_NAMES.get(parts[1], parts[1])
        return f"版头第{parts[2] + 1}位{name}" if len(parts) == 3 and parts[2] else "版头" + name
    if head == "record" and len(parts) == 2:
        return "版记" + _RECORD_NAMES.get(parts[1], parts[1])
    if head == "attachments" and len(parts) == 3:
        return f"附件{parts[1] + 1}{_ATTACHMENT_NAMES.get(parts[2], parts[2])}"
    return None


def run(found: list, report: Report, add: Callable) -> None:
    """Append the frame's findings to ``found`` through checks._add(found, kind, path, hit, text)."""
    for path, hit, text in _hits(report):
        add(found, FRAME, path, hit, text)
    # A half-width colon typed after the 主送 line: "make it full-width" would only double the layout's colon.
    doubled = {(f.field, f.start) for f in found if f.kind == FRAME and f.field == "recipient"}
    found[:] = [f for f in found if not (f.kind == "halfwidth_punct" and (f.field, f.start) in doubled)]


def _hits(report: Report) -> Iterator[tuple[str, Hit, str]]:
    yield from _letterhead(report)
    yield from _recipient(report)
    yield from _attachments(report)
    yield from _record(report)


# --- 版头 -----------------------------------------------------------------------------------------

def _letterhead(report: Report) -> Iterator[tuple[str, Hit, str]]:
    lh = report.letterhead
    if lh is None:
        return
    if lh.number.strip():
        for hit in number_hits(lh.number):
            yield "letterhead.number", hit, lh.number
        year = _YEAR_RE.search(lh.number)
        if year and report.date and (y := int(year.group("year").translate(_WIDE_DIGITS))) != report.date.year:
            # Typical of a report copied from last year's: the number kept its old year.
            yield "letterhead.number", Hit(year.start("year"), year.end("year"),
                                           f"年份{y}与成文日期的年份{report.date.year}不一致"), lh.number
    if lh.copy_no.strip():
        for hit in _copy_no_hits(lh.copy_no):
            yield "letterhead.copy_no", hit, lh.copy_no
    if not any(s.strip() for s in lh.signers):
        # Reports go up (上行文): the 签发人 stands on the 发文字号's line (§7.2.6).
        blank = next((n for n, s in enumerate(lh.signers) if not s.strip()), 0)
        text = lh.signers[blank] if lh.signers else ""
        yield (f"letterhead.signers.{blank}",
               Hit(0, len(text), "上报的公文有版头时，应在发文字号同一行注明签发人，请添加签发人姓名"), text)


def year_in_number(number: str) -> tuple[int, int, str] | None:
    """(start, end, as it should be written) of the bracketed year in a 发文字号, e.g. [2026] -> 〔2026〕."""
    year = _YEAR_RE.search(number)
    return None if year is None else (year.start(), year.end(), _written_year(year))


def fresh_number(number: str, years: int) -> str:
    """The 发文字号 of a document copied from ``number``'s: the year ``years`` on, and the serial number an X
    to fill in (a serial number is never issued twice), e.g. XX党组〔2026〕5号 -> XX党组〔2027〕X号."""
    year = _YEAR_RE.search(number)
    if year is None:
        return number
    serial = _SERIAL_RE.search("〕" + number[year.end():])
    tail = "X号" if serial is not None else number[year.end():]
    value = int(year.group("year").translate(_WIDE_DIGITS)) + years
    return f"{number[:year.start()]}〔{value}〕{tail}"


def _written_year(year: re.Match) -> str:
    """A bracketed year as a 发文字号 writes it: 六角括号, Arabic digits, nothing between."""
    return f"〔{year.group('year').translate(_WIDE_DIGITS)}〕"


def number_hits(number: str) -> list[Hit]:
    """发文字号 slips: year brackets, digits, leading zeros, 第, a missing 号."""
    hits: list[Hit] = []
    year = _YEAR_RE.search(number)
    if year is None:
        if re.search(r"[0-9０-９]{4}", number):
            hits.append(Hit(0, len(number), "发文字号的年份应写在六角括号内，如：XX党组〔2026〕12号"))
        return hits
    right = _written_year(year)
    if year.group() != right:  # other brackets, full-width digits or spaces inside
        hits.append(Hit(year.start(), year.end(), f"年份“{year.group()}”应写作“{right}”（六角括号，阿拉伯数字）", right))
    rest = "〕" + number[year.end():]
    serial = _SERIAL_RE.search(rest)
    if serial is None:
        return hits
    offset = year.end() - 1  # rest[0] is the closing bracket, at year.end() - 1 in number
    if serial.group("di"):
        s = offset + serial.start("di")
        hits.append(Hit(s, s + 1, "序号前不加“第”", ""))
    if serial.group("zeros"):
        s = offset + serial.start("zeros")
        hits.append(Hit(s, s + len(serial.group("zeros")), "序号不编虚位，不加“0”（写 5号，不写 05号）", ""))
    if not serial.group("hao"):
        e = offset + serial.end("n")
        hits.append(Hit(e, e, "序号后应有“号”字", "号"))
    return hits


def _copy_no_hits(copy_no: str) -> list[Hit]:
    text = copy_no.strip()
    digits = text.translate(_WIDE_DIGITS)
    if digits.isascii() and digits.isdigit() and len(digits) <= 6:
        if digits != copy_no:
            return [Hit(0, len(copy_no), f"份号应为6位阿拉伯数字，如“{digits.zfill(6)}”", digits.zfill(6))]
        if len(digits) < 6:
            return [Hit(0, len(copy_no), f"份号应为6位阿拉伯数字，前面补0：“{digits.zfill(6)}”", digits.zfill(6))]
        return []
    return [Hit(0, len(copy_no), "份号应为6位阿拉伯数字，如“000012”")]


# --- 主送 -----------------------------------------------------------------------------------------

def _recipient(report: Report) -> Iterator[tuple[str, Hit, str]]:
    text = report.recipient
    stripped = text.rstrip()
    if stripped and stripped[-1] in "：:":
        yield "recipient", Hit(len(stripped) - 1, len(text),
                               "末尾的冒号由程序排版时自动加上，这里再输入会重复", ""), text
    elif not stripped and report.letterhead is not None:
        yield "recipient", Hit(0, len(text), "上报的公文应写主送机关（上级机关的全称或规范化简称）"), text


# --- 附件 -----------------------------------------------------------------------------------------

def _attachments(report: Report) -> Iterator[tuple[str, Hit, str]]:
    titles = [a.title.strip() for a in report.attachments]
    for n, a in enumerate(report.attachments):
        path = attachment_field(n, "title")
        title = a.title
        if not title.strip():
            yield path, Hit(0, len(title), "附件没有标题：附件说明和附件首页都要写附件名称"), title
            continue
        if (m := _HAND_NUMBER_RE.match(title)) and m.group().strip():
            yield path, Hit(0, m.end(), f"开头的“{m.group().strip()}”不必输入，附件说明和附件首页的“附件{n + 1}”由程序生成",
                            ""), title
        end = len(title.rstrip())
        start = end
        while start > 0 and title[start - 1] in _TRAILING_MARKS:
            start -= 1
        if start < end:
            yield path, Hit(start, len(title), "附件名称后不加标点符号", ""), title
    yield from _mentions(report, titles)


def _body_fields(report: Report) -> Iterator[tuple[str, str]]:
    yield "preamble", report.preamble
    for si, s in enumerate(report.sections):
        yield f"sections.{si}.intro", s.intro
        for ii, it in enumerate(s.items):
            yield f"sections.{si}.items.{ii}.lead", it.lead
            yield f"sections.{si}.items.{ii}.body", it.body
    yield "closing", report.closing


def _mentions(report: Report, titles: list[str]) -> Iterator[tuple[str, Hit, str]]:
    """附件2《…》 in the body: the number must exist and the name must be that attachment's title."""
    count = len(titles)
    for path, text in _body_fields(report):
        if "附件" not in text:
            continue
        for m in _MENTION_RE.finditer(text):
            raw_n, name = m.group("n"), m.group("name")
            if raw_n is None:
                if count == 0:
                    yield path, Hit(m.start(), m.start() + 2, "正文提到附件，但本报告还没有附件（在“公文格式”中添加）"), text
                elif name and count == 1 and titles[0] and _norm(name) != _norm(titles[0]):
                    yield path, Hit(m.start("name"), m.end("name"),
                                    f"附件名称“{name}”与附件的标题“{titles[0]}”不一致"), text
                continue
            n = _to_int(raw_n)
            if not 1 <= n <= count:
                have = f"只有{count}个附件" if count else "还没有附件"
                yield path, Hit(m.start(), m.end("n"), f"正文提到附件{n}，但本报告{have}"), text
            elif name and titles[n - 1] and _norm(name) != _norm(titles[n - 1]):
                yield path, Hit(m.start("name"), m.end("name"),
                                f"附件{n}的名称“{name}”与附件{n}的标题“{titles[n - 1]}”不一致"), text


def _norm(name: str) -> str:
    name = _HAND_NUMBER_RE.sub("", name)
    return re.sub(r"[\s《》“”\"。．.，,；;：:、]", "", name)


def _to_int(raw: str) -> int:
    raw = raw.translate(_WIDE_DIGITS)
    if raw.isdigit():
        return int(raw)
    return next((n for n in range(1, 100) if chinese_number(n) == raw), 0)


# --- 版记 -----------------------------------------------------------------------------------------

def _record(report: Report) -> Iterator[tuple[str, Hit, str]]:
    rec = report.record
    if rec is None:
        return
    if rec.date is not None and report.date is not None and rec.date < report.date:
        yield "record.date", Hit(0, 0, "印发日期早于成文日期（公文先成文、后印发）"), ""
    cc = rec.cc
    if (m := re.match(r"^\s*抄\s*送\s*[：:]\s*", cc)) is not None:
        yield "record.cc", Hit(0, m.end(), "“抄送：”由程序排版时自动加上，这里只写抄送机关", ""), cc
    stripped = cc.rstrip()
    names = stripped[m.end():] if m is not None else stripped
    for sep in re.finditer("、", names):
        s = sep.start() + (m.end() if m is not None else 0)
        yield "record.cc", Hit(s, s + 1, "抄送机关之间用逗号“，”隔开", "，"), cc
    if names.strip() and stripped[-1] != "。":
        last = stripped[-1]
        if last in _TRAILING_MARKS:
            yield "record.cc", Hit(len(stripped) - 1, len(cc), f"最后一个抄送机关后应标句号“。”，不是“{last}”", "。"), cc
        else:
            yield "record.cc", Hit(len(stripped), len(cc), "最后一个抄送机关后应标句号“。”", "。"), cc
