"""The font index file as read back: every entry checked against the shape export.fontindex writes.

The index lives in the cache folder, where a crash, a full disk or another program may have left anything.
An entry of another shape is dropped (its font file is read again), never passed on: a face's ``key`` names
files in the cache (so it must be a plain hex name, no path), its ``path`` is opened (so it must be the file
the entry is for), and its fields become a FaceInfo.
"""

from __future__ import annotations

import re

from models.cachefile import json_shape, read_json

INDEX_LIMIT = 64 << 20  # ~1 KB a font file; 64 MB is tens of thousands of fonts
_KEY = re.compile(r"[0-9a-f]{16,64}\Z")
_FACE = {"path": str, "index": int, "names": [str], "en": str, "zh": str, "glyf": bool, "embeddable": bool,
         "regular": bool, "sc": int, "codepoints": int, "cjk": int, "gb2312": int, "key": str}
_ENTRY = {"mtime_ns": int, "size": int, "faces": [dict]}


def read_index(path, version: int) -> dict[str, dict]:
    """{font file: entry} of the index at ``path`` made with ``version``; entries of another shape left out."""
    data = read_json(path, INDEX_LIMIT)
    if not isinstance(data, dict) or data.get("version") != version or not isinstance(data.get("files"), dict):
        return {}
    return {p: e for p, e in data["files"].items() if _entry_ok(p, e)}


def _entry_ok(path: str, entry) -> bool:
    return json_shape(entry, _ENTRY) and all(_face_ok(path, f) for f in entry["faces"])


def _face_ok(path: str, face: dict) -> bool:
    return (face.keys() == _FACE.keys() and json_shape(face, _FACE) and face["path"] == path
            and _KEY.match(face["key"]) is not None and 0 <= face["index"] < 1 << 16)
