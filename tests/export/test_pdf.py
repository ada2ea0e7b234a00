"""Real PDFs read back with pdfplumber and pypdf, measured against the spec."""

from __future__ import annotations

import datetime as dt
import errno
import getpass
import os
import re

import pdfplumber
import pypdf
import pytest

from export import geometry as g
from export.backends.pdf import export_pdf, render_pdf_bytes
from export.errors import ExportError
from export.linebreak import NO_END, NO_START
from models.report import Report
from tests.export.sample import expected_text, sample_report

MM = g.MM


def pdf_lines(page):
    """Text lines of a pdfplumber page as (baseline y from the bottom, size, chars left to right)."""
    rows: dict[tuple[float, float], list] = {}
    for ch in page.chars:
        key = (round(ch["matrix"][5], 2), round(ch["size"], 1))
        rows.setdefault(key, []).append(ch)
    return [(y, size, sorted(chars, key=lambda c: c["x0"])) for (y, size), chars in
            sorted(rows.items(), key=lambda kv: -kv[0][0])]


def text_of(chars) -> str:
    return "".join(c["text"] for c in chars)


def body_rows(page):
    return [row for row in pdf_lines(page) if row[1] == 16.0]


def printed_lines(pdf, layout):
    """Each body line of ``layout`` with the characters pdfplumber reads at its baseline (same text)."""
    for page, lpage in zip(pdf.pages, layout.pages, strict=False):
        rows = body_rows(page)
        for line in lpage.body_lines():
            chars = next(c for y, s, c in rows if abs(y - line.y_baseline) < 0.05)
            assert text_of(chars) == line.text
            yield line, chars


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "sample.pdf"
    result = export_pdf(sample_report(), path, deterministic=True)
    return path, result


def test_page_is_a4(sample_pdf):
    with pdfplumber.open(sample_pdf[0]) as pdf:
        for page in pdf.pages:
            assert page.width == pytest.approx(210 * MM, abs=0.5)
            assert page.height == pytest.approx(297 * MM, abs=0.5)


def test_text_block_edges(sample_pdf):
    with pdfplumber.open(sample_pdf[0]) as pdf:
        for page in pdf.pages[1:-1]:
            body = [c for c in page.chars if c["size"] == 16.0]
            assert min(c["x0"] for c in body) == pytest.approx(28 * MM, abs=1 * MM)
            assert min(c["top"] for c in body) == pytest.approx(37 * MM, abs=1 * MM)
            assert max(c["x1"] for c in body) == pytest.approx((28 + 156) * MM, abs=1 * MM)
            assert max(c["x1"] for c in body) <= (28 + 156) * MM + 0.5
        first = pdf.pages[0]
        assert min(c["top"] for c in first.chars) == pytest.approx(37 * MM, abs=1 * MM)  # the title


def test_22_lines_on_the_grid_and_28_cells_per_full_line(sample_pdf):
    path, result = sample_pdf
    grid = [g.grid_baseline(k) for k in range(22)]
    with pdfplumber.open(path) as pdf:
        for n, page in enumerate(pdf.pages):
            rows = body_rows(page)
            for y, _, _ in rows:
                assert min(abs(y - b) for b in grid) < 0.05
            if 0 < n < len(pdf.pages) - 1:
                assert len(rows) == 22
            for _y, _, chars in rows:
                text = text_of(chars)
                right = chars[-1]["x1"]
                if re.fullmatch(r"[\u4e00-\u9fff]+", text) and chars[0]["x0"] < g.BLOCK_LEFT + 1:
                    assert len(text) == 28, text
                if right > g.BLOCK_RIGHT - g.CELL:  # a full (non-final) line
                    assert right == pytest.approx(g.BLOCK_RIGHT, abs=0.5), text


def test_non_final_lines_reach_the_right_edge(sample_pdf):
    path, result = sample_pdf
    with pdfplumber.open(path) as pdf:
        for line, chars in printed_lines(pdf, result.layout):
            if not line.is_last_of_paragraph:
                assert chars[-1]["x1"] == pytest.approx(g.BLOCK_RIGHT, abs=0.5)


def test_sample_extracts_back_character_for_character(sample_pdf):
    with pdfplumber.open(sample_pdf[0]) as pdf:
        text = "".join(text_of(chars) for page in pdf.pages for y, size, chars in pdf_lines(page) if size != 14.0)
    assert re.sub(r"\s", "", text) == expected_text()
    with pdfplumber.open(sample_pdf[0]) as pdf:
        assert re.sub(r"\s", "", "".join(p.extract_text() for p in pdf.pages)).startswith(expected_text()[:200])


