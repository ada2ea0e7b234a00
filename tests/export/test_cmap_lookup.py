"""A few codes looked up in a cmap subtable give what reading the whole subtable gives; ink boxes stay fontTools'."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from fontTools.ttLib import TTCollection, TTFont

from export import cmapread, glyphbox
from tests.export.test_fonts import CWFS, DEJAVU, KAI, SUNG, WQY, needs_debian_fonts

FILES = [p for p in (SUNG, KAI, WQY, CWFS, DEJAVU, *Path("/usr/share/fonts/truetype/dejavu").glob("*.ttf")) if p.exists()]


def _faces(path: Path) -> list:
    return TTCollection(str(path), lazy=True).fonts if path.suffix == ".ttc" else [TTFont(str(path), lazy=True)]


@needs_debian_fonts
@pytest.mark.parametrize("path", FILES[:8], ids=lambda p: p.name)
def test_lookup_equals_the_whole_subtable(path):
    codes = [*range(0x10000), 0x1F600, 0x20000, 0x2A6D6, 0x10FFFF]
    checked = 0
    for font in _faces(path):
        for table in cmapread.subtables(font):
            whole = cmapread.glyph_ids(table)
            if whole is None:
                assert cmapread.lookup(table, codes) is None  # other formats: the caller reads the table
                continue
            assert cmapread.lookup(table, codes) == {c: whole[c] for c in codes if c in whole}
            checked += 1
    assert checked


class _Table:
    """A format 12 subtable as cmapread.subtables leaves it: the bytes after its header, its group count."""

    format = 12

    def __init__(self, groups: list[tuple[int, int, int]]):
        self.data = b"".join(struct.pack(">3L", *g) for g in groups)
        self.nGroups = len(groups)


def test_unsorted_or_overlapping_groups_are_left_to_the_whole_read():
    assert cmapread.lookup(_Table([(0x4E00, 0x4E10, 5), (0x4E20, 0x4E30, 40)]), [0x4E01, 0x4E25, 0x4E15]) == {
        0x4E01: 6, 0x4E25: 45}
    assert cmapread.lookup(_Table([(0x4E20, 0x4E30, 40), (0x4E00, 0x4E10, 5)]), [0x4E01]) is None
    assert cmapread.lookup(_Table([(0x4E00, 0x4E20, 5), (0x4E20, 0x4E30, 40)]), [0x4E20]) is None
    assert cmapread.lookup(_Table([(0x41, 0x42, 0)]), [0x41, 0x42]) == {0x42: 1}  # glyph 0 is no glyph


@needs_debian_fonts
@pytest.mark.parametrize("path", [SUNG, WQY, CWFS, DEJAVU], ids=lambda p: p.name)
def test_ink_boxes_are_fonttools_own(path):
    for index, font in enumerate(_faces(path)):
        cmap, glyf, upem = font.getBestCmap(), font["glyf"], font["head"].unitsPerEm
        expected = {}
        for ch in glyphbox.MARKS:
            if ord(ch) in cmap:
                glyph = glyf[cmap[ord(ch)]]
                if glyph.numberOfContours:
                    glyph.recalcBounds(glyf)
                    expected[ch] = (glyph.xMin / upem, glyph.yMin / upem, glyph.xMax / upem, glyph.yMax / upem)
        assert glyphbox._read(str(path), index) == expected


@needs_debian_fonts
def test_delta_only_format4_read_at_once_equals_segment_by_segment(monkeypatch):
    at_once = []
    whole_read = cmapread._format4_whole
    monkeypatch.setattr(cmapread, "_format4_whole", lambda *a: at_once.append(whole_read(*a)) or at_once[-1])
    for path in FILES:
        for font in _faces(path):
            for table in cmapread.subtables(font):
                if table.format != 4:
                    continue
                whole = cmapread._format4(table.data)
                with monkeypatch.context() as m:
                    m.setattr(cmapread, "_format4_whole", lambda *a: None)
                    by_segment = cmapread._format4(table.data)
                assert list(whole.items()) == list(by_segment.items())  # the same, in the same order
    assert any(r is not None for r in at_once)  # the AR PL faces map by delta alone: read at once
