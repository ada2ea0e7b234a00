"""Automatic list numbers of a Word 97-2003 document: LST/LFO tables and each paragraph's ilfo/ilvl.

A paragraph's properties (PAPX) are found through the bin table (PlcBtePapx) and its 512-byte FKP pages; the
paragraph's list is sprmPIlfo (an index into the LFO table, which names a list by lsid) at level sprmPIlvl,
set on the paragraph or on its style. Numbers are then counted as Word does (see numbering.py).
"""

from __future__ import annotations

import struct

from models.importers.limits import MAX_CHARS, ImportLimitError
from models.importers.numbering import format_number

# nfc codes of [MS-DOC] in the order of OOXML's ST_NumberFormat
_NFC = ["decimal", "upperRoman", "lowerRoman", "upperLetter", "lowerLetter", "ordinal", "cardinalText",
        "ordinalText", "hex", "chicago", "ideographDigital", "japaneseCounting", "aiueo", "iroha",
        "decimalFullWidth", "decimalHalfWidth", "japaneseLegal", "japaneseDigitalTenThousand",
        "decimalEnclosedCircle", "decimalFullWidth2", "aiueoFullWidth", "irohaFullWidth", "decimalZero", "bullet",
        "ganada", "chosung", "decimalEnclosedFullstop", "decimalEnclosedParen", "decimalEnclosedCircleChinese",
        "ideographEnclosedCircle", "ideographTraditional", "ideographZodiac", "ideographZodiacTraditional",
        "taiwaneseCounting", "ideographLegalTraditional", "taiwaneseCountingThousand", "taiwaneseDigital",
        "chineseCounting", "chineseLegalSimplified", "chineseCountingThousand"]


def _fmt(nfc: int) -> str:
    if nfc == 0xFF:
        return "none"
    return _NFC[nfc] if nfc < len(_NFC) else "decimal"


class _Lvl:
    __slots__ = ("start", "fmt", "text", "legal", "no_restart", "restart_lim", "style")

    def __init__(self, start: int, fmt: str, text: str, legal: bool, no_restart: bool, restart_lim: int):
        self.start, self.fmt, self.text = start, fmt, text
        self.legal, self.no_restart, self.restart_lim = legal, no_restart, restart_lim
        self.style = 0x0FFF


def _read_lvl(b: bytes, o: int) -> tuple[_Lvl, int]:
    start = struct.unpack_from("<i", b, o)[0]
    nfc, flags = b[o + 4], b[o + 5]
    cb_chpx, cb_papx, restart_lim = b[o + 24], b[o + 25], b[o + 26]
    o += 28 + cb_papx + cb_chpx
    cch = struct.unpack_from("<H", b, o)[0]
    text = b[o + 2:o + 2 + 2 * cch].decode("utf-16-le", errors="replace")
    return _Lvl(start, _fmt(nfc), text, bool(flags & 0x04), bool(flags & 0x08), restart_lim), o + 2 + 2 * cch


def _lists(word: bytes, table: bytes, fc_lcb) -> tuple[dict, list[tuple[object, dict[int, int]]]]:
    """({lsid: levels}, [(lsid, {ilvl: start override})] per LFO, 0-based); an LFO that reformats levels gets
    its own entry, keyed ("lfo", n)."""
    lists: dict[object, list[_Lvl]] = {}
    linked: dict[int, list[int]] = {}
    fc, lcb = fc_lcb(word, 73)
    if lcb >= 2:
        count = struct.unpack_from("<h", table, fc)[0]
        heads = []
        for k in range(count):
            o = fc + 2 + 28 * k
            heads.append((struct.unpack_from("<i", table, o)[0], bool(table[o + 26] & 0x01)))
            # rgistdPara: the paragraph style linked to each level (a style names its list, the list its level)
            linked[struct.unpack_from("<i", table, o)[0]] = list(struct.unpack_from("<9H", table, o + 8))
        o = fc + 2 + 28 * count
        for lsid, simple in heads:
            levels = []
            for _ in range(1 if simple else 9):
                lvl, o = _read_lvl(table, o)
                levels.append(lvl)
            lists[lsid] = levels
    lfos: list[tuple[int, dict[int, int]]] = []
    formats: list[dict[int, _Lvl]] = []  # per LFO: levels it reformats
    fc, lcb = fc_lcb(word, 74)
    if lcb >= 4:
        count = struct.unpack_from("<I", table, fc)[0]
        entries = []
        for k in range(count):
            o = fc + 4 + 16 * k
            entries.append((struct.unpack_from("<i", table, o)[0], table[o + 12]))
        o = fc + 4 + 16 * count
        for lsid, clfolvl in entries:
            formats.append({})
            o += 4  # LFOData.cp
            starts = {}
            for _ in range(clfolvl):
                start_at = struct.unpack_from("<i", table, o)[0]
                flags = struct.unpack_from("<I", table, o + 4)[0]
                o += 8
                if flags & 0x10:
                    starts[flags & 0x0F] = start_at
                if flags & 0x20:  # fFormatting: a whole LVL follows and replaces the list's level here
                    formats[len(lfos)][flags & 0x0F], o = _read_lvl(table, o)
            lfos.append((lsid, starts))
    for lsid, istds in linked.items():
        if lsid in lists:
            for lvl, istd in zip(lists[lsid], istds, strict=False):  # a simple list has one level
                lvl.style = istd
    for k, (lsid, _starts) in enumerate(lfos):
        if formats[k] and lsid in lists:  # a reformatting LFO counts as a list of its own
            own = list(lists[lsid])
            for ilvl, lvl in formats[k].items():
                if ilvl < len(own):
                    own[ilvl] = lvl
            lists[("lfo", k + 1)] = own
            lfos[k] = (("lfo", k + 1), _starts)
    return lists, lfos


