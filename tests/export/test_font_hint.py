"""A 缺字 finding names the installed font that has the character, when only a CFF face has it."""

from __future__ import annotations

import shutil

from export.facts import typeset_facts
from models.checks import run_checks
from models.report import Item, Report, Section
from tests.export.test_fonts import KAI, _fake_cff_cjk, needs_debian_fonts

RARE = "\U0002A6A5"  # 𪚥, outside GB 2312 and the open Kai face


@needs_debian_fonts
def test_missing_character_names_the_cff_font_that_has_it(font_dir):
    shutil.copy(KAI, font_dir)
    _fake_cff_cjk(font_dir / "NotoSerifCJK.otf", "Noto Serif CJK SC", "中华" + RARE)
    report = Report(title="报告", sections=[Section("情况", items=[Item("抓学习。", f"生僻字{RARE}要打印。")])])
    facts = typeset_facts(report)
    assert [(p.char, p.found_in) for p in facts.missing] == [(RARE, "Noto Serif CJK SC")]
    finding = next(f for f in run_checks(report, facts) if f.kind == "font_missing")
    assert "Noto Serif CJK SC" in finding.message and "字体设置" in finding.message


@needs_debian_fonts
def test_missing_everywhere_says_so(font_dir):
    shutil.copy(KAI, font_dir)
    report = Report(title="报告", sections=[Section("情况", items=[Item("抓学习。", f"生僻字{RARE}。")])])
    facts = typeset_facts(report)
    assert facts.missing and facts.missing[0].found_in == ""
    finding = next(f for f in run_checks(report, facts) if f.kind == "font_missing")
    assert "所有已安装的字体都没有" in finding.message


@needs_debian_fonts
def test_thousands_of_missing_characters_read_the_font_index_once(font_dir, monkeypatch):
    """20,000 distinct private-use characters once read the index (fc-list) 20,000 times: minutes of 检查."""
    from export import fontfind, fontindex

    shutil.copy(KAI, font_dir)
    _fake_cff_cjk(font_dir / "NotoSerifCJK.otf", "Noto Serif CJK SC", "中华" + RARE)
    reads = []
    real = fontindex.load_index
    monkeypatch.setattr(fontindex, "load_index", lambda *a, **k: reads.append(1) or real(*a, **k))
    private = "".join(chr(0xE000 + i) for i in range(3000))
    hints = fontfind.installed_with(RARE + private)
    assert len(reads) == 1
    assert hints[RARE] == "Noto Serif CJK SC" and len(hints) == 3001 and set(hints.values()) == {"Noto Serif CJK SC", ""}
