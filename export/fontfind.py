"""Which installed font has a character no embeddable font has: named in the 缺字 finding of 检查.

Only faces the index marks unusable (CFF outlines, licence forbids embedding) are asked: every usable
face is already in the fallback chain. Their cmaps are read on demand, once per process.
"""

from __future__ import annotations

from export import fontindex

_CMAPS: dict[tuple[str, int], frozenset[int]] = {}


def _cmap(path: str, index: int) -> frozenset[int]:
    key = (path, index)
    if key not in _CMAPS:
        from fontTools.ttLib import TTCollection, TTFont

        try:
            with open(path, "rb") as fh:
                ttc = fh.read(4) == b"ttcf"
            font = TTCollection(path, lazy=True).fonts[index] if ttc else TTFont(path, lazy=True)
            _CMAPS[key] = frozenset(font.getBestCmap() or {})
        except Exception:  # noqa: BLE001 - a damaged font only means no hint
            _CMAPS[key] = frozenset()
    return _CMAPS[key]


def installed_with(ch: str) -> str:
    """The family name (Chinese if it has one) of an installed, not embeddable face that has ``ch``, or ''."""
    for face in fontindex.load_index(lazy=True).faces:  # counts not needed: a lazy index reads no usable cmap
        if not face.usable and ord(ch) in _cmap(face.path, face.index):
            return face.zh or face.en
    return ""
