"""Chooses a font (and a per-character fallback chain) for each typesetting role."""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field

from export import fontcount, fontindex, fontmetrics
from export.fontindex import GB2312_HANZI, FaceInfo  # noqa: F401 - GB2312_HANZI re-exported

ROLES = ("title", "body", "heading1", "heading2", "pagenum")
ROLE_LABELS = {"title": "标题", "body": "正文", "heading1": "一级标题", "heading2": "二级标题",
               "pagenum": "页码"}
OFFICIAL_LABELS = {"title": "方正小标宋简体", "body": "仿宋_GB2312/仿宋", "heading1": "黑体",
                   "heading2": "楷体_GB2312/楷体", "pagenum": "宋体"}
BUILTIN = "STSong-Light"
# A face covering less of GB 2312's 6763 hanzi than this only fills gaps: a body set mostly in
# cwTeXFangSong (4384 of 6763, 65% of the sample's distinct characters) would switch face on
# almost every line, which looks worse than a uniform Song face.
MIN_PRIMARY_COVERAGE = 0.99
MIN_CHINESE_FONT = 1000  # GB 2312 hanzi a face needs before it counts as a Chinese font at all

# Names are matched after _norm(); Chinese names first so a face is reported by its Chinese name.
OFFICIAL = {
    "title": ("方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "FZXiaoBiaoSong-B05",
              "FZXBSJW--GB1-0", "FZXBSK--GBK1-0"),
    "body": ("仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong"),
    "heading1": ("黑体", "SimHei"),
    "heading2": ("楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi"),
    "pagenum": ("宋体", "SimSun"),
}
ALTERNATIVES = {
    "title": ("华文中宋", "STZhongsong", "方正大标宋简体", "方正大标宋_GBK", "FZDBSJW--GB1-0",
              "方正粗宋简体", "宋体", "SimSun", "华文宋体", "STSong", "Songti SC"),
    "body": ("方正仿宋_GBK", "FZFangSong-Z02", "FZFSK--GBK1-0", "方正仿宋简体", "FZFangSong-Z02S",
             "FZFSJW--GB1-0", "华文仿宋", "STFangsong"),
    "heading1": ("方正黑体_GBK", "FZHei-B01", "FZHTK--GBK1-0", "方正黑体简体", "FZHei-B01S",
                 "FZHTJW--GB1-0", "华文黑体", "STHeiti", "Heiti SC", "微软雅黑", "Microsoft YaHei",
                 "等线", "DengXian", "PingFang SC"),
    "heading2": ("方正楷体_GBK", "FZKai-Z03", "FZKTK--GBK1-0", "方正楷体简体", "FZKai-Z03S",
                 "FZKTJW--GB1-0", "华文楷体", "STKaiti", "Kaiti SC"),
    "pagenum": ("新宋体", "NSimSun", "华文宋体", "STSong", "Songti SC", "方正书宋_GBK",
                "FZShuSong-Z01", "FZSSK--GBK1-0"),
}
_OPEN_SONG = ("AR PL SungtiL GB", "AR PL UMing CN", "AR PL New Sung", "Noto Serif SC",
              "Noto Serif CJK SC", "Source Han Serif SC", "Source Han Serif CN", "思源宋体",
              "思源宋体 CN", "FandolSong")
_OPEN_HEI = ("WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans SC", "Noto Sans CJK SC",
             "Source Han Sans SC", "Source Han Sans CN", "思源黑体", "思源黑体 CN",
             "HarmonyOS Sans SC", "MiSans", "FandolHei", "Droid Sans Fallback")
_OPEN_KAI = ("AR PL KaitiM GB", "AR PL UKai CN", "LXGW WenKai", "LXGW WenKai GB", "霞鹜文楷",
             "FandolKai")
# Open FangSong faces: 朱雀仿宋 (OFL, newer), cwTeX (lacks a third of GB 2312), Fandol (CFF).
# Coverage is measured on the installed file, so a partial one is never the primary face.
_OPEN_FANG = ("朱雀仿宋", "Zhuque Fangsong", "朱雀仿宋（预览测试版）",
              "Zhuque Fangsong (technical preview)", "cwTeXFangSong", "FandolFang")
OPEN = {
    "title": _OPEN_SONG,
    "body": _OPEN_FANG + _OPEN_SONG,
    "heading1": _OPEN_HEI,
    "heading2": _OPEN_KAI,
    "pagenum": _OPEN_SONG,
}
# After a role's own list, the chain borrows other roles' faces, nearest style first.
BORROW = {
    "title": ("pagenum", "body", "heading2", "heading1"),
    "body": ("pagenum", "title", "heading2", "heading1"),
    "heading1": ("pagenum", "body", "heading2", "title"),
    "heading2": ("body", "pagenum", "title", "heading1"),
    "pagenum": ("title", "body", "heading2", "heading1"),
}
LAST_RESORT = ("LXGW WenKai", "Noto Sans SC", "Noto Serif SC", "Droid Sans Fallback",
               "SimSun-ExtB", "SimSun-ExtG", "MingLiU-ExtB", "HanaMinA", "HanaMinB")


