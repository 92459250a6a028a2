"""Team review against a real PostgreSQL server: login-bound analysts and the rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from review_support import add_seed, claim_at
from sqlalchemy.engine import make_url

from db import analysts, claims, comments, history, links, review
from db.compare import compare_set
from db.errors import InvalidInput, Refused
from db.models import Role, Status
from db.workspace import Workspace, migrate, open_workspace


def test_shared_analyst_is_the_database_login(pg_url: str) -> None:
    migrate(pg_url)
    ws = open_workspace(pg_url)
    try:
        login = analysts.database_login(ws)
        first = analysts.bind_analyst(ws)
        me = analysts.get_current(ws)
        assert me.id == first and me.login == login and me.role == Role.ADMIN
        # Binding again finds the same analyst rather than creating another.
        assert analysts.bind_analyst(ws) == first
        assert len(analysts.list_analysts(ws)) == 1
        with pytest.raises(Refused, match="--as is not available in a shared workspace"):
            analysts.bind_analyst(ws, "Somebody Else")
    finally:
        ws.close()


def test_second_login_becomes_plain_analyst(pg_team, pg_url: str) -> None:
    ws = open_workspace(pg_url)
    try:
        analysts.bind_analyst(ws)
        other_url = pg_team.login_url("analyst")
        role = make_url(other_url).username
        other = open_workspace(other_url)
        try:
            analysts.bind_analyst(other)
            me = analysts.get_current(other)
            assert (me.name, me.login, me.role) == (role, role, Role.ANALYST)
        finally:
            other.close()
    finally:
        ws.close()


def test_rules_verdicts_and_queue_on_postgres(pg_ws: Workspace, seed_paths: list[Path]) -> None:
    ws = pg_ws
    aid, body = add_seed(ws, seed_paths[0])
    c = claim_at(ws, aid, body, status="in_review")
    # A second (local-style) analyst makes the four-eyes rule bind for the creator.
    analysts.add_analyst(ws, "Rita Review", role="reviewer")
    with pytest.raises(Refused, match="four-eyes"):
        review.give_verdict(ws, c.id, "verified", "Looks right")
    with pytest.raises(InvalidInput, match="rationale"):
        review.give_verdict(ws, c.id, "unverifiable", "")
    claims.update_claim(ws, c.id, notes="not a status change")
    claims.update_claim(ws, c.id, status="disputed")
    claims.update_claim(ws, c.id, status="in_review")
    claims.update_claim(ws, c.id, notes="again no status change")
    queue = review.review_queue(ws)
    assert [i.claim_id for i in queue] == [c.id]
    entries = history.claim_history(ws, c.id)
    assert queue[0].since == entries[-2].at  # the last status change, not the last edit
    review.assign(ws, c.id, "Rita Review")
    assert review.review_queue(ws, assignee_id="Rita Review")[0].assignee_name == "Rita Review"
    v = review.give_verdict(ws, c.id, "unverifiable", "No second source exists.")
    assert v.status == Status.UNVERIFIABLE
    assert claims.get_claim(ws, c.id).status == Status.UNVERIFIABLE
    assert review.review_queue(ws) == []


def test_history_comments_and_compare_on_postgres(pg_ws: Workspace, seed_paths: list[Path]) -> None:
    ws = pg_ws
    a1, t1 = add_seed(ws, seed_paths[1])
    a2, t2 = add_seed(ws, seed_paths[2])
    x = claim_at(ws, a1, t1, statement="first")
    y = claim_at(ws, a2, t2)
    claims.update_claim(ws, x.id, statement="second")
    links.add_link(ws, y.id, x.id, "contradicts")
    top = comments.add_comment(ws, x.id, "Which is right?")
    comments.reply(ws, top.id, "Neither")
    assert comments.open_thread_counts(ws) == {x.id: 1}
    items = history.claim_history(ws, x.id)
    kinds = [(i.entity_type, i.action) for i in items]
    # The contradicts link also disputed the claim, in the same transaction.
    assert kinds[:2] == [("claim", "create"), ("claim", "update")]
    assert sorted(kinds[2:4]) == [("claim", "update"), ("link", "create")]
    assert kinds[4:] == [("comment", "create"), ("comment", "create")]
    restored = history.restore_claim_state(ws, x.id, items[0].id)
    assert restored.statement == "first"
    assert history.claim_history(ws, x.id)[-1].action == "restore"
    assert {i.claim_id for i in compare_set(ws, x.id)} == {x.id, y.id}


def test_cli_refuses_as_on_shared_workspace(pg_url: str, capsys) -> None:
    import io

    from db.cli import run

    migrate(pg_url)
    out = io.StringIO()
    assert run(["--db", pg_url, "analysts"], out=out) == 0
    from sqlalchemy.engine import make_url

    login = make_url(pg_url).username
    assert out.getvalue().startswith(f"* {login}\t")
    assert run(["--db", pg_url, "--as", "Someone", "analysts"], out=io.StringIO()) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--as is not available in a shared workspace" in err
