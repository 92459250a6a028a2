"""In the window, a missing Python package is one line in a dialog, never a traceback.

Each case of :data:`tests.missing_package_support.CASES` is run through the operation the
window runs (import, replace an article's text, export), the package hidden in this
process until the test ends.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from db.articles import article_text, list_articles
from db.claims import ClaimFilter
from db.workspace import Workspace
from desktop.context import AppContext
from desktop.dialogs import RecordingDialogs
from desktop.errors import make_excepthook
from desktop.operations import exports, imports, revisions
from tests.missing_package_support import CASES, Case, fill, hide, one_line_naming, write_files


def _lxml_cleaner_error() -> ImportError:
    """An import error as lxml raises it for its HTML cleaner: no module name on it."""
    try:
        try:
            raise ModuleNotFoundError("No module named 'lxml_html_clean'", name="lxml_html_clean")
        except ImportError:
            raise ImportError(
                "lxml.html.clean module is now a separate project lxml_html_clean.\n"
                "Install lxml[html-clean] or lxml_html_clean directly."
            ) from None
    except ImportError as exc:
        return exc


def _run(ctx: AppContext, case: Case, folder: Path, article_id: str) -> str:
    """Start the case's operation; the title of the dialog it is to end in."""
    verb, _, what = case.action.partition(" ")
    if verb == "import":
        imports.start_import(ctx, [folder / what])
        return "Import"
    if verb == "replace":
        revisions.start_replace(ctx, article_id, folder / "revised.txt")
        return revisions.TITLE
    exports.start_export(ctx, what, ClaimFilter(), folder / f"claims.{what}")
    return "Export"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_the_window_names_a_missing_package_in_one_line(  # type: ignore[no-untyped-def]
    case: Case, ws: Workspace, tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    article_id = fill(ws)
    write_files(tmp_path)
    before = [(a.id, article_text(ws, a.id).text) for a in list_articles(ws)]
    ctx = AppContext(ws, RecordingDialogs())
    hide(monkeypatch, case.package, case.loaders)
    title = _run(ctx, case, tmp_path, article_id)
    qtbot.waitUntil(lambda: bool(ctx.dialogs.errors), timeout=20_000)
    assert ctx.dialogs.infos == []
    ((shown_title, message),) = ctx.dialogs.errors
    assert shown_title == title
    if case.action.startswith("import"):
        name = case.action.split()[1]
        head, failed, line = message.split("\n")
        assert (head, failed) == ("Imported 0 articles.", "Not imported:")
        assert line.startswith(f"  • {name}: ")
        message = line.removeprefix(f"  • {name}: ")
    assert one_line_naming(message, case), message
    assert [(a.id, article_text(ws, a.id).text) for a in list_articles(ws)] == before
    assert not list(tmp_path.glob("claims.*"))


def test_an_import_error_no_reader_expected_is_one_line_too(  # type: ignore[no-untyped-def]
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog
) -> None:
    """The last resort of an import: the file is reported in one line naming the package
    (the traceback goes to the log), and the other files are still imported."""
    from db import importing

    def broken(data: bytes, filename: str, encoding: str | None = None) -> object:
        raise _lxml_cleaner_error()

    monkeypatch.setitem(importing.READERS, ".html", broken)
    write_files(tmp_path)
    (tmp_path / "plain.txt").write_text("The mayor said 3 bridges closed.\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        report = imports.import_paths(
            ws, [tmp_path / "page.html", tmp_path / "plain.txt"], lambda _d, _t: True
        )
    assert [a.title for a in report.added] == ["The mayor said 3 bridges closed."]
    ((name, reason),) = report.failures
    assert name == "page.html"
    assert reason == (
        "ClaimDesk needs the Python package 'lxml_html_clean', which is not installed here; "
        "install ClaimDesk again with `bash scripts/bootstrap.sh`."
    )
    assert "Traceback" in caplog.text  # kept for whoever reads the log


def test_an_import_error_reaching_the_window_is_one_line(ws: Workspace) -> None:  # type: ignore[no-untyped-def]
    ctx = AppContext(ws, RecordingDialogs())
    ctx.report_error(_lxml_cleaner_error(), "Import")
    ((title, message),) = ctx.dialogs.errors
    assert title == "Import" and "\n" not in message
    assert "needs the Python package 'lxml_html_clean'" in message
    shown: list[tuple[str, str]] = []
    hook = make_excepthook(lambda title, text: shown.append((title, text)))
    exc = _lxml_cleaner_error()
    hook(type(exc), exc, exc.__traceback__)
    ((_title, text),) = shown
    assert "\n" not in text and "needs the Python package 'lxml_html_clean'" in text
