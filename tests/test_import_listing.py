"""After a window import the article list shows the new articles from the rows the import
holds: the same rows a read gives, without reading them back."""

from __future__ import annotations

from pathlib import Path

from gui_shell_support import make_window
from sqlalchemy import event

from db.articles import add_articles, list_articles
from db.importing import read_file
from db.workspace import Workspace
from desktop.operations.articles import articles_by_ids, just_stored


def _files(folder: Path) -> list[Path]:
    folder.mkdir()
    bodies = {
        "tide.txt": (
            "Title: Tide tables\nPublished: 2024-03-05 14:10\nBy Ann Lee\n\nHigh water at 6.\n"
        ),
        "wire.txt": "PARIS, March 3, 2023 (Reuters) - The river rose by two metres overnight.\n",
        "plain.txt": "Plain note\n\nNo date, no author.\n",
    }
    paths = []
    for name, body in bodies.items():
        (folder / name).write_text(body, encoding="utf-8")
        paths.append(folder / name)
    return paths


def test_the_list_shows_the_imported_rows_without_reading_them_back(
    ws: Workspace, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(ws, tmp_path, qtbot)
    reads: list[str] = []

    def seen(_conn, _cursor, statement: str, *_args) -> None:  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT") and "FROM article" in statement:
            reads.append(statement)

    panel = window.article_panel
    job = window.import_paths(_files(tmp_path / "in"))
    assert job is not None
    event.listen(ws.engine, "before_cursor_execute", seen)
    try:
        qtbot.waitUntil(lambda: job.done, timeout=30_000)
        shown = list(panel.model.articles)
    finally:
        event.remove(ws.engine, "before_cursor_execute", seen)
    stored = list_articles(ws)
    assert sorted(shown, key=lambda a: str(a.id)) == sorted(stored, key=lambda a: str(a.id))
    assert len(stored) == 3
    listing = [s for s in reads if " IN (" in s and "count(" in s]
    assert listing == []


def test_articles_by_ids_reads_only_what_was_not_just_stored(
    ws: Workspace, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(ws, tmp_path, qtbot)
    ctx = window.ctx
    first, second = add_articles(ws, [read_file(p) for p in _files(tmp_path / "in")][:2])
    assert not isinstance(first, Exception) and not isinstance(second, Exception)
    with just_stored(ctx, [first]):
        got = articles_by_ids(ctx, [first.id, second.id])
    assert {a.id for a in got} == {first.id, second.id}
    assert {a.id: a for a in got} == {a.id: a for a in list_articles(ws)}
    assert articles_by_ids(ctx, [first.id]) == [first]  # after the block: read again
