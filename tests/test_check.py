"""claimdesk check: a report in words, exit 0/1, and repairs only when asked."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PgTeam
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from store_support import store_kinds

from db import claims as claim_ops
from db.analysts import bind_analyst
from db.articles import NewArticle, add_article
from db.check import check_workspace, repair_workspace
from db.cli import run
from db.history import claim_history
from db.workspace import Workspace, open_workspace

store_kind = store_kinds("postgres")  # the PostgreSQL cases keep their id

BODY = (
    "The agency said 1,500 soldiers left in October. Later, lawmakers said 3,000 soldiers "
    "had left. A ministry said 1,500 soldiers was wrong."
)


def _fill(ws: Workspace) -> list[str]:
    bind_analyst(ws)
    art = add_article(
        ws, NewArticle(text=BODY, original=BODY.encode(), filename="a.txt", title="A")
    )
    first = claim_ops.create_claim_by_quote(ws, art.id, "1,500 soldiers left")
    second = claim_ops.create_claim_by_quote(ws, art.id, "3,000 soldiers")
    third = claim_ops.create_claim_by_quote(ws, art.id, "said 1,500 soldiers", occurrence=2)
    return [str(first.id), str(second.id), str(third.id)]


def _sql(ws: Workspace, statement: str, **params: object) -> None:
    with ws.engine.begin() as conn:
        conn.execute(text(statement), params)


def _id_param(ws: Workspace, value: str) -> object:
    # SQLite stores UUIDs as 32 hex digits; PostgreSQL as uuid.
    return value.replace("-", "") if ws.engine.dialect.name == "sqlite" else value


def test_a_sound_workspace_passes(store: Workspace) -> None:
    _fill(store)
    report = check_workspace(store)
    assert report.ok, report.lines()
    assert report.lines()[-1] == "The workspace is sound."


def test_broken_anchors_are_found_and_repaired_on_request(store: Workspace) -> None:
    first, second, third = _fill(store)
    ws = store
    # A moved span (quote still unique in the text), spoiled context, and a quote
    # that occurs nowhere.
    _sql(
        ws,
        'UPDATE claim SET start = start + 3, "end" = "end" + 3 WHERE id = :i',
        i=_id_param(ws, second),
    )
    _sql(ws, "UPDATE claim SET prefix = 'nonsense' WHERE id = :i", i=_id_param(ws, first))
    _sql(ws, "UPDATE claim SET quote = 'nowhere to be found' WHERE id = :i", i=_id_param(ws, third))
    report = check_workspace(ws)
    assert not report.ok
    by_check = {f.check: f for f in report.findings}
    assert by_check["quote"].count == 1 and by_check["context"].count == 1
    assert any(second in e for e in by_check["quote"].examples)
    # The quote found nowhere is reported, but not as something the repair can do.
    assert by_check["quote_lost"].count == 1 and not by_check["quote_lost"].repairable
    assert any(third in e for e in by_check["quote_lost"].examples)
    assert report.repairable == 2
    # Checking changed nothing.
    assert not check_workspace(ws).ok
    repaired = repair_workspace(ws)
    assert repaired.context_fixed == 1 and repaired.reanchored == 1
    assert len(repaired.left) == 1 and third in repaired.left[0]
    after = check_workspace(ws)
    assert [f.check for f in after.findings] == ["quote_lost"]
    assert after.findings[0].count == 1 and after.repairable == 0
    moved = claim_ops.get_claim(ws, second)
    assert BODY[moved.start : moved.end] == "3,000 soldiers"
    # The repair is a recorded edit in the claim's history.
    assert any(
        change.field == "start" for item in claim_history(ws, second) for change in item.changes
    )


def test_cli_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "c.sqlite"
    ws = open_workspace(path)
    try:
        first, _, _ = _fill(ws)
        assert run(["check", "--db", str(path)]) == 0
        assert "The workspace is sound." in capsys.readouterr().out
        _sql(ws, "UPDATE claim SET prefix = 'x' WHERE id = :i", i=first.replace("-", ""))
    finally:
        ws.close()
    assert run(["check", "--db", str(path)]) == 1
    out = capsys.readouterr().out
    assert "FAIL" in out and "--repair" in out
    assert run(["check", "--db", str(path), "--repair"]) == 0
    assert "1 claim context(s) derived again" in capsys.readouterr().out
    assert run(["check", "--db", str(path)]) == 0


def test_quotes_the_repair_cannot_place_are_not_offered_for_repair(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A quote found nowhere, and one found twice with its context matching neither place,
    are left by the repair: the report does not offer to repair them."""
    path = tmp_path / "c.sqlite"
    ws = open_workspace(path)
    try:
        first, _, third = _fill(ws)
        _sql(
            ws,
            "UPDATE claim SET quote = 'nowhere to be found' WHERE id = :i",
            i=_id_param(ws, third),
        )
        # "1,500 soldiers" is in the text twice; with a context of neither place it is ambiguous.
        _sql(
            ws,
            "UPDATE claim SET quote = '1,500 soldiers', prefix = 'x', suffix = 'y' WHERE id = :i",
            i=_id_param(ws, first),
        )
    finally:
        ws.close()
    assert run(["check", "--db", str(path)]) == 1
    out = capsys.readouterr().out
    assert "--repair" not in out.split("FAIL  claims whose quote differs")[1].split("\n")[0]
    assert run(["check", "--db", str(path), "--repair"]) == 1
    out = capsys.readouterr().out
    assert "Nothing here can be repaired automatically." in out
    assert "(can be repaired" not in out
    assert "claimdesk claim edit" in out and third in out and first in out


