"""Local writes and other people's edits reach the views by one path: ctx.changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.analysts import bind_analyst
from db.articles import NewArticle, add_article
from db.changes import Changes, Entity, Op
from db.claims import create_claim, update_claim
from db.workspace import open_workspace
from desktop.context import AppContext
from desktop.dialogs import RecordingDialogs
from desktop.shared.poller import ChangePoller


@pytest.fixture
def two_views(tmp_path: Path, seed_paths: list[Path]):
    """One window's context and a second Workspace object on the same SQLite file."""
    path = tmp_path / "desk.sqlite"
    mine = open_workspace(path)
    bind_analyst(mine)
    other = open_workspace(path)
    bind_analyst(other)
    data = seed_paths[0].read_bytes()
    article = add_article(mine, NewArticle(text=data.decode("utf-8"), original=data))
    ctx = AppContext(mine, RecordingDialogs())
    yield ctx, other, article
    other.close()
    ctx.ws.close()


def test_remote_edit_reaches_ctx_changed_naming_the_claim(qtbot, two_views) -> None:
    ctx, other, article = two_views
    claim = create_claim(ctx.ws, article.id, 0, 12)
    published: list[Changes] = []
    ctx.changed.connect(published.append)
    legacy: list[list[str]] = []
    ctx.claimsChanged.connect(legacy.append)
    poller = ChangePoller(ctx, interval_ms=200)
    with qtbot.waitSignal(poller.ready, timeout=3000):
        poller.start()
    update_claim(other, claim.id, notes="edited at the other desk")
    qtbot.waitUntil(lambda: bool(published), timeout=3000)
    poller.stop()
    qtbot.waitUntil(lambda: poller.idle, timeout=3000)

    record = published[0]
    assert record.remote and not record.everything
    [change] = record.of(Entity.CLAIM)
    assert (change.id, change.op, change.parent) == (str(claim.id), Op.UPDATED, str(article.id))
    assert change.fields == {"notes"}
    assert legacy == [[str(claim.id)]]  # views not yet reading `changed` still hear of it


def test_own_edits_are_not_published_twice(qtbot, two_views) -> None:
    ctx, other, article = two_views
    published: list[Changes] = []
    ctx.changed.connect(published.append)
    poller = ChangePoller(ctx, interval_ms=200)
    with qtbot.waitSignal(poller.ready, timeout=3000):
        poller.start()
    create_claim(ctx.ws, article.id, 0, 12)  # through this window's own Workspace
    theirs = create_claim(other, article.id, 20, 30)
    qtbot.waitUntil(lambda: bool(published), timeout=3000)
    poller.stop()
    qtbot.waitUntil(lambda: poller.idle, timeout=3000)
    assert [r.ids(Entity.CLAIM) for r in published] == [{str(theirs.id)}]
    assert all(r.remote for r in published)


def _published(ctx: AppContext) -> list[Changes]:
    seen: list[Changes] = []
    ctx.changed.connect(seen.append)
    return seen


def test_local_delete_publishes_one_record_naming_article_and_claims(qtbot, two_views) -> None:
    from desktop.operations import articles as article_ops

    ctx, _other, article = two_views
    claims = [create_claim(ctx.ws, article.id, s, s + 8) for s in (0, 20)]
    published = _published(ctx)
    ctx.dialogs.confirm_answer = True  # confirm the deletion
    assert article_ops.delete_article(ctx, article.id)

    [record] = published
    assert not record.remote and not record.everything
    assert record.ids(Entity.ARTICLE, Op.DELETED) == {str(article.id)}
    assert record.ids(Entity.CLAIM, Op.DELETED) == {str(c.id) for c in claims}
    assert {c.parent for c in record.of(Entity.CLAIM)} == {str(article.id)}

    ctx.undo_stack.undo()
    assert len(published) == 2
    assert published[1].ids(Entity.CLAIM, Op.CREATED) == {str(c.id) for c in claims}
    assert article_ops.get_article(ctx, article.id).claim_count == 2


