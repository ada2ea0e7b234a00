"""Lines that are the printed page's furniture, not the report's words: page numbers typed or copied as text.

A report copied out of a printed or PDF file, or typed by someone who numbered the pages by hand, carries
- 1 -, －2－, — 3 — or 第3页 共5页 between its paragraphs. Tianbao prints its own page numbers (GB/T 9704 §7.5),
so these lines are left out, and the summary says so.
"""

from __future__ import annotations

import re

from models.importers.lines import Line

_DASH = "-－—–~～"
_PAGE_NUMBER = re.compile(
    rf"[{_DASH}]{{1,2}}\s*\d{{1,3}}\s*[{_DASH}]{{1,2}}"  # - 1 -, －2－, — 3 —, ——4——
    r"|第\s*\d{1,3}\s*页\s*[,，、/／]?\s*(?:共\s*\d{1,3}\s*页)?"  # 第3页, 第 3 页 共 5 页
    r"|共\s*\d{1,3}\s*页\s*[,，、/／]?\s*第\s*\d{1,3}\s*页")  # 共5页 第3页


def drop_page_numbers(lines: list[Line], notes: list[str]) -> list[Line]:
    """``lines`` without the paragraphs that are only a page number (never a table cell: a table may count)."""
    kept: list[Line] = []
    dropped: list[str] = []
    for ln in lines:
        if not ln.in_table and _PAGE_NUMBER.fullmatch(ln.text):
            dropped.append(ln.text)
        else:
            kept.append(ln)
    if dropped:
        notes.append(f"“{dropped[0]}”等 {len(dropped)} 行是打印稿上的页码，没有导入（导出时会重新生成页码）")
    return kept
