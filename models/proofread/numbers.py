"""GB/T 15835 checks whose fix must be computed: full-width digits, years and dates in Chinese numerals,
adjacent numbers as an estimate (三、四个), 3千 for 3000."""

from __future__ import annotations

import re

from models.proofread.matcher import Doc, Slip
from models.proofread.rules import NUMBERS

_CN_DIGIT = {"〇": 0, "零": 0, "○": 0, "O": 0, "0": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9}
_FULL_DIGITS = re.compile("[０-９]+(?:[．.][０-９]+)?")
_CN_YEAR = re.compile("(?<![一二三四五六七八九十])二[〇零○][〇零○一二三四五六七八九]{2}年")
_CN_DATE = re.compile("(?<![一二三四五六七八九十初农阴正腊])([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
_ADJACENT_CN = re.compile("(?<![一二三四五六七八九十第])([一二三四五六七八九])、([二三四五六七八九十])(?=[个人名次天年月日家项件条位种批轮遍趟场期户])")  # 三、四级公路: grades, not an estimate
_ADJACENT_AR = re.compile(r"(?<![\d第])([1-9])、([2-9])(?=[个人名次天家项件条位种批])")
_THOUSAND = re.compile(r"(?<![\d.])(\d{1,15})([千百])(?=万|亿|[余多]?[个人名次件项家元户亩吨台套份场篇条处所])")
_DOTTED_DATE = re.compile(r"(?<![\d.])(20\d\d|19\d\d)([.．/])(\d{1,2})\2(\d{1,2})(?![\d.])")
_HAO = re.compile(r"(?<=\d月)(\d{1,2})号(?![楼院线文令])")
_GROUPED = re.compile(r"(?<![\d.,，])\d+(?:,\d+)+(?![\d,])(?=\.\d+|[万亿]?[\u4e00-\u9fff%％])")
_PERCENT = re.compile("[%％]")
_CN_MONTH = re.compile("(?<=\\d年)([一二三四五六七八九十]{1,3})月(?![份度])")
_QUARTER = re.compile("第([1-4])季度")
_SRC_ARABIC = "GB/T 15835-2011 4.1（公历年月日、计量统计用阿拉伯数字）"
_SRC_CN = "GB/T 15835-2011 4.2（相邻两个数字连用表示概数，用汉字数字，中间不用顿号）"


def cn_small(s: str) -> int | None:
    """一..九十九 written in Chinese numerals -> int."""
    if not s or any(c not in "一二三四五六七八九十" for c in s):
        return None
    if "十" not in s:
        return _CN_DIGIT[s] if len(s) == 1 else None
    tens, _, ones = s.partition("十")
    t = _CN_DIGIT.get(tens, 0) if tens else 1
    o = _CN_DIGIT.get(ones, 0) if ones else 0
    if (tens and tens not in _CN_DIGIT) or (ones and ones not in _CN_DIGIT) or len(ones) > 1 or len(tens) > 1:
        return None
    return t * 10 + o


def check(doc: Doc, *, skip_fields: tuple[str, ...] = ()) -> list[Slip]:
    text = doc.text
    out: list[Slip | None] = []
    for m in _FULL_DIGITS.finditer(text):
        fix = m.group().translate(str.maketrans("０１２３４５６７８９．", "0123456789."))
        out.append(doc.slip(m.start(), m.end(), "sz30", NUMBERS, f"全角数字“{m.group()}”应为半角“{fix}”", fix,
                            "阿拉伯数字用半角形式", "GB/T 15835-2011 第5章（阿拉伯数字使用半角形式）"))
    for m in _CN_YEAR.finditer(text):
        year = "".join(str(_CN_DIGIT[c]) for c in m.group()[:-1])
        out.append(doc.slip(m.start(), m.end(), "sz31", NUMBERS, f"公历年份“{m.group()}”应写作“{year}年”",
                            f"{year}年", "公历世纪、年代、年、月、日用阿拉伯数字", _SRC_ARABIC))
    for m in _CN_DATE.finditer(text):
        month, day = cn_small(m.group(1)), cn_small(m.group(2))
        if month is None or day is None or not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        fix = f"{month}月{day}日"
        out.append(doc.slip(m.start(), m.end(), "sz32", NUMBERS, f"日期“{m.group()}”应写作“{fix}”", fix,
                            "公历月、日用阿拉伯数字", _SRC_ARABIC))
    for m in _ADJACENT_CN.finditer(text):
        a, b = cn_small(m.group(1)), cn_small(m.group(2))
        if a is not None and b == a + 1:
            fix = m.group(1) + m.group(2)
            out.append(doc.slip(m.start(), m.end(), "sz33", NUMBERS, f"“{m.group()}”表示概数，中间不用顿号：{fix}",
                                fix, "相邻两个数字连用表示概数时，用汉字数字，中间不用顿号", _SRC_CN))
    for m in _ADJACENT_AR.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if b == a + 1:
            fix = "一二三四五六七八九"[a - 1] + "一二三四五六七八九"[b - 1]
            out.append(doc.slip(m.start(), m.end(), "sz34", NUMBERS, f"“{m.group()}”表示概数，应写作“{fix}”",
                                fix, "相邻两个数字连用表示概数时，用汉字数字，中间不用顿号", _SRC_CN))
    for m in _THOUSAND.finditer(text):
        n = int(m.group(1)) * (1000 if m.group(2) == "千" else 100)
        out.append(doc.slip(m.start(), m.end(), "sz35", NUMBERS, f"“{m.group()}”应写作“{n}”", str(n),
                            "阿拉伯数字不与“千”“百”连用（“万”“亿”可以）",
                            "GB/T 15835-2011 第5章（多位整数不能同时使用“千”“百”）"))
    for m in _DOTTED_DATE.finditer(text):
        month, day = int(m.group(3)), int(m.group(4))
        if 1 <= month <= 12 and 1 <= day <= 31:
            fix = f"{m.group(1)}年{month}月{day}日"
            out.append(doc.slip(m.start(), m.end(), "sz37", NUMBERS, f"日期“{m.group()}”应写作“{fix}”", fix,
                                "正文中的日期写作“2026年11月26日”", "GB/T 15835-2011 第5章（年月日的书写）"))
    for m in _HAO.finditer(text):
        out.append(doc.slip(m.start(), m.end(), "sz38", NUMBERS, f"“{m.group()}”应写作“{m.group(1)}日”",
                            f"{m.group(1)}日", "公文中的日期用“日”，不用“号”", "GB/T 9704-2012 7.3.5（成文日期）"))
    for m in _CN_MONTH.finditer(text):
        month = cn_small(m.group(1))
        if month and 1 <= month <= 12:
            out.append(doc.slip(m.start(), m.end(), "sz41", NUMBERS, f"“{m.group()}”应写作“{month}月”", f"{month}月",
                                "公历年月日用阿拉伯数字，同一日期不混用汉字数字", _SRC_ARABIC))
    for m in _QUARTER.finditer(text):
        fix = f"第{'一二三四'[int(m.group(1)) - 1]}季度"
        out.append(doc.slip(m.start(), m.end(), "sz42", NUMBERS, f"“{m.group()}”应写作“{fix}”", fix,
                            "季度的序数用汉字数字：第四季度", "GB/T 15835-2011 4.2（汉字数字：序数词中的数字）"))
    _grouping(doc, out)
    return [s for s in out if s is not None and s.field not in skip_fields]


def _grouping(doc: Doc, out: list) -> None:
    """Thousands separators: 12,345 is written 12345 in a 公文; 1,2345 or 12345,678 is a slip of the separator."""
    for m in _GROUPED.finditer(doc.text):
        head, *groups = m.group().split(",")
        if len(head) <= 3 and all(len(g) == 3 for g in groups) and head != "0":
            fix = m.group().replace(",", "")
            out.append(doc.slip(m.start(), m.end(), "sz43", NUMBERS, f"公文正文中的“{m.group()}”不用千分撇，写作“{fix}”",
                                fix, "公文正文中的多位数连写，不用千分撇分节（数值大的用“万”“亿”）",
                                "GB/T 15835-2011 5.1.1（非专业出版物可不分节）；公文写作规范"))
            continue
        digits = m.group().replace(",", "").lstrip("0") or "0"
        out.append(doc.slip(m.start(), m.end(), "sz39", NUMBERS,  # no fix: 1,2345 may also be 1.2345
                            f"“{m.group()}”的分节号位置不对：按三位分节是“{_group3(digits)}”，或是小数点打错", None,
                            "千分撇从个位起每三位一节", "GB/T 15835-2011 5.1.1（多位数的分节）"))


def _group3(digits: str) -> str:
    head = len(digits) % 3 or 3
    return ",".join([digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)])


def percent_forms(doc: Doc, out: list) -> None:
    """% and ％ both in one report: the fewer are flagged, with the report's own form as the fix. Report-wide
    (models/proofread/consistency.py calls it with every field), not per field as the checks above."""
    marks = list(_PERCENT.finditer(doc.text))
    half = sum(1 for m in marks if m.group() == "%")
    if not half or half == len(marks):
        return
    keep = "%" if half * 2 >= len(marks) else "％"
    for m in marks:
        if m.group() != keep:
            out.append(doc.slip(m.start(), m.end(), "sz40", NUMBERS, f"百分号“{m.group()}”与全文的“{keep}”写法不一致",
                                keep, "同一篇公文中百分号的写法前后一致", "GB/T 15835-2011 第5章（全角、半角统一）"))
