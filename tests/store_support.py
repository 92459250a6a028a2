"""The two databases a workspace test runs on: a real SQLite file and the PostgreSQL server.

conftest.py builds the ``store_kind``, ``store_url`` and ``store`` fixtures from here. A
test module whose cases have always been named otherwise keeps its ids by defining
``store_kind = store_kinds("postgres")``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest


def store_kinds(pg_id: str = "postgresql") -> Callable[..., Any]:
    """The ``store_kind`` fixture: ``"sqlite"``, then *pg_id* marked ``postgres``."""

    @pytest.fixture(
        name="store_kind",
        params=["sqlite", pytest.param(pg_id, marks=pytest.mark.postgres)],
    )
    def store_kind(request: pytest.FixtureRequest) -> str:
        return "sqlite" if request.param == "sqlite" else "postgresql"

    return store_kind
