"""Statements about one set of things that contradict each other.

- 查摆问题23个，已全部完成整改 and, further on, 23个问题中尚有3个未完成整改 (or 巡察反馈问题中尚有2项仍在整改). The
  total ties the two together, or where the second gives none, the source both name (巡察, 民主生活会查摆); sets
  of another size or from another source are other sets.
- 全县18个乡镇卫生院 and later 16个乡镇卫生院中仍有6个: one total of one kind of thing given two ways."""

from __future__ import annotations

import re

from models.proofread.matcher import SENTENCE_MARK, Doc, Slip, around, sentence_before
from models.proofread.numbers import cn_small
from models.proofread.rules import CONSISTENCY, SRC_FIGURES

_COUNT = re.compile(r"(?<![\d.第])(\d+)(?:个|项|条|处|件|批)")
_ALL_DONE = re.compile(r"(?:已|均已|现已)?全部(?:完成整改|整改到位|整改完成|整改落实|整改|办结|销号)|均已(?:完成整改|整改到位|办结)")
_STILL_OPEN = re.compile(r"(?:尚有|仍有|还有|剩余|另有)(\d+)(个|项|条|处|件)[^。；，\u2029]{0,8}?"
                         r"(?:未完成|尚未完成|没有完成|未|正在|仍在|持续)(?:整改|办结|销号)")
_MAX_SETS = 64  # sets said to be done that an open one is compared with (a report has a few; keeps it linear)
_NEAR = 24  # characters between a total and the words that say all of it is done


_ROUND = re.compile(r"20\d\d年|今年|去年|上年|本年度|上一年度|第[一二三四五六七八九十]轮|本轮|上轮|上一轮")  # which set
_SOURCES = re.compile("巡视|巡察|审计|督察|督查|民主生活会|组织生活会|查摆|主题教育|学习教育|专项整治|考核|信访|举报")
# 全县18个乡镇, 所属8家子公司: all of one kind of thing (not 全县有5个乡镇未完成…, not 对所属3家子公司开展…)
_SCOPE = r"(?<![对其在从向])(?:全县|全镇|全乡|全区|全市|全局|全系统|辖区|所属|下辖)(?:共有|共|辖|现有)?"
_AFTER_KIND = r"(?=[，。；、和及（(]|中(?![心学小医卫间层])|$)"  # 8个社区中…, not 18个乡镇中心学校
_WHOLE = re.compile(_SCOPE + r"(\d+)([个家所])([\u4e00-\u9fff]{2,8}?)" + _AFTER_KIND)
_MAX_KINDS = 50  # kinds of things whose totals are compared (a report has a handful; keeps it linear)
_PART_OF = re.compile(r"(?<![\d.])(\d+)([个家所])([\u4e00-\u9fff]{2,8}?)中(?=[，]?(?:仍有|尚有|还有|有|已有|只有|仅有))")
_PLANNED = re.compile(r"计划|力争|预计|目标|确保|争取|到20\d\d年|新增|新建|调整|撤并|合并|由\d")


def check(out: list, doc: Doc, year: int | None = None) -> None:
    """``year``: the report's, so that 上年 and 2025年 in a 2026 report name the same round."""
    _still_open(out, doc, year)
    _totals(out, doc)


def _rounds(text: str, year: int | None) -> set[str]:
    found = set(_ROUND.findall(text))
    if year:
        found = {str(year - 1) + "年" if w in ("去年", "上年", "上一年度") else str(year) + "年"
                 if w in ("今年", "本年度") else w for w in found}
    return found


