"""Chinese line breaking on the document grid: 避头尾, unbreakable runs, justification to the 版心.

Works on measured atoms only (no fonts, no reportlab) so it can be tested with any width function.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from dataclasses import dataclass, field

from export.geometry import (
    CELL,
    COMPRESS_PUNCTUATION,
    FIT_EPSILON,
    LOOSE_LINE,
    MAX_SQUEEZE_PER_GAP,
    ORPHAN_GLYPHS,
    ORPHAN_PUSH_CELLS,
)

# GB/T 15834 as the spec lists it: never at the start / never at the end of a line.
NO_START = frozenset("，。、；：？！）》」』】〕〉”’…—·%‰" ",.;:?!)]}%")
NO_END = frozenset("“‘（《「『【〔〈" "([{")
# Closing marks whose glyph fills only the left half of its cell: can be set half-width.
COMPRESSIBLE = frozenset("，。、；：）》」』】〕〉”’")
# Marks that are never split from a neighbour of the same kind: —— and ……
PAIRED = frozenset("—…")


@dataclass(slots=True)
class Atom:
    """One character to set: its nominal width and how it behaves in a line."""

    ch: str
    width: float  # pt: one em for full-width characters, the font advance for half-width ones
    cell: bool  # full-width: takes the grid tracking and the justification space
    tracking: float = 0.0  # pt added after a full-width character at natural spacing
    payload: object = None  # passed through untouched (style, source)
    squeeze: str = ""  # full-width mark: ink well left "L" (，；：), left half "P" (。、”), right half "R" (“（), else "M"

    @property
    def space(self) -> bool:
        return self.ch == " "

    @property
    def narrow(self) -> bool:
        """Part of a half-width run (digits, Latin and their joiners)."""
        return not self.cell and self.ch != " "

    @property
    def pitch(self) -> float:
        return self.width + self.tracking if self.cell else self.width


@dataclass
class SetLine:
    """One broken line: atoms (by index into the paragraph) with x offsets from the line start."""

    indices: list[int]
    xs: list[float]
    widths: list[float]  # width each atom takes on this line (half for compressed punctuation)
    last: bool = False  # last line of the paragraph
    compressed: set[int] = field(default_factory=set)
    shifted: set[int] = field(default_factory=set)  # compressed marks drawn half a width left (ink on the right)


def make_units(atoms: list[Atom]) -> list[list[int]]:
    """Unbreakable [start, end) runs: half-width runs, —— and ……, with marks glued to their text."""
    starts = unit_starts(atoms)
    return [[s, e] for s, e in zip(starts, [*starts[1:], len(atoms)], strict=True)]


def unit_starts(atoms: list[Atom]) -> array:
    """make_units as the first atom of each run, in order (a run ends where the next starts): 8 bytes a run
    rather than a list of two ints (~150), 27 MB less for a run-on section of 200,000 characters."""
    starts = array("q")
    i, n = 0, len(atoms)
    while i < n:
        a = atoms[i]
        ch = a.ch
        j = i + 1
        if not a.cell and ch != " ":  # a.narrow, spelt out: this runs for every character of a report
            while j < n and atoms[j].narrow:
                j += 1
        elif ch in PAIRED:
            while j < n and atoms[j].ch == ch:
                j += 1
        # a mark that may not start a line, or anything after one that may not end it (a space never may
        # not), joins the run before
        if not i or ch == " " or not (ch in NO_START or atoms[i - 1].ch in NO_END):
            starts.append(i)
        i = j
    return starts


def _pitch(atoms: list[Atom], start: int, end: int) -> float:
    return sum(atoms[k].pitch for k in range(start, end))


def _pitch_upto(atoms: list[Atom], start: int, end: int, cap: float) -> float:
    """_pitch, but stops once above ``cap`` (a 100,000-letter word is not summed again for every line)."""
    total = 0.0
    for k in range(start, end):
        total += atoms[k].pitch
        if total > cap:
            break
    return total


def _extent(atoms: list[Atom], idx: list[int], compressed: set[int]) -> float:
    """Natural extent of a line: pitches, without the tracking after its last glyph."""
    total = 0.0
    for k in idx:
        total += atoms[k].width / 2 if k in compressed else atoms[k].pitch
    last = idx[-1]
    if atoms[last].cell and last not in compressed:
        total -= atoms[last].tracking
    return total


def _gaps(atoms: list[Atom], idx: list[int]) -> int:
    return sum(1 for a, b in zip(idx, idx[1:], strict=False) if not (atoms[a].narrow and atoms[b].narrow))


def _try_push_in(atoms, starts, i, j, avail) -> set[int] | None:
    """Pull unit j onto the line by compressing its trailing closing marks (and, if needed, earlier ones).

    ``starts``: unit_starts with len(atoms) appended, so unit u is [starts[u], starts[u + 1])."""
    s, e = starts[j], starts[j + 1]
    tail = e
    while tail > s and atoms[tail - 1].ch in NO_START:
        tail -= 1
    if tail == e or tail == s:
        return None
    line_start = starts[i]
    if _pitch(atoms, line_start, tail) > avail + FIT_EPSILON:
        return None  # not just the closing marks overflow: push the unit out instead
    idx = list(range(line_start, e))
    gaps = max(_gaps(atoms, idx), 1)
    allowance = MAX_SQUEEZE_PER_GAP * gaps
    compressed: set[int] = set()
    if _extent(atoms, idx, compressed) - avail <= allowance:
        return compressed  # a half-width mark: a slightly tighter line takes it
    if not COMPRESS_PUNCTUATION:
        return None
    compressed = {k for k in range(tail, e) if atoms[k].ch in COMPRESSIBLE and atoms[k].cell}
    over = _extent(atoms, idx, compressed) - avail
    if over <= allowance:
        return compressed
    for k in range(tail - 1, line_start - 1, -1):
        if atoms[k].ch in COMPRESSIBLE and atoms[k].cell:
            compressed.add(k)
            over = _extent(atoms, idx, compressed) - avail
            if over <= allowance:
                return compressed
    return None


def _fit_by_compressing(atoms: list[Atom], idx: list[int], avail: float, lone: bool = True
                        ) -> tuple[set[int], set[int]] | None:
    """Make ``idx`` fit ``avail`` by squeezing adjacent marks, then (if ``lone``) setting closing marks
    half-width nearest the end first (GB/T 15834 allows it), within the usual squeeze allowance.
    (compressed, shifted) or None.

    The line's last glyph is never compressed, so its box still ends on the 版心 edge."""
    left, right = squeeze_pairs(atoms, idx)
    compressed = left | right
    allowance = MAX_SQUEEZE_PER_GAP * max(_gaps(atoms, idx), 1)
    candidates = [k for k in reversed(idx[:-1]) if lone and atoms[k].squeeze == "L" and k not in compressed]
    for k in [None, *candidates]:
        if k is not None:
            compressed.add(k)
        if _extent(atoms, idx, compressed) - avail <= allowance + FIT_EPSILON:
            return compressed, right
    return None


