"""The very first start on a fresh PC: no data folder, no database yet."""

from models.opening import open_store
from models.paths import default_db


def test_first_run_creates_folder_and_database(tmp_path):
    path = tmp_path / "new" / "Tianbao" / "tianbao.db"
    store, readonly = open_store(path)
    try:
        assert not readonly and path.exists()
        assert store.list_reports() == []
    finally:
        store.close()


def test_default_database_is_in_the_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("TIANBAO_DATA_DIR", str(tmp_path / "fresh"))
    store, readonly = open_store(default_db())
    store.close()
    assert not readonly and (tmp_path / "fresh" / "tianbao.db").exists()
