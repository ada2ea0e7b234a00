"""Report text made safe for XML formats (.docx, OFD), once, before layout.

XML 1.0 forbids most C0 controls and U+FFFE/U+FFFF; a report can hold them (pasted text, a data file with
\\u0000 escapes). lxml then refuses the .docx with a ValueError, and the OFD's hand-written XML becomes a
file no reader opens. Each forbidden character is replaced by one that lays out the same way, so the
pages do not move: vertical tab and form feed by a newline (both already end a paragraph), other controls
by U+200B (a format character, dropped like a control), noncharacters by U+FFFD.
"""

from __future__ import annotations

import dataclasses
import re

_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\ud800-\udfff]")
_BREAKS = re.compile("[\x0b\x0c]")
_NONCHARS = re.compile("[\ufffe\uffff]")


def xml_text(text: str) -> str:
    if text.isprintable():  # the common case in C: nothing to do
        return text
    text = _CONTROLS.sub("\u200b", text)
    text = _BREAKS.sub("\n", text)
    return _NONCHARS.sub("\ufffd", text)


def xml_safe(value):
    """A copy of ``value`` (a report or any part of it) whose every string is XML-safe; others shared."""
    if isinstance(value, str):
        return xml_text(value)
    if isinstance(value, list):
        return [xml_safe(v) for v in value]
    if isinstance(value, tuple):
        return tuple(xml_safe(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: xml_safe(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
        return dataclasses.replace(value, **changes)
    return value
