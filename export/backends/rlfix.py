"""reportlab settings and one fix: its ToUnicode maps write characters beyond U+FFFF (𠮷) as invalid hex.

reportlab 4/5 formats every mapping as ``<%04X>``: U+20BB7 becomes ``<20BB7>`` instead of the UTF-16
surrogate pair ``<D842DFB7>``, so viewers extract a wrong character. We replace the one function.
"""

from __future__ import annotations

_done = False


def _utf16_hex(cp: int) -> str:
    return ch_hex(chr(cp))


def ch_hex(ch: str) -> str:
    return ch.encode("utf-16-be").hex().upper()


def make_to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """Same CMap as reportlab's, with UTF-16BE destinations."""
    cmap = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{_utf16_hex(v)}>" for i, v in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(cmap)


def apply() -> None:
    """Install the fix once per process (called before every PDF is drawn)."""
    global _done
    if _done:
        return
    from reportlab import rl_config
    from reportlab.pdfbase import ttfonts

    ttfonts.makeToUnicodeCMap = make_to_unicode_cmap
    # Binary streams: ASCII85 (reportlab's default) is done in pure Python, costs a third of an export's
    # time and makes the file 25 % larger; every PDF reader takes binary streams.
    rl_config.useA85 = 0
    _done = True
