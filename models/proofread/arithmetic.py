"""Figures that follow from others in the same sentence, worked out: a rate from its two counts
(发现问题41个，已整改39个，整改率为97.6%), 倍 from a before and an after (由2栋增加到4栋，增加了2倍), parts that add
up to more than their total (新发展党员23名，其中农村青年15名、致富能手6名、退役军人3名)."""

from __future__ import annotations

import re

from models.proofread.matcher import SENTENCE_MARK, Doc, after, around, sentence_before
from models.proofread.rules import CONSISTENCY, NUMBERS, SRC_FIGURES

_NUM = r"(?<![\d.])(\d+(?:\.\d+)?)"  # from a number's first digit only (a run of digits stays linear)
_RATE = re.compile(r"(?:整改|完成|办结|结案|化解|销号|整改完成|按期办结)率(?:为|达到|达|是)?" + _NUM + "[%％]")
_COUNTED = re.compile(_NUM + r"(个|项|件|条|起|处|名|人)(?!次)")
_TOTAL_VERB = re.compile("发现|查摆|反馈|交办|受理|排查|梳理|检查出|查出|移交|收到|共有|共计|共")
_DONE_VERB = re.compile("整改|办结|销号|完成|化解|结案|解决|处置")
_TIMES = re.compile(r"由" + _NUM + r"([\u4e00-\u9fff]{0,2}?)(增加|增长|提高|上升|扩大)(?:到|至)" + _NUM + r"\2?"
                    r"[，,](?:增加|增长|提高|上升|扩大)了" + _NUM + "倍")
_TOTAL_THEN_PARTS = re.compile(_NUM + r"(万|亿)?(个|项|件|条|起|处|名|人|家|次|人次|元|亩|户)"
                               r"(?:[，,](?:同比|较上年|比上年|较去年)[^，,。；\u2029]{0,12})?[，,]其中")  # …15.82亿元，同比增长5.3%，其中
_PART = r"(?<![\d.])(\d+(?:\.\d+)?)({wan})?{unit}(?![\d%％次])"
_OVER = 1.08  # parts this far over their total are kinds that overlap (党纪处分18人、政务处分10人), not a slip
_SCALE = {"万": 1e4, "亿": 1e8}
_COMPARED = re.compile(r"[，,][^，,]*?(?:较|同比|环比|比上年|增加|增长|下降|减少|提高|降低|占|力争|预计|计划|目标|突破)")
_OVERLAPPING = re.compile("以上|以下|以内|的|占|超过|不足|处分|处理|其中|含")


def check(out: list, doc: Doc) -> None:
    _leap_day(out, doc)
    _balance(out, doc)
    _share_of_task(out, doc)
    _remaining(out, doc)
    _rates(out, doc)
    _times(out, doc)
    _parts(out, doc)
    _each(out, doc)


_LEAP = re.compile(r"(?<!\d)(\d{4})年0?2月29日")
_MONEY = _NUM + r"(万|亿)?元"
_BALANCE = re.compile(r"收入" + _MONEY + r"[，,、]\s*支出" + _MONEY + r"[，,、]\s*(?:当期|当年|年度)?结余" + _MONEY)
_TASK = re.compile(_NUM + r"(万)?(亩|个|项|户|人|公里|千米|米|吨|套|所|家)[，,]\s*完成[^，。；\u2029]{0,12}?任务"
                   + _NUM + r"(万)?\3的" + _NUM + "[%％]")


def _amount(number: str, scale: str | None) -> float:
    """A figure as written (3.52, 亿) as a number."""
    return float(number) * _SCALE.get(scale or "", 1)


def _places(written: str) -> int:
    return len(written.partition(".")[2])


def _off(worked: float, written: str, scale: str | None = None) -> bool:
    """``worked`` and the figure ``written`` (in ``scale``) differ by more than the rounding of what is written."""
    return abs(worked - _amount(written, scale)) > 0.5 * 10 ** -_places(written) * _SCALE.get(scale or "", 1) + 1e-9


def _counts_after(text: str, verb: re.Pattern, reach: int, unit: str | None = None) -> list[re.Match]:
    """The counts in ``text`` that a ``verb`` at most ``reach`` characters before them gives (发现问题41个)."""
    return [c for c in _COUNTED.finditer(text) if (unit is None or c.group(2) == unit)
            and verb.search(text, max(0, c.start() - reach), c.start())]


