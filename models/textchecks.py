"""Scanners over one field's text: placeholders, half-width punctuation, unpaired marks, hand numbering.

Each scanner returns Hits (character ranges in the text); models/checks.py turns them into Findings.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import NamedTuple


class Hit(NamedTuple):
    start: int
    end: int
    message: str
    fix: str | None = None


# --- placeholders -------------------------------------------------------------------------------

_X = "XxＸｘ×"
_LATIN = "A-Za-z0-9Ａ-Ｚａ-ｚ０-９"
_MEASURES = (
    "批次|平方米|公里|小时|分钟|百分点|万元|亿元|个|余|多|人|名|次|期|批|件|项|家|所|场|篇|条|处|户|元|万|亿|千|百|位|支|台"
    "|辆|套|本|册|份|张|起|座|间|栋|亩|米|吨|倍|轮|届|岗|班|组|类|种|门|节|课|部|例|株|片|段|级|点|%|％|年|月|日|天|周|号|岁"
)
_MEASURE_RE = re.compile(rf"(?:余|多)?(?:{_MEASURES})")
_X_RUN = rf"[{_X}]+(?:[.．][{_X}]+)?"
_PLACEHOLDER_RE = re.compile(
    rf"(?=[{_X}*＊某待TtT【（(□_＿])(?:"  # a cheap first-character test before the alternatives
    + "|".join([
        # an X run standing for a number: X个, X余人, X.X%, 近X人, 第X批 (not Excel, X光, Windows XP, 3×4)
        rf"(?<![{_LATIN}.．])(?P<num>{_X_RUN})(?![{_LATIN}])(?=(?:{_MEASURES}))",
        rf"(?<=[近约共第达超逾计占])(?<!中共)(?P<num2>{_X_RUN})(?![{_LATIN}])",  # 共X人, but 中共××区委 is a name
        rf"(?<![{_LATIN}])(?P<xx>[{_X}]{{2,}})(?![{_LATIN}])",  # XX县, ×××同志
        rf"(?<=某)(?P<times>[{_X}])(?![{_LATIN}])",  # 某×局 (but not 长×宽)
        r"(?P<stars>\*{2,}|＊{2,})",
        r"(?P<word>某某+|待补充|待核实|待定(?![夺论])|待填写|待填|待确认|待更新|(?<![A-Za-z])(?:TODO|todo|TBD)(?![A-Za-z]))",
        r"(?P<blank>【[\s\u3000]*】|[（(][\s\u3000]*[）)]|□+|_{3,}|＿{2,})",
    ])
    + ")"
)


def placeholders(text: str) -> list[Hit]:
    """Unfilled places an author left in the text."""
    hits = []
    for m in _PLACEHOLDER_RE.finditer(text):
        s, e = m.span()
        if m.lastgroup in ("num", "num2"):
            before = text[s - 1] if s and text[s - 1] in "近约共第达超逾计占" else ""
            after = _MEASURE_RE.match(text, e)
            context = before + m.group() + (after.group() if after else "")
            msg = f"“{context}”中的“{m.group()}”待填写数字"
        else:
            msg = f"“{m.group()}”待填写"
        hits.append(Hit(s, e, msg))
    return _told_apart(text, hits)


def _told_apart(text: str, hits: list[Hit]) -> list[Hit]:
    """Two places in one field with the same words (标题：“XX”待填写, twice) say where each is: the characters
    around it (“中共XX区”中的“XX”待填写), else which one it is (第2处)."""
    seen: dict[str, int] = {}
    for h in hits:
        seen[h.message] = seen.get(h.message, 0) + 1
    if all(n == 1 for n in seen.values()):
        return hits
    out = []
    for h in hits:
        if seen[h.message] > 1:
            line_start = text.rfind("\n", 0, h.start) + 1
            line_end = text.find("\n", h.end)
            line_end = len(text) if line_end < 0 else line_end
            around = text[max(line_start, h.start - 3):min(line_end, h.end + 3)]
            h = h._replace(message=f"“{around}”中的“{text[h.start:h.end]}”待填写"
                           + ("数字" if h.message.endswith("数字") else ""))
        out.append(h)
    total: dict[str, int] = {}
    for h in out:
        total[h.message] = total.get(h.message, 0) + 1
    counts: dict[str, int] = {}
    for n, h in enumerate(out):
        if total[h.message] > 1:
            counts[h.message] = counts.get(h.message, 0) + 1
            out[n] = h._replace(message=f"{h.message}（第{counts[h.message]}处）")
    return out


# --- half-width punctuation ---------------------------------------------------------------------

_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）", ".": "。"}
_NAMES = {",": "逗号", ";": "分号", ":": "冒号", "?": "问号", "!": "叹号", "(": "括号", ")": "括号", ".": "句号"}
_HALF_MARKS = set(_FULL) | {'"', "'"}
_HALF_RE = re.compile(r"[,;:?!().\"']")
_MARK_RE = re.compile(r"[,;:?!().\"'“”‘’]")


def is_cjk(ch: str | None) -> bool:
    """A Chinese character or Chinese punctuation mark (the context that wants full-width marks)."""
    if not ch:
        return False
    o = ord(ch)
    return (0x3000 <= o <= 0x303F or 0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF
            or 0xFF01 <= o <= 0xFF60 or 0x20000 <= o <= 0x3FFFF or ch in "“”‘’—…·")


def _ideograph(ch: str | None) -> bool:
    return bool(ch) and (0x3400 <= ord(ch) <= 0x9FFF or 0x20000 <= ord(ch) <= 0x3FFFF)


_SIGNIFICANT_RE = re.compile(r"[^\s,;:?!().\"']")  # neither a space nor a half-width mark
_CJK_RE = re.compile("[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60"
                     "\U00020000-\U0003ffff“”‘’—…·]")  # what is_cjk says yes to


class _Context:
    """Where the nearest characters around a mark are, found by bisection in positions listed once: looking
    outwards from every mark was quadratic in a run of thousands of marks or spaces."""

    def __init__(self, text: str):
        self.text = text
        self.significant = [m.start() for m in _SIGNIFICANT_RE.finditer(text)]
        self.cjk = [m.start() for m in _CJK_RE.finditer(text)]

    def before(self, i: int) -> str | None:
        """The nearest character before i that is neither a space nor a half-width mark."""
        k = bisect_left(self.significant, i) - 1
        return self.text[self.significant[k]] if k >= 0 else None

    def after(self, i: int) -> str | None:
        k = bisect_right(self.significant, i)
        return self.text[self.significant[k]] if k < len(self.significant) else None

    def cjk_inside(self, a: int, b: int) -> bool:
        """Is there Chinese text strictly between a and b?"""
        k = bisect_right(self.cjk, a)
        return k < len(self.cjk) and self.cjk[k] < b


def halfwidth(text: str) -> list[Hit]:
    """, ; : ? ! ( ) . " ' typed half-width in Chinese text, each with its full-width fix."""
    if not _HALF_RE.search(text):
        return []
    hits: list[Hit] = []
    parens = _paren_pairs(text)
    around = _Context(text)
    opened = {"\"": False, "'": False}
    for m in _MARK_RE.finditer(text):
        i, ch = m.start(), m.group()
        if ch in "“”‘’":  # curly quotes set the state straight quotes continue from
            opened['"' if ch in "“”" else "'"] = ch in "“‘"
            continue
        prev, nxt = around.before(i), around.after(i)
        if ch in "\"'":
            if ch == "'" and i > 0 and i + 1 < len(text) and text[i - 1].isalpha() and text[i + 1].isalpha() \
                    and text[i - 1].isascii() and text[i + 1].isascii():
                continue  # don't, it's
            closing = opened[ch]
            opened[ch] = not closing
            fix = ("”" if closing else "“") if ch == '"' else ("’" if closing else "‘")
            a, b = _quote_span(text, i, ch, closing)
            if is_cjk(prev) or is_cjk(nxt) or around.cjk_inside(a, b):
                hits.append(Hit(i, i + 1, f"半角引号 {ch} 应改为全角 {fix}", fix))
            continue
        if ch in "()":
            pair = parens.get(i)
            if pair is not None:
                a, b = sorted((i, pair))
                wanted = is_cjk(around.before(a)) or is_cjk(around.after(b)) or around.cjk_inside(a, b)
            else:
                wanted = is_cjk(prev) or is_cjk(nxt)
        elif prev is not None and nxt is not None and prev.isdigit() and nxt.isdigit():
            continue  # 1,000  3:2  12.5
        elif ch == ".":
            after = text[i + 1:i + 2]
            wanted = _ideograph(text[i - 1] if i else None) and (not after or after.isspace() or _ideograph(after))
        else:
            wanted = is_cjk(prev) or is_cjk(nxt)
        if wanted:
            hits.append(Hit(i, i + 1, f"半角{_NAMES.get(ch, '标点')}“{ch}”应改为全角“{_FULL[ch]}”", _FULL[ch]))
    return hits


