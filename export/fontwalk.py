"""Where fonts are: the search folders (or fc-list) and the font files under them, found safely
(export/fontindex.py indexes them)."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

FONT_EXTS = (".ttf", ".ttc", ".otf", ".otc")
ENV_DIRS = "TIANBAO_FONT_DIRS"  # os.pathsep-separated folders; replaces the system search when set


def walk(dirs: list[Path]) -> list[str]:
    """Regular font files under ``dirs``, links followed but each folder visited once: a link loop
    (~/.fonts/x -> ..) walked for ever, and a FIFO or device named .ttf blocked or flooded the scan."""
    out = []
    seen: set[tuple[int, int]] = set()
    for top in dirs:
        for root, subdirs, files in os.walk(top, followlinks=True):
            try:
                st = os.stat(root)
            except OSError:
                subdirs[:] = []
                continue
            if (st.st_dev, st.st_ino) in seen:
                subdirs[:] = []
                continue
            seen.add((st.st_dev, st.st_ino))
            for f in files:
                path = os.path.join(root, f)
                if f.lower().endswith(FONT_EXTS) and regular(path):
                    out.append(path)
    return out


def regular(path: str) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


# ---------------------------------------------------------------- where fonts are

def search_dirs() -> list[Path]:
    """Folders to walk when fc-list is not asked (Windows, macOS, Linux without fontconfig)."""
    env = os.environ.get(ENV_DIRS)
    if env is not None:
        return [Path(p) for p in env.split(os.pathsep) if p]
    home = Path.home()
    if sys.platform == "win32":
        windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot") or r"C:\Windows"
        dirs = [Path(windir) / "Fonts"]
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
        return dirs
    if sys.platform == "darwin":
        # Fonts downloaded on demand (Songti, Kaiti...) live in MobileAsset folders under AssetsV2.
        assets = sorted(Path("/System/Library/AssetsV2").glob("com_apple_MobileAsset_Font*"))
        return [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library" / "Fonts",
                *assets]
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".fonts",
            home / ".local" / "share" / "fonts"]


_STARTED: subprocess.Popen | None = None  # fc-list started by prefetch(), collected by font_files()


def _asks_fc_list() -> bool:
    return os.environ.get(ENV_DIRS) is None and sys.platform not in ("win32", "darwin")


def _start_fc_list() -> subprocess.Popen | None:
    exe = shutil.which("fc-list")
    if not exe:
        return None
    try:
        return subprocess.Popen([exe, "--format", "%{file}\n"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                stdin=subprocess.DEVNULL)
    except OSError:
        return None


def prefetch() -> None:
    """Start fc-list now: it runs on its own while the caller does other work (the command line opens the
    store meanwhile), and font_files() collects its answer instead of waiting for a new one (~7 ms)."""
    global _STARTED
    if _STARTED is None and _asks_fc_list():
        _STARTED = _start_fc_list()


def _fc_list() -> list[str] | None:
    global _STARTED
    proc, _STARTED = _STARTED, None
    proc = proc or _start_fc_list()
    if proc is None:
        return None
    try:
        out, _err = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return None
    if proc.returncode != 0:
        return None
    files = {line for line in out.decode("utf-8", "surrogateescape").splitlines()
             if line.lower().endswith(FONT_EXTS)}
    return sorted(f for f in files if regular(f))


def font_files() -> list[str]:
    """Every TrueType/OpenType file in the search folders, sorted so indexes are stable."""
    if _asks_fc_list():
        files = _fc_list()
        if files is not None:
            return files
    return sorted(set(walk(search_dirs())))