def _balance(out: list, doc: Doc) -> None:
    """基金收入2.18亿元，支出1.96亿元，当期结余0.32亿元: the balance is income less spending."""
    for m in _BALANCE.finditer(doc.text):
        right = _amount(m.group(1), m.group(2)) - _amount(m.group(3), m.group(4))
        unit = m.group(6) or ""
        if _off(right, m.group(5), unit):
            out.append(doc.slip(m.start(5), m.end(), "yz18", CONSISTENCY,
                                f"收入减支出为{right / _SCALE.get(unit, 1):.{_places(m.group(5))}f}{unit}元，"
                                f"这里写作{m.group(5)}{unit}元，请核对",
                                None, "结余应等于收入减支出", SRC_FIGURES))


def _share_of_task(out: list, doc: Doc) -> None:
    """新建高标准农田3.15万亩，完成市下达任务3万亩的106%: the share is what was done over the task."""
    for m in _TASK.finditer(doc.text):
        done, task = _amount(m.group(1), m.group(2)), _amount(m.group(4), m.group(5))
        if task > 0 and _off(done / task * 100, m.group(6)):
            out.append(doc.slip(m.start(6), m.end(), "yz13", CONSISTENCY,
                                f"按{m.group(1)}{m.group(2) or ''}{m.group(3)}和任务{m.group(4)}{m.group(5) or ''}{m.group(3)}计算，"
                                f"应为{done / task * 100:.{_places(m.group(6))}f}%，这里写作{m.group(6)}%，请核对",
                                None, "比率应与据以计算的数字一致", SRC_FIGURES))


def _leap_day(out: list, doc: Doc) -> None:
    """2026年2月29日: February has 29 days only in a leap year."""
    for m in _LEAP.finditer(doc.text):
        year = int(m.group(1))
        if not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
            out.append(doc.slip(m.start(), m.end(), "sz53", NUMBERS, f"{year}年不是闰年，2月没有29日，请核实", None,
                                "日期应真实存在", "GB/T 15835-2011 第5章（年月日的书写）；公历"))


_LEFT = re.compile(r"(?:剩余|尚有|还有|仍有|其余)" + _NUM + r"(个|项|件|条|处)")


def _remaining(out: list, doc: Doc) -> None:
    """查摆问题12个……已整改完成10个，剩余3个: what is left is the total less what is done (the total may be
    in the sentence before)."""
    for m in _LEFT.finditer(doc.text):
        head = around(doc.text, m.start(), SENTENCE_MARK, 0)
        if "其中" in head:
            continue
        dones = _counts_after(head, _DONE_VERB, 8, m.group(2))
        if not dones:
            continue
        context = sentence_before(doc.text, m.start() - len(head)) + "。" + head[:dones[-1].start()]
        totals = _counts_after(context, _TOTAL_VERB, 12, m.group(2))
        if not totals:
            continue
        total, done, left = float(totals[-1].group(1)), float(dones[-1].group(1)), float(m.group(1))
        if done < total and abs(total - done - left) > 1e-9:
            out.append(doc.slip(m.start(1), m.end(2), "yz17", CONSISTENCY,
                                f"共{totals[-1].group(1)}{m.group(2)}、已完成{dones[-1].group(1)}{m.group(2)}，"
                                f"剩余应为{total - done:g}{m.group(2)}，这里写作{m.group(1)}{m.group(2)}，请核对",
                                None, "总数、已完成数和剩余数应相符", SRC_FIGURES))


_EACH = re.compile(_NUM + r"(万|亿)?(个|项|件|条|起|处|名|人|家|次|人次|家次|元|亩|户)[，,]分别(?:为|是)")


