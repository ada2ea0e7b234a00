"""A lazy font index (hanzi counted only as the choice needs them) chooses the faces the full index chooses."""

from __future__ import annotations

import json

import pytest

from export import fontcount, fontindex, fonts
from export.fontindex import UNCOUNTED
from tests.export.test_fonts import CWFS, DEJAVU, KAI, SUNG, WQY, needs_debian_fonts

CHARS = "国专党永①ā€a5—“”·〇㐀🀄"  # common hanzi, a gap of cwTeX, symbols, Latin, rare and missing characters


def _link(folder, files: dict[str, object]) -> None:
    for name, target in files.items():
        (folder / name).symlink_to(target)


def _fresh_fontset() -> fonts.FontSet:
    fonts._CACHE.clear()
    fonts._WIDTHS.clear()
    return fonts.get_fontset()


def _uncounted() -> int:
    doc = json.loads(fontindex.index_path().read_text(encoding="utf-8"))
    return sum(f["gb2312"] == UNCOUNTED for e in doc["files"].values() for f in e["faces"])


def _same_choice(lazy: fonts.FontSet) -> None:
    """Characters first (the chains' ends made on demand), then whole chains, against a full index's choice."""
    drawn = {(role, ch): lazy.font_for(role, ch) for role in fonts.ROLES for ch in CHARS}
    full = fonts.resolve(fontindex.load_index().faces)
    assert _uncounted() == 0  # the full index (字体设置, `fonts`) counted every face and kept the counts
    assert drawn == {(role, ch): full.font_for(role, ch) for role in fonts.ROLES for ch in CHARS}
    for role in fonts.ROLES:
        assert lazy.face(role) == full.face(role)
        assert lazy.chain(role) == full.chain(role)
        assert lazy.substituted(role) == full.substituted(role)
    assert lazy.substitutions == full.substitutions
    assert lazy.builtin_only == full.builtin_only


@needs_debian_fonts
def test_lazy_index_chooses_as_the_full_index(font_dir):
    # Several candidates per style, under names that sort them differently from their coverage.
    _link(font_dir, {"a-cwfs.ttf": CWFS, "b-sung.ttf": SUNG, "c-kai.ttf": KAI, "d-wqy.ttc": WQY,
                     "e-sung.ttf": SUNG, "f-cwfs.ttf": CWFS, "g-kai.ttf": KAI, "h-wqy.ttc": WQY,
                     "i-dejavu.ttf": DEJAVU})
    lazy = _fresh_fontset()
    assert lazy._rest is not None  # the chains' ends are not made yet
    assert _uncounted() > 0  # some Chinese faces were never counted to choose
    assert lazy.face("title").family == "AR PL SungtiL GB"
    assert lazy.face("heading2").family == "AR PL KaitiM GB"
    _same_choice(lazy)


@needs_debian_fonts
def test_counts_made_to_choose_are_kept_for_the_next_run(font_dir):
    _link(font_dir, {"a-sung.ttf": SUNG, "b-kai.ttf": KAI, "c-wqy.ttc": WQY, "d-cwfs.ttf": CWFS})
    first = _fresh_fontset()
    left = _uncounted()
    assert 0 < left < 5  # wqy-microhei.ttc has two faces
    reads = fontindex.scan_count
    fontcount._PENDING.clear()
    again = _fresh_fontset()
    assert fontindex.scan_count == reads  # nothing parsed again: the counts came from the index
    assert _uncounted() == left
    assert [again.face(r) for r in fonts.ROLES] == [first.face(r) for r in fonts.ROLES]


@needs_debian_fonts
@pytest.mark.parametrize("files", [{"a-cwfs.ttf": CWFS, "b-dejavu.ttf": DEJAVU},  # no full face: partial primary
                                   {"a-dejavu.ttf": DEJAVU}])  # no Chinese face at all: the viewer's own font
def test_lazy_index_without_a_full_face(font_dir, files):
    _link(font_dir, files)
    _same_choice(_fresh_fontset())
