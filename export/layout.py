"""Report -> pages of positioned glyphs on the GB/T 9704 grid; every line knows which field it prints.

The Layout is what the PDF, the preview, click-to-edit and the checks all read. No reportlab here.
"""

from __future__ import annotations

import gc
import unicodedata
from dataclasses import dataclass, field

from export import geometry as g
from export.linebreak import Atom
from models.facts import CharPlace, FallbackPlace

# 标点挤压 candidates: closing marks ink on the left of their cell, opening marks on the right.
SQUEEZE_LEFT = frozenset("，。、；：？！）》」』】〕〉”’")
SQUEEZE_RIGHT = frozenset("（《「『【〔〈“‘")
SQUEEZABLE = SQUEEZE_LEFT | SQUEEZE_RIGHT | frozenset("—…")  # —… only ever follow a squeezed mark


@dataclass(slots=True)
class Glyph:
    char: str
    x: float  # pt from the page's left edge
    font: str  # reportlab font name (FontFace.rl_name)
    size: float
    fake_bold: bool
    advance: float  # pt the font itself advances after this glyph (for drawing runs)
    width: float  # pt the glyph occupies on the line
    field: str | None  # source field path; None for generated text (一、 一是 。 page numbers)
    offset: int  # index in the field's text
    missing: bool = False  # no installed font has it: drawn with the primary font and reported
    color: tuple[float, float, float] | None = None  # RGB 0..1; None is black (the 发文机关标志 is red)


RED = (1.0, 0.0, 0.0)  # the 版头's red: 发文机关标志 and the red rule


@dataclass(slots=True)
class PlacedAtom(Atom):
    """An atom that knows its source place; ``payload`` is the drawing style (font, advance, bold, missing,
    role), one tuple shared by every atom of that character: ~80 bytes less per character."""

    field: str | None = None  # source field path; None for generated text
    offset: int = 0  # index in the field's text


@dataclass(frozen=True, slots=True)
class Rule:
    """A horizontal rule: the red rule under the 版头, the 版记's lines. Back-ends draw it as it is."""

    x0: float  # pt from the page's left edge
    x1: float
    y: float  # centre of the stroke, pt from the page bottom
    width: float  # stroke thickness in pt
    color: tuple[float, float, float] | None = None  # None is black
    kind: str = "frame"  # "frame": the red rule and the 版记's rules; "dash": the bridge inside a ——


@dataclass
class Line:
    role: str  # font role of most of the line: title, body, heading1, heading2, pagenum
    kind: str  # title, body, heading1, heading2, signature, date, pagenum
    y_baseline: float  # pt from the page bottom
    x_start: float
    glyphs: list[Glyph]
    source: list[tuple[str, int, int]]  # (field path, start, end) spans printed on this line
    is_last_of_paragraph: bool = True
    paragraph: int = -1  # index of the body paragraph, -1 for title, signature, date and page number
    grid: int | None = None  # grid line on the page (0..21), None for title lines and page numbers

    @property
    def text(self) -> str:
        return "".join(gl.char for gl in self.glyphs)

    @property
    def x_end(self) -> float:
        """Right edge of the last glyph."""
        return self.glyphs[-1].x + self.glyphs[-1].width if self.glyphs else self.x_start

    @property
    def size(self) -> float:
        return self.glyphs[0].size if self.glyphs else g.SIZES[self.role]


@dataclass
class Page:
    number: int  # 1-based
    lines: list[Line] = field(default_factory=list)  # in reading order; the page number line last
    rules: list[Rule] = field(default_factory=list)  # red rule, 版记 rules

    def body_lines(self) -> list[Line]:
        return [ln for ln in self.lines if ln.grid is not None]


