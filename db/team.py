"""The team of a shared workspace: database logins, their ClaimDesk roles, analysts.

An admin adds a login (creating it if asked, with a password that is turned
into a SCRAM verifier on this machine and never sent or stored in clear),
changes its role or removes it.  The group-role membership that the database's
rules read (:mod:`db.pg_roles`) and the analyst row that the application shows
change together, in one transaction.  Removing someone takes their role away
and keeps their analyst row, so their history and attribution stay.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from db.analysts import AnalystInfo, _info, _new_analyst, _role, current_analyst, free_name
from db.errors import InvalidInput, Refused
from db.models import Analyst, Role
from db.workspace import Workspace, redact

LOGIN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_.-@")


@dataclass(frozen=True, slots=True)
class Member:
    """One analyst of a shared workspace and the role the database gives their login."""

    analyst: AnalystInfo
    database_role: Role | None  # None: the login has no access (removed, or never added)


def no_role_message(url: str, login: str) -> str:
    """One line for a login that the workspace's rules do not know."""
    return (
        f"The database login {login!r} has no ClaimDesk role in the shared workspace "
        f"{redact(url)}; an admin runs `claimdesk team add {login} --role analyst "
        f"--db {redact(url)}`."
    )


def _shared(ws: Workspace) -> None:
    if not ws.shared:
        raise InvalidInput(
            "Team logins belong to shared (PostgreSQL) workspaces; in a local workspace use "
            "`claimdesk analyst add NAME --role ROLE`."
        )


def check_login(login: str) -> str:
    name = login.strip()
    if not name or len(name) > 63 or any(c not in LOGIN_CHARS for c in name):
        raise InvalidInput(
            f"{login!r} is not a usable database login: use 1 to 63 lower-case letters, "
            "digits and _ . - @."
        )
    return name


def _require_admin(session: Session) -> None:
    role = session.execute(text("SELECT claimdesk_role()")).scalar()
    if role != Role.ADMIN.value:
        me = current_analyst(session)
        who = f"{me.name} ({me.role.value})" if me else "not an admin"
        raise Refused(f"Only admins can change the team or anyone's role; you are {who}.")


def _verifier(session: Session, login: str, password: str) -> str:
    """A SCRAM-SHA-256 verifier for *password*, computed by libpq on this machine."""
    raw = session.connection().connection.dbapi_connection
    pgconn = getattr(raw, "pgconn", None)
    if pgconn is None:
        raise InvalidInput("Creating a login needs the psycopg driver (postgresql+psycopg://).")
    encrypted: bytes = pgconn.encrypt_password(
        password.encode("utf-8"), login.encode("utf-8"), b"scram-sha-256"
    )
    return encrypted.decode("ascii")


def _admins(session: Session) -> int:
    return (
        session.scalar(select(func.count()).select_from(Analyst).where(Analyst.role == Role.ADMIN))
        or 0
    )


def _grant(session: Session, login: str, role: Role, verifier: str | None = None) -> None:
    session.execute(
        text("SELECT claimdesk_team_grant(:who, :role, :verifier)"),
        {"who": login, "role": role.value, "verifier": verifier},
    )


def add_member(
    ws: Workspace, login: str, role: str | Role, *, password: str | None = None
) -> AnalystInfo:
    """Give *login* a role in the workspace (creating the login when a password is given)."""
    _shared(ws)
    name = check_login(login)
    wanted = _role(role)
    if password is not None and len(password) < 8:
        raise InvalidInput("A new login's password needs at least 8 characters.")
    with ws.session() as session:
        _require_admin(session)
        verifier = _verifier(session, name, password) if password is not None else None
        _grant(session, name, wanted, verifier)
        analyst = session.scalar(select(Analyst).where(Analyst.login == name))
        if analyst is None:
            analyst = _new_analyst(session, free_name(session, name), "", "", wanted, name)
        else:
            analyst.role = wanted
            session.flush()
        return _info(analyst)


def _member_row(session: Session, login: str) -> Analyst:
    analyst = session.scalar(select(Analyst).where(Analyst.login == login.strip()))
    if analyst is None:
        raise InvalidInput(
            f"{login!r} is not on this workspace's team; add it with "
            f"`claimdesk team add {login.strip()} --role analyst`."
        )
    return analyst


def set_member_role(ws: Workspace, login: str, role: str | Role) -> AnalystInfo:
    """Change the role of a login already on the team; the last admin stays admin."""
    _shared(ws)
    wanted = _role(role)
    with ws.session() as session:
        _require_admin(session)
        analyst = _member_row(session, login)
        if analyst.role == Role.ADMIN and wanted != Role.ADMIN and _admins(session) <= 1:
            raise Refused(f"{analyst.name} is the only admin; make someone else admin first.")
        _grant(session, str(analyst.login), wanted)
        analyst.role = wanted
        session.flush()
        return _info(analyst)


def remove_member(ws: Workspace, login: str) -> AnalystInfo:
    """Take a login's role away; the analyst (and everything they did) stays."""
    _shared(ws)
    with ws.session() as session:
        _require_admin(session)
        analyst = _member_row(session, login)
        if analyst.id == ws.analyst_id:
            raise Refused("You cannot remove yourself from the team.")
        if analyst.role == Role.ADMIN and _admins(session) <= 1:
            raise Refused(f"{analyst.name} is the only admin; make someone else admin first.")
        session.execute(text("SELECT claimdesk_team_revoke(:who)"), {"who": analyst.login})
        if analyst.role == Role.ADMIN:
            analyst.role = Role.ANALYST  # no longer counted among the admins
            session.flush()
        return _info(analyst)


def list_members(ws: Workspace) -> list[Member]:
    """Every analyst with a login, and the role the database gives that login now."""
    _shared(ws)
    with ws.session() as session:
        rows = session.scalars(
            select(Analyst).where(Analyst.login.is_not(None)).order_by(Analyst.login)
        ).all()
        out = []
        for analyst in rows:
            value = session.execute(
                text("SELECT claimdesk_role_of(:who)"), {"who": analyst.login}
            ).scalar()
            out.append(Member(_info(analyst), Role(value) if value else None))
        return out


def login_of(ws: Workspace) -> str:
    return make_url(ws.url).username or ""
