"""Fixed formulations (提法): find near misses of each published form and give the exact form.

A near miss is a stretch of text at a small edit distance from the form (a character missing,
extra or changed, two characters swapped) or with the same characters in another order (语序).
Only forms of 6 characters or more are matched this way; shorter ones are rows in formulations.tsv.
"""

from __future__ import annotations

import re
from collections import Counter

from models.proofread.matcher import SEP, Doc, Slip, quote
from models.proofread.rules import FORMULATION, Formulation

MIN_LEN = 6
_PUNCT = set("，。、；：？！“”‘’（）《》—…·\n" + SEP)


def threshold(form: str) -> int:
    return 1 if len(form) < 12 else 2


def distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (an adjacent swap counts 1), or limit + 1 when above limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        row_min = i
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
            row_min = min(row_min, v)
        if row_min > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


class FormulationMatcher:
    def __init__(self, forms: list[Formulation]):
        self.forms = [f for f in forms if len(f.form) >= MIN_LEN]
        self.anchors = {f.form: _anchors(f.form) for f in self.forms}
        self.counts = {f.form: Counter(f.form) for f in self.forms}
        self.charsets = {f.form: frozenset(f.form) for f in self.forms}
        self.lists = [(f, items, re.compile(_list_pattern(items))) for f in self.forms
                      if len(items := _items(f.form)) >= 2 and all(1 < len(i) <= 8 for i in items)
                      and (len(items) >= 3 or min(map(len, items)) >= 4)]  # 尽力而为、量力而行 swapped

    def run(self, doc: Doc) -> list[Slip]:
        text = doc.text
        exact: list[tuple[int, int, str]] = []  # (start, end, form id) of forms written right
        for f in self.forms:
            for extra in (f.form, *f.allow):
                i = text.find(extra)
                while i >= 0:
                    exact.append((i, i + len(extra), f.id))
                    i = text.find(extra, i + 1)
        found: dict[tuple[int, int], tuple[int, Formulation]] = {}
        for f, items, pattern in self.lists:  # 不想腐、不敢腐、不能腐: the items of a fixed list in another order
            for m in pattern.finditer(text):
                written = _items(m.group())
                if written != items and sorted(written) == sorted(items):
                    found[(m.start(), m.end())] = (1, f)
        for f in self.forms:
            for s, e, d in self._near(text, f):
                if any(_clashes(s, e, a, b, fid == f.id) for a, b, fid in exact):
                    continue
                key = (s, e)
                if key not in found or d < found[key][0]:
                    found[key] = (d, f)
        out: list[Slip] = []
        taken: list[tuple[int, int]] = []
        for (s, e), (_d, f) in sorted(found.items(), key=lambda kv: (kv[1][0], -(kv[0][1] - kv[0][0]))):
            if any(s < b and a < e for a, b in taken):
                continue  # one finding per stretch: the closest form
            taken.append((s, e))
            wrong = text[s:e]
            same_chars = Counter(wrong) == self.counts[f.form]
            what = "语序有误" if same_chars else "与规范写法不一致"
            slip = doc.slip(s, e, f.id, FORMULATION, f"{quote(wrong)}{what}，应为{quote(f.form)}", f.form,
                            f.reason, f.source)
            if slip is not None:
                out.append(slip)
        return out

    def _near(self, text: str, f: Formulation):
        """(start, end, distance) of stretches near ``f.form``; distance 0 stretches are skipped."""
        form, n = f.form, len(f.form)
        limit = threshold(form)
        seen: set[int] = set()
        i = text.find(form)
        while i >= 0:  # the form written right: no window around it is a slip
            seen.update(range(i - limit, i + limit + 1))
            i = text.find(form, i + 1)
        for anchor, k in self.anchors[form]:
            i = text.find(anchor)
            while i >= 0:
                s0 = i - k
                i = text.find(anchor, i + 1)
                if s0 in seen:
                    continue
                seen.add(s0)
                best = self._best(text, form, n, s0, limit)
                if best is not None and best[2] > 0:
                    yield best

    def _best(self, text: str, form: str, n: int, s0: int, limit: int):
        lo, hi = max(0, s0 - limit), min(len(text), s0 + n + limit)
        region = text[lo:hi]
        if len(self.charsets[form].difference(region)) > limit:  # each edit loses at most one character
            return None
        overlap = sum((Counter(region) & self.counts[form]).values())
        if overlap < n - limit:
            return None
        best, best_key = None, None
        for s in range(lo, s0 + limit + 1):
            for length in range(n - limit, n + limit + 1):
                e = s + length
                if s < 0 or e > len(text) or e <= s:
                    continue
                w = text[s:e]
                if SEP in w:
                    continue
                if Counter(w) == self.counts[form]:
                    d = 0 if w == form else 1
                else:
                    d = distance(w, form, limit)
                if d > limit or (d and _edge_only(w, form)):
                    continue
                edge_punct = (w[0] in _PUNCT) + (w[-1] in _PUNCT)
                edge_miss = (w[0] != form[0]) + (w[-1] != form[-1])
                key = (d, edge_punct, edge_miss, abs(length - n))
                if best_key is None or key < best_key:
                    best, best_key = (s, e, d), key
        return best


