"""PySide6's import hook no longer reads the source of every module imported after it (ui.qt_compat)."""

import subprocess
import sys

from tests.conftest import ROOT

# In a fresh process, as the program starts: PySide6, then ui (which quiets the hook), then a new module.
SESSION = """
import linecache, sys
sys.path.insert(0, sys.argv[1])
import PySide6.QtWidgets
import ui
import tianbao_probe_module
print(tianbao_probe_module.__file__ in linecache.cache, tianbao_probe_module.answer())
"""


def test_a_module_imported_after_pyside_is_not_read_for_its_source(tmp_path):
    (tmp_path / "tianbao_probe_module.py").write_text("def answer():\n    return 42\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", SESSION, str(tmp_path)], capture_output=True, text=True, cwd=ROOT,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "42"]  # imported and working, its lines never read


def test_the_hook_is_quieted_only_where_it_exists():
    from ui.qt_compat import unread_modules

    assert unread_modules() is ("shibokensupport.feature" in sys.modules)
