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

A line must also end there in LibreOffice (the independent renderer of bench/bench_docx_fidelity.py), which
counts differently in two places: its body is a whole number of its grid cells kept in 1/100 mm (6 twips
narrower), and it sets the last character of each run without its letter spacing. The spacing chosen makes
the line fit under both counts and the next unit overflow under both, so the three programs agree.
"""

from __future__ import annotations

import unicodedata

from export import geometry as g
from export.backends.docx_styles import CELL_TW, GRID_RIGHT_TW, TEXT_WIDTH_TW, TIGHTEN_TW
from export.linebreak import break_paragraph, make_units

LO_GRID_SHORT_TW = 6  # LibreOffice's 28 grid cells of 15.79 pt against 28 of Word's 15.8 pt
MARGIN_TW = 2  # a decision is kept this far from either edge: renderers round positions
MAX_TIGHTEN_TW = 10  # per character: Tianbao tightens a line by at most 0.45 pt per gap
MAX_LOOSEN_TW = 20  # per character, to keep a character or two off a line that Tianbao left short


def _is_cell(ch: str) -> bool:
    """Full-width in the .docx's runs (docx.py sets these tight, the rest at natural spacing)."""
    return unicodedata.east_asian_width(ch) in ("W", "F", "A")


class _Paragraph:
    """One paragraph's characters with Word's widths (twips) and the runs docx.py will write."""

    def __init__(self, chars, atoms, starts: list[int]) -> None:
        self.n = len(chars)
        self.atoms = atoms
        self.cell = [_is_cell(c.ch) for c in chars]
        self.base = [(c.role, c.bold, c.field is None and c.ch == "。") for c in chars]  # what else splits runs
        self.starts = starts
        self.unit_end = [0] * self.n
        for s, e in make_units(atoms):
            for k in range(s, e):
                self.unit_end[k] = e

    def width(self, k: int, d: int) -> float:
        return 20 * g.BODY_SIZE + TIGHTEN_TW + d if self.cell[k] else self.atoms[k].width * 20

    def run_final_drop(self, idx: list[int], end: int, d: int, d_next: int) -> float:
        """What LibreOffice adds to a line: the letter spacing of each run's last full-width character."""
        drop = 0.0
        for k in idx:
            if not self.cell[k]:
                continue
            if k + 1 < self.n:
                after = d if k + 1 < end else d_next
                if (self.base[k], d, True) == (self.base[k + 1], after, self.cell[k + 1]):
                    continue
            drop -= TIGHTEN_TW + d
        return drop

    def spacing(self, li: int, idx: list[int], avail: float, d_next: int) -> int:
        """The least extra spacing (twips) that ends line ``li`` where Tianbao ends it, else 0."""
        end = self.starts[li + 1] if li + 1 < len(self.starts) else self.n
        nxt = None
        if end < self.n:
            nxt = sum(self.width(k, d_next) for k in range(end, self.unit_end[end]))
        a_lo = avail - LO_GRID_SHORT_TW
        for step in range(max(MAX_TIGHTEN_TW, MAX_LOOSEN_TW) + 1):
            for d in (0,) if step == 0 else (-step, step):
                if not -MAX_TIGHTEN_TW <= d <= MAX_LOOSEN_TW:
                    continue
                w = sum(self.width(k, d) for k in idx)
                lo = w + self.run_final_drop(idx, end, d, d_next)
                if w > avail - MARGIN_TW or lo > a_lo - MARGIN_TW:
                    continue
                if nxt is None or (w + nxt > avail + MARGIN_TW and lo + nxt > a_lo + MARGIN_TW):
                    return d
        return 0


def line_spacings(chars, atoms, indent_cells: int) -> list[int]:
    """Extra letter spacing in twips (0: the style's) for each of ``chars``, decided per Tianbao line."""
    lines = break_paragraph(atoms, g.BLOCK_WIDTH - indent_cells * g.CELL, g.BLOCK_WIDTH)
    if not chars or not all(ln.indices for ln in lines):
        return [0] * len(chars)
    para = _Paragraph(chars, atoms, [ln.indices[0] for ln in lines])
    extra = [0] * len(chars)
    d_next = 0
    for li in range(len(lines) - 1, -1, -1):  # backwards: a line's decision needs the next line's spacing
        avail = TEXT_WIDTH_TW - GRID_RIGHT_TW - (indent_cells * CELL_TW if li == 0 else 0)
        d_next = para.spacing(li, lines[li].indices, avail, d_next)
        end = para.starts[li + 1] if li + 1 < len(lines) else len(chars)
        extra[para.starts[li]:end] = [d_next] * (end - para.starts[li])
    return extra
