"""Re-typeset only what changed: a paragraph whose source did not change keeps its broken lines.

The lines of every paragraph of the last layout made with one FontSet are kept, keyed by what the
paragraph was built from (kind and the exact pieces of field text and generated text, see
Paragraph.source). The next layout takes a shallow copy of each kept line (pagination sets the grid
line and baseline on its own copy; the glyphs are shared and never changed after they are made),
and with it what measuring those characters reported (missing characters, fallbacks, faces used).
Only the paragraphs of the last layout are kept, so the cache never holds more than one report.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from export.paragraphs import Paragraph

stats = {"broken": 0, "reused": 0}  # the linearity test and the benchmark read these


@dataclass(slots=True)
class _Entry:
    lines: list  # Line templates (grid and baseline unset)
    missing: list
    fallbacks: list
    used: dict


def _cache(fonts) -> dict:
    """The paragraph cache of this FontSet (a new FontSet, e.g. after a font rescan, starts empty)."""
    cache = getattr(fonts, "_paragraph_cache", None)
    if cache is None:
        cache = {}
        try:
            fonts._paragraph_cache = cache
        except AttributeError:
            pass
    return cache


def paragraph_key(para: Paragraph) -> tuple | None:
    """What the paragraph's lines depend on; None when the builder did not record its source."""
    if not para.source:
        return None
    return (para.kind, tuple(para.source))


def lay_paragraphs(m, paragraphs: list[Paragraph], body_lines) -> list[list]:
    """``[body_lines(m, index, para) for each paragraph]``, reusing the lines of unchanged paragraphs."""
    old = _cache(m.fonts)
    new: dict = {}
    laid = []
    for index, para in enumerate(paragraphs):
        key = paragraph_key(para)
        entry = old.get(key) if key is not None else None
        if entry is None:
            entry = new.get(key) if key is not None else None  # the same paragraph twice in one report
        if entry is None:
            n_missing, n_fallbacks = len(m.missing), len(m.fallbacks)
            lines = body_lines(m, index, para)  # fresh lines go into this layout as they are
            fonts = {gl.font for ln in lines for gl in ln.glyphs}
            entry = _Entry(lines, m.missing[n_missing:], m.fallbacks[n_fallbacks:],
                           {name: m.used[name] for name in fonts if name in m.used})
            stats["broken"] += 1
            laid.append(lines)
        else:
            m.missing.extend(entry.missing)
            m.fallbacks.extend(entry.fallbacks)
            for name, face in entry.used.items():
                m.used.setdefault(name, face)
            stats["reused"] += 1
            laid.append(_copies(entry.lines, index))
        if key is not None:
            new[key] = entry
        para.chars = []  # set on lines now; a 1,000-page report's characters would double the peak memory
    if isinstance(old, dict):
        old.clear()
        old.update(new)
    return laid


def _copies(lines: list, index: int) -> list:
    out = []
    for ln in lines:
        c = copy.copy(ln)
        c.paragraph = index
        out.append(c)
    return out
