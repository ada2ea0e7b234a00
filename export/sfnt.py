"""A plain TrueType/OpenType file read without fontTools: the table directory, table bytes, and the few
numbers the font index and the ink boxes read (OS/2, maxp, hhea, head, the cmap's subtable headers).

Importing fontTools' ttLib and its table modules was ~15 ms of a first export, and opening each file
through it ~0.2 ms more (300 files on a Windows PC). Only what fontTools would read the same way is read
here: anything else (a table of an unexpected length or version, a cmap format the index does not read
itself, a damaged directory) raises Unusual, and the caller reads that file with fontTools, which then
decides what it means exactly as before.
"""

from __future__ import annotations

import struct
from types import SimpleNamespace

from export.cmapread import cmap_entries

SFNT_VERSIONS = (b"\x00\x01\x00\x00", b"OTTO", b"true")
_OS2_LENGTH = {0: 78, 1: 86, 2: 96, 3: 96, 4: 96, 5: 100}  # what fontTools unpacks for each version
_PLAIN_CMAP_FORMATS = (0, 2, 4, 6, 12)  # whose headers fontTools reads as below


class Unusual(Exception):
    """Not read here: the caller reads the file with fontTools."""


def open_faces(fh) -> list[Face]:
    """The faces of an open font file (one, or each of a TTC's)."""
    fh.seek(0)
    head = fh.read(12)
    if len(head) < 12:
        raise Unusual("short file")
    if head[:4] != b"ttcf":
        return [Face(fh, 0, head)]
    _tag, version, count = struct.unpack(">4sLL", head)
    if version not in (0x00010000, 0x00020000) or not 0 < count <= 64:
        raise Unusual("TTC face count")
    raw = fh.read(4 * count)
    if len(raw) != 4 * count:
        raise Unusual("TTC header")
    return [Face(fh, offset) for offset in struct.unpack(f">{count}L", raw)]


class _Reader:
    def __init__(self, face: Face):
        self._face = face

    def __getitem__(self, tag: str) -> bytes:
        return self._face.table(tag)

    def __contains__(self, tag: str) -> bool:
        return tag in self._face.tables


class Face:
    """One face: ``tag in face``, ``face.reader[tag]`` (bytes) and ``face[tag]`` for OS/2, maxp, hhea, head,
    the parts of fontTools' lazy TTFont the font index uses."""

    def __init__(self, fh, offset: int, head: bytes | None = None):
        self._fh = fh
        if head is None or offset:
            fh.seek(offset)
            head = fh.read(12)
        if len(head) < 12 or head[:4] not in SFNT_VERSIONS:
            raise Unusual("sfnt version")
        count = struct.unpack(">H", head[4:6])[0]
        raw = fh.read(16 * count)
        if len(raw) != 16 * count:
            raise Unusual("table directory")
        self.tables: dict[str, tuple[int, int]] = {}
        for i in range(count):
            tag, _checksum, start, length = struct.unpack_from(">4sLLL", raw, 16 * i)
            self.tables[tag.decode("latin-1")] = (start, length)
        self.reader = _Reader(self)
        self._data: dict[str, bytes] = {}
        self._parsed: dict[str, SimpleNamespace] = {}

    def __contains__(self, tag: str) -> bool:
        return tag in self.tables

    def table(self, tag: str) -> bytes:
        data = self._data.get(tag)
        if data is None:
            start, length = self.tables[tag]  # KeyError for a missing table, as fontTools
            self._fh.seek(start)
            data = self._fh.read(length)
            if len(data) != length:
                raise Unusual(f"{tag} past the end of the file")
            self._data[tag] = data
        return data

    def get(self, tag: str, default=None):
        return self[tag] if tag in self.tables else default

    def __getitem__(self, tag: str) -> SimpleNamespace:
        parsed = self._parsed.get(tag)
        if parsed is None:
            read = _TABLES.get(tag)
            if read is None:
                raise Unusual(f"table {tag}")
            parsed = self._parsed[tag] = read(self.table(tag))
        return parsed

    def subtables(self) -> list[SimpleNamespace]:
        """The cmap's subtables, headers only, as export.cmapread.subtables lists them."""
        data = self.table("cmap")
        out = []
        for platform, encoding, offset, fmt, length in cmap_entries(data, Unusual):
            if fmt not in _PLAIN_CMAP_FORMATS:
                raise Unusual(f"cmap format {fmt}")
            size = 6
            if fmt == 12:
                if offset + 16 > len(data):
                    raise Unusual("cmap subtable header")
                _fmt, _reserved, length, _language, groups = struct.unpack(">HHLLL", data[offset:offset + 16])
                size = 16
            if not length:
                continue  # fontTools skips a subtable of zero length
            if length < size or offset + length > len(data):
                raise Unusual("cmap subtable length")
            table = SimpleNamespace(platformID=platform, platEncID=encoding, format=fmt,
                                    data=data[offset + size:offset + length])
            if fmt == 12:
                if length != 16 + 12 * groups:
                    raise Unusual("cmap group count")
                table.nGroups = groups
            out.append(table)
        return out


