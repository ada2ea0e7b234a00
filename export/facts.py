"""What typesetting learned about a report (pages, paragraph ends, fonts), for models/checks.py."""

from __future__ import annotations

from export.layout import Layout, layout_report
from models.facts import FitNote, ParagraphEnd, TypesetFacts


def facts_from_layout(layout: Layout) -> TypesetFacts:
    ends: list[ParagraphEnd] = []
    for page in layout.pages:
        for line in page.lines:
            if line.paragraph < 0 or not line.is_last_of_paragraph or not line.source:
                continue
            path, start, end = line.source[-1]
            ends.append(ParagraphEnd(path, start, end, len(line.glyphs), page.number))
    return TypesetFacts(
        pages=len(layout.pages),
        paragraph_ends=ends,
        missing=_with_hints(layout.missing),
        fallbacks=list(layout.fallbacks),
        substitutions=list(layout.substitutions),
        fit=[FitNote(*note) for note in layout.fit],
    )


def _with_hints(missing: list) -> list:
    """Name an installed font that has each missing character, when one does (rare: asked per character)."""
    if not missing:
        return []
    from dataclasses import replace

    from export.fontfind import installed_with

    hints = installed_with(p.char for p in missing)
    return [replace(p, found_in=hints[p.char]) for p in missing]


def typeset_facts(report, fonts=None) -> TypesetFacts:
    """Lay the report out (no PDF drawn) and tell the checks what came out."""
    return facts_from_layout(layout_report(report, fonts))


def facts_from_result(report, result) -> TypesetFacts:
    """The facts of an export or preview that already ran (ExportResult carries its layout)."""
    if result.layout is None:
        return typeset_facts(report)
    return facts_from_layout(result.layout)
