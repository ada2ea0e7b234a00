"""Word's automatic numbering: the number Word would print before each paragraph (numbering.xml, styles.xml).

Word keeps one counter per abstract numbering shared by every w:num that points to it, unless a w:num
restarts a level with w:lvlOverride/w:startOverride (then it counts on its own). Using a level resets the
deeper levels (w:lvlRestart can change which). A paragraph is numbered by its own w:numPr or by the one of its
paragraph style, following w:basedOn; w:numId 0 switches numbering off.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from models.importers.limits import MAX_CHARS, ImportLimitError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_CN = "〇一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_ZODIAC = "子丑寅卯辰巳午未申酉戌亥"


def chinese_counting(n: int, digits: str = _CN, ten: str = "十") -> str:
    """1..9999 as counted in Chinese documents: 十一, 二十, 一百零五 (chineseCounting / chineseCountingThousand)."""
    if n <= 0:
        return str(n)
    if n < 10:
        return digits[n]
    if n < 20:
        return ten + (digits[n - 10] if n > 10 else "")
    if n < 100:
        return digits[n // 10] + ten + (digits[n % 10] if n % 10 else "")
    if n < 10000:
        units = [(1000, "千"), (100, "百"), (10, ten)]
        out, zero = "", False
        for size, name in units:
            d, n = divmod(n, size)
            if d:
                if zero:
                    out += digits[0]
                out += digits[d] + name
                zero = False
            elif out:
                zero = True
        if n:
            out += (digits[0] if zero else "") + digits[n]
        return out
    return str(n)


def _roman(n: int) -> str:
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
            (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


def _letters(n: int) -> str:
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


MAX_FORMATTED = 32767  # Word counts a list up to 32767; beyond it (or below 1) a number is shown in digits


def format_number(n: int, fmt: str) -> str:
    """The text Word shows for counter ``n`` in number format ``fmt`` (w:numFmt).

    A crafted start value (10**18, negative) never makes a long string or a long loop: outside
    1..MAX_FORMATTED every format but none and bullet prints plain digits.
    """
    if fmt == "none":
        return ""
    if not 1 <= n <= MAX_FORMATTED:
        return str(n)
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "taiwaneseCountingThousand", "koreanCounting"):
        return chinese_counting(n, _CN.replace("〇", "零") if "Thousand" in fmt else _CN)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_CN[int(d)] for d in str(n))
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional", "japaneseLegal"):
        return chinese_counting(n, _LEGAL, "拾")
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10]
    if fmt in ("ideographZodiac", "ideographZodiacTraditional"):
        return _ZODIAC[(n - 1) % 12]
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else f"({n})"
    if fmt == "decimalEnclosedParen":
        return chr(0x2474 + n - 1) if 1 <= n <= 20 else f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return chr(0x2488 + n - 1) if 1 <= n <= 20 else f"{n}."
    if fmt == "ideographEnclosedCircle":
        return chr(0x3220 + n - 1) if 1 <= n <= 10 else str(n)
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "none":
        return ""
    return str(n)  # decimal and anything unknown


@dataclass
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level is used; 0 never
    legal: bool = False  # w:isLgl: numbers of higher levels shown as decimal


@dataclass
class _Num:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)  # startOverride per level
    levels: dict[int, Level] = field(default_factory=dict)  # full w:lvl overrides


def _val(el, name: str) -> str | None:
    child = el.find(W + name)
    return None if child is None else child.get(W + "val")


def _int(text: str | None, default: int | None) -> int | None:
    """A number attribute as Word writes it; a damaged one counts as ``default`` instead of failing the file."""
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _level(lvl) -> Level:
    level = Level()
    level.fmt = _val(lvl, "numFmt") or _alternate_fmt(lvl) or "decimal"
    text = _val(lvl, "lvlText")
    level.text = text if text is not None else ""
    try:
        level.start = int(_val(lvl, "start") or 1)
    except ValueError:
        level.start = 1
    restart = _val(lvl, "lvlRestart")
    level.restart = int(restart) if restart and restart.isdigit() else None
    legal = lvl.find(W + "isLgl")
    level.legal = legal is not None and legal.get(W + "val") not in ("0", "false", "off")
    return level


def _alternate_fmt(lvl) -> str | None:
    """A w:numFmt inside mc:AlternateContent (Word 2010+ custom formats): the Choice's when it is a named
    format, else the Fallback's (Word writes its nearest named format there)."""
    mc = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
    for alt in lvl.iterchildren(mc + "AlternateContent"):
        for branch in alt.iterchildren(mc + "Choice", mc + "Fallback"):
            fmt = _val(branch, "numFmt")
            if fmt and fmt != "custom":
                return fmt
    return None


def _num_pr(ppr) -> tuple[str | None, int | None]:
    """(numId, ilvl) of a w:pPr's w:numPr; None where absent."""
    if ppr is None:
        return None, None
    numpr = ppr.find(W + "numPr")
    if numpr is None:
        return None, None
    num_id = _val(numpr, "numId")
    ilvl = _val(numpr, "ilvl")
    return num_id, int(ilvl) if ilvl and ilvl.isdigit() else None


