"""Word styles inherit: a style that says nothing about a property takes its base style's (w:basedOn, istdBase)."""

from __future__ import annotations

from collections.abc import Hashable


def styles_setting(own: dict[Hashable, bool | None], bases: dict[Hashable, Hashable | None]) -> frozenset:
    """The styles whose property is on, by their own setting (True/False) or, when None, their base's."""
    out = set()
    for style in own:
        at, seen = style, set()
        while at in own and own[at] is None and at not in seen:  # a forged base loop ends here
            seen.add(at)
            at = bases.get(at)
        if own.get(at):
            out.add(style)
    return frozenset(out)
