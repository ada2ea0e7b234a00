"""The offline wheel set is complete: built as for Windows, but for this Linux, then installed with --no-index.

Marked ``bundle`` (it downloads ~150 MB of wheels from the package index once): .ci/run runs it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.bundle

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "data" / "samples" / "congyan_2026.txt"


def test_wheelhouse_resolves_offline_and_runs(tmp_path):
    house = tmp_path / "wheelhouse"
    pyver = f"{sys.version_info.major}.{sys.version_info.minor}"
    env = dict(os.environ, WHEELHOUSE=str(house), PYTHON=sys.executable, PYVERSIONS=pyver)
    out = subprocess.run(["bash", str(ROOT / "packaging" / "build-wheelhouse.sh"), "manylinux"], cwd=ROOT,
                         env=env, capture_output=True, text=True, timeout=1200)
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    assert (house / "install.bat").exists()
    wheels = {p.name.split("-")[0].lower() for p in house.glob("*.whl")}
    assert {"tianbao", "pyside6_essentials", "reportlab", "sqlite_utils", "python_docx"} <= wheels
    # Offline, as install.bat does: --no-index, only the folder.
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    py = venv / "bin" / "python"
    out = subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-index", "--find-links", str(house), "tianbao"],
                         capture_output=True, text=True, timeout=600, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert out.returncode == 0, out.stderr[-3000:]
    # The installed commands work from any folder: templates and icons travel in the wheel.
    cli = venv / "bin" / "tianbao-cli"
    db = tmp_path / "w.db"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([str(cli), "import", str(SAMPLE), "--db", str(db)], capture_output=True, text=True,
                         env=env, cwd=tmp_path, timeout=300)
    assert out.returncode == 0, out.stderr
    rid = out.stdout.strip().splitlines()[-1]
    out = subprocess.run([str(cli), "export", rid, "-o", str(tmp_path / "w.pdf"), "--db", str(db)],
                         capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "w.pdf").read_bytes().startswith(b"%PDF")
    out = subprocess.run([str(py), "-c", "from models.templates import template_names; print(len(template_names()))"],
                         capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert out.returncode == 0 and int(out.stdout) >= 5, out.stderr