def test_page_numbers(sample_pdf):
    with pdfplumber.open(sample_pdf[0]) as pdf:
        assert len(pdf.pages) >= 2
        for n, page in enumerate(pdf.pages, 1):
            rows = [row for row in pdf_lines(page) if row[1] == 14.0]
            assert len(rows) == 1
            y, size, chars = rows[0]
            assert text_of(chars) == f"— {n} —"
            top = min(c["top"] for c in chars)
            assert top == pytest.approx((37 + 225 + 7) * MM, abs=0.5 * MM)
            if n % 2:
                assert chars[-1]["x1"] == pytest.approx(g.BLOCK_RIGHT - 14, abs=0.5)
            else:
                assert chars[0]["x0"] == pytest.approx(g.BLOCK_LEFT + 14, abs=0.5)


def test_every_font_is_embedded_as_a_subset(sample_pdf):
    reader = pypdf.PdfReader(sample_pdf[0])
    seen = 0
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            desc = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in desc, font["/BaseFont"]
            assert re.match(r"/[A-Z]{6}\+", font["/BaseFont"])
            seen += 1
    assert seen


def test_metadata_and_determinism(sample_pdf):
    reader = pypdf.PdfReader(sample_pdf[0])
    meta = reader.metadata
    assert meta.title == sample_report().title
    assert meta.creator == "Tianbao"
    assert not meta.author
    raw = sample_pdf[0].read_bytes()
    assert getpass.getuser().encode() not in raw or getpass.getuser() in ("root",) and b"/Author (root)" not in raw
    again, _ = render_pdf_bytes(sample_report(), deterministic=True)
    assert again == raw


def test_fake_bold_leads_use_fill_and_stroke(sample_pdf):
    reader = pypdf.PdfReader(sample_pdf[0])
    content = reader.pages[0].get_contents().get_data()
    assert b"2 Tr" in content and b"0 Tr" in content


