"""A font's cmap subtable as {code point: glyph number}, read the way fontTools reads it but without
its per-code glyph names: indexing a folder of ~300 fonts (a Windows PC) spent most of its time there.

Formats 4 and 12 (nearly every font) are read here; others return None and the caller asks fontTools.
Code points mapped to glyph 0 (.notdef) are left out, as fontTools leaves them out.
"""

from __future__ import annotations

import struct
import sys
from array import array
from itertools import chain, compress, repeat
from operator import add, and_, le, lt, sub


def big_endian(code: str, raw: bytes) -> array:
    """``raw`` as an array of big-endian unsigned values (``code`` "H": 16-bit, "I": 32-bit), native order."""
    values = array(code)
    values.frombytes(raw)
    if sys.byteorder != "big":
        values.byteswap()
    return values


def glyph_ids(table) -> dict[int, int] | None:
    """{code point: glyph number} of a fontTools cmap subtable not decoded yet, or None."""
    data = getattr(table, "__dict__", {}).get("data")  # the subtable's bytes after its header, until decoded
    if data is None:
        return None
    if table.format == 4:
        return _format4(data)
    if table.format == 12:
        return _format12(data, table.__dict__.get("nGroups"))
    return None


def _format4(data: bytes) -> dict[int, int]:
    seg_x2 = struct.unpack(">4H", data[:8])[0]
    codes = big_endian("H", data[8:])
    n = seg_x2 // 2
    end = codes[:n]
    rest = codes[n + 1:]  # after the reserved pad
    start = rest[:n]
    delta = rest[n:2 * n]
    range_offset = rest[2 * n:3 * n]
    glyph_array = rest[3 * n:]
    fast = _format4_whole(start, end, delta, range_offset)
    if fast is not None:
        return fast
    size = len(glyph_array)
    out: dict[int, int] = {}
    for i in range(len(start) - 1):  # not the final 0xFFFF segment
        first, d, offset = start[i], delta[i], range_offset[i]
        chars = range(first, end[i] + 1)
        if offset == 0:
            g0 = (first + d) & 0xFFFF
            if g0 and g0 + len(chars) <= 0x10000:  # no wrap past 0xFFFF, no glyph 0: two ranges, zipped in C
                out.update(zip(chars, range(g0, g0 + len(chars)), strict=True))
            else:
                out.update((c, g) for c in chars if (g := (c + d) & 0xFFFF))
            continue
        partial = offset // 2 - first + i - len(range_offset)
        lo, hi = first + partial, end[i] + partial + 1
        if d == 0 and 0 <= lo and hi <= size:  # the usual case: glyph numbers as stored, 0 meaning none
            piece = glyph_array[lo:hi]
            out.update(compress(zip(chars, piece, strict=True), piece))
            continue
        for c in chars:
            index = c + partial
            if not 0 <= index < size:
                from fontTools.ttLib import TTLibError  # only for a damaged table

                raise TTLibError("cmap format 4: glyph index array offset out of range")
            g = glyph_array[index]
            if g:
                g = (g + d) & 0xFFFF
                if g:
                    out[c] = g
    return out


def _format4_whole(start, end, delta, range_offset) -> dict[int, int] | None:
    """_format4's answer made by C loops when every segment maps by delta alone, sorted and apart, without
    glyph 0 or numbers wrapping past 0xFFFF (the AR PL fonts' ~3,600 segments were a dict update each);
    None otherwise (then segment by segment, as before)."""
    m = len(start) - 1  # not the final 0xFFFF segment
    if not m > 0 or not len(end) == len(delta) == len(range_offset) == m + 1 or any(range_offset[:m]):
        return None
    start, end = start[:m], end[:m]
    if not (all(map(le, start, end)) and all(map(lt, end, start[1:]))):
        return None
    stops = list(map(add, end, repeat(1)))
    firsts = list(map(and_, map(add, start, delta), repeat(0xFFFF)))
    last_glyphs = list(map(add, firsts, map(sub, stops, start)))
    if not all(firsts) or max(last_glyphs) > 0x10000:
        return None
    codes = chain.from_iterable(map(range, start, stops))
    return dict(zip(codes, chain.from_iterable(map(range, firsts, last_glyphs)), strict=True))


def _format12(data: bytes, groups: int | None) -> dict[int, int] | None:
    if groups is None:
        return None
    table = big_endian("I", data[:groups * 12])
    out: dict[int, int] = {}
    last_end = 0
    for first, last, glyph in zip(*[iter(table)] * 3, strict=False):
        last = min(last, 0x10FFFF)
        if first > last or first < last_end:
            continue  # unsorted or overlapping groups are skipped, as fontTools (and HarfBuzz) do
        last_end = last
        if glyph == 0:  # .notdef maps nothing: the group starts one later
            first += 1
            glyph += 1
        out.update(zip(range(first, last + 1), range(glyph, glyph + last - first + 1), strict=True))
    return out


