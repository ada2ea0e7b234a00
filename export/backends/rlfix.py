"""reportlab settings, two caches (compressed streams, font subsets) and one fix: its ToUnicode maps write characters beyond U+FFFF (𠮷) as invalid hex.

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


class _Recent:
    """The results of a pure function of bytes-like input, kept up to ``budget`` bytes (oldest dropped)."""

    def __init__(self, budget: int):
        from collections import OrderedDict

        self.budget = budget
        self.size = 0
        self.items: OrderedDict = OrderedDict()

    def get(self, key):
        value = self.items.get(key)
        if value is not None:
            self.items.move_to_end(key)
        return value

    def put(self, key, value, size: int) -> None:
        self.items[key] = value
        self.size += size
        while self.size > self.budget and self.items:
            old_key, old = self.items.popitem(last=False)
            self.size -= len(old) + (len(old_key) if isinstance(old_key, bytes) else 0)


_compressed = _Recent(3_000_000)  # a few reports' font subsets and pages: a warm export hits
_subsets = _Recent(3_000_000)


def _cached_compress(original):
    """Flate-compress a stream, remembering big results: exporting or previewing the same pages again
    compresses the same font subsets and page streams, and zlib was half of a warm export."""
    def encode(self, text):
        data = text.encode("utf8") if isinstance(text, str) else text
        if len(data) < 2048:
            return original(self, data)
        hit = _compressed.get(data)
        if hit is None:
            hit = original(self, data)
            _compressed.put(data, hit, len(data) + len(hit))
        return hit

    return encode


def _cached_subset(original):
    """A face's subset for the same glyphs is the same bytes: made once per process."""
    def make_subset(self, subset):
        key = (self.filename, getattr(self, "subfontNameX", b""), len(self._ttf_data), tuple(subset))
        hit = _subsets.get(key)
        if hit is None:
            hit = original(self, subset)
            _subsets.put(key, hit, len(hit))
        return hit

    return make_subset


def apply() -> None:
    """Install the fix once per process (called before every PDF is drawn)."""
    global _done
    if _done:
        return
    from reportlab import rl_config
    from reportlab.pdfbase import pdfdoc, ttfonts

    ttfonts.makeToUnicodeCMap = make_to_unicode_cmap
    pdfdoc.PDFStreamFilterZCompress.encode = _cached_compress(pdfdoc.PDFStreamFilterZCompress.encode)
    ttfonts.TTFontFile.makeSubset = _cached_subset(ttfonts.TTFontFile.makeSubset)
    # Binary streams: ASCII85 (reportlab's default) is done in pure Python, costs a third of an export's
    # time and makes the file 25 % larger; every PDF reader takes binary streams.
    rl_config.useA85 = 0
    _done = True
