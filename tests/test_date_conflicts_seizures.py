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
