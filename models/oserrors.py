"""One Chinese phrase for what the system refused when a file was read or written (Python says it in English)."""

from __future__ import annotations

import errno
from pathlib import Path


def os_reason(e: OSError, path: str | Path | None = None, writing: bool = True) -> str:
    """Why ``e`` happened on ``path``, e.g. 磁盘空间不足; the system's own words only for the rare rest."""
    where = Path(path) if path else Path(e.filename or ".")
    if e.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return "磁盘空间不足"
    if e.errno == errno.ENAMETOOLONG:
        return "文件名过长，请取短一些的名字"
    if isinstance(e, NotADirectoryError) or e.errno == errno.ENOTDIR:
        return "路径中有一段不是文件夹"
    if isinstance(e, PermissionError) or e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "没有写入权限（或是只读的磁盘）" if writing else "没有读取权限"
    if isinstance(e, FileNotFoundError):
        return f"保存位置 {where.parent} 不存在" if writing else "找不到该文件或文件夹"
    if isinstance(e, IsADirectoryError):
        return "这是一个文件夹，请另选文件名" if writing else "这是文件夹，不是文件"
    if e.errno == errno.EBUSY or getattr(e, "winerror", None) in (32, 33):
        return "文件正被其他程序占用，请关闭后重试"
    return e.strerror or str(e)
