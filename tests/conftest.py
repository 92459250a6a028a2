"""Shared fixtures: temporary SQLite workspaces, the seed articles, the PostgreSQL URL and
a workspace on it (``pg_ws``), and a workspace on each of the two databases (``store``)."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from store_support import store_kinds

if TYPE_CHECKING:
    from db.workspace import Workspace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
PG_ENV = "CLAIMDESK_TEST_PG_URL"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Keep every test away from the real per-user data folder."""
    monkeypatch.setenv("CLAIMDESK_DATA_DIR", str(tmp_path_factory.mktemp("data")))


@pytest.fixture
def ws_path(tmp_path: Path) -> Path:
    return tmp_path / "workspace.sqlite"


@contextmanager
def bound_workspace(url: str | Path) -> Iterator[Workspace]:
    """The workspace at *url* with its analyst bound, closed on leaving."""
    from db.analysts import bind_analyst
    from db.workspace import open_workspace

    workspace = open_workspace(url)
    try:
        bind_analyst(workspace)
        yield workspace
    finally:
        workspace.close()


@pytest.fixture
def ws(ws_path: Path) -> Iterator[Workspace]:
    with bound_workspace(ws_path) as workspace:
        yield workspace


store_kind = store_kinds()


@pytest.fixture
def store_url(store_kind: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh workspace's URL: a SQLite file, or a migrated PostgreSQL database.

    The PostgreSQL one comes from :func:`pg_url` (dropped after the test; skipped
    locally when CLAIMDESK_TEST_PG_URL is unset, a failure under CI).
    """
    if store_kind == "sqlite":
        return str(tmp_path / "store.sqlite")
    from db.workspace import migrate

    url: str = request.getfixturevalue("pg_url")
    migrate(url)
    return url


@pytest.fixture
def store(store_url: str) -> Iterator[Workspace]:
    """A workspace on SQLite, then on PostgreSQL, with its analyst bound."""
    with bound_workspace(store_url) as workspace:
        yield workspace


@pytest.fixture
def store_again(store_url: str) -> Iterator[Workspace]:
    """A second client of :func:`store`'s database: another workspace on it, its
    analyst bound (what one client sees of another's work)."""
    with bound_workspace(store_url) as workspace:
        yield workspace


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    paths = sorted(SEEDS.glob("*.txt"))
    if len(paths) != 5:
        pytest.fail(f"expected the five seed articles in {SEEDS}, found {len(paths)}")
    return paths


def pg_base_url() -> str | None:
    return os.environ.get(PG_ENV)


def _pg_base_or_skip() -> str:
    base = pg_base_url()
    if not base:
        if os.environ.get("CI"):
            pytest.fail(f"{PG_ENV} is not set but CI expects the PostgreSQL server")
        pytest.skip(f"{PG_ENV} not set")
    return base


@dataclass
class PgTeam:
    """A fresh database migrated by its owner, and restricted logins on it by role."""

    base: str
    name: str
    owner_url: str
    logins: list[str] = field(default_factory=list)

    def migrate(self) -> None:
        """Bring the database to the current schema and rules, as its owner."""
        from db.workspace import migrate

        migrate(self.owner_url)

    def login_url(self, role: str, login: str | None = None) -> str:
        """A new login holding the workspace's *role* group (no analyst row yet)."""
        from sqlalchemy import create_engine, text
        from sqlalchemy.engine import make_url

        login = login or f"{self.name}_{role}{len(self.logins) + 1}"
        owner = create_engine(self.owner_url, isolation_level="AUTOCOMMIT")
        try:
            with owner.connect() as conn:
                conn.execute(text(f'CREATE ROLE "{login}" LOGIN'))
                conn.execute(text("SELECT claimdesk_team_grant(:w, :r)"), {"w": login, "r": role})
        finally:
            owner.dispose()
        self.logins.append(login)
        return make_url(self.owner_url).set(username=login).render_as_string(hide_password=False)


def _create_database(base: str) -> tuple[str, str]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"claimdesk_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # the server must be there when asked for
        pytest.fail(f"PostgreSQL at {base} is not usable: {exc}")
    finally:
        admin.dispose()
    return name, make_url(base).set(database=name).render_as_string(hide_password=False)


def _drop_database(base: str, name: str, roles: list[str]) -> None:
    from sqlalchemy import create_engine, text

    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    # A background read finishing late may connect again between the terminate
    # and the drop: try a few times (PostgreSQL 13+ also has DROP ... WITH (FORCE)).
    for attempt in range(5):
        try:
            with admin.connect() as conn:
                conn.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE datname = :n AND pid <> pg_backend_pid()"
                    ),
                    {"n": name},
                )
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                for role in roles:
                    conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
            break
        except Exception:
            if attempt == 4:
                raise
            time.sleep(0.3)
    admin.dispose()


def _group_roles(name: str) -> list[str]:
    from db.pg_roles import group_names

    return list(group_names(name).values())


@pytest.fixture
def pg_team() -> Iterator[PgTeam]:
    """A fresh, empty database (migrate it as its owner); logins with roles on demand.

    When CLAIMDESK_TEST_PG_URL is unset the test is skipped locally, but under
    CI (CI=true) a missing server is a failure, never a skip.
    """
    base = _pg_base_or_skip()
    name, owner_url = _create_database(base)
    team = PgTeam(base=base, name=name, owner_url=owner_url)
    try:
        yield team
    finally:
        _drop_database(base, name, team.logins + _group_roles(name))


@pytest.fixture
def pg_owner_url(pg_team: PgTeam) -> str:
    """The empty database of :func:`pg_team`, as its owner (for tests of migrating)."""
    return pg_team.owner_url


@pytest.fixture
def pg_url(pg_team: PgTeam) -> str:
    """A migrated PostgreSQL workspace as a restricted login holding the admin role.

    Tests work through the same grants and rules as a team's admin, never as
    the superuser or the database's owner.
    """
    pg_team.migrate()
    return pg_team.login_url("admin")


@pytest.fixture
def pg_ws(pg_url: str) -> Iterator[Workspace]:
    """A workspace on :func:`pg_url`'s database (migrated as that login too), its
    analyst bound."""
    from db.workspace import migrate

    migrate(pg_url)
    with bound_workspace(pg_url) as workspace:
        yield workspace
