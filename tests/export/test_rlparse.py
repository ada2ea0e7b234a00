"""export.rlparse makes the same reportlab font state as reportlab's own parse, on every installed face."""

from __future__ import annotations

import pytest
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from export import fontindex, rlparse


def _state(font) -> dict:
    face = {k: v for k, v in font.face.__dict__.items() if k not in ("_ttf_data", "_pdfScale")}
    face = {k: (list(v.items()) if isinstance(v, dict) else v) for k, v in face.items()}  # order too
    rest = {k: v for k, v in font.__dict__.items() if k not in ("face", "state", "encoding")}
    return {"face": face, "font": rest, "encoding": font.encoding.__dict__}


def _faces():
    out = []
    for info in fontindex.load_index().faces:
        if info.glyf:
            out.append((info.path, info.index))
    return out


def test_fast_parse_equals_reportlab_parse_on_installed_faces():
    faces = _faces()
    assert faces
    compared = 0
    for path, index in faces:
        try:
            theirs = TTFont("T", path, subfontIndex=index)
        except (TTFError, ValueError, KeyError):
            with pytest.raises((TTFError, ValueError, KeyError)):
                rlparse.ttfont("T", path, index)
            continue
        mine = rlparse.ttfont("T", path, index)
        assert isinstance(mine.face, type(theirs.face))
        assert _state(mine) == _state(theirs), path
        compared += 1
    assert compared > 0


def test_fast_face_is_used_on_the_checked_reportlab():
    from reportlab import Version

    path, index = _faces()[0]
    fast = type(rlparse.ttfont("T", path, index).face).__name__ == "FastFace"
    assert fast == Version.startswith(rlparse.CHECKED)
