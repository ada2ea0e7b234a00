"""Font files under the search folders, found safely (export/fontindex.py indexes them)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

FONT_EXTS = (".ttf", ".ttc", ".otf", ".otc")


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
