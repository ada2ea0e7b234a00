"""Tianbao's own small files (caches, saved choices, the lock note): read bounded, never trusted, never waited on.

A cache or settings folder may hold anything: a file cut short by a crash or a full disk, one another program
overwrote, a directory, a FIFO or a device where a file was, a file grown without bound, JSON of another shape.
Reading one gives its bytes (or its JSON) or None, never an exception and never a wait; None means "as if
absent": the cache is made again, the choice takes its default. What the caller does with a value that parsed
is its own to check (shape, types): see ``json_shape``.
"""

from __future__ import annotations

import json
import os
import stat
from typing import Any

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # a FIFO opens at once (POSIX); Windows has none in its file system
_BINARY = getattr(os, "O_BINARY", 0)


def read_bytes(path: str | os.PathLike, limit: int) -> bytes | None:
    """The bytes of a regular file of at most ``limit`` bytes, or None (missing, unreadable, not a regular
    file, larger). Opened without blocking and checked on the open handle, so a FIFO or a device put in its
    place is never read and a file swapped in between is the one checked."""
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | _BINARY)
    except (OSError, ValueError):
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > limit:
            return None
        chunks, left = [], limit + 1
        while left > 0:  # a file growing while read still stops at the limit
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
        return data if len(data) <= limit else None
    except OSError:
        return None
    finally:
        os.close(fd)


def read_json(path: str | os.PathLike, limit: int) -> Any:
    """The parsed JSON of a regular file of at most ``limit`` bytes, or None (as read_bytes, or not UTF-8
    JSON, or nested past the interpreter's recursion limit)."""
    raw = read_bytes(path, limit)
    if raw is None:
        return None
    try:
        return json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        return None


def json_shape(value: Any, shape: Any) -> bool:
    """Whether parsed JSON ``value`` has ``shape``: a type (str, int, float, bool, type(None)), a tuple of
    alternatives, ``[shape]`` for a list of that, ``{key: shape}`` for an object with at least those keys, or
    ``{str: shape}`` for an object of any keys. bool is not taken for int, as JSON tells them apart."""
    if isinstance(shape, list):
        return isinstance(value, list) and all(json_shape(v, shape[0]) for v in value)
    if isinstance(shape, dict):
        if not isinstance(value, dict):
            return False
        if str in shape:
            return all(json_shape(v, shape[str]) for v in value.values())
        return all(k in value and json_shape(value[k], s) for k, s in shape.items())
    if isinstance(shape, tuple) and not isinstance(shape, type):
        return any(json_shape(value, s) for s in shape)
    if shape is int or shape is float:
        return isinstance(value, int | float if shape is float else int) and not isinstance(value, bool)
    return isinstance(value, shape)

