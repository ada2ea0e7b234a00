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


MAX_HINTED = 200  # distinct characters named a font for; beyond that the 缺字 findings go without the hint


def installed_with(chars) -> dict[str, str]:
    """For each of ``chars``: the family name (Chinese if it has one) of an installed, not embeddable face that
    has it, or ''. The index is read once for all of them (it was once per character: 20,000 distinct private
    characters took minutes), and at most MAX_HINTED characters are looked up."""
    chars = list(dict.fromkeys(chars))
    pending = {ord(ch): ch for ch in chars[:MAX_HINTED]}
    found = dict.fromkeys(chars, "")
    if not pending:
        return found
    for face in fontindex.load_index(lazy=True).faces:  # counts not needed: a lazy index reads no usable cmap
        if face.usable:
            continue
        for code in pending.keys() & _cmap(face.path, face.index):
            found[pending.pop(code)] = face.zh or face.en
        if not pending:
            break
    return found
