"""reportlab's TrueType parse with its big tables (cmap, hmtx, loca) read by array and C loops.

reportlab's TTFontFile.extractInfo reads a Chinese font's ~30,000 codes and glyphs one struct.unpack at
a time (~40 ms a face, the first export of a new PC parses 2-5). Here the small tables are read by
reportlab itself (extractInfo with charInfo=0) and the big ones by the same rules, quirks included
(glyph 0 entries, the final 0xFFFF segment, side bearings as unsigned, the scaled advance repeated for
glyphs past numberOfHMetrics), into the same attributes. Only for the reportlab version this was checked
against (tests/export/test_rlparse.py compares every attribute with reportlab's own parse); any other
version, cmap format or anything unexpected is left to reportlab's own extractInfo.
"""

from __future__ import annotations

import struct
from array import array
from collections import Counter
from itertools import chain, compress, repeat
from weakref import WeakKeyDictionary

from export.cmapread import big_endian

CHECKED = ("5.1.",)  # reportlab versions whose extractInfo this follows; others parse as reportlab does
# face -> {table: (its length, export.rlcache._Packed's arguments)}, taken by export.rlcache.load_ttfont
PACKED: WeakKeyDictionary = WeakKeyDictionary()
_cls = None


def _face_class():
    global _cls
    if _cls is None:
        from reportlab.pdfbase.ttfonts import TTFontFace, TTFontFile

        class FastFace(TTFontFace):
            def extractInfo(self, charInfo=1):  # noqa: N802, N803 - reportlab's names
                TTFontFile.extractInfo(self, 0)  # names, head, OS/2, post, hhea, maxp
                if not charInfo:
                    return
                try:
                    _char_info(self, lazy=self.lazy)
                except Exception:  # noqa: BLE001 - reportlab decides (and words) what a bad table is
                    TTFontFile.extractInfo(self, charInfo)

            lazy = False

        class PackingFace(FastFace):
            lazy = True  # glyphToChar and hmetrics only packed (PACKED), charWidths in code order: see ttfont()

        _cls = FastFace, PackingFace
    return _cls


def _big_endian(data, start: int, count: int, code: str) -> array:
    """``count`` big-endian unsigned values (``code`` "H": 16-bit, "I": 32-bit) from ``data`` at ``start``."""
    size = 2 if code == "H" else 4
    if array(code).itemsize != size:
        raise ValueError("no array type of that width")
    values = big_endian(code, data[start:start + size * count])
    if len(values) != count:
        raise ValueError("table too short")
    return values


def _ushorts(data, start: int, count: int) -> array:
    return _big_endian(data, start, count, "H")


def _ulongs(data, start: int, count: int) -> array:
    return _big_endian(data, start, count, "I")


