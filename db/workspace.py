"""Open, create and upgrade workspaces; engines, pragmas and sessions.

A workspace is one SQLite file (the embedded default) or a shared PostgreSQL
database named by a SQLAlchemy URL.  New SQLite files are created with
``create_all`` and stamped at the Alembic head; older ones are backed up, then
upgraded.  A shared database is only ever upgraded by ``claimdesk migrate``.

Opening an existing workspace takes SQLAlchemy's core only: the ORM, the models and
the session's listeners (:mod:`db.sessions`) load with the first session, or to
create a schema.
"""

from __future__ import annotations

import functools
import re
import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Column,
    DateTime,
    Engine,
    MetaData,
    String,
    Table,
    Uuid,
    create_engine,
    event,
    inspect,
    select,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from db import file_guard
from db.errors import InvalidInput, Refused, SchemaError, StaleEdit
from db.file_guard import check_workspace_file
from db.write_gate import WriteGate

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.orm import sessionmaker

    from db.checkpoints import BackgroundCheckpoints
    from db.sessions import WorkspaceSession

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Alembic is imported only to upgrade a schema: opening a workspace at the head
# revision reads the version table and the revision ids of the migration files.
_VERSION_TABLE = Table(
    "alembic_version",
    MetaData(),
    Column("version_num", String(32), primary_key=True),
)
# The analyst table's columns that binding the analyst at work reads (db.models.analyst).
_ANALYST = Table(
    "analyst",
    MetaData(),
    Column("id", Uuid, primary_key=True),
    Column("created_at", DateTime),
)
_REVISION_LINE = re.compile(r"^(down_revision|revision)\b[^=]*=\s*['\"]?([^'\"\s]+)", re.MULTILINE)


# Set by a flush that inserts an article (see db.sessions): only then can a long
# text wait for the search index before the commit (other commits skip the query).
ARTICLE_ADDED = "claimdesk_article_added"


def to_url(target: str | Path) -> str:
    """A SQLAlchemy URL for a path or URL given on the command line."""
    text = str(target)
    scheme, sep, rest = text.partition("://")
    if sep and scheme in ("postgresql", "postgres"):
        return f"postgresql+psycopg://{rest}"  # the driver ClaimDesk ships with
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


@functools.lru_cache(maxsize=64)
def is_sqlite(url: str) -> bool:
    """Whether *url* names a SQLite database (asked per file by an import: parsed once)."""
    return make_url(url).get_backend_name() == "sqlite"


def redact(url: str) -> str:
    """The URL with any password hidden, for messages and logs."""
    return make_url(url).render_as_string(hide_password=True)