def _rescue_loose(atoms: list[Atom], starts, i: int, j: int, avail: float, used: float
                  ) -> tuple[set[int], set[int]] | None:
    """Pull a long unbreakable unit (（www.gov.cn）, 0571-12345678）。) onto a line it would leave loose.

    ``used`` is the line's pitch at full width: a line with less than a cell free at full width is not
    looked at closely (this runs for every line; squeezed pairs rarely free more than a cell)."""
    if avail - used <= LOOSE_LINE - CELL:
        return None
    before = _strip_spaces(atoms, list(range(starts[i], starts[j])))
    if not before:
        return None
    left, right = squeeze_pairs(atoms, before)
    if avail - _extent(atoms, before, left | right) <= LOOSE_LINE:
        return None
    return _fit_by_compressing(atoms, _strip_spaces(atoms, list(range(starts[i], starts[j + 1]))), avail)


def _mend_orphan(atoms: list[Atom], starts, lines: list[SetLine], first_avail: float, avail: float,
                 count: int | None = None) -> None:
    """A paragraph's last line of one or two glyphs (孤字, "强。") is mended: taken into the line above when
    squeezing that line's adjacent marks makes room, else given the last character (unit) of the line
    above, which spreads that line by at most ORPHAN_PUSH_CELLS. A comma set half-width alone would look
    like a half-width comma typed by mistake, so that is not used here.

    ``lines`` may be only the last lines of the paragraph; ``count`` is then how many it has in all."""
    count = len(lines) if count is None else count
    if count < 2 or len(lines[-1].indices) > ORPHAN_GLYPHS:
        return
    prev, last = lines[-2], lines[-1]
    width = first_avail if count == 2 else avail
    idx = prev.indices + last.indices
    fit = _fit_by_compressing(atoms, idx, width, lone=False)
    if fit is not None:
        lines[-2:] = [justify(atoms, idx, width, True, fit[0], fit[1])]
        return
    cut = starts[bisect_right(starts, prev.indices[-1]) - 1]  # the start of the line's last unit
    if cut <= prev.indices[0]:
        return  # the line above is one unit: nothing to give
    keep = _strip_spaces(atoms, [k for k in prev.indices if k < cut])
    moved = [k for k in prev.indices if k >= cut] + last.indices
    if not keep or _pitch(atoms, cut, prev.indices[-1] + 1) > ORPHAN_PUSH_CELLS * CELL:
        return
    if _extent(atoms, moved, set()) > avail + FIT_EPSILON:
        return
    left, right = squeeze_pairs(atoms, keep)
    new_prev = justify(atoms, keep, width, False, left | right, right)
    left, right = squeeze_pairs(atoms, moved)
    lines[-2:] = [new_prev, justify(atoms, moved, avail, True, left | right, right)]


