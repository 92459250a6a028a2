"""What happenings read of each quote, stored beside its figure reading (db.facts.told):
used while current it gives the proposals reading afresh gives, and it is read again
when the quote, its sentence or the readers' code changes."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

import pytest
from sqlalchemy import delete, select, update

from db import claims as claim_ops
from db.articles import NewArticle, add_article
from db.claim_span import set_claim_span
from db.facts import happenings
from db.facts import told as told_store
from db.facts.proposals import forget, propose_links
from db.models import ClaimReading
from db.workspace import Workspace

OCT = dt.datetime(2024, 10, 23, tzinfo=dt.UTC)
TEXTS = [
    "Officials said the first troops were sent in October 2023. Up to 4,000 troops "
    "could be sent by December.",
    "Officials said the first troops arrived in October 2024. Some 3,000 soldiers "
    "were deployed there.",
]


@pytest.fixture
def ws(store: Workspace) -> Workspace:
    """A workspace on each database (conftest's ``store``)."""
    return store


def _claims(ws: Workspace) -> list[uuid.UUID]:
    ids = []
    for body in TEXTS:
        art = add_article(ws, NewArticle(text=body, original=body.encode(), published_at=OCT))
        for sentence in body.split(". "):
            start = body.index(sentence) + (15 if sentence.startswith("Officials") else 0)
            end = body.index(sentence) + len(sentence.rstrip("."))
            ids.append(claim_ops.create_claim(ws, art.id, start, end).id)
    return ids


def _proposed(ws: Workspace) -> list[str]:
    forget()  # as a new window would start
    return [json.dumps(p.as_json(), sort_keys=True) for p in propose_links(ws)]


def _told(ws: Workspace) -> dict[uuid.UUID, str]:
    with ws.session() as session:
        rows = session.execute(select(ClaimReading.id, ClaimReading.happenings)).all()
    return {cid: text for cid, text in rows if text is not None}


def _afresh(ws: Workspace) -> list[str]:
    """The proposals with nothing stored: every quote read again."""
    with ws.engine.begin() as conn:
        conn.execute(delete(ClaimReading))
    return _proposed(ws)


def _tamper(ws: Workspace) -> None:
    """Make each stored happening befall a thing of its claim's own (a used one would
    show: no two claims then date one event)."""
    for cid, text in _told(ws).items():
        v = json.loads(text)
        for found, _places in v["r"].values():
            for h in found:
                h[1] = f"{h[1]} of {cid}"
        with ws.engine.begin() as conn:
            conn.execute(
                update(ClaimReading).where(ClaimReading.id == cid).values(happenings=json.dumps(v))
            )


def _no_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: Any) -> Any:
        raise AssertionError("read afresh")

    monkeypatch.setattr(happenings, "_read_afresh", refuse)
    monkeypatch.setattr(happenings, "_read_before_date", refuse)


def test_stored_happenings_give_what_reading_afresh_gives(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    _claims(ws)
    fresh = _afresh(ws)
    assert any('"kind": "date"' in p for p in fresh)  # the first deployment, dated twice
    stored = _told(ws)
    assert len(stored) >= 2
    written: list[Any] = []
    with monkeypatch.context() as m:
        _no_reading(m)  # nothing is read again: all comes from the stored readings
        m.setattr(told_store, "store", lambda *args: written.append(args) or 0)
        assert _proposed(ws) == fresh
    assert written == []  # nothing changed, nothing written
    assert _told(ws) == stored


def test_stored_happenings_are_what_proposals_use(ws: Workspace) -> None:
    _claims(ws)
    fresh = _afresh(ws)
    _tamper(ws)
    assert not any('"kind": "date"' in p for p in _proposed(ws))
    assert _afresh(ws) == fresh


def test_an_edited_quote_is_read_again(ws: Workspace) -> None:
    sent, _, arrived, _ = _claims(ws)
    _afresh(ws)
    _tamper(ws)
    for cid in (sent, arrived):
        info = claim_ops.get_claim(ws, cid)
        set_claim_span(ws, cid, info.start + 4, info.end)  # "first troops were sent in …"
    edited = _proposed(ws)
    assert any('"kind": "date"' in p for p in edited)
    assert edited == _afresh(ws)


def test_new_readers_code_reads_every_quote_again(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    _claims(ws)
    fresh = _afresh(ws)
    stored = _told(ws)
    _tamper(ws)
    monkeypatch.setattr(told_store, "_readers_digest", lambda: b"other readers")
    assert _proposed(ws) == fresh
    again = _told(ws)
    assert set(again) == set(stored)
    assert all(again[cid] != stored[cid] for cid in stored)  # stored under the new digests


def test_an_unreadable_stored_reading_is_read_again(ws: Workspace) -> None:
    _claims(ws)
    fresh = _afresh(ws)
    stored = _told(ws)
    with ws.engine.begin() as conn:
        conn.execute(update(ClaimReading).values(happenings="{"))
    assert _proposed(ws) == fresh
    again = _told(ws)
    assert {cid: again[cid] for cid in stored} == stored  # read again, stored again


def test_happenings_stay_stored_when_a_figure_reading_is_stored_again(ws: Workspace) -> None:
    _claims(ws)
    fresh = _afresh(ws)
    stored = _told(ws)
    # The figure readings unreadable, the happenings beside them still good: the figure
    # readings are stored again (their rows replaced), and what happenings read with them.
    with ws.engine.begin() as conn:
        conn.execute(update(ClaimReading).values(reading="{"))
    assert _proposed(ws) == fresh
    assert _told(ws) == stored


def test_stored_readings_are_kept_within_the_readers_cache_size(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    _claims(ws)
    fresh = _afresh(ws)
    assert len(_told(ws)) >= 2
    monkeypatch.setattr(happenings, "_READ_MAX", 1)
    sizes: list[tuple[int, int]] = []
    real_seed = told_store.seed

    def seed_and_measure(*args: Any) -> None:
        real_seed(*args)
        sizes.append((len(happenings._READ), len(happenings._BEFORE_DATE)))

    monkeypatch.setattr(told_store, "seed", seed_and_measure)
    # Handed back from the store one by one, never more than the cache holds; the
    # proposals are the same.
    assert _proposed(ws) == fresh
    assert sizes and all(read <= 1 and before <= 1 for read, before in sizes)


def test_a_stored_reading_never_replaces_one_kept() -> None:
    key = ("quote", "lead", "troops", "around")
    kept: tuple[set[Any], dict[str, str]] = (set(), {"x": "y"})
    happenings._READ.pop(key, None)
    try:
        assert happenings.remember_read(key, kept)
        assert not happenings.remember_read(key, (set(), {}))
        assert happenings._READ[key] is kept
    finally:
        happenings._READ.pop(key, None)
