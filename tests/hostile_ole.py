"""Crafted OLE2 (.doc/.wps) files: a minimal compound-file writer and hostile Word 97 documents built with it.

The writer puts every stream in regular 512-byte sectors (streams are padded to the 4096-byte mini-stream
cutoff), which is all olefile and Word need. The hostile documents start from a real .doc of the corpus
(tests/data/import) whose WordDocument and table streams are then edited.
"""

from __future__ import annotations

import struct
from pathlib import Path

import olefile

SECTOR = 512
FREE, END, FATSECT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
SAMPLE = Path(__file__).parent / "data" / "import" / "auto_numbering_97.doc"
# may import: nothing in them is dangerous once bounded (olefile stops a FAT loop, a lying size is cut to the
# chain, a number out of range shows as digits)
HARMLESS = {"ccp-text-4g.doc", "counting-2g.doc", "declared-2gb.doc", "declared-4gb-table.doc", "fat-loop.doc",
            "fat-loop-far.doc", "letters-2g.doc", "negative-start.doc", "roman-2g.doc", "style-chain.doc",
            "chpx-storm.doc", "papx-storm.doc"}


def _entry(name: str, kind: int, start: int, size: int, right: int = FREE, child: int = FREE) -> bytes:
    raw = name.encode("utf-16-le") + b"\x00\x00"
    return (raw.ljust(64, b"\x00") + struct.pack("<HBBIII", len(raw), kind, 1, FREE, right, child)
            + b"\x00" * 16 + b"\x00" * 4 + b"\x00" * 16 + struct.pack("<IQ", start, size))


