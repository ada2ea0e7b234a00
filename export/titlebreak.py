"""Balanced title lines: a long title breaks between words into a trapezoid, never into a line and a stub.

Without a dictionary we cannot segment Chinese words, so each break point gets a penalty from cheap
clues: punctuation, the function words of report titles (关于 … 的 …, 和/与/及/暨), 年/年度 after a
year, a change between Chinese and half-width text. The chosen breaks minimise the penalty plus the
difference between the longest and the shortest line.
"""

from __future__ import annotations

import itertools
import math

from export.geometry import FIT_EPSILON
from export.linebreak import NO_END, NO_START, Atom, make_units

_AFTER_GOOD = frozenset("，、：；。！？）》」』】〕〉”’")
_CONJ = frozenset("和与及暨并")
# Two-character words of report titles that must not be split.
_WORDS = frozenset("年度 工作 情况 报告 组织 建设 责任 党委 委员 支部 全面 从严 治党 主体 落实 关于 意见 方案 "
                   "通知 总结 计划 实施 推进 加强 改进 发展 党建 基层 干部 队伍 政府 人民 县委 市委 区委 省委".split())
# Set phrases of report titles: never broken inside; a break where one ends or starts falls between words.
_PHRASES = ("全面从严治党", "从严治党", "主体责任", "监督责任", "第一责任人", "党风廉政建设", "一岗双责", "民主生活会",
            "组织生活会", "对照检查材料", "述职述廉", "述职述责述廉", "意识形态", "两个维护", "两个确立",
            "中央八项规定", "基层党建", "乡村振兴", "高质量发展", "工作总结", "工作报告", "情况报告", "工作要点",
            "党组织", "党支部", "党委", "党组")
PHRASE_EDGE = 3.0  # a break at the edge of a set phrase: a word boundary, though not as clean as punctuation
# Verbs that open the object phrase of a title: a break before them falls between phrases.
_VERBS = ("履行", "加强", "推进", "落实", "印发", "开展", "做好", "进一步", "贯彻", "深化", "推动", "做好", "建立")
BALANCE_WEIGHT = 1.0  # penalty per em of difference between the longest and the shortest line
# A number and its unit are one word: never "2026 / 年度" or "18 / 个".
_UNITS = frozenset("年月日号届次个项件名位人亿万元%‰")
BREAK_ANYWHERE = 6.0  # penalty of a break that may fall inside a word
STUB_PENALTY = 20.0  # a line of one or two characters


def _phrase_cost(text: str, b: int) -> float | None:
    """BREAK_ANYWHERE + 4 inside a set phrase, PHRASE_EDGE at its edge, None when no phrase is near."""
    edge = False
    for ph in _PHRASES:  # searched only near b: a title of any length costs the same per break
        lo, hi = max(0, b - len(ph) + 1), b + len(ph) - 1
        start = text.find(ph, lo, hi)
        while 0 <= start < b:
            if start < b < start + len(ph):
                return BREAK_ANYWHERE + 4
            start = text.find(ph, start + 1, hi)
        edge = edge or text.startswith(ph, b) or text.endswith(ph, 0, b)
    return PHRASE_EDGE if edge else None


def break_penalty(text: str, b: int) -> float:
    """Cost of breaking ``text`` before index ``b``: 0 is a clean word boundary."""
    p, q = text[b - 1], text[b]
    if p + q in _WORDS or (p.isdigit() and q in _UNITS):
        return BREAK_ANYWHERE + 4
    phrase = _phrase_cost(text, b)
    if phrase is not None and phrase > BREAK_ANYWHERE:
        return phrase
    if p in _AFTER_GOOD or q in NO_END:
        return 0.0
    if text.startswith("关于", b):
        return 0.0
    if text.startswith(_VERBS, b):
        return 1.0
    if text[max(0, b - 2):b] == "关于":
        return BREAK_ANYWHERE + 2  # 关于 opens the subject: it starts a line, it does not end one
    if p == "的" or q in _CONJ:
        return 1.0
    if text[max(0, b - 2):b] == "年度" or (p == "年" and b >= 2 and text[b - 2].isdigit()):
        return 1.0
    if q in "的了":
        return BREAK_ANYWHERE + 4
    if p.isascii() != q.isascii():
        return 2.0
    return BREAK_ANYWHERE if phrase is None else phrase