def _sqlite_pragmas(dbapi_connection: Any, connection_record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # NORMAL in WAL mode: a commit is written to the WAL file without waiting for the
    # disk (fsync) — an application crash or kill loses no committed transaction; only an
    # operating-system crash or power cut can lose the last ones before a checkpoint, and
    # the file stays consistent either way (README, "Workspaces").
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(url: str) -> Engine:
    if is_sqlite(url):
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def _revision_graph() -> dict[str, str | None]:
    """revision -> down_revision, read from the migration files' headers."""
    graph: dict[str, str | None] = {}
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        found = dict((k, v) for k, v in _REVISION_LINE.findall(path.read_text(encoding="utf-8")))
        if "revision" in found:
            down = found.get("down_revision")
            graph[found["revision"]] = None if down in (None, "None") else down
    return graph


def head_revision(engine: Engine | None = None) -> str:
    graph = _revision_graph()
    heads = sorted(set(graph) - {d for d in graph.values() if d})
    if len(heads) != 1:
        raise SchemaError(f"The migrations have {len(heads)} heads ({', '.join(heads)}).")
    return heads[0]


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(select(_VERSION_TABLE.c.version_num)).scalar()


def known_revisions(engine: Engine | None = None) -> set[str]:
    return set(_revision_graph())


def upgrade(engine: Engine) -> None:
    from alembic import command

    command.upgrade(alembic_config(engine), "head")


def _stamp_head(engine: Engine) -> None:
    with engine.begin() as conn:
        _VERSION_TABLE.create(conn, checkfirst=True)
        conn.execute(_VERSION_TABLE.delete())
        conn.execute(_VERSION_TABLE.insert().values(version_num=head_revision()))


def _has_tables(engine: Engine) -> bool:
    return bool(inspect(engine).get_table_names())


@dataclass
class Workspace:
    """An open workspace: its engine, a session factory and the current analyst."""

    url: str
    engine: Engine
    analyst_id: uuid.UUID | None = None
    backup_path: Path | None = None
    # With no analyst bound: the name the first write makes the first analyst (the
    # command line's person at the computer); see db.audit.
    first_analyst: str | None = None
    # Told the name once the first write has made them the first analyst.
    on_first_analyst: Callable[[str], None] | None = field(default=None, repr=False)
    # Set when the file's integrity check runs after opening (open_workspace's check_later).
    write_gate: WriteGate | None = field(default=None, repr=False)
    # Set by checkpoint_in_background (the desktop app): checkpoints off the GUI thread.
    checkpoints: BackgroundCheckpoints | None = field(default=None, repr=False)
    _factory: sessionmaker[WorkspaceSession] | None = field(default=None, init=False, repr=False)

    def _sessions(self) -> sessionmaker[WorkspaceSession]:
        """The session factory, made (and the ORM loaded) on first use."""
        if self._factory is None:
            from sqlalchemy.orm import sessionmaker

            from db.sessions import WorkspaceSession

            self._factory = sessionmaker(
                self.engine, class_=WorkspaceSession, expire_on_commit=False
            )
        return self._factory

    @property
    def shared(self) -> bool:
        return not is_sqlite(self.url)

    @property
    def path(self) -> Path | None:
        if self.shared:
            return None
        database = make_url(self.url).database
        return Path(database) if database else None

    @property
    def display_name(self) -> str:
        return str(self.path) if self.path else redact(self.url)

    @contextmanager
    def session(self) -> Iterator[WorkspaceSession]:
        """One short transaction: committed on success, rolled back on any error."""
        from sqlalchemy.orm.exc import StaleDataError

        from db import audit
        from db.search import schema as search_schema

        session = self._sessions()()
        session.info[audit.ANALYST_KEY] = self.analyst_id
        if self.analyst_id is None:
            session.info[audit.FIRST_ANALYST_KEY] = self.first_analyst
        try:
            yield session
            if not self.shared and session.in_transaction():
                session.flush()
                if session.info.get(ARTICLE_ADDED):
                    search_schema.index_pending(session.connection())
            session.commit()
            created = session.info.get(audit.CREATED_ANALYST_KEY)
            if created is not None:
                name, self.analyst_id, self.first_analyst = self.first_analyst, created, None
                if self.on_first_analyst is not None and name:
                    self.on_first_analyst(name)
        except StaleDataError as exc:
            session.rollback()
            raise StaleEdit(
                "Someone else changed this item since you opened it; your edit was not saved."
            ) from exc
        except DBAPIError as exc:
            session.rollback()
            gate = self.write_gate
            if gate is not None and gate.error is not None:
                raise gate.error from None
            refusal = database_refusal(exc)
            if refusal is not None:
                raise Refused(refusal) from None
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def checkpoint_in_background(self) -> None:
        """Checkpoint a local file's write-ahead log on a thread of its own from now on
        (see :mod:`db.checkpoints`): a commit never copies the log back itself."""
        path = self.path
        if path is None or self.checkpoints is not None:
            return
        from db.checkpoints import BackgroundCheckpoints

        self.checkpoints = BackgroundCheckpoints(self.engine, path, self.write_gate)

    def close(self) -> None:
        if self.checkpoints is not None:
            self.checkpoints.stop()
            self.checkpoints = None
        self.engine.dispose()


ANALYSIS_LIMIT = 400  # rows SQLite samples per index when it gathers statistics


def first_local_analyst(ws: Workspace) -> uuid.UUID | None:
    """The analyst a local workspace binds when nobody is named: its first one (None in
    a workspace without analysts), read with SQLAlchemy's core, so opening a local
    workspace loads no ORM (see db.analysts.bind_working_analyst, which does the same
    through a session)."""
    with ws.engine.connect() as conn:
        found = conn.execute(select(_ANALYST.c.id).order_by(_ANALYST.c.created_at).limit(1))
        return found.scalar()


def refresh_statistics(ws: Workspace) -> bool:
    """Give SQLite's query planner the statistics of a local workspace's tables.

    Without them (a workspace never analysed) SQLite guesses, and may sort every
    claim to show the first page of the claims table (a tenth of a second or more
    at 100,000 claims) where walking the article-title and claim-position indexes
    costs nothing.  A workspace without statistics is analysed on a sample
    (``analysis_limit``: some hundredths of a second at 100,000 claims); one that
    has them lets ``PRAGMA optimize`` refresh those gone stale.  Touches no row;
    returns True when it analysed.  Shared workspaces keep PostgreSQL's own.
    """
    if ws.shared:
        return False
    with ws.engine.connect() as conn:
        known = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'"
        ).first()
        if known is None:
            conn.exec_driver_sql(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT}")
            conn.exec_driver_sql("ANALYZE")
        else:
            conn.exec_driver_sql("PRAGMA optimize")
        conn.commit()
    return known is None