def _norm(name: str) -> str:
    return re.sub(r"[\s_\-]+", "", name).casefold()


@dataclass(frozen=True)
class FontFace:
    """One face of one font file, with fast glyph and advance-width lookups."""

    family: str
    path: str
    index: int
    rl_name: str
    key: str = field(default="", compare=False, repr=False)  # metrics cache key (fontindex)

    def _widths(self) -> dict[int, int]:
        widths = _WIDTHS.get((self.path, self.index))
        if widths is None:
            if not self.path:
                widths = _builtin_widths()
            else:
                key = self.key or fontindex.file_face_key(self.path, self.index)
                widths = fontmetrics.load_metrics(self.path, self.index, key)
            _WIDTHS[(self.path, self.index)] = widths
        return widths

    def has(self, ch: str) -> bool:
        if not self.path:
            return _builtin_has(ch)
        return ord(ch) in self._widths()

    def advance(self, ch: str, size: float) -> float:
        widths = self._widths()
        upem = widths[-1]
        return widths.get(ord(ch), upem) * size / upem

    @property
    def embedded(self) -> bool:
        return bool(self.path)


_WIDTHS: dict[tuple[str, int], dict[int, int]] = {}  # by (path, index): loaded once per process


def _builtin_has(ch: str) -> bool:
    """STSong-Light (Adobe-GB1) covers GBK; a PDF viewer draws it from its own font."""
    try:
        ch.encode("gbk")
    except UnicodeEncodeError:
        return False
    return unicodedata.category(ch) not in ("Cc", "Cf", "Co", "Cn")


def _builtin_widths() -> dict[int, int]:
    from reportlab.pdfbase._cidfontdata import widthsByUnichar

    widths = {ord(c): w for c, w in widthsByUnichar[BUILTIN].items()}
    widths[-1] = 1000
    return widths


class FontSet:
    """The faces chosen for every role, and what had to be substituted."""

    def __init__(self, chains: dict[str, list[FontFace]], substitutions: list[str],
                 builtin_only: bool, substituted: frozenset[str] = frozenset()):
        self._chains = chains
        self._substituted = substituted
        self.substitutions = substitutions
        self.builtin_only = builtin_only
        self.convertible: list[str] = []  # CFF Chinese faces export.fontconvert could make usable
        self.latin: FontFace | None = None  # 字体设置 数字和字母: ASCII digits and letters in every role
        self.chosen: dict[str, FontFace] = {}  # roles whose face the user chose (字体设置)
        self._for: dict[tuple[str, str], FontFace | None] = {}
        self._rest = None  # makes the faces every chain ends with, when first needed (export.fontcount)

    def _complete(self) -> None:
        if self._rest is not None:
            rest, self._rest = self._rest, None
            tail = rest()
            # The cmaps just read to count stay only for faces measured first, as after get_fontset (memory).
            fontmetrics.forget({c[0].key for c in self._chains.values()} | {self.latin.key if self.latin else ""})
            self._chains = {role: _dedupe([*chain, *tail]) for role, chain in self._chains.items()}
            fontcount.save()

    def face(self, role: str) -> FontFace:
        return self._chains[role][0]

    def substituted(self, role: str) -> bool:
        """True when the role is not set in one of its official faces (e.g. 小标宋 replaced by a
        light Song face, which a renderer may want to embolden)."""
        return role in self._substituted

    def chain(self, role: str) -> list[FontFace]:
        self._complete()
        return list(self._chains[role])

    def faces(self) -> list[FontFace]:
        """Every distinct face of every chain, primary faces first."""
        self._complete()
        seen: dict[str, FontFace] = {}
        for role in ROLES:
            seen.setdefault(self._chains[role][0].rl_name, self._chains[role][0])
        for role in ROLES:
            for face in self._chains[role]:
                seen.setdefault(face.rl_name, face)
        if self.latin is not None:
            seen.setdefault(self.latin.rl_name, self.latin)
        return list(seen.values())

    def font_for(self, role: str, ch: str) -> FontFace | None:
        key = (role, ch)
        try:
            return self._for[key]
        except KeyError:
            pass
        if ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0:
            found = None  # control characters: no font draws them, no need to load every cmap
        elif self.latin is not None and ch.isascii() and ch.isalnum() and self.latin.has(ch):
            found = self.latin
        else:
            found = next((f for f in self._chains[role] if f.has(ch)), None)
            if found is None and self._rest is not None:  # the chains' ends: same order, made now
                self._complete()
                found = next((f for f in self._chains[role] if f.has(ch)), None)
        self._for[key] = found
        return found

    def register(self, faces: list[FontFace] | None = None) -> None:
        """Register faces with reportlab: all of every chain by default (about 0.4 s here), or
        only `faces`, e.g. those the layout actually used."""
        for face in self.faces() if faces is None else faces:
            register_face(face)

    def register_face(self, face: FontFace) -> None:
        register_face(face)


