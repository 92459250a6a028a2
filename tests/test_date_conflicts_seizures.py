"""Happenings told by broad verb classes whatever the story: taking by force (seized,
impounded, boarded, captured) of a named thing, shooting at one ("opened fire on", "fired
on"), and a measure put in force ("the curfew was imposed"); relative days resolved
against the publication date before the dates are compared."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from db.facts.events import date_conflicts
from db.facts.happenings import Happening, happenings
from db.facts.profile import Profile, profile

# A Wednesday: "on Sunday" is 9 June 2030.
JUNE_12 = dt.datetime(2030, 6, 12, tzinfo=dt.UTC)
JUNE_20 = dt.datetime(2030, 6, 20, tzinfo=dt.UTC)


def _p(quote: str, published: dt.datetime = JUNE_20) -> Profile:
    return profile(uuid.uuid4(), uuid.uuid4(), quote, 0, len(quote), None, published)


@pytest.mark.parametrize(
    "quote",
    [
        "Border guards seized the trawler Kestrel Dawn on 9 June",
        "the trawler Kestrel Dawn was impounded on 9 June",
        "Coastguard officers boarded the trawler Kestrel Dawn on 9 June",
    ],
)
def test_taking_a_named_thing_by_force_is_one_kind(quote: str) -> None:
    assert Happening("arrest", "trawler", "") in happenings(_p(quote))


def test_a_seizure_told_on_a_relative_day_conflicts_with_one_a_day_later() -> None:
    told = _p("Coastguard officers boarded the trawler Kestrel Dawn on Sunday", JUNE_12)
    later = _p("Border guards seized the trawler Kestrel Dawn on 10 June")
    assert told.event_first == dt.date(2030, 6, 9)
    found = date_conflicts([told, later])
    assert len(found) == 1 and found[0].later is later


def test_the_same_day_of_a_seizure_agrees() -> None:
    told = _p("Coastguard officers boarded the trawler Kestrel Dawn on Sunday", JUNE_12)
    same = _p("the trawler Kestrel Dawn was impounded on 9 June")
    assert date_conflicts([told, same]) == []


@pytest.mark.parametrize(
    "quote",
    [
        "gunmen opened fire on the ferry Lark on Sunday",
        "gunmen fired on the Lark on 9 June",
    ],
)
def test_shooting_at_a_thing_is_an_attack_on_it(quote: str) -> None:
    assert any(h.kind == "attack" for h in happenings(_p(quote, JUNE_12)))


def test_a_shooting_a_month_early_conflicts() -> None:
    right = _p("gunmen opened fire on the ferry Lark on Sunday", JUNE_12)
    wrong = _p("The worst came on 9 May, when gunmen fired on the Lark")
    assert len(date_conflicts([right, wrong])) == 1


def test_a_measure_imposed_is_its_start() -> None:
    found = happenings(_p("the curfew was imposed on 9 June"))
    assert Happening("start", "curfew", "") in found


def test_a_curfew_imposed_a_year_early_conflicts_with_its_start() -> None:
    right = _p("The curfew, which began on 9 June")
    wrong = _p("the curfew was imposed on 9 June 2029")
    assert len(date_conflicts([right, wrong])) == 1


def test_closing_something_off_dates_the_one_siege_begun() -> None:
    began = _p("The siege, which began on 9 June")
    closed = _p("Rebel units sealed off the town's roads on Sunday", JUNE_12)
    wrong = _p("the siege of the town began on 9 June 2029")
    found = date_conflicts([began, closed, wrong])
    assert {frozenset((c.later.claim_id, c.earlier.claim_id)) for c in found} == {
        frozenset((began.claim_id, wrong.claim_id)),
        frozenset((closed.claim_id, wrong.claim_id)),
    }


def test_a_closing_recalled_from_years_before_is_another() -> None:
    began = _p("The siege, which began on 9 June")
    recalled = _p("rebels closed the port for 41 days in June 2024")
    assert date_conflicts([began, recalled]) == []


def test_without_a_closing_off_begun_a_road_closed_dates_nothing_more() -> None:
    one = _p("Police closed the bridge on Sunday", JUNE_12)
    other = _p("the bridge was shut on 2 June")
    assert all("siege" not in c.event for c in date_conflicts([one, other]))
