"""`claimdesk --as NAME` opens the window as that analyst; an unknown name is one message."""

from __future__ import annotations

from gui_shell_support import make_window

from db.analysts import add_analyst
from desktop.operations import analysts as analyst_ops
from desktop.review import act_as


def test_the_window_works_as_the_analyst_named(ws, tmp_path, qtbot) -> None:
    add_analyst(ws, "Mina Cho", "MC")
    window = make_window(ws, tmp_path, qtbot)
    assert act_as(window.ctx, "Mina Cho")
    window.update_workspace_labels()
    current = analyst_ops.current(window.ctx)
    assert current is not None and current.name == "Mina Cho"
    assert "Mina Cho" in window.analyst_label.text()
    assert window.ctx.dialogs.errors == []


def test_an_unknown_name_is_one_message_and_keeps_the_analyst(ws, tmp_path, qtbot) -> None:
    window = make_window(ws, tmp_path, qtbot)
    before = analyst_ops.current(window.ctx)
    assert not act_as(window.ctx, "Nobody Here")
    assert len(window.ctx.dialogs.errors) == 1
    assert "Nobody Here" in window.ctx.dialogs.errors[0][1]
    after = analyst_ops.current(window.ctx)
    assert before is not None and after is not None and after.id == before.id
