"""Keeps reportlab's parse of big CJK TrueType fonts on disk: a new process then registers a
5 MB font in a few milliseconds instead of 50-150 ms of pure-Python table reading.

The file holds reportlab's own parsed state for one reportlab version; the font bytes themselves
are read from the font file again. Its big tables (cmap, widths, metrics, glyph offsets: ~150,000
numbers) are stored as packed arrays, so loading makes a few bytes objects, not one Python object
per number, and the dicts are rebuilt by C loops (dict(zip(...))). glyphToChar, which reportlab
only fills while parsing, and the widths and metrics it reads only for a subset, are unpacked
when first read. Anything unexpected falls back to a normal parse.
"""

from __future__ import annotations

import io
import os
import pickle
from array import array
from itertools import chain, repeat
from pathlib import Path
from weakref import WeakKeyDictionary, WeakSet

from export import fontindex, rlparse
from models.cachefile import read_bytes

PICKLE_PROTOCOL = 4
CACHE_LIMIT = 256 << 20  # ~3 MB for a big Chinese face
# What a cache file cut short, overwritten or of another version raises while restored: the font is parsed.
_UNREADABLE = (pickle.UnpicklingError, EOFError, KeyError, ValueError, TypeError, AttributeError, ImportError,
               IndexError, OverflowError, RecursionError, MemoryError, OSError)
_DROP_FACE = ("_ttf_data", "_pdfScale", "glyphToChar")  # the file bytes, a lambda; glyphToChar packed apart
FORMAT = "v3"  # packed arrays, charWidths sorted by code; older files are ignored and left alone
_DROP_FONT = ("face", "state")
stats = {"parsed": 0, "restored": 0}  # tests and the benchmark read these


def _cache_file(key: str) -> Path:
    from reportlab import Version

    return fontindex.font_cache_dir() / "reportlab" / f"{key}-rl{Version}-{FORMAT}.pickle"


def _scale(units_per_em: int):
    if units_per_em == 1000:
        return lambda x: x
    mult = 1000 / units_per_em
    return lambda x: x * mult


class _Packed:
    """A big int->int / int->float dict or list of ints / of (int, int) pairs, as arrays of machine numbers."""

    def __init__(self, kind: str, *parts: tuple[str, bytes]):
        self.kind = kind
        self.parts = parts

    def __reduce__(self):
        return _Packed, (self.kind, *self.parts)

    def unpack(self):
        arrays = []
        for code, raw in self.parts:
            a = array(code)
            a.frombytes(raw)
            arrays.append(a)
        if self.kind == "dict":
            return dict(zip(arrays[0], arrays[1], strict=True))
        if self.kind == "pairs":
            return list(zip(arrays[0], arrays[1], strict=True))
        if self.kind == "multi":  # glyph -> [characters], from (glyph, character) pairs
            table: dict = {}
            for glyph, char in zip(arrays[0], arrays[1], strict=True):
                table.setdefault(glyph, []).append(char)
            return table
        return arrays[0]  # a list of ints stays an array: reportlab only indexes it


def _numbers(values) -> tuple[str, bytes] | None:
    """The values as one packed array (q for ints, d for floats), or None if they are not all numbers."""
    types = set(map(type, values))  # one C loop: all() over a generator was a third of saving a font
    if types <= {int}:
        try:
            return "q", array("q", values).tobytes()
        except OverflowError:
            return None
    if types <= {int, float}:
        return "d", array("d", values).tobytes()
    return None


def _pack(value):
    if isinstance(value, dict) and len(value) > 256:
        keys = _numbers(list(value))
        vals = _numbers(list(value.values()))
        if keys is not None and vals is not None:
            return _Packed("dict", keys, vals)
    elif isinstance(value, list) and len(value) > 256:
        if set(map(type, value)) == {tuple} and set(map(len, value)) == {2}:
            flat = list(chain.from_iterable(value))  # the two columns, by C loops
            first, second = _numbers(flat[0::2]), _numbers(flat[1::2])
            if first is not None and second is not None:
                return _Packed("pairs", first, second)
        else:
            packed = _numbers(value)
            if packed is not None:
                return _Packed("list", packed)
    return value


def _unpack(state: dict) -> dict:
    return {k: v.unpack() if isinstance(v, _Packed) else v for k, v in state.items()}


LAZY = ("glyphToChar", "charWidths", "hmetrics")  # not needed to lay out or draw: unpacked on first use


class _Pairs:
    """hmetrics as reportlab reads it when subsetting, (advance, side bearing) by glyph, kept as two arrays:
    a list of ~50,000 tuples of a big Chinese font took 5 MB of the preview worker's memory."""

    __slots__ = ("first", "second")

    def __init__(self, first, second):
        self.first, self.second = first, second

    def __getitem__(self, i: int) -> tuple:
        return self.first[i], self.second[i]

    def __len__(self) -> int:
        return len(self.first)

    def __iter__(self):
        return zip(self.first, self.second, strict=True)


