"""The official frame around a report's body: 版头 (letterhead), 主送 (recipient), 附件, 版记 (record).

Works on the document's non-empty lines, before the body's structure is recognised, and takes out only what
it is sure of: a line it takes is never also left in the body, and a line it leaves is never lost.
"""

from __future__ import annotations

import datetime as _dt
import re

from models.importers.lines import Line
from models.report import Attachment, Letterhead, Record

_NUMBER = re.compile(r"[\w（）()]{1,24}[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d{1,4}\s*号")
_NAME_STOP = re.compile(r"[。，；：？！,.;:?!（）()《》“”\d]")
_SIGNERS = re.compile(r"签\s*发\s*人\s*[:：]\s*([^。，；：,;:]{0,40})$")  # names, never a sentence
_COPY_NO = re.compile(r"[0-9０-９]{6}")
_SECRECY = re.compile(r"(绝密|机密|秘密)(\s*★\s*\S*)?")
_URGENCY = re.compile(r"特急|加急|特提|平急")
_RULE = re.compile(r"[─━—\-_=＝★☆·\s]{3,}")
_MARK_END = re.compile(r"(文件|文\s件)$")
_CC = re.compile(r"抄\s*送\s*[:：]\s*(.*)$")
_ISSUED = re.compile(r"^(.*?)\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*印\s*发\s*$")
_ISSUED_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ATTACH_NOTE = re.compile(r"附\s*件\s*[:：]\s*(.*)$")
_ATTACH_MARK = re.compile(r"附\s*件\s*([0-9０-９]{0,2}|[一二三四五六七八九十]{0,2})\s*[:：]?")
_ATTACH_NUMBERED = re.compile(r"附\s*件\s*([0-9０-９一二三四五六七八九十]{1,2})\s*[:：]\s*(\S.*)$")
_LISTED = re.compile(r"([0-9０-９]{1,2})\s*[.．、]\s*(\S.*)$")
_RECIPIENT_NOT = re.compile(r"如下|以下|如次|现将|根据|按照|为了|为进一步|经研究|报告|汇报|主要|包括|是[:：]$")
_NOTE_LINE = re.compile(r"[（(].*[）)]|(联系人|联系电话|电话|此件|注|附注)\s*[：:].{0,40}|此件[^。]{0,20}。?")


def _is_rule(text: str) -> bool:
    return bool(_RULE.fullmatch(text)) and not any(ch.isalnum() for ch in text)


def _number_match(text: str):
    """The 发文字号 in a line, searched before a 签发人 label (the names after it are never part of the number)."""
    sm = _SIGNERS.search(text)
    return _NUMBER.search(text, 0, sm.start() if sm else len(text))


def _number_line(text: str, names_ok: bool = False) -> bool:
    """A line that is a 发文字号 (with 签发人 after it, or nothing else): not a sentence citing one; below a
    签发人 line (``names_ok``), the names that wrapped there may follow it (GB/T 9704 §7.2.4)."""
    m = _number_match(text)
    if not m or len(text) > 60:
        return False
    rest = (text[:m.start()] + text[m.end():]).strip()
    return not rest or bool(_SIGNERS.match(rest)) or (names_ok and _names(rest))


def _signers(text: str) -> list[str]:
    return [s for s in re.split(r"[\s、，,]+", text) if s]


def _names(text: str) -> bool:
    """A line of 签发人 names wrapped under the first (two a line, no label): short words, no punctuation."""
    names = _signers(text)
    return 0 < len(names) <= 4 and all(len(n) <= 8 and not _NAME_STOP.search(n) for n in names)


def _header_tokens(text: str) -> dict[str, str] | None:
    """份号, 密级 and 紧急程度 on one line (any of them, separated by spaces), or None."""
    found: dict[str, str] = {}
    for token in text.split():
        for key, rx in (("copy_no", _COPY_NO), ("secrecy", _SECRECY), ("urgency", _URGENCY)):
            if key not in found and rx.fullmatch(token):
                found[key] = token
                break
        else:
            return None
    return found or None


