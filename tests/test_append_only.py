"""History and verdicts cannot be changed or deleted, not even by plain SQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from db import claims as claim_ops
from db import review
from db.analysts import bind_analyst
from db.articles import NewArticle, add_article
from db.models import Status
from db.settings import FOUR_EYES, set_setting
from db.workspace import Workspace, alembic_config, migrate, open_workspace

BODY = "The agency said 1,500 soldiers left in October; others said 3,000."


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def workspace(request: pytest.FixtureRequest, tmp_path: Path) -> Workspace:
    if request.param == "sqlite":
        ws = open_workspace(tmp_path / "w.sqlite")
    else:
        url = request.getfixturevalue("pg_url")
        migrate(url)
        ws = open_workspace(url)
    request.addfinalizer(ws.close)
    bind_analyst(ws)
    return ws


def _claim_with_verdict(ws: Workspace) -> str:
    art = add_article(ws, NewArticle(text=BODY, original=BODY.encode(), filename="a.txt"))
    claim = claim_ops.create_claim_by_quote(ws, art.id, "1,500 soldiers", status=Status.IN_REVIEW)
    set_setting(ws, FOUR_EYES, "off")  # the one admin here may decide alone
    review.give_verdict(ws, claim.id, Status.VERIFIED, "Two independent sources agree.")
    return str(claim.id)


def _refused(ws: Workspace, statement: str) -> str:
    with pytest.raises(DBAPIError) as info, ws.engine.begin() as conn:
        conn.execute(text(statement))
    return str(info.value.orig)


def _count(ws: Workspace, table: str) -> int:
    with ws.engine.connect() as conn:
        return int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def test_history_and_verdicts_refuse_update_and_delete(workspace: Workspace) -> None:
    _claim_with_verdict(workspace)
    history, verdicts = _count(workspace, "history"), _count(workspace, "verdict")
    assert history > 0 and verdicts == 1
    # A shared workspace's logins lack the privilege before the trigger is reached;
    # the triggers themselves are tried as the owner in test_pg_bypass.
    refusals = ("append-only", "permission denied for table")
    for statement in (
        "UPDATE history SET action = 'forged'",
        "DELETE FROM history",
        "UPDATE verdict SET rationale = 'forged'",
        "DELETE FROM verdict",
    ):
        message = _refused(workspace, statement)
        assert any(r in message for r in refusals), message
    assert (_count(workspace, "history"), _count(workspace, "verdict")) == (history, verdicts)


def test_new_history_is_still_written_and_numbered(workspace: Workspace) -> None:
    claim_id = _claim_with_verdict(workspace)
    before = _count(workspace, "history")
    claim_ops.update_claim(workspace, claim_id, notes="still recorded")
    assert _count(workspace, "history") == before + 1
    with workspace.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM history WHERE seq IS NULL")).scalar() == 0


def test_a_verdict_goes_with_its_deleted_claim(workspace: Workspace) -> None:
    claim_id = _claim_with_verdict(workspace)
    claim_ops.delete_claim(workspace, claim_id)
    assert _count(workspace, "verdict") == 0
    assert _count(workspace, "claim") == 0


def test_an_upgraded_workspace_gets_the_triggers(tmp_path: Path) -> None:
    from alembic import command

    path = tmp_path / "old.sqlite"
    ws = open_workspace(path)
    command.downgrade(alembic_config(ws.engine), "0005")
    ws.close()
    old = open_workspace(path)  # upgrades, keeping a backup of the older file
    try:
        assert old.backup_path is not None
        bind_analyst(old)
        _claim_with_verdict(old)
        assert "append-only" in _refused(old, "DELETE FROM history")
    finally:
        old.close()
