"""Where Tianbao keeps its files; environment variables let tests use a temp folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from models import APP_NAME


def data_dir() -> Path:
    return Path(os.environ.get("TIANBAO_DATA_DIR") or platformdirs.user_data_dir(APP_NAME, False))


def config_dir() -> Path:
    return Path(os.environ.get("TIANBAO_CONFIG_DIR") or platformdirs.user_config_dir(APP_NAME, False))


def cache_dir() -> Path:
    return Path(os.environ.get("TIANBAO_CACHE_DIR") or platformdirs.user_cache_dir(APP_NAME, False))


def default_db() -> Path:
    return data_dir() / "tianbao.db"
