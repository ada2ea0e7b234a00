"""Keeps reportlab's parse of big CJK TrueType fonts on disk: a new process then registers a
5 MB font in a few milliseconds instead of 50-150 ms of pure-Python table reading.

The pickle holds reportlab's own parsed state (cmap, widths, glyph offsets) for one reportlab
version; the font bytes themselves are read from the font file again. Anything unexpected
falls back to a normal parse.
"""

from __future__ import annotations

import gc
import os
import pickle
from pathlib import Path
from weakref import WeakKeyDictionary

from export import fontindex

PICKLE_PROTOCOL = 4
_DROP_FACE = ("_ttf_data", "_pdfScale")  # the file bytes, and a lambda (rebuilt below)
_DROP_FONT = ("face", "state")
stats = {"parsed": 0, "restored": 0}  # tests and the benchmark read these


def _cache_file(key: str) -> Path:
    from reportlab import Version

    return fontindex.font_cache_dir() / "reportlab" / f"{key}-rl{Version}.pickle"


def _scale(units_per_em: int):
    if units_per_em == 1000:
        return lambda x: x
    mult = 1000 / units_per_em
    return lambda x: x * mult


def _restore(rl_name: str, path: str, blob: bytes):
    from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

    enabled = gc.isenabled()
    gc.disable()  # the state is ~150,000 small objects: collections mid-load only cost time
    try:
        font_state, face_state = pickle.loads(blob)
    finally:
        if enabled:
            gc.enable()
    data = Path(path).read_bytes()
    if len(data) != face_state.pop("_size"):
        return None
    face = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(face_state)
    face._ttf_data = data
    face._pdfScale = _scale(face.unitsPerEm)
    font = TTFont.__new__(TTFont)
    font.__dict__.update(font_state)
    font.face = face
    font.state = WeakKeyDictionary()
    font.fontName = rl_name
    return font


def _save(font, key: str) -> None:
    face_state = {k: v for k, v in font.face.__dict__.items() if k not in _DROP_FACE}
    face_state["_size"] = len(font.face._ttf_data)
    font_state = {k: v for k, v in font.__dict__.items() if k not in _DROP_FONT}
    try:
        blob = pickle.dumps((font_state, face_state), protocol=PICKLE_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return  # a newer reportlab keeps something unpicklable: just parse every time
    fontindex.write_atomic(_cache_file(key), blob)


def load_ttfont(rl_name: str, path: str, index: int, key: str):
    """A reportlab TTFont for one face, from the cache when it matches this reportlab."""
    from reportlab.pdfbase.ttfonts import TTFont

    cache = _cache_file(key) if key else None
    if cache is not None:
        try:
            blob = cache.read_bytes()
        except OSError:
            blob = None
        if blob:
            try:
                font = _restore(rl_name, path, blob)
            except (pickle.UnpicklingError, EOFError, KeyError, ValueError, TypeError,
                    AttributeError, ImportError, OSError):
                font = None
            if font is not None:
                stats["restored"] += 1
                return font
    font = TTFont(rl_name, path, subfontIndex=index)
    stats["parsed"] += 1
    if cache is not None and os.path.getsize(path) > 1_000_000:  # small fonts parse fast anyway
        _save(font, key)
    return font