class Numbering:
    """Counts automatic numbers through a document, paragraph by paragraph, in reading order."""

    def __init__(self, numbering_root=None, styles_root=None):
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.abstract_style: dict[tuple[str, str], int] = {}  # (abstract, pStyle) -> level
        self.links: dict[str, str] = {}  # abstract with numStyleLink -> numbering style id
        self.nums: dict[str, _Num] = {}
        self.styles: dict[str, tuple[str | None, str | None, int | None]] = {}  # id -> (basedOn, numId, ilvl)
        self.default_style: str | None = None
        self.counters: dict[object, dict[int, int]] = {}
        self.total = 0  # characters of all labels so far
        self._style_cache: dict[str | None, tuple[str | None, int | None, str | None]] = {}
        if styles_root is not None:
            self._read_styles(styles_root)
        if numbering_root is not None:
            self._read_numbering(numbering_root)

    def _read_styles(self, root) -> None:
        for st in root.iter(W + "style"):
            sid = st.get(W + "styleId")
            if not sid:
                continue
            num_id, ilvl = _num_pr(st.find(W + "pPr"))
            self.styles[sid] = (_val(st, "basedOn"), num_id, ilvl)
            if st.get(W + "type") == "paragraph" and st.get(W + "default") in ("1", "true"):
                self.default_style = sid

    def _read_numbering(self, root) -> None:
        for an in root.findall(W + "abstractNum"):
            aid = an.get(W + "abstractNumId")
            levels = {}
            for lvl in an.findall(W + "lvl"):
                ilvl = _int(lvl.get(W + "ilvl"), 0)
                levels[ilvl] = _level(lvl)
                pstyle = _val(lvl, "pStyle")
                if pstyle:
                    self.abstract_style[(aid, pstyle)] = ilvl
            self.abstracts[aid] = levels
            link = _val(an, "numStyleLink")
            if link:
                self.links[aid] = link
        for num in root.findall(W + "num"):
            n = _Num(abstract=_val(num, "abstractNumId") or "")
            for ov in num.findall(W + "lvlOverride"):
                ilvl = _int(ov.get(W + "ilvl"), 0)
                so = _val(ov, "startOverride")
                start = _int(so, None) if so is not None else None  # a damaged override is no override
                if start is not None:
                    n.starts[ilvl] = start
                lvl = ov.find(W + "lvl")
                if lvl is not None:
                    n.levels[ilvl] = _level(lvl)
            self.nums[num.get(W + "numId")] = n

    def _resolve_abstract(self, num: _Num) -> str:
        """Follow w:numStyleLink to the numbering style's own w:num (one hop is all Word writes)."""
        aid = num.abstract
        link = self.links.get(aid)
        if link and link in self.styles:
            other = self.nums.get(self.styles[link][1] or "")
            if other is not None and other.abstract != aid:
                return other.abstract
        return aid

    def _style_num(self, style: str | None) -> tuple[str | None, int | None, str | None]:
        """(numId, ilvl, style that carries it) following basedOn; remembered per style (a forged chain or
        cycle of thousands of styles is walked once, not once per paragraph)."""
        path: list[str] = []
        seen: set[str] = set()
        found: tuple[str | None, int | None, str | None] = (None, None, None)
        while style and style in self.styles and style not in seen:
            if style in self._style_cache:
                found = self._style_cache[style]
                break
            seen.add(style)
            path.append(style)
            based, num_id, ilvl = self.styles[style]
            if num_id is not None:
                found = (num_id, ilvl, style)
                break
            style = based
        for walked in path:  # every style on the way leads to the same answer
            self._style_cache[walked] = found
        return found

    def label(self, p) -> str:
        """The number Word prints before paragraph ``p`` (a w:p element), counting it; '' when none."""
        ppr = p.find(W + "pPr")
        style = _val(ppr, "pStyle") if ppr is not None else None
        style = style or self.default_style
        num_id, ilvl = _num_pr(ppr)
        carrier = None
        if num_id is None:
            num_id, style_ilvl, carrier = self._style_num(style)
            ilvl = ilvl if ilvl is not None else style_ilvl
        elif ilvl is None:
            _n, style_ilvl, _c = self._style_num(style)
            ilvl = style_ilvl
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        num = self.nums[num_id]
        aid = self._resolve_abstract(num)
        if ilvl is None:
            ilvl = self.abstract_style.get((aid, carrier or style or ""), 0)
        levels = dict(self.abstracts.get(aid, {}))
        levels.update(num.levels)
        level = levels.get(ilvl)
        if level is None:
            return ""
        key: object = ("num", num_id) if num.starts or num.levels else aid
        counters = self.counters.setdefault(key, {})
        if ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = num.starts.get(ilvl, level.start)
        for deeper in [k for k in counters if k > ilvl]:
            lv = levels.get(deeper)
            if lv is None or lv.restart is None or (lv.restart != 0 and lv.restart - 1 >= ilvl):
                del counters[deeper]
        if level.fmt == "bullet":
            return ""  # a bullet glyph (often a Wingdings code point) is not part of the text
        out = level.text
        for i in range(9):
            token = f"%{i + 1}"
            if token not in out:
                continue
            lv = levels.get(i, Level())
            value = counters.get(i)
            if value is None:
                value = num.starts.get(i, lv.start)
            fmt = "decimal" if level.legal and i < ilvl and lv.fmt not in ("none",) else lv.fmt
            out = out.replace(token, format_number(value, fmt))
            if len(out) > MAX_CHARS:
                break
        self.total += len(out)
        if self.total > MAX_CHARS:  # long level texts times many paragraphs: refused before memory runs out
            raise ImportLimitError(f"文件中的自动编号超过 {MAX_CHARS:,} 字，不像一份报告，没有导入")
        return out
