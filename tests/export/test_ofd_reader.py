"""The OFD read back by an independent reader from PyPI, ofdkit (Apache-2.0, standard library only), against the PDF.

ofdkit reads the package as a viewer does: OFD.xml's DocRoot, the page list, each page's Content.xml, the
TextObject Boundary and CTM with the TextCode's X and Y, the DocInfo, and the text in its own reading order.
Two things its document API does not hand out are taken from its structural reading of the same parts
(``ofdkit.describe``: every XML part as ofdkit parsed it, text masked): each TextCode's DeltaX, checked
against the run width ofdkit computed from it, and the Font each TextObject names. ofdkit reads no font
files: they are fetched through its package reader (relative locations resolved as the standard says) and
opened with fontTools. tests/export/test_ofd.py keeps our own zipfile checks of the structure.

easyofd, the reader the issue names, is not used: ``import easyofd`` (and so ``easyofd.parser_ofd``) imports
PyMuPDF, which is AGPL and not allowed in this project (ofd2img is a copy of it). Of the other OFD packages on
PyPI, ofdreader 0.1.0 installs no module and reads text only, ofdparser registers simsun.ttc at import and fails
without it, and ofd2png ignores DeltaX.
"""

from __future__ import annotations

import importlib.util
import io

import ofdkit  # the test extra; a missing reader fails the suite rather than skipping it
import pdfplumber
import pytest
from fontTools.ttLib import TTFont
from ofdkit.describe import describe
from ofdkit.package import Package

from export.backends.ofd import export_ofd
from export.backends.pdf import export_pdf
from tests.export.handover import framed_report, plain_report

PT_PER_MM = 72 / 25.4


def _nodes(node: dict | None, tag: str):
    """The nodes of an ofdkit.describe tree with this local name, in document order."""
    if node is None:
        return
    if node["tag"] == tag:
        yield node
    for child in node.get("children", ()):
        yield from _nodes(child, tag)


def _one(node: dict, tag: str) -> dict:
    found = list(_nodes(node, tag))
    assert len(found) == 1, (tag, found)
    return found[0]


def read(path) -> dict:
    """What ofdkit sees: pages of glyphs (char, x pt, baseline pt from the top, Font ID), text, fonts by ID."""
    structure = describe(path)
    parts = structure["xml"]
    with ofdkit.open(path) as doc, Package(path) as package:
        doc_root = package.resolve("OFD.xml", _one(parts["OFD.xml"]["root"], "DocRoot")["text"])
        res_path = package.resolve(doc_root, _one(parts[doc_root]["root"], "PublicRes")["text"])
        res = parts[res_path]["root"]
        base = res.get("attrs", {}).get("BaseLoc", "")
        fonts = {}
        for font in _nodes(res, "Font"):
            file = list(_nodes(font, "FontFile"))
            location = package.resolve(res_path, f"{base}/{file[0]['text']}") if file else None
            fonts[font["attrs"]["ID"]] = package.read(location) if location else None
        pages = []
        for page in doc.pages:
            objects = {n["attrs"]["ID"]: n for n in _nodes(parts[page.location]["root"], "TextObject")}
            glyphs = []
            for run in page.runs:
                obj = objects[run.object_id]
                deltas = [float(v) for v in _one(obj, "TextCode")["attrs"].get("DeltaX", "").split()]
                assert len(deltas) == len(run.text) - 1, run  # one step per glyph, no "g" shorthand
                # ofdkit's width is the DeltaX it parsed plus a nominal advance (1 or 1/2 em) for the last glyph:
                # the steps read here are the ones the reader applied
                last = run.width - sum(deltas)
                assert min(abs(last - run.size), abs(last - run.size / 2)) < 1e-6, run
                x = run.x
                for k, ch in enumerate(run.text):
                    glyphs.append((ch, x * PT_PER_MM, run.y * PT_PER_MM, obj["attrs"]["Font"]))
                    x += deltas[k] if k < len(deltas) else 0.0
            pages.append({"text": page.text(), "glyphs": glyphs, "box": page.box})
        return {"structure": structure, "info": doc.info, "warnings": list(doc.warnings), "pages": pages,
                "fonts": fonts}


@pytest.fixture(scope="module", params=["plain", "framed"])
def pair(request, tmp_path_factory):
    report = plain_report() if request.param == "plain" else framed_report()
    out = tmp_path_factory.mktemp("ofdkit")
    export_pdf(report, out / "r.pdf", deterministic=True)
    export_ofd(report, out / "r.ofd")
    return report, out / "r.pdf", read(out / "r.ofd")


def test_the_reader_reads_every_part_as_written(pair):
    _report, pdf_path, data = pair
    assert data["warnings"] == []
    for name, part in data["structure"]["xml"].items():
        assert "error" not in part and part["needed_repair"] is False, name  # strict XML, nothing repaired
        assert part["root"].get("ns") == "http://www.ofdspec.org/2016", name
    with pdfplumber.open(pdf_path) as pdf:
        assert len(data["pages"]) == len(pdf.pages) > 1
    assert all(page["box"] == (0.0, 0.0, 210.0, 297.0) for page in data["pages"])


def test_metadata(pair):
    report, _pdf, data = pair
    info = data["info"]
    assert (info.title, info.author, info.creator) == (report.title, report.signature, "Tianbao")
    assert len(info.creation_date) == 10 and info.creation_date[4] == "-"


def test_every_pages_text_equals_the_pdfs(pair):
    _report, pdf_path, data = pair
    with pdfplumber.open(pdf_path) as pdf:
        for page, mine in zip(pdf.pages, data["pages"], strict=True):
            theirs = "".join(c["text"] for c in page.chars if not c["text"].isspace())
            assert theirs and "".join(mine["text"].split()) == theirs  # ofdkit's reading order, the PDF's drawing order


def test_every_glyph_within_half_a_point_of_the_pdfs(pair):
    _report, pdf_path, data = pair
    with pdfplumber.open(pdf_path) as pdf:
        for page, mine in zip(pdf.pages, data["pages"], strict=True):
            theirs = [c for c in page.chars if not c["text"].isspace()]
            ours = [gl for gl in mine["glyphs"] if not gl[0].isspace()]
            assert [c["text"] for c in theirs] == [gl[0] for gl in ours]
            for c, (ch, x, baseline, _font) in zip(theirs, ours, strict=True):
                pdf_baseline = page.height - c["matrix"][5]
                assert abs(c["x0"] - x) < 0.5 and abs(pdf_baseline - baseline) < 0.5, (ch, c["x0"], x, baseline)


def test_every_font_the_text_names_is_embedded_with_its_glyphs(pair):
    _report, _pdf, data = pair
    used: dict[str, set[str]] = {}
    for page in data["pages"]:
        for ch, _x, _y, font in page["glyphs"]:
            used.setdefault(font, set()).add(ch)
    assert len(used) >= 2  # 仿宋 body, 黑体 headings at least
    for font_id, chars in used.items():
        blob = data["fonts"][font_id]
        assert blob, font_id  # a FontFile the reader finds in the package, not a name left to the viewer
        face = TTFont(io.BytesIO(blob))
        assert "glyf" in face  # TrueType outlines
        cmap = face.getBestCmap()
        assert all(ord(ch) in cmap for ch in chars if not ch.isspace())
        assert len(cmap) < 2000  # a subset, not the whole face


def test_the_test_tools_bring_no_pymupdf():
    """The test extra must not pull PyMuPDF in (AGPL), as easyofd and ofd2img would."""
    assert importlib.util.find_spec("fitz") is None and importlib.util.find_spec("pymupdf") is None
