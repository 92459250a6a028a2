"""Workspaces: pragmas, schema stamping, refusals, backups on upgrade, ids and timestamps."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import uuid
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Uuid, inspect, select

from db import workspace as workspace_module
from db.analysts import bind_analyst
from db.articles import NewArticle, add_article, get_article
from db.claims import create_claim, get_claim
from db.errors import NotFound, SchemaError
from db.models import Article, Base
from db.pg_roles import include_object
from db.sources import get_source
from db.workspace import (
    alembic_config,
    current_revision,
    head_revision,
    make_engine,
    migrate,
    open_workspace,
    to_url,
    upgrade,
)

KST = dt.timezone(dt.timedelta(hours=9))


def _article(ws, text: str = "Officials said 1,500 soldiers moved.\n", **meta) -> uuid.UUID:
    new = NewArticle(text=text, original=text.encode() + uuid.uuid4().bytes, **meta)
    return add_article(ws, new).id


def _pragma(conn: sqlite3.Connection, name: str) -> object:
    return conn.execute(f"PRAGMA {name}").fetchone()[0]


# ---------------------------------------------------------------- pragmas and stamping


def test_new_workspace_pragmas_on_a_fresh_connection(ws_path: Path) -> None:
    ws = open_workspace(ws_path)
    ws.engine.dispose()  # the next connection is a brand-new one
    try:
        raw = ws.engine.raw_connection()
        try:
            cursor = raw.cursor()
            assert cursor.execute("PRAGMA foreign_keys").fetchone()[0] == 1
            assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            # NORMAL (1): in WAL mode a commit does not wait for the disk.
            assert cursor.execute("PRAGMA synchronous").fetchone()[0] == 1
        finally:
            raw.close()
    finally:
        ws.close()
    # WAL is a property of the file: a plain sqlite3 connection sees it too.
    plain = sqlite3.connect(ws_path)
    try:
        assert _pragma(plain, "journal_mode") == "wal"
    finally:
        plain.close()


def test_background_checkpoints_copy_the_log_back_off_the_committing_thread(
    ws_path: Path,
) -> None:
    """With background checkpoints (the window's), a connection leaves the log to the
    thread up to a backstop, and the thread copies it back into the file once it has
    grown past the threshold: the file read alone (the log ignored) holds the edit."""
    import time

    from db.checkpoints import BACKSTOP_PAGES

    ws = open_workspace(ws_path)
    bind_analyst(ws)
    ws.checkpoint_in_background()
    checkpoints = ws.checkpoints
    assert checkpoints is not None and checkpoints.running
    try:
        with ws.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == BACKSTOP_PAGES
        text = "Officials counted 1,200 people at the border crossing. " * 120_000  # ~6.6 MB
        article = add_article(ws, NewArticle(text=text, original=text.encode(), title="Long"))
        # A checkpoint may start while the article is still being written (the log
        # passes the threshold before the commit) and copy nothing of it: the commit
        # changes the log, so a later one copies it.  Wait for the file to hold it: the
        # file is copied without its log and read there (a reader of the file itself
        # may read the log beside it).
        alone_path = ws_path.with_name("alone.sqlite")
        found: tuple[int, ...] | None = None
        deadline = time.monotonic() + 60
        while (found != (1,) or checkpoints.done < 1) and time.monotonic() < deadline:
            time.sleep(0.1)
            shutil.copyfile(ws_path, alone_path)
            alone = sqlite3.connect(alone_path)
            try:
                found = alone.execute(
                    "SELECT count(*) FROM article WHERE id = ?", (article.id.hex,)
                ).fetchone()
            except sqlite3.DatabaseError:  # copied while a checkpoint was writing pages
                found = None
            finally:
                alone.close()
        wal = Path(f"{ws_path}-wal")
        state = (
            f"found {found}, thread alive {checkpoints.running}, due {checkpoints.due()}, "
            f"log {wal.stat().st_size if wal.exists() else None} bytes"
        )
        assert checkpoints.done >= 1, state
        assert found == (1,), state
    finally:
        ws.close()
    assert not checkpoints.running and ws.checkpoints is None


def test_a_failed_background_checkpoint_is_tried_again_without_a_new_edit(
    ws_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A checkpoint that fails (the file busy for a moment) leaves the log due: the next
    poll tries again instead of waiting for an edit that may never come."""
    import db.checkpoints as checkpoints_module

    ws = open_workspace(ws_path)
    bind_analyst(ws)
    checkpoints = checkpoints_module.BackgroundCheckpoints(ws.engine, ws_path)
    checkpoints.stop()  # driven by hand below
    try:
        text = "Officials counted 1,200 people at the border crossing. " * 120_000
        add_article(ws, NewArticle(text=text, original=text.encode(), title="Long"))
        assert checkpoints.due()
        real_connect = sqlite3.connect

        def busy(*args: object, **kwargs: object) -> sqlite3.Connection:
            raise sqlite3.OperationalError("database is locked")

        monkeypatch.setattr(checkpoints_module.sqlite3, "connect", busy)
        with pytest.raises(sqlite3.OperationalError):
            checkpoints.checkpoint()
        assert checkpoints.done == 0
        assert checkpoints.due()  # still due: tried again at the next poll
        monkeypatch.setattr(checkpoints_module.sqlite3, "connect", real_connect)
        checkpoints.checkpoint()
        assert checkpoints.done == 1
        assert not checkpoints.due()  # the log has not changed since
    finally:
        ws.close()


def test_new_workspace_is_stamped_at_head(ws_path: Path) -> None:
    ws = open_workspace(ws_path)
    try:
        assert current_revision(ws.engine) == head_revision(ws.engine)
        assert ws.backup_path is None
    finally:
        ws.close()


def test_unknown_revision_is_refused_and_file_untouched(ws_path: Path) -> None:
    ws = open_workspace(ws_path)
    bind_analyst(ws)
    _article(ws, title="Kept")
    ws.close()
    plain = sqlite3.connect(ws_path)
    with plain:
        plain.execute("UPDATE alembic_version SET version_num = 'zzzz_future'")
    plain.close()
    before = ws_path.read_bytes()

    with pytest.raises(SchemaError) as excinfo:
        open_workspace(ws_path)
    message = str(excinfo.value)
    assert "zzzz_future" in message and "newer" in message
    assert "\n" not in message

    assert ws_path.read_bytes() == before
    assert not list(ws_path.parent.glob("*.bak"))
    plain = sqlite3.connect(ws_path)
    try:
        assert plain.execute("SELECT version_num FROM alembic_version").fetchall() == [
            ("zzzz_future",)
        ]
        assert plain.execute("SELECT title FROM article").fetchall() == [("Kept",)]
    finally:
        plain.close()


def _first_revision_workspace(path: Path) -> None:
    """A workspace file as the first released schema made it, with one analyst row."""
    engine = make_engine(to_url(path))
    try:
        command.upgrade(alembic_config(engine), "0001")
        with engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO analyst (id, name, initials, color, role, created_at) "
                "VALUES ('0123456789abcdef0123456789abcdef', 'Old Analyst', 'OA', '#000000', "
                "'admin', '2024-10-24 00:30:00')"
            )
    finally:
        engine.dispose()


