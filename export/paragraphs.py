"""Report -> the paragraphs a reader sees, each character tagged with its role and its source place.

Generated text (一、, 一是, （一）, an appended 。) has no source field. Newlines in a field start new
paragraphs; indentation typed by the user and control characters are dropped here, once. A paragraph
keeps the pieces it is built from and makes its characters when they are first asked for (the layout
asks one paragraph at a time, so a long report's characters are never all held at once).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from models.fields import item_field, section_field
from models.report import HEADING, YISHI, Report, chinese_number, item_number, section_number

_NEWLINES = re.compile(r"\r\n|[\n\r\u2028\u2029\x0b\x0c\x85]")
_LEAD_END = frozenset("。！？；：…!?;:")
_INDENT = frozenset(" \t\u3000\u00a0")
# A CJK character sliced from a str is a new 76-byte object each time: one shared object per character
# (every glyph of a long report refers to it), "" for a character never drawn (see printable).
_ONE: dict[str, str] = {}


@dataclass(slots=True)
class Char:
    ch: str
    role: str  # font role: title, body, heading1, heading2
    bold: bool  # fake bold (the lead phrase of an item)
    field: str | None  # source field path; None for generated text
    offset: int  # index in the field's text


@dataclass
class Paragraph:
    kind: str  # title, body, heading1, heading2
    keep_with_next: bool = False  # headings: never the last line of a page
    # The pieces it is built from, in order: (text, role, bold) generated, (field path, start, text, role,
    # bold) a field's text from ``start``. Its characters are made from them (see places); incremental.py
    # keys a paragraph's lines by them.
    source: list = field(default_factory=list, repr=False, compare=False)
    made: list[Char] | None = field(default=None, repr=False, compare=False)  # chars, once made

    @property
    def chars(self) -> list[Char]:
        if self.made is None:
            self.made = [Char(*place) for place in places(self.source)]
        return self.made

    @chars.setter
    def chars(self, value: list[Char]) -> None:
        self.made = value


def places(source: list) -> Iterator[tuple[str, str, bool, str | None, int]]:
    """(character, role, bold, field, offset) of every character a paragraph's pieces print, in order."""
    one = _ONE
    for piece in source:
        if len(piece) == 3:
            text, role, bold = piece
            for ch in text:
                yield ch, role, bold, None, 0
            continue
        path, start, text, role, bold = piece
        for k, ch in enumerate(text, start):
            c = one.get(ch)
            if c is None:
                c = one[ch] = ch if printable(ch) else ""
            if c:
                yield c, role, bold, path, k


def printable(ch: str) -> bool:
    """Control and format characters (incl. zero-width ones) are dropped, never drawn."""
    return unicodedata.category(ch) not in ("Cc", "Cf", "Cs")


class _Builder:
    """Appends text to the current paragraph; a newline in a field starts the next one."""

    def __init__(self) -> None:
        self.paragraphs: list[Paragraph] = []
        self.cur: Paragraph | None = None
        self.printed = False  # the current paragraph has a character to print

    def start(self, kind: str, keep: bool = False) -> None:
        self.end()
        self.cur = Paragraph(kind, keep_with_next=keep)

    def end(self) -> None:
        if self.cur is not None and self.printed:
            self.paragraphs.append(self.cur)
        self.cur = None
        self.printed = False

    def gen(self, text: str, role: str, bold: bool = False) -> None:
        assert self.cur is not None
        self.cur.source.append((text, role, bold))
        self.printed = self.printed or bool(text)

    def text(self, path: str, text: str, role: str, bold: bool = False) -> None:
        """Field text; each newline closes the paragraph and opens another of the same kind."""
        assert self.cur is not None
        start = 0
        for n, m in enumerate([*_NEWLINES.finditer(text), None]):
            end = m.start() if m is not None else len(text)
            if n:
                kind, keep = self.cur.kind, self.cur.keep_with_next
                self.start(kind, keep)
            self._piece(path, text, start, end, role, bold)
            if m is not None:
                start = m.end()

    def _piece(self, path: str, text: str, start: int, end: int, role: str, bold: bool) -> None:
        # typed indentation and trailing blanks go: the layout indents
        while start < end and (text[start] in _INDENT or not printable(text[start])):
            start += 1
        while end > start and (text[end - 1] in _INDENT or not printable(text[end - 1])):
            end -= 1
        self.cur.source.append((path, start, text[start:end], role, bold))
        self.printed = self.printed or start < end  # text[start] is printable, see above


