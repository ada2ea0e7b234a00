"""Numbering across the report, beyond what models/checks.py already reports (hand-typed, skipped and
repeated numbers): 一是 without 二是, levels out of the order 一、（一）1.（1）, mixed styles in a section."""

from __future__ import annotations

import re

from models.fields import item_field, section_field
from models.importers.structure import cn_to_int
from models.proofread.matcher import Slip
from models.proofread.rules import NUMBERING
from models.report import HEADING, NONE, Report, chinese_number
from models.textchecks import sequence_markers

_SRC_LEVELS = "GB/T 9704-2012 7.3.3（结构层次序数依次用“一、”“（一）”“1.”“（1）”）"
_SRC_SERIES = "公文写作规范：列举项须成组出现，同一层次编号方式一致"
_STYLE_NAMES = {"shi": "一是", "yao": "一要", "di": "第一", "paren": "（一）", "arabic": "1.", "paren_arabic": "（1）"}
_PAIRS = (("首先", ("其次", "然后", "再次", "最后", "二是", "第二")), ("一方面", ("另一方面",)), ("其一", ("其二",)))
_LEVEL_RE = re.compile(r"(?m)^[ \t\u3000]*(?:(?P<l1>[一二三四五六七八九十]{1,3})、|[（(](?P<l2>[一二三四五六七八九十]{1,3})[）)]"
                       r"|(?P<l3>\d{1,2})[.．](?!\d)|[（(](?P<l4>\d{1,2})[）)])")
_LEVEL_NAMES = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）"}


def check(report: Report) -> list[Slip]:
    out: list[Slip] = []
    for path in ("preamble", "closing"):
        _field(out, path, getattr(report, path), parent=0)
    for si, s in enumerate(report.sections):
        _field(out, section_field(si, "intro"), s.intro, parent=1)
        scope: list[tuple[str, str]] = []
        styles: list[tuple[str, str, int, int, str]] = []  # (style, path, start, end, marker) per item
        for ii, it in enumerate(s.items):
            path = item_field(si, ii, "body")
            parent = 2 if s.numbering != NONE else 1
            _field(out, path, it.body, parent, lonely=s.numbering != NONE, item_no=ii + 1 if s.numbering == HEADING else 0)
            scope.append((path, it.body))
            markers = sequence_markers(it.body, cn_to_int)
            if markers and s.numbering != NONE:
                kind, _n, start, end, marker = markers[0]
                styles.append((kind, path, start, end, marker))
        if s.numbering == NONE:
            _lonely_series(out, scope)
        elif len(s.items) == 1 and s.items[0].lead.strip():
            first = "一是" if s.numbering != HEADING else "（一）"
            out.append(Slip(item_field(si, 0, "lead"), 0, len(s.items[0].lead), "bh08", NUMBERING,
                            f"这一部分只有一条，编号“{first}”后面没有“{_second(first)}”", None,
                            "只有一项时不编号（把编号方式改为“无编号”），或补充第二条", _SRC_SERIES))
        _mixed_styles(out, styles)
    return out


def _field(out: list, path: str, text: str, parent: int, lonely: bool = True, item_no: int = 0) -> None:
    if not text:
        return
    if lonely:
        _lonely_series(out, [(path, text)])
    _levels(out, path, text, parent, item_no)
    _circled(out, path, text)


_CIRCLED = re.compile("[\u2460-\u2473]")  # ①…⑳


def _circled(out: list, path: str, text: str) -> None:
    """①②④: a circled number skipped or repeated within one paragraph (① starts a new series)."""
    last = 0
    for m in _CIRCLED.finditer(text):
        n = ord(m.group()) - 0x2460 + 1
        if n != 1 and n != last + 1 and last:
            right = chr(0x2460 + last)
            out.append(Slip(path, m.start(), m.end(), "bh11", NUMBERING,
                            f"“{m.group()}”前面是“{chr(0x2460 + last - 1)}”，序号{'重复' if n <= last else '跳号'}，应为“{right}”",
                            right, "同一组序号应连续", _SRC_SERIES))
        last = n