def test_check_repair_reports_what_it_left_and_the_second_report_agrees(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "c.sqlite"
    ws = open_workspace(path)
    try:
        first, _, third = _fill(ws)
        _sql(ws, "UPDATE claim SET prefix = 'x' WHERE id = :i", i=_id_param(ws, first))
        _sql(
            ws,
            "UPDATE claim SET quote = 'nowhere to be found' WHERE id = :i",
            i=_id_param(ws, third),
        )
    finally:
        ws.close()
    assert run(["check", "--db", str(path), "--repair"]) == 1
    out = capsys.readouterr().out
    before, _, rest = out.partition("Repairing:")
    repairing, _, again = rest.partition("Checking again:")
    assert "FAIL  claims whose context differs from the text around them: 1 (can be repaired" in (
        before
    )
    assert "1 claim(s) could not be placed safely" in repairing and third in repairing
    assert "(can be repaired" not in again
    assert "FAIL  claims whose quote differs from the article text at its offsets and is not" in (
        again
    )
    assert third in again


def test_append_only_triggers_dropped_or_rewritten_are_found_and_put_back(tmp_path: Path) -> None:
    ws = open_workspace(tmp_path / "t.sqlite")
    try:
        _fill(ws)
        _sql(ws, "DROP TRIGGER history_no_delete")
        _sql(ws, "DROP TRIGGER verdict_no_update")
        _sql(ws, "CREATE TRIGGER verdict_no_update BEFORE UPDATE ON verdict BEGIN SELECT 1; END")
        report = check_workspace(ws)
        assert not report.ok and report.repairable
        (finding,) = [f for f in report.findings if f.check == "append_only"]
        assert finding.examples == [
            "trigger history_no_delete is missing",
            "trigger verdict_no_update was changed",
        ]
        repaired = repair_workspace(ws)
        assert repaired.triggers_put_back
        assert any("triggers" in line for line in repaired.lines())
        assert check_workspace(ws).ok
        with pytest.raises(DBAPIError, match="append-only"):
            _sql(ws, "DELETE FROM history")
    finally:
        ws.close()


@pytest.mark.postgres
def test_truncate_triggers_dropped_or_rewritten_on_postgres_are_found(pg_team: PgTeam) -> None:
    pg_team.migrate()
    owner = open_workspace(pg_team.owner_url)
    admin = open_workspace(pg_team.login_url("admin"))
    try:
        bind_analyst(admin)
        _fill(admin)
        _sql(owner, "DROP TRIGGER history_no_truncate ON history")
        # Written again to fire after the table is emptied: too late to refuse anything.
        _sql(owner, "DROP TRIGGER verdict_no_truncate ON verdict")
        _sql(
            owner,
            "CREATE TRIGGER verdict_no_truncate AFTER TRUNCATE ON verdict "
            "FOR EACH STATEMENT EXECUTE FUNCTION claimdesk_verdict_append_only()",
        )
        report = check_workspace(admin)
        (finding,) = [f for f in report.findings if f.check == "append_only"]
        assert finding.examples == [
            "trigger history_no_truncate on history is missing",
            "trigger verdict_no_truncate on verdict was changed",
        ]
        assert finding.repairable
        assert repair_workspace(owner).triggers_put_back
        assert check_workspace(admin).ok
        with pytest.raises(DBAPIError, match="append-only"):
            _sql(owner, "TRUNCATE history")
    finally:
        admin.close()
        owner.close()


@pytest.mark.postgres
def test_append_only_triggers_disabled_on_postgres_are_found(pg_team: PgTeam) -> None:
    pg_team.migrate()
    owner = open_workspace(pg_team.owner_url)
    admin = open_workspace(pg_team.login_url("admin"))
    try:
        bind_analyst(admin)
        _fill(admin)
        assert check_workspace(admin).ok
        _sql(owner, "ALTER TABLE history DISABLE TRIGGER history_append_only")
        _sql(
            owner,
            "CREATE OR REPLACE FUNCTION claimdesk_verdict_append_only() RETURNS trigger AS "
            "$$ BEGIN RETURN OLD; END $$ LANGUAGE plpgsql",
        )
        (finding,) = [f for f in check_workspace(admin).findings if f.check == "append_only"]
        assert finding.examples == [
            "trigger history_append_only on history is disabled",
            "function claimdesk_verdict_append_only was changed",
        ]
        # A team login may not write triggers: the repair says who can.
        refused = repair_workspace(admin)
        assert not refused.triggers_put_back and "owner" in refused.triggers_left
        assert repair_workspace(owner).triggers_put_back
        assert check_workspace(admin).ok
    finally:
        admin.close()
        owner.close()
