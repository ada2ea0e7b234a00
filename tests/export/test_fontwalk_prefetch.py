"""fc-list started early (while the command line opens the store) gives the font list font_files() reads itself."""

from __future__ import annotations

import shutil
import sys

import pytest

from export import fontwalk

needs_fc_list = pytest.mark.skipif(shutil.which("fc-list") is None or sys.platform in ("win32", "darwin"),
                                   reason="no fontconfig")


@needs_fc_list
def test_prefetched_list_is_the_list(monkeypatch):
    monkeypatch.delenv(fontwalk.ENV_DIRS, raising=False)
    plain = fontwalk.font_files()
    assert plain
    fontwalk.prefetch()
    started = fontwalk._STARTED
    assert started is not None
    assert fontwalk.font_files() == plain
    assert fontwalk._STARTED is None and started.returncode == 0  # collected, not left running
    assert fontwalk.font_files() == plain  # and asked afresh after


def test_no_fc_list_when_folders_are_given(monkeypatch, tmp_path):
    monkeypatch.setenv(fontwalk.ENV_DIRS, str(tmp_path))
    fontwalk.prefetch()
    assert fontwalk._STARTED is None
    assert fontwalk.font_files() == []