def squeeze_pairs(atoms: list[Atom], idx: list[int]) -> tuple[set[int], set[int]]:
    """标点挤压: of two adjacent full-width marks, the blank half cell between their inks goes.

    A closing mark (ink on the left) followed by another mark loses its right half (”。 ）， ”“ ’——);
    an opening mark following an opening mark loses its left half (（“). The line's last glyph and
    its first are never touched, so no box moves past either edge of the 版心."""
    left: set[int] = set()
    right: set[int] = set()
    for a, b in zip(idx, idx[1:], strict=False):
        first, second = atoms[a].squeeze, atoms[b].squeeze
        if first in ("L", "P") and second:
            left.add(a)
        elif first == "R" and second == "R":
            right.add(b)
    return left, right


def justify(atoms: list[Atom], idx: list[int], avail: float, last: bool, compressed: set[int],
            shifted: frozenset[int] | set[int] = frozenset()) -> SetLine:
    """x offsets for a line: natural spacing for a paragraph's last line, else flush to both edges.

    ``compressed`` atoms take half their width; those also in ``shifted`` keep the right half."""
    widths = [atoms[k].width / 2 if k in compressed else atoms[k].width for k in idx]
    xs: list[float] = []
    if len(idx) < 2 or last and _extent(atoms, idx, compressed) <= avail + FIT_EPSILON:
        x = 0.0
        for k, w in zip(idx, widths, strict=False):
            xs.append(x)
            x += w if (k in compressed or not atoms[k].cell) else w + atoms[k].tracking
        return SetLine(idx, xs, widths, last, compressed, set(shifted))
    narrow = [atoms[k].narrow for k in idx]
    slots = [not (a and b) for a, b in zip(narrow, narrow[1:], strict=False)]
    nslots = sum(slots)
    extra = avail - sum(widths)
    if nslots == 0:  # one long half-width run: spread anyway rather than overflow
        slots = [True] * (len(idx) - 1)
        nslots = len(slots)
    gap = extra / nslots
    x = 0.0
    for n, w in enumerate(widths):
        xs.append(x)
        x += w + (gap if n < len(slots) and slots[n] else 0.0)
    return SetLine(idx, xs, widths, last, compressed, set(shifted))