def _paren_pairs(text: str) -> dict[int, int]:
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for m in re.finditer(r"[()]", text):
        i, ch = m.start(), m.group()
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            j = stack.pop()
            pairs[i], pairs[j] = j, i
    return pairs


def _quote_span(text: str, i: int, ch: str, closing: bool) -> tuple[int, int]:
    """(a, b): what the straight quote at i encloses lies strictly between a and b."""
    if closing:
        return max(text.rfind(ch, 0, i), text.rfind("“" if ch == '"' else "‘", 0, i)), i
    j = text.find(ch, i + 1)
    return i, j if j >= 0 else len(text)


# --- a paragraph without its closing mark ------------------------------------------------------------

_STOPS = "。！？；：…—”’）」』〕】》.!?;:)\"'"


def missing_stops(text: str, shortest: int = 16) -> list[Hit]:
    """Paragraphs (lines) of running text that end on a character, not a mark: 狠抓落实 → 狠抓落实。 A line
    shorter than ``shortest`` without a comma may be a heading or a list line, and is left alone."""
    hits = []
    start = 0
    for line in text.split("\n"):
        body = line.rstrip()
        end = start + len(body)
        if body and body[-1] not in _STOPS and _ideograph(body[-1]) and (len(body) >= shortest or "，" in body):
            hits.append(Hit(end, end, f"“{body[-6:]}”段末缺少句号", "。"))
        start += len(line) + 1
    return hits


