"""The team dialog of a shared workspace: an admin adds, changes and removes logins."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import PgTeam
from sqlalchemy.engine import make_url

from db import analysts
from db import team as team_db
from db.models import Role
from db.workspace import open_workspace
from desktop.context import AppContext
from desktop.dialogs import RecordingDialogs
from desktop.review import TeamDialog
from desktop.review.member_dialog import NewMemberDialog


def _ctx(url: str) -> AppContext:
    ws = open_workspace(url)
    analysts.bind_analyst(ws)
    return AppContext(ws, RecordingDialogs())


@pytest.fixture
def admin_ctx(pg_url: str) -> Iterator[AppContext]:
    ctx = _ctx(pg_url)
    yield ctx
    ctx.ws.close()


def _roles(ctx: AppContext) -> dict[str, Role | None]:
    return {str(m.analyst.login): m.database_role for m in team_db.list_members(ctx.ws)}


def test_admin_adds_a_login_with_a_role_and_undo_takes_it_away(
    admin_ctx: AppContext, pg_team: PgTeam, qtbot
) -> None:
    login = f"{pg_team.name}_gui"
    pg_team.logins.append(login)
    dialog = TeamDialog(admin_ctx)
    qtbot.addWidget(dialog)
    assert dialog.add_button.text() == "Add login…" and dialog.add_button.isEnabled()
    form = NewMemberDialog(dialog)
    qtbot.addWidget(form)
    form.login.setText(login)
    form.role.setCurrentIndex(form.role.findData("reviewer"))
    form.create.setChecked(True)
    form.password.setText("short")
    assert "at least 8" in form.problem.text()
    form.password.setText("a fine passphrase")
    form.repeat.setText("a fine passphrase")
    assert form.problem.text() == ""
    assert dialog.apply_member(form)
    assert _roles(admin_ctx)[login] == Role.REVIEWER
    logins = [dialog.table.item(r, 3).text() for r in range(dialog.table.rowCount())]
    assert login in logins

    admin_ctx.undo_stack.undo()
    assert _roles(admin_ctx)[login] is None  # the role is gone, the analyst stays
    admin_ctx.undo_stack.redo()
    assert _roles(admin_ctx)[login] == Role.REVIEWER

    # The role column changes the login's group role too.
    member = next(m for m in team_db.list_members(admin_ctx.ws) if m.analyst.login == login)
    dialog.set_role(member.analyst.id, "analyst")
    assert _roles(admin_ctx)[login] == Role.ANALYST

    dialog.refresh()
    row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 3).text() == login)
    dialog.table.setCurrentCell(row, 0)
    dialog.remove_selected()
    assert _roles(admin_ctx)[login] is None
    assert admin_ctx.dialogs.errors == []


def test_a_reviewer_sees_the_team_but_cannot_change_it(pg_team: PgTeam, pg_url: str, qtbot) -> None:
    ctx = _ctx(pg_team.login_url("reviewer"))
    try:
        dialog = TeamDialog(ctx)
        qtbot.addWidget(dialog)
        assert not dialog.add_button.isEnabled() and not dialog.remove_button.isEnabled()
        # Going around the disabled button ends in the database's refusal, shown as one line.
        me = str(make_url(ctx.ws.url).username)
        assert not team_ops_add(ctx, me)
        assert "Only admins" in ctx.dialogs.errors[-1][1]
        assert _roles(ctx)[me] == Role.REVIEWER
    finally:
        ctx.ws.close()


def team_ops_add(ctx: AppContext, login: str) -> bool:
    from desktop.operations import team as team_ops

    return team_ops.add_member(ctx, login, "admin")