def test_older_workspace_is_backed_up_then_upgraded(ws_path: Path) -> None:
    """Exercises whichever revisions exist: with more than one, a .bak must appear."""
    _first_revision_workspace(ws_path)
    ws = open_workspace(ws_path)
    try:
        head = head_revision(ws.engine)
        assert current_revision(ws.engine) == head
        with ws.session() as session:
            from db.models import Analyst

            names = session.scalars(select(Analyst.name)).all()
        assert names == ["Old Analyst"]
        if head == "0001":
            assert ws.backup_path is None
            assert not list(ws_path.parent.glob("*.bak"))
        else:
            assert ws.backup_path == ws_path.with_name(f"{ws_path.name}.0001.bak")
            assert ws.backup_path.exists()
            backup = sqlite3.connect(ws.backup_path)
            try:
                assert backup.execute("SELECT version_num FROM alembic_version").fetchall() == [
                    ("0001",)
                ]
                assert backup.execute("SELECT name FROM analyst").fetchall() == [("Old Analyst",)]
            finally:
                backup.close()
    finally:
        ws.close()


NEXT_REVISION = '''"""test-only extra revision"""

import sqlalchemy as sa
from alembic import op

revision = "9999_test_extra"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("test_extra", sa.Column("id", sa.Integer, primary_key=True))


def downgrade() -> None:
    op.drop_table("test_extra")
'''


