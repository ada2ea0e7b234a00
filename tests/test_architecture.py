"""The core never depends on Qt: models/ and export/ import in a fresh interpreter without PySide6."""

import subprocess
import sys

from tests.conftest import ROOT

CORE_MODULES = [
    "models.report", "models.store", "models.migrations", "models.exchange", "models.templates",
    "models.fields", "models.facts", "models.paths", "models.importers.dispatch",
]


def test_core_imports_without_qt():
    code = (
        "import importlib, pkgutil, sys\n"
        "import models, export\n"
        "for pkg in (models, export):\n"
        "    for m in pkgutil.iter_modules(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(m.name)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "print(len(list(pkgutil.iter_modules(models.__path__))))\n"
        "assert not bad, bad\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout.strip()) >= len([m for m in CORE_MODULES if m.startswith("models.")])
