"""The review queue read by page: every order in SQL equals a Python sort of the same
rows, pages and ranks agree with it, and each order's first page is served by an index,
on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import insert, update

from db import analysts, comments, review_pages
from db.articles import NewArticle, add_article
from db.models import Claim, Status
from db.review import QueueFilter, QueueItem, QueueSort, queue_items
from db.sources import create_source
from db.workspace import Workspace

WORDS = "Alpha beta GAMMA delta Echo foxtrot golf HOTEL india Juliet kilo lima".split()
STATUSES = [
    Status.IN_REVIEW,
    Status.DISPUTED,
    Status.VERIFIED,
    Status.IN_REVIEW,
    Status.FALSE,
    Status.UNVERIFIED,
    Status.DISPUTED,
]
CLAIMS = 240


def _text(n: int) -> str:
    return " ".join(WORDS[(i * 5 + n) % len(WORDS)] for i in range(400))


def _build(ws: Workspace) -> None:
    """Claims of every kind the orders tell apart: statuses (contested ones among the
    decided), sources and assignees or none, gradings, open threads, equal waits."""
    names = ["nadia", "bruno", "zoe"]
    people = [analysts.add_analyst(ws, name).id for name in names]
    sources = [create_source(ws, name).id for name in ("ministry", "agency", "wire")]
    arts = []
    for n, title in enumerate(("bravo", "alpha", "charlie", "alpha")):
        text = _text(n)
        info = add_article(
            ws, NewArticle(text=text, original=text.encode(), filename=f"{n}.txt", title=title)
        )
        arts.append((info.id, text))
    base = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    rows = []
    for i in range(CLAIMS):
        aid, text = arts[i % len(arts)]
        start = (i * 37) % (len(text) - 40)
        moment = base + dt.timedelta(hours=i)
        status = STATUSES[i % len(STATUSES)]
        rows.append(
            {
                "id": uuid.uuid4(),
                "article_id": aid,
                "start": start,
                "end": start + 25,
                "quote": text[start : start + 25],
                "prefix": "",
                "suffix": "",
                "statement": "",
                "status": status,
                "contested": status in (Status.VERIFIED, Status.FALSE) and i % 2 == 0,
                "source_id": None if i % 4 == 0 else sources[i % 3],
                "assignee_id": None if i % 5 < 2 else people[i % 3],
                "reliability": None if i % 6 == 0 else "ABC"[i % 3],
                "credibility": None if i % 7 == 0 else 1 + i % 5,
                "created_at": moment,
                "updated_at": moment,
                # Every third claim waits exactly as long as another: ties go by id.
                "status_since": base + dt.timedelta(days=(i % 80)),
                "version": 1,
                # (by someone else: decided claims of one's own break the four-eyes rule)
                "created_by_id": people[0],
            }
        )
    with ws.session() as session:
        session.execute(insert(Claim), rows)
    for i, row in enumerate(rows[:60]):
        if i % 3 == 0:
            for _ in range(1 + i % 4):
                comments.add_comment(ws, row["id"], f"Question {i}")


def _grading(item: QueueItem) -> tuple[str, int]:
    letters = "".join(ch for ch in item.grading if ch.isalpha())
    digits = "".join(ch for ch in item.grading if ch.isdigit())
    return letters, int(digits) if digits else 0


def _python_key(sort: QueueSort) -> Callable[[QueueItem], tuple[Any, ...]]:
    """The order the module docstring of db.review_pages promises, in Python."""

    def key(i: QueueItem) -> tuple[Any, ...]:
        tail = (i.since, str(i.claim_id))
        if sort is QueueSort.STATUS:
            return (i.status.value, *tail)
        if sort is QueueSort.ARTICLE:
            return (i.article_title, str(i.article_id), *tail)
        if sort is QueueSort.SOURCE:
            if i.source_id is None:
                return (0, "", "", *tail)
            return (1, i.source_name, str(i.source_id), *tail)
        if sort is QueueSort.ASSIGNEE:
            if i.assignee_id is None:
                return (0, "", "", *tail)
            return (1, i.assignee_name, str(i.assignee_id), *tail)
        if sort is QueueSort.GRADING:
            return (*_grading(i), *tail)
        if sort is QueueSort.QUOTE:
            return (i.quote.lower(), str(i.claim_id))
        if sort is QueueSort.THREADS:
            return (0 if not i.open_threads else 1, i.open_threads, *tail)
        return tail

    return key


def _every_item(ws: Workspace) -> list[QueueItem]:
    ids = [cid for _, cid in review_pages.queue_keys(ws)]
    return queue_items(ws, ids)


def _check_orders(ws: Workspace) -> None:
    items = _every_item(ws)
    expected_members = sum(
        1
        for i in range(CLAIMS)
        if STATUSES[i % len(STATUSES)] in (Status.IN_REVIEW, Status.DISPUTED)
        or (STATUSES[i % len(STATUSES)] in (Status.VERIFIED, Status.FALSE) and i % 2 == 0)
    )
    assert len(items) == expected_members == review_pages.queue_count(ws)
    assert any(i.contested for i in items) and any(i.open_threads > 1 for i in items)
    for sort in QueueSort:
        for descending in (False, True):
            python = [str(i.claim_id) for i in sorted(items, key=_python_key(sort))]
            if descending:
                python.reverse()
            sql = [cid for _, cid in review_pages.queue_keys(ws, sort=sort, descending=descending)]
            assert sql == python, (sort, descending)
            # Pages (from the start, and from the end past the middle) and ranks agree.
            total = len(python)
            for walk in (False, True):
                paged: list[str] = []
                for offset in range(0, total, 17):
                    page = review_pages.queue_page(
                        ws, QueueFilter(), sort, descending, offset, 17, total=total, walk=walk
                    )
                    paged.extend(str(i.claim_id) for i in page)
                assert paged == python, (sort, descending, walk)
                probe = python[:: max(1, total // 9)]
                ranks = review_pages.queue_ranks(
                    ws, QueueFilter(), sort, descending, probe, walk=walk
                )
                assert ranks == {cid: python.index(cid) for cid in probe}


def test_every_order_equals_a_python_sort(store: Workspace) -> None:
    _build(store)
    _check_orders(store)


def test_filters_and_ranks_of_claims_outside(ws: Workspace) -> None:
    _build(ws)
    items = _every_item(ws)
    article = items[0].article_id
    flt = QueueFilter(article_id=str(article))
    mine = [i for i in items if i.article_id == article]
    by_wait = [str(i.claim_id) for i in sorted(mine, key=_python_key(QueueSort.WAITING))]
    assert [cid for _, cid in review_pages.queue_keys(ws, flt)] == by_wait
    assert review_pages.queue_count(ws, flt) == len(mine)
    other = next(i for i in items if i.article_id != article)
    ranks = review_pages.queue_ranks(
        ws, flt, QueueSort.WAITING, False, [str(other.claim_id), by_wait[3]]
    )
    assert ranks == {str(other.claim_id): None, by_wait[3]: 3}
    # Older than: from when each claim entered its status.
    old = QueueFilter(older_than_days=1)
    assert review_pages.queue_count(ws, old) == len(items)
    with ws.session() as session:
        session.execute(
            update(Claim)
            .where(Claim.id == items[0].claim_id)
            .values(status_since=dt.datetime.now(dt.UTC))
        )
    assert review_pages.queue_count(ws, old) == len(items) - 1


def test_a_status_change_restarts_the_wait(ws: Workspace) -> None:
    from db import claims

    _build(ws)
    first = _every_item(ws)
    oldest = sorted(first, key=_python_key(QueueSort.WAITING))[0]
    claims.update_claim(ws, oldest.claim_id, notes="not a status change")
    assert review_pages.queue_keys(ws)[0][1] == str(oldest.claim_id)
    claims.update_claim(
        ws, oldest.claim_id, status="disputed" if oldest.status is Status.IN_REVIEW else "in_review"
    )
    order = [cid for _, cid in review_pages.queue_keys(ws)]
    assert order[-1] == str(oldest.claim_id)  # it waits least now


def _sqlite_plan(ws: Workspace, sort: QueueSort, descending: bool, walk: bool) -> list[str]:
    from db.models import Claim as C

    steps: list[str] = []
    with ws.session() as session:
        conn = session.connection()
        for part in review_pages.queue_parts(session, QueueFilter(), sort, descending, walk=walk):
            query = part.select(C.id).order_by(*part.order()).limit(100)
            sql = str(query.compile(conn, compile_kwargs={"literal_binds": True}))
            steps.append(
                " | ".join(r[-1] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
            )
    return steps


def test_first_pages_walk_an_index_instead_of_sorting_the_queue(ws: Workspace) -> None:
    """SQLite: the first page of the orders on the claim alone is read in the order of
    an index (no sort of the whole queue) when the queue is a good share of the claims.
    (The orders joining a name, with three sources or analysts here, are planned by
    table sizes: at 100,000 claims they walk the names' and the claims' indexes.)"""
    _build(ws)
    with ws.engine.connect() as conn:
        assert review_pages.walks(conn, review_pages.queue_count(ws))
    served = {
        QueueSort.WAITING: "ix_claim_queue_waiting",
        QueueSort.GRADING: "ix_claim_queue_grading",
        QueueSort.QUOTE: "ix_claim_quote_order",
    }
    for sort, index in served.items():
        for descending in (False, True):
            plan = _sqlite_plan(ws, sort, descending, walk=True)
            assert any(index in step for step in plan), (sort, plan)
            for step in plan:
                assert "USE TEMP B-TREE FOR ORDER BY" not in step, (sort, plan)
    status_plan = _sqlite_plan(ws, QueueSort.STATUS, False, walk=True)
    assert sum("ix_claim_queue_status" in step for step in status_plan) == 2
