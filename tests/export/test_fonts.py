"""Font discovery, role resolution, fallback chains and the on-disk index, on real font files."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from export import fontindex, fonts
from export.fonts import ROLES, FontFace, get_fontset, resolve

TT = Path("/usr/share/fonts/truetype")
SUNG = TT / "arphic-gbsn00lp" / "gbsn00lp.ttf"
KAI = TT / "arphic-gkai00mp" / "gkai00mp.ttf"
WQY = TT / "wqy" / "wqy-microhei.ttc"
CWFS = TT / "cwtex" / "cwfs.ttf"
DEJAVU = TT / "dejavu" / "DejaVuSans.ttf"
CFF_OTF = Path("/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf")
DEBIAN_FONTS = (SUNG, KAI, WQY, CWFS)

needs_debian_fonts = pytest.mark.skipif(not all(p.exists() for p in DEBIAN_FONTS),
                                        reason="Debian open CJK fonts not installed")


# ---------------------------------------------------------------- this machine

@needs_debian_fonts
def test_roles_resolve_to_nearest_open_fonts():
    fs = get_fontset()
    assert not fs.builtin_only
    assert fs.face("title").family == "AR PL SungtiL GB"
    assert fs.face("body").family == "AR PL SungtiL GB"
    assert fs.face("heading1").family == "WenQuanYi Micro Hei"
    assert fs.face("heading2").family == "AR PL KaitiM GB"
    assert fs.face("pagenum").family == "AR PL SungtiL GB"
    for role in ROLES:
        chain = fs.chain(role)
        assert chain[0] == fs.face(role)
        assert len({f.rl_name for f in chain}) == len(chain)
        assert all(f.path for f in chain)
    labels = [s.split("：")[0] for s in fs.substitutions]
    assert labels == ["标题", "正文", "一级标题", "二级标题", "页码"]
    body = next(s for s in fs.substitutions if s.startswith("正文"))
    assert "仿宋" in body and "AR PL SungtiL GB" in body and "cwTeXFangSong" in body


@needs_debian_fonts
def test_partial_fangsong_only_fills_gaps_in_body_chain():
    fs = get_fontset()
    names = [f.family for f in fs.chain("body")]
    assert names.index("cwTeXFangSong") == 1  # right after the full-coverage primary


@needs_debian_fonts
def test_ttc_face_is_the_simplified_chinese_regular_one():
    face = get_fontset().face("heading1")
    assert Path(face.path) == WQY and face.index == 0  # not the Mono face at index 1


@needs_debian_fonts
def test_character_missing_from_cwtex_falls_back():
    index = fontindex.load_index()
    fs = resolve(index.faces, min_coverage=0.0)  # accept the partial face as body primary
    assert fs.face("body").family == "cwTeXFangSong"
    assert not fs.face("body").has("专")
    assert fs.font_for("body", "专").family == "AR PL SungtiL GB"
    assert fs.font_for("body", "党").family == "cwTeXFangSong"
    assert fs.substitutions[1].startswith("正文：未安装仿宋_GB2312/仿宋，使用 cwTeXFangSong 代替")


@needs_debian_fonts
def test_sample_text_fully_covered_by_body_face(sample_text):
    fs = get_fontset()
    chars = {c for c in sample_text if not c.isspace()}
    assert all(fs.face("body").has(c) for c in chars)
    assert all(fs.font_for("body", c) == fs.face("body") for c in chars)


@needs_debian_fonts
def test_rare_and_unassigned_characters():
    fs = get_fontset()
    for role in ROLES:
        assert fs.font_for(role, "\U0010FFFD") is None  # private use plane 16: nobody has it
    rong = fs.font_for("body", "镕")  # not in GB 2312: comes from a fallback face
    assert rong is not None and rong.has("镕") and rong != fs.face("body")
    jie = fs.font_for("body", "𠮷")
    assert jie is None or jie.has("𠮷")


@needs_debian_fonts
def test_advance_widths_from_hmtx():
    fs = get_fontset()
    song = fs.face("body")
    assert song.advance("中", 16) == pytest.approx(16.0)
    assert song.advance("a", 16) == pytest.approx(8.0)  # 512/1024 em
    cw = next(f for f in fs.chain("body") if f.family == "cwTeXFangSong")
    assert cw.advance("中", 16) == pytest.approx(16 * 920 / 1000)


# ---------------------------------------------------------------- private font folders

def test_empty_font_folder_falls_back_to_builtin_stsong(font_dir, tmp_path):
    fs = get_fontset()
    assert fs.builtin_only
    for role in ROLES:
        face = fs.face(role)
        assert face.rl_name == "STSong-Light" and face.path == ""
    assert len(fs.substitutions) == 1 and "未嵌入" in fs.substitutions[0]
    assert fs.font_for("body", "中") == fs.face("body")
    assert fs.font_for("body", "\u3000") == fs.face("body")  # ideographic space is drawable
    assert fs.font_for("body", "𠮷") is None  # beyond GBK: reported as missing
    assert fs.font_for("body", "\U0010FFFD") is None
    assert fs.face("body").advance("中", 16) == pytest.approx(16.0)
    assert fs.face("body").advance("1", 16) == pytest.approx(16 * 462 / 1000)
    fs.register()
    import pdfplumber
    from reportlab.pdfbase import pdfmetrics

    assert "STSong-Light" in pdfmetrics.getRegisteredFontNames()
    out = tmp_path / "builtin.pdf"
    _one_line_pdf(out, "STSong-Light", "全面从严治党 2026年")
    with pdfplumber.open(out) as pdf:
        assert pdf.pages[0].extract_text() == "全面从严治党 2026年"


@needs_debian_fonts
def test_single_open_font_serves_every_role(font_dir):
    shutil.copy(KAI, font_dir)
    fs = get_fontset()
    assert not fs.builtin_only
    for role in ROLES:
        assert fs.face(role).family == "AR PL KaitiM GB"
        assert Path(fs.face(role).path).parent == font_dir
    assert len(fs.substitutions) == 5  # an open Kai face is still a substitute for 楷体
    assert "二级标题：未安装楷体_GB2312/楷体，使用 AR PL KaitiM GB（文鼎ＰＬ简中楷）代替" in fs.substitutions
    assert all(fs.substituted(role) for role in ROLES)


@needs_debian_fonts
def test_index_cached_on_disk_and_reused(font_dir):
    shutil.copy(KAI, font_dir)
    before = fontindex.scan_count
    first = fontindex.load_index()
    assert first.scanned == 1 and fontindex.scan_count == before + 1
    assert fontindex.index_path().exists()
    assert not list((fontindex.font_cache_dir() / "metrics").glob("*.bin"))  # made when a face is first measured
    second = fontindex.load_index()
    assert second.scanned == 0 and fontindex.scan_count == before + 1
    assert second.faces == first.faces
    fs = get_fontset(refresh=True)
    assert fontindex.scan_count == before + 1  # the font set was built from the cached index
    assert fs.face("body").has("中")
    assert [p.stem for p in (fontindex.font_cache_dir() / "metrics").glob("*.bin")] == [fs.face("body").key]
    # A changed file is parsed again, the others are not.
    copied = font_dir / KAI.name
    st = copied.stat()
    os.utime(copied, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    assert fontindex.load_index().scanned == 1


def test_process_cache_returns_same_set(font_dir):
    assert get_fontset() is get_fontset()
    assert get_fontset(refresh=True) is not None


@needs_debian_fonts
def test_cff_and_broken_files_are_skipped(font_dir):
    shutil.copy(SUNG, font_dir)
    if CFF_OTF.exists():
        shutil.copy(CFF_OTF, font_dir)
    (font_dir / "broken.ttf").write_bytes(b"\x00\x01\x00\x00garbage" * 10)
    (font_dir / "empty.ttc").write_bytes(b"")
    index = fontindex.load_index()
    by_name = {Path(f.path).name: f for f in index.faces}
    assert "broken.ttf" not in by_name and "empty.ttc" not in by_name
    if CFF_OTF.exists():
        assert not by_name[CFF_OTF.name].glyf
    fs = get_fontset()
    for role in ROLES:
        assert all(f.path.endswith(".ttf") and "Nimbus" not in f.family for f in fs.chain(role))


@needs_debian_fonts
def test_ttc_without_known_name_uses_simplified_chinese_face(font_dir):
    from fontTools.ttLib import TTCollection, TTFont

    coll = TTCollection()
    coll.fonts = [TTFont(str(DEJAVU)), TTFont(str(KAI))]
    coll.save(str(font_dir / "mixed.ttc"))
    index = fontindex.load_index()
    assert [f.index for f in index.faces if f.cjk] == [1]
    fs = get_fontset()
    assert fs.face("body").index == 1 and fs.face("body").family == "AR PL KaitiM GB"
    assert [f.index for f in fs.chain("body")] == [1]  # a TTC lends one face: its Chinese one


def test_search_dirs_env_replaces_system_folders(tmp_path, monkeypatch):
    a, b = tmp_path / "a", tmp_path / "b"
    monkeypatch.setenv(fontindex.ENV_DIRS, os.pathsep.join([str(a), str(b)]))
    assert fontindex.search_dirs() == [a, b]
    assert fontindex.font_files() == []
    monkeypatch.setenv(fontindex.ENV_DIRS, "")
    assert fontindex.search_dirs() == []


# ---------------------------------------------------------------- reportlab

@needs_debian_fonts
def test_register_makes_reportlab_know_faces_and_text_extracts(font_dir, tmp_path):
    import pdfplumber
    from reportlab.pdfbase import pdfmetrics

    shutil.copy(SUNG, font_dir)
    fs = get_fontset()
    fs.register()
    fs.register()  # idempotent
    names = pdfmetrics.getRegisteredFontNames()
    assert all(f.rl_name in names for role in ROLES for f in fs.chain(role))
    out = tmp_path / "t.pdf"
    _one_line_pdf(out, fs.face("body").rl_name, "全面从严治党")
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        assert page.extract_text() == "全面从严治党"
        assert all(ch["fontname"].endswith("BousungEG-Light-GB") for ch in page.chars)


def test_fontface_is_hashable_value():
    a = FontFace("x", "/p", 0, "TB-x", key="k1")
    b = FontFace("x", "/p", 0, "TB-x", key="k2")
    assert a == b and hash(a) == hash(b)
    assert fonts.ROLES == ("title", "body", "heading1", "heading2", "pagenum")


@needs_debian_fonts
def test_reportlab_parse_cache_gives_identical_pdf(font_dir, tmp_path):
    """The pickled reportlab state must draw exactly what a fresh parse draws."""

    from export import rlcache

    shutil.copy(KAI, font_dir)
    face = get_fontset().face("heading2")

    def draw(name: str) -> bytes:
        font = rlcache.load_ttfont(face.rl_name, face.path, face.index, face.key)
        from reportlab.pdfbase import pdfmetrics

        pdfmetrics.registerFont(font)
        out = tmp_path / f"{name}.pdf"
        _one_line_pdf(out, font.fontName, "（一）加强政治建设 abc 123")
        return out.read_bytes()

    parsed = dict(rlcache.stats)
    fresh = draw("A")
    assert rlcache.stats["parsed"] == parsed["parsed"] + 1
    cached = draw("B")
    assert rlcache.stats["restored"] == parsed["restored"] + 1
    assert cached == fresh


@needs_debian_fonts
def test_cached_widths_and_metrics_are_compact_and_equal_to_a_parse(font_dir):
    """The preview worker keeps a restored font's widths and metrics as arrays, not dicts of every code
    (memory): each lookup reportlab makes answers what a fresh parse answers."""
    from reportlab.pdfbase.ttfonts import TTFont

    from export import rlcache

    shutil.copy(WQY, font_dir)
    face = get_fontset().face("heading1")
    rlcache.load_ttfont(face.rl_name, face.path, face.index, face.key)  # parsed, then saved
    restored = rlcache.load_ttfont(face.rl_name, face.path, face.index, face.key).face
    fresh = TTFont("fresh", face.path, subfontIndex=face.index).face
    assert isinstance(restored.charWidths, rlcache._Widths) and isinstance(restored.hmetrics, rlcache._Pairs)
    assert len(restored.charWidths) == len(fresh.charWidths)
    assert all(restored.charWidths[c] == w for c, w in fresh.charWidths.items())
    assert restored.charWidths.get(0x10FFFF, -1) == -1 and 0x10FFFF not in restored.charWidths
    assert [restored.hmetrics[g] for g in range(len(fresh.hmetrics))] == fresh.hmetrics
    restored.charWidths[0xF000] = 123  # reportlab's shaping adds private codes
    assert restored.charWidths.get(0xF000) == 123 and 0xF000 in restored.charWidths


@needs_debian_fonts
def test_restored_font_reads_its_file_again_after_letting_its_bytes_go(font_dir, tmp_path):
    """The preview worker drops a restored face's file bytes between runs: the next PDF is the same, and a
    font file that changed size since is an error, not a wrong subset."""
    from reportlab.pdfbase import pdfmetrics

    from export import rlcache

    shutil.copy(KAI, font_dir)
    face = get_fontset().face("heading2")
    rlcache.load_ttfont(face.rl_name, face.path, face.index, face.key)  # parsed, then saved
    font = rlcache.load_ttfont("TB-dropped", face.path, face.index, face.key)
    pdfmetrics.registerFont(font)

    def draw(name: str) -> bytes:
        out = tmp_path / f"{name}.pdf"
        _one_line_pdf(out, font.fontName, "（二）加强作风建设 xyz 456")
        return out.read_bytes()

    first = draw("A")
    assert len(font.face._ttf_data) == os.path.getsize(face.path)  # read on demand
    rlcache.drop_font_bytes()
    assert "_tb_bytes" not in font.face.__dict__
    assert draw("B") == first
    rlcache.drop_font_bytes()
    with open(face.path, "ab") as fh:
        fh.write(b"\0" * 4)
    with pytest.raises(OSError):
        font.face._ttf_data  # noqa: B018 - reading it is the test


def _one_line_pdf(out: Path, font_name: str, text: str) -> None:
    """A one-page PDF at ``out`` with ``text`` in ``font_name`` at 16 pt (fonts registered by the caller)."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(out), invariant=1)
    c.setFont(font_name, 16)
    c.drawString(72, 720, text)
    c.save()


