"""The paged claims table: pages in SQL order, counts, ranks, targeted refresh, text matching."""

from __future__ import annotations

import datetime as dt
import random
import uuid

import pytest
from claims_support import CLAIMS, ORDERS, PAGE, big_workspace, bulk_claims, expected_ids
from panels_support import add_seed_article
from PySide6.QtCore import Qt

from db import claims as claim_ops
from db.articles import article_text
from db.changes import Entity, Op, changed
from db.claim_pages import (
    ClaimOrder,
    SortKey,
    article_choices,
    claim_page,
    claim_rank,
    count_claims,
)
from db.claim_rows import (
    R_ARTICLE,
    R_ARTICLE_ID,
    R_ID,
    R_QUOTE,
    R_RELAYS,
    R_SOURCE,
    R_SOURCE_ID,
    R_STATEMENT,
    R_TAGS,
    claim_rows,
)
from db.claims import ClaimFilter
from db.models import Claim, Status
from db.sources import create_source
from desktop.claims_table import ClaimsTableView
from desktop.context import AppContext
from desktop.dialogs import RecordingDialogs
from desktop.models.claims_model import COL_STATUS, COL_UPDATED, ClaimsTableModel


@pytest.fixture
def big(ws, seed_paths):
    return big_workspace(ws, seed_paths)


FILTERS = [
    ClaimFilter(),
    ClaimFilter(statuses=frozenset({Status.IN_REVIEW, Status.DISPUTED})),
    ClaimFilter(text="border"),
    ClaimFilter(tags=frozenset({"border"}), statuses=frozenset({Status.VERIFIED})),
    # Keeps a sixth of all claims, but none without a source (bulk_claims: source and status
    # both follow the claim's number): the source order's first part holds none of them.
    ClaimFilter(statuses=frozenset({Status.IN_REVIEW})),
]


@pytest.mark.parametrize("order", ORDERS, ids=lambda o: f"{o.key}-{o.descending}")
def test_pages_follow_the_order_for_each_filter(ws, big, order):
    for flt in FILTERS:
        expected = expected_ids(ws, flt, order)
        total = count_claims(ws, flt)
        assert total == len(expected) > 0
        got: list[str] = []
        for offset in range(0, total, 170):  # pages read from the end run reversed
            got += [r[R_ID] for r in claim_page(ws, flt, order, offset, 170, total=total)]
        assert got == expected
        for pos in (0, total // 3, total - 1):
            assert claim_rank(ws, flt, order, expected[pos]) == pos
        # Read on from a known row (how the table scrolls down in any order).
        start = total // 3
        following = claim_page(ws, flt, order, start + 1, 60, after=expected[start])
        assert [r[R_ID] for r in following] == expected[start + 1 : start + 61]


def _plans_of_reads(ws, read) -> list[list[str]]:
    """The query plan of every SELECT that *read* sends (as SQLite would run it)."""
    from sqlalchemy import event

    sent: list[tuple[str, object]] = []

    def seen(_conn, _cursor, statement, parameters, _context, _many) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            sent.append((statement, parameters))

    event.listen(ws.engine, "before_cursor_execute", seen)
    try:
        read()
    finally:
        event.remove(ws.engine, "before_cursor_execute", seen)
    with ws.engine.connect() as conn:
        return [
            [row[3] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params)]
            for sql, params in sent
        ]


@pytest.mark.parametrize("key", [SortKey.STATEMENT, SortKey.QUOTE])
@pytest.mark.parametrize("descending", [False, True])
def test_statement_and_quote_orders_read_a_page_on_their_index(ws, big, key, descending):
    index = {SortKey.STATEMENT: "ix_claim_statement_order", SortKey.QUOTE: "ix_claim_quote_order"}
    order = ClaimOrder(key, descending)
    plans = _plans_of_reads(ws, lambda: claim_page(ws, ClaimFilter(), order, 0, PAGE))
    ids_plan = plans[0]  # the page's ids; the rows of those ids follow
    assert any(index[key] in step for step in ids_plan), ids_plan
    assert not any("TEMP B-TREE" in step for step in ids_plan), ids_plan


