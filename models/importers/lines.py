"""A paragraph as read from a source file: its printed text and the few formatting hints the frame needs."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Line:
    text: str
    red: bool = False  # printed in red (the 发文机关标志)
    size: float = 0.0  # largest font size in pt, 0 when unknown
    center: bool = False
    in_table: bool = False
    numbered: bool = False  # carries a Word automatic number
    before_text: bool = False  # a text box anchored before its paragraph's text
    bold_lead: str = ""  # bold text opening a paragraph that goes on in regular type (an unnumbered lead)


def plain_lines(text: str) -> list[Line]:
    """Lines of plain text (a .txt, a paste, a .doc's text stream)."""
    return [Line(t) for t in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