def _corpus() -> str:
    pieces = ["他说：“好！”", "（一）", "《条例》、", "“两个维护”。", "12.5%，", "GDP增长", "2.0版本；",
              "——", "……", "！？", "【注】", "‘引’", "·", "例如：", "国家", "发展", "(注)", "[1]", "改革。"]
    out = []
    for k in range(400):
        out.append(pieces[(k * 7 + k // 3) % len(pieces)])
        out.append("国" * (k % 5))
    return "".join(out)


def test_no_line_starts_or_ends_with_a_forbidden_mark(tmp_path):
    report = Report(preamble=_corpus() + "\n" + _corpus()[3:] + "\n" + _corpus()[7:])
    path = tmp_path / "corpus.pdf"
    export_pdf(report, path, deterministic=True)
    with pdfplumber.open(path) as pdf:
        total = 0
        for page in pdf.pages:
            for _y, _size, chars in body_rows(page):
                text = text_of(chars).strip()
                if chars[0]["x0"] < g.BLOCK_LEFT + g.CELL:  # not a paragraph's first line
                    assert text[0] not in NO_START, text
                assert text[-1] not in NO_END, text
                assert chars[-1]["x1"] <= g.BLOCK_RIGHT + 0.5
                total += 1
        assert total > 40
        extracted = "".join(text_of(c) for p in pdf.pages for y, s, c in body_rows(p))
    for run in ("12.5%", "GDP", "2.0", "——", "……"):
        assert extracted.count(run) == report.preamble.count(run)


def test_markup_characters_print_as_typed(tmp_path):
    text = "<b>粗体</b> & &amp; \"双引号\" '单引号' \\反斜杠\\n <font size=30>大</font> %s {x}"
    path = tmp_path / "markup.pdf"
    export_pdf(Report(title="标题<i>&", preamble=text), path, deterministic=True)
    with pdfplumber.open(path) as pdf:
        got = "".join(text_of(c) for y, s, c in pdf_lines(pdf.pages[0]) if s == 16.0)
    assert got.replace(" ", "") == text.replace(" ", "")
    assert pypdf.PdfReader(path).metadata.title == "标题<i>&"


def test_rare_characters_are_drawn_from_a_fallback_or_reported(tmp_path):
    path = tmp_path / "rare.pdf"
    result = export_pdf(Report(preamble="朱镕基同志，𠮷祥如意。"), path, deterministic=True)
    assert [m.char for m in result.missing] == ["𠮷"]
    assert any("U+20BB7" in w for w in result.warnings)
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        chars = [c for c in page.chars if c["size"] == 16.0]
        assert "".join(c["text"] for c in chars) == "朱镕基同志，𠮷祥如意。"
        rong = next(c for c in chars if c["text"] == "镕")
        zhu = next(c for c in chars if c["text"] == "朱")
        assert rong["fontname"] != zhu["fontname"]  # drawn from the fallback font
        ji = next(c for c in chars if c["text"] == "𠮷")
        boxes = [r for r in page.rects if abs(r["x0"] - ji["x0"]) < 0.5]
        assert boxes, "a character no font has is marked on the page"


def test_builtin_font_only_still_exports(tmp_path):
    from export.fonts import resolve

    path = tmp_path / "builtin.pdf"
    result = export_pdf(sample_report(), path, deterministic=True, fonts=resolve([]))
    assert result.pages >= 2
    assert any("STSong-Light" in w for w in result.warnings)
    with pdfplumber.open(path) as pdf:
        assert "履职情况" in pdf.pages[0].extract_text()


def test_failed_export_keeps_the_previous_file(tmp_path, monkeypatch):
    path = tmp_path / "out.pdf"
    path.write_bytes(b"previous")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)  # the disk fills up while writing
    with pytest.raises(ExportError, match="磁盘空间不足"):
        export_pdf(Report(preamble="正文。"), path)
    assert path.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["out.pdf"]  # no temp file left


def test_unwritable_targets_raise_a_clear_error(tmp_path):
    with pytest.raises(ExportError, match="保存位置不存在"):
        export_pdf(Report(preamble="正文。"), tmp_path / "no" / "such" / "x.pdf")
    with pytest.raises(ExportError, match="文件夹"):
        export_pdf(Report(preamble="正文。"), tmp_path)
    if os.name == "posix" and os.geteuid() != 0:
        locked = tmp_path / "locked"
        locked.mkdir()
        (locked / "x.pdf").write_bytes(b"old")
        locked.chmod(0o500)
        try:
            with pytest.raises(ExportError, match="没有写入权限"):
                export_pdf(Report(preamble="正文。"), locked / "x.pdf")
            assert (locked / "x.pdf").read_bytes() == b"old"
        finally:
            locked.chmod(0o700)


def test_signature_and_date_positions_in_the_pdf(tmp_path):
    path = tmp_path / "sig.pdf"
    report = Report(preamble="正文。", signature="中共某某市某某区委员会组织部", date=dt.date(2026, 11, 26))
    export_pdf(report, path, deterministic=True)
    with pdfplumber.open(path) as pdf:
        rows = body_rows(pdf.pages[0])
    texts = [text_of(c) for y, s, c in rows]
    assert texts == ["正文。", "中共某某市某某区委员会组织部", "2026年11月26日"]
    (y0, _, body), (y1, _, sig), (y2, _, date) = rows
    assert y0 - y1 == pytest.approx(2 * g.LINE_PITCH, abs=0.05)
    assert y1 - y2 == pytest.approx(g.LINE_PITCH, abs=0.05)
    assert sig[-1]["x1"] == pytest.approx(g.BLOCK_RIGHT - 2 * g.CELL, abs=0.5)
    assert date[0]["x0"] == pytest.approx(sig[0]["x0"] + 2 * g.CELL, abs=0.5)


def test_pure_chinese_lines_hold_28_characters(tmp_path):
    text = "党建引领基层治理推动高质量发展" * 40
    path = tmp_path / "pure.pdf"
    result = export_pdf(Report(preamble=text + "\n" + text[5:]), path, deterministic=True)
    with pdfplumber.open(path) as pdf:
        rows = [row for page in pdf.pages for row in body_rows(page)]
    last_lines = {id(ln) for p in result.layout.pages for ln in p.body_lines() if ln.is_last_of_paragraph}
    assert len(last_lines) == 2
    full = [chars for y, s, chars in rows if chars[-1]["x1"] > g.BLOCK_RIGHT - g.CELL]
    assert len(full) >= 40
    for chars in full:
        indented = chars[0]["x0"] > g.BLOCK_LEFT + g.CELL
        assert len(chars) == (26 if indented else 28)
        assert chars[-1]["x1"] == pytest.approx(g.BLOCK_RIGHT, abs=0.5)
        assert chars[0]["x0"] == pytest.approx(g.BLOCK_LEFT + (2 * g.CELL if indented else 0), abs=0.01)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_an_exported_file_can_be_read_by_others_as_a_saved_file_could(tmp_path):
    """The atomic write's temp file is owner-only; the PDF sent on by e-mail or a shared folder must not be."""
    import stat

    from export.backends.pdf import write_file

    target = tmp_path / "r.pdf"
    old = os.umask(0o022)
    try:
        write_file(b"%PDF-1.4\n", target, "PDF")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    target.chmod(0o600)  # the official made it private: a new export keeps that
    write_file(b"%PDF-1.4\n%again\n", target, "PDF")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
