"""How big a stored report is, counted in SQL before it is loaded into memory.

A database handed over (or crafted) can hold what no import and no typing would bring: a million items,
a 50 MB body. Loading such a report would take the window minutes and gigabytes; it is refused with one
message instead, the file untouched. The caps are generous multiples of the import caps
(models/importers/limits.py), so a report an official has grown by hand always opens.
"""

from __future__ import annotations

import sqlite3

from models.importers.limits import MAX_CHARS, MAX_PARAGRAPHS, STORED_FACTOR

MAX_STORED_ROWS = STORED_FACTOR * MAX_PARAGRAPHS  # sections, items and attachments of one report
MAX_STORED_CHARS = STORED_FACTOR * MAX_CHARS  # characters of its sections, items and attachments

_ROWS = ("SELECT (SELECT count(*) FROM sections WHERE report_id=:r)"
         " + (SELECT count(*) FROM items JOIN sections ON sections.id = section_id WHERE report_id=:r)")
_CHARS = ("SELECT (SELECT coalesce(sum(length(heading) + length(intro)), 0) FROM sections WHERE report_id=:r)"
          " + (SELECT coalesce(sum(length(lead) + length(body)), 0) FROM items JOIN sections"
          " ON sections.id = section_id WHERE report_id=:r)")
_ATTACHMENTS_ROWS = " + (SELECT count(*) FROM attachments WHERE report_id=:r)"
_ATTACHMENTS_CHARS = " + (SELECT coalesce(sum(length(title) + length(body)), 0) FROM attachments WHERE report_id=:r)"
_REPORT_CHARS = ("SELECT coalesce(length(title), 0) + coalesce(length(preamble), 0) + coalesce(length(closing), 0)"
                 " + coalesce(length(signature), 0) FROM reports WHERE id=:r")


def too_big(conn: sqlite3.Connection, report_id: int, attachments: bool) -> str:
    """'' when report ``report_id`` is within MAX_STORED_ROWS and MAX_STORED_CHARS, else what is over."""
    rows = conn.execute(_ROWS + (_ATTACHMENTS_ROWS if attachments else ""), {"r": report_id}).fetchone()[0]
    if (rows or 0) > MAX_STORED_ROWS:
        return f"有 {rows:,} 个部分、条目和附件（最多 {MAX_STORED_ROWS:,} 个）"
    chars = conn.execute(_CHARS + (_ATTACHMENTS_CHARS if attachments else ""), {"r": report_id}).fetchone()[0]
    own = conn.execute(_REPORT_CHARS, {"r": report_id}).fetchone()
    chars = (chars or 0) + ((own[0] or 0) if own else 0)
    if chars > MAX_STORED_CHARS:
        return f"有 {chars:,} 字（最多 {MAX_STORED_CHARS:,} 字）"
    return ""
