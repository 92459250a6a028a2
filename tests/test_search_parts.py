"""Long article texts indexed for search in parts (SQLite): every word is found, in
any part and across parts, and edits, deletions and the downgrade keep the index whole.

See ``db.search.schema``: a text longer than ``PART_BYTES`` is indexed a part at a
time, each part a row of both FTS tables, so indexing it takes memory of a part.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from sqlalchemy import text

from db.analysts import bind_analyst
from db.articles import article_text, delete_article, update_article
from db.importing import import_file
from db.search import schema, search
from db.search.schema import PART_CHARS, PART_LOOKBACK, PART_OVERLAP, text_parts
from db.workspace import Workspace, alembic_config, make_engine, open_workspace, to_url

LINE = "Колонна прошла мост 다리 near the river at dawn, officials said. "


def _prose(chars: int, first: str = "Zwiebelturm", last: str = "Quellwasser") -> str:
    body = LINE * (chars // len(LINE) + 1)
    return f"Long report\n\n{first} {body}{last}\n"


@pytest.fixture
def ws(tmp_path: Path):
    workspace = open_workspace(tmp_path / "parts.sqlite")
    bind_analyst(workspace)
    yield workspace
    workspace.close()


def _import(ws: Workspace, tmp_path: Path, body: str, name: str = "long.txt"):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8", newline="\n")
    return import_file(ws, path)


def _parts(ws: Workspace) -> list[tuple[int, int, int, int]]:
    with ws.engine.connect() as conn:
        sql = f"SELECT key_id, start, length, titled FROM {schema.PART} ORDER BY id"
        return [tuple(r) for r in conn.execute(text(sql))]


def _kinds(ws: Workspace) -> list[str]:
    with ws.engine.connect() as conn:
        sql = f"SELECT kind FROM {schema.KEY} WHERE kind NOT IN ('tag', 'source') ORDER BY id"
        return [r[0] for r in conn.execute(text(sql))]


def _index_intact(ws: Workspace) -> None:
    """FTS5's own check that every entry matches what was indexed (raises otherwise)."""
    with ws.engine.begin() as conn:
        for table in (schema.WORD, schema.TRIGRAM):
            conn.exec_driver_sql(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")


def _found(ws: Workspace, query: str) -> list[object]:
    return [h.article_id for h in search(ws, query).hits]


def test_a_long_article_is_indexed_in_parts_and_found_to_its_last_word(
    ws: Workspace, tmp_path: Path
) -> None:
    body = _prose(5 * PART_CHARS)
    info = _import(ws, tmp_path, body)
    assert article_text(ws, info.id).text == body
    parts = _parts(ws)
    assert len(parts) >= 5 and _kinds(ws) == [schema.PARTED]
    assert [p[3] for p in parts] == [1] + [0] * (len(parts) - 1)  # the title once
    # The parts cover the text from its first character to its last.
    assert parts[0][1] == 1 and parts[-1][1] + parts[-1][2] - 1 == len(body)
    for word in ("zwiebelturm", "QUELLWASSER", "Long report", "다리", "ri"):
        hits = search(ws, word).hits
        assert [h.article_id for h in hits] == [info.id], word
    hit = search(ws, "quellwasser").hits[0]
    assert hit.article_start == body.rfind("Quellwasser")
    # Every term in some part: the first and the last part, the title and the end.
    assert _found(ws, "Zwiebelturm Quellwasser") == [info.id]
    assert _found(ws, "report Quellwasser") == [info.id]
    assert _found(ws, "Quellwasser Sauerkraut") == []
    assert _found(ws, "Sauerkraut") == []
    _index_intact(ws)


def test_articles_in_parts_and_whole_are_found_newest_first(ws: Workspace, tmp_path: Path) -> None:
    older = _import(ws, tmp_path, _prose(3 * PART_CHARS), "older.txt")
    short = _import(ws, tmp_path, "Short note\n\nQuellwasser at dawn.\n", "short.txt")
    newer = _import(ws, tmp_path, _prose(3 * PART_CHARS, first="Abendrot"), "newer.txt")
    assert _found(ws, "quellwasser") == [newer.id, short.id, older.id]
    assert _found(ws, "abendrot quellwasser") == [newer.id]
    assert _found(ws, "quellwasser dawn") == [newer.id, short.id, older.id]
    assert [h.article_id for h in search(ws, "quellwasser", limit=2).hits] == [newer.id, short.id]


def test_a_term_across_a_cut_without_white_space_is_found(ws: Workspace, tmp_path: Path) -> None:
    # Text with no white space for pages (Chinese, say): the parts are cut anywhere
    # and overlap, so a term lying across the cut is whole in the next part.
    chars = [chr(c) for c in range(0x4E00, 0x4E00 + 2000)]
    rng = random.Random(7)
    run = "".join(rng.choice(chars) for _ in range(3 * PART_CHARS))
    body = "长篇\n\n" + run + "\n"
    info = _import(ws, tmp_path, body)
    parts = _parts(ws)
    assert len(parts) >= 3
    second = parts[1][1] - 1  # where the second part starts (0-based)
    assert parts[0][2] - second == PART_OVERLAP  # the overlap
    cut = parts[0][2]  # where the first part ends
    for start, size in ((cut - 6, 12), (cut - PART_OVERLAP, PART_OVERLAP), (len(body) - 9, 8)):
        term = body[start : start + size]
        assert _found(ws, term) == [info.id], (start, size)
    assert _found(ws, body[cut - 6 : cut + 6] + "x") == []
    _index_intact(ws)


def test_text_parts_cut_before_white_space_and_cover_the_text() -> None:
    rng = random.Random(3)
    words = ["a", "word", "longer-word", "다리", "\n\n", "Колонна"]
    body = " ".join(rng.choice(words) for _ in range(4 * PART_CHARS // 5))
    pieces = [body[at : at + 100_003] for at in range(0, len(body), 100_003)]
    parts = list(text_parts(pieces))
    assert "".join(part for _, part in parts) == body  # no overlap: white space was near
    at = 0
    for start, part in parts:
        assert start == at and len(part) <= PART_CHARS
        at += len(part)
    assert all(body[start].isspace() for start, _ in parts[1:])
    assert all(len(part) > PART_CHARS - PART_LOOKBACK for _, part in parts[:-1])


def test_edits_and_deletion_of_an_article_in_parts_keep_the_index_intact(
    ws: Workspace, tmp_path: Path
) -> None:
    body = _prose(3 * PART_CHARS)
    info = _import(ws, tmp_path, body)
    other = _import(ws, tmp_path, _prose(3 * PART_CHARS, first="Abendrot"), "other.txt")
    update_article(ws, info.id, title="Harbour dispatch")
    assert _kinds(ws) == [schema.PARTED, schema.PARTED]  # only the first part again
    assert _found(ws, "harbour dispatch") == [info.id]
    assert _found(ws, "harbour quellwasser") == [info.id]
    update_article(ws, info.id, title="Tidewater bulletin")
    assert _found(ws, "harbour") == []  # the old title is gone
    assert _found(ws, "tidewater quellwasser") == [info.id]
    _index_intact(ws)

    with ws.session() as session:  # a new text: indexed whole, its parts gone
        session.execute(
            text("UPDATE article SET text = :t WHERE id = :id"),
            {"t": body.replace("Quellwasser", "Flussmündung"), "id": info.id.hex},
        )
    assert _kinds(ws) == [schema.ARTICLE.name, schema.PARTED]
    assert {p[0] for p in _parts(ws)} == {2}
    assert _found(ws, "flussmündung") == [info.id]
    assert _found(ws, "quellwasser") == [other.id]
    _index_intact(ws)

    delete_article(ws, other.id)
    assert _parts(ws) == [] and _found(ws, "abendrot") == []
    _index_intact(ws)


def test_the_downgrade_indexes_parts_whole_and_the_upgrade_keeps_them_found(
    tmp_path: Path,
) -> None:
    from alembic import command

    url = to_url(tmp_path / "down.sqlite")
    ws = open_workspace(url)
    bind_analyst(ws)
    info = _import(ws, tmp_path, _prose(3 * PART_CHARS))
    ws.close()
    engine = make_engine(url)
    command.downgrade(alembic_config(engine), "0019")
    with engine.begin() as conn:
        tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
        kinds = [r[0] for r in conn.exec_driver_sql(f"SELECT kind FROM {schema.KEY}")]
    engine.dispose()
    assert schema.PART not in tables
    assert schema.PARTED not in kinds
    ws = open_workspace(url)  # upgraded on opening
    try:
        bind_analyst(ws)
        assert _found(ws, "zwiebelturm quellwasser") == [info.id]  # indexed whole
        assert _parts(ws) == []
        later = _import(ws, tmp_path, _prose(3 * PART_CHARS, first="Abendrot"), "later.txt")
        assert _found(ws, "quellwasser") == [later.id, info.id]
        assert len(_parts(ws)) >= 3
        _index_intact(ws)
    finally:
        ws.close()


def test_the_file_bytes_move_to_the_last_column_with_every_article_kept(tmp_path: Path) -> None:
    # A workspace migrated step by step has the file's bytes amid the columns;
    # migration 0021 moves them last in place, each article's text and file kept
    # and its search entries still found.
    import datetime as dt
    import uuid

    from alembic import command

    url = to_url(tmp_path / "order.sqlite")
    engine = make_engine(url)
    command.upgrade(alembic_config(engine), "0020")
    bodies = {"short": "Short note\n\nQuellwasser at dawn.\n", "long": _prose(3 * PART_CHARS)}
    now = dt.datetime(2026, 1, 1).isoformat(" ")
    with engine.begin() as conn:
        columns = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(article)")]
        assert columns[-1] != "original"
        for name, body in bodies.items():
            conn.exec_driver_sql(
                "INSERT INTO article (id, title, outlet, author, url, published_zone, text, "
                "original, sha256, filename, encoding, format, created_at, updated_at, version) "
                "VALUES (?, ?, '', '', '', '', ?, ?, ?, ?, 'utf-8', 'txt', ?, ?, 1)",
                (uuid.uuid4().hex, name, body, b"\xef\xbb\xbf" + body.encode(), name, name,
                 now, now),
            )  # fmt: skip
        schema.index_pending(conn)
    engine.dispose()
    ws = open_workspace(url)  # upgraded on opening
    try:
        with ws.engine.connect() as conn:
            columns = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(article)")]
            rows = conn.exec_driver_sql("SELECT title, text, original FROM article").all()
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert columns[-1] == "original" and columns.count("original") == 1
        assert {r[0]: (r[1], r[2]) for r in rows} == {
            name: (body, b"\xef\xbb\xbf" + body.encode()) for name, body in bodies.items()
        }
        assert len(_found(ws, "quellwasser")) == 2
        _index_intact(ws)
    finally:
        ws.close()