def _os2(data: bytes) -> SimpleNamespace:
    version = struct.unpack(">H", data[:2])[0] if len(data) >= 2 else -1
    if version not in _OS2_LENGTH or len(data) < _OS2_LENGTH[version]:
        raise Unusual("OS/2 version or length")
    weight, fs_type = struct.unpack(">H2xH", data[4:10])
    ranges = struct.unpack(">4L", data[42:58])
    out = SimpleNamespace(version=version, usWeightClass=weight, fsType=fs_type, ulUnicodeRange1=ranges[0],
                          ulUnicodeRange2=ranges[1], fsSelection=struct.unpack(">H", data[62:64])[0])
    if version >= 1:
        out.ulCodePageRange1 = struct.unpack(">L", data[78:82])[0]
    return out


def _maxp(data: bytes) -> SimpleNamespace:
    if len(data) < 6:
        raise Unusual("maxp length")
    version, glyphs = struct.unpack(">LH", data[:6])
    if len(data) != (6 if version == 0x00005000 else 32):
        raise Unusual("maxp length")
    return SimpleNamespace(tableVersion=version, numGlyphs=glyphs)


def _hhea(data: bytes) -> SimpleNamespace:
    if len(data) != 36:
        raise Unusual("hhea length")
    return SimpleNamespace(numberOfHMetrics=struct.unpack(">H", data[34:36])[0])


def _head(data: bytes) -> SimpleNamespace:
    if not (len(data) == 54 or (len(data) == 56 and data[54:] == b"\0\0")):
        raise Unusual("head length")
    return SimpleNamespace(unitsPerEm=struct.unpack(">H", data[18:20])[0],
                           indexToLocFormat=struct.unpack(">h", data[50:52])[0])


_TABLES = {"OS/2": _os2, "maxp": _maxp, "hhea": _hhea, "head": _head}


def glyph_offsets(face: Face) -> list[int]:
    """'loca' as byte offsets into 'glyf', numGlyphs + 1 of them, as fontTools reads it."""
    long_format = face["head"].indexToLocFormat
    if long_format not in (0, 1):
        raise Unusual("loca format")
    data = face.table("loca")
    size = 4 if long_format else 2
    count = face["maxp"].numGlyphs + 1
    if len(data) < size * count:
        raise Unusual("loca length")
    offsets = struct.unpack(f">{count}{'L' if long_format else 'H'}", data[:size * count])
    return list(offsets) if long_format else [2 * o for o in offsets]


def simple_glyph_bounds(data: bytes) -> tuple[int, int, int, int] | None:
    """(xMin, yMin, xMax, yMax) of a simple glyph computed from its points, as fontTools' recalcBounds; None
    for a glyph without contours. A composite glyph is Unusual (fontTools resolves its components)."""
    if not data:
        return None
    contours = struct.unpack(">h", data[:2])[0]
    if contours == 0:
        return None
    if contours < 0:
        raise Unusual("composite glyph")
    pos = 10 + 2 * contours
    points = struct.unpack(">H", data[pos - 2:pos])[0] + 1
    pos += 2 + struct.unpack(">H", data[pos:pos + 2])[0]  # past the instructions
    flags = bytearray()
    while len(flags) < points:
        flag = data[pos]
        pos += 1
        flags.append(flag)
        if flag & 0x08:  # repeated
            flags.extend(bytes((flag,)) * data[pos])
            pos += 1
    del flags[points:]
    coords = []
    for short, same in ((0x02, 0x10), (0x04, 0x20)):  # x, then y
        value, column = 0, []
        for flag in flags:
            if flag & short:
                value += data[pos] if flag & same else -data[pos]
                pos += 1
            elif not flag & same:
                value += struct.unpack(">h", data[pos:pos + 2])[0]
                pos += 2
            column.append(value)
        coords.append(column)
    if pos > len(data):
        raise Unusual("glyph data too short")
    xs, ys = coords
    return (min(xs), min(ys), max(xs), max(ys)) if xs else (0, 0, 0, 0)
