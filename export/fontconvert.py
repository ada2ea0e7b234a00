"""Converts CFF-outline fonts (Noto CJK, Source Han, Fandol) to TrueType, which reportlab can embed.

Slow (about a minute for a 65,000-glyph CJK face), so it never runs during an export: the UI or a
command asks for it once, and the result is kept in the cache folder, where the font index picks
it up under the original font's names. The converted file is named after the source face's index
key, so a changed or removed source font simply stops being used.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from export import fontindex
from export.fontindex import FaceInfo

MAX_ERR = 1.0  # font units: cubic-to-quadratic tolerance, invisible at print sizes


def converted_path(info: FaceInfo) -> Path:
    return fontindex.converted_path(info.key)


def convertible(faces: list[FaceInfo], *, chinese_only: bool = True) -> list[FaceInfo]:
    """CFF faces without a converted copy yet (only Chinese ones unless told otherwise)."""
    return [f for f in faces if not f.glyf and f.embeddable and f.key
            and (f.gb2312 >= 1000 or not chinese_only) and not converted_path(f).exists()]


def convert(info: FaceInfo, progress: Callable[[int, int], None] | None = None) -> Path:
    """Write a TrueType copy of one CFF face into the cache and return its path."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    font = TTFont(info.path, fontNumber=info.index, lazy=False)
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for n, name in enumerate(order):
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        glyphs[name] = pen.glyph()
        if progress is not None and n % 500 == 0:
            progress(n, len(order))
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    for tag in ("CFF ", "CFF2", "VORG"):
        if tag in font:
            del font[tag]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyphs.items():
        if hasattr(glyph, "xMin"):
            hmtx[name] = (hmtx[name][0], glyph.xMin)
    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for attr in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 0)
    post = font["post"]
    post.formatType = 3.0  # no glyph names: CID-keyed CJK fonts have 65,000 of them
    font.sfntVersion = "\x00\x01\x00\x00"
    target = converted_path(info)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    font.save(str(tmp))
    tmp.replace(target)
    if progress is not None:
        progress(len(order), len(order))
    return target


def convert_pending(progress: Callable[[str, int, int], None] | None = None,
                    *, chinese_only: bool = True) -> list[Path]:
    """Convert every installed CFF Chinese face that has no TrueType copy yet."""
    done = []
    for info in convertible(fontindex.load_index().faces, chinese_only=chinese_only):
        step = (lambda n, total, name=info.en: progress(name, n, total)) if progress else None
        done.append(convert(info, step))
    return done