_REGISTERED: set[str] = set()


def register_face(face: FontFace) -> None:
    """Make reportlab know `face.rl_name`; each font file is parsed at most once per process."""
    if face.rl_name in _REGISTERED:
        return
    from reportlab.pdfbase import pdfmetrics

    if face.rl_name not in pdfmetrics.getRegisteredFontNames():
        if not face.path:
            from reportlab.pdfbase.cidfonts import UnicodeCIDFont

            pdfmetrics.registerFont(UnicodeCIDFont(BUILTIN))
        else:
            from export.rlcache import load_ttfont

            pdfmetrics.registerFont(load_ttfont(face.rl_name, face.path, face.index, face.key))
    _REGISTERED.add(face.rl_name)


# ---------------------------------------------------------------- resolution

def _rl_name(info: FaceInfo) -> str:
    slug = re.sub(r"[^A-Za-z0-9]+", "", info.en)[:28] or "Face"
    return f"TB-{slug}-{info.key[:6]}"


class _Catalog:
    """Usable faces by normalised name; a TTC contributes its most Simplified-Chinese face first."""

    def __init__(self, faces: list[FaceInfo]):
        self.by_name: dict[str, list[FaceInfo]] = {}
        usable = sorted((f for f in faces if f.usable), key=lambda f: (-f.sc, f.path, f.index))
        for info in usable:
            for name in info.names:
                self.by_name.setdefault(_norm(name), []).append(info)
        self.usable = usable
        self.unusable: dict[str, FaceInfo] = {}
        for info in faces:
            if not info.usable and info.cjk:
                for name in info.names:
                    self.unusable.setdefault(_norm(name), info)

    def unusable_names(self, names: tuple[str, ...]) -> list[tuple[str, FaceInfo]]:
        """Installed CJK faces of these names that cannot be embedded (CFF outlines, licence)."""
        return [(name, self.unusable[_norm(name)]) for name in names
                if _norm(name) in self.unusable and _norm(name) not in self.by_name]

    def find(self, name: str) -> FaceInfo | None:
        found = self.by_name.get(_norm(name))
        if not found:
            return None
        regular = [f for f in found if f.regular]
        return (regular or found)[0]


def _face(info: FaceInfo, family: str) -> FontFace:
    return FontFace(family=family, path=info.path, index=info.index, rl_name=_rl_name(info),
                    key=info.key)


def _listed(catalog: _Catalog, names: tuple[str, ...]) -> list[FontFace]:
    out: list[FontFace] = []
    for name in names:
        info = catalog.find(name)
        if info is not None:
            out.append(_face(info, name))
    return out


def _dedupe(faces: list[FontFace]) -> list[FontFace]:
    seen: set[str] = set()
    out = []
    for f in faces:
        if f.rl_name not in seen:
            seen.add(f.rl_name)
            out.append(f)
    return out


_CACHE: dict[tuple, FontSet] = {}


def get_fontset(*, refresh: bool = False, overrides: dict[str, dict] | None = None) -> FontSet:
    """The process-wide font set; the font index behind it is cached on disk.

    ``overrides``: {role: {"path", "index"}} faces chosen in 字体设置; None reads the user's saved
    choices (export.fontchoices), so the window, the command line and the checks agree.
    """
    import json

    from export.fontchoices import apply_choices, load_choices
    from models import paths

    choices = load_choices() if overrides is None else overrides
    key = (os.environ.get(fontindex.ENV_DIRS), str(paths.cache_dir()), json.dumps(choices, sort_keys=True))
    if not refresh and key in _CACHE:
        return _CACHE[key]
    faces = fontindex.load_index(keep_read=True, lazy=True).faces
    fontset = resolve(faces)
    fontcount.save()  # the faces counted to choose: the next run need not read their cmaps
    fontset.convertible = sorted({f.zh or f.en for f in faces
                                  if not f.glyf and f.embeddable and f.gb2312 >= MIN_CHINESE_FONT}
                                 - {f.zh or f.en for f in faces if f.usable})
    apply_choices(fontset, faces, choices)
    # What the index read stays only for the faces the layout measures first (their widths are made of it).
    fontmetrics.forget({fontset.face(role).key for role in ROLES} | {fontset.latin.key if fontset.latin else ""})
    _CACHE[key] = fontset
    return fontset


from export.fontresolve import resolve  # noqa: E402,F401 - after FontSet, which it builds