def _strip_spaces(atoms: list[Atom], idx: list[int]) -> list[int]:
    while idx and atoms[idx[0]].space:
        idx = idx[1:]
    while idx and atoms[idx[-1]].space:
        idx = idx[:-1]
    return idx


def break_paragraph(atoms: list[Atom], first_avail: float, avail: float) -> list[SetLine]:
    """Greedy 避头尾 line breaking; every line but the last is justified to ``avail``."""
    return list(iter_lines(atoms, first_avail, avail))


def iter_lines(atoms: list[Atom], first_avail: float, avail: float):
    """break_paragraph's lines one by one, each given once the two after it are set (only the last two may
    still change, see _mend_orphan): a caller can turn them into glyphs and let them go, so a very long
    paragraph does not hold all its lines' index and offset lists at once."""
    starts = unit_starts(atoms)
    n = len(starts)  # units; unit u is [starts[u], starts[u + 1])
    starts.append(len(atoms))
    lines: list[SetLine] = []  # the lines not yet given
    count = 0  # lines set so far, given or not
    # The last atom that is not a space: a line ending at or after it is the paragraph's last line.
    # Found once, so no line looks at the rest of the paragraph (that made long run-on sections quadratic).
    last_ink = len(atoms) - 1
    while last_ink >= 0 and atoms[last_ink].space:
        last_ink -= 1
    i = 0
    while i < n:
        while i < n and all(atoms[k].space for k in range(starts[i], starts[i + 1])):
            i += 1  # a wrapped line never starts with a space
        if i == n:
            break
        width = first_avail if not count else avail
        w, j = 0.0, i
        s = starts[i]
        while j < n:
            e = starts[j + 1]
            # a line holds as many cells as fit
            p = atoms[s].pitch if e - s == 1 else _pitch_upto(atoms, s, e, width - w + FIT_EPSILON)
            if w + p > width + FIT_EPSILON:
                break
            w += p
            j += 1
            s = e
        if j == n:
            idx = _strip_spaces(atoms, list(range(starts[i], starts[n])))
            if idx:
                left, right = squeeze_pairs(atoms, idx)
                lines.append(justify(atoms, idx, width, True, left | right, right))
                count += 1
            break
        if j == i:  # a single unit wider than the line: split it where it overflows, rules or not
            s, e = starts[i], starts[i + 1]
            k, x = s, 0.0
            while k < e and (k == s or x + atoms[k].width <= width + FIT_EPSILON):
                x += atoms[k].pitch
                k += 1
            idx = list(range(s, k))
            lines.append(justify(atoms, idx, width, False, set()))
            count += 1
            if len(lines) > 2:
                yield lines.pop(0)
            if k < e:
                starts[i] = k  # the rest of the unit starts the next line (no list insertion: linear)
            else:
                i += 1
            continue
        compressed = _try_push_in(atoms, starts, i, j, width)
        shifted: set[int] = set()
        rescued = None if compressed is not None else _rescue_loose(atoms, starts, i, j, width, w)
        if rescued is not None:
            compressed, shifted = rescued
        if compressed is not None:
            idx = list(range(starts[i], starts[j + 1]))
            nxt = j + 1
        else:
            idx = list(range(starts[i], starts[j]))
            compressed = set()
            nxt = j
        idx = _strip_spaces(atoms, idx)
        rest_blank = nxt >= n or starts[nxt] > last_ink
        # The break is chosen at full width (the line keeps its 28-cell content); squeezing adjacent
        # marks only moves their blank halves into the line's even spacing.
        left, right = squeeze_pairs(atoms, idx)
        lines.append(justify(atoms, idx, width, rest_blank, compressed | left | right, right | shifted))
        count += 1
        if len(lines) > 2:
            yield lines.pop(0)
        i = nxt
    _mend_orphan(atoms, starts, lines, first_avail, avail, count)
    yield from lines
