"""Per-line letter spacing for the .docx, so that Word, WPS and LibreOffice end each line where Tianbao does.

Word has no per-line setting: it breaks a paragraph greedily, each character as wide as its font plus the
run's letter spacing (w:spacing, ECMA-376 §17.3.2.35), a closing mark that does not fit taking the character
before it to the next line (kinsoku, our 避头尾 sets in settings.xml). Tianbao breaks the same way on its grid,
but a few of its lines hold what greedy breaking at Word's widths would not: it tightens a line by up to
0.45 pt per gap to pull in a closing mark, squeezes adjacent marks, mends an orphan by moving a character
down, and its cell (15.79 pt) is a little narrower than Word's whole-twip one (15.8 pt). So each line is
checked with Word's arithmetic: when it would not fit, or the first unit of the next line would fit after it,
the full-width characters of that line get a letter spacing a few twips tighter or looser than the style's
(the least that works). Justified lines look the same in Word either way: only where the line ends changes,
and what Tianbao's own line holds is what Word's holds.

Where no such spacing lets Word hold Tianbao's line (a line Tianbao fills by squeezing adjacent marks, 标点挤压),
the marks Tianbao sets half-width get half a cell less spacing, on that line only: what Tianbao draws.

A line must also end there in LibreOffice (the independent renderer of bench/bench_docx_fidelity.py), which
counts differently in three places: its body is a whole number of its grid cells kept in 1/100 mm (6 twips
narrower), it sets the last character of each run (adjacent runs alike merged) without its letter spacing,
and it condenses by at most 2.7 pt (1/6 em). The spacing chosen makes the line fit under both counts and the
next unit overflow under both, so the three programs agree; where none does, Word's count decides.
LibreOffice's own reading of the file (without bench/lo_word_semantics.py) imports w:overflowPunct inverted
and hangs closing marks in the margin: among the spacings that work, one that keeps the next unit off the
line even with its closing marks hung is preferred (Word's line is the same either way).
"""

from __future__ import annotations

import unicodedata

from export import geometry as g
from export.backends.docx_styles import CELL_TW, GRID_RIGHT_TW, TEXT_WIDTH_TW, TIGHTEN_TW
from export.linebreak import break_paragraph, make_units

LO_GRID_SHORT_TW = 6  # LibreOffice's 28 grid cells of 15.79 pt against 28 of Word's 15.8 pt
LO_MIN_SPACING_TW = -54  # LibreOffice condenses 16 pt text by 2.7 pt at most (measured, 7.4)
LO_HANGING = frozenset("，。、；：？！）》」』】〕〉”’")  # closing marks its own reading may hang in the margin
MARGIN_TW = 6  # a decision is kept 0.3 pt from either edge: renderers round, and may count a line's end differently
MAX_TIGHTEN_TW = 12  # per character (0.6 pt): a little over Tianbao's 0.45 pt per gap, within LibreOffice's limit
MAX_LOOSEN_TW = 20  # per character, to keep a character or two off a line that Tianbao left short
_STEPS = [0] + [d for step in range(1, max(MAX_TIGHTEN_TW, MAX_LOOSEN_TW) + 1) for d in (-step, step)
                if -MAX_TIGHTEN_TW <= d <= MAX_LOOSEN_TW]


def is_cell(ch: str) -> bool:
    """Set on a full cell by Tianbao (export/layout.py: wide, or ambiguous-width marks like “ ” — …): the .docx
    sets these tight, the rest (digits, Latin) at natural spacing."""
    return unicodedata.east_asian_width(ch) in ("W", "F", "A")


def added_stop(c) -> bool:
    """A 。 the export adds after a lead phrase typed without one (export/paragraphs.py needs_stop): docx.py
    writes it as a run of its own, marked for the import."""
    return c.field is None and c.ch == "。"


