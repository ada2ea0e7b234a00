"""The OFD package opened with zipfile and ElementTree: the structure GB/T 33190 requires, metadata, fake bold,
colours and rules, errors.

Text, glyph positions and embedded fonts are read back by an independent reader from PyPI and compared with
the PDF in tests/export/test_ofd_reader.py.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile

import pytest

from export.backends.ofd import export_ofd
from tests.export.handover import framed_report, plain_report

NS = {"ofd": "http://www.ofdspec.org/2016"}
PT_PER_MM = 72 / 25.4


def _floats(text: str) -> list[float]:
    return [float(v) for v in text.split()]


def _deltas(text: str | None, n: int) -> list[float]:
    """DeltaX with the g (repeat) shorthand of GB/T 33190 expanded."""
    if not text:
        return [0.0] * (n - 1)
    parts, out = text.split(), []
    k = 0
    while k < len(parts):
        if parts[k] == "g":
            out += [float(parts[k + 2])] * int(parts[k + 1])
            k += 3
        else:
            out.append(float(parts[k]))
            k += 1
    return out


def read_ofd(path) -> dict:
    """{"root": …, "pages": [[(char, x_pt, baseline_pt_from_top, font_id)…]…], "fonts": {id: bytes}, "info": {…}}."""
    z = zipfile.ZipFile(path)
    ofd = ET.fromstring(z.read("OFD.xml"))
    body = ofd.find("ofd:DocBody", NS)
    info = {child.tag.split("}")[1]: child.text for child in body.find("ofd:DocInfo", NS)}
    root = body.find("ofd:DocRoot", NS).text
    base = root.rsplit("/", 1)[0]
    doc = ET.fromstring(z.read(root))
    box = _floats(doc.find("ofd:CommonData/ofd:PageArea/ofd:PhysicalBox", NS).text)
    res_name = doc.find("ofd:CommonData/ofd:PublicRes", NS).text
    res = ET.fromstring(z.read(f"{base}/{res_name}"))
    fonts = {}
    for font in res.iter(f"{{{NS['ofd']}}}Font"):
        file = font.find("ofd:FontFile", NS)
        fonts[font.get("ID")] = z.read(f"{base}/{res.get('BaseLoc')}/{file.text}") if file is not None else None
    pages = []
    for page in doc.find("ofd:Pages", NS):
        content = ET.fromstring(z.read(f"{base}/{page.get('BaseLoc')}"))
        glyphs = []
        for obj in content.iter(f"{{{NS['ofd']}}}TextObject"):
            bx, by, _bw, _bh = _floats(obj.get("Boundary"))
            for code in obj.findall("ofd:TextCode", NS):
                text = code.text or ""
                x = bx + float(code.get("X"))
                y = by + float(code.get("Y"))
                steps = _deltas(code.get("DeltaX"), len(text))
                for k, ch in enumerate(text):
                    glyphs.append((ch, x * PT_PER_MM, y * PT_PER_MM, obj.get("Font"), obj.get("Stroke") == "true"))
                    if k < len(steps):
                        x += steps[k]
        rules = [obj for obj in content.iter(f"{{{NS['ofd']}}}PathObject")]
        pages.append({"glyphs": glyphs, "paths": rules})
    return {"names": z.namelist(), "box": box, "pages": pages, "fonts": fonts, "info": info}


@pytest.fixture(scope="module", params=["plain", "framed"])
def exported(request, tmp_path_factory):
    report = plain_report() if request.param == "plain" else framed_report()
    out = tmp_path_factory.mktemp("ofd")
    result = export_ofd(report, out / "r.ofd")
    return report, out / "r.ofd", result


def test_package_structure(exported):
    _report, ofd, result = exported
    with zipfile.ZipFile(ofd) as z:
        assert z.testzip() is None
        names = z.namelist()
        assert "OFD.xml" in names
        root = ET.fromstring(z.read("OFD.xml"))
        assert root.tag == "{http://www.ofdspec.org/2016}OFD" and root.get("DocType") == "OFD"
        assert root.get("Version") == "1.0"
        doc_root = root.find("ofd:DocBody/ofd:DocRoot", NS).text
        assert doc_root in names
        doc = ET.fromstring(z.read(doc_root))
        max_id = int(doc.find("ofd:CommonData/ofd:MaxUnitID", NS).text)
        ids = [int(m) for name in names if name.endswith(".xml") for m in re.findall(rb' ID="(\d+)"', z.read(name))]
        assert len(ids) == len(set(ids)) and max(ids) == max_id  # IDs unique in the package, MaxUnitID right
    data = read_ofd(ofd)
    assert [round(v) for v in data["box"]] == [0, 0, 210, 297]
    assert len(data["pages"]) == result.pages


def test_metadata(exported):
    report, ofd, _result = exported
    info = read_ofd(ofd)["info"]
    assert info["Title"] == report.title and info["Author"] == report.signature
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", info["CreationDate"]) and info["Creator"] == "Tianbao"


def test_fake_bold_leads_are_stroked(exported):
    report, ofd, _result = exported
    data = read_ofd(ofd)
    bold = "".join(gl[0] for page in data["pages"] for gl in page["glyphs"] if gl[4])
    assert "一是学用结合还不够紧密。" in bold and "有的同志" not in bold


def test_colour_and_rules_of_the_layout_are_drawn(tmp_path):
    """The 版头's red glyphs and the red rule and 版记 lines come from the Layout: OFD draws whatever it holds."""
    from export import geometry as g
    from export.backends.ofd import draw
    from export.layout import RED, Rule, layout_report

    layout = layout_report(plain_report())
    first = layout.pages[0]
    for gl in first.lines[0].glyphs:
        gl.color = RED
    first.rules.append(Rule(g.BLOCK_LEFT, g.BLOCK_RIGHT, 500.0, 1.0, RED))
    first.rules.append(Rule(g.BLOCK_LEFT, g.BLOCK_RIGHT, g.BLOCK_BOTTOM, 0.99, None))
    path = tmp_path / "c.ofd"
    path.write_bytes(draw(layout, "标题", "署名"))
    with zipfile.ZipFile(path) as z:
        page = ET.fromstring(z.read("Doc_0/Pages/Page_0/Content.xml"))
    red = [o for o in page.iter(f"{{{NS['ofd']}}}TextObject") if o.find("ofd:FillColor", NS) is not None]
    assert "".join(o.find("ofd:TextCode", NS).text for o in red) == first.lines[0].text
    assert all(o.find("ofd:FillColor", NS).get("Value") == "255 0 0" for o in red)
    paths = list(page.iter(f"{{{NS['ofd']}}}PathObject"))
    assert [p.find("ofd:StrokeColor", NS).get("Value") for p in paths] == ["255 0 0", "0 0 0"]
    for p, (y, width) in zip(paths, ((500.0, 1.0), (g.BLOCK_BOTTOM, 0.99)), strict=True):
        bx, by, bw, bh = _floats(p.get("Boundary"))
        move = _floats(p.find("ofd:AbbreviatedData", NS).text.replace("M", "").replace("L", ""))
        assert abs((by + move[1]) * PT_PER_MM - (g.PAGE_HEIGHT - y)) < 0.05  # the stroke's centre where the Rule is
        assert abs(float(p.get("LineWidth")) * PT_PER_MM - width) < 0.01
        assert abs(move[2] - move[0] - (g.BLOCK_RIGHT - g.BLOCK_LEFT) / PT_PER_MM) < 0.01


def test_a_font_file_damaged_since_it_was_indexed_fails_before_anything_is_written(tmp_path):
    """draw() meets the damaged file (render_ofd_bytes turns the error into one Chinese message)."""
    import dataclasses

    from fontTools.ttLib import TTLibError

    from export.backends.ofd import draw
    from export.layout import layout_report

    layout = layout_report(plain_report())
    name, face = next((n, f) for n, f in layout.fonts.items() if f.path)
    damaged = tmp_path / "damaged.ttf"
    damaged.write_bytes(open(face.path, "rb").read(4096))  # noqa: SIM115 - the head of the real font, cut off
    layout.fonts[name] = dataclasses.replace(face, path=str(damaged))
    with pytest.raises(TTLibError):  # caught with OSError in render_ofd_bytes
        draw(layout, "标题", "署名")
