"""The paragraphs of a .doc/.wps whose style sets their text bold (标题 1 and styles based on it): a heading
typed without a number is often only that. Read from the style sheet (STSH): a paragraph style's second UPX
holds its character properties; a style without sprmCFBold takes it from its istdBase."""

from __future__ import annotations

import struct

from models.importers.docnumbers import iter_sprms, paragraphs_where
from models.importers.styleinherit import styles_setting

_BOLD = 0x0835  # sprmCFBold


def _u16(b: bytes, o: int) -> int:
    return struct.unpack_from("<H", b, o)[0]


def _bold_styles(word: bytes, table: bytes, fc_lcb) -> frozenset[int]:
    fc, lcb = fc_lcb(word, 1)
    if lcb < 4:
        return frozenset()
    cb_info = _u16(table, fc)
    cstd, cb_base = struct.unpack_from("<HH", table[fc + 2:fc + 2 + cb_info], 0)
    o, end = fc + 2 + cb_info, fc + lcb
    own: dict[int, bool | None] = {}
    bases: dict[int, int | None] = {}
    for istd in range(cstd):
        if o + 2 > end:
            break
        cb = _u16(table, o)
        std = table[o + 2:o + 2 + cb]
        o += 2 + cb
        if cb < cb_base or cb_base < 6:
            continue
        sgc, base = _u16(std, 2) & 0x0F, _u16(std, 2) >> 4
        if sgc != 1 or _u16(std, 4) & 0x0F < 2:  # a paragraph style with its character properties
            continue
        bases[istd] = None if base == 0x0FFF else base
        p = cb_base + 2 + 2 * _u16(std, cb_base) + 2  # the name and its terminating zero
        p += p & 1
        p += 2 + _u16(std, p)  # UpxPapx
        p += p & 1
        chpx = std[p + 2:p + 2 + _u16(std, p)]
        own[istd] = next((op[:1] in (b"\x01", b"\x81") for sprm, op in iter_sprms(chpx) if sprm == _BOLD), None)
    return styles_setting(own, bases)


def bold_style_paragraphs(doc, raw: str) -> list[tuple[int, int]]:
    """(start, end) CPs of the main story's paragraphs whose style sets them bold; none when unreadable."""
    from models.importers.doc import _fc_lcb

    try:
        styles = _bold_styles(doc.word, doc.table, _fc_lcb)
    except (struct.error, IndexError):
        return []
    if not styles:
        return []
    return paragraphs_where(doc, raw, lambda _grpprl, istd: istd in styles)
