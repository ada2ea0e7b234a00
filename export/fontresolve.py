"""The faces of every role's chain chosen from the indexed faces (export.fonts.resolve).

A lazy index (export.fontcount) leaves most Chinese faces' hanzi uncounted: a face is counted when the
choice needs it, and the end of every chain (all other faces, by coverage) is made when first needed.
"""

from __future__ import annotations

from export import fontindex
from export.fontindex import GB2312_HANZI, FaceInfo
from export.fonts import (
    ALTERNATIVES,
    BORROW,
    BUILTIN,
    LAST_RESORT,
    MIN_CHINESE_FONT,
    MIN_PRIMARY_COVERAGE,
    OFFICIAL,
    OFFICIAL_LABELS,
    OPEN,
    ROLE_LABELS,
    ROLES,
    FontFace,
    FontSet,
    _Catalog,
    _dedupe,
    _face,
    _listed,
    _rl_name,
)


def _tail(catalog: _Catalog, infos: dict[str, FaceInfo]) -> list[FontFace]:
    """Every other usable face: CJK ones by coverage, then the rest (symbols, Latin); counts them all."""
    best: dict[str, FaceInfo] = {}
    for info in catalog.usable:  # already sorted with the most Simplified face of a TTC first
        best.setdefault(info.path, info)
    counted = [_counted(infos, _rl_name(f)) for f in best.values()]
    cjk = sorted((f for f in counted if f.cjk), key=lambda f: (-f.cjk, f.path))
    other = sorted((f for f in counted if not f.cjk and f.regular),
                   key=lambda f: (-f.codepoints, f.path))
    return [_face(f, f.en) for f in cjk + other]


def _counted(infos: dict[str, FaceInfo], rl_name: str) -> FaceInfo:
    """The face with its hanzi counted (a lazy index leaves them to export.fontcount)."""
    info = infos[rl_name]
    if info.gb2312 == fontindex.UNCOUNTED:
        from export import fontcount

        info = infos[rl_name] = fontcount.count(info)
    return info


def resolve(faces: list[FaceInfo], min_coverage: float = MIN_PRIMARY_COVERAGE) -> FontSet:
    """Build the chains for all roles from the indexed faces. Faces are counted only as the choice needs
    them; the end of every chain (all other faces, by coverage) is made when first needed."""
    catalog = _Catalog(faces)
    infos = {_rl_name(f): f for f in catalog.usable}
    tail_made: list[list[FontFace]] = []

    def tail() -> list[FontFace]:
        if not tail_made:
            tail_made.append(_tail(catalog, infos))
        return tail_made[0]

    def gb2312(face: FontFace) -> int:
        return _counted(infos, face.rl_name).gb2312

    def chinese() -> list[FontFace]:
        return [f for f in tail() if gb2312(f) >= MIN_CHINESE_FONT]

    def is_full(face: FontFace) -> bool:
        return gb2312(face) >= min_coverage * GB2312_HANZI

    chains: dict[str, list[FontFace]] = {}
    subs: list[str] = []
    substituted = set()
    for role in ROLES:
        official = _listed(catalog, OFFICIAL[role])
        own = _dedupe(official + _listed(catalog, ALTERNATIVES[role] + OPEN[role]))
        borrowed: list[FontFace] = []
        for other in BORROW[role]:
            borrowed += _listed(catalog, OFFICIAL[other] + ALTERNATIVES[other] + OPEN[other])
        # A face of the role's own style that covers GB 2312; else any such face (a uniform
        # face of another style reads better than a partial one patched on every line); else
        # the role's partial face; else the Chinese face with the most hanzi.
        primary = next((f for f in own + borrowed if is_full(f)), None)
        if primary is None and chinese():
            primary = next((f for f in chinese() if is_full(f)), None) or (own + chinese())[0]
        if primary is None:
            return _builtin_only(tail())
        chains[role] = _dedupe([primary, *own, *borrowed, *_listed(catalog, LAST_RESORT)])
        if primary not in official:
            substituted.add(role)
            unusable = catalog.unusable_names(OFFICIAL[role] + ALTERNATIVES[role] + OPEN[role])
            cut = own.index(primary) if primary in own else len(own)
            passed = [f for f in own[:cut] if not is_full(f)]  # partial faces of the role's style
            subs.append(_substitution(role, primary, passed, infos, unusable))
    # As before, a face counts as Chinese only through its file's face in the tail (a TTC's most Simplified one).
    best: dict[str, FaceInfo] = {}
    for info in catalog.usable:
        best.setdefault(info.path, info)
    if not any(_counted(infos, _rl_name(best[chains[role][0].path])).gb2312 >= MIN_CHINESE_FONT for role in ROLES) \
            and not chinese():
        return _builtin_only(tail())
    fontset = FontSet(chains, subs, False, frozenset(substituted))
    fontset._rest = tail
    return fontset


def _builtin_only(tail: list[FontFace]) -> FontSet:
    builtin = FontFace(family=BUILTIN, path="", index=0, rl_name=BUILTIN)
    chains = {role: _dedupe([builtin, *tail]) for role in ROLES}
    return FontSet(chains, ["未找到可嵌入的中文字体：全部文字使用 PDF 阅读器内置的 STSong-Light 宋体，"
                            "字体未嵌入，在其他电脑上打印效果可能不同"], True, frozenset(ROLES))


def _substitution(role: str, primary: FontFace, passed: list[FontFace],
                  infos: dict[str, FaceInfo], unusable: list[tuple[str, FaceInfo]]) -> str:
    """One sentence per role, naming the partial and unembeddable faces that were passed over."""
    zh = infos[primary.rl_name].zh
    name = f"{primary.family}（{zh}）" if zh and zh != primary.family else f"{primary.family} "
    text = f"{ROLE_LABELS[role]}：未安装{OFFICIAL_LABELS[role]}，使用 {name}代替"
    notes = []
    for f in passed:
        gb = infos[f.rl_name].gb2312
        notes.append(f"{f.family} 只含 {gb}/{GB2312_HANZI} 个常用汉字，仅用于补字")
    for name, info in unusable:
        if not info.glyf and info.embeddable:
            notes.append(f"已安装的 {name} 为 CFF 轮廓，需先转换为 TrueType 才能嵌入 PDF")
        else:
            notes.append(f"已安装的 {name} 的授权不允许嵌入 PDF")
    if notes:
        text += "（" + "；".join(notes) + "）"
    return text
