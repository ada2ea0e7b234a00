"""Word styles inherit: a style that says nothing about a property takes its base style's (w:basedOn, istdBase)."""

from __future__ import annotations

from collections.abc import Hashable


def styles_setting(own: dict[Hashable, bool | None], bases: dict[Hashable, Hashable | None]) -> frozenset:
    """The styles whose property is on, by their own setting (True/False) or, when None, their base's.

    Each style's answer is found once: a walk up the bases stops at a style already answered, and every style
    it passed takes that answer (linear however long the chains; a forged base loop with no setting is off)."""
    answer: dict[Hashable, bool] = {}
    for style in own:
        path, at = [], style
        on_path: set[Hashable] = set()
        while at in own and at not in answer and own[at] is None and at not in on_path:
            path.append(at)
            on_path.add(at)
            at = bases.get(at)
        if at in answer:
            value = answer[at]
        elif at in on_path or at not in own:  # a loop of unset styles, or a base that is not there
            value = False
        else:
            value = bool(own[at])
            answer[at] = value
        for s in path:
            answer[s] = value
    return frozenset(s for s in own if answer.get(s, bool(own[s])))
