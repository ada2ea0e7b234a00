"""Shared fixtures: tests never touch real user folders, Qt runs offscreen."""

from __future__ import annotations

import gc
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from hypothesis import settings

# CI runs the same examples every time, so a red build is reproducible; local runs keep exploring.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
# The sample report the tests use: written for the project, in the repository, so a clone stands alone.
SAMPLE = ROOT / "tests" / "data" / "samples" / "congyan_2026.txt"
# The real report of ../shared/seeds, used in addition when it is there (never required).
SHARED_SAMPLE = ROOT.parent / "shared" / "seeds" / "000_43bf3779fedf47ec.txt"


@pytest.fixture(autouse=True)
def _gc_unfrozen():
    """A window freezes what it holds (ui/document_actions.py); each test starts unfrozen, like a fresh process."""
    yield
    gc.unfreeze()


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path, monkeypatch):
    """Data, config and cache folders live in tmp_path for every test."""
    home = tmp_path / "home"
    for var, sub in (("TIANBAO_DATA_DIR", "data"), ("TIANBAO_CONFIG_DIR", "config")):
        (home / sub).mkdir(parents=True)
        monkeypatch.setenv(var, str(home / sub))
    # The font index cache is shared by all tests of a run: scanning is slow.
    monkeypatch.setenv("TIANBAO_CACHE_DIR", str(_session_cache()))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))


_CACHE: list[Path] = []


def _session_cache() -> Path:
    if not _CACHE:
        import tempfile

        _CACHE.append(Path(tempfile.mkdtemp(prefix="tianbao-test-cache-")))
    return _CACHE[0]


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "reports.db"


@pytest.fixture
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture
def font_dir(tmp_path, monkeypatch):
    """An empty private font folder (tests link installed fonts into it) and an empty cache: the system fonts are
    out of sight, as on a new PC's first run."""
    from export import fontindex

    folder = tmp_path / "fonts"
    folder.mkdir()
    monkeypatch.setenv(fontindex.ENV_DIRS, str(folder))
    monkeypatch.setenv("TIANBAO_CACHE_DIR", str(tmp_path / "cache"))
    return folder