def iter_sprms(grpprl: bytes):
    """(sprm, operand bytes) of a grpprl ([MS-DOC] 2.2.5.1: the operand size is in the sprm's spra bits)."""
    i = 0
    while i + 2 <= len(grpprl):
        sprm = struct.unpack_from("<H", grpprl, i)[0]
        i += 2
        spra = sprm >> 13
        if spra in (0, 1):
            size = 1
        elif spra in (2, 4, 5):
            size = 2
        elif spra == 3:
            size = 4
        elif spra == 7:
            size = 3
        elif sprm == 0xD608 and i + 2 <= len(grpprl):
            size, i = struct.unpack_from("<H", grpprl, i)[0] - 1, i + 2
        elif i < len(grpprl):
            size, i = grpprl[i], i + 1
        else:
            break
        yield sprm, grpprl[i:i + size]
        i += size


def _sprm_list(grpprl: bytes) -> tuple[int | None, int | None]:
    """(ilfo, ilvl) set by a grpprl, None where not set."""
    ilfo = ilvl = None
    for sprm, operand in iter_sprms(grpprl):
        if sprm == 0x460B and len(operand) == 2:
            ilfo = struct.unpack("<h", operand)[0]
        elif sprm == 0x260A and operand:
            ilvl = operand[0]
    return ilfo, ilvl


def _style_lists(word: bytes, table: bytes, fc_lcb) -> dict[int, tuple[int | None, int | None]]:
    """{istd: (ilfo, ilvl)} from the paragraph styles of the style sheet (STSH), following istdBase."""
    own, bases = _style_sheet(word, table, fc_lcb)
    out = {}
    for istd in bases:
        ilfo = ilvl = None
        seen, s = set(), istd
        while s is not None and s not in seen and (ilfo is None or ilvl is None):
            seen.add(s)
            f, v = own.get(s, (None, None))
            ilfo = f if ilfo is None else ilfo
            ilvl = v if ilvl is None else ilvl
            s = bases.get(s)
        if ilfo is not None:
            out[istd] = (ilfo, ilvl)
    return out


def _style_sheet(word: bytes, table: bytes, fc_lcb) -> tuple[dict, dict]:
    """({istd: (ilfo, ilvl)} set by each paragraph style itself, {istd: istdBase})."""
    fc, lcb = fc_lcb(word, 1)
    out: dict[int, tuple[int | None, int | None]] = {}
    bases: dict[int, int | None] = {}
    if lcb < 4:
        return out
    cb_info = struct.unpack_from("<H", table, fc)[0]
    info = table[fc + 2:fc + 2 + cb_info]
    cstd, cb_base = struct.unpack_from("<HH", info, 0)
    o = fc + 2 + cb_info
    end = fc + lcb
    for istd in range(cstd):
        if o + 2 > end:
            break
        cb = struct.unpack_from("<H", table, o)[0]
        std = table[o + 2:o + 2 + cb]
        o += 2 + cb
        if cb < cb_base:
            continue
        sgc = struct.unpack_from("<H", std, 2)[0] & 0x0F
        base = struct.unpack_from("<H", std, 2)[0] >> 4
        cupx = struct.unpack_from("<H", std, 4)[0] & 0x0F
        if sgc != 1 or cupx < 1:
            continue
        bases[istd] = None if base == 0x0FFF else base
        cch = struct.unpack_from("<H", std, cb_base)[0]
        p = cb_base + 2 + 2 * cch + 2  # the name and its terminating zero
        p += p & 1
        cbupx = struct.unpack_from("<H", std, p)[0]
        upx = std[p + 2:p + 2 + cbupx]
        out[istd] = _sprm_list(upx[2:])  # UpxPapx starts with the istd
    return out, bases


