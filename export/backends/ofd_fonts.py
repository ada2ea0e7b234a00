"""Subset TrueType files for OFD: only the glyphs a document draws, cmap kept so readers map TextCode to glyphs."""

from __future__ import annotations

import io
import logging


def subset_font(path: str, index: int, chars: set[str]) -> bytes:
    """The face ``index`` of ``path`` (a .ttf, or one face of a .ttc) cut down to ``chars``, as a .ttf file."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    logging.getLogger("fontTools").setLevel(logging.ERROR)  # "table NOT subset; dropped" is not for the user
    font = TTFont(path, fontNumber=index)  # lazy=False would read every glyph of a 10 MB face first: 25x slower
    options = subset.Options()
    options.layout_features = []  # positions are Tianbao's: no shaping needed
    options.name_IDs = ["*"]  # keep the family names readers show in 文档属性 > 字体
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.recalc_bounds = True
    options.drop_tables += ["DSIG"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes={ord(ch) for ch in chars})
    subsetter.subset(font)
    buf = io.BytesIO()
    font.save(buf)
    return buf.getvalue()
