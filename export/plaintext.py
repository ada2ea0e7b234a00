"""A report as the plain text its printed pages read, frame included (历史版本 shows versions this way).

The same paragraphs the layout draws (export/paragraphs.py: numbers as printed, blank items left out,
an appended 。 after a lead phrase) and the same frame words (geometry's labels), one paragraph a line,
in page order: 版头, title, 主送, body, 附件说明, signature and date, 附件, 版记. No fonts, no layout.
"""

from __future__ import annotations

from export import geometry as g
from export.paragraphs import Paragraph, _Builder, build_paragraphs, places
from models.report import Report, format_date

_GAP = None  # an empty line between the parts of the page, as the page leaves space between them


def printed_text(report: Report) -> str:
    """The report's printed words, one paragraph a line, ending with a newline (empty parts left out)."""
    title, body = build_paragraphs(report)
    out: list[str | None] = []
    out += _letterhead(report)
    out += [_text(p) for p in title]
    out += _recipient(report.recipient)
    out += [_text(p) for p in body]
    tail = _attachment_note(report) + _signature(report)
    if tail:
        out += [_GAP, *tail]
    for n, att in enumerate(report.attachments):
        head = g.ATTACHMENT_HEAD + (str(n + 1) if len(report.attachments) > 1 else "")
        out += [_GAP, head, *_lines(att.title), *_lines(att.body)]
    record = _record(report)
    if record:
        out += [_GAP, *record]
    lines: list[str] = []
    for line in out:  # one empty line between parts, none at the ends
        if line is not _GAP:
            lines.append(line)
        elif lines and lines[-1]:
            lines.append("")
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n" if lines else ""


def _text(p: Paragraph) -> str:
    """A paragraph's printed characters, read from its pieces (no Char objects: a 140-page report ~15 ms)."""
    return "".join(place[0] for place in places(p.source))


def _lines(text: str) -> list[str]:
    """A field's paragraphs as printed: typed indentation and blank lines dropped."""
    b = _Builder()
    b.start("body")
    b.text("", text, "body")
    b.end()
    return [_text(p) for p in b.paragraphs]


def _one_line(text: str) -> str:
    """A one-line part of the frame: a typed line break reads as a space."""
    return " ".join(_lines(text))


def _letterhead(report: Report) -> list[str | None]:
    lh = report.letterhead
    if lh is None:
        return []
    out = [_one_line(getattr(lh, name)) for name in g.HEAD_FIELDS]
    out.append(_one_line(lh.mark))
    out.append(_one_line(lh.number))
    signers = [s for s in (_one_line(s) for s in lh.signers) if s]
    if signers:
        out.append(g.SIGNER_LABEL + "　".join(signers))
    out = [line for line in out if line]
    return [*out, _GAP] if out else []


def _recipient(text: str) -> list[str]:
    lines = _lines(text)
    if lines and lines[-1][-1] not in g.RECIPIENT_TYPED_COLONS:
        lines[-1] += g.RECIPIENT_COLON
    return lines


def _attachment_note(report: Report) -> list[str]:
    atts = report.attachments
    if not atts:
        return []
    out = []
    for n, att in enumerate(atts):
        name = _one_line(att.title).rstrip("".join(g.ATTACHMENT_NAME_END))
        number = f"{n + 1}." if len(atts) > 1 else ""
        label = g.ATTACHMENT_LABEL if n == 0 else "　" * len(g.ATTACHMENT_LABEL)
        out.append(label + number + name)
    return out


def _signature(report: Report) -> list[str]:
    return [*_lines(report.signature), format_date(report.date)] if report.date else _lines(report.signature)


def _record(report: Report) -> list[str]:
    rec = report.record
    if rec is None:
        return []
    out = []
    cc = _one_line(rec.cc)
    if cc:
        out.append(g.RECORD_CC_LABEL + cc)
    issuer, date = _one_line(rec.issuer), format_date(rec.date)
    if issuer or date:
        out.append("　　".join(x for x in (issuer, date + g.RECORD_ISSUED if date else "") if x))
    return out
