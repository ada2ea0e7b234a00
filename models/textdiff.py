"""What changed between two versions of a report's text, in runs an official can read (历史版本)."""

from __future__ import annotations

from difflib import SequenceMatcher

SAME, ONLY_OLD, ONLY_NEW = "same", "old", "new"
CHAR_DIFF_LIMIT = 4000  # characters of a changed block compared one by one; longer blocks as whole lines


def diff_runs(old: str, new: str) -> list[tuple[str, str]]:
    """(kind, text) runs that rebuild ``old`` from the SAME and ONLY_OLD runs, ``new`` from SAME and ONLY_NEW.

    Lines are matched first (a report is a list of paragraphs), then the characters inside a changed
    paragraph, so one changed word is marked, not its whole paragraph.
    """
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    runs: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        x, y = "".join(a[i1:i2]), "".join(b[j1:j2])
        if op == "equal":
            _add(runs, SAME, x)
        elif op == "replace" and len(x) + len(y) <= CHAR_DIFF_LIMIT:
            for cop, c1, c2, d1, d2 in SequenceMatcher(None, x, y, autojunk=False).get_opcodes():
                if cop == "equal":
                    _add(runs, SAME, x[c1:c2])
                else:
                    _add(runs, ONLY_OLD, x[c1:c2])
                    _add(runs, ONLY_NEW, y[d1:d2])
        else:
            _add(runs, ONLY_OLD, x)
            _add(runs, ONLY_NEW, y)
    return runs


def _add(runs: list[tuple[str, str]], kind: str, text: str) -> None:
    if not text:
        return
    if runs and runs[-1][0] == kind:
        runs[-1] = (kind, runs[-1][1] + text)
    else:
        runs.append((kind, text))
