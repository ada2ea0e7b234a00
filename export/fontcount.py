"""Counting, when asked, the hanzi of a face a lazy font index left uncounted (fontindex.UNCOUNTED).

A first export on an office PC with ~300 font files read every Chinese face's cmap (3.6x the floor), though
choosing the faces needs the counts of only the few faces named for the roles; the rest order the end of the
fallback chains, which a layout seldom reaches. So export.fonts.resolve counts a face when its choice needs it,
and the counts made are written back to the index, so the next run need not read the cmap again.
"""

from __future__ import annotations

import json
from dataclasses import replace

from export import fontindex, fontmetrics
from export.fontindex import UNCOUNTED, FaceInfo

_PENDING: dict[str, FaceInfo] = {}  # face key -> counted face, not yet written to the index


def counted(info: FaceInfo) -> bool:
    return info.gb2312 != UNCOUNTED


def count(info: FaceInfo) -> FaceInfo:
    """The face with its cmap read and counted; what was read stays for its widths (export.fontmetrics)."""
    if counted(info):
        return info
    try:
        with fontindex.gc_paused():
            found, fresh = fontindex.read_faces(info.path, lambda _i: info.key, only=info.index)[0]
    except Exception:  # noqa: BLE001 - the file changed or broke since it was indexed: no hanzi from it
        found, fresh = replace(info, codepoints=0, cjk=0, gb2312=0), None
    if fresh is not None and found.usable:
        fontmetrics.keep(found.key, *fresh)
    _PENDING[found.key] = found
    return found


def save() -> None:
    """Write the counts made in this process into the index on disk (entries still as they were)."""
    if not _PENDING:
        return
    pending = dict(_PENDING)
    _PENDING.clear()
    path = fontindex.index_path()
    from export.indexfile import INDEX_LIMIT
    from models.cachefile import read_json

    doc = read_json(path, INDEX_LIMIT)
    files = doc.get("files") if isinstance(doc, dict) else None
    if not isinstance(files, dict):
        return
    changed = False
    for entry in files.values():
        faces = entry.get("faces", []) if isinstance(entry, dict) else []
        for i, face in enumerate(faces):
            hit = pending.get(face.get("key")) if isinstance(face, dict) else None
            if hit is not None and face.get("gb2312") == UNCOUNTED:
                faces[i] = fontindex.face_dict(hit)
                changed = True
    if changed:
        fontindex.write_atomic(path, json.dumps(doc, ensure_ascii=False).encode("utf-8"))
