"""Our 'name' reader gives what fontTools' name table gives, repairs and damaged tables included."""

from __future__ import annotations

import struct

from fontTools.ttLib import TTCollection, TTFont
from fontTools.ttLib.tables._n_a_m_e import table__n_a_m_e

from export import fontindex, nameread


def _decoded(recs) -> list[tuple]:
    return [(r.platformID, r.platEncID, r.langID, r.nameID, r.toUnicode(errors="replace")) for r in recs]


def _table(entries: list[tuple[int, int, int, int, bytes]]) -> bytes:
    head = struct.pack(">HHH", 0, len(entries), 6 + 12 * len(entries))
    strings = b""
    for p, e, lang, nid, s in entries:
        head += struct.pack(">6H", p, e, lang, nid, len(s), len(strings))
        strings += s
    return head + strings


def test_installed_fonts_read_alike():
    faces = 0
    for path in fontindex.font_files()[:40]:
        with open(path, "rb") as fh:
            fonts = TTCollection(path, lazy=True).fonts if fh.read(4) == b"ttcf" else [TTFont(path, lazy=True)]
        for font in fonts:
            if "name" in font:
                assert _decoded(nameread.records(font)) == _decoded(font["name"].names), path
                faces += 1
    assert faces > 0


def test_odd_and_double_encoded_strings_are_repaired_as_fonttools_does():
    data = _table([
        (3, 1, 0x409, 1, "仿宋".encode("utf-16-be") + b"\0"),  # odd length ending in zero
        (3, 1, 0x409, 4, b"A\0B\0C"),  # ASCII with zeros between: one zero missing in front
        (3, 1, 0x804, 1, b"\0AB"),  # a zero then ASCII, odd
        (1, 0, 0, 6, b"\0F\0o\0o"),  # Mac Roman that is really UTF-16BE
        (3, 3, 0x804, 1, "黑体".encode("gb2312")),
        (3, 1, 0x409, 2, b"\xd8\x00\x00"),  # a lone surrogate, odd: replaced, not raised
    ])
    theirs = table__n_a_m_e("name")
    theirs.decompile(data, None)
    assert _decoded(nameread._read(data)) == _decoded(theirs.names)
    assert [r.toUnicode() for r in nameread._read(data)[:4]] == ["仿宋", "ABC", "AB", "Foo"]


class _Damaged:
    """A font whose name table our reader refuses (a record past the strings): fontTools' table is used."""

    def __init__(self, data: bytes):
        self.reader = {"name": data}
        self.table = table__n_a_m_e("name")
        self.table.decompile(data, None)

    def __getitem__(self, tag):
        return self.table


def test_damaged_table_is_left_to_fonttools():
    data = _table([(3, 1, 0x409, 1, "AB".encode("utf-16-be"))])
    bad = data[:6] + data[6:14] + struct.pack(">H", 200) + data[16:]  # record 0's offset past the strings
    font = _Damaged(bad)
    assert nameread.records(font) is font.table.names


def test_encoding_of_is_fonttools_get_encoding():
    from fontTools.misc.encodingTools import getEncoding

    from export.nameread import encoding_of

    for platform in range(5):
        for encoding in range(40):
            for lang in (*range(45), 0x409, 0x804, 0xFFFF):
                assert encoding_of(platform, encoding, lang) == getEncoding(platform, encoding, lang, "ascii")
