"""Ink boxes of single glyphs, read with fontTools and cached: for joining the two halves of ——."""

from __future__ import annotations

import functools
import logging


@functools.lru_cache(maxsize=64)
def ink_box(path: str, index: int, ch: str) -> tuple[float, float, float, float] | None:
    """(xMin, yMin, xMax, yMax) of ``ch`` in em units, or None (no outline, or not a TrueType font)."""
    if not path:
        return None
    from fontTools.ttLib import TTFont

    quiet = logging.getLogger("fontTools")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # e.g. "too much 'glyf' table data" in AR PL fonts: harmless, not for users
    try:
        font = TTFont(path, fontNumber=index, lazy=True)
        name = font.getBestCmap().get(ord(ch))
        if name is None or "glyf" not in font:
            return None
        glyph = font["glyf"][name]
        glyph.recalcBounds(font["glyf"])
        upem = font["head"].unitsPerEm
    except (OSError, KeyError, ValueError, AttributeError):
        return None
    finally:
        quiet.setLevel(level)
    if not hasattr(glyph, "xMin") or glyph.numberOfContours == 0:
        return None
    return glyph.xMin / upem, glyph.yMin / upem, glyph.xMax / upem, glyph.yMax / upem
