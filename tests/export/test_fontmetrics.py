"""Widths are made, and cached, only for the faces the layout measures, from what the index already read."""

from __future__ import annotations

import marshal
import shutil

from export import fontindex, fontmetrics
from export.fonts import get_fontset
from tests.export.test_fonts import CWFS, DEJAVU, KAI, SUNG, WQY, needs_debian_fonts


def _metrics_files() -> list[str]:
    return sorted(p.stem for p in (fontindex.font_cache_dir() / "metrics").glob("*.bin"))


@needs_debian_fonts
def test_only_measured_faces_get_widths_and_from_the_index_read(font_dir):
    for f in (SUNG, KAI, WQY, CWFS):
        shutil.copy(f, font_dir)
    fs = get_fontset()
    assert _metrics_files() == []  # indexing four Chinese files wrote no widths
    reads = fontmetrics.font_reads
    assert fs.face("body").has("中") and fs.face("heading1").has("国")
    assert fontmetrics.font_reads == reads  # made of the index's own read, not the font read again
    assert _metrics_files() == sorted({fs.face("body").key, fs.face("heading1").key})
    # A face the layout did not measure first (the Mono face of the collection) is read when measured.
    mono = next(f for f in fontindex.load_index().faces if f.path.endswith(WQY.name) and f.index == 1)
    widths = fontmetrics.load_metrics(mono.path, mono.index, mono.key)
    assert fontmetrics.font_reads == reads + 1
    assert widths[ord("中")] > 0 and widths[-1] > 0


@needs_debian_fonts
def test_widths_from_the_index_equal_widths_read_from_the_font(font_dir, monkeypatch):
    for f in (SUNG, WQY, CWFS, DEJAVU):
        shutil.copy(f, font_dir)
    faces = [f for f in fontindex.load_index(keep_read=True).faces if f.usable]
    made = {}
    for face in faces:
        if face.key in fontmetrics._FRESH:
            made[face.key] = fontmetrics.load_metrics(face.path, face.index, face.key)
    assert len(made) == 4  # the three Chinese faces that were read, and the collection's second face
    reads = fontmetrics.font_reads
    for face in faces:
        if face.key in made:
            (fontindex.font_cache_dir() / "metrics" / f"{face.key}.bin").unlink()
            again = fontmetrics.load_metrics(face.path, face.index, face.key)
            assert again == made[face.key]
            assert marshal.loads((fontindex.font_cache_dir() / "metrics" / f"{face.key}.bin").read_bytes()) == again
    assert fontmetrics.font_reads == reads + 4


@needs_debian_fonts
def test_fresh_reads_stay_within_their_budget(font_dir, monkeypatch):
    monkeypatch.setattr(fontmetrics, "FRESH_BUDGET", 20_000)  # room for one of the Song faces, not Micro Hei
    monkeypatch.setattr(fontmetrics, "_fresh_codes", 0)
    monkeypatch.setattr(fontmetrics, "_FRESH", {})
    for f in (SUNG, WQY):
        shutil.copy(f, font_dir)
    fontindex.load_index(keep_read=True)
    assert 0 < fontmetrics._fresh_codes <= 20_000 and len(fontmetrics._FRESH) == 1
    fontmetrics.forget()
    assert fontmetrics._fresh_codes == 0 and not fontmetrics._FRESH


@needs_debian_fonts
def test_index_alone_keeps_nothing_it_read(font_dir):
    shutil.copy(SUNG, font_dir)
    assert fontindex.load_index().scanned == 1  # e.g. the font dialog: nothing is measured after it
    assert not fontmetrics._FRESH