def cmap_entries(data: bytes, error: type[Exception]):
    """(platform, encoding, offset, format, short length) of each subtable a cmap's directory lists, the directory
    and each offset checked against the table's size (``error`` is raised, as fontTools raises TTLibError)."""
    if len(data) < 4:
        raise error("cmap table is too short")
    count = struct.unpack(">H", data[2:4])[0]
    for i in range(count):
        entry = data[4 + i * 8:4 + (i + 1) * 8]
        if len(entry) < 8:
            raise error("cmap subtable directory is truncated")
        platform, encoding, offset = struct.unpack(">HHL", entry)
        if offset + 4 > len(data):
            raise error("cmap subtable offset out of bounds")
        fmt, length = struct.unpack(">HH", data[offset:offset + 4])
        yield platform, encoding, offset, fmt, length


def subtables(font) -> list:
    """The cmap's subtables as fontTools lists them, headers only: fontTools' own cmap decoding gives a
    subtable sharing another's bytes (the (0,3) and (3,1) tables of most fonts) that one's decoded
    cmap, which decoded every big Chinese cmap in full, with glyph names, before glyph_ids saw it.
    The same checks as fontTools (it raises TTLibError on the same damaged tables)."""
    from fontTools.ttLib import TTLibError
    from fontTools.ttLib.tables._c_m_a_p import CmapSubtable

    data = font.reader["cmap"]
    out = []
    for platform, encoding, offset, fmt, length in cmap_entries(data, TTLibError):
        if fmt in (8, 10, 12, 13):
            if offset + 8 > len(data):
                raise TTLibError("cmap subtable header is truncated")
            fmt, _reserved, length = struct.unpack(">HHL", data[offset:offset + 8])
        elif fmt in (14, 15):
            if offset + 6 > len(data):
                raise TTLibError("cmap subtable header is truncated")
            fmt, length = struct.unpack(">HL", data[offset:offset + 6])
        if not length:
            continue  # fontTools skips (and logs) a subtable of zero length
        table = CmapSubtable.newSubtable(fmt)
        table.platformID, table.platEncID = platform, encoding
        if length < struct.calcsize(table.headerFormat):
            raise TTLibError("cmap subtable header is truncated")
        if offset + length > len(data):
            raise TTLibError("cmap subtable is truncated")
        table.decompileHeader(data[offset:offset + length], font)  # body decoded lazily, each on its own
        out.append(table)
    return out


def lookup(table, codes) -> dict[int, int] | None:
    """{code: glyph} for just these codes, as glyph_ids(table) has them, found by bisection (the ink boxes ask
    about 30 marks: reading all ~30,000 codes of a Chinese cmap was a third of their time); None when the
    table is not one whose segments or groups are sorted and apart (then the caller reads it whole).
    A damaged segment or group not asked about is not looked at."""
    from bisect import bisect_left

    data = getattr(table, "__dict__", {}).get("data")
    if data is None or table.format not in (4, 12):
        return None
    out: dict[int, int] = {}
    if table.format == 12:
        groups = table.__dict__.get("nGroups")
        if groups is None:
            return None
        values = big_endian("I", data[:groups * 12])
        firsts, lasts, glyphs = values[0::3], values[1::3], values[2::3]
        if not (all(map(le, firsts, lasts)) and all(map(lt, lasts, firsts[1:])) and lasts[-1:] <= array("I", [0x10FFFF])):
            return None
        for c in codes:
            i = bisect_left(lasts, c)
            if i < len(firsts) and firsts[i] <= c:
                g = glyphs[i] + c - firsts[i]
                if g:
                    out[c] = g
        return out
    seg_x2 = struct.unpack(">H", data[:2])[0]
    values = big_endian("H", data[8:])
    n = seg_x2 // 2
    end, rest = values[:n], values[n + 1:]
    start, delta, range_offset, glyph_array = rest[:n], rest[n:2 * n], rest[2 * n:3 * n], rest[3 * n:]
    if len(range_offset) != n:
        return None
    end, start = end[:-1], start[:-1]  # not the final 0xFFFF segment, as glyph_ids
    if not (all(map(le, start, end)) and all(map(lt, end, start[1:]))):
        return None
    for c in codes:
        i = bisect_left(end, c)
        if i >= len(start) or start[i] > c:
            continue
        d, offset = delta[i], range_offset[i]
        if offset == 0:
            g = (c + d) & 0xFFFF
        else:
            index = c + offset // 2 - start[i] + i - n
            if not 0 <= index < len(glyph_array):
                return None  # glyph_ids decides what such a table means
            g = glyph_array[index]
            g = (g + d) & 0xFFFF if g else 0
        if g:
            out[c] = g
    return out
