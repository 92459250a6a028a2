"""Shared fixtures: temporary SQLite workspaces, the seed articles, the PostgreSQL URL."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

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


@pytest.fixture
def ws(ws_path: Path):
    from db.analysts import bind_analyst
    from db.workspace import open_workspace

    workspace = open_workspace(ws_path)
    bind_analyst(workspace)
    yield workspace
    workspace.close()


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    paths = sorted(SEEDS.glob("*.txt"))
    if len(paths) != 5:
        pytest.fail(f"expected the five seed articles in {SEEDS}, found {len(paths)}")
    return paths


def pg_base_url() -> str | None:
    return os.environ.get(PG_ENV)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards.

    When CLAIMDESK_TEST_PG_URL is unset the test is skipped locally, but under
    CI (CI=true) a missing server is a failure, never a skip.
    """
    base = pg_base_url()
    if not base:
        if os.environ.get("CI"):
            pytest.fail(f"{PG_ENV} is not set but CI expects the PostgreSQL server")
        pytest.skip(f"{PG_ENV} not set")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"claimdesk_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # the server must be there when asked for
        pytest.fail(f"PostgreSQL at {base} is not usable: {exc}")
    url = make_url(base).set(database=name).render_as_string(hide_password=False)
    yield url
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
            break
        except Exception:
            if attempt == 4:
                raise
            time.sleep(0.3)
    admin.dispose()
