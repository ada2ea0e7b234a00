"""The offline proofreader: wording, fixed formulations, punctuation, numbers, numbering, consistency.

proofread(report, settings) -> list[Slip]; rules are data in resources/proofread/ (see rules.py). The engine
(engine.py) is imported on the first check, not when the window or the store merely name a class or a setting.
"""

from __future__ import annotations

from models.proofread.rules import CLASSES
from models.proofread.settings import Settings

__all__ = ["CLASSES", "Settings", "proofread"]


def proofread(report, settings: Settings | None = None) -> list:
    """Every proofreading slip of the report (not yet sorted), ignores applied: see engine.proofread."""
    from models.proofread.engine import proofread as run

    return run(report, settings)