def _renamed(src: Path, en: str, zh: str):
    """A copy of a real font that calls itself `en` / `zh`, like a Windows system font."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(src))
    name = font["name"]
    name.names = [r for r in name.names if r.nameID not in (1, 4, 6, 16)]
    for nid, text in ((1, en), (4, en), (6, en.replace(" ", ""))):
        name.setName(text, nid, 3, 1, 0x409)
    name.setName(zh, 1, 3, 1, 0x804)
    name.setName(zh, 4, 3, 1, 0x804)
    return font


@needs_debian_fonts
def test_official_windows_faces_win_and_are_not_reported(font_dir):
    from fontTools.ttLib import TTCollection

    _renamed(SUNG, "FangSong", "仿宋").save(str(font_dir / "simfang.ttf"))
    coll = TTCollection()
    coll.fonts = [_renamed(KAI, "SimSun", "宋体"), _renamed(KAI, "NSimSun", "新宋体")]
    coll.save(str(font_dir / "simsun.ttc"))
    fs = get_fontset()
    assert fs.face("body").family == "仿宋" and not fs.substituted("body")
    assert fs.face("pagenum").family == "宋体" and fs.face("pagenum").index == 0
    assert fs.face("title").family == "宋体"  # a common alternative to 小标宋
    assert fs.substituted("title") and not fs.substituted("pagenum")
    labels = [s.split("：")[0] for s in fs.substitutions]
    assert labels == ["标题", "一级标题", "二级标题"]
    assert "标题：未安装方正小标宋简体，使用 宋体 代替" in fs.substitutions
    assert [f.family for f in fs.chain("heading2")][:2] == ["仿宋", "宋体"]


@needs_debian_fonts
def test_partial_face_alone_is_used_and_gaps_are_missing(font_dir):
    shutil.copy(CWFS, font_dir)
    fs = get_fontset()
    assert not fs.builtin_only
    assert fs.face("body").family == "cwTeXFangSong"
    assert fs.font_for("body", "党").family == "cwTeXFangSong"
    assert fs.font_for("body", "专") is None  # reported as missing by the layout, never blank


@needs_debian_fonts
def test_full_face_of_other_style_beats_partial_face_of_right_style(font_dir):
    shutil.copy(CWFS, font_dir)
    shutil.copy(WQY, font_dir)
    fs = get_fontset()
    assert fs.face("body").family == "WenQuanYi Micro Hei"
    assert [f.family for f in fs.chain("body")][:2] == ["WenQuanYi Micro Hei", "cwTeXFangSong"]
    body = next(s for s in fs.substitutions if s.startswith("正文"))
    assert "cwTeXFangSong 只含 4384/6763 个常用汉字" in body


def _fake_cff_cjk(path: Path, family: str, chars: str) -> None:
    """A small CFF-outline font naming itself like Noto CJK, with boxes for `chars`."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.t2CharStringPen import T2CharStringPen

    names = [".notdef"] + [f"uni{ord(c):04X}" for c in chars]
    fb = FontBuilder(1000, isTTF=False)
    fb.setupGlyphOrder(names)
    fb.setupCharacterMap({ord(c): f"uni{ord(c):04X}" for c in chars})
    strings = {}
    for name in names:
        pen = T2CharStringPen(1000, None)
        pen.moveTo((100, -80))
        pen.lineTo((900, -80))
        pen.curveTo((900, 300), (900, 500), (900, 800))
        pen.lineTo((100, 800))
        pen.closePath()
        strings[name] = pen.getCharString()
    fb.setupCFF(family.replace(" ", ""), {"FullName": family}, strings, {})
    fb.setupHorizontalMetrics({n: (1000, 100) for n in names})
    fb.setupHorizontalHeader(ascent=880, descent=-120)
    fb.setupNameTable({"familyName": family, "styleName": "Regular"})
    fb.setupOS2(ulCodePageRange1=1 << 18, usWeightClass=400)
    fb.setupPost()
    fb.save(str(path))