def test_a_part_is_walked_only_where_the_filter_keeps_many_of_it(ws, big):
    from sqlalchemy import select

    from db.claim_pages import _dense

    unsourced = select(Claim.id).where(Claim.source_id.is_(None))
    sourced = select(Claim.id).where(Claim.source_id.is_not(None))
    in_review = ClaimFilter(statuses=frozenset({Status.IN_REVIEW}))
    disputed = ClaimFilter(statuses=frozenset({Status.DISPUTED}))
    with ws.engine.connect() as conn:
        assert not _dense(conn, unsourced, in_review)  # keeps none of this part
        assert _dense(conn, unsourced, disputed)  # half of it
        assert _dense(conn, sourced, in_review)  # a quarter of it
        assert not _dense(conn, sourced, disputed)


def test_pages_carry_each_claims_relay_chain_in_order(ws, big):
    from db.relays import relay_names

    rows = claim_page(ws, ClaimFilter(), ClaimOrder(SortKey.RELAYS, True), 0, PAGE)
    relayed = [r for r in rows if r[R_RELAYS]]
    assert (relayed and len(relayed) < len(rows)) or len(relayed) == PAGE
    chains = relay_names(ws, [uuid.UUID(r[R_ID]) for r in rows])
    for row in rows:
        assert row[R_RELAYS] == " → ".join(chains.get(uuid.UUID(row[R_ID]), ()))
    assert any(" → " in r[R_RELAYS] for r in relayed)
    by_id = {r[R_ID]: r for r in claim_rows(ws, ids=[r[R_ID] for r in rows])}
    assert [by_id[r[R_ID]][R_RELAYS] for r in rows] == [r[R_RELAYS] for r in rows]


def test_source_filter_and_article_filter_pages(ws, big):
    flt = ClaimFilter(source_ids=frozenset({big["sources"][0]}))
    rows = claim_page(ws, flt, ClaimOrder(SortKey.UPDATED, True), 0, 1000)
    assert rows and {r[R_SOURCE] for r in rows} == {"Ministry"}
    only = ClaimFilter(article_ids=frozenset({big["articles"][1]}))
    assert {r[R_ARTICLE] for r in claim_page(ws, only, ClaimOrder(), 0, 1000)} == {"Article 1"}
    assert count_claims(ws, only) == CLAIMS // 3
    assert claim_rank(ws, only, ClaimOrder(), str(uuid.uuid4())) is None


def test_text_filter_folds_case_in_any_script_and_keeps_wildcards_literal(ws, big):
    article = big["articles"][0]
    made = {
        name: claim_ops.create_claim(ws, article, 0, 5, statement=statement).id
        for name, statement in (
            ("cyrillic", "МИНИСТР обороны заявил"),
            ("french", "L'ÉCOLE fermée"),
            ("percent", "Prices rose 50% overnight"),
            ("five", "Prices rose 50 overnight, 5 percent"),
            ("underscore", "file_name given"),
            ("filename", "filename given"),
        )
    }

    def matching(text: str) -> set[str]:
        rows = claim_page(ws, ClaimFilter(text=text), ClaimOrder(), 0, 10_000)
        return {r[R_ID] for r in rows}

    cyrillic = matching("министр")
    assert str(made["cyrillic"]) in cyrillic
    assert len(cyrillic) > 1  # the bulk claims say "Министр" too
    assert str(made["french"]) in matching("école")
    assert str(made["french"]) in matching("ÉCOLE")
    assert matching("50%") == {str(made["percent"])}
    assert matching("file_name") == {str(made["underscore"])}
    assert matching("Prices 50%") == {str(made["percent"])}


def test_filter_choices_are_light_and_sorted(ws, big):
    assert [t for t, _i in article_choices(ws)] == ["Article 0", "Article 1", "Article 2"]


# ---------------------------------------------------------------- the model over many pages


@pytest.fixture
def ctx(ws):
    return AppContext(ws, RecordingDialogs())


def _settle(qtbot, model) -> None:
    qtbot.waitUntil(lambda: not model.busy, timeout=10_000)


def test_model_reads_pages_on_demand_and_holds_few(qtbot, qtmodeltester, ws, big):
    model = ClaimsTableModel(lambda: ws, page_size=PAGE)
    qtmodeltester.check(model, force_py=True)
    assert model.load() == CLAIMS
    assert model.held_rows().keys() == set(range(PAGE))
    assert not model.is_loaded(CLAIMS - 1)
    assert model.index(CLAIMS - 1, 1).data() is None  # asks for that page
    qtbot.waitUntil(lambda: model.is_loaded(CLAIMS - 1), timeout=5000)
    expected = expected_ids(ws, ClaimFilter(), ClaimOrder())
    assert model.index(CLAIMS - 1, 0).data(Qt.ItemDataRole.UserRole + 1) == expected[-1]
    for row in range(0, CLAIMS, PAGE):  # reading every page keeps a few pages only
        assert model.claim_id_at(row) == expected[row]
    assert len(model.held_rows()) <= 8 * PAGE


