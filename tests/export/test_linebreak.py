"""The line breaker on its own, with a plain width function: 避头尾, unbreakable runs, justification."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from export import geometry as g
from export.linebreak import NO_END, NO_START, Atom, break_paragraph, make_units
from export.titlebreak import balance

SIZE = 16.0
WIDTH = g.BLOCK_WIDTH
FIRST = WIDTH - 2 * g.CELL


def atoms(text: str, size: float = SIZE, tracking: float = g.CELL - SIZE) -> list[Atom]:
    out = []
    for ch in text:
        cell = unicodedata.east_asian_width(ch) in ("W", "F") or ch in "“”‘’—…·"
        out.append(Atom(ch, size if cell else size / 2, cell, tracking if cell else 0.0))
    return out


def lines_of(text: str, first: float = FIRST, width: float = WIDTH):
    a = atoms(text)
    return a, break_paragraph(a, first, width)


def texts(a, lines) -> list[str]:
    return ["".join(a[k].ch for k in ln.indices) for ln in lines]


def right_edge(line) -> float:
    return line.xs[-1] + line.widths[-1]


def test_pure_chinese_fills_28_cells_and_justifies_to_the_edge():
    a, lines = lines_of("国" * 100, first=WIDTH)
    assert [len(ln.indices) for ln in lines] == [28, 28, 28, 16]
    for ln in lines[:-1]:
        assert right_edge(ln) == pytest.approx(WIDTH, abs=0.01)
    last = lines[-1]
    assert last.xs[1] - last.xs[0] == pytest.approx(g.CELL)  # last line at the grid pitch


def test_first_line_has_26_cells_after_the_indent():
    a, lines = lines_of("国" * 60)
    assert len(lines[0].indices) == 26
    assert right_edge(lines[0]) == pytest.approx(FIRST, abs=0.01)


def test_closing_mark_takes_the_previous_character_to_the_next_line():
    a, lines = lines_of("国" * 26 + "，" + "国" * 10)
    t = texts(a, lines)
    assert t[0] == "国" * 25 and t[1].startswith("国，")
    assert right_edge(lines[0]) == pytest.approx(FIRST, abs=0.01)  # the space is spread over the line


def test_a_half_width_closing_mark_is_squeezed_in():
    a, lines = lines_of("国" * 26 + "," + "国" * 10)
    t = texts(a, lines)
    assert t[0] == "国" * 26 + ","
    assert right_edge(lines[0]) == pytest.approx(FIRST, abs=0.01)


def test_opening_mark_never_ends_a_line():
    a, lines = lines_of("国" * 25 + "“国国”" + "国" * 10)
    t = texts(a, lines)
    assert not t[0].endswith("“")
    assert all(right_edge(ln) <= (FIRST if i == 0 else WIDTH) + 0.01 for i, ln in enumerate(lines))


@pytest.mark.parametrize("run", ["12.5%", "GDP", "2.0", "2026"])
def test_half_width_runs_are_never_split(run):
    for pad in range(20, 28):
        a, lines = lines_of("国" * pad + run + "国" * 30)
        assert any(run in t for t in texts(a, lines)), (pad, texts(a, lines))


def test_half_width_runs_keep_their_natural_width():
    a, lines = lines_of("国" * 20 + "GDP" + "国" * 30)
    ln = lines[0]
    k = [a[i].ch for i in ln.indices].index("G")
    assert ln.xs[k + 1] - ln.xs[k] == pytest.approx(SIZE / 2)
    assert ln.xs[k + 2] - ln.xs[k + 1] == pytest.approx(SIZE / 2)


@pytest.mark.parametrize("pair", ["——", "……"])
def test_dash_and_ellipsis_pairs_stay_together(pair):
    for pad in range(22, 28):
        a, lines = lines_of("国" * pad + pair + "国" * 30)
        assert any(pair in t for t in texts(a, lines)), pad


def test_units_glue_marks_to_their_text():
    a = atoms("“两个维护”，GDP增长12.5%。")
    units = ["".join(x.ch for x in a[s:e]) for s, e in make_units(a)]
    assert units == ["“两", "个", "维", "护”，", "GDP", "增", "长", "12.5%。"]


def test_a_run_longer_than_a_line_is_split_rather_than_overflowing():
    a, lines = lines_of("x" * 120, first=WIDTH)
    assert len(lines) >= 2
    assert all(right_edge(ln) <= WIDTH + 0.01 for ln in lines)


_CORPUS_CHARS = "国家发展，。、；：？！“”‘’（）《》【】——……·%12.5GDP"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=_CORPUS_CHARS, min_size=1, max_size=200))
def test_any_punctuation_mix_obeys_the_rules(text):
    a, lines = lines_of(text)
    t = texts(a, lines)
    assert "".join(t) == text.replace(" ", "")
    for i, ln in enumerate(lines):
        width = FIRST if i == 0 else WIDTH
        assert right_edge(ln) <= width + 0.01, t
        if not ln.last:
            assert right_edge(ln) == pytest.approx(width, abs=0.5)
        if i > 0 and len(t[i - 1]) > 1:  # a forced split of an overlong run may break the rules
            assert t[i][0] not in NO_START or all(ch in NO_START for ch in t[i - 1]), t
        if i + 1 < len(lines):
            assert t[i][-1] not in NO_END or all(ch in NO_END for ch in t[i]), t


def title_atoms(text):
    return atoms(text, size=22.0, tracking=0.0)


def test_short_title_stays_on_one_line():
    a = title_atoms("关于履行全面从严治党责任情况的报告")
    assert balance(a, WIDTH) == [(0, len(a))]


def test_long_title_breaks_balanced_at_a_word_boundary():
    text = "中共济南市历城区委组织部关于2023年度履行全面从严治党主体责任情况的报告"
    a = title_atoms(text)
    parts = [text[s:e] for s, e in balance(a, WIDTH)]
    assert len(parts) == 2
    widths = [sum(x.pitch for x in a[s:e]) for s, e in balance(a, WIDTH)]
    assert max(widths) <= WIDTH
    assert abs(widths[0] - widths[1]) < 4 * 22  # no stub line
    assert parts[0].endswith(("关于", "年度", "的", "组织部")) or parts[1].startswith("关于"), parts


def test_very_long_title_uses_more_lines_none_too_wide():
    text = "关于进一步加强和改进新时代基层党组织建设推动全面从严治党向纵深发展" * 2 + "的实施意见"
    a = title_atoms(text)
    cuts = balance(a, WIDTH)
    assert len(cuts) >= 3
    assert all(sum(x.pitch for x in a[s:e]) <= WIDTH + 0.01 for s, e in cuts)
    assert "".join(text[s:e] for s, e in cuts) == text
