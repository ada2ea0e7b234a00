"""`main.py fonts` tells which installed font prints each part, and says so when none is installed."""

import os
import subprocess
import sys

from tests.conftest import ROOT


def _fonts(extra_env=None):
    env = dict(os.environ, **(extra_env or {}))
    return subprocess.run([sys.executable, "main.py", "fonts"], cwd=ROOT, capture_output=True, text=True, env=env)


def test_fonts_lists_every_role_with_its_face():
    out = _fonts()
    assert out.returncode == 0, out.stderr
    roles = [line.split("\t")[0] for line in out.stdout.splitlines()]
    assert roles == ["标题", "正文", "一级标题", "二级标题", "页码"]
    assert all(len(line.split("\t")) >= 2 and line.split("\t")[1] for line in out.stdout.splitlines())
    assert "Traceback" not in out.stderr


def test_no_fonts_installed_says_builtin(tmp_path):
    out = _fonts({"TIANBAO_FONT_DIRS": str(tmp_path), "TIANBAO_CACHE_DIR": str(tmp_path / "cache")})
    assert out.returncode == 0, out.stderr
    assert "STSong-Light" in out.stdout
    assert "嵌入" in out.stderr  # the warning that fonts are not embedded