def test_sort_and_filter_run_in_the_background(qtbot, ws, big):
    model = ClaimsTableModel(lambda: ws, page_size=PAGE)
    model.load()
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.sort(COL_UPDATED, Qt.SortOrder.DescendingOrder)
        assert model.loading  # the old rows stay until the new first page arrives
    expected = expected_ids(ws, ClaimFilter(), ClaimOrder(SortKey.UPDATED, True))
    assert [model.claim_id_at(r) for r in range(PAGE * 2)] == expected[: PAGE * 2]
    flt = ClaimFilter(statuses=frozenset({Status.FALSE}))
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.load_async(flt)
    _settle(qtbot, model)
    assert model.rowCount() == len(expected_ids(ws, flt, model.order))


class _Signals:
    def __init__(self, model) -> None:
        self.resets = 0
        self.inserted: list[int] = []
        self.removed: list[int] = []
        self.moved: list[tuple[int, int]] = []
        self.changed: list[tuple[int, int]] = []
        model.modelReset.connect(self._reset)
        model.rowsInserted.connect(lambda _p, first, _last: self.inserted.append(first))
        model.rowsRemoved.connect(lambda _p, first, _last: self.removed.append(first))
        model.rowsMoved.connect(lambda _p, src, _e, _d, dest: self.moved.append((src, dest)))
        model.dataChanged.connect(
            lambda tl, br, _roles=(): self.changed.append((tl.row(), br.row()))
        )

    def _reset(self) -> None:
        self.resets += 1


def test_published_changes_touch_only_their_rows(qtbot, qtmodeltester, ctx, ws, big):
    view = ClaimsTableView(ctx)
    view.model.page_size = PAGE
    qtbot.addWidget(view)
    view.resize(1000, 400)
    view.show()
    view.model.load()
    model = view.model
    qtmodeltester.check(model, force_py=True)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        view.table.sortByColumn(COL_STATUS, Qt.SortOrder.AscendingOrder)
    _settle(qtbot, model)
    order = model.order
    seen = _Signals(model)

    # Updated, held, same place (a statement edit does not move a status order).
    held = model.claim_id_at(3)
    claim_ops.update_claim(ws, held, statement="A sharper statement")
    ctx.publish(changed(Entity.CLAIM, [held], Op.UPDATED, ["statement"]))
    _settle(qtbot, model)
    assert seen.changed == [(3, 3)] and not seen.inserted and not seen.removed
    assert model.raw_row(3)[R_STATEMENT] == "A sharper statement"

    # Selected and moved by a status change: the selection follows the claim.
    assert view.select_claim(held)
    claim_ops.update_claim(ws, held, status="verified", rationale="Checked against the record.")
    ctx.publish(changed(Entity.CLAIM, [held], Op.UPDATED, ["status"]))
    _settle(qtbot, model)
    rank = claim_rank(ws, ClaimFilter(), order, held)
    assert model.row_of(held) == rank and rank > 3
    assert seen.moved and view.current_claim_id() == held

    # Created: one row inserted where it sorts.
    made = claim_ops.create_claim(
        ws, big["articles"][0], 10, 20, status="false", rationale="Checked against the record."
    )
    ctx.publish(changed(Entity.CLAIM, [made.id], Op.CREATED, parent=big["articles"][0]))
    _settle(qtbot, model)
    rank = claim_rank(ws, ClaimFilter(), order, made.id)
    assert seen.inserted == [rank] and model.rowCount() == CLAIMS + 1
    assert model.claim_id_at(rank) == str(made.id)

    # Deleted, held: one row removed.
    gone = model.claim_id_at(1)
    claim_ops.delete_claim(ws, gone)
    ctx.publish(changed(Entity.CLAIM, [gone], Op.DELETED))
    _settle(qtbot, model)
    assert seen.removed == [1] and model.rowCount() == CLAIMS
    assert model.row_of(gone) is None

    # Deleted, never read: the count and the held pages are read again, no reset.
    far = expected_ids(ws, ClaimFilter(), order)[CLAIMS - 5]
    assert model.row_of(far) is None
    claim_ops.delete_claim(ws, far)
    ctx.publish(changed(Entity.CLAIM, [far], Op.DELETED))
    _settle(qtbot, model)
    assert model.rowCount() == CLAIMS - 1
    first = expected_ids(ws, ClaimFilter(), order)[:PAGE]
    assert [model.claim_id_at(r) for r in range(PAGE)] == first
    assert seen.resets == 0
    assert view.current_claim_id() == held


