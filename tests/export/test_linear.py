"""Layout work grows linearly with a paragraph's length: counted, never timed."""

from __future__ import annotations

from export import linebreak
from export.linebreak import Atom, break_paragraph

CELL = 16.0
TEXT = "坚持问题导向，抓好整改落实（第一批）；持续推进“三会一课”制度化、规范化。"


class Counting(list):
    """A list that counts the elements read from it, one per index and one per element of a slice."""

    reads = 0

    def __getitem__(self, k):
        got = super().__getitem__(k)
        Counting.reads += len(got) if isinstance(k, slice) else 1
        return got


def _reads(chars: int, monkeypatch) -> tuple[int, int]:
    text = (TEXT * (chars // len(TEXT) + 1))[:chars]
    atoms = Counting(Atom(ch, CELL, True, 0.0, None, "L" if ch in "，；。" else "") for ch in text)
    unit_starts = linebreak.unit_starts
    # The unbreakable runs are read the same way: a copy of the rest of them per line would count.
    monkeypatch.setattr(linebreak, "unit_starts", lambda a: Counting(unit_starts(a)))
    Counting.reads = 0
    lines = break_paragraph(atoms, 26 * CELL, 28 * CELL)
    assert sum(len(sl.indices) for sl in lines) == chars  # every character set once
    return Counting.reads, len(lines)


def test_breaking_a_long_run_on_paragraph_is_linear(monkeypatch):
    small, small_lines = _reads(5_000, monkeypatch)
    big, big_lines = _reads(40_000, monkeypatch)  # 8x the characters: ~1,400 lines, a 65-page paragraph
    assert big_lines >= 7 * small_lines
    # Linear: ~8x the reads. Copying the rest of the paragraph for each line made it ~50x.
    assert big / small < 8 * 1.5, (small, big)


def test_the_collector_does_not_walk_a_fresh_layout_again():
    """What a layout made goes straight to the collector's oldest generation: no young-generation pass walks
    its glyphs right after it (that pass grew with the report and took 0.18 s at 1,000 pages)."""
    import gc

    from export.layout import layout_report
    from tests.export.sample import long_report

    gc.collect()
    lay = layout_report(long_report(10))
    glyphs = sum(len(ln.glyphs) for p in lay.pages for ln in p.lines)
    assert glyphs > 5_000
    young = len(gc.get_objects(generation=0)) + len(gc.get_objects(generation=1))
    assert young < glyphs / 10, (young, glyphs)


def test_a_layout_leaves_what_the_window_froze_frozen():
    import gc

    from export.layout import layout_report
    from tests.export.sample import sample_report

    kept = [[n] for n in range(10)]  # long-lived objects the window freezes (ui/document_actions.py)

    def watched() -> set[int]:  # the frozen generation is not in get_objects()
        return {id(o) for o in gc.get_objects()} & {id(o) for o in kept}

    assert len(watched()) == len(kept)
    gc.freeze()
    try:
        assert not watched()
        layout_report(sample_report())
        assert not watched()
    finally:
        gc.unfreeze()
    assert len(watched()) == len(kept)


def test_paragraphs_make_their_characters_only_when_asked():
    """A report's characters are made one paragraph at a time as the layout reaches it, never all at once."""
    from export.paragraphs import build_paragraphs
    from tests.export.sample import long_report

    title, paragraphs = build_paragraphs(long_report(10))
    assert paragraphs and all(p.made is None for p in title + paragraphs)
    first = paragraphs[0].chars
    assert first and paragraphs[0].made is first and all(p.made is None for p in paragraphs[1:])


def test_characters_no_font_has_are_given_codes_in_one_pass_over_the_layout():
    """Each missing place scanned the whole layout for its glyph: 8,000 of them took seconds (quadratic)."""
    from reportlab.pdfbase import pdfmetrics

    from export.backends.pdf import _map_missing
    from export.fonts import register_face
    from export.layout import layout_report
    from models.report import Item, Report, Section

    n = 3000
    body = "".join(chr(0xE000 + i) + "字" for i in range(n))  # private-use characters: in no font
    layout = layout_report(Report(title="标题", sections=[Section(heading="一", items=[Item("一是", body)])]))
    assert len(layout.missing) >= n
    for face in layout.fonts.values():
        register_face(face)
    glyphs = 0

    class Glyphs(list):
        reads = 0

        def __iter__(self):
            Glyphs.reads += len(self)
            return super().__iter__()

    for page in layout.pages:
        for line in page.lines:
            glyphs += len(line.glyphs)
            line.glyphs = Glyphs(line.glyphs)
    _map_missing(layout)
    assert Glyphs.reads <= 2 * glyphs, (Glyphs.reads, glyphs)
    for gl in (gl for page in layout.pages for line in page.lines for gl in line.glyphs if gl.missing):
        face = pdfmetrics.getFont(gl.font).face  # the font that draws it can carry it: it extracts as typed
        assert not hasattr(face, "charToGlyph") or face.charToGlyph.get(ord(gl.char)) == 0
