"""Imported articles stored first, indexed afterwards: searches find them all along.

The window's import stores articles with their search entries queued
(``db.search.schema.QUEUED``); the background indexer (``desktop.search.indexer``)
makes the entries a few articles per transaction.  Until then a search reads the
queued articles and says how many wait; a workspace closed midway keeps its queue
and the next window finishes it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_shell_support import make_window
from sqlalchemy import event, text

from db.articles import NewArticle, add_articles, delete_article, list_articles
from db.search import articles_to_index, index_some, schema, search
from db.workspace import Workspace, open_workspace
from desktop.operations.imports import import_paths


def _new(n: int, body: str) -> NewArticle:
    raw = f"Dispatch {n}\n\n{body}\n".encode()
    return NewArticle(
        text=raw.decode(), original=raw, filename=f"d{n}.txt", format="txt", title=f"Dispatch {n}"
    )


def _indexed_keys(ws: Workspace, word: str) -> int:
    """Entries the word index holds for *word* (not the fallback reading the text)."""
    with ws.engine.connect() as conn:
        sql = f"SELECT count(*) FROM {schema.WORD} WHERE {schema.WORD} MATCH :w"
        return int(conn.execute(text(sql), {"w": word}).scalar() or 0)


def test_queued_articles_are_found_before_and_after_indexing(ws: Workspace) -> None:
    bodies = [
        "The harbour froze early.",
        "Grain prices rose sharply.",
        "A zeppelin landed at dawn.",
    ]
    outcomes = add_articles(ws, [_new(n, b) for n, b in enumerate(bodies)], index_later=True)
    assert len(list_articles(ws)) == 3 and all(not isinstance(o, Exception) for o in outcomes)
    assert articles_to_index(ws) == 3
    assert _indexed_keys(ws, "zeppelin") == 0  # nothing in the index yet

    waiting = search(ws, "zeppelin")
    assert waiting.indexing == 3
    assert [h.article_title for h in waiting.hits] == ["Dispatch 2"]
    assert [h.article_title for h in search(ws, "ze dawn").hits] == ["Dispatch 2"]  # word start
    assert search(ws, "eppelin dawn").hits  # three or more characters: anywhere
    assert not search(ws, "ep").hits  # two characters: only at the start of a word
    assert not search(ws, "zeppelin harbour").hits  # every term, in one article

    assert index_some(ws, 2) == 2 and articles_to_index(ws) == 1
    assert index_some(ws, 2) == 1 and index_some(ws, 2) == 0
    assert _indexed_keys(ws, "zeppelin") == 1
    done = search(ws, "zeppelin")
    assert done.indexing == 0
    assert [(h.article_title, h.start) for h in done.hits] == [
        (h.article_title, h.start) for h in waiting.hits
    ]


def test_a_queued_article_deleted_or_edited_before_indexing(ws: Workspace) -> None:
    stored = add_articles(
        ws, [_new(1, "Walrus sighted."), _new(2, "Puffin count.")], index_later=True
    )
    first = stored[0]
    assert not isinstance(first, Exception)
    delete_article(ws, first.id)
    assert articles_to_index(ws) == 1
    while index_some(ws):
        pass
    assert not search(ws, "walrus").hits
    assert [h.article_title for h in search(ws, "puffin").hits] == ["Dispatch 2"]
    assert _indexed_keys(ws, "walrus") == 0


def test_indexing_stopped_midway_goes_on_at_the_next_open(ws_path: Path, tmp_path: Path) -> None:
    ws = open_workspace(ws_path)
    add_articles(
        ws, [_new(n, f"Report number {n} on the ferry.") for n in range(5)], index_later=True
    )
    assert index_some(ws, 2) == 2  # the indexer was stopped after one transaction
    ws.close()

    again = open_workspace(ws_path)
    assert articles_to_index(again) == 3
    assert len(search(again, "ferry").hits) == 5  # all found, two from the index
    while index_some(again):
        pass
    assert articles_to_index(again) == 0 and _indexed_keys(again, "ferry") == 5
    again.close()


def test_an_article_indexed_while_a_search_runs_is_still_found(ws: Workspace) -> None:
    # The background indexer commits between two statements of one search: the
    # article leaves the queue after the search looked in the indexes.
    add_articles(ws, [_new(1, "A narwhal surfaced.")], index_later=True)
    assert articles_to_index(ws) == 1
    indexed: list[int] = []

    def index_after_the_index_lookup(_conn, _cursor, statement, *_rest) -> None:  # type: ignore[no-untyped-def]
        if " MATCH " in statement and not indexed:
            other = open_workspace(ws.url.removeprefix("sqlite:///"))
            indexed.append(index_some(other))
            other.close()

    event.listen(ws.engine, "after_cursor_execute", index_after_the_index_lookup)
    try:
        found = search(ws, "narwhal")
    finally:
        event.remove(ws.engine, "after_cursor_execute", index_after_the_index_lookup)
    assert indexed == [1] and articles_to_index(ws) == 0
    assert [h.article_title for h in found.hits] == ["Dispatch 1"]
    assert [h.article_title for h in search(ws, "narwhal").hits] == ["Dispatch 1"]


def test_window_import_then_the_indexer_makes_the_last_article_searchable(
    ws: Workspace, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    files = []
    for n in range(30):
        path = folder / f"note-{n:02d}.txt"
        path.write_text(f"Field note {n}\n\nObserved {'quokka' if n == 29 else 'gull'} {n}.\n")
        files.append(path)
    window = make_window(ws, tmp_path, qtbot)
    indexed: list[int] = []
    window.search_indexer.indexed.connect(indexed.append)
    job = window.import_paths(files)
    assert job is not None
    qtbot.waitUntil(lambda: job.done, timeout=30_000)
    assert len(list_articles(ws)) == 30
    assert search(ws, "quokka").hits  # indexed or not, it is found
    qtbot.waitUntil(lambda: sum(indexed) == 30, timeout=30_000)
    assert articles_to_index(ws) == 0
    assert _indexed_keys(ws, "quokka") == 1
    assert search(ws, "quokka").indexing == 0
    assert window.search_indexer.label.isHidden()


def test_after_a_window_import_the_indexer_starts_once_the_first_article_is_open(
    ws: Workspace, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    """The loads the opening starts (its suggestions) are asked for before the indexer
    starts, so that the indexer gives way to them instead of going first."""
    files = []
    for n in range(3):
        path = tmp_path / f"memo-{n}.txt"
        path.write_text(f"Harbour memo {n}\n\nThe ferry left at {n + 6} o'clock.\n")
        files.append(path)
    window = make_window(ws, tmp_path, qtbot)
    seen: list[tuple[object, bool]] = []
    start = window.search_indexer.start

    def starting(waiting: int | None = None) -> None:
        seen.append((window.reader.article_id, window.suggestions_view.pending))
        start(waiting)

    window.search_indexer.start = starting  # type: ignore[method-assign]
    job = window.import_paths(files)
    assert job is not None
    qtbot.waitUntil(lambda: job.done and bool(seen), timeout=30_000)
    first = job.result.added[0].id
    assert seen[0] == (first, True)
    qtbot.waitUntil(lambda: articles_to_index(ws) == 0, timeout=30_000)


def test_after_a_window_import_the_gui_thread_counts_no_queue(
    ws: Workspace, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    """The import's own thread counts the articles it left queued; the indexer is
    started with that count, with no query on the GUI thread."""
    import threading

    files = []
    for n in range(3):
        path = tmp_path / f"tide-{n}.txt"
        path.write_text(f"Tide note {n}\n\nThe water rose {n + 2} feet.\n")
        files.append(path)
    window = make_window(ws, tmp_path, qtbot)
    qtbot.wait(50)  # the window's own look at the queue on opening (a timer at 0) first
    qtbot.waitUntil(lambda: not window.search_indexer.running, timeout=10_000)
    counted: list[bool] = []  # each count of the queue: on the GUI thread?

    def record(conn, cursor, statement, *args) -> None:  # type: ignore[no-untyped-def]
        if (
            f"FROM {schema.KEY} WHERE kind = '{schema.QUEUED}'" in statement
            and "count" in statement
        ):
            counted.append(threading.current_thread() is threading.main_thread())

    event.listen(ws.engine, "before_cursor_execute", record)
    try:
        job = window.import_paths(files)
        assert job is not None
        qtbot.waitUntil(lambda: job.done and window.search_indexer.running, timeout=30_000)
        assert job.result.queued == 3
        assert window.search_indexer.total == 3
    finally:
        event.remove(ws.engine, "before_cursor_execute", record)
    assert counted == [False]
    qtbot.waitUntil(lambda: articles_to_index(ws) == 0, timeout=30_000)


def test_a_new_window_indexes_what_a_closed_one_left(ws: Workspace, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "left.txt"
    src.write_text("Left behind\n\nThe lighthouse keeper wrote twice.\n")
    report = import_paths(ws, [src], lambda _d, _t: True, index_later=True)
    assert len(report.added) == 1 and articles_to_index(ws) == 1
    window = make_window(ws, tmp_path, qtbot)
    qtbot.waitUntil(lambda: articles_to_index(ws) == 0, timeout=30_000)
    assert _indexed_keys(ws, "lighthouse") == 1
    qtbot.waitUntil(lambda: not window.search_indexer.running, timeout=10_000)


def test_the_indexer_tries_again_after_a_failed_transaction(
    ws: Workspace, tmp_path: Path, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from desktop.operations import search as search_ops
    from desktop.search import indexer

    add_articles(ws, [_new(n, f"Tide table {n}.") for n in range(3)], index_later=True)
    real = search_ops.index_some
    calls: list[int] = []

    def flaky(ctx, limit=search_ops.INDEX_BATCH):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("database is locked")
        return real(ctx, limit)

    monkeypatch.setattr(indexer, "RETRY_SECONDS", 0.01)
    monkeypatch.setattr(search_ops, "index_some", flaky)
    make_window(ws, tmp_path, qtbot)
    qtbot.waitUntil(lambda: articles_to_index(ws) == 0, timeout=30_000)
    assert len(calls) >= 2 and _indexed_keys(ws, "tide") == 3


def test_a_search_reads_a_bounded_amount_of_unindexed_text_and_says_so(
    ws: Workspace, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from db.search import match

    add_articles(ws, [_new(n, f"Buoy {n} drifted north.") for n in range(6)], index_later=True)
    assert len(search(ws, "buoy").hits) == 6 and search(ws, "buoy").unread == 0
    monkeypatch.setattr(match, "QUEUED_READ_CHARS", 60)  # about two of these articles
    bounded = search(ws, "buoy")
    assert bounded.indexing == 6 and bounded.unread > 0
    assert len(bounded.hits) + bounded.unread == 6
    assert bounded.hits[0].article_title == "Dispatch 5"  # the newest are read first
    while index_some(ws):
        pass
    indexed = search(ws, "buoy")
    assert len(indexed.hits) == 6 and indexed.unread == indexed.indexing == 0


def test_the_command_line_import_stores_first_then_indexes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import sqlite3

    import db.search
    from db.cli import run

    folder = tmp_path / "dispatches"
    folder.mkdir()
    for n in range(3):
        (folder / f"d{n}.txt").write_text(f"Dispatch {n}\n\nA quokka census, part {n}.\n")
    target = tmp_path / "cli.sqlite"
    seen: list[tuple[int, int]] = []
    real = db.search.index_some

    def watched(ws: Workspace, limit: int = 25) -> int:
        with sqlite3.connect(target) as other:  # what another reader sees meanwhile
            stored = other.execute("SELECT count(*) FROM article").fetchone()[0]
            queued = other.execute(
                f"SELECT count(*) FROM {schema.KEY} WHERE kind = '{schema.QUEUED}'"
            ).fetchone()[0]
        seen.append((stored, queued))
        return real(ws, limit)

    monkeypatch.setattr(db.search, "index_some", watched)
    assert run(["--db", str(target), "import", str(folder)], out=io.StringIO()) == 0
    assert seen[0] == (3, 3)  # committed, not indexed yet
    ws = open_workspace(target)
    try:
        assert articles_to_index(ws) == 0
        assert _indexed_keys(ws, "quokka") == 3
        assert {h.article_title for h in search(ws, "quokka").hits} == {
            "Dispatch 0",
            "Dispatch 1",
            "Dispatch 2",
        }
    finally:
        ws.close()


def _busy_pool_and_queue(
    ws: Workspace, tmp_path: Path, qtbot, monkeypatch, word: str, give_way: float
):  # type: ignore[no-untyped-def]
    """A window whose indexer is idle, three articles queued for indexing with *word*, and
    a job in the shared pool that runs until the returned event is set."""
    import threading

    from desktop.search import indexer
    from desktop.workers import run_job

    window = make_window(ws, tmp_path, qtbot)
    qtbot.waitUntil(lambda: not window.search_indexer.running, timeout=10_000)
    add_articles(ws, [_new(n, f"{word} {n}.") for n in range(3)], index_later=True)
    monkeypatch.setattr(indexer, "GIVE_WAY_SECONDS", give_way)
    release = threading.Event()
    job = run_job("Busy", lambda _p: release.wait(30), show_progress=False)
    return window, job, release


def test_the_indexer_waits_while_the_shared_pool_works_then_goes_on(
    ws: Workspace, tmp_path: Path, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Work the analyst waits for (a panel loading, suggestions) runs in the shared pool:
    the indexer does not take turns with it, and indexes once it is done."""
    window, job, release = _busy_pool_and_queue(ws, tmp_path, qtbot, monkeypatch, "Kelp", 30.0)
    window.search_indexer.start()
    assert window.search_indexer.running
    qtbot.wait(400)
    assert articles_to_index(ws) == 3  # nothing indexed while the pool works
    release.set()
    qtbot.waitUntil(lambda: job.done, timeout=10_000)
    qtbot.waitUntil(lambda: articles_to_index(ws) == 0, timeout=30_000)
    assert _indexed_keys(ws, "kelp") == 3


def test_a_long_job_in_the_pool_slows_the_indexer_without_stopping_it(
    ws: Workspace, tmp_path: Path, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window, job, release = _busy_pool_and_queue(ws, tmp_path, qtbot, monkeypatch, "Glacier", 0.05)
    try:
        window.search_indexer.start()
        qtbot.waitUntil(lambda: articles_to_index(ws) == 0, timeout=20_000)
        assert not job.done and _indexed_keys(ws, "glacier") == 3
    finally:
        release.set()
        qtbot.waitUntil(lambda: job.done, timeout=10_000)
