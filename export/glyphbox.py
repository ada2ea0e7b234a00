"""Ink boxes of punctuation glyphs, read once per font and cached on disk: for 标点挤压 and joining ——.

Opening a large Chinese font and reading its cmap costs most of a second, so the boxes of the few
marks the layout asks about are read together and kept next to the font metrics cache.
"""

from __future__ import annotations

import logging
import marshal
from pathlib import Path

Box = tuple[float, float, float, float]

# Every mark whose ink position the layout asks about: closing and opening marks, dashes.
MARKS = "，。、；：？！）》」』】〕〉”’（《「『【〔〈“‘…—"
_BOXES: dict[tuple[str, int], dict[str, Box]] = {}


# fontTools' getBestCmap preference (table__c_m_a_p.getBestCmap's default; a test keeps them equal)
BEST_CMAPS = ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3), (0, 2), (0, 1), (0, 0))


def _read(path: str, index: int) -> dict[str, Box]:
    """The boxes read by export.sfnt, or by fontTools when the face is not plain (a composite mark...)."""
    try:
        return _read_plain(path, index)
    except Exception:  # noqa: BLE001 - anything: fontTools reads the face as it always did
        return _read_fonttools(path, index)


def _read_plain(path: str, index: int) -> dict[str, Box]:
    from export import sfnt
    from export.cmapread import lookup

    out: dict[str, Box] = {}
    with open(path, "rb") as fh:
        face = sfnt.open_faces(fh)[index]
        if "glyf" not in face:
            return out
        cmap = {}
        if "cmap" in face:
            tables = face.subtables()
            for platform, encoding in BEST_CMAPS:
                table = next((t for t in tables if (t.platformID, t.platEncID) == (platform, encoding)), None)
                if table is not None:
                    cmap = lookup(table, map(ord, MARKS))
                    if cmap is None:
                        raise sfnt.Unusual("cmap")
                    break
        offsets, glyf = sfnt.glyph_offsets(face), face.table("glyf")
        upem = face["head"].unitsPerEm
        for ch in MARKS:
            gid = cmap.get(ord(ch))
            if gid is None:
                continue
            if not 0 <= gid < len(offsets) - 1:
                raise sfnt.Unusual("glyph number")
            start, end = offsets[gid], offsets[gid + 1]
            piece = glyf[start:end]
            if len(piece) != end - start:
                raise sfnt.Unusual("glyph past the table")
            box = sfnt.simple_glyph_bounds(piece)
            if box is not None:
                out[ch] = (box[0] / upem, box[1] / upem, box[2] / upem, box[3] / upem)
    return out


def _read_fonttools(path: str, index: int) -> dict[str, Box]:
    from fontTools.ttLib import TTFont

    quiet = logging.getLogger("fontTools")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # e.g. "too much 'glyf' table data" in AR PL fonts: harmless, not for users
    out: dict[str, Box] = {}
    try:
        font = TTFont(path, fontNumber=index, lazy=True)
        if "glyf" not in font:
            return out
        cmap = _best_cmap(font)
        glyf = _few_glyphs(font)
        upem = font["head"].unitsPerEm
        for ch in MARKS:
            name = cmap.get(ord(ch))
            if name is None:
                continue
            glyph = glyf[name]
            if glyph.numberOfContours == 0:
                continue
            glyph.recalcBounds(glyf)
            out[ch] = (glyph.xMin / upem, glyph.yMin / upem, glyph.xMax / upem, glyph.yMax / upem)
    except (OSError, KeyError, ValueError, AttributeError, TypeError):
        return out
    finally:
        quiet.setLevel(level)
    return out


def _best_cmap(font) -> dict:
    """The marks in fontTools' getBestCmap (same subtable preference), by glyph number, looked up by
    export.cmapread: fontTools decoded a subtable sharing another's bytes in full, with names, before the
    first mark was looked up; then the whole subtable was read for 30 marks."""
    from export.cmapread import glyph_ids, lookup, subtables
    from export.fontindex import _glyph_ids_as_names

    if "cmap" not in font:
        return {}
    tables = subtables(font)
    for platform, encoding in BEST_CMAPS:
        table = next((t for t in tables if (t.platformID, t.platEncID) == (platform, encoding)), None)
        if table is not None:
            found = lookup(table, map(ord, MARKS))
            if found is None:
                _glyph_ids_as_names(font)  # the cmap without decoding every glyph name
                found = glyph_ids(table)
            return found if found is not None else table.cmap
    return {}


def _few_glyphs(font):
    """fontTools' glyf table making only the glyphs asked for (and their components): the table itself
    makes an object for each of a Chinese font's ~30,000 glyphs first, most of the time of reading a box."""
    from fontTools.ttLib import TTLibError
    from fontTools.ttLib.tables._g_l_y_f import Glyph, table__g_l_y_f

    data, loca = font.reader["glyf"], font["loca"]

    class Glyphs(dict):
        def __missing__(self, gid):
            if type(gid) is not int or not 0 <= gid < len(loca) - 1:
                raise KeyError(gid)
            start, end = int(loca[gid]), int(loca[gid + 1])
            piece = data[start:end]
            if len(piece) != end - start:
                raise TTLibError("not enough 'glyf' table data")
            glyph = self[gid] = Glyph(piece)
            return glyph

    table = table__g_l_y_f("glyf")
    table.glyphOrder = range(font["maxp"].numGlyphs)  # glyphs named by their numbers, as the cmap gives them
    table._reverseGlyphOrder = {}
    table.glyphs = Glyphs()
    return table


def boxes(path: str, index: int, key: str = "") -> dict[str, Box]:
    """Ink boxes (xMin, yMin, xMax, yMax in em) of MARKS in one face; {} for a font without outlines."""
    hit = _BOXES.get((path, index))
    if hit is not None:
        return hit
    if not path:
        _BOXES[(path, index)] = {}
        return _BOXES[(path, index)]
    from export import fontindex

    key = key or fontindex.file_face_key(path, index)
    cached = fontindex.font_cache_dir() / "ink" / f"{key}.bin"
    out = _read_cached(cached)
    if out is None:
        out = _read(path, index)
        fontindex.write_atomic(cached, marshal.dumps({"": MARKS, **out}))
    _BOXES[(path, index)] = out
    return out


def _read_cached(cached: Path) -> dict[str, Box] | None:
    """The boxes the cache file holds, or None: not there, cut short, made for other marks, or not of the shape
    written ({"": MARKS, one character: four numbers}), or not a regular file of a sane size."""
    from models.cachefile import read_bytes

    raw = read_bytes(cached, 1 << 20)  # a few hundred bytes written
    try:
        data = marshal.loads(raw) if raw else None
    except (EOFError, ValueError, TypeError):
        return None
    if not isinstance(data, dict) or data.get("") != MARKS:
        return None
    out = {k: v for k, v in data.items() if k}
    if all(type(k) is str and len(k) == 1 and type(v) is tuple and len(v) == 4
           and all(type(n) in (int, float) for n in v) for k, v in out.items()):
        return out
    return None


def ink_box(path: str, index: int, ch: str, key: str = "") -> Box | None:
    """(xMin, yMin, xMax, yMax) of ``ch`` in em units, or None (no outline, not a TrueType font, not a mark)."""
    return boxes(path, index, key).get(ch)