@needs_debian_fonts
def test_cff_chinese_face_is_reported_then_converted_and_used(font_dir, tmp_path):
    import pdfplumber

    from export import fontconvert

    shutil.copy(KAI, font_dir)
    _fake_cff_cjk(font_dir / "NotoSerifCJK.otf", "Noto Serif CJK SC", "中华人民共和国")
    fs = get_fontset()
    title = next(s for s in fs.substitutions if s.startswith("标题"))
    assert "已安装的 Noto Serif CJK SC 为 CFF 轮廓，需先转换为 TrueType" in title
    assert fs.convertible == []  # 7 hanzi do not make a Chinese font worth converting
    assert all("Noto" not in f.family for f in fs.chain("title"))

    (target,) = fontconvert.convert_pending(chinese_only=False)
    assert target.parent == fontindex.converted_path("x").parent
    fs = get_fontset(refresh=True)
    noto = next(f for f in fs.chain("title") if f.family == "Noto Serif CJK SC")
    assert Path(noto.path) == target and noto.has("中") and not noto.has("党")
    title = next(s for s in fs.substitutions if s.startswith("标题"))
    assert "CFF" not in title and "Noto Serif CJK SC 只含 7/6763" in title
    assert fontconvert.convertible(fontindex.load_index().faces, chinese_only=False) == []

    fs.register([noto])
    out = tmp_path / "cff.pdf"
    _one_line_pdf(out, noto.rl_name, "中华人民共和国")
    with pdfplumber.open(out) as pdf:
        assert pdf.pages[0].extract_text() == "中华人民共和国"


