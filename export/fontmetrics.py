"""Advance widths by code point, for the faces the layout actually measures, cached on disk.

The font index reads every Chinese face's cmap to count its hanzi; a first export then measures two or
three of them. So the index keeps what it read (the cmap and the raw 'hmtx' bytes, within a memory
budget) and the widths are made, and written to the cache, only for a face the layout asks about:
the widths of the faces it never asks about cost nothing (~5-10 ms a big face: the dict, its marshal
and the file), and a face it does ask about is not read twice.
"""

from __future__ import annotations

import marshal
import sys
from array import array

CACHE_LIMIT = 16 << 20  # a face of 65,536 glyphs' widths is ~600 KB
FRESH_BUDGET = 300_000  # code points of cmaps kept from the index at most (~30 MB): 8-10 big Chinese faces
_FRESH: dict[str, tuple] = {}  # face key -> (cmap, (hmtx bytes, glyphs, metrics), units per em)
_fresh_codes = 0
font_reads = 0  # faces read again from their file to measure them; tests read it


def hmtx_parts(font) -> tuple[bytes, int, int]:
    """What advances() needs, with fontTools' checks made now (a table too short is an error, as is one
    without metrics), so a damaged font is refused by the index as before, not when first measured."""
    count = font["maxp"].numGlyphs
    hhea = font.get("hhea")
    metrics = min(int(hhea.numberOfHMetrics), count) if hhea is not None else count
    data = font.reader["hmtx"]
    if len(data) < 4 * metrics + 2 * (count - metrics):
        raise ValueError("not enough 'hmtx' table data")  # fontTools says TTLibError: the index skips the file either way
    if metrics < 1:
        raise IndexError("no horizontal metrics")  # fontTools' own read fails the same way
    return data, count, metrics


def advances(data: bytes, count: int, metrics: int) -> list[int]:
    """Advance widths by glyph number, read from 'hmtx' as fontTools reads it (fewer metrics than
    glyphs: the last advance repeats), without a dict of names."""
    table = array("H", data[:4 * metrics])
    if sys.byteorder != "big":
        table.byteswap()
    out = list(table[0::2])
    return out + [out[-1]] * (count - metrics)


def widths_of(cmap: dict, parts: tuple[bytes, int, int], units_per_em: int) -> dict[int, int]:
    """{code point: advance}, units per em under -1 (a key no character has)."""
    adv = advances(*parts)
    last = len(adv)
    # Glyph numbers past the font's glyphs come as names ("glyph65535"): no width.
    glyphs = cmap.values()
    if glyphs and set(map(type, glyphs)) == {int} and max(glyphs) < last:  # the usual case, in C loops
        widths = dict(zip(cmap, map(adv.__getitem__, glyphs), strict=True))
    else:
        widths = {cp: adv[g] for cp, g in cmap.items() if type(g) is int and g < last}
    widths[-1] = units_per_em
    return widths


def keep(key: str, cmap: dict, parts: tuple[bytes, int, int], units_per_em: int) -> None:
    """Remember a face the index just read, while the budget lasts; beyond it a face measured later is read again."""
    global _fresh_codes
    if _fresh_codes + len(cmap) > FRESH_BUDGET:
        return
    _FRESH[key] = (cmap, parts, units_per_em)
    _fresh_codes += len(cmap)


def forget(keep_keys=()) -> None:
    """Let go of what the index read, except for these faces (those the layout will measure first)."""
    global _fresh_codes
    for key in [k for k in _FRESH if k not in keep_keys]:
        _fresh_codes -= len(_FRESH.pop(key)[0])


def _cached(key: str):
    from export.fontindex import font_cache_dir

    return font_cache_dir() / "metrics" / f"{key}.bin"


def _read_cached(key: str) -> dict[int, int] | None:
    """The widths the cache holds for ``key``, or None: not there, cut short, not of the shape written (int
    codepoints to int widths, units per em under -1) or not a regular file of a sane size."""
    from models.cachefile import read_bytes

    raw = read_bytes(_cached(key), CACHE_LIMIT)
    try:
        widths = marshal.loads(raw) if raw else None
    except (EOFError, ValueError, TypeError):
        return None
    if not isinstance(widths, dict) or not isinstance(widths.get(-1), int) or widths[-1] <= 0:
        return None
    if not set(map(type, widths)) == set(map(type, widths.values())) == {int}:  # C loops: <1 ms for 30,000
        return None
    return widths


def write_metrics(key: str, widths: dict[int, int]) -> None:
    from export.fontindex import write_atomic

    write_atomic(_cached(key), marshal.dumps(widths))


def load_metrics(info_path: str, index: int, key: str) -> dict[int, int]:
    """Advance widths by codepoint (and units per em under -1): from the cache, from what the index read
    in this process, or from the font; the last two are written to the cache."""
    global _fresh_codes, font_reads
    widths = _read_cached(key)
    if widths is not None:
        return widths
    fresh = _FRESH.pop(key, None)
    if fresh is not None:
        _fresh_codes -= len(fresh[0])
        widths = widths_of(*fresh)
    else:
        from export.fontindex import read_faces

        font_reads += 1
        _info, fresh = read_faces(info_path, lambda _i: key, only=index, always_cmap=True)[0]
        widths = widths_of(*fresh) if fresh is not None else {-1: 1000}
    write_metrics(key, widths)
    return widths