def _still_open(out: list, doc: Doc, year: int | None) -> None:
    text = doc.text
    done: list[tuple[int, int, set[str], set[str]]] = []  # (total, where, sources and rounds named with it)
    for m in _ALL_DONE.finditer(text):
        head = around(text, m.start(), SENTENCE_MARK, 0)
        counts = _COUNT.findall(head[-_NEAR:])
        if counts and len(done) < _MAX_SETS:
            before = sentence_before(text, m.start() - len(head))  # 查摆出11个问题。11个问题已全部整改
            done.append((int(counts[-1]), m.start(), set(_SOURCES.findall(before + head)),
                         _rounds(before + head, year)))
    for m in _STILL_OPEN.finditer(text):
        head = around(text, m.start(), SENTENCE_MARK, 0)
        if "问题" not in head + m.group():
            continue  # 信访件中尚有2件正在办结: not the problems said rectified
        left = int(m.group(1))
        totals = {int(t) for t in _COUNT.findall(head)}
        named = set(_SOURCES.findall(head))
        when = _rounds(head, year)
        said = [(t, at) for t, at, sources, said_when in done if t > left and at < m.start() - len(head)
                and (t in totals or not totals and named & sources) and not (when and said_when and when != said_when)]
        if len(said) != 1 and not (said and totals):
            continue  # nothing said done before, or several sets it could be
        total = said[-1][0]
        out.append(doc.slip(m.start(), m.end(), "yz11", CONSISTENCY,
                            f"前文说{total}个问题已全部整改，这里说尚有{left}{m.group(2)}未完成，请核对", None,
                            "同一批问题的整改情况前后应一致", SRC_FIGURES))


def _totals(out: list, doc: Doc) -> None:
    text = doc.text

    def planned(m: re.Match) -> bool:  # 力争到2027年全县30个村…, 行政村由14个调整为12个: another time
        return bool(_PLANNED.search(around(text, m.start(), SENTENCE_MARK)))

    parts = [m for m in _PART_OF.finditer(text) if not planned(m)]
    kinds = list(dict.fromkeys([m.group(3) for m in _WHOLE.finditer(text)] + [m.group(3) for m in parts]))
    wholes: dict[str, list[re.Match]] = {}
    for kind in kinds[:_MAX_KINDS]:
        # 所属8家子公司开展…: the whole named with what follows it, found by the kind named elsewhere
        named = _SCOPE + r"(\d+)([个家所])(" + re.escape(kind) + r")(?![\u4e00-\u9fff]{0,2}(?:中心|学校|医院|站|室))"
        found = [m for m in re.finditer(named, text) if not planned(m)]
        if found:
            wholes[kind] = found
    for kind, found in wholes.items():
        given = found[0]
        # 14个村中 counts the 12个行政村 said before (a part may name its kind shorter, if that is no kind of its own)
        same_kind = [p for p in parts if p.group(3) == kind or kind.endswith(p.group(3)) and p.group(3) not in wholes]
        for m in found[1:] + same_kind:
            if m.group(1) != given.group(1):
                out.append(doc.slip(m.start(1), m.end(3), "yz12", CONSISTENCY,
                                    f"前文说共{given.group(1)}{given.group(2)}{kind}，这里是{m.group(1)}{m.group(2)}，请核对",
                                    None, "同一总数在报告中前后应一致", SRC_FIGURES))


_SAID_COUNT = re.compile(r"(?:以下|如下|下列)([一二三四五六七八九十]{1,2}|\d{1,2})个?(?:方面|点|项|条)")


def counted_parts(out: list, report) -> None:
    """存在以下三个方面问题 in a part's 引言, and four items under it: the count said and the items given differ."""
    for i, section in enumerate(report.sections):
        m = _SAID_COUNT.search(section.intro or "")
        if m is None or len(section.items) < 2:
            continue
        said = int(m.group(1)) if m.group(1).isdigit() else cn_small(m.group(1))
        if said and said != len(section.items):
            out.append(Slip(f"sections.{i}.intro", m.start(1), m.end(1), "yz19", CONSISTENCY,
                            f"这里说“{m.group()}”，下面列了{len(section.items)}条，请核对", None,
                            "引言中说的项数应与下面列出的条数一致", SRC_FIGURES))
