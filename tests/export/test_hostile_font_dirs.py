"""A font folder an unlucky user can have: link loops, a FIFO or a device named .ttf, garbage files.
The scan ends, finds nothing harmful, and export still works (in a child, so a hang fails by the timeout)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

CHILD = """
import sys
sys.path.insert(0, {root!r})
import main
sys.exit(main.main(["fonts", "--rescan"]))
"""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and symlinks are POSIX")
def test_font_folder_with_link_loops_fifo_and_devices_is_scanned_in_bounded_time(tmp_path):
    fonts = tmp_path / "fonts"
    (fonts / "sub").mkdir(parents=True)
    (fonts / "sub" / "up").symlink_to("..")  # two loops: 2**n paths without a visited set
    (fonts / "self").symlink_to(".")
    os.mkfifo(fonts / "pipe.ttf")  # open() waits for a writer for ever
    (fonts / "zero.ttf").symlink_to("/dev/zero")
    (fonts / "garbage.ttf").write_bytes(b"\x00\x01\x00\x00" + b"\xff" * 100)
    (fonts / "bad.ttc").write_bytes(b"ttcf\xff\xff\xff\xff")
    env = {**os.environ, "TIANBAO_FONT_DIRS": str(fonts), "TIANBAO_CACHE_DIR": str(tmp_path / "cache"),
           "HOME": str(tmp_path / "home")}
    out = subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT))], capture_output=True, text=True,
                         timeout=60, env=env)
    assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr[-800:]
    assert "正文" in out.stdout  # the roles are listed (with the built-in font)


def test_walk_lists_each_regular_font_once(tmp_path):
    from export.fontwalk import walk

    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.ttf").write_bytes(b"")
    (tmp_path / "a" / "loop").symlink_to("..")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    found = walk([tmp_path])
    assert len(found) == 1 and found[0].endswith("x.ttf")