def paragraph_labels(doc, raw: str) -> dict[int, str]:
    """{CP of a paragraph's first character: the automatic number Word prints there} for the main story."""
    from models.importers.doc import _fc_lcb

    word, table = doc.word, doc.table
    lists, lfos = _lists(word, table, _fc_lcb)
    if not lists or not lfos:
        return {}
    try:
        styles = _style_lists(word, table, _fc_lcb)
    except (struct.error, IndexError):
        styles = {}
    fkp_runs = _papx_runs(word, table)
    counters: dict[object, dict[int, int]] = {}
    labels: dict[int, str] = {}
    start = total = 0
    for cp, ch in enumerate(raw):
        if ch not in "\r\x07":
            continue
        para_start, start = start, cp + 1
        fc = doc.fc_of(cp)
        if fc is None:
            continue
        grpprl, istd = _papx_at(fkp_runs, word, fc)
        ilfo, ilvl = _sprm_list(grpprl)
        s_ilfo, s_ilvl = styles.get(istd, (None, None))
        ilfo = ilfo if ilfo is not None else s_ilfo
        ilvl = ilvl if ilvl is not None else s_ilvl
        if not ilfo or ilfo < 0 or ilfo > len(lfos):
            continue
        lsid, starts = lfos[ilfo - 1]
        levels = lists.get(lsid)
        if not levels:
            continue
        if ilvl is None:  # the level of the list linked to this paragraph's style, else the first
            ilvl = next((k for k, lv in enumerate(levels) if lv.style == istd), 0)
        if ilvl > 8:
            continue
        if ilvl >= len(levels):
            ilvl = 0
        key: object = ("lfo", ilfo) if starts else lsid
        cnt = counters.setdefault(key, {})
        lvl = levels[ilvl]
        cnt[ilvl] = cnt[ilvl] + 1 if ilvl in cnt else starts.get(ilvl, lvl.start)
        for deeper in [k for k in cnt if k > ilvl]:
            d = levels[deeper] if deeper < len(levels) else None
            if d is None or not d.no_restart and (d.restart_lim == 0 or d.restart_lim - 1 >= ilvl):
                del cnt[deeper]
        if lvl.fmt == "bullet":
            continue
        out = []
        for ch2 in lvl.text:
            k = ord(ch2)
            if k < 9:
                v = cnt.get(k, levels[k].start if k < len(levels) else 1)
                fmt = levels[k].fmt if k < len(levels) else "decimal"
                out.append(format_number(v, "decimal" if lvl.legal and k < ilvl else fmt))
            else:
                out.append(ch2)
        if out:
            labels[para_start] = label = "".join(out)
            total += len(label)
            if total > MAX_CHARS:  # long level texts times many paragraphs: refused before memory runs out
                raise ImportLimitError(f"文件中的自动编号超过 {MAX_CHARS:,} 字，不像一份报告，没有导入")
    return labels


def centered_paragraphs(doc, raw: str) -> list[tuple[int, int]]:
    """(start, end) CPs of the main story's paragraphs centred by direct formatting (sprmPJc80 / sprmPJc)."""
    return paragraphs_where(doc, raw, lambda grpprl, _istd: any(
        sprm in (0x2403, 0x2461) and operand[:1] == b"\x01" for sprm, operand in iter_sprms(grpprl)))


def paragraphs_where(doc, raw: str, wanted) -> list[tuple[int, int]]:
    """(start, end) CPs of the main story's paragraphs whose properties (grpprl, istd) are ``wanted``."""
    fkp_runs = _papx_runs(doc.word, doc.table)
    out, start = [], 0
    for cp, ch in enumerate(raw):
        if ch not in "\r\x07":
            continue
        para_start, start = start, cp + 1
        fc = doc.fc_of(cp)  # binary search over the pieces (sorted, checked in doc.py)
        if fc is not None and wanted(*_papx_at(fkp_runs, doc.word, fc)):
            out.append((para_start, cp))
    return out


def _papx_runs(word: bytes, table: bytes) -> list[tuple[int, int, int]]:
    """(fc start, fc end, FKP page offset) of every paragraph run, from PlcBtePapx."""
    from models.importers.doc import _fc_lcb, fkp_pages

    fc, lcb = _fc_lcb(word, 13)
    runs = []
    for pn in fkp_pages(word, table, fc, lcb):
        page = word[pn * 512:pn * 512 + 512]
        if len(page) < 512:
            continue
        crun = page[511]
        for i in range(crun):
            a, b = struct.unpack_from("<II", page, 4 * i)
            runs.append((a, b, pn * 512 + 4 * (crun + 1) + 13 * i))
    return sorted(runs)


def _papx_at(runs, word: bytes, fc: int) -> tuple[bytes, int]:
    """(grpprl, istd) of the paragraph whose mark is at byte ``fc`` (``runs`` sorted by start)."""
    import bisect

    k = bisect.bisect_right(runs, (fc, 1 << 32, 1 << 32)) - 1
    for a, b, bx in runs[max(k, 0):k + 1]:
        if a <= fc < b:
            offset = word[bx] * 2
            if not offset:
                return b"", 0
            page = bx - (bx % 512)
            o = page + offset
            cb = word[o]
            if cb == 0:
                size, o = word[o + 1] * 2, o + 2
            else:
                size, o = cb * 2 - 1, o + 1
            istd = struct.unpack_from("<H", word, o)[0]
            return word[o + 2:o + size], istd
    return b"", 0
