"""The review queue holds a window of rows, never the whole queue: scrolling a queue of
5,000 claims keeps a bounded number of rows, and change records insert, remove and
move single rows at the place SQL sorts them, rows read or not."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from review_support import add_seed, insert_claims

from db import analysts, claims, review
from db.changes import Entity, Op, changed
from db.models import Status
from db.review import QueueFilter, QueueSort
from db.workspace import Workspace
from desktop.context import AppContext
from desktop.dialogs import RecordingDialogs
from desktop.models.review_queue_model import (
    COL_ASSIGNEE,
    COL_QUOTE,
    HELD_LIMIT,
    ReviewQueueModel,
)
from desktop.review import ReviewQueueView

QUEUE = 5000


def _fill(ws: Workspace, article_id: uuid.UUID, text: str, n: int, people: list[uuid.UUID]) -> None:
    """*n* claims, two in three in review, assigned round the analysts (every fourth to
    nobody)."""
    insert_claims(
        ws,
        article_id,
        text,
        n,
        lambda i: {
            "status": Status.IN_REVIEW if i % 3 else Status.UNVERIFIED,
            "assignee_id": None if i % 4 == 0 else people[i % len(people)],
        },
    )


def _people(ws: Workspace) -> list[uuid.UUID]:
    return [analysts.add_analyst(ws, name).id for name in ("wanda", "carl", "oscar")]


@pytest.fixture
def big(ws: Workspace, seed_paths: list[Path]) -> tuple[Workspace, uuid.UUID, str, list[uuid.UUID]]:
    aid, text = add_seed(ws, seed_paths[0], "Alpha")
    people = _people(ws)
    _fill(ws, aid, text, QUEUE * 3 // 2, people)
    return ws, aid, text, people


@pytest.fixture
def ctx(big: tuple[Workspace, uuid.UUID, str, list[uuid.UUID]]) -> AppContext:
    return AppContext(big[0], RecordingDialogs())


def _view(ctx: AppContext, qtbot) -> ReviewQueueView:  # type: ignore[no-untyped-def]
    view = ReviewQueueView(ctx)
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    return view


class Spy:
    def __init__(self, model: ReviewQueueModel) -> None:
        self.inserted: list[tuple[int, int]] = []
        self.removed: list[tuple[int, int]] = []
        self.resets = 0
        model.rowsInserted.connect(lambda _p, a, b: self.inserted.append((a, b)))
        model.rowsRemoved.connect(lambda _p, a, b: self.removed.append((a, b)))
        model.modelReset.connect(self._reset)

    def _reset(self) -> None:
        self.resets += 1


def _largest_collection(model: ReviewQueueModel) -> int:
    return max(
        (len(v) for v in vars(model).values() if isinstance(v, list | dict | set | tuple)),
        default=0,
    )


def _order(
    ws: Workspace, sort: QueueSort = QueueSort.WAITING, descending: bool = False
) -> list[str]:
    return [cid for _, cid in review.queue_order(ws, QueueFilter(), sort, descending=descending)]


def test_scrolling_the_whole_queue_holds_a_bounded_window(ctx, big, qtbot) -> None:
    ws = big[0]
    view = _view(ctx, qtbot)
    model = view.model
    assert model.rowCount() == QUEUE
    expected = _order(ws)
    first_reads = model.page_reads
    assert first_reads <= 1  # the first rows came with the count
    for row in [*range(0, QUEUE, 230), QUEUE - 1, 17, QUEUE // 2]:
        index = model.index(row, COL_QUOTE)
        view.table.scrollTo(index)
        QCoreApplication.processEvents()
        assert model.data(index, ClaimId) == expected[row]
        assert model.held <= HELD_LIMIT
        assert _largest_collection(model) <= HELD_LIMIT
    # The window was read page by page: one read per page reached, no whole order.
    assert model.page_reads - first_reads <= QUEUE // 100 + 3


ClaimId = Qt.ItemDataRole.UserRole.value + 1


def test_a_new_claim_enters_at_its_sorted_place_far_from_the_rows_read(ctx, big, qtbot) -> None:
    ws, aid, _text, people = big
    view = _view(ctx, qtbot)
    model = view.model
    view.table.sortByColumn(COL_ASSIGNEE, Qt.SortOrder.DescendingOrder)
    assert view.wait_loaded()
    assert model.claim_ids == _order(ws, QueueSort.ASSIGNEE, True)
    spy = Spy(model)
    made = claims.create_claim(ws, aid, 200, 230, status="in_review", assignee_id=people[1])
    ctx.publish(changed(Entity.CLAIM, [made.id], Op.CREATED, parent=aid))
    expected = _order(ws, QueueSort.ASSIGNEE, True)
    rank = expected.index(str(made.id))
    assert 100 < rank < QUEUE - 100  # among rows never read
    assert spy.inserted == [(rank, rank)] and spy.resets == 0 and spy.removed == []
    assert model.rowCount() == QUEUE + 1
    assert model.claim_id_at(rank) == str(made.id)
    assert model.claim_ids == expected


def test_a_claim_leaving_from_a_row_never_read_keeps_the_selection(ctx, big, qtbot) -> None:
    ws = big[0]
    view = _view(ctx, qtbot)
    model = view.model
    keep = model.claim_id_at(5)
    assert keep is not None and view.select_claim(keep)
    far = _order(ws)[4000]
    assert model.row_of(far) == 4000
    spy = Spy(model)
    claims.update_claim(ws, uuid.UUID(far), status="unverified")
    ctx.publish(changed(Entity.CLAIM, [far], fields={"status"}))
    assert model.rowCount() == QUEUE - 1 and spy.resets == 0
    assert model.row_of(far) is None
    assert view.selected_claim_id() == keep
    assert model.claim_ids == _order(ws)
    # A claim read and moved by its status change (it waits least now: last row).
    moving = model.claim_id_at(2)
    assert moving is not None
    claims.update_claim(ws, uuid.UUID(moving), status="disputed")
    ctx.publish(changed(Entity.CLAIM, [moving], fields={"status"}))
    assert model.row_of(moving) == QUEUE - 2
    assert view.selected_claim_id() == keep
    assert model.claim_ids == _order(ws)


def test_an_edit_that_moves_nothing_reads_nothing(ctx, big, qtbot) -> None:
    ws = big[0]
    view = _view(ctx, qtbot)
    assert view.model.rowCount() == QUEUE
    far = _order(ws)[3000]
    statements: list[str] = []
    from sqlalchemy import event

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(ws.engine, "before_cursor_execute", count)
    try:
        ctx.publish(changed(Entity.CLAIM, [far], fields={"notes"}))
    finally:
        event.remove(ws.engine, "before_cursor_execute", count)
    assert statements == []  # not held, and a note neither moves it nor takes it out


def test_sorted_insert_and_window_on_postgresql(pg_ws: Workspace, seed_paths, qtbot) -> None:
    aid, text = add_seed(pg_ws, seed_paths[1], "Beta")
    people = _people(pg_ws)
    _fill(pg_ws, aid, text, 1800, people)
    context = AppContext(pg_ws, RecordingDialogs())
    view = _view(context, qtbot)
    model = view.model
    assert model.rowCount() == 1200
    view.table.sortByColumn(COL_ASSIGNEE, Qt.SortOrder.AscendingOrder)
    assert view.wait_loaded()
    assert model.claim_ids == _order(pg_ws, QueueSort.ASSIGNEE)
    spy = Spy(model)
    made = claims.create_claim(pg_ws, aid, 40, 70, status="in_review", assignee_id=people[0])
    context.publish(changed(Entity.CLAIM, [made.id], Op.CREATED, parent=aid))
    expected = _order(pg_ws, QueueSort.ASSIGNEE)
    rank = expected.index(str(made.id))
    assert spy.inserted == [(rank, rank)] and spy.resets == 0
    assert model.claim_ids == expected
    for row in range(0, 1201, 150):
        assert model.claim_id_at(row) == expected[row]
        assert model.held <= HELD_LIMIT