def test_upgrade_makes_backup_with_a_newer_revision(
    ws_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Always exercises backup + upgrade, with a throwaway revision on top of the real head."""
    ws = open_workspace(ws_path)
    bind_analyst(ws)
    article_id = _article(ws, title="Survives the upgrade")
    old_head = head_revision(ws.engine)
    ws.close()

    migrations = tmp_path / "migrations"
    shutil.copytree(workspace_module.MIGRATIONS, migrations)
    (migrations / "versions" / "9999_test_extra.py").write_text(
        NEXT_REVISION.format(head=old_head), encoding="utf-8"
    )
    monkeypatch.setattr(workspace_module, "MIGRATIONS", migrations)

    ws = open_workspace(ws_path)
    try:
        assert ws.backup_path == ws_path.with_name(f"{ws_path.name}.{old_head}.bak")
        assert current_revision(ws.engine) == "9999_test_extra"
        assert "test_extra" in inspect(ws.engine).get_table_names()
        assert get_article(ws, article_id).title == "Survives the upgrade"
    finally:
        ws.close()
    backup = sqlite3.connect(ws_path.with_name(f"{ws_path.name}.{old_head}.bak"))
    try:
        assert backup.execute("SELECT version_num FROM alembic_version").fetchall() == [(old_head,)]
        tables = {r[0] for r in backup.execute("SELECT name FROM sqlite_master")}
        assert "test_extra" not in tables
        assert backup.execute("SELECT title FROM article").fetchall() == [("Survives the upgrade",)]
    finally:
        backup.close()


# ---------------------------------------------------------------- migrations match the models


def _diffs(url: str) -> list:
    engine = make_engine(url)
    try:
        upgrade(engine)
        with engine.connect() as conn:
            # The full-text tables and indexes are hand-made (db.search.schema);
            # env.py leaves them out of comparisons, and so does this check.
            opts = {"compare_type": True, "include_object": include_object}
            context = MigrationContext.configure(conn, opts=opts)
            return compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()


def test_migrations_match_models_sqlite(tmp_path: Path) -> None:
    assert _diffs(to_url(tmp_path / "migrated.sqlite")) == []


@pytest.mark.postgres
def test_migrations_match_models_postgres(pg_url: str) -> None:
    assert _diffs(pg_url) == []


def test_created_schema_equals_migrated_schema(tmp_path: Path) -> None:
    """create_all (new files) and the migrations (old files) give the same tables."""
    created = open_workspace(tmp_path / "created.sqlite")
    migrated = make_engine(to_url(tmp_path / "migrated.sqlite"))
    try:
        upgrade(migrated)
        a, b = inspect(created.engine), inspect(migrated)
        assert sorted(a.get_table_names()) == sorted(b.get_table_names())
        for table in a.get_table_names():
            cols_a = {c["name"]: c["nullable"] for c in a.get_columns(table)}
            cols_b = {c["name"]: c["nullable"] for c in b.get_columns(table)}
            assert cols_a == cols_b, table
    finally:
        created.close()
        migrated.dispose()


# ---------------------------------------------------------------- timestamps and ids


def _check_timestamps(ws) -> None:
    bind_analyst(ws)
    published = dt.datetime(2024, 10, 24, 9, 30, tzinfo=KST)
    article_id = _article(ws, title="Zoned", published_at=published)
    info = get_article(ws, article_id)
    assert info.published_at == published
    assert info.published_at.utcoffset() == dt.timedelta(0)
    assert info.published_at.hour == 0 and info.published_at.minute == 30
    assert info.created_at.tzinfo is not None
    assert info.created_at.utcoffset() == dt.timedelta(0)
    assert abs(dt.datetime.now(dt.UTC) - info.created_at) < dt.timedelta(minutes=5)
    claim = create_claim(ws, article_id, 0, 9)
    for stamp in (claim.created_at, claim.updated_at):
        assert stamp.utcoffset() == dt.timedelta(0)


def test_timestamps_are_aware_utc_sqlite(ws) -> None:
    _check_timestamps(ws)


@pytest.mark.postgres
def test_timestamps_are_aware_utc_postgres(pg_url: str) -> None:
    migrate(pg_url)
    ws = open_workspace(pg_url)
    try:
        _check_timestamps(ws)
    finally:
        ws.close()


def test_every_entity_table_has_a_uuid_key(ws) -> None:
    link_tables = {"claim_tag"}
    keyed_by_name = {"setting"}
    for table in Base.metadata.sorted_tables:
        if table.name in link_tables | keyed_by_name:
            continue
        pk = list(table.primary_key.columns)
        assert [c.name for c in pk] == ["id"], table.name
        assert isinstance(pk[0].type, Uuid), table.name
        for fk in table.foreign_keys:
            assert isinstance(fk.parent.type, Uuid), f"{table.name}.{fk.parent.name}"
    article_id = _article(ws)
    claim = create_claim(ws, article_id, 0, 9)
    assert isinstance(article_id, uuid.UUID) and isinstance(claim.id, uuid.UUID)
    with ws.session() as session:
        assert isinstance(session.scalar(select(Article.id)), uuid.UUID)


@pytest.mark.parametrize(
    "given",
    ["zz", "12", "not-an-id", "ffffffff", "00000000-0000-4000-8000-000000000000", ""],
)
def test_bad_ids_give_one_clear_sentence(ws, given: str) -> None:
    _article(ws)
    with pytest.raises(NotFound) as excinfo:
        get_claim(ws, given)
    message = str(excinfo.value)
    assert message.startswith("No claim with id")
    assert message.endswith(".") and "\n" not in message
    with pytest.raises(NotFound, match=r"^No source with id"):
        get_source(ws, given)


def test_ambiguous_prefix_asks_for_more_digits(ws) -> None:
    article_id = _article(ws)
    first = uuid.UUID("abcd1234-0000-4000-8000-000000000001")
    second = uuid.UUID("abcd1234-0000-4000-8000-000000000002")
    create_claim(ws, article_id, 0, 9, claim_id=first)
    create_claim(ws, article_id, 10, 13, claim_id=second)
    with pytest.raises(NotFound) as excinfo:
        get_claim(ws, "abcd")
    assert str(excinfo.value) == ("The id abcd matches more than one claim; give more digits.")
    assert get_claim(ws, "abcd1234-0000-4000-8000-000000000002").id == second
    assert get_claim(ws, str(first)[:4].upper() + str(first)[4:]).id == first


@pytest.mark.postgres
def test_shared_workspace_with_unknown_revision_is_refused(pg_owner_url: str) -> None:
    migrate(pg_owner_url)
    engine = make_engine(pg_owner_url)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'zzzz_future'")
    finally:
        engine.dispose()
    with pytest.raises(SchemaError, match="newer"):
        open_workspace(pg_owner_url)
    with pytest.raises(SchemaError, match="newer"):
        migrate(pg_owner_url)
    engine = make_engine(pg_owner_url)
    try:
        assert current_revision(engine) == "zzzz_future"
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_empty_shared_workspace_needs_migrate_first(pg_owner_url: str) -> None:
    with pytest.raises(SchemaError, match="claimdesk migrate"):
        open_workspace(pg_owner_url)
    before, after = migrate(pg_owner_url)
    assert before is None
    ws = open_workspace(pg_owner_url)
    try:
        assert current_revision(ws.engine) == after == head_revision(ws.engine)
    finally:
        ws.close()


def test_opening_a_workspace_loads_no_orm_until_the_first_session(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "w.claimdesk.sqlite"
    open_workspace(path).close()
    code = (
        "import sys\n"
        "from db.workspace import open_workspace\n"
        f"ws = open_workspace({str(path)!r})\n"
        "before = {m for m in ('sqlalchemy.orm', 'db.models', 'db.sessions') if m in sys.modules}\n"
        "with ws.session():\n"
        "    pass\n"
        "print(sorted(before), 'db.sessions' in sys.modules)\n"
        "ws.close()\n"
    )
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120
    )
    assert done.stdout.strip() == "[] True", done.stderr[-2000:]


def test_a_failed_upgrade_leaves_the_file_as_it_was(ws_path: Path) -> None:
    """A workspace whose recorded revision was set back by hand: the upgrade fails on
    tables that are already there; one line names the file and why, nothing changes and
    no copy is left behind."""
    from db.workspace import known_revisions

    ws = open_workspace(ws_path)
    bind_analyst(ws)
    _article(ws, title="Kept")
    # 0022 adds a column: run again on tables that hold it, the upgrade fails.
    earlier = "0021"
    assert earlier in known_revisions(ws.engine)
    ws.close()
    plain = sqlite3.connect(ws_path)
    with plain:
        plain.execute("UPDATE alembic_version SET version_num = ?", (earlier,))
    plain.close()
    before = ws_path.read_bytes()

    with pytest.raises(SchemaError) as excinfo:
        open_workspace(ws_path)
    message = str(excinfo.value)
    assert str(ws_path) in message and f"schema {earlier}" in message
    assert "left as it was" in message
    assert "\n" not in message
    assert ws_path.read_bytes() == before
    assert not list(ws_path.parent.glob("*.bak"))
    assert not ws_path.with_name(ws_path.name + "-wal").exists()