@needs_debian_fonts
def test_cache_files_of_removed_fonts_are_pruned(font_dir):
    shutil.copy(KAI, font_dir)
    shutil.copy(SUNG, font_dir)
    fs = get_fontset()
    fs.register([fs.face("body")])
    assert fs.face("body").has("中") and fs.face("heading2").has("中")  # both measured: both widths cached
    metrics = fontindex.font_cache_dir() / "metrics"
    assert len(list(metrics.glob("*.bin"))) == 2
    assert len(list((fontindex.font_cache_dir() / "reportlab").glob("*.pickle"))) == 1
    (font_dir / SUNG.name).unlink()
    index = fontindex.load_index()
    assert [f.en for f in index.faces] == ["AR PL KaitiM GB"] and index.scanned == 0
    assert [p.stem for p in metrics.glob("*.bin")] == [index.faces[0].key]
    assert not list((fontindex.font_cache_dir() / "reportlab").glob("*.pickle"))


def _tiny_ttf(path: Path, family: str, chars: str, *, ps_name: str | None = None, fs_type: int = 0,
              legacy_cmap: bool = False) -> None:
    """A small TrueType font with box glyphs for `chars`."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib.tables._c_m_a_p import CmapSubtable

    names = [".notdef"] + [f"uni{ord(c):04X}" for c in chars]
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder(names)
    fb.setupCharacterMap({ord(c): f"uni{ord(c):04X}" for c in chars})
    glyphs = {}
    for name in names:
        pen = TTGlyphPen(None)
        pen.moveTo((100, -80))
        pen.lineTo((900, -80))
        pen.lineTo((900, 800))
        pen.lineTo((100, 800))
        pen.closePath()
        glyphs[name] = pen.glyph()
    fb.setupGlyf(glyphs)
    fb.setupHorizontalMetrics({n: (1000, 100) for n in names})
    fb.setupHorizontalHeader(ascent=880, descent=-120)
    fb.setupNameTable({"familyName": family, "styleName": "Regular",
                       "psName": ps_name or family.replace(" ", "")})
    fb.setupOS2(fsType=fs_type, usWeightClass=400)
    fb.setupPost()
    if legacy_cmap:  # a GB2312-coded Windows subtable listed after the Unicode one
        table = CmapSubtable.newSubtable(4)
        table.platformID, table.platEncID, table.language = 3, 3, 0
        table.cmap = {0xD6D0: names[1]}
        fb.font["cmap"].tables.append(table)
    fb.save(str(path))


@needs_debian_fonts
def test_faces_reportlab_cannot_embed_correctly_are_not_used(font_dir):
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    shutil.copy(KAI, font_dir)
    chars = "中华人民共和国"
    _tiny_ttf(font_dir / "good.ttf", "Tiny Good", chars)
    _tiny_ttf(font_dir / "legacy.ttf", "Tiny Legacy", chars, legacy_cmap=True)
    _tiny_ttf(font_dir / "psname.ttf", "Tiny PS", chars, ps_name="小字体")
    _tiny_ttf(font_dir / "restricted.ttf", "Tiny Restricted", chars, fs_type=2)
    by_name = {f.en: f for f in fontindex.load_index().faces}
    assert by_name["Tiny Good"].usable and by_name["Tiny Good"].cjk == 7
    assert not by_name["Tiny Legacy"].usable
    assert not by_name["Tiny PS"].usable
    assert not by_name["Tiny Restricted"].usable
    with pytest.raises(TTFError):
        TTFont("tiny-ps", str(font_dir / "psname.ttf"))  # our rule mirrors reportlab's refusal
    TTFont("tiny-good", str(font_dir / "good.ttf"))
    chain = [f.family for f in get_fontset().chain("body")]
    assert "Tiny Good" in chain
    assert not {"Tiny Legacy", "Tiny PS", "Tiny Restricted"} & set(chain)


@needs_debian_fonts
def test_face_made_by_hand_measures_its_own_file(font_dir):
    kai = FontFace("AR PL KaitiM GB", str(KAI), 0, "hand-kai")
    cw = FontFace("cwTeXFangSong", str(CWFS), 0, "hand-cw")
    assert kai.has("专") and not cw.has("专")
    assert cw.advance("中", 10) == pytest.approx(9.2) and kai.advance("中", 10) == pytest.approx(10)


@needs_debian_fonts
def test_chinese_cff_face_is_offered_for_conversion(font_dir):
    from export import fontconvert

    shutil.copy(SUNG, font_dir)
    hanzi = "".join(sorted(chr(cp) for cp in fontindex.gb2312_hanzi())[:1200])
    _fake_cff_cjk(font_dir / "FandolFang-Regular.otf", "FandolFang", hanzi)
    fs = get_fontset()
    assert fs.convertible == ["FandolFang"]
    assert "FandolFang 为 CFF 轮廓" in next(s for s in fs.substitutions if s.startswith("正文"))
    assert len(fontconvert.convert_pending()) == 1
    fs = get_fontset(refresh=True)
    assert fs.convertible == []
    fang = next(f for f in fs.chain("body") if f.family == "FandolFang")
    assert fang.has(hanzi[0]) and fs.face("body").family == "AR PL SungtiL GB"  # still partial


def test_ttc_of_regional_faces_lends_its_simplified_chinese_one(font_dir, tmp_path):
    from fontTools.ttLib import TTCollection, TTFont

    chars = "".join(sorted(chr(cp) for cp in fontindex.gb2312_hanzi())[:1100])
    for name in ("Tiny Gothic J", "Tiny Gothic SC", "Tiny Gothic TC"):
        _tiny_ttf(tmp_path / f"{name}.ttf", name, chars)
    faces = [TTFont(str(tmp_path / f"{n}.ttf")) for n in ("Tiny Gothic J", "Tiny Gothic SC", "Tiny Gothic TC")]
    faces[0]["name"].setName("タイニー", 1, 3, 1, 0x411)
    faces[1]["name"].setName("小哥特简体", 1, 3, 1, 0x804)
    faces[2]["name"].setName("小哥特繁體", 1, 3, 1, 0x404)
    coll = TTCollection()
    coll.fonts = faces
    coll.save(str(font_dir / "TinyGothic.ttc"))
    fs = get_fontset()
    assert not fs.builtin_only
    assert [(f.family, f.index) for f in fs.chain("body")] == [("Tiny Gothic SC", 1)]


def test_gb2312_hanzi_are_every_pair_of_rows_16_to_87_that_decodes():
    pairs = set()
    for b1 in range(0xB0, 0xF8):
        for b2 in range(0xA1, 0xFF):
            try:
                pairs.add(ord(bytes((b1, b2)).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    assert fontindex._gb2312_hanzi() == pairs and len(pairs) == fontindex.GB2312_HANZI


@needs_debian_fonts
def test_saved_reportlab_state_restores_every_table_of_the_parse(font_dir):
    from export import rlcache, rlparse

    shutil.copy(WQY, font_dir)  # units per em 2048: scaled advances are floats among ints
    face = get_fontset().face("heading1")
    parsed = rlparse.ttfont("parsed", face.path, face.index).face
    rlcache._save(rlparse.ttfont("saved", face.path, face.index), face.key)
    restored = rlcache.load_ttfont(face.rl_name, face.path, face.index, face.key).face
    assert restored.glyphToChar == parsed.glyphToChar and restored.charToGlyph == parsed.charToGlyph
    assert list(restored.glyphPos) == parsed.glyphPos and list(restored.hmetrics) == parsed.hmetrics
    assert {c: restored.charWidths[c] for c in parsed.charWidths} == parsed.charWidths


@needs_debian_fonts
@pytest.mark.parametrize("source", [WQY, SUNG], ids=lambda p: p.name)
def test_tables_packed_while_parsing_save_the_same_file(font_dir, source):
    """rlparse packs the big tables from its arrays; the saved file holds what packing them afterwards holds."""
    import pickle

    from export import rlcache, rlparse

    def saved() -> dict:
        _font_state, face_state = pickle.loads(rlcache._cache_file(face.key).read_bytes())
        plain = {k: v.__reduce__()[1] if isinstance(v, rlcache._Packed) else v for k, v in face_state.items()}
        return plain

    shutil.copy(source, font_dir)
    face = next(f for f in fontindex.load_index().faces if f.usable)
    font = rlparse.ttfont("T", face.path, face.index)
    hints = rlparse.PACKED[font.face]
    assert set(hints) == {"hmetrics", "glyphPos", "charToGlyph"}
    rlcache._save(font, face.key, hints)
    hinted = saved()
    rlcache._save(font, face.key)
    assert saved() == hinted
    loaded = rlcache.load_ttfont("L", face.path, face.index, "")  # parsed (no cache key): nothing kept with it
    assert loaded.face not in rlparse.PACKED


@needs_debian_fonts
@pytest.mark.parametrize("source", [WQY, SUNG, CWFS], ids=lambda p: p.name)
def test_packing_parse_saves_what_a_full_parse_saves_and_draws_the_same(font_dir, source, tmp_path):
    """A first export parses a new face only into what the cache keeps and restores from it at once."""
    import pickle

    from reportlab.pdfbase import pdfmetrics

    from export import rlcache, rlparse

    shutil.copy(source, font_dir)
    face = next(f for f in fontindex.load_index().faces if f.usable)

    def state(font, hints) -> dict:
        _font_state, face_state = pickle.loads(rlcache._blob(font, hints))
        return {k: list(v.unpack().items()) if isinstance(v, rlcache._Packed) and v.kind in ("dict", "multi")
                else v.unpack() if isinstance(v, rlcache._Packed) else v for k, v in face_state.items()}

    full = rlparse.ttfont("F", face.path, face.index)
    packing = rlparse.ttfont("P", face.path, face.index, packing=True)
    assert packing.face.glyphToChar is None and packing.face.hmetrics is None  # never made as Python objects
    full_state = state(full, rlparse.PACKED.pop(full.face))
    packed_state = state(packing, rlparse.PACKED.pop(packing.face))
    widths = dict(full_state.pop("charWidths"))
    assert dict(packed_state.pop("charWidths")) == widths  # sorted by code when packed: the same table
    assert packed_state == full_state

    def draw(font, name: str) -> bytes:
        pdfmetrics.registerFont(font)
        out = tmp_path / f"{name}.pdf"
        _one_line_pdf(out, font.fontName, "（一）加强政治建设，“两个确立”abc 123")
        return out.read_bytes().replace(b"/F", b"")

    first = rlcache.load_ttfont("T1", face.path, face.index, face.key)  # parsed for packing, restored at once
    assert first.face.glyphToChar is not None and rlcache._cache_file(face.key).exists()
    parsed = rlparse.ttfont("T1", face.path, face.index)
    assert draw(first, "first") == draw(parsed, "parsed")
