"""The claims table's text filter: its first page shown before the count of every match,
the count that follows, sorting with the text set, on a real SQLite file (and on
PostgreSQL, whose statements differ)."""

from __future__ import annotations

import uuid

import pytest
from claims_support import ORDERS, PAGE, big_workspace, bulk_claims, expected_ids
from panels_support import add_seed_article
from PySide6.QtCore import Qt
from sqlalchemy import event, select, update

from db import claim_pages
from db.articles import article_text
from db.claim_pages import ClaimOrder, SortKey, claim_page, count_claims
from db.claim_rows import R_ID, R_SOURCE_ID, R_TAGS, claim_rows
from db.claims import ClaimFilter
from db.models import Claim, Source, Status
from db.sources import create_source
from desktop.claims_table import ClaimsTableView
from desktop.context import AppContext
from desktop.dialogs import RecordingDialogs
from desktop.models.claims_model import (
    COL_ID,
    COL_QUOTE,
    COL_RELAYS,
    COL_SOURCE,
    COL_STATEMENT,
    COL_STATUS,
    COL_TAGS,
    SORT_COLUMNS,
)

ZEBRA = "Zebra crossing by the camps"


@pytest.fixture
def big(ws, seed_paths):
    """The paging tests' workspace; every third claim's statement begins "Zebra": a
    text a third of the claims hold, all of them late in the statement order."""
    made = big_workspace(ws, seed_paths)
    ids = [uuid.UUID(r[R_ID]) for r in claim_rows(ws)][::3]
    with ws.engine.begin() as conn:
        conn.execute(update(Claim).where(Claim.id.in_(ids)).values(statement=ZEBRA))
    guard = create_source(ws, "Border guard")  # "border": own text, a tag and a source
    with ws.engine.begin() as conn:
        conn.execute(update(Claim).where(Claim.id.in_(ids[::10])).values(source_id=guard.id))
    return made


class Statements:
    """The SELECT statements *ws*'s engine sends while it is recorded."""

    def __init__(self, ws) -> None:
        self.engine = ws.engine
        self.sent: list[str] = []

    def _seen(self, _conn, _cursor, statement, *_args) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            self.sent.append(" ".join(statement.split()))

    def __enter__(self) -> Statements:
        event.listen(self.engine, "before_cursor_execute", self._seen)
        return self

    def __exit__(self, *_exc) -> None:
        event.remove(self.engine, "before_cursor_execute", self._seen)

    def ids_reads(self) -> tuple[int, int]:
        """(statements walking an order checking each claim, statements gathering the
        matches of the text and sorting them) among those sent."""
        walked = [s for s in self.sent if "AS walked" in s]
        gathered = [
            s
            for s in self.sent
            if "AS walked" not in s and "search_trigram MATCH" in s and "ORDER BY" in s
        ]
        return len(walked), len(gathered)


def _reference_count(ws, text: str, statuses: frozenset[Status] = frozenset()) -> int:
    """Claims holding every term of *text* (any case) in their quote, statement or notes,
    their source's name or aliases, or one of their tags; of *statuses* if given."""
    with ws.engine.connect() as conn:
        sources = {
            str(sid): [name, *aliases]
            for sid, name, aliases in conn.execute(select(Source.id, Source.name, Source.aliases))
        }
        claims = list(
            conn.execute(select(Claim.id, Claim.quote, Claim.statement, Claim.notes, Claim.status))
        )
    rows = {r[R_ID]: r for r in claim_rows(ws)}
    terms = text.casefold().split()

    def holds(fields: list[str]) -> bool:
        return all(any(t in f.casefold() for f in fields) for t in terms)

    found = 0
    for cid, quote, statement, notes, status in claims:
        row = rows[str(cid)]
        if statuses and status not in statuses:
            continue
        source = row[R_SOURCE_ID]
        if (
            holds([quote, statement, notes])
            or (source and holds(sources[source]))
            or any(holds([tag]) for tag in row[R_TAGS].split(", ") if tag)
        ):
            found += 1
    return found


# ---------------------------------------------------------------- the reads