def test_role_change_is_undoable_and_names_the_analyst(qtbot, two_views) -> None:
    from desktop.operations import analysts as analyst_ops

    ctx, _other, _article = two_views
    colleague = analyst_ops.add_analyst(ctx, "Rosa Marin")
    assert colleague is not None
    published = _published(ctx)
    assert analyst_ops.set_role(ctx, colleague.id, "reviewer")
    [record] = published
    assert record.fields_of(Entity.ANALYST, str(colleague.id)) == {"role"}
    assert analyst_ops.get_analyst(ctx, colleague.id).role == "reviewer"
    ctx.undo_stack.undo()
    assert analyst_ops.get_analyst(ctx, colleague.id).role == "analyst"
    ctx.undo_stack.redo()
    assert analyst_ops.get_analyst(ctx, colleague.id).role == "reviewer"
    assert len(published) == 3


def test_refused_role_change_leaves_nothing_on_the_stack(qtbot, two_views) -> None:
    from desktop.operations import analysts as analyst_ops

    ctx, _other, _article = two_views
    me = analyst_ops.current(ctx)
    assert me is not None
    published = _published(ctx)
    assert not analyst_ops.set_role(ctx, me.id, "analyst")  # the only admin
    assert ctx.undo_stack.count() == 0 and published == []
    assert "only admin" in ctx.dialogs.errors[-1][1]


def test_settings_change_as_one_undo_step(qtbot, two_views) -> None:
    from desktop.operations import settings as settings_ops

    ctx, _other, _article = two_views
    published = _published(ctx)
    assert settings_ops.save_settings(
        ctx, {settings_ops.FOUR_EYES: "off", settings_ops.ORGANISATION: "Desk"}
    )
    assert settings_ops.save_settings(ctx, {settings_ops.ORGANISATION: "Desk"})  # no change
    assert ctx.undo_stack.count() == 1
    [record] = published
    assert record.ids(Entity.SETTING) == {settings_ops.FOUR_EYES, settings_ops.ORGANISATION}
    assert not settings_ops.four_eyes_enabled(ctx)
    ctx.undo_stack.undo()
    assert settings_ops.four_eyes_enabled(ctx)
    assert settings_ops.organisation_name(ctx) == ""


def test_taking_a_bundles_values_is_undoable(qtbot, two_views, tmp_path: Path) -> None:
    from db.bundles import export_bundle, import_bundle
    from db.claims import get_claim
    from desktop.operations import bundles as bundle_ops

    ctx, _other, article = two_views
    claim = create_claim(ctx.ws, article.id, 0, 12)
    export_bundle(ctx.ws, tmp_path / "base.claimdesk")
    elsewhere = open_workspace(tmp_path / "elsewhere.sqlite")
    bind_analyst(elsewhere)
    try:
        import_bundle(elsewhere, tmp_path / "base.claimdesk")
        update_claim(elsewhere, claim.id, notes="from the other desk")
        export_bundle(elsewhere, tmp_path / "next.claimdesk")
    finally:
        elsewhere.close()
    update_claim(ctx.ws, claim.id, notes="mine, newer")
    [conflict] = import_bundle(ctx.ws, tmp_path / "next.claimdesk").conflicts
    published = _published(ctx)

    assert bundle_ops.take_incoming(ctx, conflict)
    assert get_claim(ctx.ws, claim.id).notes == "from the other desk"
    [record] = published
    assert record.fields_of(Entity.CLAIM, str(claim.id)) == {"notes"}
    assert record.of(Entity.CLAIM)[0].parent == str(article.id)
    ctx.undo_stack.undo()
    assert get_claim(ctx.ws, claim.id).notes == "mine, newer"
    ctx.undo_stack.redo()
    assert get_claim(ctx.ws, claim.id).notes == "from the other desk"
    # Changed again meanwhile: undo is refused, nothing is overwritten.
    update_claim(ctx.ws, claim.id, notes="edited after taking")
    ctx.undo_stack.undo()
    assert get_claim(ctx.ws, claim.id).notes == "edited after taking"
    assert ctx.dialogs.errors


