"""The review queue model over a queue of thousands: targeted updates from change records."""

from __future__ import annotations

import threading
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from review_support import add_seed, insert_claims

from db import claims, review
from db.changes import Changes, Entity, Op, changed
from db.models import Status
from db.review import QueueFilter, QueueSort
from db.workspace import Workspace, open_workspace
from desktop.commands.claims import CreateClaimCommand, UpdateClaimCommand
from desktop.context import AppContext
from desktop.dialogs import RecordingDialogs
from desktop.models.review_queue_model import COL_ARTICLE, COL_QUOTE, ReviewQueueModel
from desktop.review import ReviewQueueView

IN_REVIEW = 2500


def _fill(ws: Workspace, article_id: uuid.UUID, text: str, n: int) -> None:
    """*n* claims, two in three in review, the others verified."""
    insert_claims(
        ws,
        article_id,
        text,
        n,
        lambda i: {"status": Status.IN_REVIEW if i % 3 else Status.VERIFIED},
    )


@pytest.fixture
def big(ws: Workspace, seed_paths: list[Path]) -> tuple[Workspace, uuid.UUID, str]:
    aid, text = add_seed(ws, seed_paths[0], "Alpha")
    _fill(ws, aid, text, IN_REVIEW * 3 // 2)
    return ws, aid, text


@pytest.fixture
def ctx(big: tuple[Workspace, uuid.UUID, str]) -> AppContext:
    return AppContext(big[0], RecordingDialogs())


class Spy:
    """Counts the structural signals of a model."""

    def __init__(self, model: ReviewQueueModel) -> None:
        self.inserted: list[tuple[int, int]] = []
        self.removed: list[tuple[int, int]] = []
        self.moved: list[tuple[int, int]] = []
        self.resets = 0
        model.rowsInserted.connect(lambda _p, a, b: self.inserted.append((a, b)))
        model.rowsRemoved.connect(lambda _p, a, b: self.removed.append((a, b)))
        model.rowsMoved.connect(lambda _p, a, _b, _q, d: self.moved.append((a, d)))
        model.modelReset.connect(self._reset)

    def _reset(self) -> None:
        self.resets += 1


def _view(ctx: AppContext, qtbot) -> ReviewQueueView:  # type: ignore[no-untyped-def]
    view = ReviewQueueView(ctx)
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_queue_model_passes_the_model_tester(ctx, qtmodeltester, qtbot) -> None:
    view = _view(ctx, qtbot)
    assert view.model.rowCount() == IN_REVIEW  # two in three of the claims
    qtmodeltester.check(view.model)


def test_new_claim_adds_exactly_one_row(ctx, big, qtbot) -> None:
    ws, aid, _text = big
    view = _view(ctx, qtbot)
    model = view.model
    before = model.rowCount()
    reads = model.page_reads
    spy = Spy(model)
    info = claims.create_claim(ws, aid, 10, 40, status="in_review")
    ctx.publish(changed(Entity.CLAIM, [info.id], Op.CREATED, parent=aid))
    assert spy.inserted == [(before, before)]  # the newest waits least: last row
    assert spy.resets == 0 and spy.removed == []
    assert model.rowCount() == before + 1
    assert model.claim_id_at(before) == str(info.id)
    assert view.count_label.text().startswith(f"{before + 1} claims waiting")
    # Only the new row was read (at most one page), not the queue again.
    assert model.page_reads - reads <= 1
    # The article's claim count changing with it re-reads no rows.
    model.data(model.index(0, COL_QUOTE))
    reads = model.page_reads
    ctx.publish(changed(Entity.ARTICLE, [aid], fields={"claims"}))
    model.data(model.index(0, COL_QUOTE))
    assert model.page_reads == reads
    # A claim that is not in review changes nothing.
    other = claims.create_claim(ws, aid, 50, 80)
    ctx.publish(changed(Entity.CLAIM, [other.id], Op.CREATED, parent=aid))
    assert len(spy.inserted) == 1 and model.rowCount() == before + 1


def test_ctrl_e_path_through_the_undo_stack(ctx, big, qtbot) -> None:
    """The claim command still announces on the legacy signal: one row all the same."""
    _ws, aid, _ = big
    view = _view(ctx, qtbot)
    spy = Spy(view.model)
    n = view.model.rowCount()
    command = CreateClaimCommand(ctx, aid, 100, 130, status="in_review")
    ctx.undo_stack.push(command)
    assert spy.inserted == [(n, n)] and spy.resets == 0
    ctx.undo_stack.undo()
    assert spy.removed == [(n, n)] and spy.resets == 0
    assert view.model.rowCount() == n


def test_status_change_removes_that_one_row(ctx, big, qtbot) -> None:
    ws, _, _ = big
    view = _view(ctx, qtbot)
    model = view.model
    n = model.rowCount()
    target = model.claim_id_at(n // 2)
    assert target is not None
    spy = Spy(model)
    claims.update_claim(ws, uuid.UUID(target), status="unverified")
    ctx.publish(changed(Entity.CLAIM, [target], fields={"status"}))
    assert spy.removed == [(n // 2, n // 2)] and spy.inserted == [] and spy.resets == 0
    assert model.row_of(target) is None and model.rowCount() == n - 1
    # Back to review: it enters again at its place (it waits least now: last).
    ctx.undo_stack.push(
        UpdateClaimCommand(
            ctx, uuid.UUID(target), {"status": "in_review"}, {"status": "unverified"}
        )
    )
    assert spy.inserted == [(n - 1, n - 1)] and spy.resets == 0


def test_edit_inside_the_queue_updates_or_moves_one_row(ctx, big, qtbot) -> None:
    ws, aid, _text = big
    view = _view(ctx, qtbot)
    model = view.model
    view.table.sortByColumn(COL_QUOTE, Qt.SortOrder.AscendingOrder)
    assert view.wait_loaded()
    order = [cid for _, cid in review.queue_order(ws, QueueFilter(), QueueSort.QUOTE)]
    assert model.claim_ids == order
    spy = Spy(model)
    changes_seen: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, _r: changes_seen.append((a.row(), b.row())))
    # A note does not move the row: one dataChanged, for that row only.
    first = uuid.UUID(order[0])
    claims.update_claim(ws, first, notes="checked twice")
    ctx.publish(changed(Entity.CLAIM, [first], fields={"notes"}))
    assert changes_seen == [(0, 0)] and spy.moved == [] and spy.resets == 0
    # A new claim in quote order lands where a fresh query puts it.
    info = claims.create_claim(ws, aid, 3, 33, status="disputed")
    ctx.publish(changed(Entity.CLAIM, [info.id], Op.CREATED))
    expected = [cid for _, cid in review.queue_order(ws, QueueFilter(), QueueSort.QUOTE)]
    assert model.claim_ids == expected
    assert spy.inserted == [(expected.index(str(info.id)),) * 2]
    # Sorted by article, descending, then filtered to another article: a reload.
    view.table.sortByColumn(COL_ARTICLE, Qt.SortOrder.DescendingOrder)
    assert view.wait_loaded()
    assert model.claim_ids == [
        cid for _, cid in review.queue_order(ws, QueueFilter(), QueueSort.ARTICLE, descending=True)
    ]


def test_comment_and_verdict_records_touch_one_row(ctx, big, qtbot) -> None:
    _ws, _, _ = big
    view = _view(ctx, qtbot)
    model = view.model
    target = model.claim_id_at(3)
    seen: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, _r: seen.append((a.row(), b.row())))
    ctx.publish(changed(Entity.COMMENT, [uuid.uuid4()], Op.CREATED, parent=target))
    assert seen == [(3, 3)]


def test_selection_survives_a_removal_above(ctx, big, qtbot) -> None:
    ws, _, _ = big
    view = _view(ctx, qtbot)
    keep = view.model.claim_id_at(10)
    assert view.select_claim(keep)
    gone = view.model.claim_id_at(2)
    claims.update_claim(ws, uuid.UUID(gone), status="unverified")
    ctx.publish(changed(Entity.CLAIM, [gone], fields={"status"}))
    assert view.selected_claim_id() == keep


def test_everything_reloads(ctx, big, qtbot) -> None:
    view = _view(ctx, qtbot)
    spy = Spy(view.model)
    ctx.publish(Changes(everything=True))
    assert view.model.loading  # read off the GUI thread: the rows shown stay meanwhile
    assert view.wait_loaded()
    assert spy.resets == 1


def test_a_sort_reads_the_order_off_the_gui_thread_and_keeps_the_selection(ctx, big, qtbot) -> None:
    ws, _, _ = big
    view = _view(ctx, qtbot)
    model = view.model
    keep = model.claim_id_at(7)
    assert view.select_claim(keep)
    threads: list[str] = []
    read_order = model._load_order

    def watched(*args):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        return read_order(*args)

    model._load_order = watched
    spy = Spy(model)
    view.table.sortByColumn(COL_QUOTE, Qt.SortOrder.AscendingOrder)
    assert model.loading and model.claim_id_at(7) == keep  # nothing moved yet
    assert view.wait_loaded()
    assert threads and threading.main_thread().name not in threads
    expected = [cid for _, cid in review.queue_order(ws, QueueFilter(), QueueSort.QUOTE)]
    assert model.claim_ids == expected
    assert spy.resets == 0  # the same claims moved, not a new list
    assert view.selected_claim_id() == keep
    assert view.table.currentIndex().row() == expected.index(keep)


def test_queue_order_and_targeted_update_on_postgresql(pg_ws: Workspace, seed_paths, qtbot) -> None:
    aid, text = add_seed(pg_ws, seed_paths[1], "Beta")
    _fill(pg_ws, aid, text, 300)
    context = AppContext(pg_ws, RecordingDialogs())
    view = _view(context, qtbot)
    assert view.model.rowCount() == 200
    spy = Spy(view.model)
    info = claims.create_claim(pg_ws, aid, 5, 35, status="in_review")
    context.publish(changed(Entity.CLAIM, [info.id], Op.CREATED, parent=aid))
    assert spy.inserted == [(200, 200)] and spy.resets == 0
    old = view.model.claim_id_at(0)
    claims.update_claim(pg_ws, uuid.UUID(old), status="unverified")
    context.publish(changed(Entity.CLAIM, [old], fields={"status"}))
    assert spy.removed == [(0, 0)]
    items = [view.model.item_at(r) for r in range(3)]
    assert all(i is not None and i.article_title == "Beta" for i in items)
    assert review.queue_order(pg_ws, QueueFilter(older_than_days=1)) != []


def test_a_closed_panel_stops_following(ctx, big, qtbot) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    from desktop.review import DiscussionPanel, HistoryPanel

    ws, aid, _ = big
    panels = [ReviewQueueView(ctx), HistoryPanel(ctx), DiscussionPanel(ctx)]
    for panel in panels:
        panel.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    info = claims.create_claim(ws, aid, 10, 40, status="in_review")
    ctx.publish(changed(Entity.CLAIM, [info.id], Op.CREATED, parent=aid))
    ctx.claims_changed([info.id])
    assert ctx.dialogs.errors == []


def test_a_lazy_queue_reads_nothing_until_shown(ctx, big, qtbot) -> None:
    ws, aid, _ = big
    view = ReviewQueueView(ctx, lazy=True)
    qtbot.addWidget(view)
    assert view.model.rowCount() == 0 and not view.model.loaded
    info = claims.create_claim(ws, aid, 10, 40, status="in_review")
    ctx.publish(changed(Entity.CLAIM, [info.id], Op.CREATED, parent=aid))
    assert not view.model.loaded
    # The read off the GUI thread is held until released, so a record published
    # while it runs is certain to arrive before the order does.
    release = threading.Event()
    read_order = view.model._load_order

    def held_read(*args):
        release.wait(30)
        return read_order(*args)

    view.model._load_order = held_read
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.model.loading, timeout=5000)  # once really visible
    late = claims.create_claim(ws, aid, 50, 80, status="in_review")
    ctx.publish(changed(Entity.CLAIM, [late.id], Op.CREATED, parent=aid))
    assert view.model.loading and not view.model.loaded
    release.set()
    assert view.wait_loaded()
    assert view.model.rowCount() == IN_REVIEW + 2
    assert view.model.claim_ids[-2:] == [str(info.id), str(late.id)]
    # A filter chosen in its box is read the same way; the selection is kept.
    old = view.model.claim_id_at(7)
    assert view.select_claim(old)
    view.age_filter.setValue(1)
    assert view.count_label.text() == "Reading the review queue…"
    assert view.wait_loaded()
    assert view.model.rowCount() == IN_REVIEW  # the two new ones waited less than a day
    assert view.selected_claim_id() == old


def test_remote_edits_take_the_same_path(ctx, big, ws_path, qtbot) -> None:
    """Another analyst's writes, read from the change feed, move single rows too."""
    from db import changefeed, comments

    ws, aid, _ = big
    view = _view(ctx, qtbot)
    model = view.model
    spy = Spy(model)
    mark = changefeed.latest_change(ws)
    other = open_workspace(ws_path)  # a second connection: someone else's edits
    try:
        made = claims.create_claim(other, aid, 60, 90, status="disputed")
        leaving = model.claim_id_at(0)
        claims.update_claim(other, uuid.UUID(leaving), status="unverified")
        comments.add_comment(other, uuid.UUID(model.claim_id_at(5)), "Which figure?")
    finally:
        other.close()
    record = changefeed.changes_since(ws, mark).record
    assert record.remote
    n = model.rowCount()
    ctx.publish(record)
    assert spy.resets == 0
    assert spy.removed == [(0, 0)] and len(spy.inserted) == 1
    assert model.row_of(str(made.id)) == n - 1 and model.row_of(leaving) is None
    assert model.item_at(4).open_threads == 1  # the commented claim moved up one row
