"""Subset TrueType files for OFD: only the glyphs a document draws, cmap kept so readers map TextCode to glyphs."""

from __future__ import annotations

import io
import logging

# Shaping and kerning tables: positions are Tianbao's (DeltaX), so readers never need them. Removed before
# subsetting, since fontTools would otherwise decompile GSUB/GPOS/GDEF whole (a CJK face's take 0.1-0.2 s).
LAYOUT_TABLES = ("GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern", "morx", "mort", "feat")


def subset_font(path: str, index: int, chars: set[str]) -> bytes:
    """The face ``index`` of ``path`` (a .ttf, or one face of a .ttc) cut down to ``chars``, as a .ttf file."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    logging.getLogger("fontTools").setLevel(logging.ERROR)  # "table NOT subset; dropped" is not for the user
    # lazy=False would read every glyph of a 10 MB face first: 25x slower. recalcBBoxes=False: the glyphs are
    # copied as they are instead of decoded and encoded again for their boxes (5x faster for 600 characters);
    # the head table keeps the whole face's box, which still holds every glyph.
    font = TTFont(path, fontNumber=index, recalcBBoxes=False)
    for tag in LAYOUT_TABLES:
        if tag in font:
            del font[tag]
    options = subset.Options()
    options.layout_features = []
    options.name_IDs = ["*"]  # keep the family names readers show in 文档属性 > 字体
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.recalc_bounds = False
    options.drop_tables += ["DSIG", *LAYOUT_TABLES]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes={ord(ch) for ch in chars})
    subsetter.subset(font)
    buf = io.BytesIO()
    font.save(buf)
    return buf.getvalue()
