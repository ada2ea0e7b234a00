"""What the live preview needs from one typesetting run, computed in a worker process.

Everything here pickles: the window's process never lays out text itself, so a long report
being typeset never competes with typing for the interpreter.
"""

from __future__ import annotations

from dataclasses import dataclass

from export.backends.pdf import render_pdf_bytes
from export.errors import ExportError
from export.facts import facts_from_layout
from export.locate import LineMap, line_map
from models.facts import TypesetFacts
from models.report import Report


@dataclass
class PreviewResult:
    data: bytes  # the PDF, exactly as export would write it
    pages: int
    warnings: list[str]
    facts: TypesetFacts
    lines: LineMap


def typeset_for_preview(report: Report) -> PreviewResult | str:
    """A PreviewResult, or the Chinese message of an ExportError."""
    try:
        data, result = render_pdf_bytes(report)
    except ExportError as e:
        return str(e)
    return PreviewResult(data, result.pages, result.warnings, facts_from_layout(result.layout), line_map(result.layout))
