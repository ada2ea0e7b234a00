"""Where a report's sections start: headings 一、 二、 (or 一. 一．), or 第一部分 第二部分 in a report written in
parts; the heading's number is generated again on export, so only its words are kept."""

from __future__ import annotations

import re

from models.importers.lines import ADDED_STOP

CN = "一二三四五六七八九十"
SENTENCE_END = "。！？" + ADDED_STOP

HEADING_RE = re.compile(rf"([{CN}]{{1,3}})[、.．]\s*")  # 一、 and, as often typed, 一. 一．
PART_RE = re.compile(rf"第([{CN}]{{1,3}})部分(?:\s*[、：:．.]\s*|\s+|$)")  # 第一部分　回顾, 第二部分：打算


def cn_to_int(s: str) -> int:
    """十一 -> 11, 二十 -> 20; 0 when the text is not a number 1..99."""
    if not s or any(ch not in CN for ch in s):
        return 0
    if "十" not in s:
        return CN.index(s) + 1 if len(s) == 1 else 0
    tens, _, ones = s.partition("十")
    if "十" in ones or len(tens) > 1 or len(ones) > 1:
        return 0
    t = CN.index(tens) + 1 if tens else 1
    o = CN.index(ones) + 1 if ones else 0
    return t * 10 + o if t < 10 and o < 10 else 0


def _in_parts(lines: list[str]) -> bool:
    """The report counts its parts 第一部分, 第二部分: those are its sections (any 一、 is inside a part)."""
    numbers = [cn_to_int(m.group(1)) for line in lines if (m := PART_RE.match(line))]
    return numbers[:2] == [1, 2]


def _bold_heading(line: str, bold: frozenset[str]) -> bool:
    """A short paragraph set bold throughout, not ending like a sentence: a heading typed without a number."""
    return line in bold and len(line) <= 30 and line[-1] not in SENTENCE_END + "；：，、;:,." and not any(
        rx.match(line) for rx in (HEADING_RE, PART_RE, _NUMBERED))


_NUMBERED = re.compile(rf"[（(]?([{CN}]{{1,3}}|\d{{1,2}})[）)是要、.．]|[\u2460-\u2487]")  # an item's number


def split_sections(lines: list[str], notes: list[str], bold: frozenset[str] = frozenset()) -> list[tuple[str, list[str]]]:
    """[("", preamble lines), (heading, lines), …]; headings must count 一、二、三、 (or 第一部分…) in order; in a
    report without numbered headings, two or more short bold paragraphs (``bold``: the lines set bold throughout)
    are its headings."""
    heading_re = HEADING_RE
    if _in_parts(lines):
        heading_re = PART_RE
        notes.append("“第一部分”“第二部分”等作为部分标题导入，导出时编为“一、”“二、”")
    elif not any((m := HEADING_RE.match(line)) and cn_to_int(m.group(1)) == 1 for line in lines):
        headings = [line for line in lines if _bold_heading(line, bold)]
        if len(headings) >= 2 and 2 * sum(line in bold for line in lines) <= len(lines):  # not a bold body text
            notes.append(f"没有编号的加粗段落“{headings[0]}”等 {len(headings)} 处作为部分标题导入")
            chunks: list[tuple[str, list[str]]] = [("", [])]
            for line in lines:
                if _bold_heading(line, bold):
                    chunks.append((line, []))
                else:
                    chunks[-1][1].append(line)
            return chunks
    chunks: list[tuple[str, list[str]]] = [("", [])]
    for line in lines:
        m = heading_re.match(line)
        if m and cn_to_int(m.group(1)) == len(chunks):
            rest = line[m.end():]
            cut = next((i for i, ch in enumerate(rest) if ch in SENTENCE_END), -1)
            if 0 <= cut < len(rest) - 1:  # heading and text on one line: the text starts the section
                chunks.append((rest[:cut + 1], [rest[cut + 1:].strip()]))
            else:
                chunks.append((rest, []))
        else:
            chunks[-1][1].append(line)
    return chunks
