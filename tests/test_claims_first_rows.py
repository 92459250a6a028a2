"""The claims table's opening reads without the ORM (db.claim_first_rows) give what the
paged reads of db.claim_pages give: the same count, the same rows, in the same order, for
every page of the article order either way, on SQLite and PostgreSQL; and reading them
through the table's door loads neither the ORM nor the models."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from review_support import add_seed, claim_at

from db import claim_first_rows, claim_pages, comments, contested, links, relays, sources
from db.claim_pages import claim_page, count_claims
from db.claim_rows import R_CONTESTED, R_RELAYS, R_SUPERSEDED_BY, R_TAGS, R_THREADS
from db.claims import ClaimFilter, update_claim
from db.models import Relation, Status
from db.workspace import Workspace
from desktop.operations import claims_table as ops

ROOT = Path(__file__).resolve().parent.parent
ORDERS = [
    claim_first_rows.ClaimOrder(key, descending)
    for key in sorted(claim_first_rows.ARTICLE_ORDERS)
    for descending in (False, True)
]


def _fill(ws: Workspace, seeds: list[Path]) -> None:
    """Claims in three articles, two of them with the same title (their order is then
    the article id's), some at the same place (then the claim id's), with every kind
    of value a row reads from beside the claim."""
    made = []
    titles = ["Same title", "Same title", "A first"]
    for n, (seed, title) in enumerate(zip(seeds, titles, strict=True)):
        aid, body = add_seed(ws, seed, title)
        for nth in range(7):
            made.append(claim_at(ws, aid, body, nth % 5, statement=f"claim {n}.{nth}"))
    ids = [c.id for c in made]
    update_claim(ws, ids[0], status=Status.DISPUTED, tags=["zulu", "alpha"])
    update_claim(ws, ids[3], reliability="B", credibility=2, event_start="2024-10-08")
    update_claim(ws, ids[8], tags=["border"], event_start="2024-01-02", event_end="2024-01-09")
    wire = sources.find_or_create_source(ws, "Wire One")
    agency = sources.find_or_create_source(ws, "agency")
    update_claim(ws, ids[9], source_id=wire.id)
    relays.set_relay_ids(ws, ids[10], [wire.id, agency.id])
    links.add_link(ws, ids[11], ids[12], Relation.UPDATES)
    links.add_link(ws, ids[13], ids[14], Relation.SUPPORTS)
    contested.set_contested(ws, [ids[15]], True)
    first = comments.add_comment(ws, ids[16], "Which briefing?")
    comments.reply(ws, first.id, "The second one.")
    comments.add_comment(ws, ids[16], "And the date?")
    closed = comments.add_comment(ws, ids[17], "Settled.")
    comments.resolve_thread(ws, closed.id)


def test_first_rows_equal_the_paged_rows(store: Workspace, seed_paths: list[Path]) -> None:
    _fill(store, seed_paths[:3])
    everything = ClaimFilter()
    total = count_claims(store, everything)
    assert claim_first_rows.count_all(store) == total == 21
    for order in ORDERS:
        whole = claim_page(store, everything, order, 0, total + 5)
        assert claim_first_rows.page(store, order, 0, total + 5) == whole
        assert len({row[0] for row in whole}) == total
        for size in (4, 7):
            for offset in range(0, total + size, size):
                expected = claim_page(store, everything, order, offset, size)
                assert expected == whole[offset : offset + size]
                assert claim_first_rows.page(store, order, offset, size) == expected
                # Given the total, a page past the middle is read from the end.
                read_back = claim_first_rows.page(store, order, offset, size, total=total)
                assert read_back == expected, (order, offset, size)
    rows = claim_first_rows.page(store, ORDERS[0], 0, total)
    assert sorted(r[R_TAGS] for r in rows if r[R_TAGS]) == ["alpha, zulu", "border"]
    assert sorted(r[R_RELAYS] for r in rows if r[R_RELAYS]) == ["Wire One → agency"]
    assert sorted(r[R_THREADS] for r in rows if r[R_THREADS]) == [2]
    assert sum(1 for r in rows if r[R_SUPERSEDED_BY]) == 1
    assert sum(1 for r in rows if r[R_CONTESTED]) == 1


def test_a_page_read_in_several_chunks_equals_one_read_whole(
    ws: Workspace, seed_paths: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """On SQLite a page's rows, tags and relays are read by chunks of ids."""
    _fill(ws, seed_paths[:3])
    order = claim_first_rows.ClaimOrder()
    whole = claim_first_rows.page(ws, order, 0, 30)
    monkeypatch.setattr(claim_first_rows, "_CHUNK", 4)
    assert claim_first_rows.page(ws, order, 0, 30) == whole
    assert whole == claim_page(ws, ClaimFilter(), order, 0, 30)
    assert len(whole) == 21


def test_the_table_door_reads_unfiltered_article_order_without_the_orm(
    store: Workspace, seed_paths: list[Path]
) -> None:
    _fill(store, seed_paths[:3])
    order = claim_first_rows.ClaimOrder()
    assert claim_first_rows.serves(ClaimFilter(), order)
    assert not claim_first_rows.serves(ClaimFilter(text="claim"), order)
    assert not claim_first_rows.serves(ClaimFilter(), claim_first_rows.ClaimOrder("status"))
    expected = claim_page(store, ClaimFilter(), order, 5, 5)
    with pytest.MonkeyPatch.context() as m:

        def refuse(*_args: object, **_kwargs: object) -> None:
            raise AssertionError("read through db.claim_pages")

        m.setattr(claim_pages, "claim_page", refuse)
        m.setattr(claim_pages, "count_claims", refuse)
        assert ops.count(store, ClaimFilter()) == 21
        assert ops.page(store, ClaimFilter(), order, 1, size=5) == expected
    disputed = ClaimFilter(statuses=frozenset({Status.DISPUTED}))
    assert ops.count(store, disputed) == 1
    assert len(ops.page(store, disputed, order, 0)) == 1


PROBE = """
import sys
from db.workspace import open_workspace
from db.claim_criteria import ClaimFilter
from db.claim_order import ClaimOrder
from desktop.operations import claims_table as ops
import desktop.claims_table  # the panel's own modules too
ws = open_workspace({path!r})
rows = ops.page(ws, ClaimFilter(), ClaimOrder(), 0)
print(len(rows), ops.count(ws, ClaimFilter()))
print(sorted(m for m in ("sqlalchemy.orm", "db.models", "db.claims") if m in sys.modules))
"""


def test_the_first_rows_are_read_before_the_orm_is_imported(
    ws: Workspace, seed_paths: list[Path], tmp_path: Path
) -> None:
    _fill(ws, seed_paths[:3])
    path = Path(str(ws.engine.url.database))
    ws.close()
    code = PROBE.format(path=str(path))
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    counted, loaded = result.stdout.splitlines()[-2:]
    assert counted == "21 21"
    assert loaded == "[]"