def _prepare_sqlite(engine: Engine, path: Path) -> Path | None:
    """Create or upgrade a SQLite workspace; return the backup made, if any."""
    if not _has_tables(engine):
        from db.sessions import metadata

        metadata().create_all(engine)
        _stamp_head(engine)
        return None
    current = current_revision(engine)
    head = head_revision(engine)
    if current == head:
        return None
    if current is None or current not in known_revisions(engine):
        raise SchemaError(
            f"{path} was not made by this version of ClaimDesk (schema {current or 'unknown'}); "
            "it needs a newer ClaimDesk."
        )
    engine.dispose()
    backup = path.with_name(f"{path.name}.{current}.bak")
    shutil.copy2(path, backup)
    try:
        upgrade(engine)
    except DBAPIError as exc:
        _put_back(engine, path, backup)
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise SchemaError(
            f"{path} could not be upgraded from schema {current} ({reason}): its tables are "
            "not those that revision records; the file was left as it was."
        ) from None
    return backup


def _put_back(engine: Engine, path: Path, backup: Path) -> None:
    """The file as it was before a failed upgrade: the copy taken before it, moved back
    (the upgrade's log files gone first, so that none is replayed onto it)."""
    engine.dispose()
    for suffix in ("-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    backup.replace(path)


def database_refusal(exc: DBAPIError) -> str | None:
    """The one-line message for a write the shared workspace's rules refused, else None."""
    from db import pg_roles

    orig = exc.orig
    sqlstate = getattr(orig, "sqlstate", None)
    return pg_roles.refusal_message(sqlstate, str(orig) if orig is not None else str(exc))


def _migrate_command(url: str) -> str:
    return f"`claimdesk migrate --db {redact(url)}`"


def _check_rules(engine: Engine, url: str) -> None:
    """Refuse a shared workspace whose database does not hold ClaimDesk's roles and rules."""
    from db import pg_roles

    with engine.connect() as conn:
        version = pg_roles.installed_version(conn)
    if version is None or version < pg_roles.SECURITY_VERSION:
        what = "has no ClaimDesk roles yet" if version is None else "has older ClaimDesk rules"
        raise SchemaError(
            f"The shared workspace {redact(url)} {what}; its owner runs "
            f"{_migrate_command(url)} first."
        )
    if version > pg_roles.SECURITY_VERSION:
        raise SchemaError(
            f"The shared workspace {redact(url)} has rules newer than this ClaimDesk "
            "understands; upgrade ClaimDesk."
        )


def _check_shared(engine: Engine, url: str) -> None:
    current = current_revision(engine) if _has_tables(engine) else None
    head = head_revision(engine)
    if current == head:
        _check_rules(engine, url)
        return
    if current is not None and current not in known_revisions(engine):
        raise SchemaError(
            f"The shared workspace {redact(url)} has schema {current}, newer than this "
            "ClaimDesk understands; upgrade ClaimDesk."
        )
    raise SchemaError(
        f"The shared workspace {redact(url)} is not at the current schema "
        f"({current or 'empty'} → {head}); an administrator runs "
        f"`claimdesk migrate --db {redact(url)}` first."
    )


def check_soon(target: str | Path) -> None:
    """Start checking the local workspace file *target* in the background (see
    :func:`db.file_guard.check_soon`); :func:`open_workspace` then waits for that check."""
    try:
        url = to_url(target)
        database = make_url(url).database if is_sqlite(url) else None
    except ArgumentError:
        return  # not a URL: open_workspace names the problem
    if database and database != ":memory:":
        file_guard.check_soon(Path(database))


def open_workspace(
    target: str | Path, *, create_folder: bool = False, check_later: bool = False
) -> Workspace:
    """Open (creating or upgrading a local file as needed) the workspace at *target*.

    A local file is checked first (:func:`db.file_guard.check_workspace_file`):
    anything that is not a ClaimDesk workspace is refused untouched.  A new
    file's folder must exist unless *create_folder* is true.

    With *check_later*, an existing file in WAL mode with no log beside it is
    opened once its form is checked; its quick integrity check is left to the
    workspace's :class:`~db.write_gate.WriteGate` (``ws.write_gate``), which the
    caller starts when convenient and which every write waits for: a damaged
    file is still refused before anything is written to it.
    """
    url = to_url(target)
    engine = make_engine(url)
    backup: Path | None = None
    gate: WriteGate | None = None
    try:
        if is_sqlite(url):
            database = make_url(url).database
            if database and database != ":memory:":
                path = Path(database)
                if create_folder:
                    path.parent.mkdir(parents=True, exist_ok=True)
                gate = _gate_for(path) if check_later else None
                if gate is None:
                    check_workspace_file(path)
                else:
                    gate.install(engine)
                backup = _prepare_sqlite(engine, path)
            else:
                from db.sessions import metadata

                metadata().create_all(engine)
        else:
            _check_shared(engine, url)
    except DBAPIError as exc:
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        if is_sqlite(url):
            raise InvalidInput(
                f"{redact(url).removeprefix('sqlite:///')} is not a ClaimDesk workspace ({reason})."
            ) from None
        if "permission denied for database" in reason or "CONNECT privilege" in reason:
            from db.team import no_role_message

            raise Refused(no_role_message(url, make_url(url).username or "")) from None
        raise InvalidInput(f"Cannot open the shared workspace {redact(url)}: {reason}") from None
    except BaseException:
        engine.dispose()
        raise
    return Workspace(url=url, engine=engine, backup_path=backup, write_gate=gate)


def _gate_for(path: Path) -> WriteGate | None:
    """A write gate for the existing workspace file *path* whose form passes the checks,
    or None when it must be checked whole now (a new file, one not in WAL mode, one
    with a log to replay, or one a check begun early is reading already)."""
    if not file_guard.check_form(path) or file_guard.early_check_pending(path):
        return None
    if not file_guard.in_wal_mode(path) or file_guard.has_log(path):
        return None
    return WriteGate(path)


def _refuse_non_owner(engine: Engine, url: str) -> None:
    """Let a login that does not own the database through only when nothing is to be done."""
    from db import pg_roles

    with engine.connect() as conn:
        if pg_roles.is_owner(conn):
            return
    try:
        current = current_revision(engine)
        with engine.connect() as conn:
            version = pg_roles.installed_version(conn)
    except DBAPIError:
        current, version = None, None
    if current == head_revision(engine) and version == pg_roles.SECURITY_VERSION:
        return
    raise Refused(
        f"Only the owner of the shared workspace {redact(url)} can migrate it; "
        f"the database's owner runs {_migrate_command(url)}."
    )


def _secure_shared(engine: Engine) -> None:
    """Upgrade a shared workspace and (re)install its roles and rules, as its owner."""
    from db import pg_roles

    with engine.connect() as conn:
        owner = pg_roles.is_owner(conn)
    if not owner:
        return  # already current: see _refuse_non_owner
    upgrade(engine)
    with engine.begin() as conn:
        pg_roles.install(conn)


def migrate(target: str | Path) -> tuple[str | None, str]:
    """Bring a workspace's schema to head; returns (before, after) revisions.

    A shared workspace also gets (or has refreshed) its group roles, grants and
    rules: see :mod:`db.pg_roles`.
    """
    url = to_url(target)
    engine = make_engine(url)
    try:
        if not is_sqlite(url):
            _refuse_non_owner(engine, url)
        before = current_revision(engine) if _has_tables(engine) else None
        if before is not None and before not in known_revisions(engine):
            raise SchemaError(f"{redact(url)} has schema {before}, newer than this ClaimDesk.")
        if is_sqlite(url):
            upgrade(engine)
        else:
            _secure_shared(engine)
        return before, head_revision(engine)
    except DBAPIError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise InvalidInput(f"Cannot migrate {redact(url)}: {reason}") from None
    finally:
        engine.dispose()