def test_remote_change_reaches_the_table_on_the_same_path(qtbot, ctx, ws, big):
    from db.changes import Change, Changes

    view = ClaimsTableView(ctx)
    qtbot.addWidget(view)
    _settle(qtbot, view.model)
    seen = _Signals(view.model)
    target = view.model.claim_id_at(0)
    claim_ops.update_claim(ws, target, notes="checked by a colleague")
    remote = Changes((Change(Entity.CLAIM, target, Op.UPDATED, frozenset({"notes"})),), remote=True)
    ctx.publish(remote)
    _settle(qtbot, view.model)
    assert seen.changed == [(0, 0)] and seen.resets == 0


def test_filter_choices_are_not_read_again_for_a_claim_edit(qtbot, monkeypatch, ctx, ws, big):
    import desktop.operations.claims_table as ops

    reads: list[str] = []
    original = ops.article_choices
    monkeypatch.setattr(ops, "article_choices", lambda w: reads.append("a") or original(w))
    view = ClaimsTableView(ctx)
    qtbot.addWidget(view)
    _settle(qtbot, view.model)
    assert reads == []  # not read at start-up
    combo = view.filter_bar.article_combo
    combo.showPopup()
    qtbot.waitUntil(lambda: combo.loaded, timeout=5000)
    combo.hidePopup()
    assert reads == ["a"]
    assert combo.count() == 4  # "All articles" and three titles
    target = view.model.claim_id_at(0)
    claim_ops.update_claim(ws, target, statement="edited")
    ctx.publish(changed(Entity.CLAIM, [target], Op.UPDATED, ["statement"]))
    _settle(qtbot, view.model)
    assert reads == ["a"]
    ctx.publish(changed(Entity.ARTICLE, [big["articles"][0]], Op.UPDATED, ["title"]))
    qtbot.waitUntil(lambda: len(reads) == 2, timeout=5000)


