"""Many articles stored in one transaction: each outcome reported, a refused one keeps none out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select
from store_support import store_kinds

from db.articles import ArticleInfo, NewArticle, add_article, add_articles, list_articles
from db.changefeed import changes_since, latest_change
from db.errors import DuplicateArticle, InvalidInput
from db.models import Article, HistoryEntry
from db.workspace import Workspace
from desktop.operations.imports import import_paths

store_kind = store_kinds("postgres")  # the PostgreSQL cases keep their id


def article(name: str, body: str, **fields: object) -> NewArticle:
    return NewArticle(text=body, original=body.encode(), filename=name, **fields)  # type: ignore[arg-type]


def created_entries(ws: Workspace) -> int:
    query = select(func.count()).where(
        HistoryEntry.entity_type == "article", HistoryEntry.action == "create"
    )
    with ws.session() as session:
        return int(session.scalar(query) or 0)


def test_outcomes_follow_the_order_and_refusals_keep_none_out(store: Workspace) -> None:
    before = add_article(store, article("old.txt", "An article stored earlier.\n"))
    news = [
        article("one.txt", "The first new article.\n"),
        article("again.txt", "An article stored earlier.\n"),  # same bytes as before
        article("blank.txt", "   \n"),
        article("two.txt", "The second new article.\n", title="Second"),
        article("twin.txt", "The first new article.\n"),  # same bytes as one.txt
        article("zone.txt", "A third article.\n", published_offset=10_000),
    ]
    outcomes = add_articles(store, news)
    assert [type(o) for o in outcomes] == [
        ArticleInfo,
        DuplicateArticle,
        InvalidInput,
        ArticleInfo,
        DuplicateArticle,
        InvalidInput,
    ]
    one, again, _blank, two, twin, _zone = outcomes
    assert isinstance(again, DuplicateArticle) and again.existing_id == str(before.id)
    assert isinstance(one, ArticleInfo) and isinstance(twin, DuplicateArticle)
    assert twin.existing_id == str(one.id)
    assert isinstance(two, ArticleInfo) and two.title == "Second"
    stored = {a.id: a.title for a in list_articles(store)}
    assert stored == {before.id: "old.txt", one.id: "one.txt", two.id: "Second"}
    assert created_entries(store) == 3  # each stored article has its history entry


@pytest.mark.postgres
def test_a_row_the_database_refuses_is_reported_alone(pg_ws: Workspace) -> None:
    news = [
        article("a.txt", "First.\n"),
        article("long.txt", "Second.\n", title="x" * 600),  # longer than the column
        article("c.txt", "Third.\n"),
    ]
    outcomes = add_articles(pg_ws, news)
    assert isinstance(outcomes[0], ArticleInfo) and isinstance(outcomes[2], ArticleInfo)
    assert isinstance(outcomes[1], Exception)
    assert {a.filename for a in list_articles(pg_ws)} == {"a.txt", "c.txt"}


def test_many_files_import_with_one_bad_one_reported(ws: Workspace, tmp_path: Path) -> None:
    paths = []
    for n in range(12):
        path = tmp_path / f"note-{n:02d}.txt"
        path.write_text(f"Note {n}\n\nThe council met on day {n} and said nothing new.\n")
        paths.append(path)
    bad = tmp_path / "note-05.txt"
    bad.write_bytes(bytes(range(256)) * 8)  # binary: refused while reading
    paths.append(paths[3])  # the same file twice
    seen: list[int] = []
    report = import_paths(ws, paths, lambda done, total: seen.append(done) or True)
    assert [name for name, _ in report.failures] == ["note-05.txt"]
    assert [name for name, _ in report.duplicates] == ["note-03.txt"]
    assert len(report.added) == 11
    assert [a.filename for a in report.added] == [p.name for p in paths[:12] if p != bad]
    assert len(list_articles(ws)) == 11
    assert seen == list(range(len(paths) + 1))  # progress after every file, then the end


def test_a_batch_stores_and_records_each_article_as_storing_it_alone_does(
    store: Workspace,
) -> None:
    fields = {
        "title": "Harbour talks stall",
        "outlet": "Coast Ledger",
        "author": "Mara Linden",
        "url": "https://example.org/harbour",
        "published_at": dt.datetime(
            2024, 10, 18, 14, 10, tzinfo=dt.timezone(dt.timedelta(hours=9))
        ),
        "published_offset": 540,
        "published_zone": " KST ",
        "encoding": "cp1252",
    }
    alone = add_article(store, article("alone.txt", "Talks stalled, said one side.\n", **fields))
    [batched] = add_articles(
        store, [article("batch.txt", "Talks stalled, said the other.\n", **fields)]
    )
    assert isinstance(batched, ArticleInfo)
    differ = {"id", "sha256", "filename", "created_at"}
    assert {k: v for k, v in _fields(batched).items() if k not in differ} == {
        k: v for k, v in _fields(alone).items() if k not in differ
    }
    assert batched.published_zone == "KST" and batched.version == 1
    assert batched.created_at.tzinfo is not None and batched.created_at.utcoffset() == dt.timedelta(
        0
    )
    with store.session() as session:
        entries = {
            e.entity_id: e
            for e in session.scalars(
                select(HistoryEntry).where(HistoryEntry.entity_type == "article")
            )
        }
        rows = {a.id: a for a in session.scalars(select(Article))}
    one, other = entries[alone.id], entries[batched.id]
    assert (other.action, other.analyst_id, other.claim_id) == ("create", store.analyst_id, None)
    assert other.analyst_id is not None and other.seq is not None and other.seq > one.seq
    assert other.at.tzinfo is not None
    assert {k: v for k, v in other.changes.items() if k not in differ} == {
        k: v for k, v in one.changes.items() if k not in differ
    }
    assert other.changes["id"] == [None, str(batched.id)]
    assert other.changes["sha256"] == [None, batched.sha256]
    row = rows[batched.id]
    assert (row.created_by_id, row.updated_by_id) == (store.analyst_id, store.analyst_id)
    assert (row.version, row.text, row.original) == (
        1,
        "Talks stalled, said the other.\n",
        b"Talks stalled, said the other.\n",
    )
    assert row.published_at == fields["published_at"]


def _fields(info: ArticleInfo) -> dict[str, object]:
    return {name: getattr(info, name) for name in ArticleInfo.__slots__}


def test_a_batch_is_not_seen_again_as_someone_elses_change(store: Workspace) -> None:
    mark = latest_change(store)
    stored = add_articles(store, [article("a.txt", "First.\n"), article("b.txt", "Second.\n")])
    assert changes_since(store, mark, skip_own=True).empty  # this window made them
    seen = changes_since(store, mark)  # another window sees both
    assert seen.article_ids == {a.id for a in stored if isinstance(a, ArticleInfo)}


def test_a_batch_takes_the_next_positions_in_the_history_in_order(store: Workspace) -> None:
    first = add_article(store, article("first.txt", "Before the batch.\n"))
    stored = add_articles(store, [article(f"{n}.txt", f"Batch article {n}.\n") for n in range(3)])
    with store.session() as session:
        seqs = {
            e.entity_id: e.seq
            for e in session.scalars(
                select(HistoryEntry).where(HistoryEntry.entity_type == "article")
            )
        }
    before = seqs[first.id]
    assert before is not None
    after = [seqs[a.id] for a in stored if isinstance(a, ArticleInfo)]
    assert len(after) == 3 and all(s is not None and s > before for s in after)
    assert after == sorted(after) and len(set(after)) == 3  # in order, each its own
    if store.engine.dialect.name == "sqlite":  # one after another, as the trigger numbers
        assert after == [before + 1, before + 2, before + 3]
    later = add_article(store, article("later.txt", "After the batch.\n"))
    with store.session() as session:
        entry = session.scalars(
            select(HistoryEntry).where(HistoryEntry.entity_id == later.id)
        ).one()
    assert entry.seq is not None and entry.seq > max(s for s in after if s is not None)


def _stored_rows(ws: Workspace, ids: set[object]) -> dict[str, tuple[dict, dict]]:
    """Per file name: the article's stored columns and its create entry's, less what is
    new at every storing (ids, times, positions)."""
    from db.models import Article as ArticleRow

    skip = {"id", "created_at", "updated_at"}
    out: dict[str, tuple[dict, dict]] = {}
    with ws.session() as session:
        for row in session.scalars(select(ArticleRow).where(ArticleRow.id.in_(ids))):
            values = {c.key: getattr(row, c.key) for c in ArticleRow.__table__.columns}
            entry = session.scalars(
                select(HistoryEntry).where(
                    HistoryEntry.entity_id == row.id, HistoryEntry.action == "create"
                )
            ).one()
            recorded = {
                "analyst_id": entry.analyst_id,
                "entity_type": entry.entity_type,
                "claim_id": entry.claim_id,
                "changes": {k: v for k, v in entry.changes.items() if k != "id"},
                "id_recorded": entry.changes["id"] == [None, str(row.id)],
                "at_is_utc": entry.at.utcoffset() == dt.timedelta(0),
            }
            out[row.filename] = ({k: v for k, v in values.items() if k not in skip}, recorded)
    return out


def test_the_batch_stores_every_file_exactly_as_one_at_a_time(
    store: Workspace, tmp_path: Path
) -> None:
    from db.articles import delete_article
    from db.importing import import_file

    bodies = {
        "plain.txt": "Harbour talks stall\n\nBy Mara Linden\n\nThe talks stalled on Friday.\n",
        "dated.txt": "Title: Bridge reopens\nPublished: 2024-10-18 14:10 KST\n"
        "Source: https://www.example.org/bridge\n\nThe bridge reopened, the city said.\n",
        "crlf.md": "# Storm warning\r\n\r\nCafe\u0301 owners closed early.\r\n",
        "latin.txt": "Préfecture: la réunion est reportée.\n".encode("cp1252"),
    }
    paths = []
    for name, body in bodies.items():
        path = tmp_path / name
        path.write_bytes(body if isinstance(body, bytes) else body.encode())
        paths.append(path)
    alone = [import_file(store, path) for path in paths]  # the ORM, an article at a time
    before = _stored_rows(store, {a.id for a in alone})
    for info in alone:
        delete_article(store, info.id)
    report = import_paths(store, paths, lambda _d, _t: True)
    assert not report.failures and not report.duplicates
    after = _stored_rows(store, {a.id for a in report.added})
    assert set(after) == set(bodies)
    assert after == before
    assert all(recorded["id_recorded"] and recorded["at_is_utc"] for _, recorded in after.values())


def _count_hashing(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The length of each piece of data SHA-256 is worked out for, from now on."""
    import hashlib

    real = hashlib.sha256
    hashed: list[int] = []

    def counting(data: bytes = b"", **kwargs: object) -> object:
        hashed.append(len(data))
        return real(data, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(hashlib, "sha256", counting)
    return hashed


def _short_files(folder: Path, name: str, count: int) -> list[Path]:
    """*count* short text files in *folder*, each its own article."""
    paths = []
    for n in range(count):
        path = folder / f"{name.lower()}-{n}.txt"
        path.write_text(f"{name} {n}\n\nThe port reopened on day {n}.\n")
        paths.append(path)
    return paths


def test_an_import_hashes_each_file_once_and_stores_its_digest(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The digest the revision check works out is the one stored (not worked out again)."""
    import hashlib

    from db.revisions import EarlierVersions

    add_article(ws, article("kept.txt", "An article stored earlier.\n"))
    paths = _short_files(tmp_path, "Brief", 5)
    real = hashlib.sha256
    hashed = _count_hashing(monkeypatch)
    report = import_paths(ws, paths, lambda _d, _t: True, EarlierVersions(ws), index_later=True)
    monkeypatch.undo()
    assert len(report.added) == 5 and not report.failures and not report.revised
    assert len(hashed) == len(paths)
    stored = {a.filename: a.sha256 for a in list_articles(ws)}
    for path in paths:
        assert stored[path.name] == real(path.read_bytes()).hexdigest()


def test_the_command_line_import_hashes_each_file_once(
    ws: Workspace, ws_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As the window's import: once for the revision check and the stored digest both."""
    from cli_support import cli

    from db.articles import delete_article

    add_article(ws, article("kept.txt", "An article stored earlier.\n"))
    paths = _short_files(tmp_path, "Wire", 4)
    for new in ((), ("--new",)):  # with the revision check, and without it
        hashed = _count_hashing(monkeypatch)
        rc, _out = cli("--db", str(ws_path), "import", *new, *map(str, paths))
        monkeypatch.undo()
        assert rc == 0
        assert len(hashed) == len(paths), new
        for article_id in [a.id for a in list_articles(ws) if a.filename != "kept.txt"]:
            delete_article(ws, article_id)


def test_a_file_stored_on_its_own_is_hashed_once_too(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hashlib

    import db.importing
    from db.revisions import EarlierVersions

    monkeypatch.setattr(db.importing, "BATCH_BYTES", 200)  # the long file goes alone
    short = tmp_path / "short.txt"
    short.write_text("Short note\n\nThe pier closed.\n")
    long = tmp_path / "long.txt"
    long.write_text("Long note\n\n" + "The tide came in and went out again. " * 20 + "\n")
    real = hashlib.sha256
    hashed = _count_hashing(monkeypatch)
    for finder in (EarlierVersions(ws), None):
        hashed.clear()
        for path in (short, long):
            path.write_text(path.read_text() + "Again.\n")  # new bytes: not a duplicate
        report = import_paths(ws, [short, long], lambda _d, _t: True, finder)
        assert len(report.added) == 2 and not report.failures and not report.revised
        assert len(hashed) == 2
    monkeypatch.undo()
    stored = {a.sha256 for a in list_articles(ws)}
    assert real(long.read_bytes()).hexdigest() in stored