def _cmap(face) -> dict[int, int]:
    """{code: glyph} of the subtable reportlab picks, formats 4 and 12, in reportlab's insertion order."""
    data = face._ttf_data
    base = face.table["cmap"]["offset"]
    version, count = struct.unpack(">HH", data[base:base + 4])
    if count == 0 and version != 0:
        count = version
    encoffs, enc = None, 0
    for n in range(count):
        platform, encoding, offset = struct.unpack(">HHL", data[base + 4 + 8 * n:base + 12 + 8 * n])
        if platform == 3:
            enc, encoffs = 1, offset
        elif platform == 1 and encoding == 0 and enc != 1:
            enc, encoffs = 2, offset
        elif platform == 1 and encoding == 1:
            enc, encoffs = 1, offset
        elif platform == 0 and encoding != 5:
            enc, encoffs = 1, offset
    if encoffs is None:
        raise ValueError("no cmap subtable")
    pos = base + encoffs
    fmt = struct.unpack(">H", data[pos:pos + 2])[0]
    out: dict[int, int] = {}
    if fmt == 4:
        length = struct.unpack(">H", data[pos + 2:pos + 4])[0]
        limit = pos + length
        seg = struct.unpack(">H", data[pos + 6:pos + 8])[0] // 2
        end = _ushorts(data, pos + 14, seg)
        start = _ushorts(data, pos + 16 + 2 * seg, seg)
        delta = _ushorts(data, pos + 16 + 4 * seg, seg)
        range_start = pos + 16 + 6 * seg
        range_offset = _ushorts(data, range_start, seg)
        codes = 0
        for n in range(seg):
            first, last, d, ro = start[n], end[n], delta[n], range_offset[n]
            if first > last:
                continue
            codes += last - first + 1
            if ro == 0:
                out.update(zip(range(first, last + 1), ((c + d) & 0xFFFF for c in range(first, last + 1)), strict=True))
                continue
            at = range_start + 2 * n + ro
            inside = min(last - first + 1, (limit - at + 1) // 2)  # reportlab reads an entry starting before the limit
            glyphs = _ushorts(data, at, inside) if inside > 0 else []
            for k, c in enumerate(range(first, last + 1)):
                g = glyphs[k] if k < len(glyphs) else 0
                out[c] = (g + d) & 0xFFFF if g else 0
        return _no_overlap(out, codes)
    if fmt == 12:
        groups = struct.unpack(">L", data[pos + 12:pos + 16])[0]
        table = _ulongs(data, pos + 16, 3 * groups)
        codes = 0
        for first, last, glyph in zip(*[iter(table)] * 3, strict=True):
            out.update(zip(range(first, last + 1), range(glyph, glyph + last - first + 1), strict=True))
            codes += max(last - first + 1, 0)
        return _no_overlap(out, codes)
    raise ValueError(f"cmap format {fmt}")


def _no_overlap(out: dict, codes: int) -> dict:
    """Overlapping ranges give reportlab's glyphToChar a code twice: left to reportlab's own loop."""
    if len(out) != codes:
        raise ValueError("overlapping cmap ranges")
    return out


def _one(code: int) -> list[int]:
    return [code]


def _glyph_to_char(codes: list, glyphs: list) -> dict:
    """glyph -> [codes] in reportlab's order, by C loops; then the codes of glyphs with several (glyph 0 of
    a segment's unmapped codes, shared glyphs) gathered by one pass over just those."""
    glyph_to_char = dict(zip(glyphs, map(_one, codes), strict=True))
    shared = {g for g, n in Counter(glyphs).items() if n > 1}
    if shared:
        for g in shared:
            glyph_to_char[g] = []
        picked = list(map(shared.__contains__, glyphs))
        for c, g in zip(compress(codes, picked), compress(glyphs, picked), strict=True):
            glyph_to_char[g].append(c)
    return glyph_to_char


def _char_info(face, lazy: bool = False) -> None:
    data = face._ttf_data
    head = face.table["head"]["offset"]
    loca_format, glyph_format = struct.unpack(">hh", data[head + 50:head + 54])
    if glyph_format != 0:
        raise ValueError("glyph data format")
    hhea = face.table["hhea"]["offset"]
    metrics = struct.unpack(">H", data[hhea + 34:hhea + 36])[0]
    glyph_count = face.numGlyphs
    char_to_glyph = _cmap(face)
    codes, glyphs = list(char_to_glyph), list(char_to_glyph.values())
    glyph_to_char = None if lazy else _glyph_to_char(codes, glyphs)
    hmtx = face.table["hmtx"]["offset"]
    pairs = _ushorts(data, hmtx, 2 * metrics)
    tail = _ushorts(data, hmtx + 4 * metrics, max(glyph_count - metrics, 0))
    advances = pairs[0::2]
    # reportlab's _pdfScale (x, or x * (1000 / unitsPerEm)) by a C loop: float.__rmul__(x) is x * mult
    scaled = list(advances) if face.unitsPerEm == 1000 else list(map((1000 / face.unitsPerEm).__rmul__, advances))
    last = scaled[-1]
    hmetrics = None
    if not lazy:
        hmetrics = list(zip(advances, pairs[1::2], strict=True))
        hmetrics += zip(repeat(last), tail)
    if "loca" not in face.table:
        raise ValueError("no loca")
    loca = face.table["loca"]["offset"]
    if loca_format == 0:
        glyph_pos = list(map((2).__mul__, _ushorts(data, loca, glyph_count + 1)))  # p << 1, by a C loop
    elif loca_format == 1:
        glyph_pos = list(_ulongs(data, loca, glyph_count + 1))
    else:
        raise ValueError("loca format")
    # reportlab sets the widths glyph by glyph, up to the last glyph with metrics or outlines
    advance_of = scaled + [last] * (glyph_count - metrics)
    limit = len(advance_of)
    if lazy and max(glyphs, default=0) < limit:  # the same widths in code order: packed sorted by code anyway
        widths = dict(zip(codes, map(advance_of.__getitem__, glyphs), strict=True))
    else:
        if glyph_to_char is None:  # glyphs past the metrics: reportlab's widths follow glyphToChar's order
            glyph_to_char = _glyph_to_char(codes, glyphs)
        ordered = sorted(g for g in glyph_to_char if g < limit)
        in_order = list(chain.from_iterable(map(glyph_to_char.__getitem__, ordered)))
        widths = dict(zip(in_order, map(advance_of.__getitem__, map(char_to_glyph.__getitem__, in_order)), strict=True))
    face.charToGlyph, face.glyphToChar = char_to_glyph, glyph_to_char
    face.defaultWidth = scaled[0]
    face.charWidths, face.hmetrics, face.glyphPos = widths, hmetrics, glyph_pos
    face._pos = loca + (glyph_count + 1) * (2 if loca_format == 0 else 4)  # where reportlab's reading ends
    if 0x20 in char_to_glyph:
        char_to_glyph[0xA0] = char_to_glyph[0x20]
        widths[0xA0] = widths[0x20]
    elif 0xA0 in char_to_glyph:
        char_to_glyph[0x20] = char_to_glyph[0xA0]
        widths[0x20] = widths[0xA0]
    # The big tables as export.rlcache packs them, made from the arrays read here (no pass over Python objects
    # to learn their types): saving a new face's parse took as long as the parse.
    first = array("d" if len(tail) and type(last) is float else "q", advances)
    first.extend([last] * len(tail))
    second = array("q", pairs[1::2])
    second.extend(array("q", tail))
    packed = {"hmetrics": (len(advances) + len(tail), ("pairs", (first.typecode, first.tobytes()), ("q", second.tobytes()))),
                    "glyphPos": (len(glyph_pos), ("list", ("q", array("q", glyph_pos).tobytes()))),
                    "charToGlyph": (len(char_to_glyph), ("dict", ("q", array("q", char_to_glyph).tobytes()),
                                                         ("q", array("q", char_to_glyph.values()).tobytes())))}
    if lazy:  # glyph -> [codes] as (glyph, code) pairs in the cmap's order: unpacked, the dict reportlab makes
        packed["glyphToChar"] = (len(codes), ("multi", ("q", array("q", glyphs).tobytes()),
                                              ("q", array("q", codes).tobytes())))
    PACKED[face] = packed


def ttfont(rl_name: str, path: str, index: int, *, packing: bool = False):
    """A reportlab TTFont of one face, as TTFont(rl_name, path, subfontIndex=index) makes it. ``packing``: for
    export.rlcache to save and restore at once, glyphToChar and hmetrics are left None (only in PACKED) and
    charWidths is in code order; anything unexpected is parsed in full as without it."""
    from reportlab import Version, rl_config
    from reportlab.pdfbase.ttfonts import TTFont

    if not Version.startswith(CHECKED):
        return TTFont(rl_name, path, subfontIndex=index)
    from fnmatch import fnmatch
    from weakref import WeakKeyDictionary

    from reportlab.pdfbase.ttfonts import TTEncoding

    font = TTFont.__new__(TTFont)  # TTFont.__init__ of the checked versions, with the fast face
    font.fontName = rl_name
    font.face = _face_class()[1 if packing else 0](path, validate=0, subfontIndex=index)
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(rl_name, g) for g in rl_config.unShapedFontGlob)
    return font