@dataclass
class Layout:
    pages: list[Page]
    missing: list[CharPlace] = field(default_factory=list)
    fallbacks: list[FallbackPlace] = field(default_factory=list)
    substitutions: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # Chinese sentences for the user
    builtin_only: bool = False
    fonts: dict[str, object] = field(default_factory=dict)  # rl_name -> FontFace of every font drawn from
    fit: list[tuple[str, str, str]] = field(default_factory=list)  # (field, text, message): frame parts set badly


def _shared_cache(fonts) -> dict:
    cache = getattr(fonts, "_measure_cache", None)
    if cache is None:
        cache = {}
        try:
            fonts._measure_cache = cache
        except AttributeError:
            pass  # a fonts object that takes no attributes: a cache for this layout only
    return cache


class Measurer:
    """Font choice and width per (role, character), cached: fonts are asked once per character."""

    def __init__(self, fonts) -> None:
        self.fonts = fonts
        # Shared by every layout with these fonts: a character's face and advance are asked once per run.
        self.cache: dict[tuple[str, str], tuple] = _shared_cache(fonts)
        self.styles: dict[tuple[str, str, float, bool], tuple] = {}  # see atom()
        self.primary = {role: fonts.face(role) for role in g.SIZES}
        self.missing: list[CharPlace] = []
        self.fallbacks: list[FallbackPlace] = []
        self.used: dict[str, object] = {}  # rl_name -> FontFace actually drawn from
        # 小标宋 is a heavy face; a light Song standing in for it is drawn fake-bold to keep the title's weight.
        self.embolden = {role for role in g.EMBOLDEN_WHEN_SUBSTITUTED if fonts.substituted(role)}
        # No 黑体-like face at all (e.g. only the built-in Song): a 一、 heading in the body's own face would
        # not stand out from the text, so it is drawn fake-bold like a lead phrase.
        body = self.primary["body"].rl_name
        self.embolden |= {role for role in g.EMBOLDEN_WHEN_BODY_FACE if self.primary[role].rl_name == body}

    def lookup(self, role: str, ch: str) -> tuple:
        """(face, advance per pt of size, is_cell, missing, squeeze)."""
        key = (role, ch)
        hit = self.cache.get(key)
        if hit is None:
            face = self.fonts.font_for(role, ch)
            missing = face is None
            if missing:
                face = self.primary[role]
            adv = face.advance(ch, 1000.0) / 1000.0 if not missing else 1.0
            eaw = unicodedata.east_asian_width(ch)
            cell = eaw in ("W", "F") or (eaw == "A" and adv >= 0.9)
            squeeze = squeeze_side(face, ch) if cell and not missing and ch in SQUEEZABLE else ""
            hit = (face, adv, cell, missing, squeeze)
            self.cache[key] = hit
        if hit[0].rl_name not in self.used:
            self.used[hit[0].rl_name] = hit[0]
        return hit

    def atom(self, ch: str, role: str, size: float, bold: bool, fld: str | None, offset: int) -> PlacedAtom:
        key = (role, ch, size, bold)
        hit = self.styles.get(key)
        if hit is None:  # once per character, role, size and weight: its floats and style shared (memory)
            face, adv, cell, missing, squeeze = self.lookup(role, ch)
            style = (face.rl_name, adv * size, bold or role in self.embolden, missing, role)
            noted = "missing" if missing else "fallback" if face is not self.primary[role] else ""
            hit = self.styles[key] = (size if cell else adv * size, cell, g.TRACKING[role] if cell else 0.0,
                                      style, squeeze, noted, face.family if noted == "fallback" else "")
        width, cell, tracking, style, squeeze, noted, family = hit
        if noted == "missing":
            self.missing.append(CharPlace(ch, fld or "", offset))
        elif noted:
            self.fallbacks.append(FallbackPlace(ch, fld or "", offset, font=family))
        return PlacedAtom(ch, width, cell, tracking, style, squeeze, fld, offset)

    def atoms(self, chars) -> list[PlacedAtom]:
        return [self.atom(c.ch, c.role, g.SIZES[c.role], c.bold, c.field, c.offset) for c in chars]

    def paragraph_atoms(self, para) -> list[PlacedAtom]:
        """atoms(para.chars), made straight from the paragraph's pieces when its characters were not made."""
        if para.made is not None:
            return self.atoms(para.made)
        from export.paragraphs import places

        atom, sizes = self.atom, g.SIZES
        return [atom(ch, role, sizes[role], bold, fld, offset) for ch, role, bold, fld, offset in places(para.source)]