def take_letterhead(lines: list[Line], notes: list[str]) -> Letterhead | None:
    """Pop the 版头 off the top: 份号/密级/紧急程度, 发文机关标志, 发文字号 with 签发人, the red rule."""
    head = Letterhead()
    marks: list[str] = []
    used = 0
    labelled = [bool(_SIGNERS.match(ln.text)) for ln in lines[:8]]
    number_at = next((i for i, ln in enumerate(lines[:8]) if _number_line(ln.text, any(labelled[:i]))), -1)
    for i, ln in enumerate(lines[:10]):
        text = ln.text
        tokens = _header_tokens(text) if not head.number else None
        if tokens and any(getattr(head, key) for key in tokens):  # a second 份号 or 密级 is not the 版头's
            break
        if tokens:
            head.copy_no = tokens.get("copy_no", head.copy_no)
            head.secrecy = tokens.get("secrecy", head.secrecy)
            head.urgency = tokens.get("urgency", head.urgency)
        elif _is_rule(text) and (marks or head.number):
            pass
        elif not head.number and i == number_at:
            m = _number_match(text)
            head.number = m.group(0).strip()
            rest = (text[:m.start()] + " " + text[m.end():]).strip()
            sm = _SIGNERS.search(rest)
            if sm:
                head.signers = _signers(sm.group(1))
                rest = rest[:sm.start()].strip()
            elif head.signers and _names(rest):  # the last names, wrapped onto the number's line
                head.signers += _signers(rest)
                rest = ""
            if rest:  # something else on the number's line: leave the line alone
                head.number = ""
                break
        elif head.number and not head.signers and _SIGNERS.match(text):
            head.signers = _signers(_SIGNERS.match(text).group(1))
        elif not head.number and _SIGNERS.match(text) and number_at > i:
            head.signers += _signers(_SIGNERS.match(text).group(1))
        elif not head.number and head.signers and number_at > i and _names(text):  # names wrapped under the first
            head.signers += _signers(text)
        elif not head.number and len(text) <= 40 and not any(ch in text for ch in "。，；：") \
                and not text.startswith("关于") and (_MARK_END.search(text) or (ln.red and ln.size >= 26)
                                                     or number_at > i):
            marks.append(text)
        else:
            break
        used = i + 1
    if not marks and not head.number:
        return None
    head.mark = "\n".join(marks)
    del lines[:used]
    parts = [f"{name}“{value}”" for name, value in (
        ("份号", head.copy_no), ("密级", head.secrecy), ("紧急程度", head.urgency),
        ("发文机关标志", head.mark.replace("\n", " ")), ("发文字号", head.number), ("签发人", "、".join(head.signers)))
        if value]
    notes.append("版头：" + "、".join(parts))
    return head


def take_record(lines: list[str], notes: list[str]) -> Record | None:
    """Pop the 版记 off the bottom: 抄送：…, then 印发机关 and 2026年12月8日印发 (a table or plain lines)."""
    end = len(lines)
    while end and _is_rule(lines[end - 1]):
        end -= 1
    if not end:
        return None
    record = Record()
    i = end - 1
    m = _ISSUED.match(lines[i])
    found = False
    if m:
        d = _ISSUED_DATE.search(m.group(2))
        try:
            record.date = _dt.date(int(d.group(1)), int(d.group(2)), int(d.group(3)))
        except ValueError:
            return None
        record.issuer = m.group(1).strip()
        i -= 1
        if not record.issuer and i >= 0 and len(lines[i]) <= 30 and not _CC.match(lines[i]) \
                and not any(ch in lines[i] for ch in "。，；："):
            record.issuer = lines[i]
            i -= 1
        found = True
    while i >= 0 and _is_rule(lines[i]):
        i -= 1
    cc_lines = []
    j = i
    while j >= 0 and j >= i - (2 if found else 0):  # a wrapped 抄送 only above a 印发 line
        if _ISSUED.match(lines[j]):
            break
        cm = _CC.match(lines[j])
        if cm:
            record.cc = "".join([cm.group(1).strip()] + cc_lines)
            i = j - 1
            found = True
            break
        cc_lines.insert(0, lines[j])
        j -= 1
    if not found:
        return None
    while i >= 0 and _is_rule(lines[i]):
        i -= 1
    del lines[i + 1:]
    date = f"{record.date.year}年{record.date.month}月{record.date.day}日" if record.date else ""
    notes.append("版记：" + "、".join(f"{name}“{value}”" for name, value in (
        ("抄送", record.cc), ("印发机关", record.issuer), ("印发日期", date)) if value))
    return record


