"""The 检查 entry for 沿用 marks (models/carried.py): carried text not yet looked at."""

from __future__ import annotations

from models.carried import carried_fields
from models.fields import get_field
from models.report import Report


def carried_findings(report: Report) -> list:
    """One warning per field still holding text carried over by 复制为新报告."""
    from models.checks import WARNING, Finding  # checks imports this module

    found = []
    for path in carried_fields(report):
        text = get_field(report, path)
        found.append(Finding("carried", WARNING, path, 0, len(text), "沿用原报告的内容，尚未修改", None, text))
    return found
