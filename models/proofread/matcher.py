"""The report's text as one string, and the table-driven matcher that runs the rule rows over it.

All fields are joined with a paragraph separator so each rule scans the report once (the whole
report costs a few hundred regex scans, not rules × fields); hits are mapped back to field offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import NamedTuple

from models.proofread.rules import LOOK, Rule

SEP = "\u2029"  # never typed in a field: a match never runs across two fields


class Slip(NamedTuple):
    """One proofreading finding: a range in one field, its class and rule, and a fix when one is right."""

    field: str
    start: int
    end: int
    rule: str
    cls: str
    message: str
    fix: str | None = None
    reason: str = ""
    source: str = ""


class Doc:
    """The report's fields in reading order, joined; offsets of the joined text map back to fields."""

    def __init__(self, fields: Iterable[tuple[str, str]]):
        self.fields = [(p, t) for p, t in fields if t and p != "date"]
        self.starts: list[int] = []
        parts, pos = [], 0
        for _path, text in self.fields:
            self.starts.append(pos)
            parts.append(text)
            pos += len(text) + 1
        self.text = SEP.join(parts)

    def where(self, pos: int) -> tuple[int, int]:
        """(field index, offset in that field) of a position in the joined text."""
        i = bisect_right(self.starts, pos) - 1
        return i, pos - self.starts[i]

    def slip(self, start: int, end: int, rule: str, cls: str, message: str, fix: str | None = None,
             reason: str = "", source: str = "") -> Slip | None:
        """A Slip for [start, end) of the joined text; None if the range crosses a field boundary."""
        i, s = self.where(start)
        if SEP in self.text[start:end]:
            return None
        return Slip(self.fields[i][0], s, s + end - start, rule, cls, message, fix, reason, source)


SENTENCE_MARK = re.compile("[。！？；\n\u2029]")  # where a sentence (or a 分句 set off by ；) ends
FULL_STOP = re.compile("[。！？\n\u2029]")  # where a whole sentence ends (its 分句 set off by ； are one sentence)
REACH = 400  # characters read either way from a hit: a sentence is shorter, and each look stays local


def around(text: str, pos: int, marks: re.Pattern, count: int = 1, look_back: int = REACH) -> str:
    """The stretch holding ``pos`` from the last of ``marks`` before it to the ``count``-th one after it (count 0:
    up to ``pos``). Read at most ``look_back`` characters back and as many on, so a look per hit stays local
    (linear overall)."""
    lo = max(0, pos - look_back)
    hi = min(len(text), pos + look_back)
    starts = [m.end() for m in marks.finditer(text, lo, pos)]
    a = starts[-1] if starts else lo
    e = pos
    for _ in range(count):
        m = marks.search(text, e if e == pos else e + 1, hi)
        if m is None:
            return text[a:hi]
        e = m.start()
    return text[a:e]


def sentence_before(text: str, start: int, marks: re.Pattern = SENTENCE_MARK) -> str:
    """The sentence that ends just before ``start`` (the first character of a sentence), its mark left out."""
    return around(text, max(0, start - 1), marks, 0)


def after(text: str, pos: int, marks: re.Pattern = SENTENCE_MARK) -> str:
    """From ``pos`` to the next of ``marks`` (the rest of the sentence), at most REACH characters."""
    m = marks.search(text, pos, min(len(text), pos + REACH))
    return text[pos:m.start() if m else min(len(text), pos + REACH)]


def quote(text: str) -> str:
    """“text”, or the text as it is when it holds quotation marks of its own (践行“两个确立”)."""
    text = text.replace("\n", " ")
    return text if "“" in text or "”" in text else "“" + text + "”"


def message_for(found: str, fix: str | None, reason: str) -> str:
    if fix is None:
        return f"{quote(found)}：{reason}"
    if not fix:
        return f"{quote(found)}应删去：{reason}"
    if fix == f"“{found}”":
        return f"{found}应加引号：{fix}"
    return f"{quote(found)}应为{quote(fix)}"


class RuleSet:
    """Compiled rule rows; run() yields the Slips of one document."""

    def __init__(self, rules: Iterable[Rule]):
        self.rules = list(rules)
        self._ctx = {r.id: tuple(re.compile(c) if c else None for c in
                                 (_at_end(r.before), r.after, _at_end(r.not_before), r.not_after))
                     for r in self.rules}

    def run(self, doc: Doc) -> list[Slip]:
        out: list[Slip] = []
        text = doc.text
        for rule in self.rules:
            before, after, not_before, not_after = self._ctx[rule.id]
            for m in rule.pattern.finditer(text):
                s, e = m.span()
                if s == e:
                    continue
                if before or not_before:
                    left = text[max(0, s - LOOK):s].rpartition(SEP)[2]
                    if before and not before.search(left):
                        continue
                    if not_before and not_before.search(left):
                        continue
                if after and not after.match(text, e):
                    continue
                if not_after and not_after.match(text, e):
                    continue
                fix = m.expand(rule.suggest) if rule.suggest is not None else None
                if fix == "∅":
                    fix = ""
                slip = doc.slip(s, e, rule.id, rule.cls, message_for(m.group(), fix, rule.reason), fix,
                                rule.reason, rule.source)
                if slip is not None:
                    out.append(slip)
        return out


def _at_end(pattern: str) -> str:
    return f"(?:{pattern})$" if pattern else ""