def needs_stop(lead: str) -> bool:
    """A lead phrase without ending punctuation gets a generated 。."""
    stripped = lead.rstrip(" \t\u3000")
    return bool(stripped) and stripped[-1] not in _LEAD_END


def build_paragraphs(report: Report) -> tuple[list[Paragraph], list[Paragraph]]:
    """(title lines as forced by the user, body paragraphs in reading order)."""
    t = _Builder()
    t.start("title")
    t.text("title", report.title, "title")
    t.end()
    title = t.paragraphs
    b = _Builder()
    _plain(b, "preamble", report.preamble)
    printed_sections = 0
    for si, s in enumerate(report.sections):
        if s.heading.strip():
            b.start("heading1", keep=True)
            b.gen(section_number(printed_sections), "heading1")
            printed_sections += 1
            b.text(section_field(si, "heading"), s.heading, "heading1")
            b.end()
        # Blank items (a fresh template's empty slot) are not printed; the printed ones count 一、二、三 on.
        items = [(ii, it) for ii, it in enumerate(s.items) if it.lead.strip() or it.body.strip()]
        if s.numbering == YISHI and s.run_on:
            b.start("body")
            b.text(section_field(si, "intro"), s.intro, "body")
            for n, (ii, it) in enumerate(items):
                _yishi(b, si, ii, n, it)
            b.end()
            continue
        _plain(b, section_field(si, "intro"), s.intro)
        for n, (ii, it) in enumerate(items):
            if s.numbering == YISHI:
                b.start("body")
                _yishi(b, si, ii, n, it)
            elif s.numbering == HEADING:
                _heading_item(b, si, ii, n, it)
            else:  # 无编号: the lead still opens its paragraph in bold, as a 要点句 does (and as one imported was)
                b.start("body")
                b.text(item_field(si, ii, "lead"), it.lead, "body", bold=True)
                if needs_stop(it.lead) and it.body.strip():
                    b.gen("。", "body", bold=True)
                b.text(item_field(si, ii, "body"), it.body, "body")
            b.end()
    _plain(b, "closing", report.closing)
    b.end()
    return title, b.paragraphs


def _plain(b: _Builder, path: str, text: str) -> None:
    b.start("body")
    b.text(path, text, "body")
    b.end()


def _yishi(b: _Builder, si: int, ii: int, n: int, it) -> None:
    """Item ``ii`` of section ``si``, printed as the ``n``-th (0-based): 一是 + bold lead + 。 + body."""
    b.gen(chinese_number(n + 1) + "是", "body", bold=True)
    b.text(item_field(si, ii, "lead"), it.lead, "body", bold=True)
    if needs_stop(it.lead):
        b.gen("。", "body", bold=True)
    b.text(item_field(si, ii, "body"), it.body, "body")


def _heading_item(b: _Builder, si: int, ii: int, n: int, it) -> None:
    """（一）lead as a 楷体 sub-heading paragraph, the body as paragraphs under it."""
    number = item_number(HEADING, n)
    if it.lead.strip():
        b.start("heading2", keep=bool(it.body.strip()))
        b.gen(number, "heading2")
        b.text(item_field(si, ii, "lead"), it.lead, "heading2")
        b.end()
        b.start("body")
    else:
        b.start("body")
        b.gen(number, "heading2")
    b.text(item_field(si, ii, "body"), it.body, "body")


# One-line parts of the official-document frame (export/frame.py, export/record.py).

def chars_of(text: str, role: str, path: str | None) -> list[Char]:
    """A field's printable characters with their offsets; newlines read as spaces on a one-line part."""
    out = []
    for k, ch in enumerate(text):
        if ch in "\r\n\u2028\u2029":
            if out and out[-1].field is not None:  # a line break typed in a one-line part reads as a space
                out.append(Char(" ", role, False, None, 0))
        elif printable(ch):
            out.append(Char(ch, role, False, path, k))
    while out and out[0].ch in " \t\u3000":
        out.pop(0)
    while out and out[-1].ch in " \t\u3000":
        out.pop()
    return out


def generated(text: str, role: str) -> list[Char]:
    return [Char(ch, role, False, None, 0) for ch in text]