def squeeze_side(face, ch: str) -> str:
    """How a full-width mark inks its cell in this face: "L" (well inside the left half: may be set half-width
    anywhere), "P" (left half, up to its middle: only before another mark), "R" (right half only), or "M"
    (a mark inked otherwise, or of unknown shape: never squeezed itself, but a neighbour may be).

    Read from the glyph itself: a face that centres its marks (Taiwan style) is never squeezed."""
    from export.glyphbox import ink_box

    box = ink_box(getattr(face, "path", ""), getattr(face, "index", 0), ch, getattr(face, "key", ""))
    if box is None:
        return "M"
    x_min, _y_min, x_max, _y_max = box
    if ch in SQUEEZE_LEFT and x_max <= g.LONE_SQUEEZE_INK:
        return "L"
    if ch in SQUEEZE_LEFT and x_max <= 0.5 + g.SQUEEZE_INK_SLACK:
        return "P"
    if ch in SQUEEZE_RIGHT and x_min >= 0.5 - g.SQUEEZE_INK_SLACK:
        return "R"
    return "M"


def glyphs_for(atoms: list[PlacedAtom], indices: list[int], xs: list[float], widths: list[float], x0: float,
               shifted: set[int] | frozenset[int] = frozenset()) -> list[Glyph]:
    out = []
    sizes = g.SIZES
    for k, x, w in zip(indices, xs, widths, strict=False):
        a = atoms[k]
        rl, adv, bold, missing, role = a.payload
        if k in shifted:  # ink in the right half: draw half a cell left, the box spans the blank half too
            out.append(Glyph(a.ch, x0 + x - w, rl, sizes[role], bold, adv, 2 * w, a.field, a.offset, missing))
            continue
        out.append(Glyph(a.ch, x0 + x, rl, sizes[role], bold, adv, w, a.field, a.offset, missing))
    return out


def source_spans(glyphs: list[Glyph]) -> list[tuple[str, int, int]]:
    """Merge consecutive glyphs of one field into (field, start, end) spans."""
    spans: list[list] = []
    for gl in glyphs:
        if gl.field is None:
            continue
        if spans and spans[-1][0] == gl.field and spans[-1][2] <= gl.offset:
            spans[-1][2] = gl.offset + 1
        else:
            spans.append([gl.field, gl.offset, gl.offset + 1])
    return [tuple(s) for s in spans]


def layout_report(report, fonts=None, *, taoda: bool = False) -> Layout:
    """Lay the whole report out: title, body on the grid, signature and date, page numbers, and the
    official-document frame around them; ``taoda`` (套打) leaves out the red 发文机关标志 and rule."""
    if fonts is None:
        from export.fonts import get_fontset

        fonts = get_fontset()
    from export.errors import ExportError
    from export.frame import Frame
    from export.paginate import paginate
    from export.paragraphs import build_paragraphs
    from models.exchange import oversize
    from models.importers.limits import STORED_FACTOR

    # A database may hold more than any import could bring (10**6 rows, 50 MB); the layout takes what a
    # stored report may be (models/store/sizes.py), about 2,400 pages.
    too_big = oversize(report, STORED_FACTOR)
    if too_big:
        raise ExportError(f"报告{too_big}，超出天报能排版的范围（约 2400 页），没有导出；请删减内容或分成几份报告")
    # A layout makes ~10 objects per character and frees none of them until it is done: the cyclic
    # collector's full passes over them made time per page grow with the report's length.
    enabled = gc.isenabled()
    if enabled:  # young garbage made before goes now (~0.1 ms), not into the oldest generation with the layout
        gc.collect(1)
    gc.disable()
    try:
        title, paragraphs = build_paragraphs(report)
        m = Measurer(fonts)
        frame = Frame(report, m, taoda=taoda, paragraphs=len(paragraphs))
        pages = paginate(report, title, paragraphs, m, frame)
    finally:
        settle_young()
        if enabled:
            gc.enable()
    lay = Layout(pages, m.missing, m.fallbacks, list(fonts.substitutions), builtin_only=fonts.builtin_only,
                 fonts=m.used, fit=frame.fit)
    lay.warnings = warnings_for(lay)
    for page in pages:
        page.rules.extend(dash_bridges(lay, page))
    return lay


