"""export.sfnt reads what fontTools reads: every installed face indexes the same either way; anything it does
not read itself (a damaged or unusual file) is read by fontTools, which decides as before."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from fontTools.ttLib import TTCollection, TTFont

from export import fontindex, sfnt
from tests.conftest import ROOT
from tests.export.test_fonts import _tiny_ttf, needs_debian_fonts

INSTALLED = sorted({p for ext in ("ttf", "ttc", "otf") for p in Path("/usr/share/fonts").rglob(f"*.{ext}")})


def _by_fonttools(path: Path) -> list[tuple]:
    fonts = TTCollection(str(path), lazy=True).fonts if path.suffix == ".ttc" else [TTFont(str(path), lazy=True)]
    return [fontindex.read_face(f, str(path), i, f"k{i}", always_cmap=True) for i, f in enumerate(fonts)]


def _by_sfnt(path: Path) -> list[tuple]:
    with open(path, "rb") as fh:  # no fallback here: this must read the file itself
        return [fontindex.read_face(f, str(path), i, f"k{i}", always_cmap=True)
                for i, f in enumerate(sfnt.open_faces(fh))]


def _same(a: list[tuple], b: list[tuple]) -> None:
    assert [info for info, _ in a] == [info for info, _ in b]
    for (_, fa), (_, fb) in zip(a, b, strict=True):
        assert (fa is None) == (fb is None)
        if fa is not None:
            assert fa[0] == fb[0] and fa[2] == fb[2] and bytes(fa[1][0]) == bytes(fb[1][0]) and fa[1][1:] == fb[1][1:]


@needs_debian_fonts
@pytest.mark.parametrize("path", INSTALLED, ids=lambda p: p.name)
def test_installed_faces_index_as_with_fonttools(path):
    _same(_by_sfnt(path), _by_fonttools(path))


@pytest.mark.parametrize("kind", ["plain", "legacy_cmap", "no_embedding", "bad_ps_name"])
def test_built_faces_index_as_with_fonttools(tmp_path, kind):
    path = tmp_path / "t.ttf"
    _tiny_ttf(path, "Tiny Test", "中华人民", legacy_cmap=kind == "legacy_cmap", fs_type=0x0002 if kind == "no_embedding" else 0,
              ps_name="Bad Name(1)" if kind == "bad_ps_name" else None)
    _same(_by_sfnt(path), _by_fonttools(path))


def test_unusual_files_go_to_fonttools_and_damaged_ones_are_skipped(tmp_path):
    path = tmp_path / "t.ttf"
    _tiny_ttf(path, "Tiny Test", "中华")
    data = path.read_bytes()
    with open(path, "rb") as fh:
        assert sfnt.open_faces(fh)[0]["OS/2"].usWeightClass == 400
    cut = tmp_path / "cut.ttf"
    cut.write_bytes(data[: len(data) // 2])  # tables past the end: fontTools' answer (skipped)
    with open(cut, "rb") as fh, pytest.raises(sfnt.Unusual):
        for face in sfnt.open_faces(fh):
            [face.table(tag) for tag in face.tables]
    assert fontindex._scan_file(str(cut), 0, len(data) // 2) == []
    assert [f.en for f in fontindex._scan_file(str(path), 0, len(data))] == ["Tiny Test"]


def test_indexing_installed_fonts_imports_no_fonttools(tmp_path):
    """The point of export.sfnt: a first index of plain fonts never imports fontTools' ttLib."""
    code = ("import sys; from export import fontindex; idx = fontindex.load_index();"
            "print(len(idx.faces), 'fontTools.ttLib' in sys.modules)")
    env = {"TIANBAO_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    count, imported = out.stdout.split()
    assert int(count) > 0 and imported == "False"


def test_best_cmap_preference_is_fonttools():
    from fontTools.ttLib.tables._c_m_a_p import table__c_m_a_p

    from export import glyphbox

    assert glyphbox.BEST_CMAPS == table__c_m_a_p.getBestCmap.__defaults__[0]


@needs_debian_fonts
@pytest.mark.parametrize("path", INSTALLED, ids=lambda p: p.name)
def test_ink_boxes_read_plainly_are_fonttools(path):
    from export import glyphbox

    count = len(TTCollection(str(path), lazy=True).fonts) if path.suffix == ".ttc" else 1
    for index in range(count):
        try:
            plain = glyphbox._read_plain(str(path), index)
        except sfnt.Unusual:
            continue  # e.g. a composite mark: fontTools reads it (test_cmap_lookup compares _read with fontTools)
        assert plain == glyphbox._read_fonttools(str(path), index)


@needs_debian_fonts
def test_first_export_imports_no_fonttools_table_reader(tmp_path):
    """Neither the index, the widths nor the ink boxes of a first export need fontTools' ttLib (~15 ms)."""
    from models.store import Store
    from tests.export.sample import sample_report

    store = Store(tmp_path / "r.db")
    rid = store.create(sample_report())
    store.close()
    env = dict(os.environ, TIANBAO_CACHE_DIR=str(tmp_path / "cache"))
    out = subprocess.run([sys.executable, "-X", "importtime", str(ROOT / "main.py"), "export", str(rid), "-o",
                          str(tmp_path / "r.pdf"), "--db", str(tmp_path / "r.db")], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr[-800:]
    assert "| reportlab.pdfbase.ttfonts" in out.stderr  # the import log is there
    assert "fontTools.ttLib" not in out.stderr
