"""套打: the red 发文机关标志 and rule are left out for pre-printed paper, and nothing else moves."""

from __future__ import annotations

from models.store import Store
from tests.export.frame_sample import MARK, red, render, unit_report
from tests.export.test_cli import run_cli


def _placed(pdf):
    return [[(c["text"], c["x0"], c["top"], c["fontname"].split("+")[-1], c["size"]) for c in p.chars]
            for p in pdf.pages]


def _same_places(a, b) -> bool:
    """Same characters in the same fonts, within 0.05 pt (the PDF's own rounding of positions)."""
    return len(a) == len(b) and all(
        len(pa) == len(pb) and all(x[0] == y[0] and x[3:] == y[3:] and abs(x[1] - y[1]) < 0.05
                                   and abs(x[2] - y[2]) < 0.05 for x, y in zip(pa, pb, strict=True))
        for pa, pb in zip(a, b, strict=True))


def _rules(pdf):
    return [[(round(r["x0"], 2), round(r["x1"], 2), round(r["top"], 2), round(r["linewidth"], 3),
              tuple(r["stroking_color"])) for r in p.lines] for p in pdf.pages]


def test_taoda_leaves_out_the_mark_and_the_red_rule_and_keeps_everything_else_in_place():
    report = unit_report(attachments=3)
    full, full_result = render(report)
    taoda, taoda_result = render(report, taoda=True)
    with full, taoda:
        assert len(taoda.pages) == len(full.pages) == full_result.pages == taoda_result.pages
        assert not any(red(c) for p in taoda.pages for c in p.chars)
        assert not any(tuple(r["stroking_color"]) == (1, 0, 0) for p in taoda.pages for r in p.lines)
        mark = set(MARK)
        kept = _placed(full)
        kept[0] = [c for c in kept[0] if not (c[0] in mark and c[4] > 22)]  # the mark's characters
        assert _same_places(_placed(taoda), kept)
        assert not _same_places(_placed(taoda), _placed(full))
        assert any(c[0] in mark and c[4] > 22 for c in _placed(full)[0])  # the full print has the mark
        full_rules = _rules(full)
        full_rules[0] = [r for r in full_rules[0] if r[4] != (1, 0, 0)]
        assert _rules(taoda) == full_rules
        assert len(_rules(full)[0]) == 1  # the red rule, the only rule on page 1


def test_export_command_has_a_taoda_switch(db_path, tmp_path):
    import pdfplumber

    store = Store(db_path)
    rid = store.create(unit_report(attachments=1))
    store.close()
    plain, taoda = tmp_path / "plain.pdf", tmp_path / "taoda.pdf"
    assert run_cli("export", str(rid), "-o", str(plain), "--db", str(db_path)).returncode == 0
    proc = run_cli("export", str(rid), "-o", str(taoda), "--db", str(db_path), "--taoda")
    assert proc.returncode == 0, proc.stderr
    with pdfplumber.open(plain) as a, pdfplumber.open(taoda) as b:
        assert len(a.pages) == len(b.pages) and len(a.pages) % 2 == 0
        assert any(red(c) for c in a.pages[0].chars)
        assert not any(red(c) for c in b.pages[0].chars)
        assert "青农党〔2026〕7号" in b.pages[0].extract_text()
