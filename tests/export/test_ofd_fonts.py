"""OFD font subsets: the same glyphs as the face, and the cache of subsets in the font cache folder."""

from __future__ import annotations

import io
import os

import pytest
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.ttLib import TTFont, TTLibError

from export import fontindex
from export.backends import ofd_fonts
from export.backends.ofd_fonts import subset_font
from tests.export.test_fonts import SUNG, WQY, needs_debian_fonts

TEN = set("一二三四五六七八九十")
pytestmark = needs_debian_fonts


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("TIANBAO_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache" / "fonts" / "ofd"


@pytest.fixture
def small(tmp_path, cache):
    """A 20-glyph TrueType file cut from the Debian Song face: subsetting it takes milliseconds."""
    path = tmp_path / "small.ttf"
    path.write_bytes(subset_font(str(SUNG), 0, TEN | set("百千万亿年月日时分秒")))
    for file in cache.glob("*.ttf"):
        file.unlink()
    return path


@pytest.mark.parametrize("face", [SUNG, WQY], ids=["ttf", "ttc"])
def test_a_subset_draws_every_character_as_the_face_does(face, cache):
    chars = set("关于年度机关党建工作情况的报告，。（一）：0123456789AZaz")
    whole = TTFont(str(face), fontNumber=0)
    part = TTFont(io.BytesIO(subset_font(str(face), 0, chars)))
    assert "glyf" in part and not {"GSUB", "GPOS", "GDEF"} & set(part.keys())
    assert part["name"].getBestFamilyName() == whole["name"].getBestFamilyName()
    big, cut = whole.getBestCmap(), part.getBestCmap()
    assert set(cut) == {ord(ch) for ch in chars}
    for ch in chars:
        a, b = DecomposingRecordingPen(whole.getGlyphSet()), DecomposingRecordingPen(part.getGlyphSet())
        whole.getGlyphSet()[big[ord(ch)]].draw(a)
        part.getGlyphSet()[cut[ord(ch)]].draw(b)
        assert a.value == b.value and a.value, ch
        assert whole["hmtx"][big[ord(ch)]] == part["hmtx"][cut[ord(ch)]]


def test_the_same_characters_of_the_same_face_are_read_from_the_cache(small, cache):
    before = dict(ofd_fonts.stats)
    first = subset_font(str(small), 0, TEN)
    again = subset_font(str(small), 0, set("十九八七六五四三二一"))
    other = subset_font(str(small), 0, TEN | {"百"})
    assert first == again and other != first
    assert ofd_fonts.stats["subset"] - before["subset"] == 2 and ofd_fonts.stats["cached"] - before["cached"] == 1
    assert len(list(cache.glob("*.ttf"))) == 2


def test_a_face_changed_on_disk_is_subset_again(small, cache):
    subset_font(str(small), 0, TEN)
    data = small.read_bytes()
    small.write_bytes(data[:4096])  # damaged since: the cached subset of the old file must not stand in for it
    os.utime(small, ns=(1, 1))
    with pytest.raises(TTLibError):
        subset_font(str(small), 0, TEN)
    small.unlink()
    with pytest.raises(OSError):  # vanished: render_ofd_bytes turns it into a Chinese message
        subset_font(str(small), 0, TEN)


def test_a_cached_subset_cut_short_is_made_again(small, cache):
    good = subset_font(str(small), 0, TEN)
    (cached,) = cache.glob("*.ttf")
    cached.write_bytes(good[: len(good) // 2])
    assert subset_font(str(small), 0, TEN) == good
    assert cached.read_bytes() == good


def test_the_cache_keeps_the_newest_subsets_only(small, cache, monkeypatch):
    monkeypatch.setattr(ofd_fonts, "MAX_CACHED", 3)
    made = sorted(TEN)[:5]
    for ch in made:
        subset_font(str(small), 0, {ch})
    key = fontindex.file_face_key(str(small), 0)
    assert sorted(f.name for f in cache.glob("*.ttf")) == sorted(f"{key}-{ofd_fonts._digest({ch})}.ttf" for ch in made[2:])


def test_subsets_of_faces_the_index_no_longer_lists_are_pruned(small, cache, tmp_path, monkeypatch):
    folder = tmp_path / "fonts"
    folder.mkdir()
    monkeypatch.setenv(fontindex.ENV_DIRS, str(folder))
    kept = folder / "kept.ttf"
    kept.write_bytes(small.read_bytes())
    gone = folder / "gone.ttf"
    gone.write_bytes(small.read_bytes())
    fontindex.load_index()
    subset_font(str(kept), 0, TEN)
    subset_font(str(gone), 0, TEN)
    assert len(list(cache.glob("*.ttf"))) == 2
    gone.unlink()
    fontindex.load_index()
    assert [f.name.split("-")[0] for f in cache.glob("*.ttf")] == [fontindex.file_face_key(str(kept), 0)]
