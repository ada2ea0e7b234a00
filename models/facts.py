"""What typesetting learned about a report, handed to the checks without importing export/."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class CharPlace:
    char: str
    field: str  # a field path, see models.fields
    offset: int  # index of the character in that field's text
    found_in: str = ""  # missing only: an installed font that has it but cannot be embedded (CFF, licence)


@dataclass(frozen=True)
class FallbackPlace(CharPlace):
    font: str = ""  # family name of the font the character is drawn from


@dataclass(frozen=True)
class ParagraphEnd:
    """The last printed line of one paragraph."""

    field: str
    start: int  # character range of that last line within the field's text
    end: int
    chars: int  # printed characters on the line (not counting the indent)
    page: int  # 1-based


@dataclass(frozen=True)
class FitNote:
    """A part of the frame the layout could not set as GB/T 9704 wants (too long, too many)."""

    field: str
    text: str  # the field's text when it was laid out (a note on older text is dropped)
    message: str


@dataclass
class TypesetFacts:
    pages: int = 0
    paragraph_ends: list[ParagraphEnd] = field(default_factory=list)
    missing: list[CharPlace] = field(default_factory=list)  # no installed font has it
    fallbacks: list[FallbackPlace] = field(default_factory=list)  # drawn from a fallback font
    substitutions: list[str] = field(default_factory=list)  # human sentences, e.g. 正文使用 AR PL SungtiL GB 代替仿宋
    fit: list[FitNote] = field(default_factory=list)
