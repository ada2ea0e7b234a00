"""Subset TrueType files for OFD: only the glyphs a document draws, cmap kept so readers map TextCode to glyphs.

Subsets are kept in the font cache (fonts/ofd/), named by the face as it is on disk now (path, face, size,
mtime: export.fontindex's key) and the characters, so exporting the same report again, or a report whose
headings use the same characters, reads a file instead of a 5 MB face. The newest MAX_CACHED are kept; the
fonts index prunes those of faces it no longer lists.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os

from export import fontindex
from models.cachefile import read_bytes

# Shaping and kerning tables: positions are Tianbao's (DeltaX), so readers never need them. Removed before
# subsetting, since fontTools would otherwise decompile GSUB/GPOS/GDEF whole (a CJK face's take 0.1-0.2 s).
MAX_SUBSET = 64 << 20  # a subset of a whole Chinese face is ~10 MB
LAYOUT_TABLES = ("GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern", "morx", "mort", "feat")
FORMAT = "s1"  # bump when the subsetting below changes what it writes
MAX_CACHED = 48
stats = {"subset": 0, "cached": 0}  # tests and the benchmark read these


def subset_font(path: str, index: int, chars: set[str]) -> bytes:
    """The face ``index`` of ``path`` (a .ttf, or one face of a .ttc) cut down to ``chars``, as a .ttf file."""
    cache = _cache_dir() / f"{fontindex.file_face_key(path, index)}-{_digest(chars)}.ttf"
    data = read_bytes(cache, MAX_SUBSET) or b""  # a FIFO, a device or a huge file is not read
    if _whole(data):
        stats["cached"] += 1
        try:
            os.utime(cache)  # recently used: pruned last
        except OSError:
            pass
        return data
    data = _subset(path, index, chars)
    stats["subset"] += 1
    fontindex.write_atomic(cache, data)
    _prune()
    return data


def _whole(data: bytes) -> bool:
    """A TrueType file whose every table lies inside it (a cached copy cut short is made again)."""
    if len(data) < 12 or data[:4] not in (b"\x00\x01\x00\x00", b"true"):
        return False
    tables = int.from_bytes(data[4:6], "big")
    records = data[12:12 + 16 * tables]
    if len(records) < 16 * tables:
        return False
    return all(int.from_bytes(records[k + 8:k + 12], "big") + int.from_bytes(records[k + 12:k + 16], "big")
               <= len(data) for k in range(0, len(records), 16))


def _cache_dir():
    return fontindex.font_cache_dir() / "ofd"


def _digest(chars: set[str]) -> str:
    from fontTools import version

    raw = f"{FORMAT}|{version}|{''.join(sorted(chars))}".encode("utf-8", "surrogatepass")
    return hashlib.sha1(raw).hexdigest()[:16]


def _prune() -> None:
    try:
        files = sorted(_cache_dir().glob("*.ttf"), key=lambda f: f.stat().st_mtime_ns, reverse=True)
        for old in files[MAX_CACHED:]:
            old.unlink()
    except OSError:  # a cache that cannot be tidied only costs disk space
        pass


def _subset(path: str, index: int, chars: set[str]) -> bytes:
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
