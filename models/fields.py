"""Field paths: one string names each text field of a report, shared by layout, checks and UI.

"title", "preamble", "closing", "signature", "date",
"sections.0.heading", "sections.0.intro",
"sections.0.items.2.lead", "sections.0.items.2.body",
the official-document frame: "recipient", "attachments.0.title", "attachments.0.body",
"letterhead.mark", "letterhead.number", "letterhead.signers.0", "letterhead.copy_no",
"letterhead.secrecy", "letterhead.urgency", "record.cc", "record.issuer"
"""

from __future__ import annotations

from collections.abc import Iterator

from models.report import Report, format_date

TOP_FIELDS = ("title", "preamble", "closing", "signature", "recipient")
LETTERHEAD_FIELDS = ("copy_no", "secrecy", "urgency", "mark", "number")
RECORD_FIELDS = ("cc", "issuer")


def attachment_field(ai: int, name: str) -> str:
    return f"attachments.{ai}.{name}"


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
    if parts[0] in _FRAME_GETTERS:
        return _FRAME_GETTERS[parts[0]](report, parts)
    if len(parts) == 1:
        return getattr(report, parts[0])
    if len(parts) == 3:
        return getattr(report.sections[parts[1]], parts[2])
    return getattr(report.sections[parts[1]].items[parts[3]], parts[4])


def set_field(report: Report, path: str, value: str) -> None:
    parts = parse_field(path)
    if parts[0] == "attachments" and len(parts) == 3:
        setattr(report.attachments[parts[1]], parts[2], value)
    elif parts[0] == "letterhead" and report.letterhead is not None:
        if len(parts) == 3 and parts[1] == "signers":
            report.letterhead.signers[parts[2]] = value
        else:
            setattr(report.letterhead, parts[1], value)
    elif parts[0] == "record" and report.record is not None and len(parts) == 2:
        setattr(report.record, parts[1], value)
    elif len(parts) == 1 and parts[0] in TOP_FIELDS:
        setattr(report, parts[0], value)
    elif len(parts) == 3:
        setattr(report.sections[parts[1]], parts[2], value)
    elif len(parts) == 5:
        setattr(report.sections[parts[1]].items[parts[3]], parts[4], value)
    else:
        raise KeyError(path)


def iter_fields(report: Report) -> Iterator[tuple[str, str]]:
    """Every editable text field in reading order, as (path, text)."""
    lh = report.letterhead
    if lh is not None:
        for name in LETTERHEAD_FIELDS:
            yield f"letterhead.{name}", getattr(lh, name)
        for n, signer in enumerate(lh.signers):
            yield f"letterhead.signers.{n}", signer
    yield "title", report.title
    yield "recipient", report.recipient
    yield "preamble", report.preamble
    for si, s in enumerate(report.sections):
        yield section_field(si, "heading"), s.heading
        yield section_field(si, "intro"), s.intro
        for ii, it in enumerate(s.items):
            yield item_field(si, ii, "lead"), it.lead
            yield item_field(si, ii, "body"), it.body
    yield "closing", report.closing
    yield "signature", report.signature
    for ai, a in enumerate(report.attachments):
        yield attachment_field(ai, "title"), a.title
        yield attachment_field(ai, "body"), a.body
    if report.record is not None:
        for name in RECORD_FIELDS:
            yield f"record.{name}", getattr(report.record, name)


def _letterhead_get(report: Report, parts: tuple) -> str:
    lh = report.letterhead
    if lh is None:
        return ""
    return lh.signers[parts[2]] if parts[1] == "signers" else getattr(lh, parts[1])


_FRAME_GETTERS = {
    "attachments": lambda r, p: getattr(r.attachments[p[1]], p[2]),
    "letterhead": _letterhead_get,
    # "record.date" reads as printed (2026年12月8日), as "date" does: the layout traces its digits there
    "record": lambda r, p: "" if r.record is None else format_date(r.record.date) if p[1] == "date"
    else getattr(r.record, p[1]),
}