def settle_young() -> None:
    """Put what the layout made (a glyph per character, all living on) straight into the collector's oldest
    generation, as two passes over it would (the first, 0.18 s at 1,000 pages, came right after the layout);
    its few garbage cycles, if any, go at the next full pass.

    freeze() then unfreeze() does that without walking the objects; not when something is frozen already
    (the window freezes itself): unfreeze() would let that go too."""
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()


def dash_bridges(lay: Layout, page: Page) -> list[Rule]:
    """Rules joining the two dashes of —— where the font leaves side bearings, so the pair prints as one
    line in every back-end (PDF, OFD, printer): a layout decision, made once here."""
    from export.glyphbox import ink_box

    out: list[Rule] = []
    for line in page.lines:
        if "\u2014\u2014" not in line.text:
            continue
        for a, b in zip(line.glyphs, line.glyphs[1:], strict=False):
            if a.char != "\u2014" or b.char != "\u2014" or a.font != b.font:
                continue
            face = lay.fonts.get(a.font)
            box = ink_box(getattr(face, "path", ""), getattr(face, "index", 0), "\u2014", getattr(face, "key", ""))
            if box is None:
                continue
            x_min, y_min, x_max, y_max = box
            left, right = a.x + x_max * a.size, b.x + x_min * b.size
            if right > left:
                out.append(Rule(left - 0.05, right + 0.05, line.y_baseline + (y_min + y_max) / 2 * a.size,
                                (y_max - y_min) * a.size, a.color, "dash"))
    return out


# The CJK extension blocks, by their Chinese names: where a character no font has usually comes from.
_CJK_EXTENSIONS = ((0x3400, 0x4DBF, "A"), (0x20000, 0x2A6DF, "B"), (0x2A700, 0x2B73F, "C"), (0x2B740, 0x2B81F, "D"),
                   (0x2B820, 0x2CEAF, "E"), (0x2CEB0, 0x2EBEF, "F"), (0x2EBF0, 0x2EE5F, "I"), (0x30000, 0x3134F, "G"),
                   (0x31350, 0x323AF, "H"))


def describe_char(ch: str) -> str:
    """“𠮷”（U+20BB7，扩展B区汉字）: in the official's words, not Unicode's English name."""
    code = ord(ch)
    block = next((f"，扩展{x}区汉字" for lo, hi, x in _CJK_EXTENSIONS if lo <= code <= hi), "")
    return f"“{ch}”（U+{code:04X}{block}）"


def warnings_for(lay: Layout) -> list[str]:
    out = list(lay.substitutions)
    if lay.builtin_only and not any("STSong" in s for s in out):
        out.append("未找到可嵌入的中文字体，已改用PDF阅读器内置的宋体（STSong-Light）：字体没有嵌入文件，"
                   "换一台电脑打开或打印，字形可能不同")
    seen: dict[str, int] = {}
    for place in lay.missing:
        seen[place.char] = seen.get(place.char, 0) + 1
    for ch, n in seen.items():
        times = f"（共{n}处）" if n > 1 else ""
        out.append(f"字符{describe_char(ch)}在已安装的字体中都没有，PDF中以方框标出{times}，请改用常用字或安装含此字的字体")
    return out
