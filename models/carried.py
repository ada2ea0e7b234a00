"""沿用 marks: text 复制为新报告 carried over from last year's report stays marked until it is edited.

A mark is the carried text itself, keyed by the field it went into. A field counts as carried while it
still holds exactly one of the carried texts (so moving an item keeps its mark, and any edit clears it).
"""

from __future__ import annotations

from models.fields import iter_fields
from models.report import Report

# Content an official rewrites every year; headings, title and signature are the template's own words.
CARRIED_NAMES = ("preamble", "closing", "intro", "lead", "body")


def is_content(path: str) -> bool:
    return path.rsplit(".", 1)[-1] in CARRIED_NAMES


def mark_carried(report: Report) -> None:
    """Mark every non-empty content field of a freshly copied report as 沿用."""
    report.carried = {path: text for path, text in iter_fields(report) if text.strip() and is_content(path)}


def carried_fields(report: Report) -> list[str]:
    """Paths of the fields that still hold carried text, in reading order."""
    if not report.carried:
        return []
    texts = set(report.carried.values())
    return [path for path, text in iter_fields(report) if text.strip() and is_content(path) and text in texts]


def prune_carried(report: Report) -> None:
    """Forget marks whose text is no longer anywhere in the report (it was edited or deleted)."""
    if not report.carried:
        return
    live = {text for path, text in iter_fields(report) if is_content(path)}
    report.carried = {path: text for path, text in report.carried.items() if text in live}
