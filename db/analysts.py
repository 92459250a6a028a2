"""Analysts of a workspace, their roles, and who the current one is.

Local (SQLite) workspaces trust the person at the keyboard: the current
analyst is chosen by name (``--as`` on the command line, the switch dialog in
the desktop app).  Shared (PostgreSQL) workspaces identify people by their
database login; there the analyst is always the one whose ``login`` equals
``current_user`` and ``--as`` is refused.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import String, cast, func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.audit import ANALYST_KEY
from db.errors import InvalidInput, NotFound, Refused
from db.models import Analyst, Role
from db.workspace import Workspace

DEFAULT_NAME = "Analyst"
PALETTE = (
    "#3b82f6",
    "#ef4444",
    "#10b981",
    "#f59e0b",
    "#8b5cf6",
    "#ec4899",
    "#14b8a6",
    "#f97316",
)


@dataclass(frozen=True, slots=True)
class AnalystInfo:
    id: uuid.UUID
    name: str
    initials: str
    color: str
    role: Role
    login: str | None
    created_at: dt.datetime

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN


def _info(analyst: Analyst) -> AnalystInfo:
    return AnalystInfo(
        id=analyst.id,
        name=analyst.name,
        initials=analyst.initials,
        color=analyst.color,
        role=Role(analyst.role),
        login=analyst.login,
        created_at=analyst.created_at,
    )


def _role(value: str | Role) -> Role:
    try:
        return Role(str(value).strip().lower())
    except ValueError:
        names = "|".join(r.value for r in Role)
        raise InvalidInput(f"Unknown role {value!r}; use {names}.") from None


def default_initials(name: str) -> str:
    """Up to three capital letters from the words of *name*."""
    words = [w for w in name.replace("-", " ").split() if w]
    if not words:
        return ""
    if len(words) == 1:
        return words[0][:2].upper()
    return "".join(w[0] for w in words[:3]).upper()


def _color(value: str, index: int) -> str:
    value = (value or "").strip()
    if not value:
        return PALETTE[index % len(PALETTE)]
    if not value.startswith("#"):
        value = "#" + value
    digits = value[1:]
    if len(digits) not in (3, 6) or any(c not in "0123456789abcdefABCDEF" for c in digits):
        raise InvalidInput(f"The colour {value!r} is not a hex colour like #3b82f6.")
    return value.lower()


def find_analyst(session: Session, given: str | uuid.UUID) -> Analyst:
    """The analyst named by *given*: a UUID, an exact or case-blind name, or an id prefix."""
    if isinstance(given, uuid.UUID):
        analyst = session.get(Analyst, given)
        if analyst is None:
            raise NotFound(f"No analyst with id {given}.")
        return analyst
    text_ = given.strip()
    if not text_:
        raise InvalidInput("No analyst was named.")
    analyst = session.scalar(select(Analyst).where(Analyst.name == text_))
    if analyst is not None:
        return analyst
    matches = session.scalars(
        select(Analyst).where(func.lower(Analyst.name) == text_.lower()).limit(2)
    ).all()
    if len(matches) == 1:
        return matches[0]
    try:
        by_id = session.get(Analyst, uuid.UUID(text_))
    except ValueError:
        by_id = None
    if by_id is not None:
        return by_id
    hexpart = text_.lower().replace("-", "")
    if len(hexpart) >= 4 and all(c in "0123456789abcdef" for c in hexpart):
        rows = session.scalars(
            select(Analyst).where(cast(Analyst.id, String).like(f"{hexpart}%")).limit(2)
        ).all()
        if len(rows) == 1:
            return rows[0]
    raise NotFound(f"No analyst named {given!r} in this workspace.")


def current_analyst(session: Session) -> Analyst | None:
    """The analyst the session acts for, if one is bound."""
    analyst_id = session.info.get(ANALYST_KEY)
    return session.get(Analyst, analyst_id) if analyst_id else None


def require_admin(session: Session, what: str) -> None:
    """Refuse *what* unless the current analyst is an admin (or none exists yet)."""
    me = current_analyst(session)
    if me is None:
        if session.scalar(select(func.count()).select_from(Analyst)):
            raise Refused(f"Choose who you are before you {what}.")
        return
    if me.role != Role.ADMIN:
        raise Refused(f"Only admins can {what}; you are {me.name} ({me.role}).")


def _count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Analyst)) or 0


def _new_analyst(
    session: Session,
    name: str,
    initials: str,
    color: str,
    role: Role,
    login: str | None,
    analyst_id: uuid.UUID | None = None,
) -> Analyst:
    name = name.strip()
    if not name:
        raise InvalidInput("An analyst needs a name.")
    if len(name) > 200:
        raise InvalidInput("An analyst's name can be at most 200 characters long.")
    if session.scalar(select(Analyst.id).where(func.lower(Analyst.name) == name.lower())):
        raise InvalidInput(f"There is already an analyst named {name!r}.")
    initials = (initials or default_initials(name)).strip()[:8]
    analyst = Analyst(
        id=analyst_id or uuid.uuid4(),
        name=name,
        initials=initials,
        color=_color(color, _count(session)),
        role=role,
        login=login or None,
    )
    session.add(analyst)
    session.flush()
    return analyst


def add_analyst(
    ws: Workspace,
    name: str,
    initials: str = "",
    color: str = "",
    role: str | Role = "analyst",
    login: str | None = None,
    analyst_id: uuid.UUID | None = None,
) -> AnalystInfo:
    """Add an analyst; only admins may add reviewers or admins.

    *analyst_id* gives the new analyst a chosen id (redoing an undone addition).
    """
    wanted = _role(role)
    with ws.session() as session:
        if wanted != Role.ANALYST or login:
            article = "an" if wanted == Role.ADMIN else "a"
            require_admin(session, f"add {article} {wanted.value}")
        return _info(_new_analyst(session, name, initials, color, wanted, login, analyst_id))


def remove_analyst(ws: Workspace, analyst: str | uuid.UUID) -> None:
    """Remove an analyst whom nothing in the workspace refers to yet (undoing an addition).

    Reviewers and admins are removed only by an admin; nobody removes themself,
    and an analyst who has written, reviewed or been assigned anything stays.
    """
    with ws.session() as session:
        target = find_analyst(session, analyst)
        if target.id == session.info.get(ANALYST_KEY):
            raise Refused("You cannot remove yourself from the team.")
        if target.role != Role.ANALYST:
            require_admin(session, f"remove a {target.role.value}")
        name = target.name
        session.delete(target)
        try:
            session.flush()
        except IntegrityError:
            raise Refused(
                f"{name} has already worked in this workspace and stays on the team; "
                "change their role instead."
            ) from None


def list_analysts(ws: Workspace) -> list[AnalystInfo]:
    with ws.session() as session:
        rows = session.scalars(select(Analyst).order_by(Analyst.created_at, Analyst.name))
        return [_info(a) for a in rows]


def get_analyst(ws: Workspace, given: str | uuid.UUID) -> AnalystInfo:
    with ws.session() as session:
        return _info(find_analyst(session, given))


def get_current(ws: Workspace) -> AnalystInfo:
    """The analyst the workspace acts for; NotFound when none is bound."""
    if ws.analyst_id is None:
        raise NotFound("No analyst is selected for this workspace.")
    with ws.session() as session:
        analyst = session.get(Analyst, ws.analyst_id)
        if analyst is None:
            raise NotFound("The selected analyst no longer exists in this workspace.")
        return _info(analyst)


def set_role(ws: Workspace, analyst: str | uuid.UUID, role: str | Role) -> AnalystInfo:
    """Change an analyst's role (admins only); the last admin cannot step down."""
    wanted = _role(role)
    with ws.session() as session:
        require_admin(session, "change roles")
        target = find_analyst(session, analyst)
        if target.role == Role.ADMIN and wanted != Role.ADMIN:
            admins = session.scalar(
                select(func.count()).select_from(Analyst).where(Analyst.role == Role.ADMIN)
            )
            if (admins or 0) <= 1:
                raise Refused(f"{target.name} is the only admin; make someone else admin first.")
        if ws.shared and target.login:
            # The login's group role is what the database's rules read: change both.
            session.execute(
                text("SELECT claimdesk_team_grant(:who, :role)"),
                {"who": target.login, "role": wanted.value},
            )
        target.role = wanted
        session.flush()
        return _info(target)


