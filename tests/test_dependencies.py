"""Every importer and exporter module imports; a missing package is one clear line."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

import pytest

import db.exporting
import db.importing
from db.cli import run


def _modules(package: object) -> list[str]:
    path = package.__path__  # type: ignore[attr-defined]
    prefix = package.__name__ + "."  # type: ignore[attr-defined]
    return sorted(info.name for info in pkgutil.iter_modules(path, prefix))


@pytest.mark.parametrize("name", _modules(db.importing) + _modules(db.exporting))
def test_module_imports(name: str) -> None:
    """A package an importer or exporter needs but nobody declared fails here."""
    assert importlib.import_module(name).__name__ == name


def test_every_reader_and_writer_is_reachable(tmp_path: Path) -> None:
    from db.exporting import EXPORTERS, FILE_SUFFIX
    from db.importing import READERS

    assert {".txt", ".md", ".html", ".htm", ".pdf", ".docx"} <= set(READERS)
    assert set(EXPORTERS) == set(FILE_SUFFIX)


def test_a_missing_package_is_one_line_not_a_traceback(
    ws_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>Officials said 40 ships left port on Friday.</p></body></html>")
    # As if trafilatura were not installed: importing it raises ImportError.
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    monkeypatch.delitem(sys.modules, "db.importing.html", raising=False)
    code = run(["--db", str(ws_path), "import", str(page)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1
    assert "Reading HTML pages needs the Python package 'trafilatura'" in err
    assert "Traceback" not in err
