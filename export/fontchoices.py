"""字体设置: the user's own font per role, kept in the config folder and applied by export.fonts.get_fontset.

fonts.json holds {role: {"path": ..., "index": ...}}; roles are export.fonts.ROLES plus "latin"
(数字和字母: ASCII digits and letters in every role). Qt-free, so the command line, the typesetting
process, printing and the checks all see the same choices.
"""

from __future__ import annotations

import json
from pathlib import Path

from export import fontindex
from export.fontindex import FaceInfo
from export.fonts import OFFICIAL, ROLE_LABELS, ROLES, _face, _norm

LATIN = "latin"
FILE_NAME = "fonts.json"
CHOICES_LIMIT = 1 << 20  # a few hundred bytes written


def choices_path() -> Path:
    from models.paths import config_dir

    return config_dir() / FILE_NAME


def load_choices() -> dict[str, dict]:
    """The saved choices; an unreadable file counts as none (the automatic choice stays)."""
    from models.cachefile import json_shape, read_json

    data = read_json(choices_path(), CHOICES_LIMIT)  # a FIFO, a device or a huge file counts as none
    if not isinstance(data, dict):
        return {}
    return {role: {"path": c["path"], "index": c.get("index", 0)} for role, c in data.items()
            if json_shape(c, {"path": str}) and json_shape(c.get("index", 0), int) and 0 <= c.get("index", 0) < 1 << 16
            and "\0" not in c["path"]}


def save_choices(choices: dict[str, dict]) -> None:
    path = choices_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fontindex.write_atomic(path, json.dumps(choices, ensure_ascii=False, indent=1).encode("utf-8"))


def faces_of_file(path: str) -> list[FaceInfo]:
    """The faces of a font file the user picked, also outside the font folders (parsed once, cached)."""
    entry, _parsed = fontindex._entry(path, {})
    if entry is None:
        return []
    return [FaceInfo(**{**f, "names": tuple(f["names"])}) for f in entry["faces"]]


def find_face(faces: list[FaceInfo], path: str, index: int) -> FaceInfo | None:
    hit = next((f for f in faces if f.path == path and f.index == index), None)
    if hit is None and Path(path).is_file():
        hit = next((f for f in faces_of_file(path) if f.index == index), None)
    return hit


def apply_choices(fontset, faces: list[FaceInfo], choices: dict[str, dict]) -> None:
    """Put the user's faces first in their roles' chains; a file that vanished or cannot be embedded
    leaves the automatic choice and says so."""
    for role, choice in choices.items():
        if role not in ROLES and role != LATIN:
            continue
        info = find_face(faces, choice["path"], choice["index"])
        label = ROLE_LABELS.get(role, "数字和字母")
        if info is None or not info.usable:
            why = "找不到" if info is None else "无法嵌入PDF（需为TrueType轮廓且授权允许嵌入）"
            fontset.substitutions.append(f"{label}：所选字体文件{why}：{choice['path']}，已改用自动选择的字体")
            continue
        face = _face(info, info.zh or info.en)
        if role == LATIN:
            fontset.latin = face
            continue
        fontset._chains[role] = [face] + [f for f in fontset._chains[role] if f.rl_name != face.rl_name]
        fontset.chosen[role] = face
        official = {_norm(n) for n in OFFICIAL[role]}
        fontset.substitutions = [t for t in fontset.substitutions if not t.startswith(ROLE_LABELS[role] + "：")]
        if any(_norm(n) in official for n in info.names):
            fontset._substituted = fontset._substituted - {role}
        else:
            fontset._substituted = fontset._substituted | {role}
    fontset._for.clear()