def update_analyst(
    ws: Workspace,
    analyst: str | uuid.UUID,
    *,
    name: str | None = None,
    initials: str | None = None,
    color: str | None = None,
) -> AnalystInfo:
    """Change an analyst's name, initials or colour (oneself, or anyone as admin)."""
    with ws.session() as session:
        target = find_analyst(session, analyst)
        if target.id != session.info.get(ANALYST_KEY):
            require_admin(session, "change another analyst's details")
        if name is not None and name.strip() != target.name:
            clash = session.scalar(
                select(Analyst.id).where(
                    func.lower(Analyst.name) == name.strip().lower(), Analyst.id != target.id
                )
            )
            if not name.strip():
                raise InvalidInput("An analyst needs a name.")
            if clash:
                raise InvalidInput(f"There is already an analyst named {name.strip()!r}.")
            target.name = name.strip()
        if initials is not None:
            target.initials = initials.strip()[:8] or default_initials(target.name)
        if color is not None:
            target.color = _color(color, 0)
        session.flush()
        return _info(target)


def needs_first_analyst(ws: Workspace) -> bool:
    """True while a workspace has no analyst at all (the first start)."""
    with ws.session() as session:
        return _count(session) == 0


def create_first_analyst(
    ws: Workspace, name: str, initials: str = "", color: str = ""
) -> AnalystInfo:
    """Create the workspace's first analyst, an admin, and make them current."""
    with ws.session() as session:
        if _count(session):
            raise Refused("This workspace already has analysts; add more from the team list.")
        info = _info(_new_analyst(session, name, initials, color, Role.ADMIN, None))
    ws.analyst_id = info.id
    return info


