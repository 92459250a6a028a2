"""Readings of quotes kept in the workspace: used while current, read again when what
they were read from changes, and proposals follow every edit."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, update

from db import claims as claim_ops
from db.articles import NewArticle, add_article
from db.claim_span import set_claim_span
from db.facts import profile as profile_module
from db.facts.proposals import conflicts, profiles
from db.facts.readings import key_of
from db.models import Claim, ClaimReading, Relation
from db.workspace import Workspace

OCT = dt.datetime(2024, 10, 18, tzinfo=dt.UTC)


@pytest.fixture(params=["sqlite", "postgresql"])
def ws(request: pytest.FixtureRequest, ws_path: Path) -> Iterator[Workspace]:
    """A workspace on each database (the shared one migrated as its owner)."""
    from db.analysts import bind_analyst
    from db.workspace import migrate, open_workspace

    url = str(ws_path)
    if request.param == "postgresql":
        url = request.getfixturevalue("pg_url")
        migrate(url)
    workspace = open_workspace(url)
    bind_analyst(workspace)
    try:
        yield workspace
    finally:
        workspace.close()


def _claims(ws):  # type: ignore[no-untyped-def]
    texts = [
        "Port officials said 4,000 marines landed on the island.",
        "A later report said 9,000 marines landed on the island.",
    ]
    ids = []
    for body in texts:
        art = add_article(ws, NewArticle(text=body, original=body.encode(), published_at=OCT))
        start = body.index(" said ") + 6
        ids.append(claim_ops.create_claim(ws, art.id, start, len(body) - 1).id)
    return ids


def _stored(ws) -> dict:  # type: ignore[no-untyped-def]
    with ws.session() as session:
        return {r.id: (r.key, r.reading) for r in session.scalars(select(ClaimReading))}


def _fresh_process() -> None:
    profile_module._CACHE.clear()  # as a new window would start


def test_proposals_store_each_reading_and_use_it_while_current(ws) -> None:  # type: ignore[no-untyped-def]
    first, second = _claims(ws)
    assert _stored(ws) == {}
    found = conflicts(ws)
    assert [x.relation for x in found] == [Relation.CONTRADICTS]
    stored = _stored(ws)
    assert set(stored) == {first, second}
    with ws.session() as session:
        for claim in session.scalars(select(Claim)):
            assert stored[claim.id][0] == key_of(claim.quote, claim.prefix, OCT)
    # A stored reading is what proposals use: make the second figure equal the first in
    # the stored copy only, and the contradiction becomes a repeat.
    reading = json.loads(stored[second][1])
    reading[0] = 4000.0
    with ws.engine.begin() as conn:
        changed = update(ClaimReading).where(ClaimReading.id == second)
        conn.execute(changed.values(reading=json.dumps(reading)))
    _fresh_process()
    assert {p.claim_id: p.value for p in profiles(ws)}[second] == 4000.0


def test_a_reading_whose_key_does_not_match_is_read_again_and_replaced(ws) -> None:  # type: ignore[no-untyped-def]
    _first, second = _claims(ws)
    conflicts(ws)
    with ws.engine.begin() as conn:
        conn.execute(
            update(ClaimReading)
            .where(ClaimReading.id == second)
            .values(key="0" * 32, reading='[1.0,null,"","marines"]')
        )
    _fresh_process()
    assert {p.claim_id: p.value for p in profiles(ws)}[second] == 9000.0
    assert _stored(ws)[second][0] != "0" * 32


def test_an_unreadable_stored_reading_is_read_again(ws) -> None:  # type: ignore[no-untyped-def]
    _first, second = _claims(ws)
    conflicts(ws)
    key = _stored(ws)[second][0]
    with ws.engine.begin() as conn:
        conn.execute(update(ClaimReading).where(ClaimReading.id == second).values(reading="{"))
    _fresh_process()
    assert {p.claim_id: p.value for p in profiles(ws)}[second] == 9000.0
    assert _stored(ws)[second][0] == key and _stored(ws)[second][1] != "{"


def test_proposals_follow_edits_of_quotes_dates_and_deletions(ws) -> None:  # type: ignore[no-untyped-def]
    first, second = _claims(ws)
    assert [x.relation for x in conflicts(ws)] == [Relation.CONTRADICTS]
    # The second quote moved onto words without its figure: nothing left to compare.
    info = claim_ops.get_claim(ws, second)
    set_claim_span(ws, second, info.start + 6, info.end)
    assert claim_ops.get_claim(ws, second).quote.startswith("marines landed")
    assert conflicts(ws) == []
    set_claim_span(ws, second, info.start, info.end)
    assert [x.relation for x in conflicts(ws)] == [Relation.CONTRADICTS]
    # Event dates a month apart make the later figure an update, not a contradiction.
    claim_ops.update_claim(ws, first, event_start=dt.date(2024, 8, 1))
    claim_ops.update_claim(ws, second, event_start=dt.date(2024, 10, 1))
    found = conflicts(ws)
    assert [(x.relation, x.from_claim.claim_id) for x in found] == [(Relation.UPDATES, second)]
    # A deleted claim takes its reading with it.
    claim_ops.delete_claim(ws, second)
    assert set(_stored(ws)) == {first}
    assert conflicts(ws) == []


def test_the_timeline_reads_and_keeps_the_same_readings(ws) -> None:  # type: ignore[no-untyped-def]
    from db.facts import timeline as timeline_module
    from db.facts.timeline import timeline

    first, second = _claims(ws)
    shown = {i.claim_id: i.value for i in timeline(ws).items}
    assert shown == {first: 4000.0, second: 9000.0}
    stored = _stored(ws)
    assert set(stored) == {first, second}
    # Proposals find them current: nothing is read or written again.
    _fresh_process()
    profiles(ws)
    assert _stored(ws) == stored
    # And the timeline uses what is stored.
    reading = json.loads(stored[second][1])
    reading[0] = 5000.0
    with ws.engine.begin() as conn:
        changed = update(ClaimReading).where(ClaimReading.id == second)
        conn.execute(changed.values(reading=json.dumps(reading)))
    timeline_module._PROFILES.clear()
    assert {i.claim_id: i.value for i in timeline(ws).items}[second] == 5000.0