def _each(out: list, doc: Doc) -> None:
    """检查企业1326家次，分别为212家次、36家次、1068家次: 分别 names every part, so they add up to the total."""
    for m in _EACH.finditer(doc.text):
        total = _amount(m.group(1), m.group(2))
        rest = _COMPARED.split(after(doc.text, m.end()), 1)[0]
        part = re.compile(_PART.format(wan="万|亿", unit=re.escape(m.group(3))))
        found = list(part.finditer(rest.split("，")[0]))
        if len(found) < 2:
            continue
        parts = sum(_amount(p.group(1), p.group(2)) for p in found)
        if abs(parts - total) > 1e-6 * max(total, 1):
            out.append(doc.slip(m.start(1), m.end() + found[-1].end(), "yz15", CONSISTENCY,
                                f"“分别为”的各项相加为{_fmt(parts, m.group(2))}，与总数{m.group(1)}{m.group(2) or ''}不符，请核对",
                                None, "“分别为”列出的各项之和应等于总数", SRC_FIGURES))


def _rates(out: list, doc: Doc) -> None:
    """The total is the count a verb like 发现/查摆 gives, the part the one after 整改/办结; counts after 其中 are
    parts of the part (已整改30个，其中立行立改25个)."""
    for m in _RATE.finditer(doc.text):
        head = around(doc.text, m.start(), SENTENCE_MARK, 0).split("其中")[0]
        totals, dones = _counts_after(head, _TOTAL_VERB, 8), _counts_after(head, _DONE_VERB, 8)
        if not totals or not dones or dones[-1].start() < totals[-1].end() or dones[-1].group(2) != totals[-1].group(2):
            continue
        done, total = float(dones[-1].group(1)), float(totals[-1].group(1))
        if not 0 < done <= total:
            continue
        worked = done / total * 100
        if _off(worked, m.group(1)):
            out.append(doc.slip(m.start(1), m.end(), "yz13", CONSISTENCY,
                                f"按{total:g}和{done:g}计算，比率应为{worked:.{_places(m.group(1))}f}%，这里写作{m.group(1)}%，请核对",
                                None, "比率应与据以计算的数字一致", SRC_FIGURES))


def _times(out: list, doc: Doc) -> None:
    for m in _TIMES.finditer(doc.text):
        before, grown, said = float(m.group(1)), float(m.group(4)), float(m.group(5))
        if before <= 0:
            continue
        right = grown / before - 1
        if abs(right - said) > 0.05 and abs(grown / before - said) < 0.05:  # 增加到2倍 written as 增加了2倍
            verb, unit = m.group(3), m.group(2)
            out.append(doc.slip(m.start(5), m.end(), "sz51", NUMBERS,
                                f"由{m.group(1)}{unit}{verb}到{m.group(4)}{unit}，是{verb}了{right:g}倍（{verb}到{said:g}倍），"
                                f"不是{verb}了{said:g}倍",
                                None, "“增加了N倍”不含原数，“增加到N倍”含原数",
                                "GB/T 15835-2011 附录；《现代汉语词典》（第7版）“倍”条"))


def _parts(out: list, doc: Doc) -> None:
    for m in _TOTAL_THEN_PARTS.finditer(doc.text):
        total = _amount(m.group(1), m.group(2))
        rest = after(doc.text, m.end())
        rest = re.sub(r"[（(][^）)]*[）)]", lambda b: " " * len(b.group()), rest)  # （含……3人）: inside a part
        rest = _COMPARED.split(rest, 1)[0]  # …，较上年增加2万元: a change, not a part
        part = re.compile(_PART.format(wan="万|亿", unit=re.escape(m.group(3))))
        found = list(part.finditer(rest))
        chunks = [c for c in re.split("[、，,；]", rest) if part.search(c)]
        if any(_OVERLAPPING.search(c) for c in chunks):
            continue  # 35周岁以下的32名、大专及以上学历的27名: kinds that overlap, not parts of a whole
        parts = [_amount(p.group(1), p.group(2)) for p in found]
        if len(parts) >= 2 and total * (1 + 1e-9) + 1e-9 < sum(parts) <= total * _OVER:
            end = m.end() + found[-1].end()
            out.append(doc.slip(m.start(1), end, "yz14", CONSISTENCY,
                                f"其后各项相加为{_fmt(sum(parts), m.group(2))}，多于总数{m.group(1)}{m.group(2) or ''}，请核对",
                                None, "分项之和不能大于总数", SRC_FIGURES))


def _fmt(value: float, scale: str | None) -> str:
    return f"{value / _SCALE.get(scale or '', 1):.10g}{scale or ''}"
