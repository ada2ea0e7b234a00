"""The one-folder build runs with nothing but itself: no venv, no Python on PATH, an empty environment.

Marked ``bundle``: building takes minutes, so the README's quick test command leaves these out and
``.ci/run`` runs them after the suite (``pytest -m bundle``). They build with packaging/build-linux.sh.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.bundle,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux build is tested on Linux"),
]

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "build"
SAMPLE = ROOT / "tests" / "data" / "samples" / "congyan_2026.txt"


@pytest.fixture(scope="module")
def built() -> Path:
    """Build once per run unless TIANBAO_BUNDLE_PREBUILT=1 says build/ is fresh."""
    if os.environ.get("TIANBAO_BUNDLE_PREBUILT") != "1":
        env = dict(os.environ, PYTHON=sys.executable)
        out = subprocess.run(["bash", str(ROOT / "packaging" / "build-linux.sh")], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=1200)
        assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    exe = BUILD / "dist" / "tianbao" / "tianbao"
    assert exe.exists()
    return exe


def bare_env(home: Path) -> dict[str, str]:
    """env -i plus a home folder and the offscreen platform: no PATH to a Python, no venv, no PYTHONPATH."""
    return {"HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"}


def run_bare(exe: Path, home: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(["env", "-i", *[f"{k}={v}" for k, v in bare_env(home).items()], str(exe), *args],
                          capture_output=True, text=True, timeout=timeout)


def test_bundle_has_no_python_dependency_and_exports_the_sample(built, tmp_path):
    home = tmp_path / "bare-home"
    home.mkdir()
    db = tmp_path / "r.db"
    out = run_bare(built, home, "import", str(SAMPLE), "--db", str(db))
    assert out.returncode == 0, out.stderr
    rid = out.stdout.strip().splitlines()[-1]
    pdf = tmp_path / "r.pdf"
    out = run_bare(built, home, "export", rid, "-o", str(pdf), "--db", str(db))
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        assert len(doc.pages) == 5
        text = "".join(p.extract_text() for p in doc.pages).replace("\n", "")
    assert "一是扛牢管党治党政治责任。" in text
    # The templates and the schema travel inside the folder.
    out = run_bare(built, home, "list", "--db", str(db))
    assert out.returncode == 0 and "congyan_2026" not in out.stderr


def test_bundle_window_starts_offscreen_and_closes(built, tmp_path):
    home = tmp_path / "bare-home"
    home.mkdir()
    env = ["env", "-i", *[f"{k}={v}" for k, v in bare_env(home).items()], "TIANBAO_QUIT_AFTER_MS=1500"]
    t0 = time.perf_counter()
    out = subprocess.run([*env, str(built), "--db", str(tmp_path / "w.db")], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "Traceback" not in out.stderr
    assert (tmp_path / "w.db").exists()  # the window opened its database
    assert time.perf_counter() - t0 < 60


def test_bundle_runs_its_own_preview_worker(built):
    """The frozen executable started with --preview-worker is the preview's worker: it answers jobs, a real
    typesetting run among them."""
    import pickle

    from export import preview_job
    from export.worker import WORKER_FLAG, Worker
    from tests.export.sample import sample_report

    worker = Worker(command=[str(built), WORKER_FLAG, "0"])
    try:
        assert worker.submit(os.getpid).result(timeout=120) == worker.pid
        blob = pickle.dumps(sample_report(), protocol=pickle.HIGHEST_PROTOCOL)
        result = worker.submit(preview_job, "typeset_for_preview", blob, [0]).result(timeout=120)
        assert not isinstance(result, str), result
        assert result.pages >= 2
    finally:
        worker.stop(wait=True)


def dpkg(args: list[str]) -> subprocess.CompletedProcess:
    """dpkg, waiting (bounded) while another package manager holds its lock."""
    deadline = time.monotonic() + 300
    while True:
        out = subprocess.run(["dpkg", *args], capture_output=True, text=True, timeout=300)
        if "lock" not in out.stderr or time.monotonic() > deadline:
            return out
        time.sleep(2)


@pytest.mark.skipif(shutil.which("dpkg") is None or os.geteuid() != 0, reason="needs dpkg as root")
def test_deb_installs_runs_and_removes(built, tmp_path):
    debs = sorted(BUILD.glob("tianbao_*_amd64.deb"))
    assert debs, "build-linux.sh made no .deb"
    info = subprocess.run(["dpkg-deb", "-f", str(debs[-1]), "Depends", "Recommends"], capture_output=True,
                          text=True, check=True).stdout
    assert "fonts-wqy-microhei" in info and "python3" not in info
    dpkg(["-r", "tianbao"])
    out = dpkg(["-i", str(debs[-1])])
    assert out.returncode == 0, out.stderr
    try:
        assert Path("/opt/tianbao/tianbao").exists()
        assert Path("/usr/share/applications/tianbao.desktop").read_text(encoding="utf-8").count("Name=天报") == 1
        home = tmp_path / "bare-home"
        home.mkdir()
        out = run_bare(Path("/usr/bin/tianbao"), home, "list", "--db", str(tmp_path / "d.db"))
        assert out.returncode == 0, out.stderr
    finally:
        removed = dpkg(["-r", "tianbao"])
    assert removed.returncode == 0, removed.stderr
    assert not Path("/opt/tianbao").exists() and not Path("/usr/share/applications/tianbao.desktop").exists()
