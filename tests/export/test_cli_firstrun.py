"""The first-ever export (no caches at all) draws the same pages as an export from warm caches."""

from __future__ import annotations

import os
import subprocess
import sys

from pypdf import PdfReader

from models.store import Store
from tests.conftest import ROOT
from tests.export.sample import sample_report


def _export(rid: int, db, out, cache) -> None:
    env = dict(os.environ, TIANBAO_CACHE_DIR=str(cache))
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "export", str(rid), "-o", str(out), "--db", str(db)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr


def _pages(path) -> list[tuple]:
    """Each page's drawing and the bytes of every font it embeds (the subset): all but the date and ID."""
    out = []
    for page in PdfReader(path).pages:
        fonts = page["/Resources"]["/Font"]
        embedded = []
        for name in sorted(fonts):
            font = fonts[name].get_object()
            desc = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            fd = desc.get("/FontDescriptor")
            data = fd.get_object()["/FontFile2"].get_object().get_data() if fd and "/FontFile2" in fd.get_object() else b""
            embedded.append((name, font.get("/BaseFont"), data))
        out.append((page.get_contents().get_data(), tuple(embedded)))
    return out


def test_first_ever_export_equals_cached_export(db_path, tmp_path):
    store = Store(db_path)
    rid = store.create(sample_report())
    store.close()
    cache = tmp_path / "cache"  # empty: a new user's first export
    _export(rid, db_path, tmp_path / "first.pdf", cache)
    written = {part for p in cache.rglob("*") if p.is_file() for part in p.relative_to(cache).parts}
    assert {"index.json", "metrics", "ink"} <= written  # the first run left its caches, complete
    assert not [p for p in cache.rglob("*.tmp")]
    left = {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()}
    _export(rid, db_path, tmp_path / "cached.pdf", cache)
    # complete: the cached export found everything it reads (widths, ink, reportlab's parse) and wrote nothing
    assert {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()} == left
    first, cached = _pages(tmp_path / "first.pdf"), _pages(tmp_path / "cached.pdf")
    assert len(first) == 5
    assert first == cached
