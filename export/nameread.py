"""A font's 'name' records decoded as fontTools decodes them, without importing fontTools' name table:
that module imports otTables (~20 ms, most of fontTools' share of a first export) for features we never use.

Anything unexpected falls back to fontTools' own table, so a damaged font behaves exactly as before.
"""

from __future__ import annotations

import struct


class Record:
    """One name record: the attributes and toUnicode() of fontTools' NameRecord that the index reads."""

    __slots__ = ("platformID", "platEncID", "langID", "nameID", "string")

    def __init__(self, platform: int, encoding: int, lang: int, name_id: int, string: bytes):
        self.platformID, self.platEncID, self.langID, self.nameID = platform, encoding, lang, name_id
        self.string = string

    def toUnicode(self, errors: str = "strict") -> str:  # noqa: N802 - fontTools' name
        """fontTools' NameRecord.toUnicode (fontTools 4.x, MIT): same encoding and the same repairs."""
        def isascii(b: int) -> bool:
            return 0x20 <= b <= 0x7E or b in (0x09, 0x0A, 0x0D)

        encoding = encoding_of(self.platformID, self.platEncID, self.langID)
        string = self.string
        if encoding == "utf_16_be" and len(string) % 2 == 1:
            if string[-1] == 0:
                string = string[:-1]
            elif all(b == 0 if i % 2 else isascii(b) for i, b in enumerate(string)):
                string = b"\0" + string
            elif string[0] == 0 and all(isascii(b) for b in string[1:]):
                string = b"".join(b"\0" + bytes((b,)) for b in string[1:])
        text = string.decode(encoding, errors)
        if all(ord(c) == 0 if i % 2 == 0 else isascii(ord(c)) for i, c in enumerate(text)):
            text = "".join(text[1::2])
        return text


_UTF16 = frozenset({(0, e) for e in range(7)} | {(3, 0), (3, 1), (3, 10)})
_MAC_NOT_ROMAN = frozenset((15, 17, 18, 24, 25, 26, 27, 28, 36, 37, 38, 39, 40))  # Mac languages of other codecs


def encoding_of(platform: int, encoding: int, lang: int) -> str:
    """fontTools' getEncoding(platform, encoding, lang, "ascii"): the common records (Unicode, Windows Unicode,
    Mac Roman) answered here without importing fontTools (~2.5 ms of a first export), the rest by fontTools."""
    if (platform, encoding) in _UTF16:
        return "utf_16_be"
    if platform == 1 and encoding == 0 and lang not in _MAC_NOT_ROMAN:
        return "mac_roman"
    from fontTools.misc.encodingTools import getEncoding

    return getEncoding(platform, encoding, lang, "ascii")


def records(font) -> list:
    """The name records of a fontTools TTFont (lazy), in table order; fontTools' own if ours cannot read them."""
    try:
        return _read(font.reader["name"])
    except Exception:  # noqa: BLE001 - fontTools decides what a damaged table means, as before
        return font["name"].names


def _read(data: bytes) -> list[Record]:
    fmt, count, string_offset = struct.unpack(">HHH", data[:6])
    if fmt not in (0, 1) or string_offset != 6 + 12 * count or len(data) < string_offset:
        raise ValueError("not a plain name table")
    strings = data[string_offset:]
    out = []
    for i in range(count):
        platform, encoding, lang, name_id, length, offset = struct.unpack_from(">6H", data, 6 + 12 * i)
        if offset + length > len(strings):
            raise ValueError("name record out of range")
        out.append(Record(platform, encoding, lang, name_id, strings[offset:offset + length]))
    return out
