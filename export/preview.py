"""What the live preview needs from one typesetting run, computed in a worker process.

Everything here pickles: the window's process never lays out text itself, so a long report
being typeset never competes with typing for the interpreter. Only the pages on screen are drawn,
each as a one-page PDF drawn by the export's own code; a page whose lines did not change keeps its
id, so the window keeps its picture (export/pagecache.py). The layout of the last run stays in the
worker, so pages scrolled to later are drawn from it (render_pages).
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field

from export.errors import ExportError
from export.facts import facts_from_layout
from export.locate import LineMap, line_map
from models.facts import TypesetFacts


@dataclass
class PreviewResult:
    pages: int
    warnings: list[str]
    facts: TypesetFacts
    lines: LineMap  # click-to-edit map per page; [] for a page not drawn yet
    page_ids: list[int] = field(default_factory=list)  # equal ids: the very same page as before
    drawn: dict[int, bytes] = field(default_factory=dict)  # 0-based page -> a one-page PDF
    run: int = 0  # the worker's layout this belongs to (render_pages answers for one run)


@dataclass
class PagesResult:
    run: int
    drawn: dict[int, bytes]
    lines: dict[int, list]


_state: dict = {}  # in the worker: the last layout, its page ids and run number


def typeset_for_preview(report, visible: list[int] | tuple = (0,), release: bool = True) -> PreviewResult | str:
    """A PreviewResult with the pages ``visible`` (0-based) drawn, or the Chinese message of an ExportError.

    ``report`` may be the pickled bytes of a Report (the window pickles instead of deep-copying). ``release``:
    hand the memory back afterwards (not after the warm-up, whose fonts the first real run draws with)."""
    from export.layout import layout_report
    from export.pagecache import page_ids

    if isinstance(report, bytes):
        report = pickle.loads(report)
    try:
        layout = layout_report(report)
    except ExportError as e:
        return str(e)
    ids = page_ids(layout)
    run = _state.get("run", 0) + 1
    _state.update(run=run, layout=layout, ids=ids, title=report.title)
    wanted = [i for i in visible if 0 <= i < len(layout.pages)] or [0]
    try:
        drawn = _draw(wanted)
    except ExportError as e:
        return str(e)
    maps = line_map(layout, wanted)
    result = PreviewResult(len(layout.pages), list(layout.warnings), facts_from_layout(layout),
                           maps, ids, drawn, run)
    del layout
    if release:
        release_memory()
    return result


def release_memory() -> None:
    """Hand the heap the last layout freed back to the system: glibc keeps it otherwise, and the worker's
    resident memory grew by ~10 MB over a few runs of a 143-page report. The font files' bytes go too
    (~15 MB): they are read again when the next page is drawn."""
    from export.heap import trim_heap
    from export.rlcache import drop_font_bytes

    drop_font_bytes()
    trim_heap()


def prepare() -> None:
    """In a fresh worker: everything a first run needs but the report (imports, fonts chosen and loaded)."""
    from export.backends import pdf, rlfix  # noqa: F401 - imported now, not during the first run
    from export.fonts import get_fontset, register_face

    fonts = get_fontset()
    rlfix.apply()
    for role in ("body", "title", "heading1", "heading2"):
        register_face(fonts.face(role))
    _warm_run()


def _warm_run() -> None:
    """Lay out and draw a few lines once: the first real run then finds the layout's modules imported, the
    fonts' metrics unpacked and reportlab's drawing code warm (the first preview took ~120 ms, later ones ~5)."""
    from models.report import warm_up_report

    try:
        typeset_for_preview(warm_up_report(), [0], release=False)
    except Exception:  # noqa: BLE001 - only a warm-up: the real run reports what is wrong
        pass
    _state.clear()  # the first real run is run 1, with nothing of this one kept


def render_pages(run: int, indices: list[int]) -> PagesResult | str:
    """Draw more pages of run ``run`` (pages scrolled into view); an empty answer if a newer run exists."""
    if _state.get("run") != run:
        return PagesResult(run, {}, {})
    layout = _state["layout"]
    wanted = [i for i in indices if 0 <= i < len(layout.pages)]
    try:
        drawn = _draw(wanted)
    except ExportError as e:
        return str(e)
    maps = line_map(layout, wanted)
    release_memory()
    return PagesResult(run, drawn, {i: maps[i] for i in wanted})


def check_report(blob: bytes) -> list:
    """The 检查 panel's findings for a pickled (report, facts, settings), worked out here. On a 143-page report
    the checks are ~100 ms of Python: in the window's process they stalled typing that long, and even on a
    thread of their own by more than half that (they share the interpreter lock with painting)."""
    from models.checks import run_checks

    report, facts, settings = pickle.loads(blob)
    return run_checks(report, facts, settings)


def _draw(indices: list[int]) -> dict[int, bytes]:
    from export.pagecache import draw_page

    layout, ids, title = _state["layout"], _state["ids"], _state["title"]
    return {i: draw_page(layout, i, ids[i], title) for i in indices}
