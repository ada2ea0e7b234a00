"""Finds installed fonts and remembers what they are, so later runs need not parse them again."""

from __future__ import annotations

import gc
import hashlib
import json
import os
import struct
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from export import fontmetrics, sfnt
from export.fontwalk import ENV_DIRS, FONT_EXTS, font_files, search_dirs  # noqa: F401 - re-exported
from export.nameread import records as name_records
from models import paths

INDEX_VERSION = 3
UNCOUNTED = -1  # codepoints/cjk/gb2312 of a face whose cmap a lazy index has not read yet (export.fontcount)
GB2312_HANZI = 6763
LANG_ZH_CN = (0x0804, 0x1004)  # PRC, Singapore
LANG_OTHER_CJK = (0x0404, 0x0C04, 0x1404, 0x0411, 0x0412)  # Taiwan, HK, Macau, Japan, Korea

# A broken or exotic font file on the user's machine is skipped, not a crash; these are what
# fontTools raises on such files (it has no single base class for them).
_BAD_FONT_ERRORS = (OSError, struct.error, KeyError, ValueError, AssertionError, IndexError,
                    EOFError, TypeError, AttributeError)

scan_count = 0  # font files parsed by this process; tests read it to prove the cache is used


@dataclass(frozen=True)
class FaceInfo:
    """One face (a TTC holds several) as the index remembers it."""

    path: str
    index: int
    names: tuple[str, ...]  # family, full, typographic family and PostScript names, all languages
    en: str  # English (or first) family name
    zh: str  # Simplified Chinese family name, '' if none
    glyf: bool  # TrueType outlines: reportlab can embed it
    embeddable: bool  # licence and PostScript name let reportlab subset and embed it
    regular: bool  # not bold, not italic
    sc: int  # how clearly this face is the Simplified Chinese one (for choosing inside a TTC)
    codepoints: int
    cjk: int  # codepoints in U+4E00..U+9FFF
    gb2312: int  # GB2312 hanzi covered, of 6763
    key: str  # name of its metrics file in the cache

    @property
    def usable(self) -> bool:
        return self.glyf and self.embeddable


@dataclass
class FontIndex:
    faces: list[FaceInfo]
    scanned: int  # files parsed in this call (0 when everything came from the cache)
    elapsed: float  # seconds spent building the index


