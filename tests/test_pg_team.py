"""A shared workspace's team on the real server: `claimdesk team`, missing roles, old workspaces."""

from __future__ import annotations

import io
from pathlib import Path

import psycopg
import pytest
from conftest import PgTeam
from review_support import add_seed, claim_at
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from db import analysts, claims, history
from db.cli import run
from db.errors import Refused, SchemaError
from db.models import Role
from db.workspace import make_engine, open_workspace, to_url, upgrade


def _cli(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return run(list(argv), out=out), out.getvalue()


def _as(url: str, login: str) -> str:
    return make_url(url).set(username=login).render_as_string(hide_password=False)


def _owner_sql(team: PgTeam, statement: str, **params: object) -> list[tuple[object, ...]]:
    engine = create_engine(team.owner_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            result = conn.execute(text(statement), params)
            return [tuple(r) for r in result] if result.returns_rows else []
    finally:
        engine.dispose()


def test_team_commands_add_change_and_remove_logins(
    pg_team: PgTeam,
    pg_url: str,
    seed_paths: list[Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    login = f"{pg_team.name}_rita"
    pg_team.logins.append(login)  # dropped with the database
    typed = iter(["a long passphrase", "a long passphrase"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(typed))
    code, out = _cli("team", "add", login, "--role", "reviewer", "--create-login", "--db", pg_url)
    assert code == 0 and out.startswith(f"{login}\treviewer")
    # The login exists with a SCRAM verifier; the password was never an argument.
    stored = _owner_sql(pg_team, "SELECT rolpassword FROM pg_authid WHERE rolname = :n", n=login)
    assert str(stored[0][0]).startswith("SCRAM-SHA-256$")
    assert "a long passphrase" not in str(stored[0][0])

    code, out = _cli("team", "list", "--db", pg_url)
    assert code == 0 and f"{login}\treviewer" in out

    # The new login acts as a reviewer: it decides a claim the admin made.
    admin_ws = open_workspace(pg_url)
    analysts.bind_analyst(admin_ws)
    rita = open_workspace(_as(pg_url, login))
    try:
        article, body = add_seed(admin_ws, seed_paths[0])
        c = claim_at(admin_ws, article, body, status="in_review")
        analysts.bind_analyst(rita)
        assert analysts.get_current(rita).role == Role.REVIEWER
        claims.update_claim(
            rita, c.id, status="verified", rationale="The court record confirms it."
        )

        code, out = _cli("team", "role", login, "analyst", "--db", pg_url)
        assert code == 0 and "is now analyst" in out
        analysts.bind_analyst(rita)
        with pytest.raises(Refused, match="Only reviewers and admins"):
            claims.update_claim(rita, c.id, status="false")
        assert claims.get_claim(admin_ws, c.id).status.value == "verified"

        code, out = _cli("team", "remove", login, "--db", pg_url)
        assert code == 0 and "stays attributed" in out
        capsys.readouterr()
        assert _cli("claims", "--db", _as(pg_url, login))[0] == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "has no ClaimDesk role" in err
        assert f"claimdesk team add {login} --role analyst" in err
        # Their work stays theirs in the history.
        names = {e.analyst_name for e in history.claim_history(admin_ws, c.id)}
        assert login in names
        code, out = _cli("team", "list", "--db", pg_url)
        assert f"{login}\tno access" in out
    finally:
        rita.close()
        admin_ws.close()


def test_only_admins_manage_the_team(
    pg_team: PgTeam, pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reviewer = pg_team.login_url("reviewer")
    other = pg_team.login_url("analyst")
    other_login = str(make_url(other).username)
    capsys.readouterr()
    code, _ = _cli("team", "role", other_login, "admin", "--db", reviewer)
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "Only admins" in err
    assert _owner_sql(pg_team, "SELECT claimdesk_role_of(:n)", n=other_login) == [("analyst",)]
    # Local workspaces have no logins to manage.
    code, _ = _cli("team", "list", "--db", str(tmp_path / "local.sqlite"))
    assert code == 2 and "shared (PostgreSQL) workspaces" in capsys.readouterr().err


def test_a_login_without_a_role_is_told_what_to_run(
    pg_team: PgTeam, pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    login = f"{pg_team.name}_stranger"
    pg_team.logins.append(login)
    _owner_sql(pg_team, f'CREATE ROLE "{login}" LOGIN')
    capsys.readouterr()
    code, _ = _cli("claims", "--db", _as(pg_url, login))
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1
    assert f"The database login {login!r} has no ClaimDesk role" in err
    assert f"claimdesk team add {login} --role analyst --db" in err


def test_a_workspace_from_before_the_roles_is_refused_until_its_owner_migrates(
    pg_team: PgTeam, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = make_engine(to_url(pg_team.owner_url))
    try:
        upgrade(engine)  # what an older ClaimDesk's migrate did: schema, no roles
    finally:
        engine.dispose()
    with pytest.raises(SchemaError, match=r"has no ClaimDesk roles yet.*claimdesk migrate --db"):
        open_workspace(pg_team.owner_url)
    # Anyone but the owner is refused the upgrade, with the same instruction.
    login = f"{pg_team.name}_early"
    pg_team.logins.append(login)
    _owner_sql(pg_team, f'CREATE ROLE "{login}" LOGIN')
    capsys.readouterr()
    code, _ = _cli("migrate", "--db", _as(pg_team.owner_url, login))
    err = capsys.readouterr().err
    assert code == 2 and "Only the owner" in err and "claimdesk migrate --db" in err
    assert (
        _owner_sql(pg_team, "SELECT 1 FROM pg_proc WHERE proname = 'claimdesk_security_version'")
        == []
    )

    code, out = _cli("migrate", "--db", pg_team.owner_url)
    assert code == 0 and "already current" in out
    url = pg_team.login_url("admin")
    ws = open_workspace(url)
    try:
        analysts.bind_analyst(ws)
        assert analysts.get_current(ws).role == Role.ADMIN
    finally:
        ws.close()
    # The early login had no role given: after the upgrade it cannot even connect.
    with pytest.raises(psycopg.OperationalError, match="CONNECT"):
        psycopg.connect(f"host=127.0.0.1 dbname={pg_team.name} user={login}").close()


def test_a_libpq_service_name_opens_the_workspace(
    pg_team: PgTeam, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    u = make_url(pg_url)
    services = tmp_path / "pg_service.conf"
    services.write_text(
        f"[claimdesk]\nhost={u.host}\nport={u.port or 5432}\ndbname={u.database}\n"
        f"user={u.username}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    code, out = _cli("team", "list", "--db", "postgresql:///?service=claimdesk")
    assert code == 0 and f"* {u.username}\tadmin" in out


def test_the_readme_set_up_with_an_owner_who_is_not_a_superuser(
    pg_team: PgTeam, monkeypatch: pytest.MonkeyPatch
) -> None:
    """createuser, createdb --owner, migrate; the owner adds an admin, who adds others."""
    base = make_url(pg_team.base)
    owner, admin, reviewer = (f"{pg_team.name}_{n}" for n in ("owner", "maria", "sam"))
    pg_team.logins.extend([admin, reviewer, owner])  # dropped in this order, the owner last
    database = f"{pg_team.name}_newsroom"
    server = create_engine(pg_team.base, isolation_level="AUTOCOMMIT")
    try:
        with server.connect() as conn:
            conn.execute(text(f'CREATE ROLE "{owner}" LOGIN CREATEROLE'))
            conn.execute(text(f'CREATE DATABASE "{database}" OWNER "{owner}"'))
        url = base.set(database=database)
        as_owner = url.set(username=owner).render_as_string(hide_password=False)
        as_admin = url.set(username=admin).render_as_string(hide_password=False)
        assert _cli("migrate", "--db", as_owner)[0] == 0
        monkeypatch.setattr("getpass.getpass", lambda prompt="": "correct horse battery")
        assert (
            _cli("team", "add", admin, "--role", "admin", "--create-login", "--db", as_owner)[0]
            == 0
        )
        assert (
            _cli("team", "add", reviewer, "--role", "reviewer", "--create-login", "--db", as_admin)[
                0
            ]
            == 0
        )
        code, out = _cli("team", "list", "--db", as_admin)
        assert code == 0 and f"{reviewer}\treviewer" in out and f"* {admin}\tadmin" in out
    finally:
        with server.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
            from db.pg_roles import group_names

            for role in group_names(database).values():
                conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        server.dispose()


def test_a_bundle_with_other_peoples_work_is_merged_by_an_admin_only(
    pg_team: PgTeam,
    pg_url: str,
    tmp_path: Path,
    seed_paths: list[Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    from db.bundles import export_bundle

    local = open_workspace(tmp_path / "desk.sqlite")
    try:
        analysts.bind_analyst(local)
        article, body = add_seed(local, seed_paths[1])
        claim_at(local, article, body, status="in_review")
        bundle = tmp_path / "desk.claimdesk"
        export_bundle(local, bundle)
    finally:
        local.close()
    analyst_url = pg_team.login_url("analyst")
    capsys.readouterr()
    code, _ = _cli("bundle", "import", str(bundle), "--db", analyst_url)
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "Only admins can change the team" in err
    assert _owner_sql(pg_team, "SELECT count(*) FROM claim") == [(0,)]
    code, _ = _cli("bundle", "import", str(bundle), "--db", pg_url)
    assert code == 0
    rows = _owner_sql(
        pg_team,
        "SELECT a.name, a.login FROM claim c JOIN analyst a ON a.id = c.created_by_id",
    )
    assert rows == [("Analyst", None)]  # the local author keeps the claim, with no login here


def test_undoing_an_article_deletion_brings_back_everyones_work_as_it_was(
    pg_team: PgTeam, pg_url: str, tmp_path: Path, seed_paths: list[Path]
) -> None:
    """A plain analyst may undo a deletion: rows return with their authors and verdicts."""
    from db import articles, comments, review
    from db.bundles import export_bundle, restore_bundle

    spaces = {role: open_workspace(pg_team.login_url(role)) for role in ("analyst", "reviewer")}
    spaces["admin"] = open_workspace(pg_url)
    try:
        for ws in spaces.values():
            analysts.bind_analyst(ws)
        ana, rev = spaces["analyst"], spaces["reviewer"]
        article, body = add_seed(spaces["admin"], seed_paths[2])
        c = claim_at(ana, article, body, status="in_review")
        note = comments.add_comment(rev, c.id, "Checked against the agency wire.")
        review.give_verdict(rev, c.id, "verified", "Two sources agree.")
        query = (
            "SELECT c.status, c.created_by_id, v.reviewer_id, m.created_by_id, m.body "
            "FROM claim c JOIN verdict v ON v.claim_id = c.id JOIN comment m ON m.claim_id = c.id"
        )
        before = _owner_sql(pg_team, query)
        assert before == [("verified", ana.analyst_id, rev.analyst_id, rev.analyst_id, note.body)]

        snapshot = tmp_path / "undo.claimdesk"
        export_bundle(ana, snapshot, article_ids=[article], outside_links=True)
        articles.delete_article(ana, article)
        assert _owner_sql(pg_team, "SELECT count(*) FROM claim") == [(0,)]
        restore_bundle(ana, snapshot)
        assert _owner_sql(pg_team, query) == before
    finally:
        for ws in spaces.values():
            ws.close()


def test_libpq_connection_options_reach_the_server(
    pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """sslmode=verify-full is libpq's: against a server without TLS it refuses, in one line."""
    secure = make_url(pg_url).update_query_dict({"sslmode": "verify-full"})
    code, _ = _cli("claims", "--db", secure.render_as_string(hide_password=False))
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "SSL" in err
    assert _cli("claims", "--db", pg_url)[0] == 0