def _lonely_series(out: list, texts: list[tuple[str, str]]) -> None:
    """一是 with no 二是 after it (in one field, or across a plain section's paragraphs); 首先 without 其次."""
    firsts: dict[str, tuple[str, int, int, str]] = {}
    seen_second: set[str] = set()
    other_first: set[str] = set()
    for path, text in texts:
        for kind, n, start, end, marker in sequence_markers(text, cn_to_int):
            if n == 1:
                firsts[kind] = (path, start, end, marker)
                seen_second.discard(kind)
                other_first.add(kind)
            elif kind in other_first or not other_first:  # 三是 after 一是: a skipped number (reported as such)
                seen_second.add(kind)
            else:  # 一是……；第二，……
                names = "、".join(_STYLE_NAMES[k] for k in sorted(other_first))
                out.append(Slip(path, start, end, "bh03", NUMBERING,
                                f"“{marker}”与前面的“{names}”编号方式不一致", None,
                                "同一组列举用同一种编号方式（一是、二是、三是……）", _SRC_SERIES))
    for kind, (path, start, end, marker) in firsts.items():
        after = "".join(t[start:] if p == path else t for p, t in texts[[p for p, _ in texts].index(path):])
        if kind not in seen_second and _second(marker) not in after:  # 一是……，二是…… within a sentence
            out.append(Slip(path, start, end, "bh01", NUMBERING, f"有“{marker}”，后面没有“{_second(marker)}”", None,
                            "列举从“一是”开始就要有“二是”；只有一项时去掉编号", _SRC_SERIES))
    whole = "\n".join(t for _, t in texts)
    has_first = bool(re.search(r"第一[，,、：:]", whole))
    if has_first:  # 第一……其次……第三: 其次 belongs to 首先
        for path, text in texts:
            for m in re.finditer(r"(?:^|(?<=[，。；：！？\n]))[ \u3000]*(其次)(?=[，,、：:])", text):
                out.append(Slip(path, m.start(1), m.end(1), "bh09", NUMBERING, "“其次”与前面的“第一”不对应，应为“第二”",
                                "第二", "“第一”后面接“第二”“第三”，“首先”后面接“其次”", _SRC_SERIES))
    if not has_first and re.search(r"(?:^|[，。；：！？\n])[ \u3000]*首先", whole):  # 首先……第二……最后
        for path, text in texts:
            for m in re.finditer(r"(?:^|(?<=[，。；：！？\n]))[ \u3000]*(第[二三四])(?=[，,、：:]|是)", text):
                fix = "其次" if m.group(1) == "第二" else None
                out.append(Slip(path, m.start(1), m.end(1), "bh09", NUMBERING,
                                f"“{m.group(1)}”与前面的“首先”不对应，应为“{fix or '再次”或“最后'}”", fix,
                                "“第一”后面接“第二”“第三”，“首先”后面接“其次”", _SRC_SERIES))
    if "一是" not in whole and "二是" in whole:  # 首先是……；二是……；三是……
        for path, text in texts:
            m = re.search(r"(?:^|(?<=[，。；：！？\n]))[ \u3000]*(首先)(?=是)", text)
            if m:
                out.append(Slip(path, m.start(1), m.end(1) + 1, "bh10", NUMBERING, "“首先是”与后面的“二是”不对应，应为“一是”",
                                "一是", "同一组列举用同一种编号方式（一是、二是、三是……）", _SRC_SERIES))
                break
    for first, seconds in _PAIRS:
        second = seconds[0]
        if first in whole and not any(s in whole for s in seconds):  # found at a clause start below
            for path, text in texts:
                m = re.search(f"(?:^|(?<=[，。；：！？\\n]))[ \u3000]*{first}", text)
                i = m.end() - len(first) if m else -1
                if i >= 0:
                    out.append(Slip(path, i, i + len(first), "bh02", NUMBERING, f"有“{first}”，后面没有“{second}”",
                                    None, f"“{first}”与“{second}”成对使用", _SRC_SERIES))
                    break


def _second(marker: str) -> str:
    for a, b in (("一", "二"), ("1", "2")):
        if a in marker:
            return marker.replace(a, b, 1)
    return marker


def _levels(out: list, path: str, text: str, parent: int, item_no: int = 0) -> None:
    """Paragraph numbers below the generated one must go one level deeper at a time, in order."""
    opened: list[int] = []
    for m in _LEVEL_RE.finditer(text):
        level = int(m.lastgroup[1])
        raw = m.group(m.lastgroup)
        n = int(raw) if level in (3, 4) else cn_to_int(raw)
        s, e = m.start(m.lastgroup) - (1 if level in (2, 4) else 0), m.end()
        marker = text[s:e].strip()
        if level <= parent:
            if level == parent == 2 and item_no and n != item_no + 1:
                message = (f"“{marker}”接在第{item_no}条之后，编号不连续（按顺序应为“（{_cn(item_no + 1)}）”），"
                           "或应拆成新的一条")
            else:
                message = f"“{marker}”与上一级编号同级或更高，这里应用“{_LEVEL_NAMES.get(parent + 1, '1.')}”一级"
            out.append(Slip(path, s, e, "bh04", NUMBERING, message, None,
                            "结构层次依次为“一、”“（一）”“1.”“（1）”，下一级不能用上一级的序数", _SRC_LEVELS))
            continue
        if n != 1:
            continue
        deepest = opened[-1] if opened else parent
        if level < deepest and level not in opened:
            out.append(Slip(path, s, e, "bh05", NUMBERING, f"“{marker}”出现在“{_LEVEL_NAMES[deepest]}”之下，层次颠倒",
                            None, "结构层次依次为“一、”“（一）”“1.”“（1）”，不能倒用", _SRC_LEVELS))
        elif level > deepest + 2:  # （一） then （1） is common usage; 一、 then （1） is not
            out.append(Slip(path, s, e, "bh06", NUMBERING,
                            f"“{marker}”跳过了“{_LEVEL_NAMES[deepest + 1]}”一级", None,
                            "结构层次依次为“一、”“（一）”“1.”“（1）”，不能跳过两级", _SRC_LEVELS))
        while opened and opened[-1] >= level:
            opened.pop()
        opened.append(level)


def _cn(n: int) -> str:
    return chinese_number(n) if 0 < n < 100 else str(n)


def _mixed_styles(out: list, styles: list[tuple[str, str, int, int, str]]) -> None:
    """Items of one section that number their sub-points in different styles (一是 here, 第一 there)."""
    kinds = [k for k, *_ in styles]
    if len(set(kinds)) < 2:
        return
    major = max(set(kinds), key=kinds.count)
    for kind, path, start, end, marker in styles:
        if kind != major:
            out.append(Slip(path, start, end, "bh07", NUMBERING,
                            f"本部分其他条目用“{_STYLE_NAMES[major]}”编号，这里用了“{marker}”", None,
                            "同一部分内同一层次的编号方式应一致", _SRC_SERIES))