def ole_bytes(streams: dict[str, bytes], *, sizes: dict[str, int] | None = None,
              fat_patch: dict[int, int] | None = None) -> bytes:
    """A compound file holding ``streams``; ``sizes`` overrides declared sizes, ``fat_patch`` FAT entries."""
    names = list(streams)
    body, fat, starts = b"", [], {}
    for name in names:
        data = streams[name].ljust(4096, b"\x00")
        data += b"\x00" * (-len(data) % SECTOR)
        first = len(body) // SECTOR
        count = len(data) // SECTOR
        starts[name] = first
        fat += [first + i + 1 for i in range(count - 1)] + [END]
        body += data
    entries = [_entry("Root Entry", 5, END, 0, child=1 if names else FREE)]
    for i, name in enumerate(names):
        size = (sizes or {}).get(name, len(streams[name].ljust(4096, b"\x00")))
        entries.append(_entry(name, 2, starts[name], size, right=i + 2 if i + 1 < len(names) else FREE))
    directory = b"".join(entries)
    directory += b"\x00" * (-len(directory) % SECTOR)
    dir_start = len(body) // SECTOR
    fat += [dir_start + i + 1 for i in range(len(directory) // SECTOR - 1)] + [END]
    body += directory
    n_fat = 1
    while (len(fat) + n_fat) > n_fat * (SECTOR // 4):
        n_fat += 1
    fat_start = len(body) // SECTOR
    fat += [FATSECT] * n_fat
    for k, v in (fat_patch or {}).items():
        fat[k] = v
    fat += [FREE] * (n_fat * SECTOR // 4 - len(fat))
    body += struct.pack(f"<{len(fat)}I", *fat)
    difat = [fat_start + i for i in range(n_fat)] + [FREE] * (109 - n_fat)
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\x00" * 6 + struct.pack("<IIIIIIIII", 0, n_fat, dir_start, 0, 4096, END, 0, END, 0)
              + struct.pack("<109I", *difat))
    return header + body


def sample_streams() -> tuple[bytearray, bytearray, str]:
    """(WordDocument, table stream, table stream name) of the sample .doc."""
    ole = olefile.OleFileIO(str(SAMPLE))
    try:
        word = bytearray(ole.openstream("WordDocument").read())
        flags = struct.unpack_from("<H", word, 0x0A)[0]
        name = "1Table" if flags & 0x0200 else "0Table"
        return word, bytearray(ole.openstream(name).read()), name
    finally:
        ole.close()


def _fib_base(word: bytes) -> tuple[int, int]:
    """(offset of FibRgLw97, offset of FibRgFcLcb97) in a WordDocument stream."""
    csw = struct.unpack_from("<H", word, 0x20)[0]
    lw = 0x22 + csw * 2 + 2
    cslw = struct.unpack_from("<H", word, lw - 2)[0]
    return lw, lw + cslw * 4 + 2


def set_fc_lcb(word: bytearray, index: int, fc: int, lcb: int) -> None:
    struct.pack_into("<II", word, _fib_base(word)[1] + 8 * index, fc, lcb)


def get_fc_lcb(word: bytes, index: int) -> tuple[int, int]:
    return struct.unpack_from("<II", word, _fib_base(word)[1] + 8 * index)


def set_ccp(word: bytearray, which: int, value: int) -> None:
    """which: 0 ccpText, 1 ccpFtn, 2 ccpHdd, 3 ccpMcr, 4 ccpAtn, 5 ccpEdn, 6 ccpTxbx, 7 ccpHdrTxbx."""
    struct.pack_into("<I", word, _fib_base(word)[0] + 4 * (3 + which), value & 0xFFFFFFFF)


def _clx(cps: list[int], fcs: list[int]) -> bytes:
    plc = struct.pack(f"<{len(cps)}I", *cps) + b"".join(struct.pack("<HIH", 0, fc, 0) for fc in fcs)
    return b"\x02" + struct.pack("<I", len(plc)) + plc


def _with_clx(word: bytearray, table: bytearray, clx: bytes) -> None:
    set_fc_lcb(word, 33, len(table), len(clx))
    table += clx


def _lvl_offsets(word: bytes, table: bytes) -> list[int]:
    """Offsets in the table stream of every LVL of the list table (PlfLst)."""
    fc, lcb = get_fc_lcb(word, 73)
    count = struct.unpack_from("<h", table, fc)[0]
    simple = [bool(table[fc + 2 + 28 * k + 26] & 1) for k in range(count)]
    o, out = fc + 2 + 28 * count, []
    for s in simple:
        for _ in range(1 if s else 9):
            out.append(o)
            o += 28 + table[o + 25] + table[o + 24]
            o += 2 + 2 * struct.unpack_from("<H", table, o)[0]
    return out


def hostile_docs() -> dict[str, bytes]:
    """name -> bytes of every crafted .doc/.wps."""
    out: dict[str, bytes] = {}
    word0, table0, tname = sample_streams()

    def doc(word: bytes, table: bytes, **kw) -> bytes:
        return ole_bytes({"WordDocument": bytes(word), tname: bytes(table)}, **kw)

    # -- the container -------------------------------------------------------------------------------
    good = doc(word0, table0)
    out["fat-loop.doc"] = doc(word0, table0, fat_patch={0: 0})
    out["fat-loop-far.doc"] = doc(word0, table0, fat_patch={3: 1})
    out["fat-out-of-range.doc"] = doc(word0, table0, fat_patch={0: 0x7FFFFFF0})
    out["declared-2gb.doc"] = doc(word0, table0, sizes={"WordDocument": 0x7FFFFFFF})
    out["declared-4gb-table.doc"] = doc(word0, table0, sizes={tname: 0xFFFFFFFF00})
    out["truncated.doc"] = good[: len(good) // 2]
    out["header-only.doc"] = good[:512]
    out["xls-renamed.doc"] = ole_bytes({"Workbook": b"\x09\x08" + b"\x00" * 5000})
    out["no-table-stream.doc"] = ole_bytes({"WordDocument": bytes(word0)})
    out["tiny-word-stream.doc"] = ole_bytes({"WordDocument": b"\xec\xa5" + b"\x00" * 100, tname: bytes(table0)})
    # -- the FIB and the piece table ---------------------------------------------------------------
    w = bytearray(word0)
    set_ccp(w, 0, 0xFFFFFFFF)
    out["ccp-text-4g.doc"] = doc(w, table0)
    w = bytearray(word0)
    set_fc_lcb(w, 33, 0xFFFFFFF0, 0xFFFFFFFF)
    out["clx-outside-table.doc"] = doc(w, table0)
    w, t = bytearray(word0), bytearray(table0)
    _with_clx(w, t, _clx([0, 1000], [0x3FFFFFFF]))
    out["piece-fc-outside.doc"] = doc(w, t)
    w, t = bytearray(word0), bytearray(table0)
    _with_clx(w, t, _clx([1000, 0, 0xFFFFFFFF], [0x800, 0x40000000 | 0x3FFFFFFF]))
    out["piece-cps-backwards.doc"] = doc(w, t)
    # every other piece covers the whole text (a 1 MB stream read 100,000 times)
    w, t = bytearray(word0) + bytearray(b"\r\x00" * 500_000), bytearray(table0)
    n = 100_000
    _with_clx(w, t, _clx([0, 500_000] * (n // 2) + [0], [len(word0)] * n))
    set_ccp(w, 0, 500_000)
    out["overlapping-pieces.doc"] = doc(w, t)
    # 400,000 one-character pieces, each a paragraph mark
    w, t = bytearray(word0) + bytearray(b"\r" * 400_000), bytearray(table0)
    n = 400_000
    _with_clx(w, t, _clx(list(range(n + 1)), [(0x40000000 | 2 * (len(word0) + k)) for k in range(n)]))
    set_ccp(w, 0, n)
    out["many-pieces.doc"] = doc(w, t)
    # -- text boxes -----------------------------------------------------------------------------------
    w, t = bytearray(word0) + bytearray("框".encode("utf-16-le") * 200_000), bytearray(table0)
    _with_clx(w, t, _clx([0, 1, 200_001], [0x800, len(word0)]))
    set_ccp(w, 0, 1)
    set_ccp(w, 6, 200_000)
    boxes = 200_000
    plc = struct.pack(f"<{boxes + 1}I", *([0, 200_000] * (boxes // 2) + [0])) + b"\x00" * 22 * boxes
    set_fc_lcb(w, 56, len(t), len(plc))
    t += plc
    out["textbox-storm.doc"] = doc(w, t)
    set_fc_lcb(w, 56, len(t) - len(plc), 26 * 19_000 + 4)  # under the box count: each box holds the story
    out["textbox-overlap.doc"] = doc(w, t)
    # -- formatting: 500,000 bin-table entries all naming one full FKP page (101 or 29 runs each) ------------
    for name, index, crun in (("chpx-storm.doc", 12, 101), ("papx-storm.doc", 13, 29)):
        w, t = bytearray(word0), bytearray(table0)
        page = bytearray(512)
        page[511] = crun
        for i in range(crun + 1):
            struct.pack_into("<I", page, 4 * i, i * 2)
        w += b"\x00" * (-len(w) % 512)
        pn = len(w) // 512
        w += page
        n = 500_000
        plc = struct.pack(f"<{n + 1}I", *range(n + 1)) + struct.pack("<I", pn) * n
        set_fc_lcb(w, index, len(t), len(plc))
        t += plc
        out[name] = doc(w, t)
    # -- lists ---------------------------------------------------------------------------------------
    for name, start, nfc in (("roman-2g.doc", 0x7FFFFFFF, 1), ("letters-2g.doc", 0x7FFFFFFF, 3),
                             ("negative-start.doc", -0x80000000, 37), ("counting-2g.doc", 0x7FFFFFFF, 37)):
        t = bytearray(table0)
        for o in _lvl_offsets(word0, table0):
            struct.pack_into("<i", t, o, start)
            t[o + 4] = nfc
        out[name] = doc(word0, t)
    # styles: a chain of 4,000 paragraph styles (istdBase has 12 bits), each based on the one before, none with a list
    w, t = bytearray(word0), bytearray(table0)
    cstd, cb_base = 4_000, 10
    stds = b"".join(struct.pack("<H", 12) + struct.pack("<HHH", 0, 1 | ((k - 1 if k else 0x0FFF) << 4), 1)
                    + b"\x00" * 4 + struct.pack("<H", 0) for k in range(cstd))
    stsh = struct.pack("<H", 4) + struct.pack("<HH", cstd, cb_base) + stds
    set_fc_lcb(w, 1, len(t), len(stsh))
    t += stsh
    out["style-chain.doc"] = doc(w, t)
    return out
