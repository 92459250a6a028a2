"""Date conflicts: claims that date one event differently are proposed as contradicts
(kind "date"); different events with different dates, and agreeing dates, are not."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from db import claims as claim_ops
from db.articles import NewArticle, add_article
from db.cli import run
from db.facts.events import date_conflicts, describe_dates
from db.facts.profile import Profile, profile
from db.facts.proposals import accept, conflicts, dismiss
from db.links import all_links
from db.models import Relation
from db.workspace import Workspace

OCT_2024 = dt.datetime(2024, 10, 23, tzinfo=dt.UTC)
REFERENCE = Path(__file__).resolve().parent / "fixtures" / "facts_reference" / "reference.json"


def _p(quote: str, published: dt.datetime | None = OCT_2024, lead: str = "") -> Profile:
    return profile(uuid.uuid4(), uuid.uuid4(), quote, 0, len(quote), None, published, lead=lead)


def _flagged(a: str, b: str, published: dt.datetime | None = OCT_2024) -> bool:
    return bool(date_conflicts([_p(a, published), _p(b, published)]))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "the initial troops were sent in October 2023",
            "the first troops arrived in October 2024",
        ),
        (
            "the first North Korean soldiers were deployed in October 2023",
            "the first North Korean soldiers were deployed in October 2024",
        ),
        # A relative date, resolved against the publication day (October 2024).
        (
            "the first batch of 1,500 troops was sent in October 2023",
            ("the first batch of troops was deployed earlier this month"),
        ),
    ],
)
def test_one_event_dated_a_year_apart_is_a_date_conflict(a: str, b: str) -> None:
    (found,) = date_conflicts([_p(a), _p(b)])
    assert "October 2023" in found.why and "October 2024" in found.why
    assert found.earlier.quote == a and found.later.quote == b
    assert "first deployment of troops" in found.event


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Different events: a later wave is not the first deployment.
        (
            "the first troops were sent in October 2024",
            "a second wave of 3,000 troops was sent in December 2024",
        ),
        (
            "the first troops were sent in October 2024",
            "1,500 troops deployed in March 2025 to replace casualties",
        ),
        # No mark of a one-time event: two sendings may be two events.
        ("troops were sent in October 2024", "troops were sent in January 2025"),
        # Different counted things: soldiers and tanks.
        ("the first troops were sent in October 2024", "the first tanks were sent in March 2025"),
        # Different happenings: a deployment and a death.
        ("the first troops were sent in October 2023", "the first soldiers died in October 2024"),
        # Dates that agree: 8–13 October inside October; weeks apart, not a year.
        (
            "the first troops arrived between October 8-13, 2024",
            "the first troops were sent in October 2024",
        ),
        ("the first troops were sent in October 2024", "the first troops arrived in November 2024"),
    ],
)
def test_different_events_or_agreeing_dates_are_not_flagged(a: str, b: str) -> None:
    assert not _flagged(a, b)


def test_dates_need_an_event_date_not_the_publication_day() -> None:
    # Neither quote dates the event: the publication days say nothing about when it was.
    early = _p("the first troops have arrived", dt.datetime(2023, 10, 2, tzinfo=dt.UTC))
    late = _p("the first troops have arrived", dt.datetime(2024, 10, 2, tzinfo=dt.UTC))
    assert date_conflicts([early, late]) == []


def test_the_first_mark_may_come_just_before_the_quote() -> None:
    lead = _p("sent 1,500 soldiers in October 2024", lead="Pyongyang had, as a first step, ")
    other = _p("the initial soldiers were sent in October 2023")
    assert len(date_conflicts([lead, other])) == 1
    # A sentence ending before the quote does not carry its first mark over.
    cut = _p("sent 1,500 soldiers in October 2024", lead="The first step. Later, Pyongyang ")
    assert date_conflicts([cut, other]) == []


def test_a_repeat_of_a_first_event_claim_dates_that_event() -> None:
    first = _p("as a first step, 1,500 troops were sent")
    repeat = _p("1,500 troops were sent in October 2023")
    dated = _p("the first troops were sent in October 2024")
    assert date_conflicts([first, repeat, dated]) == []  # the repeat alone says no "first"
    found = date_conflicts([first, repeat, dated], [(first.claim_id, repeat.claim_id)])
    assert [(c.earlier, c.later) for c in found] == [(repeat, dated)]


def test_spans_in_words() -> None:
    assert describe_dates(dt.date(2023, 10, 1), dt.date(2023, 10, 31)) == "October 2023"
    assert describe_dates(dt.date(2024, 10, 8), dt.date(2024, 10, 13)) == "8–13 October 2024"
    assert describe_dates(dt.date(2024, 10, 8), dt.date(2024, 10, 8)) == "8 October 2024"


# ---------------------------------------------------------------- in a workspace


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, ws_path: Path) -> Iterator[tuple[Workspace, str]]:
    from db.analysts import bind_analyst
    from db.workspace import migrate, open_workspace

    if request.param == "sqlite":
        url = str(ws_path)
    else:
        url = request.getfixturevalue("pg_url")
        migrate(url)
    ws = open_workspace(url)
    bind_analyst(ws)
    try:
        yield ws, url
    finally:
        ws.close()


def _claim(ws: Workspace, body: str, quote: str, published: dt.datetime | None) -> str:
    art = add_article(
        ws,
        NewArticle(text=body, original=body.encode() + uuid.uuid4().bytes, published_at=published),
    )
    return str(claim_ops.create_claim_by_quote(ws, art.id, quote).id)


def test_a_misdated_event_is_proposed_and_dismissed(store, capsys) -> None:  # type: ignore[no-untyped-def]
    ws, url = store
    wrong = _claim(
        ws,
        "Officials said the initial 11,000 troops were sent in October 2023.",
        "the initial 11,000 troops were sent in October 2023",
        None,
    )
    right = _claim(
        ws,
        "The first North Korean soldiers were deployed in October 2024, officials said.",
        "The first North Korean soldiers were deployed in October 2024",
        None,
    )
    wave = _claim(
        ws,
        "A third wave of 3,500 soldiers was sent in February 2025.",
        "A third wave of 3,500 soldiers was sent in February 2025",
        None,
    )
    found = [p for p in conflicts(ws) if p.kind == "date"]
    (proposal,) = found
    assert proposal.relation is Relation.CONTRADICTS
    assert {str(proposal.from_claim.claim_id), str(proposal.to_claim.claim_id)} == {wrong, right}
    assert wave not in {str(p.from_claim.claim_id) for p in found}
    values = {proposal.value_of(proposal.from_claim), proposal.value_of(proposal.to_claim)}
    assert values == {"October 2023", "October 2024"}
    # The command line shows the kind and both dates as the values.
    assert run(["--db", url, "conflicts", "--format", "json"]) == 0
    rows = [r for r in json.loads(capsys.readouterr().out) if r["kind"] == "date"]
    assert {rows[0]["from"]["value"], rows[0]["to"]["value"]} == values
    assert rows[0]["to"]["event"] == {"first": "2023-10-01", "last": "2023-10-31"}
    # Dismissed: not proposed again.
    dismiss(ws, proposal)
    assert [p for p in conflicts(ws) if p.kind == "date"] == []


def test_accepting_a_date_conflict_links_the_claims(store) -> None:  # type: ignore[no-untyped-def]
    ws, _url = store
    wrong = _claim(
        ws,
        "The first troops arrived in October 2023.",
        "The first troops arrived in October 2023",
        None,
    )
    right = _claim(
        ws,
        "The first troops arrived earlier this month.",
        "The first troops arrived earlier this month",
        OCT_2024,
    )
    (proposal,) = [p for p in conflicts(ws) if p.kind == "date"]
    accept(ws, proposal)
    (link,) = all_links(ws)
    assert link.relation is Relation.CONTRADICTS
    assert {str(link.from_claim_id), str(link.to_claim_id)} == {wrong, right}
    assert "October 2023" in link.note
    assert [p for p in conflicts(ws) if p.kind == "date"] == []


def test_the_seed_that_misdates_the_first_deployment_is_flagged(ws, seed_paths: list[Path]) -> None:  # type: ignore[no-untyped-def]
    from db.importing import import_file

    ref = json.loads(REFERENCE.read_text(encoding="utf-8"))
    articles = {p.name: import_file(ws, p).id for p in seed_paths}
    ids = {}
    for key in ("A", "G", "H", "J", "K", "L"):
        c = ref["claims"][key]
        ids[key] = claim_ops.create_claim(ws, articles[c["seed"]], c["start"], c["end"]).id
    names = {v: k for k, v in ids.items()}
    dated = [p for p in conflicts(ws) if p.kind == "date"]
    assert {
        frozenset((names[p.from_claim.claim_id], names[p.to_claim.claim_id])) for p in dated
    } == {frozenset(("J", "H"))}
    (proposal,) = dated
    assert "October 2023" in proposal.why and "October 2024" in proposal.why


def test_an_event_told_of_as_it_is_read_from_its_sentence(ws: Workspace) -> None:  # type: ignore[no-untyped-def]
    first = _claim(
        ws,
        "HARBOUR DESK - The Varn lighthouse, a landmark of the coast, has stood dark "
        "since it closed in March 2021.",
        "since it closed in March 2021",
        OCT_2024,
    )
    second = _claim(
        ws,
        "The lighthouse closed in August 2023.",
        "The lighthouse closed in August 2023",
        OCT_2024,
    )
    found = [c for c in conflicts(ws) if c.kind == "date"]
    assert [{str(c.from_claim.claim_id), str(c.to_claim.claim_id)} for c in found] == [
        {first, second}
    ]


def test_a_bare_date_is_read_with_its_sentence_in_a_workspace(ws: Workspace) -> None:  # type: ignore[no-untyped-def]
    first = _claim(
        ws,
        "RAIL DESK - The tram, which was running empty to the depot, left the rails on the "
        "night of 4 October. Nobody was hurt.",
        "on the night of 4 October",
        OCT_2024,
    )
    second = _claim(ws, "The tram left the rails on 11 October.", "on 11 October", OCT_2024)
    found = [c for c in conflicts(ws) if c.kind == "date"]
    assert [{str(c.from_claim.claim_id), str(c.to_claim.claim_id)} for c in found] == [
        {first, second}
    ]
