"""Notice a whole document pasted into one field: several 一、/一是/（一） starting its lines."""

from __future__ import annotations

import re

from models.report import Report

_LINE_START = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}、|[一二三四五六七八九十]{1,3}是|[（(][一二三四五六七八九十]{1,3}[）)])")
_SECOND = re.compile(r"\s*(?:二、|二是|[（(]二[）)])")


def looks_like_document(text: str) -> bool:
    """Three or more lines start with a number, one of them a second one (二、 二是 （二）)."""
    lines = text.split("\n")
    starts = [ln for ln in lines if _LINE_START.match(ln)]
    return len(starts) >= 3 and any(_SECOND.match(ln) for ln in starts) and any(
        re.match(r"\s*[一二三四五六七八九十]{1,3}、", ln) for ln in starts)


def pasted_document(report: Report) -> str:
    """The text of the first free-text field (开头语, 引言, 正文) that holds a whole pasted document, or ''."""
    fields = [report.preamble] + [s.intro for s in report.sections]
    fields += [i.body for s in report.sections for i in s.items]
    return next((t for t in fields if t.count("\n") >= 2 and looks_like_document(t)), "")
