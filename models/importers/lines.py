"""A paragraph as read from a source file: its printed text and the few formatting hints the frame needs."""

from __future__ import annotations

from dataclasses import dataclass

# A 。 that Tianbao's export added after a lead phrase typed without one (export/paragraphs.py needs_stop) is
# marked in the .docx by a hidden bookmark of this name (Word and WPS hide bookmarks starting with "_"), so an
# import gives the lead back as typed. The reader puts ADDED_STOP in its place; structure.py drops it at the
# end of a lead and turns any other back into 。.
ADDED_STOP_BOOKMARK = "_TianbaoAddedStop"
ADDED_STOP = "\ufdd0"  # a noncharacter: never in a document's text (exports replace them, export/xmltext.py)


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
    bold: bool = False  # every printed character bold: a heading typed without a number, or a title


def plain_lines(text: str) -> list[Line]:
    """Lines of plain text (a .txt, a paste, a .doc's text stream)."""
    return [Line(t) for t in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