class _Widths:
    """charWidths (code -> width) as two arrays sorted by code, found by bisection; what reportlab adds
    later (its shaping's private codes) goes in a small dict. A dict of every code of a big Chinese
    font took 3-4 MB per face drawn."""

    __slots__ = ("codes", "widths", "added")

    def __init__(self, codes, widths):
        self.codes, self.widths, self.added = codes, widths, {}

    def _find(self, code):
        from bisect import bisect_left

        i = bisect_left(self.codes, code)
        return i if i < len(self.codes) and self.codes[i] == code else -1

    def get(self, code, default=None):
        if code in self.added:
            return self.added[code]
        i = self._find(code)
        return self.widths[i] if i >= 0 else default

    def __getitem__(self, code):
        if code in self.added:
            return self.added[code]
        i = self._find(code)
        if i < 0:
            raise KeyError(code)
        return self.widths[i]

    def __setitem__(self, code, width) -> None:
        self.added[code] = width

    def __contains__(self, code) -> bool:
        return code in self.added or self._find(code) >= 0

    def __len__(self) -> int:
        return len(self.codes) + sum(1 for c in self.added if self._find(c) < 0)


def _compact(name: str, packed: _Packed):
    """The lazily read table in its compact form (hmetrics, charWidths) or as reportlab made it."""
    if name == "hmetrics" and packed.kind == "pairs":
        first, second = (_array(code, raw) for code, raw in packed.parts)
        return _Pairs(first, second)
    if name == "charWidths" and packed.kind == "dict":
        codes, widths = (_array(code, raw) for code, raw in packed.parts)
        if all(a < b for a, b in zip(codes, codes[1:], strict=False)):  # sorted when saved (FORMAT v3)
            return _Widths(codes, widths)
    return packed.unpack()


def _array(code: str, raw: bytes) -> array:
    a = array(code)
    a.frombytes(raw)
    return a


def _lazy(name: str) -> property:
    def get(self):
        d = self.__dict__
        if name not in d:
            d[name] = _compact(name, d.pop("_packed_" + name))
        return d[name]

    def put(self, value) -> None:
        self.__dict__.pop("_packed_" + name, None)
        self.__dict__[name] = value

    return property(get, put)


def _font_bytes() -> property:
    """_ttf_data of a restored face: the font file's bytes, read when reportlab asks (to make a subset) and
    again after drop_font_bytes(); a file whose size changed since is an OSError, as a vanished one is."""
    def get(self):
        d = self.__dict__
        data = d.get("_tb_bytes")
        if data is None:
            data = Path(d["_tb_path"]).read_bytes()
            if len(data) != d["_tb_size"]:
                raise OSError(f"字体文件已改变：{d['_tb_path']}")
            d["_tb_bytes"] = data
        return data

    def put(self, value) -> None:
        self.__dict__["_tb_bytes"] = value

    return property(get, put)


_face_class = None
_RESTORED: WeakSet = WeakSet()  # faces made by _restore, whose bytes drop_font_bytes lets go


def _lazy_face_class():
    """TTFontFace whose rarely used tables are unpacked when first read, and its file's bytes read on demand."""
    global _face_class
    if _face_class is None:
        from reportlab.pdfbase.ttfonts import TTFontFace

        members = {name: _lazy(name) for name in LAZY}
        members["_ttf_data"] = _font_bytes()
        _face_class = type("CachedTTFontFace", (TTFontFace,), members)
    return _face_class


def drop_font_bytes() -> None:
    """Let go of the font files' bytes (5 MB for a Chinese face) until a PDF is drawn again: the preview's
    worker keeps its fonts between runs, their files' bytes need not stay with them."""
    for face in list(_RESTORED):
        face.__dict__.pop("_tb_bytes", None)


class _Unpickler(pickle.Unpickler):
    """Loads only what _blob writes: our _Packed and reportlab's own font classes. The cache folder is the
    user's, but a file there must not be able to run code (a pickle naming os.system would): anything else
    is an UnpicklingError, and the font is parsed as if there were no cache."""

    def find_class(self, module: str, name: str):
        if (module, name) == (__name__, "_Packed"):
            return _Packed
        if module == "reportlab.pdfbase.ttfonts":
            from reportlab.pdfbase import ttfonts

            found = getattr(ttfonts, name, None)
            if isinstance(found, type) and found.__module__ == module:
                return found
        raise pickle.UnpicklingError(f"not a font cache: {module}.{name}")


