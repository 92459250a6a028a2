"""Planning a targeted refresh of the paged claims model from what changed.

The model hands :func:`plan_refresh` a snapshot (filter, order, which claim ids
it holds, whether it holds every row) and the claims a write named; the plan
says which held rows to re-read in place, which to remove, where new or moved
rows go, or, when a change cannot be placed (a claim the model never read was
deleted or moved), the new row count and fresh copies of the held pages.  It
only reads, so it runs in a background job.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from db.changes import Change, Changes, Entity, Op
from db.claim_criteria import ClaimFilter
from db.workspace import Workspace
from desktop.context import COUNT_FIELDS
from desktop.operations import claims_table as ops
from desktop.operations.claims_table import (
    R_ARTICLE_ID,
    R_ID,
    R_RELAYS,
    R_SOURCE_ID,
    ClaimOrder,
    SortKey,
)

# Fields a write reports that move a claim in each order; empty means "any field".
ORDER_FIELDS: dict[SortKey, frozenset[str]] = {
    SortKey.POSITION: frozenset({"start", "end", "article_id", "article"}),
    SortKey.ARTICLE: frozenset({"start", "end", "article_id", "article"}),
    SortKey.ID: frozenset(),
    SortKey.STATUS: frozenset({"status"}),
    SortKey.GRADING: frozenset({"reliability", "credibility"}),
    SortKey.SOURCE: frozenset({"source_id", "source"}),
    SortKey.STATEMENT: frozenset({"statement"}),
    SortKey.QUOTE: frozenset({"quote", "start", "end"}),
    SortKey.TAGS: frozenset({"tags"}),
    SortKey.EVENT: frozenset({"event_start", "event_end"}),
    SortKey.UPDATED: frozenset(),  # every edit of the claim itself moves it
    SortKey.THREADS: frozenset({"threads"}),
    SortKey.RELAYS: frozenset({"relayed_by"}),
}
# More rows to move than this: reading the held pages again costs less than placing each.
PLACE_LIMIT = 64
# Not the claim's own columns.
DERIVED = frozenset({"threads", "source", "article", "superseded_by"})


@dataclass(frozen=True)
class Item:
    """One claim named by a change: how (None: not known) and which fields (empty: any)."""

    op: Op | None
    fields: frozenset[str] = frozenset()


def merge(items: dict[str, Item], claim_id: str, item: Item) -> None:
    old = items.get(claim_id)
    if old is None:
        items[claim_id] = item
        return
    if old.op == item.op:
        op = old.op
    elif {old.op, item.op} == {Op.CREATED, Op.UPDATED}:
        op = Op.CREATED
    else:
        op = None
    both = frozenset() if not old.fields or not item.fields else old.fields | item.fields
    items[claim_id] = Item(op, both)


@dataclass
class Snapshot:
    """What the model holds when the refresh starts."""

    flt: ClaimFilter
    order: ClaimOrder
    count: int
    held: dict[str, int]  # claim id -> row
    pages: list[int]  # pages with rows held
    complete: bool  # every row is held
    page_size: int = ops.PAGE_SIZE
    known: dict[str, ops.ClaimRow] = field(default_factory=dict)  # rows not to read again
    # article id -> (claim id, row) of a held claim of it (to place a new claim beside)
    anchors: dict[str, tuple[str, int]] = field(default_factory=dict)


@dataclass
class Plan:
    rows: dict[str, ops.ClaimRow] = field(default_factory=dict)  # fresh rows to show in place
    removed: set[str] = field(default_factory=set)  # held ids to drop
    ranks: dict[str, int] = field(default_factory=dict)  # ids to insert or move, final rows
    count: int | None = None  # set: start again from this count and ``pages``
    pages: dict[int, ops.ClaimRow] = field(default_factory=dict)


def items_of(changes: Changes, held_rows: Iterable[ops.ClaimRow]) -> tuple[dict[str, Item], bool]:
    """The claims *changes* concern (held rows of changed sources and articles included),
    and whether some change cannot be traced to claims (a resync is needed)."""
    items: dict[str, Item] = {}
    resync = False
    for change in changes.items:
        if change.entity is Entity.CLAIM:
            merge(items, change.id, Item(change.op, change.fields))
        elif change.entity in (Entity.COMMENT, Entity.VERDICT) and change.parent:
            merge(items, change.parent, Item(Op.UPDATED, frozenset({"threads"})))
        elif change.entity in (Entity.SOURCE, Entity.ARTICLE):
            resync |= _touches_rows(change)
    # A link added or removed may make either end superseded or no longer so.
    for change in changes.of(Entity.LINK):
        if change.parent and change.parent not in items:
            merge(items, change.parent, Item(Op.UPDATED, frozenset({"superseded_by"})))
    sources = {c.id for c in changes.of(Entity.SOURCE) if c.op is not Op.CREATED}
    # A claim added to or removed from an article changes only its count, not its rows.
    articles = {
        c.id
        for c in changes.of(Entity.ARTICLE)
        if c.op is Op.UPDATED and (not c.fields or c.fields - COUNT_FIELDS)
    }
    if sources or articles:
        for row in held_rows:
            if row[R_SOURCE_ID] in sources:
                merge(items, row[R_ID], Item(Op.UPDATED, frozenset({"source"})))
            if sources and row[R_RELAYS]:  # a relaying source may have been renamed
                merge(items, row[R_ID], Item(Op.UPDATED, frozenset({"relayed_by"})))
            if row[R_ARTICLE_ID] in articles:
                merge(items, row[R_ID], Item(Op.UPDATED, frozenset({"article"})))
    return items, resync


def new_rows(changes: Changes, flt: ClaimFilter) -> dict[str, ops.ClaimRow]:
    """Rows of the claims this window has just created, made from what it wrote (no read).

    Only for bare new claims (named as created and nothing else: no link, evidence,
    comment, verdict or relay brought back with them) and only when every claim is
    shown (no filter to check them against).
    """
    if changes.remote or changes.everything or flt != ClaimFilter():
        return {}
    attached = {c.parent for c in changes.items if c.entity not in (Entity.CLAIM, Entity.ARTICLE)}
    created = changes.ids(Entity.CLAIM, Op.CREATED)
    other = {c.id for c in changes.of(Entity.CLAIM) if c.op is not Op.CREATED or c.fields}
    out = {}
    for claim_id in created - other - attached:
        row = ops.new_claim_row(claim_id)
        if row is not None:
            out[claim_id] = row
    return out


def _touches_rows(change: Change) -> bool:
    # A deleted article takes its claims along; a deleted source leaves claims without one.
    return change.entity is Entity.ARTICLE and change.op is Op.DELETED


def _order_moved(order: ClaimOrder, item: Item) -> bool:
    if not item.fields:
        return True
    if order.key is SortKey.UPDATED:
        return bool(item.fields - DERIVED)
    return bool(item.fields & ORDER_FIELDS[order.key])


def _filter_fields(flt: ClaimFilter) -> frozenset[str]:
    out: set[str] = set()
    if flt.statuses:
        out.add("status")
    if flt.source_ids:
        out.add("source_id")
    if flt.tags:
        out.add("tags")
    if flt.text.strip():
        out |= {"quote", "statement", "notes", "source_id", "source"}
    if flt.article_ids:
        out.add("article_id")
    if flt.contested_only:
        out.add("contested")
    if flt.hide_superseded:
        out.add("superseded_by")
    return frozenset(out)


def _membership_changed(flt: ClaimFilter, item: Item) -> bool:
    wanted = _filter_fields(flt)
    return bool(wanted) and (not item.fields or bool(item.fields & wanted))


def plan_refresh(ws: Workspace, snap: Snapshot, items: dict[str, Item], resync: bool) -> Plan:
    """Read what the changes did to the rows the model shows (see the module docstring)."""
    plan = Plan()
    needs_place: list[str] = []
    # Rows are read for the claims held and the ones that may join the rows held; a
    # claim changed out of sight only decides whether to read the held pages again
    # (a bulk edit of thousands of claims reads a few hundred rows, not thousands).
    ids = [
        i for i, item in items.items() if i in snap.held or snap.complete or item.op is Op.CREATED
    ]
    unknown = [i for i in ids if i not in snap.known]
    fresh = {row[R_ID]: row for row in ops.rows(ws, snap.flt, unknown)} if unknown else {}
    fresh.update((i, snap.known[i]) for i in ids if i in snap.known)
    for claim_id, item in items.items():
        row = fresh.get(claim_id)
        if claim_id not in snap.held and not snap.complete and item.op is not Op.CREATED:
            resync |= (
                item.op is not Op.UPDATED
                or _membership_changed(snap.flt, item)
                or _order_moved(snap.order, item)
            )
            continue
        if claim_id in snap.held:
            if row is None:
                plan.removed.add(claim_id)
            elif _order_moved(snap.order, item):
                needs_place.append(claim_id)
                plan.rows[claim_id] = row
            else:
                plan.rows[claim_id] = row
        elif snap.complete or item.op is Op.CREATED:
            if row is not None:
                needs_place.append(claim_id)
                plan.rows[claim_id] = row
    if resync or len(needs_place) > PLACE_LIMIT:
        return resync_plan(ws, snap)
    # One claim added beside a held claim of its article: counted from that one.
    beside = None
    if len(needs_place) == 1 and not plan.removed and needs_place[0] not in snap.held:
        anchor = snap.anchors.get(plan.rows[needs_place[0]][R_ARTICLE_ID])
        if anchor is not None and anchor[0] not in items:
            beside = ops.rank_beside(ws, snap.flt, snap.order, needs_place[0], anchor)
    for claim_id in needs_place:
        rank = beside if beside is not None else ops.rank(ws, snap.flt, snap.order, claim_id)
        if rank is None:  # gone meanwhile
            plan.rows.pop(claim_id, None)
            if claim_id in snap.held:
                plan.removed.add(claim_id)
        else:
            plan.ranks[claim_id] = rank
    return plan


def quick_plan(ws: Workspace, snap: Snapshot, items: dict[str, Item]) -> Plan | None:
    """The plan for one claim this window has just created (its row known, no read),
    placed beside a held claim of its article: two small counts over that article's
    claims, what :func:`plan_refresh` does for it.  None when that does not apply (or
    cannot tell): plan it in full then."""
    if len(items) != 1:
        return None
    ((claim_id, item),) = items.items()
    row = snap.known.get(claim_id)
    if item.op is not Op.CREATED or row is None or claim_id in snap.held:
        return None
    anchor = snap.anchors.get(row[R_ARTICLE_ID])
    if anchor is None or anchor[0] == claim_id:
        return None
    rank = ops.rank_beside(ws, snap.flt, snap.order, claim_id, anchor)
    if rank is None:
        return None
    return Plan(rows={claim_id: row}, ranks={claim_id: rank})


def resync_plan(ws: Workspace, snap: Snapshot) -> Plan:
    """The row count again and fresh copies of the pages the model holds."""
    count = ops.count(ws, snap.flt)
    plan = Plan(count=count)
    for number in snap.pages:
        start = number * snap.page_size
        if start >= count:
            continue
        rows = ops.page(ws, snap.flt, snap.order, number, total=count, size=snap.page_size)
        for offset, row in enumerate(rows):
            plan.pages[start + offset] = row
    return plan