# --- unpaired marks -----------------------------------------------------------------------------

_PAIRS = (("“", "”"), ("（", "）"), ("《", "》"), ("【", "】"))


def unpaired(text: str) -> list[Hit]:
    """“ without ”, （ without ）, 《 without 》, 【 without 】, and closing marks without an opening one."""
    hits = []
    for open_, close in _PAIRS:
        if open_ not in text and close not in text:
            continue
        stack: list[int] = []
        for m in re.finditer(f"[{open_}{close}]", text):
            i, ch = m.start(), m.group()
            if ch == open_:
                stack.append(i)
            elif ch == close:
                if stack:
                    stack.pop()
                else:
                    hits.append(Hit(i, i + 1, f"“{close}”前面缺少对应的“{open_}”"))
        hits.extend(Hit(i, i + 1, f"“{open_}”后面缺少对应的“{close}”") for i in stack)
    return sorted(hits)


# --- numbering typed by hand --------------------------------------------------------------------

_CN = "一二三四五六七八九十"
NUMBER_AT_START = re.compile(
    rf"^\s*(?:[{_CN}]{{1,3}}[是要](?=\S)|[（(][{_CN}\d]{{1,3}}[）)]|\d{{1,2}}[.．、](?!\d)|第[{_CN}]{{1,3}}[，,、：:]"
    rf"|[{_CN}]{{1,3}}、)\s*"
)
# Spaces but not line breaks after the boundary: each line break is a boundary of its own, so a run of
# thousands of them is scanned once, not once from every break (that was quadratic).
_SEQ_RE = re.compile(
    rf"(?:^|(?<=[。；！？：;:!?，\n])|(?<=其中))[^\S\n]*(?:(?P<shi>[{_CN}]{{1,3}})是|(?P<yao>[{_CN}]{{1,3}})要"
    rf"|第(?P<di>[{_CN}]{{1,3}})(?=[，,、：:])|[（(](?P<paren>[{_CN}]{{1,3}})[）)]"
    r"|(?P<arabic>\d{1,2})[.．、](?!\d)|[（(](?P<paren_arabic>\d{1,2})[）)])"
)


def number_at_start(text: str) -> Hit | None:
    """A number such as 一是, （一）, 1. or 一、 typed at the start of a field the app numbers itself."""
    m = NUMBER_AT_START.match(text)
    if not m or not m.group().strip():
        return None
    return Hit(m.start(), m.end(), f"开头的“{m.group().strip()}”是手工编号，编号由程序自动生成", "")


def sequence_markers(text: str, cn_to_int) -> list[tuple[str, int, int, int, str]]:
    """(kind, number, start, end, marker) for 一是/一要/第一/（一） at sentence starts."""
    out = []
    for m in _SEQ_RE.finditer(text):
        kind = m.lastgroup or ""
        n = int(m.group(kind)) if kind.endswith("arabic") else cn_to_int(m.group(kind))
        if n:
            marker = m.group().strip()
            out.append((kind, n, m.end() - len(marker), m.end(), marker))
    return out
