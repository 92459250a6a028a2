"""History and verdicts cannot be changed or deleted, not even by plain SQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PgTeam
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from store_support import store_kinds

from db import append_only, review
from db import claims as claim_ops
from db.analysts import bind_analyst
from db.articles import NewArticle, add_article
from db.check import check_workspace
from db.cli import run
from db.models import Status
from db.settings import FOUR_EYES, set_setting
from db.workspace import Workspace, alembic_config, open_workspace

store_kind = store_kinds("postgres")  # the PostgreSQL cases keep their id

BODY = "The agency said 1,500 soldiers left in October; others said 3,000."


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


def test_history_and_verdicts_refuse_update_and_delete(store: Workspace) -> None:
    _claim_with_verdict(store)
    history, verdicts = _count(store, "history"), _count(store, "verdict")
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
        message = _refused(store, statement)
        assert any(r in message for r in refusals), message
    assert (_count(store, "history"), _count(store, "verdict")) == (history, verdicts)


def test_new_history_is_still_written_and_numbered(store: Workspace) -> None:
    claim_id = _claim_with_verdict(store)
    before = _count(store, "history")
    claim_ops.update_claim(store, claim_id, notes="still recorded")
    assert _count(store, "history") == before + 1
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM history WHERE seq IS NULL")).scalar() == 0


def test_a_verdict_goes_with_its_deleted_claim(store: Workspace) -> None:
    claim_id = _claim_with_verdict(store)
    claim_ops.delete_claim(store, claim_id)
    assert _count(store, "verdict") == 0
    assert _count(store, "claim") == 0


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


TRUNCATES = (
    "TRUNCATE history",
    "TRUNCATE verdict",
    "TRUNCATE verdict CASCADE",
    "TRUNCATE history, verdict",
    "TRUNCATE claim CASCADE",  # reaches the verdicts through their claim
)


@pytest.mark.postgres
def test_truncate_is_refused_even_to_the_owner(
    pg_team: PgTeam, capsys: pytest.CaptureFixture[str]
) -> None:
    """TRUNCATE empties a table without a row trigger firing: statement triggers refuse
    it, to the database's owner too, and the check then finds everything still there."""
    pg_team.migrate()
    admin = open_workspace(pg_team.login_url("admin"))
    owner = open_workspace(pg_team.owner_url)
    try:
        bind_analyst(admin)
        _claim_with_verdict(admin)
        counts = {t: _count(owner, t) for t in ("history", "verdict", "claim")}
        assert counts["history"] > 0 and counts["verdict"] == 1
        for statement in TRUNCATES:
            message = _refused(owner, statement)
            assert "append-only" in message, (statement, message)
        assert {t: _count(owner, t) for t in counts} == counts
        assert check_workspace(owner).ok
    finally:
        admin.close()
        owner.close()
    capsys.readouterr()
    assert run(["check", "--db", pg_team.owner_url]) == 0
    assert "history and verdicts append-only" in capsys.readouterr().out


@pytest.mark.postgres
def test_an_upgraded_postgres_workspace_refuses_truncate(pg_team: PgTeam) -> None:
    from alembic import command

    pg_team.migrate()
    owner = open_workspace(pg_team.owner_url)
    try:
        command.downgrade(alembic_config(owner.engine), "0022")
        with owner.engine.connect() as conn:
            assert append_only.missing(conn) == [
                "trigger history_no_truncate on history is missing",
                "trigger verdict_no_truncate on verdict is missing",
            ]
        with owner.engine.begin() as conn:  # what the owner could do before
            conn.execute(text("TRUNCATE history"))
    finally:
        owner.close()
    pg_team.migrate()
    owner = open_workspace(pg_team.owner_url)
    try:
        with owner.engine.connect() as conn:
            assert append_only.missing(conn) == []
        bind_analyst(owner)
        _claim_with_verdict(owner)
        assert "append-only" in _refused(owner, "TRUNCATE history")
        assert "append-only" in _refused(owner, "TRUNCATE verdict")
    finally:
        owner.close()