@pytest.mark.postgres
def test_pages_ranks_and_text_on_postgresql(pg_url, seed_paths):
    from db.analysts import bind_analyst
    from db.workspace import migrate, open_workspace

    migrate(pg_url)
    pg = open_workspace(pg_url)
    try:
        bind_analyst(pg)
        info = add_seed_article(pg, seed_paths[3], "Gamma")
        text = article_text(pg, info.id).text
        sources = [create_source(pg, name).id for name in ("Agency", "bureau")]
        bulk_claims(pg, [(info.id, text)], sources, 300)
        made = claim_ops.create_claim(pg, info.id, 0, 5, statement="МИНИСТР 50% École")
        for order in ORDERS:
            for flt in FILTERS[:2]:
                total = count_claims(pg, flt)
                got = [r[R_ID] for r in claim_page(pg, flt, order, 0, total)]
                tail = [r[R_ID] for r in claim_page(pg, flt, order, total - 40, 40, total=total)]
                assert tail == got[-40:]
                assert len(got) == total
                assert claim_rank(pg, flt, order, got[total // 2]) == total // 2
        hits = claim_page(pg, ClaimFilter(text="министр 50%"), ClaimOrder(), 0, 10)
        assert [r[R_ID] for r in hits] == [str(made.id)]
        assert count_claims(pg, ClaimFilter(text="école")) >= 1
        assert count_claims(pg, ClaimFilter(text="5_%")) == 0
    finally:
        pg.close()


def _row_parity(ws, article_id, sources) -> None:
    """A new claim's row made from what was written equals the row read back."""
    from db.claim_rows import row_of_new_claim

    made = [
        claim_ops.create_claim(ws, article_id, 0, 5),
        claim_ops.create_claim(
            ws,
            article_id,
            6,
            14,
            statement="МИНИСТР 50% École",
            source_id=sources[0],
            reliability="B",
            credibility=2,
            event_start=dt.date(2024, 3, 1),
            event_end=dt.date(2024, 3, 2),
            notes="checked",
        ),
        claim_ops.create_claim(
            ws, article_id, 20, 30, status="false", rationale="Checked against the record."
        ),
    ]
    read = {r[R_ID]: r for r in claim_rows(ws, None, [m.id for m in made])}
    for info in made:
        assert row_of_new_claim(info) == read[str(info.id)]
    tagged = claim_ops.create_claim(ws, article_id, 40, 50, tags=["zulu", "alpha"])
    assert row_of_new_claim(tagged) is None  # the tags' order is the database's


def test_new_claim_row_is_the_row_read_back(ws, big):
    _row_parity(ws, big["articles"][0], big["sources"])


@pytest.mark.postgres
def test_new_claim_row_is_the_row_read_back_on_postgresql(pg_url, seed_paths):
    from db.analysts import bind_analyst
    from db.workspace import migrate, open_workspace

    migrate(pg_url)
    pg = open_workspace(pg_url)
    try:
        bind_analyst(pg)
        info = add_seed_article(pg, seed_paths[2], "Beta")
        _row_parity(pg, info.id, [create_source(pg, "Wire service").id])
    finally:
        pg.close()


def test_new_claim_reaches_the_table_with_its_place_read_once(qtbot, ctx, ws, big):
    """Ctrl+E's road: the row comes from what was written; its place is read once (the
    selection waits for it rather than asking again)."""
    from PySide6.QtCore import QThreadPool
    from sqlalchemy import event

    from desktop.operations import claims as claim_desk

    view = ClaimsTableView(ctx)
    view.model.page_size = PAGE
    qtbot.addWidget(view)
    view.resize(1000, 400)
    view.show()
    view.model.load()
    _settle(qtbot, view.model)
    ctx.claimSelected.connect(view._follow_selection)
    seen: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        seen.append(" ".join(statement.split()))

    article = big["articles"][0]  # near its start: on the first page, which is held
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0)
    event.listen(ws.engine, "before_cursor_execute", record)
    try:
        assert claim_desk.new_claim(ctx, article, 30, 42)
        _settle(qtbot, view.model)
        qtbot.waitUntil(lambda: view.current_claim_id() is not None, timeout=5000)
    finally:
        event.remove(ws.engine, "before_cursor_execute", record)
    (made,) = [c for c in claim_ops.claims_of_article(ws, article) if c.start == 30]
    rank = claim_rank(ws, ClaimFilter(), view.model.order, made.id)
    assert view.model.row_of(str(made.id)) == rank < PAGE
    assert view.current_claim_id() == str(made.id)
    assert view.model.raw_row(rank) == claim_rows(ws, None, [made.id])[0]
    writes = [s for s in seen if s.startswith(("INSERT", "UPDATE", "DELETE"))]
    reads = [s for s in seen if s.startswith("SELECT")]
    assert len(writes) == 2, writes  # the claim and its history entry
    assert not [s for s in reads if "claim_tag" in s or "claim_relay" in s], reads
    assert len(seen) <= 6, seen  # the anchor's text, two writes, the place (probe + count)
    # Placed beside a held claim of its article: no count over the articles before it.
    assert not [s for s in reads if "article.title <" in s], reads


def test_rank_beside_a_claim_of_the_same_article_is_the_rank(ws, big):
    """A claim added is placed from a neighbour's row as the full count places it."""
    from db.claim_pages import claim_rank_beside

    article = big["articles"][1]
    rng = random.Random(7)
    for flt in (ClaimFilter(), ClaimFilter(statuses=frozenset({Status.UNVERIFIED}))):
        for _ in range(6):
            ranks_before = expected_ids(ws, flt, ClaimOrder())
            mine = [r for r in claim_rows(ws, flt) if r[R_ARTICLE_ID] == str(article)]
            anchor = rng.choice(mine)[R_ID]
            start = rng.randrange(0, 2000)
            made = claim_ops.create_claim(ws, article, start, start + rng.randrange(1, 40))
            got = claim_rank_beside(
                ws, flt, ClaimOrder(), made.id, anchor, ranks_before.index(anchor)
            )
            assert got == claim_rank(ws, flt, ClaimOrder(), made.id)
    other = big["articles"][2]
    made = claim_ops.create_claim(ws, other, 5, 9)
    assert claim_rank_beside(ws, None, ClaimOrder(), made.id, anchor, 0) is None  # elsewhere
    assert claim_rank_beside(ws, None, ClaimOrder(SortKey.STATUS), made.id, made.id, 0) is None
    # Without a filter the two statements are built once and kept (with their compiled
    # form); a filter's are built for it.
    from db.claim_pages import _beside_statements

    plain = _beside_statements(ClaimFilter())
    assert _beside_statements(ClaimFilter()) is plain
    unverified = ClaimFilter(statuses=frozenset({Status.UNVERIFIED}))
    assert _beside_statements(unverified) is not plain


def test_text_filter_is_a_case_folded_substring_search_per_document(ws, big):
    """The table's text filter gives what a plain substring search gives: every term in
    the claim's quote, statement or notes, or every term in its source's name or aliases,
    or in one of its tags (each such document on its own, as the index holds them)."""
    from sqlalchemy import select

    from db.models import Source

    claim_ops.update_claim(ws, claim_rows(ws)[5][R_ID], notes="Seen at the BORDERLINE post")
    with ws.engine.connect() as conn:
        sources = {
            str(sid): [name, *aliases]
            for sid, name, aliases in conn.execute(select(Source.id, Source.name, Source.aliases))
        }
        texts = {
            str(cid): (quote, statement, notes)
            for cid, quote, statement, notes in conn.execute(
                select(Claim.id, Claim.quote, Claim.statement, Claim.notes)
            )
        }
    rows = {r[R_ID]: r for r in claim_rows(ws)}

    def has_all(terms: list[str], fields: list[str]) -> bool:
        return all(any(t.casefold() in f.casefold() for f in fields) for t in terms)

    def reference(text: str) -> set[str]:
        terms = text.split()
        out = set()
        for cid, row in rows.items():
            tags = [t for t in row[R_TAGS].split(", ") if t]
            if (
                has_all(terms, list(texts[cid]))
                or (row[R_SOURCE_ID] and has_all(terms, sources[row[R_SOURCE_ID]]))
                or any(has_all(terms, [tag]) for tag in tags)
            ):
                out.add(cid)
        return out

    for text in ("border", "BORDERline", "agen", "ministry", "zeta wire", "agency border"):
        expected = reference(text)
        total = count_claims(ws, ClaimFilter(text=text))
        got = {r[R_ID] for r in claim_page(ws, ClaimFilter(text=text), ClaimOrder(), 0, 10_000)}
        assert got == expected, text
        assert total == len(expected)
    assert reference("agency border") == set()  # terms in different documents: no match
    assert reference("border")  # the test means something


def test_a_common_text_walks_the_order_and_a_rare_one_gathers_its_matches(ws, big):
    """A text a third of the claims hold: the first page walks the position order,
    each claim looking its own search entry up, and sorts nothing; a text few hold:
    its matches are gathered first and sorted.  Both pages are right."""
    from db.workspace import refresh_statistics

    refresh_statistics(ws)  # as a workspace in use has them (desktop.app)
    own_entry = "SEARCH search_key USING COVERING INDEX sqlite_autoindex_search_key_1 (entity_id=?)"

    def page(flt: ClaimFilter) -> list[str]:
        return [r[R_ID] for r in claim_page(ws, flt, ClaimOrder(), 0, PAGE)]

    def ids_plan(flt: ClaimFilter) -> list[str]:
        plans = _plans_of_reads(ws, lambda: page(flt))
        # (the first statement matching the index reads the sources and tags holding it)
        return next(
            p
            for p in plans
            if any("search_trigram" in step for step in p) and any(" claim " in s for s in p)
        )

    common = ClaimFilter(text="border")
    walked = ids_plan(common)
    assert own_entry in walked, walked
    assert "SCAN article USING COVERING INDEX ix_article_title_order" in walked, walked
    assert "USE TEMP B-TREE FOR ORDER BY" not in walked, walked
    assert page(common) == expected_ids(ws, common, ClaimOrder())[:PAGE]
    quote = max((r[R_QUOTE] for r in claim_rows(ws)), key=lambda q: len(q.split()))
    rare = ClaimFilter(text=quote)  # every word of one long quote: few claims hold them all
    expected = expected_ids(ws, rare, ClaimOrder())
    assert 0 < len(expected) * 20 < CLAIMS
    assert own_entry not in ids_plan(rare)
    assert page(rare) == expected[:PAGE]


def test_a_page_past_the_middle_is_read_from_the_end():
    from db.claim_order import PageWindow, page_window

    assert page_window(0, 50, None) == PageWindow(0, 50, False)
    assert page_window(-5, 50, 1000) == PageWindow(0, 50, False)
    assert page_window(500, 50, 1000) == PageWindow(500, 50, False)  # the middle itself
    assert page_window(501, 50, 1000) == PageWindow(449, 50, True)  # rows 501-550
    assert page_window(980, 50, 1000) == PageWindow(0, 20, True)  # the last 20 rows
    assert page_window(1000, 50, 1000) is None
    assert page_window(10, 0, 1000) is None
    assert page_window(900, 50, None) == PageWindow(900, 50, False)  # total not known
