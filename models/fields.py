"""Field paths: one string names each text field of a report, shared by layout, checks and UI.

"title", "preamble", "closing", "signature", "date",
"sections.0.heading", "sections.0.intro",
"sections.0.items.2.lead", "sections.0.items.2.body"
"""

from __future__ import annotations

from collections.abc import Iterator

from models.report import Report, format_date

TOP_FIELDS = ("title", "preamble", "closing", "signature")


def section_field(si: int, name: str) -> str:
    return f"sections.{si}.{name}"


def item_field(si: int, ii: int, name: str) -> str:
    return f"sections.{si}.items.{ii}.{name}"


def parse_field(path: str) -> tuple:
    """"sections.0.items.2.body" -> ("sections", 0, "items", 2, "body")."""
    return tuple(int(p) if p.isdigit() else p for p in path.split("."))


def get_field(report: Report, path: str) -> str:
    parts = parse_field(path)
    if parts == ("date",):
        return format_date(report.date)
    if len(parts) == 1:
        return getattr(report, parts[0])
    if len(parts) == 3:
        return getattr(report.sections[parts[1]], parts[2])
    return getattr(report.sections[parts[1]].items[parts[3]], parts[4])


def set_field(report: Report, path: str, value: str) -> None:
    parts = parse_field(path)
    if len(parts) == 1 and parts[0] in TOP_FIELDS:
        setattr(report, parts[0], value)
    elif len(parts) == 3:
        setattr(report.sections[parts[1]], parts[2], value)
    elif len(parts) == 5:
        setattr(report.sections[parts[1]].items[parts[3]], parts[4], value)
    else:
        raise KeyError(path)


def iter_fields(report: Report) -> Iterator[tuple[str, str]]:
    """Every editable text field in reading order, as (path, text)."""
    yield "title", report.title
    yield "preamble", report.preamble
    for si, s in enumerate(report.sections):
        yield section_field(si, "heading"), s.heading
        yield section_field(si, "intro"), s.intro
        for ii, it in enumerate(s.items):
            yield item_field(si, ii, "lead"), it.lead
            yield item_field(si, ii, "body"), it.body
    yield "closing", report.closing
    yield "signature", report.signature