_QUOTED = re.compile("“([^“”\u2029]{2,7})”")


def quoted_near(doc: Doc, terms: tuple[str, ...]) -> list[Slip]:
    """“两个确定” for “两个确立”: a quoted short 提法 one character off a published one."""
    known = set(terms)
    out = []
    for m in _QUOTED.finditer(doc.text):
        word = m.group(1)
        if word in known:
            continue
        near = [t for t in terms if len(t) == len(word) and sum(a != b for a, b in zip(t, word, strict=True)) == 1]
        if len(near) == 1:
            slip = doc.slip(m.start(1), m.end(1), "tf125", FORMULATION, f"{quote(word)}应为{quote(near[0])}", near[0],
                            "带数字的概括性提法须与中央文件的写法一致", "中央文件写法")
            if slip is not None:
                out.append(slip)
    return out


def _items(text: str) -> list[str]:
    """A list's items: split at 、, and the last at its final 和 (享乐主义和奢靡之风); a 和 inside an item
    (和平、发展) stays."""
    items = text.split("、")
    head, sep, tail = items[-1].rpartition("和")
    if sep and head and tail and len(items) > 1:
        items[-1:] = [head, tail]
    return items


def _list_pattern(items: list[str]) -> str:
    """The items of a fixed list in any order, joined as in running text (、, or 和 before the last)."""
    one = "(?:" + "|".join(re.escape(i) for i in sorted(items, key=len, reverse=True)) + ")"
    return one + ("[、和]" + one) * (len(items) - 1)


def _edge_only(w: str, form: str) -> bool:
    """The form cut short or run on at an end, or its first two characters changed: another phrase built
    on the same words (自觉维护党中央权威…, 县域治理体系…), not a slip in the 提法."""
    p = 0
    while p < min(len(w), len(form)) and w[p] == form[p]:
        p += 1
    q = 0
    while q < min(len(w), len(form)) - p and w[-1 - q] == form[-1 - q]:
        q += 1
    lo, hi = p, len(form) - q  # the part of the form that differs
    if hi <= lo:  # nothing of the form differs: text added at an end (run on), or inside (an extra character)
        return p in (0, len(form)) or q in (0, len(form))
    return hi <= 2  # a change at the end (…思想 → …理论) is a slip: only the start is free


def _clashes(s: int, e: int, a: int, b: int, same: bool) -> bool:
    """A near stretch [s, e) is no slip when it lies in a correct form [a, b) or cuts across one, or
    when it holds this very form written right (with a neighbour); holding another form is no excuse
    (中央八项规定精神及其实施细则 holds 中央八项规定精神 and is still the wrong order)."""
    if b <= s or e <= a:
        return False
    if s <= a and b <= e:
        return same
    return True


def _anchors(form: str) -> list[tuple[str, int]]:
    """Three two-character anchors (start, middle, end) with their offsets in the form."""
    n = len(form)
    offsets = sorted({0, n // 2 - 1, n - 2})
    return [(form[k:k + 2], k) for k in offsets]