def test_a_common_text_is_walked_and_gathered_only_when_the_walk_meets_too_few(
    ws, big, monkeypatch
):
    """A page of a text a third of the claims hold is found by walking the order and
    checking each claim, up to WALK_ROWS claims; where the matches lie further on (the
    "Zebra" statements come after every other Latin one) the walk gives up and the
    matches are gathered and sorted.  Every page is the order's, either way."""
    monkeypatch.setattr(claim_pages, "WALK_ROWS", 300)
    flt = ClaimFilter(text="zebra")
    by_position = ClaimOrder()
    with Statements(ws) as seen:
        first = [r[R_ID] for r in claim_page(ws, flt, by_position, 0, PAGE)]
    assert first == expected_ids(ws, flt, by_position)[:PAGE]
    assert seen.ids_reads() == (1, 0)
    by_statement = ClaimOrder(SortKey.STATEMENT)
    with Statements(ws) as seen:
        first = [r[R_ID] for r in claim_page(ws, flt, by_statement, 0, PAGE)]
    assert first == expected_ids(ws, flt, by_statement)[:PAGE]
    assert seen.ids_reads() == (1, 1)
    # The orders that split the claims into those without a value (read by id) and
    # those with one: the part read by id is walked as well.
    by_relays = ClaimOrder(SortKey.RELAYS)
    with Statements(ws) as seen:
        first = [r[R_ID] for r in claim_page(ws, flt, by_relays, 0, PAGE)]
    assert first == expected_ids(ws, flt, by_relays)[:PAGE]
    assert seen.ids_reads() == (1, 0)


@pytest.mark.parametrize("order", ORDERS, ids=lambda o: f"{o.key}-{o.descending}")
def test_every_page_of_a_walked_text_follows_the_order(ws, big, monkeypatch, order):
    monkeypatch.setattr(claim_pages, "WALK_ROWS", 300)
    for flt in (ClaimFilter(text="zebra"), ClaimFilter(text="border")):
        expected = expected_ids(ws, flt, order)
        total = count_claims(ws, flt)
        assert total == len(expected) > PAGE
        got: list[str] = []
        for offset in range(0, total, PAGE):
            got += [r[R_ID] for r in claim_page(ws, flt, order, offset, PAGE, total=total)]
        assert got == expected


def test_the_count_of_a_text_is_every_claim_holding_it(ws, big):
    """A text no source or tag holds is counted on the index alone (no claim row read);
    one a source or a tag holds, or a text beside another criterion, by the claims."""
    with Statements(ws) as seen:
        counted = count_claims(ws, ClaimFilter(text="zebra"))
    assert counted == _reference_count(ws, "zebra") > 0
    assert not any(" claim" in s for s in seen.sent), seen.sent
    for text in ("border", "border guard", "zeta", "CROSSING camps", "rossin", "министр"):
        assert count_claims(ws, ClaimFilter(text=text)) == _reference_count(ws, text), text
    assert _reference_count(ws, "border guard") > 0  # a source's name
    disputed = frozenset({Status.DISPUTED})
    for text in ("zebra", "border"):
        both = ClaimFilter(text=text, statuses=disputed)
        assert count_claims(ws, both) == _reference_count(ws, text, disputed) > 0


# ---------------------------------------------------------------- the table


def _table(qtbot, ctx, page_size: int) -> ClaimsTableView:
    view = ClaimsTableView(ctx)
    view.model.page_size = page_size
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    qtbot.waitUntil(lambda: not view.model.busy, timeout=10_000)
    return view


def _first_rows_then_count(qtbot, view: ClaimsTableView, text: str) -> dict:
    """Type *text* and press Return; what the table showed when its first page came
    (recorded as it came), and once the count followed."""
    model = view.model
    at_first: dict = {}

    def first(_count: int) -> None:
        at_first.update(
            rows=model.rowCount(),
            known=model.count_known,
            label=view.count_label.text(),
            ids=[model.held_id(r) for r in range(model.rowCount())],
        )

    counts: list[int] = []
    model.loaded.connect(first)
    model.countChanged.connect(counts.append)
    view.filter_edit.setText(text)
    qtbot.keyClick(view.filter_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(at_first) and not model.busy, timeout=10_000)
    model.loaded.disconnect(first)
    return {**at_first, "counts": counts}


def test_first_page_shows_before_the_count_which_follows(qtbot, ws, big):
    ctx = AppContext(ws, RecordingDialogs())
    view = _table(qtbot, ctx, PAGE)
    seen = _first_rows_then_count(qtbot, view, "border")
    expected = expected_ids(ws, ClaimFilter(text="border"), ClaimOrder())
    assert len(expected) > PAGE * 4
    # The first page, in order, with the count not known yet ...
    assert seen["rows"] == PAGE and not seen["known"]
    assert seen["ids"] == expected[:PAGE]
    assert seen["label"] == f"{PAGE}+ claims (counting…)"
    # ... then the count: the rows, the scroll bar and the count line follow it.
    model = view.model
    assert model.count_known and model.rowCount() == len(expected)
    assert seen["counts"][-1] == len(expected)
    assert view.count_label.text() == f"{len(expected):,} claims"
    # (The range of the first page alone is under the rows it lacks, row or pixel.)
    bar = view.table.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() >= len(expected) - PAGE, timeout=5000)
    assert [model.claim_id_at(r) for r in range(model.rowCount())] == expected


