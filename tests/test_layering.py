"""Dependencies point one way: gui → storage → pipeline, and neither lower layer imports Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

FORBIDDEN = {
    "pipeline": ("PySide6", "shiboken6", "storage", "gui", "sqlalchemy", "alembic"),
    "storage": ("PySide6", "shiboken6", "gui"),
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_lower_layers_import_nothing_above_them() -> None:
    offences = []
    for package, banned in FORBIDDEN.items():
        for path in (REPO / package).rglob("*.py"):
            for name in _imports(path):
                if name.split(".")[0] in banned:
                    offences.append(f"{path.relative_to(REPO)} imports {name}")
    assert not offences, "\n".join(offences)


def test_import_linter_contracts_hold() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_pipeline_and_storage_load_without_qt() -> None:
    # Import every module of the lower layers in a fresh interpreter and check Qt stayed out.
    code = (
        "import importlib, pkgutil, sys\n"
        "for pkg in ('pipeline', 'storage'):\n"
        "    m = importlib.import_module(pkg)\n"
        "    for info in pkgutil.walk_packages(m.__path__, pkg + '.'):\n"
        "        if '.migrations' in info.name: continue\n"
        "        importlib.import_module(info.name)\n"
        "bad = [n for n in sys.modules if n.startswith(('PySide6', 'shiboken6', 'gui'))]\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