def _date_line(text: str) -> bool:
    """A date, alone or after the signature on its line (述职人：吴某某　2026年1月5日)."""
    from models.importers.structure import _signature_like, parse_date

    d, start = parse_date(text)
    before = text[:start].strip()
    return d is not None and len(text) <= 40 and (not any(ch in before for ch in "。，；：") or (
        text[:start][-1:].isspace() and _signature_like(before)))


def _attach_numbered(text: str, n: int) -> str:
    """The title of a 附件n：名称 line numbered ``n``, or ''."""
    m = _ATTACH_NUMBERED.match(text)
    if not m or m.group(1) not in (str(n), chr(0xFF10 + n) if n < 10 else "", "一二三四五六七八九十"[n - 1:n]):
        return ""
    return m.group(2).strip()


def take_attachments(lines: list[str], notes: list[str]) -> tuple[list[Attachment], list[str]]:
    """Pop 附件 pages (附件1 / title / body) after the date, the 附件说明 before the signature, and the
    附注 lines after the date. Returns (attachments, 附注 lines that have no place of their own)."""
    dates = [i for i, t in enumerate(lines) if _date_line(t)]
    if not dates:
        return [], []
    marks = [i for i, t in enumerate(lines) if _ATTACH_MARK.fullmatch(t) and i > dates[0]]
    last_date = max(d for d in dates if not marks or d < marks[0])
    pages: list[Attachment] = []
    starts = marks
    tail_end = starts[0] if starts else len(lines)
    if not all(_NOTE_LINE.fullmatch(t) for t in lines[last_date + 1:tail_end]):
        return [], []  # the date was not the signature's: leave the text where it is
    for k, s in enumerate(starts):
        stop = starts[k + 1] if k + 1 < len(starts) else len(lines)
        block = lines[s + 1:stop]
        title = block.pop(0) if block else ""
        pages.append(Attachment(title=title, body="\n".join(block)))
    extra = lines[last_date + 1:tail_end]
    del lines[last_date + 1:]
    # 附件说明: 附件：1.名称 / 2.名称 between the body and the signature
    titles: list[str] = []
    for i in range(max(0, last_date - 12), last_date + 1):
        # The body comes before an 附件说明: on the first line it is text, not a note about attachments.
        m = _ATTACH_NOTE.match(lines[i]) if 0 < i < len(lines) else None
        if not m and i < len(lines) and _attach_numbered(lines[i], 1):
            j = i  # 附件1：名称 / 附件2：名称, one line each, counted from 1
            while j < len(lines) and (title := _attach_numbered(lines[j], j - i + 1)) and len(lines[j]) <= 60:
                titles.append(title)
                j += 1
        elif not m:
            continue
        else:
            j = i + 1
            first = m.group(1).strip()
            lm = _LISTED.match(first)
            titles.append(lm.group(2) if lm else first)
            while j < len(lines) and (lm := _LISTED.match(lines[j])) and len(lines[j]) <= 60:
                titles.append(lm.group(2))
                j += 1
        between = lines[j:last_date]  # only the signature (局长：周某某 too) between the 附件说明 and the date
        from models.importers.structure import _signature_like

        if len(between) > 2 or any(len(t) > 25 or any(ch in t for ch in "。，；") or t.endswith(("：", ":"))
                                   or not _signature_like(t) for t in between):
            titles = []
            break
        del lines[i:j]
        break
    titles = [t for t in titles if t]
    attachments = pages
    for n, t in enumerate(titles):
        if n < len(attachments):
            if not attachments[n].title:
                attachments[n].title = t
            elif attachments[n].title != t:
                notes.append(f"附件说明中的“{t}”与附件{n + 1}的标题“{attachments[n].title}”不同，已按附件页的标题导入")
        else:
            attachments.append(Attachment(title=t))
    if attachments:
        notes.append("附件：" + "、".join(f"“{a.title}”" for a in attachments if a.title))
    return attachments, extra


def is_recipient(text: str) -> bool:
    """A 主送 line (区委： / 各科室、各直属单位：) or a 称谓 (各位领导、同志们：)."""
    return (text.endswith(("：", ":")) and 1 < len(text) <= 80 and "。" not in text and "；" not in text
            and not _RECIPIENT_NOT.search(text) and not re.match(r"[一二三四五六七八九十]+、|[（(]", text))


def take_recipient(lines: list[str]) -> str:
    """Pop the 主送 line (区委： / 各科室、各直属单位： / 同志们：) at the top of the body."""
    if lines and is_recipient(lines[0]):
        return lines.pop(0)[:-1].strip()
    return ""
