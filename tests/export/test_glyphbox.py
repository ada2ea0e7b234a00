"""Punctuation ink boxes: read once per font, kept on disk next to the metrics, pruned with them."""

from __future__ import annotations

import shutil

from export import fontindex, glyphbox
from export.fonts import get_fontset
from export.layout import squeeze_side
from tests.export.test_fonts import KAI, SUNG, needs_debian_fonts


@needs_debian_fonts
def test_ink_boxes_are_cached_on_disk_and_pruned_with_their_font(font_dir):
    shutil.copy(KAI, font_dir)
    shutil.copy(SUNG, font_dir)
    body = get_fontset().face("body")
    glyphbox._BOXES.clear()
    assert squeeze_side(body, "，") == "L" and squeeze_side(body, "“") == "R"  # GB style marks
    ink = fontindex.font_cache_dir() / "ink"
    assert [p.stem for p in ink.glob("*.bin")] == [body.key]
    glyphbox._BOXES.clear()
    (ink / f"{body.key}.bin").write_bytes(b"\x00garbage")  # a damaged cache is read again, not trusted
    assert glyphbox.ink_box(body.path, body.index, "，", body.key) is not None
    (font_dir / SUNG.name).unlink()
    fontindex.load_index()
    assert not list(ink.glob("*.bin"))