def _restore(rl_name: str, path: str, blob: bytes):
    from reportlab.pdfbase.ttfonts import TTFont

    font_state, face_state = _Unpickler(io.BytesIO(blob)).load()
    face_state = {(k if k not in LAZY else "_packed_" + k): (v.unpack() if isinstance(v, _Packed) and k not in LAZY else v)
                  for k, v in face_state.items()}
    if any(k in LAZY for k in face_state):
        return None  # a table that could not be packed: not this format
    size = face_state.pop("_size")
    if os.path.getsize(path) != size:
        return None
    face = _lazy_face_class().__new__(_lazy_face_class())
    face.__dict__.update(face_state)
    face.__dict__.update(_tb_path=path, _tb_size=size)  # bytes read when a subset is made
    _RESTORED.add(face)
    face._pdfScale = _scale(face.unitsPerEm)
    font = TTFont.__new__(TTFont)
    font.__dict__.update(_unpack(font_state))
    font.face = face
    font.state = WeakKeyDictionary()
    font.fontName = rl_name
    return font


def _sorted_widths(widths: dict):
    """charWidths packed sorted by code (_Widths finds a code by bisection), without a sorted copy of the dict."""
    if len(widths) > 256:
        codes = sorted(widths)
        keys, values = _numbers(codes), _numbers(list(map(widths.__getitem__, codes)))
        if keys is not None and values is not None:
            return _Packed("dict", keys, values)
    return _pack(dict(sorted(widths.items())))


def _packed(hints: dict, name: str, value):
    """``value`` packed: as export.rlparse packed it while parsing (same length: not changed since), or here."""
    hint = hints.get(name)
    if hint is not None and (value is None or isinstance(value, list | dict) and len(value) == hint[0] > 256):
        return _Packed(*hint[1])  # value None: a packing parse made this table only packed
    return _pack(value)


def _blob(font, hints: dict | None = None) -> bytes | None:
    """The cache file's bytes for a parsed font, or None when a table has an unexpected shape."""
    hints = hints or {}
    face_state = {k: _sorted_widths(v) if k == "charWidths" else _packed(hints, k, v)
                  for k, v in font.face.__dict__.items() if k not in _DROP_FACE}
    table = font.face.glyphToChar  # glyph -> [codes] as (glyph, code) pairs, by C loops
    if table is None and "glyphToChar" in hints:
        face_state["glyphToChar"] = _Packed(*hints["glyphToChar"][1])
    elif table is not None:
        glyphs = array("q", chain.from_iterable(map(repeat, table, map(len, table.values()))))
        face_state["glyphToChar"] = _Packed("multi", ("q", glyphs.tobytes()),
                                            ("q", array("q", chain.from_iterable(table.values())).tobytes()))
    if not all(isinstance(face_state.get(k), _Packed) for k in LAZY):
        return None  # an unexpected shape of a table: parse every time
    face_state["_size"] = len(font.face._ttf_data)
    font_state = {k: _pack(v) for k, v in font.__dict__.items() if k not in _DROP_FONT}
    try:
        return pickle.dumps((font_state, face_state), protocol=PICKLE_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return None  # a newer reportlab keeps something unpicklable: just parse every time


def _save(font, key: str, hints: dict | None = None) -> None:
    blob = _blob(font, hints)
    if blob is not None:
        fontindex.write_atomic(_cache_file(key), blob)


def load_ttfont(rl_name: str, path: str, index: int, key: str):
    """A reportlab TTFont for one face, from the cache when it matches this reportlab."""

    cache = _cache_file(key) if key else None
    if cache is not None:
        blob = read_bytes(cache, CACHE_LIMIT)  # a FIFO, a device or a huge file is not read
        if blob:
            try:
                font = _restore(rl_name, path, blob)
            except _UNREADABLE:
                font = None
            if font is not None:
                stats["restored"] += 1
                return font
    with fontindex.gc_paused():
        saving = cache is not None and os.path.getsize(path) > 1_000_000  # small fonts parse fast anyway
        font = rlparse.ttfont(rl_name, path, index, packing=saving)
        stats["parsed"] += 1
        hints = rlparse.PACKED.pop(font.face, None)  # not kept with the face (a megabyte or two for a Chinese one)
        if not saving:
            return font
        blob = _blob(font, hints)
        if blob is not None:
            fontindex.write_atomic(cache, blob)
            try:
                restored = _restore(rl_name, path, blob)  # the font every later export restores
            except _UNREADABLE:
                restored = None
            if restored is not None:
                restored.face.__dict__["_tb_bytes"] = font.face._ttf_data  # read once already
                return restored
        if font.face.glyphToChar is None:  # parsed for packing, and not restored: parse in full
            font = rlparse.ttfont(rl_name, path, index)
            rlparse.PACKED.pop(font.face, None)
    return font