def test_adding_an_analyst_is_undone_until_they_have_worked(qtbot, two_views) -> None:
    from db.analysts import bind_analyst as act_as
    from desktop.operations import analysts as analyst_ops

    ctx, other, article = two_views
    published = _published(ctx)
    added = analyst_ops.add_analyst(ctx, "Ines Duarte", color="#aa3355")
    assert added is not None
    assert published[-1].ids(Entity.ANALYST, Op.CREATED) == {str(added.id)}
    ctx.undo_stack.undo()
    assert "Ines Duarte" not in {a.name for a in analyst_ops.list_analysts(ctx)}
    assert published[-1].ids(Entity.ANALYST, Op.DELETED) == {str(added.id)}
    ctx.undo_stack.redo()
    again = analyst_ops.get_analyst(ctx, added.id)
    assert (again.name, again.color) == ("Ines Duarte", added.color)
    # Once they have made a claim they stay: the undo is refused, nothing changes.
    act_as(other, "Ines Duarte")
    create_claim(other, article.id, 0, 5)
    ctx.undo_stack.undo()
    assert analyst_ops.get_analyst(ctx, added.id).name == "Ines Duarte"
    assert "worked in this workspace" in ctx.dialogs.errors[-1][1]


def test_remote_role_and_setting_changes_reach_ctx_changed(qtbot, two_views) -> None:
    from db.analysts import add_analyst, set_role
    from db.settings import FOUR_EYES, set_setting
    from desktop.operations import settings as settings_ops

    ctx, other, _article = two_views
    colleague = add_analyst(other, "Tomas Berg")
    published = _published(ctx)
    poller = ChangePoller(ctx, interval_ms=200)
    with qtbot.waitSignal(poller.ready, timeout=3000):
        poller.start()
    set_role(other, colleague.id, "reviewer")
    set_setting(other, FOUR_EYES, "off")
    qtbot.waitUntil(
        lambda: (
            any(r.touches(Entity.SETTING) for r in published)
            and any(r.touches(Entity.ANALYST) for r in published)
        ),
        timeout=3000,
    )
    analysts = [c for r in published for c in r.of(Entity.ANALYST)]
    assert [(c.id, c.fields) for c in analysts] == [(str(colleague.id), {"role"})]
    assert all(r.remote for r in published)

    # This window's own setting change is published once, by its command, not echoed.
    seen = len(published)
    assert settings_ops.save_settings(ctx, {settings_ops.ORGANISATION: "Night desk"})
    assert len(published) == seen + 1 and not published[-1].remote
    polls: list[object] = []
    poller.polled.connect(polls.append)
    qtbot.waitUntil(lambda: len(polls) >= 3, timeout=3000)
    poller.stop()
    qtbot.waitUntil(lambda: poller.idle, timeout=3000)
    assert len(published) == seen + 1


def test_remote_edits_reach_the_main_windows_reader_inspector_and_table(
    qtbot, two_views, tmp_path: Path
) -> None:
    from gui_shell_support import make_window

    ctx, other, article = two_views
    claim = create_claim(ctx.ws, article.id, 0, 12)
    window = make_window(ctx.ws, tmp_path, qtbot)
    ctx = window.ctx
    poller = window.shared_ui.poller
    qtbot.waitUntil(lambda: poller.team is not None, timeout=3000)  # the baseline is read
    window.reader.open_article(article.id)
    ctx.claimSelected.emit(str(claim.id))
    qtbot.waitUntil(lambda: window.claims_table.model.rowCount() == 1, timeout=3000)
    published = _published(ctx)

    update_claim(other, claim.id, notes="checked at the other desk")
    added = create_claim(other, article.id, 20, 30)
    qtbot.waitUntil(
        lambda: (
            window.inspector.info is not None
            and window.inspector.info.notes == "checked at the other desk"
            and str(added.id) in {str(c.id) for c in window.reader.claims}
            and window.claims_table.model.rowCount() == 2
        ),
        timeout=5000,
    )
    assert all(r.remote for r in published)
    named = set().union(*(r.ids(Entity.CLAIM) for r in published))
    assert named == {str(claim.id), str(added.id)}
    window.close()
    qtbot.waitUntil(lambda: poller.idle, timeout=3000)