def _line_width(atoms: list[Atom], start: int, end: int) -> float:
    return sum(a.pitch for a in atoms[start:end])


def balance(atoms: list[Atom], avail: float) -> list[tuple[int, int]]:
    """Split one forced title line into balanced [start, end) lines no wider than ``avail``."""
    total = _line_width(atoms, 0, len(atoms))
    if total <= avail + FIT_EPSILON or len(atoms) < 2:
        return [(0, len(atoms))]
    text = "".join(a.ch for a in atoms)
    em = max((a.width for a in atoms if a.cell), default=1.0)
    bounds = [u[0] for u in make_units(atoms)][1:]
    bounds = [b for b in bounds if text[b] not in NO_START and text[b - 1] not in NO_END]
    n = max(2, math.ceil(total / avail))
    pen = {b: break_penalty(text, b) for b in bounds} if n <= 3 else {}  # only the 2- and 3-line search weighs
    while n <= 3:
        best = _best(atoms, bounds, pen, n, avail, em)
        if best is not None:
            return _lines(best, len(atoms))
        n += 1
    for shares in range(n, n + 10):  # a few more, shorter lines; never one try per character (quadratic)
        best = _greedy(atoms, bounds, shares, avail)
        if best is not None:
            return _lines(best, len(atoms))
    return _fill(atoms, avail)  # a word wider than the line (a pasted URL, 10,000 x's): break it where it must


def _lines(cuts: list[int], length: int) -> list[tuple[int, int]]:
    edges = [0, *cuts, length]
    return list(zip(edges, edges[1:], strict=False))


def _fill(atoms: list[Atom], avail: float) -> list[tuple[int, int]]:
    """Lines filled character by character: the last resort, linear in the title's length."""
    out, start, width = [], 0, 0.0
    for k, a in enumerate(atoms):
        if width + a.pitch > avail + FIT_EPSILON and k > start:
            out.append((start, k))
            start, width = k, 0.0
        width += a.pitch
    out.append((start, len(atoms)))
    return out


def _best(atoms, bounds, pen, n, avail, em):
    best, best_cost = None, math.inf
    for cuts in itertools.combinations(bounds, n - 1):
        edges = [0, *cuts, len(atoms)]
        widths = [_line_width(atoms, a, b) for a, b in zip(edges, edges[1:], strict=False)]
        if max(widths) > avail + FIT_EPSILON:
            continue
        cost = BALANCE_WEIGHT * (max(widths) - min(widths)) / em + sum(pen[c] for c in cuts)
        cost += sum(STUB_PENALTY for a, b in zip(edges, edges[1:], strict=False) if b - a <= 2)
        if cost < best_cost:
            best, best_cost = list(cuts), cost
    return best


def _greedy(atoms, bounds, n, avail):
    """Many lines (a very long title): cut near equal shares of the width."""
    target = _line_width(atoms, 0, len(atoms)) / n
    cuts, start, prev = [], 0, 0
    widths = list(itertools.accumulate((a.pitch for a in atoms), initial=0.0))  # a line's width in O(1)
    for b in bounds:
        w = widths[b] - widths[start]
        if w > avail + FIT_EPSILON and prev > start:
            cuts.append(prev)
            start = prev
        elif w >= target:
            cuts.append(b)
            start = b
        prev = b
    edges = [0, *cuts, len(atoms)]
    if any(_line_width(atoms, a, b) > avail + FIT_EPSILON for a, b in zip(edges, edges[1:], strict=False)):
        return None
    return cuts
