"""Long text files streamed into a PostgreSQL workspace (db.importing.streamed with
db.shared_long_rows): stored as the whole-file reader stores them, by every door.

The thresholds are lowered so that small files take the streamed path and slices
of a few bytes cut characters, CR LF pairs and combining sequences.
"""

from __future__ import annotations

import codecs
import hashlib
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from db import importing
from db.analysts import bind_analyst
from db.articles import article_text, delete_article
from db.errors import InvalidInput
from db.importing import import_file, read_file, streamed
from db.importing.text import normalise_text
from db.models import Article, HistoryEntry
from db.search import search
from db.workspace import Workspace, open_workspace
from desktop.operations.imports import import_paths

# Columns that differ between two imports of one file by nature: its id and times.
OWN = {"id", "created_at", "updated_at"}


@pytest.fixture
def pg_ws(pg_url: str) -> Iterator[Workspace]:
    ws = open_workspace(pg_url)
    bind_analyst(ws)
    yield ws
    ws.close()


def _text(tail: str) -> str:
    line = "Колонна прошла мост 다리 e\u0301 near the river «at dawn» — officials said 😀.\r\n"
    head = "Title: Night crossing\r\nBy Ilse Marrow\r\nhttps://example.org/night\r\n\r\n"
    return head + "Abendrot over the quay.\r\n" + line * 40 + f"Last line {tail}\r"


def _import(door: str, ws: Workspace, url: str, path: Path) -> None:
    """Import *path* through *door*: ``file`` (import_file), ``cli`` (claimdesk
    import), ``window`` (the window's import function)."""
    if door == "file":
        import_file(ws, path)
    elif door == "cli":
        from db.cli import run

        assert run(["import", str(path), "--db", url], out=io.StringIO()) == 0
    else:
        report = import_paths(ws, [path], lambda done, total: True)
        assert len(report.added) == 1 and not report.problems, report.summary()


def _stored(ws: Workspace) -> dict[str, Any]:
    """The one article's row, its history entry and where searches find it (ids and
    times left out)."""
    with ws.session() as session:
        article = session.scalars(select(Article)).one()
        row = {
            column.key: getattr(article, column.key)
            for column in Article.__table__.columns
            if column.key not in OWN
        }
        entries = session.scalars(
            select(HistoryEntry).where(HistoryEntry.entity_id == article.id)
        ).all()
        history = [(e.action, {k: v for k, v in e.changes.items() if k != "id"}) for e in entries]
        aid = article.id
    hits = {}
    for word in ("abendrot", "quellwasser", "다리", "«at"):
        hits[word] = [
            (h.article_id == aid, h.field, h.article_start, h.article_end)
            for h in search(ws, word).hits
        ]
    return {"row": row, "history": history, "hits": hits}


@pytest.mark.parametrize("door", ["file", "cli", "window"])
@pytest.mark.parametrize("bom", [False, True])
def test_a_long_file_streams_into_postgresql_as_the_whole_reader_stores_it(
    pg_ws: Workspace,
    pg_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    door: str,
    bom: bool,
) -> None:
    data = (codecs.BOM_UTF8 if bom else b"") + _text("Quellwasser").encode("utf-8")
    path = tmp_path / "long.txt"
    path.write_bytes(data)
    whole_reads: list[Path] = []
    streamed_stores: list[str] = []
    read_limited, add_streamed = importing.read_limited, streamed.add_streamed_article

    def reading(path: Path, *args: Any) -> bytes:
        whole_reads.append(path)
        return read_limited(path, *args)

    def storing(ws: Workspace, new: Any, *args: Any) -> Any:
        streamed_stores.append(new.filename)
        return add_streamed(ws, new, *args)

    monkeypatch.setattr(importing, "read_limited", reading)
    monkeypatch.setattr(streamed, "add_streamed_article", storing)

    _import(door, pg_ws, pg_url, path)  # whole: the file is under STREAM_BYTES
    assert whole_reads == [path] and streamed_stores == []
    whole = _stored(pg_ws)
    with pg_ws.session() as session:
        first = session.scalars(select(Article.id)).one()
    delete_article(pg_ws, first)

    monkeypatch.setattr(streamed, "STREAM_BYTES", 1)
    monkeypatch.setattr(streamed, "SLICE", 7)
    whole_reads.clear()
    _import(door, pg_ws, pg_url, path)
    assert whole_reads == [] and streamed_stores == ["long.txt"]
    got = _stored(pg_ws)

    expected_text = normalise_text(data.decode("utf-8-sig"))
    assert got["row"]["text"] == expected_text == read_file(path).text
    assert got["row"]["original"] == data
    assert got["row"]["sha256"] == hashlib.sha256(data).hexdigest()
    assert got["row"]["title"] == "Night crossing" and got["row"]["author"] == "Ilse Marrow"
    assert got == whole
    assert [action for action, _ in got["history"]] == ["create"]
    assert all(hits and hits[0][0] for hits in got["hits"].values()), got["hits"]
    start = got["hits"]["quellwasser"][0][2]
    assert expected_text[start : start + len("Quellwasser")] == "Quellwasser"


def test_a_file_of_megabytes_streams_into_postgresql_in_full_slices(
    pg_ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Longer than DEFER_BYTES, read in the real slice size: characters of one to four
    # bytes and CR LF pairs fall on slice boundaries somewhere in three MiB.
    path = tmp_path / "long.md"
    body = _text("Quellwasser") * 800
    path.write_bytes(body.encode("utf-8"))
    assert path.stat().st_size > 3 * 2**20
    monkeypatch.setattr(streamed, "STREAM_BYTES", 2**20)
    long = streamed.read_long_text(path)  # NotStreamed would fail the test
    info = streamed.store_long_text(pg_ws, long)
    stored = article_text(pg_ws, info.id).text
    assert stored == normalise_text(body)
    assert "\r" not in stored and stored.endswith("Quellwasser\n")
    with pg_ws.session() as session:
        row = session.execute(select(Article.sha256, Article.original, Article.format)).one()
    assert row.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert row.original == path.read_bytes() and row.format == "md"
    [hit] = search(pg_ws, "quellwasser").hits
    assert hit.article_id == info.id


def test_a_file_changed_while_streamed_into_postgresql_stores_nothing(
    pg_ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(streamed, "STREAM_BYTES", 1)
    path = tmp_path / "long.txt"
    path.write_bytes(_text("Quellwasser").encode("utf-8"))
    long = streamed.read_long_text(path)
    path.write_bytes(_text("Flussmuende").encode("utf-8"))  # the same size, other bytes
    assert path.stat().st_size == long.file_bytes
    with pytest.raises(InvalidInput, match="changed while it was imported"):
        streamed.store_long_text(pg_ws, long)
    with pg_ws.session() as session:
        assert session.scalars(select(Article.id)).all() == []
