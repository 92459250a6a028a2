"""The core runs headless: db/ never imports Qt or desktop/."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = ("PySide6", "shiboken6", "desktop")


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_db_sources_never_import_qt_or_desktop() -> None:
    offenders = []
    for path in sorted((ROOT / "db").rglob("*.py")):
        for name in _imported_modules(path):
            if name.split(".")[0] in FORBIDDEN:
                offenders.append(f"{path.relative_to(ROOT)}: {name}")
    assert offenders == []


def test_cli_runs_without_loading_qt(tmp_path: Path) -> None:
    code = (
        "import sys; from desktop.launcher import main; "
        f"rc = main(['--db', {str(tmp_path / 'w.sqlite')!r}, 'articles']); "
        "loaded = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]; "
        "print(rc, len(loaded))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.split()[-2:] == ["0", "0"]