def free_name(session: Session, name: str) -> str:
    """*name*, or "name (2)", "name (3)"… : the first no analyst has (case ignored)."""
    display, n = name, 2
    while session.scalar(select(Analyst.id).where(func.lower(Analyst.name) == display.lower())):
        display = f"{name} ({n})"
        n += 1
    return display


def database_login(ws: Workspace) -> str:
    """The login the shared workspace's connection runs as."""
    with ws.engine.connect() as conn:
        return str(conn.execute(text("SELECT current_user")).scalar_one())


def _database_role(session: Session) -> Role | None:
    value = session.execute(text("SELECT claimdesk_role()")).scalar()
    return Role(value) if value else None


def _bind_shared(ws: Workspace, name: str | None) -> uuid.UUID:
    """The analyst of the session's login, with the role the database gives it.

    A login without a ClaimDesk role is refused with the command that adds it;
    one with a role but no analyst yet is recorded on first use.
    """
    from db.team import no_role_message

    login = database_login(ws)
    for attempt in range(2):
        try:
            with ws.session() as session:
                role = _database_role(session)
                if role is None:
                    raise Refused(no_role_message(ws.url, login))
                analyst = session.scalar(select(Analyst).where(Analyst.login == login))
                if analyst is None:
                    display = free_name(session, login)
                    analyst = _new_analyst(session, display, "", "", role, login)
                elif analyst.role != role:
                    analyst.role = role  # the database's word is the one that holds
                    session.flush()
                if name and name.strip() not in (analyst.name, login):
                    raise Refused(
                        f"--as is not available in a shared workspace: you act as your "
                        f"database login {login!r} ({analyst.name})."
                    )
                ws.analyst_id = analyst.id
                return analyst.id
        except IntegrityError:
            # Another client created the same login's analyst at the same moment.
            if attempt:
                raise
    raise AssertionError("unreachable")


def bind_analyst(ws: Workspace, name: str | None = None) -> uuid.UUID:
    """Make an analyst current for *ws* and return their id.

    Shared workspaces: the analyst whose login is the database login (created
    on first use; the very first one is admin); naming someone else is refused.
    Local workspaces: the analyst *name*, or with no name the first analyst,
    created as "Analyst" (admin) when the workspace has none.
    """
    if ws.shared:
        return _bind_shared(ws, name)
    with ws.session() as session:
        analyst: Analyst | None
        if name:
            analyst = find_analyst(session, name)
        else:
            analyst = session.scalar(select(Analyst).order_by(Analyst.created_at).limit(1))
            if analyst is None:
                analyst = _new_analyst(session, DEFAULT_NAME, "AN", "", Role.ADMIN, None)
        ws.analyst_id = analyst.id
        return analyst.id


def bind_working_analyst(
    ws: Workspace, name: str | None = None, remembered: str | None = None
) -> uuid.UUID | None:
    """Make the analyst at work current, never inventing a placeholder; their id, or None.

    Shared workspaces: as :func:`bind_analyst` (the database login's analyst).
    Local workspaces: the analyst *name* (in a workspace without analysts, *name*
    becomes its first analyst, an admin); with no name, the analyst called
    *remembered* (the one last chosen on this machine) when the workspace has them,
    else its first analyst.  A local workspace without analysts and no *name*
    stays unbound (None): the caller asks who is working.
    """
    if ws.shared:
        return _bind_shared(ws, name)
    with ws.session() as session:
        analyst: Analyst | None = None
        if name and name.strip():
            if _count(session) == 0:
                analyst = _new_analyst(session, name, "", "", Role.ADMIN, None)
            else:
                analyst = find_analyst(session, name)
        else:
            if remembered and remembered.strip():
                analyst = session.scalar(
                    select(Analyst)
                    .where(func.lower(Analyst.name) == remembered.strip().lower())
                    .limit(1)
                )
            if analyst is None:
                analyst = session.scalar(select(Analyst).order_by(Analyst.created_at).limit(1))
        ws.analyst_id = analyst.id if analyst is not None else None
        return ws.analyst_id


def machine_analyst_name() -> str:
    """Who is at this computer, for a command-line first analyst: ``CLAIMDESK_ANALYST``,
    else the account's full name, else its login name ("" when none is known)."""
    import getpass
    import os

    named = os.environ.get("CLAIMDESK_ANALYST", "").strip()
    if named:
        return named
    try:
        import pwd

        gecos = pwd.getpwuid(os.getuid()).pw_gecos.split(",")[0].strip()
    except (ImportError, KeyError, AttributeError):
        gecos = ""
    if gecos:
        return gecos
    try:
        return getpass.getuser().strip()
    except Exception:  # no login name on this system
        return ""


def analyst_names(session: Session, ids: set[uuid.UUID | None]) -> dict[uuid.UUID, str]:
    """Names of the given analyst ids (for lists that show who did what)."""
    wanted = [i for i in ids if i is not None]
    if not wanted:
        return {}
    rows = session.execute(select(Analyst.id, Analyst.name).where(Analyst.id.in_(wanted)))
    return {r[0]: r[1] for r in rows}