def test_a_text_whose_matches_fit_one_page_is_counted_by_its_page(qtbot, ws, big):
    ctx = AppContext(ws, RecordingDialogs())
    view = _table(qtbot, ctx, 200)
    seen = _first_rows_then_count(qtbot, view, "border guard")
    expected = expected_ids(ws, ClaimFilter(text="border guard"), ClaimOrder())
    assert 0 < len(expected) < 200
    assert seen["known"] and seen["rows"] == len(expected) and seen["ids"] == expected
    assert seen["label"] == f"{len(expected):,} claims"


SORTED = [COL_STATEMENT, COL_QUOTE, COL_TAGS, COL_RELAYS, COL_SOURCE, COL_ID, COL_STATUS]
_DESCENDING = Qt.SortOrder.DescendingOrder


def test_sorting_with_a_text_filter_reads_the_text_in_each_order(qtbot, ws, big, monkeypatch):
    """Each header clicked with a text set (and then a status beside it): the rows are
    the matching claims in that column's order, counted right; walks that give up and
    walks that find their page alike."""
    monkeypatch.setattr(claim_pages, "WALK_ROWS", 1000)
    ctx = AppContext(ws, RecordingDialogs())
    view = _table(qtbot, ctx, 200)
    model = view.model
    _first_rows_then_count(qtbot, view, "zebra")
    header = view.table.horizontalHeader()
    flt = ClaimFilter(text="zebra")
    for col in SORTED:
        for direction in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            view.table.sortByColumn(col, direction)
            qtbot.waitUntil(lambda: not model.busy, timeout=10_000)
            assert header.sortIndicatorSection() == col
            assert model.order == ClaimOrder(SORT_COLUMNS[col], direction == _DESCENDING)
            expected = expected_ids(ws, flt, model.order)
            assert model.rowCount() == len(expected)
            assert [model.claim_id_at(r) for r in range(len(expected))] == expected
    # A status beside the text: the status menu's choice narrows the same rows.
    disputed = frozenset({Status.DISPUTED})
    view.set_filter(ClaimFilter(text="zebra", statuses=disputed))
    qtbot.waitUntil(lambda: not model.busy, timeout=10_000)
    both = ClaimFilter(text="zebra", statuses=disputed)
    expected = expected_ids(ws, both, model.order)
    assert 0 < len(expected) == model.rowCount()
    assert [model.claim_id_at(r) for r in range(len(expected))] == expected
    assert view.count_label.text() == f"{len(expected):,} claims"


def test_first_page_then_count_on_postgresql(qtbot, pg_url, seed_paths):
    """PostgreSQL matches the text by its own indexes (no walk, no count on the index):
    the table shows the first page, then the count, and sorts, all the same."""
    from db.analysts import bind_analyst
    from db.workspace import migrate, open_workspace

    migrate(pg_url)
    pg = open_workspace(pg_url)
    bind_analyst(pg)
    ctx = AppContext(pg, RecordingDialogs())
    try:
        info = add_seed_article(pg, seed_paths[3], "Gamma")
        sources = [create_source(pg, name).id for name in ("Agency", "Border guard")]
        bulk_claims(pg, [(info.id, article_text(pg, info.id).text)], sources, 400)
        view = _table(qtbot, ctx, PAGE)
        seen = _first_rows_then_count(qtbot, view, "border")
        flt = ClaimFilter(text="border")
        expected = expected_ids(pg, flt, ClaimOrder())
        assert len(expected) > PAGE
        assert seen["rows"] == PAGE and not seen["known"] and seen["ids"] == expected[:PAGE]
        model = view.model
        assert model.count_known and model.rowCount() == len(expected)
        assert view.count_label.text() == f"{len(expected):,} claims"
        view.table.sortByColumn(COL_STATEMENT, Qt.SortOrder.DescendingOrder)
        qtbot.waitUntil(lambda: not model.busy, timeout=10_000)
        assert model.order == ClaimOrder(SortKey.STATEMENT, True)
        rows = [model.claim_id_at(r) for r in range(model.rowCount())]
        assert sorted(rows) == sorted(expected)
        assert rows == [r[R_ID] for r in claim_page(pg, flt, model.order, 0, len(expected))]
    finally:
        ctx.undo_stack.clear()
        pg.close()