def _gb2312_hanzi() -> frozenset[int]:
    """GB2312's hanzi (rows 16-87), each row decoded at once; pair by pair only in a row with gaps (row 55)."""
    out = set()
    trails = bytes(range(0xA1, 0xFF))
    for b1 in range(0xB0, 0xF8):
        row = bytearray(2 * len(trails))
        row[0::2], row[1::2] = bytes((b1,)) * len(trails), trails
        try:
            out.update(map(ord, row.decode("gb2312")))
            continue
        except UnicodeDecodeError:
            pass
        for b2 in trails:
            try:
                out.add(ord(bytes((b1, b2)).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return frozenset(out)


_GB2312: frozenset[int] | None = None
_CJK_BLOCK = frozenset(range(0x4E00, 0xA000))  # CJK Unified Ideographs, U+4E00..U+9FFF


def gb2312_hanzi() -> frozenset[int]:
    global _GB2312
    if _GB2312 is None:
        _GB2312 = _gb2312_hanzi()
    return _GB2312


# ---------------------------------------------------------------- reading one file

def _face_key(path: str, index: int, mtime_ns: int, size: int) -> str:
    raw = f"{INDEX_VERSION}|{path}|{index}|{mtime_ns}|{size}".encode("utf-8", "surrogateescape")
    return hashlib.sha1(raw).hexdigest()[:24]


def file_face_key(path: str, index: int) -> str:
    """The cache key of a face of the font file as it is on disk now."""
    st = os.stat(path)
    return _face_key(path, index, st.st_mtime_ns, st.st_size)


def face_dict(info: FaceInfo) -> dict:
    """A face as the index file keeps it (dataclasses.asdict deep-copied every field: 20 ms of 300 files)."""
    return {**vars(info), "names": list(info.names)}


def _ps_name_ok(font, records=None) -> bool:
    """reportlab takes the PostScript (else full, else family) name from the US-English Windows
    or Mac Roman records and refuses one with non-ASCII or PDF delimiter characters."""
    if "name" not in font:
        return True
    found: dict[int, str] = {}
    for rec in name_records(font) if records is None else records:
        if rec.nameID in (1, 4, 6) and rec.nameID not in found and (
                (rec.platformID, rec.platEncID, rec.langID) in ((3, 1, 0x409), (1, 0, 0))):
            found[rec.nameID] = rec.toUnicode(errors="replace")
    name = found.get(6) or found.get(4) or found.get(1) or ""
    return all(ord(c) < 127 and c not in "[](){}<>/%" for c in name)


def _looks_cjk(font, path: str) -> bool:
    """Cheap test from OS/2 bits (or size) so Latin fonts need not have their cmap read."""
    if "OS/2" not in font:
        return True
    os2 = font["OS/2"]
    cjk_ranges = (os2.ulUnicodeRange2 >> 27) & 1 or (os2.ulUnicodeRange2 >> 16) & 0b111
    cjk_pages = getattr(os2, "ulCodePageRange1", 0) & (0b11111 << 17)
    return bool(cjk_ranges or cjk_pages) or os.path.getsize(path) > 2_000_000


def _reportlab_subtable(font):
    """The cmap subtable reportlab's TTFontFile will read: the last Unicode-ish one listed."""
    if "cmap" not in font:
        return None
    from export.cmapread import subtables

    chosen, kind = None, 0
    for table in font.subtables() if isinstance(font, sfnt.Face) else subtables(font):
        p, e = table.platformID, table.platEncID
        if p == 3 or (p == 0 and e != 5) or (p == 1 and e == 1):
            chosen, kind = table, 1
        elif p == 1 and e == 0 and kind != 1:
            chosen, kind = table, 2
    return chosen


def _glyph_ids_as_names(font) -> None:
    """Name every glyph by its number: the cmap is then read without decoding the 'post' table's
    thousands of glyph names (or a CFF charset), most of the time of indexing a big Chinese font.
    Nothing here needs the names; glyph 0 is still the .notdef glyph."""
    if "maxp" in font and not isinstance(font, sfnt.Face):  # export.sfnt's faces have no glyph names at all
        font.setGlyphOrder(list(range(font["maxp"].numGlyphs)))


def read_face(font, path: str, index: int, key: str, *, always_cmap: bool = False,
              defer: bool = False) -> tuple[FaceInfo, tuple | None]:
    """What the index keeps about one face, plus what export.fontmetrics makes its widths of if the cmap was read.
    ``defer``: a usable face's cmap is left unread (its counts UNCOUNTED) until export.fontcount needs them."""
    _glyph_ids_as_names(font)
    names: list[str] = []
    en = zh = ""
    sc = 0
    other_cjk = False
    records = name_records(font) if "name" in font else []
    for rec in records:
        if rec.nameID not in (1, 4, 6, 16):
            continue
        text = rec.toUnicode(errors="replace").strip()
        if not text:
            continue
        if text not in names:
            names.append(text)
        if rec.nameID in (1, 16) and rec.platformID == 3:
            if rec.langID in LANG_ZH_CN:
                zh = zh or text
                sc = max(sc, 4)
            elif rec.langID == 0x0409:
                en = en or text
            elif rec.langID in LANG_OTHER_CJK:
                other_cjk = True
    en = en or (names[0] if names else Path(path).stem)
    upper = " ".join(names).upper()
    if any(tag in upper for tag in (" SC", " GB", " CN", "简")):
        sc += 2
    if other_cjk and sc == 0:
        sc -= 1
    regular, embeddable = True, True
    if "OS/2" in font:
        os2 = font["OS/2"]
        regular = 300 <= os2.usWeightClass <= 500 and not (os2.fsSelection & 0x01)
        fs_type = os2.fsType
        if getattr(os2, "ulCodePageRange1", 0) & (1 << 18):
            sc += 1
        embeddable = not (fs_type == 0x0002 or fs_type & 0x0300)
    glyf = "glyf" in font and "loca" in font
    embeddable = embeddable and _ps_name_ok(font, records)
    table = _reportlab_subtable(font)
    # reportlab draws through the subtable it picks; a legacy one (GB2312-coded (3,3), symbol
    # (3,0), Mac Roman) would print wrong glyphs, so such a face is not used at all.
    embeddable = embeddable and table is not None and (
        table.platformID == 0 or (table.platformID, table.platEncID) in ((3, 1), (3, 10)))
    read_cmap = table is not None and (always_cmap or _looks_cjk(font, path))
    if read_cmap and defer and glyf and embeddable and not always_cmap:
        return FaceInfo(path=path, index=index, names=tuple(names), en=en, zh=zh, glyf=glyf, embeddable=embeddable,
                        regular=regular, sc=sc, codepoints=UNCOUNTED, cjk=UNCOUNTED, gb2312=UNCOUNTED, key=key), None
    cmap = {}
    if read_cmap:
        from export.cmapread import glyph_ids

        cmap = glyph_ids(table)  # formats 4 and 12 without fontTools' glyph names; glyph 0 left out
        if cmap is None:
            notdef = font.getGlyphOrder()[0]  # a code mapped to .notdef is not really there
            cmap = {cp: g for cp, g in table.cmap.items() if g != notdef}
    if read_cmap and 0x20 in cmap:
        cmap.setdefault(0xA0, cmap[0x20])  # as reportlab does: no-break space drawn as a space
    cjk = len(_CJK_BLOCK.intersection(cmap))  # set operations in C: a Chinese cmap has ~30,000 codes
    # Without a cmap read, the glyph count stands in for the size of the repertoire.
    count = len(cmap) if read_cmap else font["maxp"].numGlyphs if "maxp" in font else 0
    info = FaceInfo(path=path, index=index, names=tuple(names), en=en, zh=zh, glyf=glyf,
                    embeddable=embeddable, regular=regular, sc=sc, codepoints=count, cjk=cjk,
                    gb2312=sum(map(cmap.__contains__, gb2312_hanzi())) if cjk else 0, key=key)
    fresh = None
    if read_cmap and glyf and "hmtx" in font:
        fresh = (cmap, fontmetrics.hmtx_parts(font), font["head"].unitsPerEm)
    return info, fresh


def read_faces(path: str, keys, *, only: int | None = None, always_cmap: bool = False,
               defer: bool = False) -> list[tuple]:
    """read_face of each face of a file (or just face ``only``), ``keys(index)`` naming them: read by
    export.sfnt, or by fontTools when that finds anything it does not read itself (fontTools then decides,
    raising what it raised before for a damaged file)."""
    try:
        with open(path, "rb") as fh:
            faces = sfnt.open_faces(fh)
            return [read_face(font, path, i, keys(i), always_cmap=always_cmap, defer=defer)
                    for i, font in enumerate(faces) if only is None or i == only]
    except Exception:  # noqa: BLE001 - anything: fontTools reads the file as it always did
        pass
    from fontTools.ttLib import TTCollection, TTFont

    with open(path, "rb") as fh:
        ttc = fh.read(4) == b"ttcf"
    if only is not None:
        fonts = {only: TTFont(path, fontNumber=only, lazy=True)}
    else:
        fonts = dict(enumerate(TTCollection(path, lazy=True).fonts if ttc else [TTFont(path, lazy=True)]))
    return [read_face(font, path, i, keys(i), always_cmap=always_cmap, defer=defer) for i, font in fonts.items()]


def _scan_file(path: str, mtime_ns: int, size: int, defer: bool = False) -> list[FaceInfo]:
    """Parse one font file (all faces of a TTC); keep what the widths of embeddable faces are made of."""
    global scan_count
    scan_count += 1
    try:
        read = read_faces(path, lambda i: _face_key(path, i, mtime_ns, size), defer=defer)
    except Exception as e:
        from fontTools.ttLib import TTLibError  # imported only when a file was damaged

        if isinstance(e, (TTLibError, *_BAD_FONT_ERRORS)):
            return []
        raise
    for info, fresh in read:
        if fresh is not None and info.usable:
            fontmetrics.keep(info.key, *fresh)
    return [info for info, _fresh in read]


# ---------------------------------------------------------------- caches on disk

def font_cache_dir() -> Path:
    return paths.cache_dir() / "fonts"


def index_path() -> Path:
    return font_cache_dir() / "index.json"


def converted_path(key: str) -> Path:
    """Where export.fontconvert puts the TrueType copy of the CFF face with this key."""
    return font_cache_dir() / "converted" / f"{key}.ttf"


def write_atomic(path: Path, data: bytes) -> None:
    """A cache that cannot be written only costs time on the next run, so failures are ignored."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        pass


def _load_cached_index() -> dict:
    from export.indexfile import read_index

    return read_index(index_path(), INDEX_VERSION)


def _prune(keys: set[str]) -> None:
    """Drop cached metrics, reportlab states and converted copies of fonts no longer indexed."""
    root = font_cache_dir()
    for sub, pattern in (("metrics", "*.bin"), ("ink", "*.bin"), ("reportlab", "*.pickle"), ("converted", "*.ttf"),
                         ("ofd", "*.ttf")):
        for file in (root / sub).glob(pattern):
            if file.name.split(".")[0].split("-")[0] not in keys:
                try:
                    file.unlink()
                except OSError:
                    pass


def _entry(path: str, cached: dict, lazy: bool = False) -> tuple[dict | None, bool]:
    """The index entry of one file and whether it had to be parsed (None: file vanished). Not ``lazy``:
    a file with faces a lazy index left uncounted is read again, whole."""
    try:
        st = os.stat(path)
    except OSError:
        return None, False
    entry = cached.get(path)
    if entry and entry.get("mtime_ns") == st.st_mtime_ns and entry.get("size") == st.st_size and (
            lazy or all(f.get("gb2312") != UNCOUNTED for f in entry.get("faces", ()))):
        return entry, False
    faces = _scan_file(path, st.st_mtime_ns, st.st_size, defer=lazy)
    return {"mtime_ns": st.st_mtime_ns, "size": st.st_size,
            "faces": [face_dict(f) for f in faces]}, True


@contextmanager
def gc_paused():
    """No cyclic garbage collection while a font is read: reading one makes ~100,000 small objects, each
    batch of which made the collector walk the whole heap again (30-40 ms of a first export); nothing
    read here forms cycles."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def load_index(*, rescan: bool = False, keep_read: bool = False, lazy: bool = False) -> FontIndex:
    """The faces of all font files found now; only new or changed files are parsed. ``keep_read``: what was
    read to make widths of stays for export.fontmetrics (export.fonts.get_fontset then keeps what it measures).
    ``lazy``: usable Chinese faces may come UNCOUNTED (their cmaps unread): export.fonts.resolve counts only those
    it needs (export.fontcount); everyone else (字体设置, the ``fonts`` command) gets every face counted."""
    with gc_paused():
        index = _load_index(rescan, lazy)
    if not keep_read:
        fontmetrics.forget()
    return index


def _load_index(rescan: bool, lazy: bool = False) -> FontIndex:
    start = time.perf_counter()
    cached = {} if rescan else _load_cached_index()
    files: dict[str, dict] = {}
    scanned = 0
    for path in font_files():
        entry, parsed = _entry(path, cached, lazy)
        if entry is not None:
            files[path] = entry
            scanned += parsed
    # TrueType copies made by export.fontconvert of CFF faces that are still installed unchanged.
    cff_keys = [f["key"] for e in list(files.values()) for f in e["faces"] if not f["glyf"]]
    for key in cff_keys:
        copy = converted_path(key)
        if copy.exists():
            entry, parsed = _entry(str(copy), cached, lazy)
            if entry is not None:
                files[str(copy)] = entry
                scanned += parsed
    faces = [FaceInfo(**{**f, "names": tuple(f["names"])}) for e in files.values() for f in e["faces"]]
    # Keep entries of other search folders (tests, TIANBAO_FONT_DIRS) while their files exist.
    kept = {p: e for p, e in cached.items() if p not in files and os.path.exists(p)}
    if scanned or rescan or len(kept) + len(files) != len(cached):
        doc = {"version": INDEX_VERSION, "files": {**kept, **files}}
        write_atomic(index_path(), json.dumps(doc, ensure_ascii=False).encode("utf-8"))
        _prune({f["key"] for e in doc["files"].values() for f in e["faces"]})
    return FontIndex(faces=faces, scanned=scanned, elapsed=time.perf_counter() - start)
