"""Every importer and exporter module imports, and everything they import when used;
a missing package is one clear line, never a traceback."""

from __future__ import annotations

import ast
import importlib
import os
import pkgutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

import db.exporting
import db.importing
from db.cli import run
from db.needs import MissingPackage, explain, missing_module, needs
from db.workspace import open_workspace
from tests.missing_package_support import CASES, Case, fill, one_line_naming, write_files

ROOT = Path(__file__).resolve().parent.parent


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


# --- The whole chain: what the importers and exporters import when they are used -----


def _module_file(name: str) -> Path | None:
    base = ROOT / name.replace(".", "/")
    for path in (base / "__init__.py", base.with_suffix(".py")):
        if path.is_file():
            return path
    return None


def _imports_of(path: Path, module: str) -> set[str]:
    """Every name *path* imports, in functions too (``from X import Y`` gives X and X.Y)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            names.add(base)
            names |= {f"{base}.{alias.name}" for alias in node.names}
    return names


def _chain_imports() -> set[str]:
    """What the importer and exporter modules import, and ClaimDesk's modules they
    import import, all the way down: the names outside ClaimDesk and the standard library."""
    todo = _modules(db.importing) + _modules(db.exporting) + ["db.importing", "db.exporting"]
    seen: set[str] = set()
    outside: set[str] = set()
    while todo:
        module = todo.pop()
        path = _module_file(module)
        if module in seen or path is None:
            continue
        seen.add(module)
        for name in _imports_of(path, module):
            top = name.split(".")[0]
            if top in ("db", "desktop"):
                todo.append(name)
            elif top not in sys.stdlib_module_names:
                outside.add(name)
    return outside


CHAIN = _chain_imports()


def _resolve(name: str) -> object:
    """The module *name*, or the attribute its last part names in the module before it."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name or "." not in name:
            raise
    parent, _, attribute = name.rpartition(".")
    return getattr(_resolve(parent), attribute)


def test_the_chain_reaches_what_is_imported_only_when_used() -> None:
    """Imports inside functions count: the encoding recogniser and fuzzy matching are
    loaded only when a file or a claim first needs them."""
    assert {"charset_normalizer.from_bytes", "rapidfuzz.fuzz", "trafilatura"} <= CHAIN
    assert {"pypdfium2", "docx", "xlsxwriter", "lxml.html"} <= CHAIN


@pytest.mark.parametrize("top", sorted({name.split(".")[0] for name in CHAIN}))
def test_everything_the_importers_and_exporters_import_is_there(top: str) -> None:
    names = sorted(name for name in CHAIN if name.split(".")[0] == top)
    assert [name for name in names if _resolve(name) is None] == []


def test_the_html_cleaner_is_installed() -> None:
    """trafilatura reads pages with justext, which cleans them with lxml's HTML cleaner:
    a separate project since lxml 5.2, brought by the lxml[html_clean] extra."""
    from lxml.html.clean import Cleaner

    assert Cleaner.__module__.startswith("lxml_html_clean")
    assert version("lxml_html_clean")


# --- A missing package named in one line --------------------------------------------


def test_the_package_is_named_when_the_error_does_not_name_it() -> None:
    def cleaner() -> None:
        try:
            import_error = ModuleNotFoundError("No module named 'lxml_html_clean'")
            import_error.name = "lxml_html_clean"
            raise import_error
        except ImportError:
            # as lxml.html.clean does: a message of its own, the module not named
            raise ImportError(
                "lxml.html.clean module is now a separate project lxml_html_clean.\n"
                "Install lxml[html-clean] or lxml_html_clean directly."
            ) from None

    with pytest.raises(ImportError) as info:
        cleaner()
    assert info.value.name is None
    assert missing_module(info.value) == "lxml_html_clean"
    # Only the message to go by
    assert missing_module(ImportError("No module named 'rapidfuzz.fuzz'")) == "rapidfuzz"
    bare = ImportError("module is now a separate project lxml_html_clean.")
    assert missing_module(bare) == "lxml_html_clean"
    # ... or only the error it was raised from
    outer = ImportError("could not load the reader")
    outer.__cause__ = ModuleNotFoundError("gone", name="pypdfium2.raw")
    assert missing_module(outer) == "pypdfium2"
    assert missing_module(ImportError("something else went wrong")) == ""
    with pytest.raises(MissingPackage, match=r"^Reading HTML pages needs the Python package "):
        with needs("Reading HTML pages"):
            cleaner()
    line = explain(bare)
    assert "\n" not in line and "'lxml_html_clean'" in line


def test_an_import_error_of_claimdesk_itself_is_not_taken_for_a_missing_package() -> None:
    with pytest.raises(ImportError, match="cannot import name"), needs("Reading HTML pages"):
        raise ImportError("cannot import name 'gone' from 'db.importing'", name="db.importing")
    with pytest.raises(ImportError, match="went wrong"), needs("Reading HTML pages"):
        raise ImportError("something else went wrong")
    # At the top, even these are one line.
    text = explain(ImportError("cannot import name 'gone'\nfrom 'db.importing'", name="db"))
    assert "\n" not in text and "cannot import name 'gone' from 'db.importing'" in text


HIDDEN = """
import sys
sys.modules[{package!r}] = None  # as if it were not installed
from desktop.launcher import main
raise SystemExit(main({args!r}))
"""


def _claimdesk_without(package: str, args: list[str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", HIDDEN.format(package=package, args=args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )


def _arguments(case: Case, db: Path, folder: Path, article_id: str) -> list[str]:
    verb, _, what = case.action.partition(" ")
    if verb == "import":
        return ["--db", str(db), "import", str(folder / what)]
    if verb == "replace":
        return ["--db", str(db), "article", "replace", article_id, str(folder / "revised.txt")]
    return ["--db", str(db), "export", "--status", "any", "--format", what, "-o",
            str(folder / f"claims.{what}")]  # fmt: skip


def _stored(db: Path) -> tuple[int, list[str]]:
    from db.articles import article_text, list_articles

    ws = open_workspace(db)
    try:
        articles = list_articles(ws)
        return len(articles), [article_text(ws, a.id).text for a in articles]
    finally:
        ws.close()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_the_command_line_names_a_missing_package_in_one_line(case: Case, tmp_path: Path) -> None:
    db = tmp_path / "w.sqlite"
    ws = open_workspace(db)
    try:
        article_id = fill(ws)
    finally:
        ws.close()
    write_files(tmp_path)
    before = _stored(db)
    result = _claimdesk_without(case.package, _arguments(case, db, tmp_path, article_id))
    assert result.returncode == 2, result.stderr[-2000:]
    assert result.stderr.startswith("claimdesk: ") and result.stderr.count("\n") == 1
    assert one_line_naming(result.stderr, case), result.stderr
    assert _stored(db) == before  # nothing imported, the text not replaced
    assert not list(tmp_path.glob("claims.*"))


@pytest.mark.parametrize(
    ("package", "args"),
    [
        ("sqlalchemy", ["articles"]),  # no feature loads it: the last resort names it
        ("PySide6", []),  # the window, without Qt
    ],
)
def test_a_package_missing_anywhere_else_is_one_line_too(
    package: str, args: list[str], tmp_path: Path
) -> None:
    result = _claimdesk_without(package, ["--db", str(tmp_path / "w.sqlite"), *args])
    assert result.returncode == 2
    assert result.stderr == (
        f"claimdesk: ClaimDesk needs the Python package {package!r}, which is not installed "
        "here; install ClaimDesk again with `bash scripts/bootstrap.sh`.\n"
    )
    assert not (tmp_path / "w.sqlite").exists()