class _Paragraph:
    """One paragraph's characters with Word's widths (twips) and the runs docx.py will write."""

    def __init__(self, chars, atoms, lines) -> None:
        self.n = len(chars)
        self.atoms = atoms
        self.lines = lines
        self.starts = [ln.indices[0] for ln in lines] + [self.n]
        self.cell = [is_cell(c.ch) for c in chars]
        self.base = [(c.role, c.bold, added_stop(c)) for c in chars]  # what else splits runs (docx.py)
        self.extra = [0] * self.n  # decided, line by line from the last
        self.unit_end = [0] * self.n
        for s, e in make_units(atoms):
            for k in range(s, e):
                self.unit_end[k] = e
        self.mark = [0] * self.n  # Tianbao's half-width marks: the blank half (an “ kept right: its neighbour's)
        for ln in lines:
            for k in ln.compressed:
                self.mark[k - 1 if k in ln.shifted else k] -= round(atoms[k].width * 20 / 2)

    def word(self, k: int, e: int) -> float:
        return 20 * g.BODY_SIZE + TIGHTEN_TW + e if self.cell[k] else self.atoms[k].width * 20

    def libreoffice(self, idx: list[int], extra: dict[int, int]) -> float:
        """The line's width as LibreOffice counts it (module docstring)."""
        total = 0.0
        for k in idx:
            if not self.cell[k]:
                total += self.atoms[k].width * 20
                continue
            e = extra[k]
            after = extra.get(k + 1, self.extra[k + 1] if k + 1 < self.n else None)
            run_end = k + 1 >= self.n or (self.base[k], e, True) != (self.base[k + 1], after, self.cell[k + 1])
            total += 20 * g.BODY_SIZE + (0 if run_end else max(TIGHTEN_TW + e, LO_MIN_SPACING_TW))
        return total

    def decide(self, li: int, avail: float) -> None:
        """The least extra spacing that ends line ``li`` where Tianbao ends it (module docstring)."""
        idx = self.lines[li].indices
        start, end = self.starts[li], self.starts[li + 1]
        nxt = None
        if end < self.n:  # the next line's first unit (a word of 100,000 letters is not summed on every line)
            nxt = 0.0
            for k in range(end, self.unit_end[end]):
                nxt += self.word(k, self.extra[k])
                if nxt > avail:
                    break
        head = None  # the next unit without the closing marks LibreOffice's own reading may hang in the margin
        if nxt is not None:
            e = self.unit_end[end]
            while e > end + 1 and self.atoms[e - 1].ch in LO_HANGING:
                e -= 1
            head = sum(self.word(k, self.extra[k]) for k in range(end, min(e, end + 8)))
        a_lo = avail - LO_GRID_SHORT_TW
        for hang, both, marks in ((True, True, False), (False, True, False), (False, True, True), (False, False, False),
                                  (False, False, True)):
            if marks and not any(self.mark[start:end]):
                continue
            for d in _STEPS:
                extra = {k: d + (self.mark[k] if marks else 0) for k in range(start, end)}
                w = sum(self.word(k, extra[k]) for k in idx)
                lo = self.libreoffice(idx, extra) if both else -1e9
                if w > avail - MARGIN_TW or lo > a_lo - MARGIN_TW:
                    continue
                if hang and nxt is not None and lo + head <= avail + MARGIN_TW:
                    continue
                if nxt is None or (w + nxt > avail + MARGIN_TW and (not both or lo + nxt > a_lo + MARGIN_TW)):
                    self.extra[start:end] = [extra[k] for k in range(start, end)]
                    return


def line_spacings(chars, atoms, indent_cells: int) -> list[int]:
    """Extra letter spacing in twips (0: the style's) for each of ``chars``, decided per Tianbao line."""
    lines = break_paragraph(atoms, g.BLOCK_WIDTH - indent_cells * g.CELL, g.BLOCK_WIDTH)
    if not chars or not all(ln.indices for ln in lines):
        return [0] * len(chars)
    para = _Paragraph(chars, atoms, lines)
    for li in range(len(lines) - 1, -1, -1):  # backwards: a line's decision needs the next line's spacing
        para.decide(li, TEXT_WIDTH_TW - GRID_RIGHT_TW - (indent_cells * CELL_TW if li == 0 else 0))
    return para.extra
